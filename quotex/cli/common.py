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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

import click
import typer
from typer.core import TyperCommand

from quotex import stopping
from quotex.cli.console import echo, out, warn
from quotex.corpus import CorpusOptions
from quotex.engines import Engine
from quotex.errors import ExitCode, Interrupted, QuotexError, UsageError
from quotex.io.readers import DEFAULT_GLOBS
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
# What a folder gives when --glob is not passed: article files, not a README beside them.
ARTICLE_GLOBS: tuple[str, ...] = DEFAULT_GLOBS
DASK_PANEL = "Dask engine"
STORE_PANEL = "SQLite store"
STDIN_HINT = (
    "no input: pipe an article in (cat article.txt | quotex {command}), name files or "
    "folders, or pass - to type the text"
)


class PanelCommand(TyperCommand):
    """A command whose help lists options under their ``rich_help_panel`` heading
    ("Dask engine", "SQLite store") after the general ones, in plain text."""

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        sections: dict[str, list[tuple[str, str]]] = {"Arguments": [], "Options": []}
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                # its metavar, not typer's "inputs <list[str]>"
                name = param.metavar or param.human_readable_name
                sections["Arguments"].append(
                    (name + ("..." if param.nargs != 1 else ""), record[1])
                )
            else:
                panel = getattr(param, "rich_help_panel", None) or "Options"
                sections.setdefault(panel, []).append(record)
        for title, records in sections.items():
            if records:
                with formatter.section(title):
                    formatter.write_dl(records)


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
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(value: bool) -> None:
    if value:
        from quotex import __version__

        echo(out, f"quotex {__version__}")
        raise typer.Exit


@app.callback()
def _main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Print the version and exit.",
            callback=_print_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """Who said what: quotations, speakers, reporting verbs and named entities in news text."""


