"""Commands to inspect results: ``quotex show`` and ``quotex speakers``.

Registered on :data:`quotex.cli.app` (``quotex.cli`` imports this module last) and as
thin as the other commands: they check options and call the workers below, which call
the library and hand renderables to a console. spaCy is imported only inside workers.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from quotex.cli import (
    BatchOpt,
    EncodingOpt,
    FailFastOpt,
    FormatOpt,
    GlobOpt,
    IdFieldOpt,
    InputFormatOpt,
    Inputs,
    JobsOpt,
    ModelOpt,
    OutputOpt,
    QuietOpt,
    RawCsvOpt,
    RunOptions,
    TextFieldOpt,
    _choose_format,
    _options,
    app,
    err,
    guard,
    out,
)
from quotex.errors import QuotexError, UsageError
from quotex.io.writers import Format
from quotex.pipeline import DEFAULT_MODEL
from quotex.records import DocResult

if TYPE_CHECKING:
    from quotex.extraction import ExtractFailure
    from quotex.io.readers import ReadFailure

Article = tuple[str, DocResult]

SHOW_HELP = """An article with every quote in its speaker's colour, then a legend and the speakers.

Speaker mentions are bold, cues underlined, entity mentions tinted by label. With
--format html (the default with -o) writes one self-contained HTML page.

Example: quotex show samples/nato-russia.txt --pager
"""
SPEAKERS_HELP = """Who is quoted and how much, over one or many documents.

Per speaker: entity label, documents, quotes by type and share of all quotes.

Example: quotex speakers samples/ --format csv -o speakers.csv
"""


class ShowFormat(StrEnum):
    """How ``quotex show`` renders: in the terminal or as an HTML page."""

    TERMINAL = "terminal"
    HTML = "html"


ShowInput = Annotated[
    str | None,
    typer.Argument(
        help="A text file, a JSONL file, a folder or - for stdin (default: stdin).",
        show_default=False,
    ),
]
ShowFormatOpt = Annotated[
    ShowFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="terminal (default) or html (default with -o).",
        case_sensitive=False,
        show_default=False,
    ),
]
NoColorOpt = Annotated[
    bool,
    typer.Option("--no-color", help="No colours (also when NO_COLOR is set)."),
]
PagerOpt = Annotated[
    bool,
    typer.Option("--pager", help="Page articles longer than the terminal."),
]


def _report(item: ReadFailure | ExtractFailure, fail_fast: bool) -> None:
    err.print(f"quotex: {item.source}: {item.message}", markup=False)
    if fail_fast:
        raise QuotexError("stopped at the first failure (--fail-fast)")


def show(
    source: str | None,
    fmt: ShowFormat | None,
    output: str | None,
    *,
    no_color: bool,
    pager: bool,
    model: str,
    input_format: str | None,
    text_field: str,
    id_field: str,
    encoding: str,
) -> int:
    """Render every document of ``source``; return the number that failed."""
    from quotex.extraction import ExtractFailure, extract_documents
    from quotex.io.readers import ReadFailure, iter_documents, resolve_inputs
    from quotex.pipeline import load_nlp

    fmt = fmt or (ShowFormat.HTML if output not in (None, "-") else ShowFormat.TERMINAL)
    if fmt is ShowFormat.TERMINAL and output not in (None, "-"):
        raise UsageError("--format terminal is for the terminal; use --format html with -o")
    sources = resolve_inputs([source] if source else [], input_format=input_format)
    nlp = load_nlp(model)
    articles: list[Article] = []
    failures = 0
    for document in iter_documents(
        sources, text_field=text_field, id_field=id_field, encoding=encoding
    ):
        # One document at a time: the view needs each result next to its text.
        item = (
            document
            if isinstance(document, ReadFailure)
            else next(extract_documents([document], nlp))
        )
        if isinstance(item, ReadFailure | ExtractFailure):
            failures += 1
            _report(item, fail_fast=False)
        else:
            articles.append((document.text, item))  # type: ignore[union-attr]
    if fmt is ShowFormat.HTML:
        _write_html(articles, output)
    else:
        _print_articles(articles, no_color=no_color, pager=pager)
    return failures


def _write_html(articles: list[Article], output: str | None) -> None:
    from quotex.render.html import page_html
    from quotex.io.writers import atomic_output

    title = articles[0][1].id if len(articles) == 1 else f"quotex: {len(articles)} documents"
    with atomic_output(output) as stream:
        stream.write(page_html(articles, title=title))


def _print_articles(articles: list[Article], *, no_color: bool, pager: bool) -> None:
    from rich.console import Group

    from quotex.render.article import show_view

    # A console of its own: --no-color must win, and NO_COLOR is read when it is made.
    console = Console(highlight=False, no_color=True if no_color else None)
    view = Group(*(show_view(text, result) for text, result in articles))
    if pager and console.is_terminal:
        lines = console.render_lines(view, console.options, pad=False)
        if len(lines) > console.height:
            with console.pager(styles=not console.no_color):
                console.print(view)
            return
    console.print(view)


def speakers(options: RunOptions) -> int:
    """Speaker totals over a corpus, as a table or written out; return failures."""
    from quotex.extraction import ExtractFailure, extract_documents
    from quotex.io.readers import ReadFailure, iter_documents, resolve_inputs
    from quotex.io.summary import write_summary
    from quotex.io.writers import atomic_output
    from quotex.pipeline import load_nlp
    from quotex.render.tables import speakers_table
    from quotex.tally import SPEAKER_COLUMNS, SpeakerTally

    fmt = _choose_format(options.fmt, options.output)
    sources = resolve_inputs(options.inputs, glob=options.glob, input_format=options.input_format)
    nlp = load_nlp(options.model)
    documents = iter_documents(
        sources, text_field=options.text_field, id_field=options.id_field, encoding=options.encoding
    )
    tally = SpeakerTally()
    failures = 0
    for item in extract_documents(
        documents, nlp, batch_size=options.batch_size, n_process=options.jobs
    ):
        if isinstance(item, ReadFailure | ExtractFailure):
            failures += 1
            _report(item, options.fail_fast)
        else:
            tally.add(item)
    rows = tally.rows()
    if fmt is Format.TABLE:
        out.print(speakers_table(rows, tally.documents))
    else:
        with atomic_output(options.output) as stream:
            write_summary(
                [row.to_dict() for row in rows],
                SPEAKER_COLUMNS,
                fmt,
                stream,
                raw_csv=options.raw_csv,
            )
    if not options.quiet and failures:
        err.print(
            f"quotex: {tally.documents} documents, {tally.quotes} quotes, {failures} failed",
            markup=False,
        )
    return failures


@app.command("show", help=SHOW_HELP)
def show_command(
    source: ShowInput = None,
    fmt: ShowFormatOpt = None,
    output: OutputOpt = None,
    no_color: NoColorOpt = False,
    pager: PagerOpt = False,
    model: ModelOpt = DEFAULT_MODEL,
    input_format: InputFormatOpt = None,
    text_field: TextFieldOpt = "text",
    id_field: IdFieldOpt = "id",
    encoding: EncodingOpt = "utf-8",
) -> None:
    """Show highlighted articles."""
    guard(
        lambda: show(
            source,
            fmt,
            output,
            no_color=no_color,
            pager=pager,
            model=model,
            input_format=input_format,
            text_field=text_field,
            id_field=id_field,
            encoding=encoding,
        ),
        output,
    )


@app.command("speakers", help=SPEAKERS_HELP)
def speakers_command(
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
) -> None:
    """Summarise speakers."""
    options = _options(**locals())  # every parameter is a RunOptions field
    guard(lambda: speakers(options), options.output)
