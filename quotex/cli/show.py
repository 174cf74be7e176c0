"""Commands to inspect results: ``quotex show`` (articles) and ``quotex speakers`` (totals).

Both run :class:`~quotex.corpus.Corpus` like the other commands: ``show`` keeps each
document's text next to its result and renders the articles at the end, in the terminal
or as one HTML page; ``speakers`` sums the results into a :class:`~quotex.tally.SpeakerTally`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from enum import StrEnum
from pathlib import PurePath
from typing import TYPE_CHECKING, Annotated

import typer

from quotex.cli.common import (
    ARTICLE_GLOBS,
    STDOUT,
    BatchOpt,
    CuesOpt,
    EncodingOpt,
    FailFastOpt,
    FormatOpt,
    GlobOpt,
    IdFieldOpt,
    InputFormatOpt,
    Inputs,
    JobsOpt,
    MaxBytesOpt,
    ModelOpt,
    Output,
    OutputOpt,
    QuietOpt,
    RawCsvOpt,
    ScopeOpt,
    TextFieldOpt,
    TextFormatOpt,
    UrlsOpt,
    choose_format,
    command,
    corpus_options,
    guard,
    refuse_output_over_inputs,
    stdin_or_hint,
)
from quotex.cli.console import out, warn
from quotex.corpus import Article, Corpus, CorpusOptions, Note, is_failure
from quotex.errors import UsageError
from quotex.io.readers import Skipped
from quotex.io.web import DEFAULT_MAX_BYTES
from quotex.io.writers import Format
from quotex.pipeline import DEFAULT_MODEL, Scope
from quotex.records import DocResult

if TYPE_CHECKING:
    from quotex.tally import SpeakerTally

SHOW_HELP = """An article with every quote in its speaker's colour, then a legend and the speakers.

Speaker mentions are bold, cues underlined, entity mentions tinted by label. With
--format html (the default with -o) writes one self-contained HTML page.

A SQLite store (-o corpus.db of quotex extract) is shown from what it holds, without
the model: quotex show corpus.db --id ID.

Example: quotex show samples/nato-russia.txt --pager
"""
SPEAKERS_HELP = """Who is quoted and how much, over one or many documents.

Per speaker: entity label, documents, quotes by type and share of all quotes.
A SQLite store (-o corpus.db of quotex extract) is counted from what it holds.