def command(name: str, help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a command on :data:`app` with grouped option help (:class:`PanelCommand`)."""
    return app.command(name, help=help_text, cls=PanelCommand)


def article_globs(glob: list[str] | None) -> list[str]:
    """``--glob`` as given, else :data:`ARTICLE_GLOBS`."""
    return list(glob) if glob else list(ARTICLE_GLOBS)


def corpus_options(
    inputs: Sequence[str] | None,
    *,
    scope: Scope,
    cues: str | None,
    glob: Sequence[str] | None,
    urls: str | None,
    **given: Any,
) -> CorpusOptions:
    """The :class:`~quotex.corpus.CorpusOptions` of a command's parameters: the CLI's names
    (``--cues``, ``--urls``, ``--glob`` defaulting to articles) turned into the library's."""
    return CorpusOptions(
        inputs=list(inputs or []),
        scope=str(scope),
        cues_file=cues,
        glob=article_globs(glob),
        urls_file=urls,
        **given,
    )


def stdin_or_hint(inputs: Sequence[str], command_name: str) -> Sequence[str]:
    """``inputs``; with none while stdin is a terminal (nothing piped in), a
    :class:`UsageError` with a one-line hint instead of a silent wait."""
    if not inputs and stdin_is_terminal():
        raise UsageError(STDIN_HINT.format(command=command_name))
    return inputs


def stdin_is_terminal() -> bool:
    """Whether stdin is a terminal: nothing piped or redirected in."""
    return sys.stdin.isatty()


Inputs = Annotated[
    list[str] | None,
    typer.Argument(
        help="Files, folders, JSONL files, HTML pages, http(s) URLs or - for stdin "
        "(default: stdin).",
        show_default=False,
        metavar="PATH",
    ),
]
FormatOpt = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        help="table (default on a terminal), json, jsonl (default when piped), csv, "
        "or sqlite (a store file; the default for -o FILE.db, .sqlite, .sqlite3).",
        case_sensitive=False,
        show_default=False,
    ),
]
OutputOpt = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to FILE (atomically) instead of stdout; FILE.db is a SQLite store.",
        show_default=False,
        metavar="FILE",
    ),
]
ModelOpt = Annotated[
    str,
    typer.Option(
        "--model", metavar="NAME", help="spaCy pipeline: an installed package name or a folder."
    ),
]
ScopeOpt = Annotated[
    Scope,
    typer.Option(
        "--scope",
        help="What counts as a quotation: speech (speech and writing: said, told, wrote, "
        "according to) or all (also beliefs, wants, stances and evidence, as PolNeAR counts).",
    ),
]
CuesOpt = Annotated[
    str | None,
    typer.Option(
        "--cues",
        metavar="FILE",
        help="Extra reporting verbs, one lemma a line (# comments): cues like 'said'.",
        show_default=False,
    ),
]
GlobOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--glob",
        help="File patterns to read in folders (default *.txt, *.jsonl, *.html and *.htm).",
        show_default=False,
        metavar="PATTERN",
    ),
]
InputFormatOpt = Annotated[
    str | None,
    typer.Option(
        "--input-format",
        help="text, jsonl, json or html: how to read every input (default: by extension; "
        "a text input that opens as an HTML page is read as one).",
        show_default=False,
        metavar="text|jsonl",
    ),
]
TextFormatOpt = Annotated[
    str | None,
    typer.Option(
        "--text-format",
        metavar="FORMAT",
        help="text or html: what the text field of JSONL and JSON records holds (default: text).",
        show_default=False,
    ),
]
UrlsOpt = Annotated[
    str | None,
    typer.Option(
        "--urls",
        metavar="FILE",
        help="Also read the web pages listed in FILE, one http(s) URL per line (# comments).",
        show_default=False,
    ),
]
MaxBytesOpt = Annotated[
    int,
    typer.Option(
        "--max-bytes", min=1, metavar="N", help="Refuse web pages larger than this, unparsed."
    ),
]
WithTextOpt = Annotated[
    bool,
    typer.Option(
        "--with-text",
        help="Put each document's text in its JSON record (web pages' records always have it).",
    ),
]
TextFieldOpt = Annotated[
    str, typer.Option("--text-field", metavar="FIELD", help="JSONL field with the text.")
]
IdFieldOpt = Annotated[
    str, typer.Option("--id-field", metavar="FIELD", help="JSONL field with the document id.")
]
EncodingOpt = Annotated[
    str, typer.Option("--encoding", metavar="NAME", help="Encoding of input files.")
]
BatchOpt = Annotated[
    int, typer.Option("--batch-size", min=1, metavar="N", help="Documents per batch.")
]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=1, metavar="N", help="Worker processes.")]
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
        rich_help_panel=DASK_PANEL,
    ),
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="Run on the Dask cluster at this address, e.g. tcp://HOST:8786 (needs quotex[dask]).",
        show_default=False,
        metavar="URL",
        rich_help_panel=DASK_PANEL,
    ),
]
PartitionOpt = Annotated[
    int,
    typer.Option(
        "--partition-size",
        min=1,
        metavar="N",
        help="Documents per Dask task.",
        rich_help_panel=DASK_PANEL,
    ),
]
OutputDirOpt = Annotated[
    str | None,
    typer.Option(
        "--output-dir",
        help="Dask engine: each worker writes its partitions to "
        "DIR as part-NNNNN.jsonl, plus a manifest.json.",
        show_default=False,
        metavar="DIR",
        rich_help_panel=DASK_PANEL,
    ),
]
ResumeOpt = Annotated[
    bool,
    typer.Option(
        "--resume",
        help="Keep the store and process only the documents it lacks (after an interrupted run).",
        rich_help_panel=STORE_PANEL,
    ),
]
OverwriteOpt = Annotated[
    bool,
    typer.Option(
        "--overwrite",
        help="Delete an existing store and start again.",
        rich_help_panel=STORE_PANEL,
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
# quotes has no entities to filter: the option is refused there, so not shown in its help
HiddenWhereOpt = Annotated[EntityScope, typer.Option("--where", case_sensitive=False, hidden=True)]


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
    """``--format`` if given, else a SQLite store for ``-o FILE.db`` (``.sqlite``,
    ``.sqlite3``), a table on a terminal and JSON Lines otherwise."""
    from quotex.io.store import is_store_path

    if output.fmt is not None:
        if output.fmt is Format.TABLE and not output.to_stdout:
            raise UsageError("--format table is for the terminal; use json, jsonl or csv with -o")
        if output.fmt is Format.SQLITE and output.to_stdout:
            raise UsageError("--format sqlite writes a store file; name it with -o corpus.db")
        return output.fmt
    if not output.to_stdout and is_store_path(output.path):
        return Format.SQLITE
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
    stopping.clear()
    previous = {signum: signal.signal(signum, _stop_handler(stopped_by)) for signum in STOPS}
    try:
        with stopping.quiet_lost_interrupts():
            failed = worker()
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(int(ExitCode.OK)) from None
    except (Exception, KeyboardInterrupt) as exc:
        if isinstance(exc, Interrupted):  # a stopped run that kept its work: its own words
            code = STOPS[signal.Signals(stopped_by[0])][1] if stopped_by else exc.exit_code
            raise fail(str(exc), code) from None
        # After a signal, whatever the shutdown raised (a worker it stopped, say) is the signal.
        if stopped_by or isinstance(exc, KeyboardInterrupt):
            raise _stopped(stopped_by[0] if stopped_by else signal.SIGINT, output) from None
        if isinstance(exc, QuotexError):
            raise fail(str(exc), exc.exit_code) from None
        raise
    finally:
        stopping.clear()
        for signum, handler in previous.items():
            if handler is not None:  # None: a handler not set from Python, left alone
                signal.signal(signum, handler)
    if stopped_by:  # the run ended though a signal came: say so (its exception was lost)
        raise _stopped(stopped_by[0], output)
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
            stopping.request(signum)  # in case this exception is lost (see quotex.stopping)
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
