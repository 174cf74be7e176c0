"""What every command shares: the Typer app, option types, output choice, error policy.

Commands (:mod:`quotex.cli.extract`, :mod:`quotex.cli.show`, :mod:`quotex.cli.eval`)
register on :data:`app`, declare their options with the types below, and run their
worker under :func:`guard`, which turns ``QuotexError``, Ctrl-C and a closed pipe into a
message and an exit code. spaCy is never imported here, so ``quotex --help`` is instant.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

import typer

from quotex.cli.console import warn
from quotex.engines import Engine
from quotex.errors import ExitCode, QuotexError, UsageError
from quotex.io.writers import Format
from quotex.pipeline import Scope
from quotex.selection import EntityScope

if TYPE_CHECKING:
    from quotex.corpus import Corpus

HELP = """Who said what: quotations, speakers, reporting verbs and named entities in news text.

Pipe an article in, or name files, folders and JSONL corpora:

  cat article.txt | quotex quotes

  quotex extract samples/ --format jsonl -o quotes.jsonl
"""
STDOUT = "-"
MAX_FAILED_SHOWN = 10  # sources named in the closing line; the rest are counted
# The signals that end a run: what stderr says and the exit code.
STOPS: dict[signal.Signals, tuple[str, ExitCode]] = {
    signal.SIGINT: ("interrupted", ExitCode.INTERRUPTED),
    signal.SIGTERM: ("terminated (SIGTERM)", ExitCode.TERMINATED),
}

app = typer.Typer(
    help=HELP,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

Inputs = Annotated[
    list[str] | None,
    typer.Argument(
        help="Files, folders, JSONL files or - for stdin (default: stdin).", show_default=False
    ),
]
FormatOpt = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        help="table (default on a terminal), json, jsonl (default when piped) or csv.",
        case_sensitive=False,
        show_default=False,
    ),
]
OutputOpt = Annotated[
    str | None,
    typer.Option(
        "--output", "-o", help="Write to FILE (atomically) instead of stdout.", show_default=False
    ),
]
ModelOpt = Annotated[
    str,
    typer.Option("--model", help="spaCy pipeline: an installed package name or a folder."),
]
ScopeOpt = Annotated[
    Scope,
    typer.Option(
        "--scope",
        help="What counts as a quotation: speech (speech and writing: said, told, wrote, "
        "according to) or all (also beliefs, wants, stances and evidence, as PolNeAR counts).",
    ),
]
GlobOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--glob",
        help="File patterns to read in folders (default *.txt and *.md).",
        show_default=False,
    ),
]
InputFormatOpt = Annotated[
    str | None,
    typer.Option(
        "--input-format",
        help="text or jsonl: how to read every input (default: by extension, .jsonl is JSONL).",
        show_default=False,
    ),
]
TextFieldOpt = Annotated[str, typer.Option("--text-field", help="JSONL field with the text.")]
IdFieldOpt = Annotated[str, typer.Option("--id-field", help="JSONL field with the document id.")]
EncodingOpt = Annotated[str, typer.Option("--encoding", help="Encoding of input files.")]
BatchOpt = Annotated[int, typer.Option("--batch-size", min=1, help="Documents per batch.")]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary.")]
FailFastOpt = Annotated[bool, typer.Option("--fail-fast", help="Stop at the first bad document.")]
RawCsvOpt = Annotated[
    bool,
    typer.Option("--raw-csv", help="Do not escape cells starting with = + - @ in CSV."),
]
EngineOpt = Annotated[
    Engine | None,
    typer.Option(
        "--engine",
        help="local (default: this process, --jobs processes) or "
        "dask (a local Dask cluster of --jobs workers, or the --scheduler one).",
        case_sensitive=False,
        show_default=False,
    ),
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="Run on the Dask cluster at this address, e.g. tcp://HOST:8786 (needs quotex[dask]).",
        show_default=False,
    ),
]
PartitionOpt = Annotated[
    int,
    typer.Option("--partition-size", min=1, help="Documents per Dask task."),
]
OutputDirOpt = Annotated[
    str | None,
    typer.Option(
        "--output-dir",
        help="Dask engine: each worker writes its partitions to "
        "DIR as part-NNNNN.jsonl, plus a manifest.json.",
        show_default=False,
    ),
]
WhereOpt = Annotated[
    EntityScope,
    typer.Option(
        "--where",
        help="Entity mentions to keep: all, in-quote (inside someone's "
        "words) or outside (entities and extract).",
        case_sensitive=False,
    ),
]


@dataclass(frozen=True)
class Output:
    """Where and how a command writes: ``--format``, ``-o``, ``--quiet``, ``--raw-csv``."""

    fmt: Format | None = None
    path: str | None = None
    quiet: bool = False
    raw_csv: bool = False

    @property
    def to_stdout(self) -> bool:
        return self.path in (None, STDOUT)


def choose_format(output: Output) -> Format:
    """``--format`` if given, else a table on a terminal and JSON Lines otherwise."""
    if output.fmt is not None:
        if output.fmt is Format.TABLE and not output.to_stdout:
            raise UsageError("--format table is for the terminal; use json, jsonl or csv with -o")
        return output.fmt
    if output.to_stdout and sys.stdout.isatty():
        return Format.TABLE
    return Format.JSONL


def wants_progress(output: Output) -> bool:
    """A bar only on a terminal stderr, and not while results scroll on the same terminal."""
    to_terminal = output.to_stdout and sys.stdout.isatty()
    return not output.quiet and sys.stderr.isatty() and not to_terminal


def refuse_output_over_inputs(path: str | None, corpus: Corpus) -> None:
    """Stop (exit 2) before writing if ``-o`` is one of the corpus's inputs or would be read
    as one (:func:`quotex.io.targets.refuse_output_over_inputs`)."""
    from quotex.io.targets import refuse_output_over_inputs as refuse

    options = corpus.options
    refuse(path, corpus.sources, options.inputs, options.glob)


def fail(message: str, code: ExitCode) -> typer.Exit:
    """Say ``message`` on stderr; return the ``Exit`` to raise with ``code``."""
    warn(message)
    return typer.Exit(int(code))


def guard(worker: Callable[[], list[str] | int], output: str | None = None) -> None:
    """Run a command's worker under the CLI's error and signal policy.

    A ``QuotexError`` becomes its one-line message and exit code; Ctrl-C exits 130 and
    SIGTERM 143 (naming the ``-o`` file that was not written), whatever the engine was
    doing when the signal came; a closed pipe exits quietly; failed documents (a list of
    sources, or a count) give a closing line and exit 1.
    """
    stopped_by: list[int] = []  # the signal that ends the run, once one came
    previous = {signum: signal.signal(signum, _stop_handler(stopped_by)) for signum in STOPS}
    try:
        failed = worker()
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(int(ExitCode.OK)) from None
    except (Exception, KeyboardInterrupt) as exc:
        # After a signal, whatever the shutdown raised (a worker it stopped, say) is the signal.
        if stopped_by or isinstance(exc, KeyboardInterrupt):
            raise _stopped(stopped_by[0] if stopped_by else signal.SIGINT, output) from None
        if isinstance(exc, QuotexError):
            raise fail(str(exc), exc.exit_code) from None
        raise
    finally:
        for signum, handler in previous.items():
            if handler is not None:  # None: a handler not set from Python, left alone
                signal.signal(signum, handler)
    if isinstance(failed, int) and failed:
        raise fail(f"{failed} document(s) failed; see the messages above", ExitCode.ERROR)
    if isinstance(failed, list) and failed:
        raise fail(failure_summary(failed), ExitCode.ERROR)


def _stop_handler(stopped_by: list[int]) -> Callable[[int, Any], None]:
    """A handler for SIGINT and SIGTERM: the first one ends the run, later ones wait for it.

    The run ends by ``KeyboardInterrupt``, so every ``with`` and ``finally`` on the way
    out (temporary files, worker processes, a Dask cluster) cleans up. A second signal
    would cut that cleaning short, so it is noted and ignored: one Ctrl-C is enough.
    """

    def handle(signum: int, frame: Any) -> None:
        stopped_by.append(signum)
        if len(stopped_by) == 1:
            raise KeyboardInterrupt

    return handle


def _stopped(signum: int, output: str | None) -> typer.Exit:
    """The one line and exit code for a run that ``signum`` ended."""
    what, code = STOPS[signal.Signals(signum)]
    kept = "" if output in (None, STDOUT) else f"; {output} was not written"
    return fail(f"{what}{kept}", code)


def failure_summary(failed: list[str]) -> str:
    """The closing line of a run with failures: how many, and which."""
    shown = ", ".join(failed[:MAX_FAILED_SHOWN])
    more = len(failed) - MAX_FAILED_SHOWN
    shown += f" and {more} more" if more > 0 else ""
    return f"{len(failed)} document(s) failed ({shown}); see the messages above"


def _silence_stdout() -> None:
    """After the reader of a pipe went away, stop Python complaining at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main() -> None:
    """Entry point for ``python -m quotex``."""
    app()