Example: quotex speakers samples/ --format csv -o speakers.csv
"""


class ShowFormat(StrEnum):
    """How ``quotex show`` renders: in the terminal or as an HTML page."""

    TERMINAL = "terminal"
    HTML = "html"


ShowInput = Annotated[
    str | None,
    typer.Argument(
        help="A text file, a JSONL file, an HTML page, a URL, a folder, a SQLite store or - for "
        "stdin (default: stdin).",
        show_default=False,
        metavar="PATH",
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
IdOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--id",
        metavar="ID",
        help="With a SQLite store: the document to show (repeat for several; default all).",
        show_default=False,
    ),
]
PagerOpt = Annotated[
    bool,
    typer.Option("--pager", help="Page articles longer than the terminal."),
]


def show(
    options: CorpusOptions,
    fmt: ShowFormat | None,
    output: str | None,
    *,
    no_color: bool,
    pager: bool,
    ids: list[str] | None = None,
) -> int:
    """Render every document of the corpus (or of a store: ``ids``, or all); return the
    number that failed."""
    stdin_or_hint(options.inputs, "show")
    fmt = fmt or (ShowFormat.HTML if output not in (None, STDOUT) else ShowFormat.TERMINAL)
    if fmt is ShowFormat.TERMINAL and output not in (None, STDOUT):
        raise UsageError("--format terminal is for the terminal; use --format html with -o")
    store = _store_input(options.inputs)
    failures = 0
    if store is not None:
        articles = _stored_articles(store, ids)
    elif ids:
        raise UsageError("--id picks documents of a SQLite store; give the store as the input")
    else:
        articles, failures = _extracted_articles(options, fmt, output)
    _render(articles, fmt, output, no_color=no_color, pager=pager)
    return failures


def _store_input(inputs: Sequence[str]) -> str | None:
    """The store among ``inputs``, if they name one; a store is read alone."""
    from quotex.io.store import is_store_path

    stores = [given for given in inputs if is_store_path(given)]
    if not stores:
        return None
    if len(inputs) > 1:
        raise UsageError("a SQLite store is read on its own; give it as the only input")
    return stores[0]


def _stored_articles(store: str, ids: list[str] | None) -> list[Article]:
    """The articles of ``store`` (the ``ids`` only, if given), from their stored texts."""
    from quotex.io.store import read_articles

    articles = []
    for text, result in read_articles(store, ids):
        if text is None:
            raise UsageError(
                f"{store} holds no text for {result.id!r} (written by the Dask engine); "
                "show the input it came from instead"
            )
        articles.append(Article(text, result))
    return articles


def _extracted_articles(
    options: CorpusOptions, fmt: ShowFormat, output: str | None
) -> tuple[list[Article], int]:
    corpus = Corpus(options)
    if fmt is ShowFormat.HTML:
        refuse_output_over_inputs(output, corpus)
    articles: list[Article] = []
    with corpus.results() as results:
        for item in results:
            if isinstance(item, Article):
                articles.append(item)
            else:
                warn(f"{item.source}: {item.message}")
    return articles, corpus.stats.failures


def _render(
    articles: list[Article], fmt: ShowFormat, output: str | None, *, no_color: bool, pager: bool
) -> None:
    if fmt is ShowFormat.HTML:
        _write_html(articles, output)
    else:
        _print_articles(articles, no_color=no_color, pager=pager)


def _write_html(articles: list[Article], output: str | None) -> None:
    from quotex.io.writers import atomic_output
    from quotex.render.html import page_html

    pairs = [(article.text, article.result) for article in articles]
    title = page_title(pairs[0][1]) if len(pairs) == 1 else f"quotex: {len(pairs)} documents"
    with atomic_output(output) as stream:
        stream.write(page_html(pairs, title=title))


def page_title(result: DocResult) -> str:
    """What names one article's page: its ``title`` field, else its id, never a folder path
    (an absolute id is cut to the file name)."""
    title = (result.meta or {}).get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    return PurePath(result.id).name if PurePath(result.id).is_absolute() else result.id


def _print_articles(articles: list[Article], *, no_color: bool, pager: bool) -> None:
    from rich.console import Group

    from quotex.cli.console import make_console
    from quotex.render.article import show_view

    # A console of its own: --no-color must win, and NO_COLOR is read when it is made.
    console = make_console(highlight=False, no_color=True if no_color else None)
    view = Group(*(show_view(article.text, article.result) for article in articles))
    if pager and console.is_terminal:
        _less_shows_colours()
        lines = console.render_lines(view, console.options, pad=False)
        if len(lines) > console.height:
            with console.pager(styles=not console.no_color):
                console.print(view)
            return
    console.print(view)


def _less_shows_colours() -> None:
    """Make ``less`` (the pager rich runs) show colours, not escape codes: add ``-R`` to
    ``LESS`` unless it already passes raw control characters."""
    flags = os.environ.get("LESS", "")
    if "R" not in flags and "r" not in flags:
        os.environ["LESS"] = f"{flags} -R".strip()


def speakers(options: CorpusOptions, output: Output) -> int:
    """Speaker totals over a corpus, as a table or written out; return failures."""
    from quotex.io.summary import write_summary
    from quotex.io.writers import atomic_output
    from quotex.render.tables import speakers_table
    from quotex.tally import SPEAKER_COLUMNS, SpeakerTally

    stdin_or_hint([*options.inputs, *filter(None, [options.urls_file])], "speakers")
    fmt = choose_format(output)
    if fmt is Format.SQLITE:
        raise UsageError("speakers writes a table, json, jsonl or csv; leave out --format sqlite")
    tally = SpeakerTally()
    store = _store_input(options.inputs)
    if store is not None:
        from quotex.io.store import read_results

        for result in read_results(store):
            tally.add(result)
        failures = 0
    else:
        failures = _tally_corpus(options, fmt, output, tally)
    rows = tally.rows()
    if fmt is Format.TABLE:
        out.print(speakers_table(rows, tally.documents))
    else:
        with atomic_output(output.path) as stream:
            rows_out = [row.to_dict() for row in rows]
            write_summary(rows_out, SPEAKER_COLUMNS, fmt, stream, raw_csv=output.raw_csv)
    if not output.quiet and failures:
        warn(f"{tally.documents} documents, {tally.quotes} quotes, {failures} failed")
    return failures


def _tally_corpus(options: CorpusOptions, fmt: Format, output: Output, tally: SpeakerTally) -> int:
    """Add the speakers of every document of the corpus to ``tally``; return failures."""
    corpus = Corpus(options)
    if fmt is not Format.TABLE:
        refuse_output_over_inputs(output.path, corpus)
    with corpus.results() as results:
        for item in results:
            if is_failure(item) or isinstance(item, Skipped | Note):
                warn(f"{item.source}: {item.message}")
            else:
                tally.add(item)
    return corpus.stats.failures


@command("show", SHOW_HELP)
def show_command(
    source: ShowInput = None,
    fmt: ShowFormatOpt = None,
    output: OutputOpt = None,
    no_color: NoColorOpt = False,
    pager: PagerOpt = False,
    ids: IdOpt = None,
    model: ModelOpt = DEFAULT_MODEL,
    scope: ScopeOpt = Scope.SPEECH,
    cues: CuesOpt = None,
    input_format: InputFormatOpt = None,
    text_field: TextFieldOpt = "text",
    id_field: IdFieldOpt = "id",
    encoding: EncodingOpt = "utf-8",
) -> None:
    """Show highlighted articles."""
    options = CorpusOptions(
        inputs=[source] if source else [],
        model=model,
        scope=str(scope),
        cues_file=cues,
        glob=list(ARTICLE_GLOBS),
        input_format=input_format,
        text_field=text_field,
        id_field=id_field,
        encoding=encoding,
        # One document at a time, as the view is built; a failure never stops the others.
        batch_size=1,
        keep_text=True,
    )
    guard(lambda: show(options, fmt, output, no_color=no_color, pager=pager, ids=ids), output)


@command("speakers", SPEAKERS_HELP)
def speakers_command(
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
    urls: UrlsOpt = None,
    text_format: TextFormatOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
) -> None:
    """Summarise speakers."""
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
    target = Output(fmt, output, quiet, raw_csv)
    guard(lambda: speakers(options, target), output)
