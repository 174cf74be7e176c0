"""The command line: a thin Typer layer over the library.

Commands validate options, call plain functions, and map ``QuotexError`` to a one-line
message on stderr and an exit code. spaCy is imported only inside command bodies, so
``quotex --help`` is instant.
"""

from __future__ import annotations

import json
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from quotex.engines import Engine
from quotex.errors import ExitCode, QuotexError, UsageError
from quotex.io.writers import Format, View
from quotex.pipeline import DEFAULT_MODEL
from quotex.selection import EntityScope

HELP = """Who said what: quotations, speakers, reporting verbs and named entities in news text.

Pipe an article in, or name files, folders and JSONL corpora:

  cat article.txt | quotex quotes

  quotex extract samples/ --format jsonl -o quotes.jsonl
"""
EXTRACT_HELP = """Quotes and entities of every document, as one record per document.

Example: quotex extract samples/nato-russia.txt --format json
"""
QUOTES_HELP = """Every quotation with its type, speaker, speaker mention and cue.

Example: quotex quotes samples/ --format csv -o quotes.csv
"""
ENTITIES_HELP = """Named entities, their mentions clustered ("Putin" = "Vladimir Putin").

Example: quotex entities samples/nato-russia.txt
"""
EVAL_HELP = """Score quotex against a gold corpus (JSONL: id, text, quotes and/or entities).

Prints precision, recall and F1 of quote spans by type, speaker and cue accuracy, and
entity scores when the gold has entities. See the README for the matching rule.

Example: quotex eval gold.jsonl --details
"""

app = typer.Typer(
    help=HELP,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)

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
class RunOptions:
    """Everything a corpus run needs, validated."""

    inputs: list[str]
    fmt: Format | None
    output: str | None
    model: str
    glob: list[str] | None
    input_format: str | None
    text_field: str
    id_field: str
    encoding: str
    batch_size: int
    jobs: int
    quiet: bool
    fail_fast: bool
    raw_csv: bool
    where: EntityScope = EntityScope.ALL
    engine: Engine | None = None  # None: local, or Dask when a scheduler is given
    scheduler: str | None = None
    partition_size: int = 64
    output_dir: str | None = None

    @property
    def on_dask(self) -> bool:
        return self.engine is Engine.DASK or self.scheduler is not None


