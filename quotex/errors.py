"""Errors the library raises and the exit codes the CLI maps them to."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes, shared by every command."""

    OK = 0
    ERROR = 1
    USAGE = 2
    MODEL_MISSING = 3
    INTERRUPTED = 130  # Ctrl-C (SIGINT): 128 + 2, as shells report it
    TERMINATED = 143  # SIGTERM: 128 + 15


class QuotexError(Exception):
    """Base class: a problem the user can fix, with a one-line message saying how."""

    exit_code: ExitCode = ExitCode.ERROR


class InputError(QuotexError):
    """An input could not be read: missing path, undecodable bytes, bad JSONL line."""


class UsageError(QuotexError):
    """Options that contradict each other or name something impossible."""

    exit_code = ExitCode.USAGE


class ModelError(QuotexError):
    """The spaCy pipeline could not be loaded."""

    exit_code = ExitCode.MODEL_MISSING


class OutputError(QuotexError):
    """The output destination cannot be written: missing folder, a folder as file, ..."""


class Interrupted(QuotexError):
    """A run stopped by Ctrl-C or SIGTERM whose work is kept (a store to resume)."""

    exit_code = ExitCode.INTERRUPTED
