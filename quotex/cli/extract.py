"""``quotex extract``, ``quotes`` and ``entities``: one record per document, written out.

The three commands share their options and one worker, :func:`write_corpus`, which
streams :class:`~quotex.corpus.Corpus` results to a writer (or to tables on a terminal)
with a progress bar on stderr.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from quotex.cli.common import (
    BatchOpt,
    CuesOpt,
    EncodingOpt,
    EngineOpt,
    FailFastOpt,
    FormatOpt,
    GlobOpt,
    HiddenWhereOpt,
    IdFieldOpt,
    InputFormatOpt,
    Inputs,
    JobsOpt,
    MaxBytesOpt,
    ModelOpt,
    Output,
    OutputDirOpt,
    OutputOpt,
    OverwriteOpt,
    PartitionOpt,
    QuietOpt,
    RawCsvOpt,
    ResumeOpt,
    SchedulerOpt,
    ScopeOpt,
    TextFieldOpt,
    TextFormatOpt,
    UrlsOpt,
    WhereOpt,
    WithTextOpt,
    choose_format,
    command,
    corpus_options,
    guard,
    refuse_output_over_inputs,
    stdin_or_hint,
    wants_progress,
)
from quotex.cli.console import err, out, warn
from quotex.corpus import (
    AlreadyStored,
    Article,
    Corpus,
    CorpusOptions,
    EmptyInput,
    Note,
    is_failure,
)
from quotex.engines import Engine
from quotex.errors import Interrupted, UsageError
from quotex.io.readers import Skipped
from quotex.io.web import DEFAULT_MAX_BYTES
from quotex.io.writers import Format, View
from quotex.pipeline import DEFAULT_MODEL, Scope
from quotex.records import DocResult
from quotex.selection import EntityScope

EXTRACT_HELP = """Quotes and entities of every document, as one record per document.

Example: quotex extract samples/nato-russia.txt --format json
"""
QUOTES_HELP = """Every quotation with its type, speaker, speaker mention and cue.

Example: quotex quotes samples/ --format csv -o quotes.csv
"""
ENTITIES_HELP = """Named entities, their mentions clustered ("Putin" = "Vladimir Putin").

Example: quotex entities samples/nato-russia.txt
"""
SOURCES_HELP = """Who each document quotes: its people, with their gender as the article shows it
(pronoun, title, noun or first name), then its organisations, with their number of quotes.