def _terminate(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _fail(message: str, code: ExitCode) -> typer.Exit:
    err.print(f"quotex: {message}", markup=False)
    return typer.Exit(int(code))


def _choose_format(fmt: Format | None, output: str | None) -> Format:
    if fmt is not None:
        if fmt is Format.TABLE and output not in (None, "-"):
            raise UsageError("--format table is for the terminal; use json, jsonl or csv with -o")
        return fmt
    if output in (None, "-") and sys.stdout.isatty():
        return Format.TABLE
    return Format.JSONL


def run(view: View, options: RunOptions) -> list[str]:
    """Read, extract and write a corpus; return the sources of the failed documents."""
    from quotex.engines.dask import PartWritten
    from quotex.extraction import ExtractFailure
    from quotex.io.readers import ReadFailure, count_documents, iter_documents, resolve_inputs
    from quotex.io.writers import atomic_output, make_writer
    from quotex.pipeline import load_nlp
    from quotex.render.progress import corpus_progress
    from quotex.render.tables import entities_table, quotes_table
    from quotex.selection import entities_in_scope

    fmt = _choose_format(options.fmt, options.output)
    if view is View.QUOTES and options.where is not EntityScope.ALL:
        raise UsageError("--where filters entities; use it with quotex entities or extract")
    _check_engine(options, fmt)
    sources = resolve_inputs(options.inputs, glob=options.glob, input_format=options.input_format)
    nlp = None if options.on_dask else load_nlp(options.model)
    documents = iter_documents(
        sources, text_field=options.text_field, id_field=options.id_field, encoding=options.encoding
    )
    documents = _note_lone_empty(documents, options.quiet)
    table = entities_table if view is View.ENTITIES else quotes_table
    show_progress = _wants_progress(options)
    total = count_documents(sources) if show_progress else None
    failed: list[str] = []
    failures = done = quotes = entities = 0
    started = time.perf_counter()
    with (
        atomic_output(options.output) as stream,
        corpus_progress(err, total, enabled=show_progress) as advance,
        _engine_results(documents, nlp, options, view) as results,
    ):
        writer = (
            None if fmt is Format.TABLE else make_writer(fmt, stream, view, raw_csv=options.raw_csv)
        )
        for item in results:
            if isinstance(item, PartWritten):  # --output-dir: a worker wrote these documents itself
                done, quotes, entities = (
                    done + item.documents,
                    quotes + item.quotes,
                    entities + item.entities,
                )
                for _ in range(item.documents):
                    advance()
                continue
            advance()
            if isinstance(item, ReadFailure | ExtractFailure):
                failures += 1
                failed.append(item.source)
                err.print(f"quotex: {item.source}: {item.message}", markup=False)
                if options.fail_fast:
                    raise QuotexError("stopped at the first failure (--fail-fast)")
                continue
            done += 1
            item = entities_in_scope(item, options.where)
            quotes += len(item.quotes)
            entities += len(item.entities)
            if writer is None:
                out.print(table(item))
            else:
                writer.write(item)
        if writer is not None:
            writer.close()
    if not options.quiet and (done + failures > 1 or failures):
        seconds = time.perf_counter() - started
        err.print(
            f"quotex: {done} documents, {quotes} quotes, {entities} entities, "
            f"{failures} failed, {seconds:.1f} s",
            markup=False,
        )
    return failed


def _check_engine(options: RunOptions, fmt: Format) -> None:
    """Refuse engine options that contradict each other, naming the flag to change."""
    if options.engine is Engine.LOCAL and options.scheduler is not None:
        raise UsageError("--scheduler runs on Dask; leave out --engine local")
    if options.on_dask:
        from quotex.engines.dask import require_distributed

        require_distributed()
    if options.output_dir is None:
        return
    if not options.on_dask:
        raise UsageError(
            "--output-dir is for the Dask engine; add --engine dask or --scheduler, or use -o FILE"
        )
    if options.output not in (None, "-"):
        raise UsageError("--output-dir and -o both name the output; pass one of them")
    if options.fmt not in (None, Format.JSONL):
        raise UsageError("--output-dir writes JSON Lines parts; leave out --format")


@contextmanager
def _engine_results(
    documents: Iterator[Any], nlp: Any, options: RunOptions, view: View
) -> Iterator[Iterator[Any]]:
    """The stream of results from the engine the options choose (a cluster lives as long
    as the ``with``)."""
    if not options.on_dask:
        from quotex.extraction import extract_documents

        yield extract_documents(
            documents, nlp, batch_size=options.batch_size, n_process=options.jobs
        )
        return
    import logging

    from quotex.engines.dask import connect, run_on_dask

    logging.getLogger("distributed").setLevel(logging.ERROR)  # no cluster chatter on stderr
    with connect(options.scheduler, n_workers=options.jobs) as client:
        results = run_on_dask(
            documents,
            client,
            model=options.model,
            batch_size=options.batch_size,
            partition_size=options.partition_size,
            output_dir=options.output_dir,
            view=view,
            where=options.where,
        )
        try:
            yield results
        finally:
            results.close()  # cancels what is still in flight while the client is open


def _wants_progress(options: RunOptions) -> bool:
    """A bar only on a terminal stderr, and not while results scroll on the same terminal."""
    to_terminal = options.output in (None, "-") and sys.stdout.isatty()
    return not options.quiet and sys.stderr.isatty() and not to_terminal


MAX_FAILED_SHOWN = 10  # sources named in the closing line; the rest are counted


def _note_lone_empty(documents: Iterator[Any], quiet: bool) -> Iterator[Any]:
    """Say so on stderr when the only document has no text; in a batch its record says it."""
    from quotex.io.readers import Document

    first = next(documents, None)
    second = next(documents, None) if first is not None else None
    if not quiet and second is None and isinstance(first, Document) and not first.text.strip():
        err.print(
            f"quotex: {first.source or first.id}: no text (empty or only whitespace); "
            "nothing to extract",
            markup=False,
        )
    yield from (item for item in (first, second) if item is not None)
    yield from documents


def _failure_summary(failed: list[str]) -> str:
    """The closing line of a run with failures: how many, and which."""
    shown = ", ".join(failed[:MAX_FAILED_SHOWN])
    more = len(failed) - MAX_FAILED_SHOWN
    shown += f" and {more} more" if more > 0 else ""
    return f"{len(failed)} document(s) failed ({shown}); see the messages above"


def guard(worker: Callable[[], list[str] | int], output: str | None = None) -> None:
    """Run a command's worker under the CLI's error and signal policy.

    A ``QuotexError`` becomes its one-line message and exit code, Ctrl-C or SIGTERM exit
    130 (naming the ``-o`` file that was not written), a closed pipe exits quietly, and
    failed documents (a list of sources, or a count) give a closing line and exit 1.
    """
    signal.signal(signal.SIGTERM, _terminate)
    try:
        failed = worker()
    except QuotexError as exc:
        raise _fail(str(exc), exc.exit_code) from None
    except KeyboardInterrupt:
        kept = "" if output in (None, "-") else f"; {output} was not written"
        raise _fail(f"interrupted{kept}", ExitCode.INTERRUPTED) from None
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(int(ExitCode.OK)) from None
    if isinstance(failed, int) and failed:
        raise _fail(f"{failed} document(s) failed; see the messages above", ExitCode.ERROR)
    if isinstance(failed, list) and failed:
        raise _fail(_failure_summary(failed), ExitCode.ERROR)


def _main(view: View, options: RunOptions) -> None:
    guard(lambda: run(view, options), options.output)


def _silence_stdout() -> None:
    """After the reader of a pipe went away, stop Python complaining at exit."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _options(**kwargs: Any) -> RunOptions:
    kwargs["inputs"] = list(kwargs["inputs"] or [])
    return RunOptions(**kwargs)


def _command(view: View, help_text: str, name: str) -> None:
    def command(
        inputs: Inputs = None,
        fmt: FormatOpt = None,
        output: OutputOpt = None,
        model: ModelOpt = DEFAULT_MODEL,
        glob: GlobOpt = None,
        input_format: InputFormatOpt = None,
        text_field: TextFieldOpt = "text",
        id_field: IdFieldOpt = "id",
        encoding: EncodingOpt = "utf-8",
        batch_size: BatchOpt = 32,
        jobs: JobsOpt = 1,
        quiet: QuietOpt = False,
        fail_fast: FailFastOpt = False,
        raw_csv: RawCsvOpt = False,
        where: WhereOpt = EntityScope.ALL,
        engine: EngineOpt = None,
        scheduler: SchedulerOpt = None,
        partition_size: PartitionOpt = 64,
        output_dir: OutputDirOpt = None,
    ) -> None:
        # every parameter is a RunOptions field: pass them on by name, none forgotten
        options = {key: value for key, value in locals().items() if key != "view"}
        _main(view, _options(**options))

    command.__doc__ = help_text
    app.command(name, help=help_text)(command)


_command(View.EXTRACT, EXTRACT_HELP, "extract")
_command(View.QUOTES, QUOTES_HELP, "quotes")
_command(View.ENTITIES, ENTITIES_HELP, "entities")


@app.command("eval", help=EVAL_HELP)
def eval_command(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL file.", show_default=False)],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    details: Annotated[
        bool, typer.Option("--details", help="List misses, false quotes and speaker errors.")
    ] = False,
    model: ModelOpt = DEFAULT_MODEL,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", min=1, help="Score only the first N documents.", show_default=False
        ),
    ] = None,
    jobs: JobsOpt = 1,
) -> None:
    """Run quotex over a gold corpus and print its scores."""
    from quotex.eval.runner import evaluate_file
    from quotex.render.tables import eval_table

    if fmt not in ("table", "json"):
        raise _fail("--format must be table or json", ExitCode.USAGE)
    try:
        report = evaluate_file(gold, model=model, limit=limit, n_process=jobs)
    except QuotexError as exc:
        raise _fail(str(exc), exc.exit_code) from None
    except KeyboardInterrupt:
        raise _fail("interrupted", ExitCode.INTERRUPTED) from None
    data = report.to_dict()
    if not details:
        data.pop("details", None)
    if fmt == "json":
        out.print_json(json.dumps(data)) if sys.stdout.isatty() else sys.stdout.write(
            json.dumps(data, ensure_ascii=False) + "\n"
        )
        return
    out.print(eval_table(data))
    if details:
        for doc in data.get("details", []):
            if not (doc["misses"] or doc["false_quotes"] or doc["speaker_errors"]):
                continue
            out.print(f"\n[bold]{doc['id']}[/bold]")
            for kind in ("misses", "false_quotes", "speaker_errors"):
                for row in doc[kind]:
                    out.print(f"  {kind[:-1] if kind != 'misses' else 'miss'}: ", end="")
                    out.print(json.dumps(row, ensure_ascii=False), markup=False)


def main() -> None:
    """Entry point for ``python -m quotex``."""
    app()


# Last: the module registers `show` and `speakers` on `app` and imports from this one.
import quotex.cli_show  # noqa: E402, F401, I001
