"""``quotex report``: who is quoted across a corpus, by gender, field and month.

The corpus is processed as ``speakers`` processes it (or a SQLite store is read without
the model); :class:`~quotex.report.Report` sums it, and the report is drawn as rich tables
on the terminal or, with ``-o``, as one self-contained HTML page.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Annotated, Any

import typer

from quotex.cli.common import (
    STDOUT,
    BatchOpt,
    CuesOpt,
    EncodingOpt,
    FailFastOpt,
    GlobOpt,
    IdFieldOpt,
    InputFormatOpt,
    Inputs,
    JobsOpt,
    MaxBytesOpt,
    ModelOpt,
    QuietOpt,
    ScopeOpt,
    TextFieldOpt,
    TextFormatOpt,
    UrlsOpt,
    command,
    corpus_options,
    guard,
    refuse_output_over_inputs,
    stdin_or_hint,
)
from quotex.cli.console import out, warn
from quotex.cli.show import _store_input
from quotex.corpus import Corpus, CorpusOptions, Note, is_failure
from quotex.errors import UsageError
from quotex.io.readers import Skipped
from quotex.io.web import DEFAULT_MAX_BYTES
from quotex.pipeline import DEFAULT_MODEL, Scope
from quotex.records import DocResult

REPORT_HELP = """Who is quoted across a corpus: the most quoted people and organisations,
the share of women among quotes and sources (overall, --by a field, --time by month),
the entities mentioned inside and outside quotes, and each speaker's quotes.

Tables on the terminal; -o FILE writes one self-contained HTML page with charts. A
SQLite store (-o corpus.db of quotex extract) is summed from what it holds, without
the model.

Example: quotex report corpus.db --by outlet --time published -o report.html
"""
ReportOutputOpt = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the report to FILE as one HTML page (default: tables on the terminal).",
        show_default=False,
        metavar="FILE",
    ),
]
ByOpt = Annotated[
    str | None,
    typer.Option(
        "--by",
        metavar="FIELD",
        help="Also split the gender shares by this metadata field (e.g. outlet).",
        show_default=False,
    ),
]
TimeOpt = Annotated[
    str | None,
    typer.Option(
        "--time",
        metavar="FIELD",
        help="Also split the gender shares by month of this ISO date field (e.g. published).",
        show_default=False,
    ),
]


def report(
    options: CorpusOptions,
    output: str | None,
    *,
    by: str | None = None,
    time: str | None = None,
    quiet: bool = False,
) -> int:
    """Sum the corpus (or store) into a report and draw it; return the failures."""
    from quotex.io.store import is_store_path
    from quotex.report import Report

    stdin_or_hint([*options.inputs, *filter(None, [options.urls_file])], "report")
    to_file = output not in (None, STDOUT)
    if to_file and is_store_path(output):
        raise UsageError("report writes an HTML page; name it -o report.html")
    store = _store_input(options.inputs)
    failures = 0
    if store is not None:
        summary = Report.from_store(store, by=by, time=time)
    else:
        corpus = Corpus(options)
        if to_file:
            refuse_output_over_inputs(output, corpus)
        with corpus.results() as results:
            summary = Report.from_results(_results(results), by=by, time=time)
        failures = corpus.stats.failures
    if output is None:
        from quotex.render.report_tables import report_view

        out.print(report_view(summary))
    else:
        from quotex.io.writers import atomic_output
        from quotex.render.report_html import report_html

        with atomic_output(output) as stream:
            stream.write(report_html(summary))
    if failures and not quiet:
        warn(f"{summary.documents} documents reported, {failures} failed")
    return failures


def _results(items: Iterable[Any]) -> Iterator[DocResult]:
    """The results among the corpus's items; the others are said on stderr."""
    for item in items:
        if is_failure(item) or isinstance(item, Skipped | Note):
            warn(f"{item.source}: {item.message}")
        else:
            yield item


@command("report", REPORT_HELP)
def report_command(
    inputs: Inputs = None,
    output: ReportOutputOpt = None,
    by: ByOpt = None,
    time: TimeOpt = None,
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
    urls: UrlsOpt = None,
    text_format: TextFormatOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
) -> None:
    """Report on a corpus."""
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
        text_format=text_format,
        max_bytes=max_bytes,
    )
    guard(lambda: report(options, output, by=by, time=time, quiet=quiet), output)