Example: quotex sources samples/ --format csv -o sources.csv
"""


def write_corpus(
    view: View,
    options: CorpusOptions,
    output: Output,
    *,
    resume: bool = False,
    overwrite: bool = False,
) -> list[str]:
    """Read, extract and write a corpus; return the sources of the failed documents."""
    from quotex.io.writers import atomic_output, make_writer
    from quotex.render.progress import corpus_progress

    stdin_or_hint([*options.inputs, *filter(None, [options.urls_file])], view.value)
    fmt = choose_format(output)
    if view in (View.QUOTES, View.SOURCES) and options.where is not EntityScope.ALL:
        raise UsageError("--where filters entities; use it with quotex entities or extract")
    check_engine(options, output)
    if options.with_text and fmt is Format.CSV:
        raise UsageError("--with-text puts the text in JSON records; use --format json or jsonl")
    if options.with_text and options.output_dir is not None:
        raise UsageError("--with-text needs the records written here; leave out --output-dir")
    if fmt is Format.SQLITE:
        return write_store(options, output, resume=resume, overwrite=overwrite)
    if resume:
        raise UsageError("--resume continues a SQLite store; write one with -o corpus.db")
    corpus = Corpus(options)
    refuse_output_over_inputs(output.path, corpus)
    show_progress = wants_progress(output)
    total = corpus.count() if show_progress else None
    with (
        atomic_output(output.path) as stream,
        corpus_progress(err, total, enabled=show_progress) as advance,
        corpus.results() as results,
    ):
        if fmt is Format.TABLE:
            _emit(results, _table_printer(view), advance)
        else:
            with make_writer(fmt, stream, view, raw_csv=output.raw_csv) as writer:
                _emit(results, writer.write, advance)
    _say_totals(corpus, output)
    return corpus.stats.failed


def _say_totals(corpus: Corpus, output: Output) -> None:
    stats = corpus.stats
    if not output.quiet and (stats.documents + stats.failures + stats.stored > 1 or stats.failures):
        stored = f"{stats.stored} already stored, " if stats.stored else ""
        warn(
            f"{stats.documents} documents, {stats.quotes} quotes, {stats.entities} entities, "
            f"{stored}{stats.failures} failed, {stats.seconds:.1f} s"
        )


def write_store(
    options: CorpusOptions, output: Output, *, resume: bool, overwrite: bool
) -> list[str]:
    """Extract a corpus into the SQLite store ``-o`` names (every view stores quotes,
    entities and mentions); with ``resume``, only the documents it lacks."""
    from dataclasses import replace

    from quotex.io.store import StoreWriter, preflight
    from quotex.render.progress import corpus_progress

    assert output.path is not None  # choose_format refuses a store on stdout
    settings = {"model": options.model, "scope": options.scope, "where": str(options.where)}
    stored = preflight(output.path, resume=resume, overwrite=overwrite, settings=settings)
    local = not options.on_dask  # the Dask engine sends back records without their texts
    corpus = Corpus(replace(options, skip_ids=frozenset(stored), keep_text=local))
    refuse_output_over_inputs(output.path, corpus)
    show_progress = wants_progress(output)
    total = corpus.count() if show_progress else None
    store = StoreWriter(
        output.path,
        resume=resume,
        overwrite=overwrite,
        settings=settings,
        batch=options.batch_size,
    )
    try:
        with store, corpus_progress(err, total, enabled=show_progress) as advance:
            with corpus.results() as results:
                for item in results:
                    if isinstance(item, AlreadyStored):
                        advance(item.count)
                    elif isinstance(item, EmptyInput):
                        warn(
                            f"{item.source}: no text (empty or only whitespace); nothing to extract"
                        )
                    elif isinstance(item, Article):
                        advance()
                        store.write(item.result, item.text)
                    elif isinstance(item, DocResult):
                        advance()
                        store.write(item)
                    else:
                        advance()
                        warn(f"{item.source}: {item.message}")
    except KeyboardInterrupt:
        raise Interrupted(
            f"interrupted; {output.path} keeps the {len(stored) + store.count} documents "
            "stored so far: run the same command with --resume to finish it"
        ) from None
    _say_totals(corpus, output)
    return corpus.stats.failed


def _emit(
    results: Iterable[Any], write: Callable[[DocResult], None], advance: Callable[..., None]
) -> None:
    """Hand each result to ``write``, say what failed, and move the progress bar."""
    for item in results:
        if isinstance(item, EmptyInput):
            warn(f"{item.source}: no text (empty or only whitespace); nothing to extract")
        elif isinstance(item, Skipped | Note):
            warn(f"{item.source}: {item.message}")
        elif is_failure(item):
            advance()
            warn(f"{item.source}: {item.message}")
        elif isinstance(item, DocResult):
            advance()
            write(item)
        else:  # a PartWritten: a Dask worker wrote these documents itself
            advance(item.documents)


def _table_printer(view: View) -> Callable[[DocResult], None]:
    """Print each result as a table on stdout: its entities, sources or quotes."""
    from quotex.render.tables import entities_table, quotes_table, sources_table

    tables = {View.ENTITIES: entities_table, View.SOURCES: sources_table}
    table = tables.get(view, quotes_table)
    return lambda result: out.print(table(result))


def check_engine(options: CorpusOptions, output: Output) -> None:
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
    if not output.to_stdout:
        raise UsageError("--output-dir and -o both name the output; pass one of them")
    if output.fmt not in (None, Format.JSONL):
        raise UsageError("--output-dir writes JSON Lines parts; leave out --format")


def _register(view: View, name: str, help_text: str) -> None:
    """Add the command ``name`` writing ``view`` of each result."""

    def run(
        inputs: Inputs = None,
        fmt: FormatOpt = None,
        output: OutputOpt = None,
        model: ModelOpt = DEFAULT_MODEL,
        scope: ScopeOpt = Scope.SPEECH,
        cues: CuesOpt = None,
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
        urls: UrlsOpt = None,
        text_format: TextFormatOpt = None,
        max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
        with_text: WithTextOpt = False,
        resume: ResumeOpt = False,
        overwrite: OverwriteOpt = False,
    ) -> None:
        options = corpus_options(
            inputs,
            scope=scope,
            cues=cues,
            glob=glob,
            urls=urls,
            model=model,
            input_format=input_format,
            text_field=text_field,
            id_field=id_field,
            encoding=encoding,
            batch_size=batch_size,
            jobs=jobs,
            fail_fast=fail_fast,
            where=where,
            note_lone_empty=not quiet,
            engine=engine,
            scheduler=scheduler,
            partition_size=partition_size,
            output_dir=output_dir,
            view=view,
            text_format=text_format,
            max_bytes=max_bytes,
            with_text=with_text,
        )
        target = Output(fmt, output, quiet, raw_csv)
        guard(
            lambda: write_corpus(view, options, target, resume=resume, overwrite=overwrite),
            output,
        )

    run.__doc__ = help_text
    if view in (View.QUOTES, View.SOURCES):  # --where filters entities: hidden where an error
        run.__annotations__["where"] = HiddenWhereOpt
    command(name, help_text)(run)


_register(View.EXTRACT, "extract", EXTRACT_HELP)
_register(View.QUOTES, "quotes", QUOTES_HELP)
_register(View.ENTITIES, "entities", ENTITIES_HELP)
_register(View.SOURCES, "sources", SOURCES_HELP)
