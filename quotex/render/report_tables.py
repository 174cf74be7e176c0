"""The corpus report as rich tables with text bars (``quotex report`` without ``-o``).

The same summary as the HTML page, minus the quotes of each speaker (the page lists
them). Nothing here prints; every text from the corpus goes into
:func:`~quotex.render.safe.user_text`, never through markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from quotex.render.safe import user_text
from quotex.render.tables import plural, share_bar
from quotex.report import GENDERS, EntityCount, GenderShare, Report, Speaker

NAME_WIDTH = 32
GROUP_WIDTH = 24  # a group name in the gender tables: with their counts they fit 80 columns


def _table(title: str) -> Table:
    return Table(
        title=user_text(title, inline=True),
        box=box.SIMPLE_HEAD,
        expand=False,
        pad_edge=False,
        title_justify="left",
    )


def _name(text: str, width: int = NAME_WIDTH) -> Text:
    cell = user_text(text, inline=True)
    cell.truncate(width, overflow="ellipsis")
    return cell


def speakers_table(title: str, speakers: Sequence[Speaker]) -> Table:
    """The most quoted: quotes (with a bar against the first), words quoted, documents."""
    table = _table(title)
    for name, justify in (("name", "left"), ("quotes", "right"), ("", "left")):
        table.add_column(name, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    table.add_column("words", justify="right", no_wrap=True)
    table.add_column("docs", justify="right", no_wrap=True)
    peak = max((s.quotes for s in speakers), default=0) or 1
    for s in speakers:
        table.add_row(
            _name(s.name), str(s.quotes), share_bar(s.quotes / peak), str(s.words), str(s.documents)
        )
    return table


def _share_cells(counts: dict[str, int]) -> list[Text | str]:
    total = sum(counts.values())
    female = counts.get("female", 0)
    share = female / total if total else 0.0
    pct = f"{100 * share:.0f}%" if total else "–"
    return [pct, share_bar(share), *(str(counts.get(g, 0)) for g in GENDERS)]


def gender_table(title: str, heading: str, shares: Sequence[GenderShare], measure: str) -> Table:
    """Per group: the share of women among its quotes or its sources (``measure``), with a
    bar, and the counts by gender. One measure a table, so that a table fits 80 columns
    with a long group name ("Most quoted …" tables fit too)."""
    table = _table(title)
    table.add_column(heading, no_wrap=True)
    table.add_column("women", justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    for gender in GENDERS:
        table.add_column(gender, justify="right", no_wrap=True)
    for share in shares:
        counts = share.quotes if measure == "quotes" else share.sources
        table.add_row(_name(share.group, GROUP_WIDTH), *_share_cells(counts))
    return table


def gender_tables(title: str, heading: str, shares: Sequence[GenderShare]) -> list[Table]:
    """The share of women among quotes, then among sources (people quoted, once per
    document), for the same groups."""
    return [
        gender_table(f"{title}: women among quotes", heading, shares, "quotes"),
        gender_table(f"{title}: women among sources (people quoted)", heading, shares, "sources"),
    ]


def entities_table(title: str, entities: Sequence[EntityCount]) -> Table:
    """Entities with their mentions inside and outside quotes."""
    table = _table(title)
    table.add_column("entity", no_wrap=True)
    table.add_column("label", no_wrap=True)
    table.add_column("in quotes", justify="right", no_wrap=True)
    table.add_column("outside", justify="right", no_wrap=True)
    for e in entities:
        table.add_row(
            _name(e.name), user_text(e.label, inline=True), str(e.in_quote), str(e.outside)
        )
    return table


def report_view(report: Report) -> RenderableType:
    """Every table of the report, in the order of the HTML page."""
    head = ", ".join([plural(report.documents, "document"), plural(report.quotes, "quote")])
    parts: list[RenderableType] = [
        Text(head),
        speakers_table("Most quoted people", report.people),
        speakers_table("Most quoted organisations", report.organisations),
        *gender_tables("Who is quoted", "corpus", (report.gender,)),
    ]
    if report.by_field is not None:
        parts += gender_tables(f"By {report.by_field}", report.by_field, report.by)
    if report.time_field is not None:
        parts += gender_tables(f"By month ({report.time_field})", "month", report.over_time)
    parts += [
        entities_table("Most mentioned inside quotes", report.entities_in_quotes),
        entities_table("Most mentioned outside quotes", report.entities_outside),
    ]
    return Group(*parts)
