"""The corpus report as one self-contained HTML page (``quotex report -o report.html``).

Inline CSS and inline SVG bar charts: no scripts, no external fonts, images or styles.
Every piece of text, in the page and in the charts, goes through ``html.escape`` (names,
document ids, quotes and field values are the corpus's, and can hold anything); ids and
links are made by quotex (``speaker-3``), never from names. Each bar has its number
written next to it, and each chart carries a ``data-chart`` attribute (each number a
``data-value``), so a reader or a test can find what a chart says without drawing it.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from quotex.report import GENDERS, EntityCount, GenderShare, Report, Speaker

CSS = """\
body { font: 15px/1.5 sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em;
       color: #222; background: #fff; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; border-bottom: 1px solid #ccc; }
h3 { font-size: 1em; }
svg { display: block; margin: .5em 0 1em; }
svg text { font: 12px sans-serif; fill: #222; }
svg a text { fill: #1a55a0; text-decoration: underline; }
.legend span { display: inline-block; margin-right: 1em; }
.swatch { display: inline-block; width: .9em; height: .9em; vertical-align: middle; }
table { border-collapse: collapse; font-size: .9em; margin-bottom: 1em; }
th, td { text-align: left; padding: .2em .6em; border-bottom: 1px solid #ddd; }
td.n { text-align: right; }
.quotes li { margin: .3em 0; } .doc { color: #666; font-size: .85em; }
"""
COLOURS = {"female": "#c2417a", "male": "#2b6cb0", "unknown": "#a0a0a0"}
QUOTES_COLOUR = "#2f7d5b"
WORDS_COLOUR = "#9cc9b3"
LABEL_WIDTH = 200
BAR_WIDTH = 320
ROW = 24
LABEL_CHARS = 30  # a longer name is cut in the chart (whole in its <title> and section)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _cut(text: str, length: int = LABEL_CHARS) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


@dataclass(frozen=True)
class Bar:
    """One row of a bar chart: a label (a link to ``href`` if given) and its values."""

    label: str
    values: tuple[int, ...]
    href: str | None = None


def bar_chart(
    chart: str, bars: Sequence[Bar], series: Sequence[str], colours: Sequence[str]
) -> str:
    """An SVG chart of one bar per series in each row, each scaled to its series' largest
    value, its number written after it."""
    if not bars:
        return '<p class="empty">None.</p>'
    height = len(series) * 12 + 8
    peaks = [max(bar.values[i] for bar in bars) or 1 for i in range(len(series))]
    rows = []
    for n, bar in enumerate(bars):
        y = n * height
        label = f'<text x="{LABEL_WIDTH - 8}" y="{y + height / 2 + 4}" text-anchor="end">'
        label += f"<title>{_e(bar.label)}</title>{_e(_cut(bar.label))}</text>"
        if bar.href:
            label = f'<a href="#{_e(bar.href)}">{label}</a>'
        rows.append(label)
        for i, (name, colour) in enumerate(zip(series, colours, strict=True)):
            value = bar.values[i]
            width = round(BAR_WIDTH * value / peaks[i], 1)
            top = y + 4 + i * 12
            rows.append(
                f'<rect x="{LABEL_WIDTH}" y="{top}" width="{width}" height="10" '
                f'fill="{colour}"><title>{_e(name)}: {value}</title></rect>'
                f'<text x="{LABEL_WIDTH + width + 4}" y="{top + 9}" class="value" '
                f'data-series="{_e(name)}" data-value="{value}">{value}</text>'
            )
    total = len(bars) * height
    return (
        f'<svg data-chart="{_e(chart)}" role="img" width="{LABEL_WIDTH + BAR_WIDTH + 80}" '
        f'height="{total}" viewBox="0 0 {LABEL_WIDTH + BAR_WIDTH + 80} {total}" '
        f'xmlns="http://www.w3.org/2000/svg">{"".join(rows)}</svg>'
    )


def share_chart(chart: str, shares: Sequence[GenderShare], measure: str) -> str:
    """An SVG chart of one bar per group split by gender (100 % wide), the share of women
    and the total written after it. ``measure`` is ``quotes`` or ``sources``."""
    rows = []
    for n, share in enumerate(shares):
        counts = getattr(share, measure)
        total = sum(counts.values())
        y = n * ROW
        rows.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end">'
            f"<title>{_e(share.group)}</title>{_e(_cut(share.group))}</text>"
        )
        x = float(LABEL_WIDTH)
        for gender in GENDERS:
            width = round(BAR_WIDTH * counts.get(gender, 0) / total, 1) if total else 0
            rows.append(
                f'<rect x="{x}" y="{y + 4}" width="{width}" height="14" fill="{COLOURS[gender]}">'
                f"<title>{gender}: {counts.get(gender, 0)} ({_pct(counts.get(gender, 0), total)})"
                "</title></rect>"
            )
            x += width
        female = counts.get("female", 0)
        rows.append(
            f'<text x="{LABEL_WIDTH + BAR_WIDTH + 6}" y="{y + 15}" class="value" '
            f'data-group="{_e(share.group)}" data-female="{female}" data-value="{total}">'
            f"{_pct(female, total)} women of {total}</text>"
        )
    width = LABEL_WIDTH + BAR_WIDTH + 160
    return (
        f'<svg data-chart="{_e(chart)}" role="img" width="{width}" height="{len(shares) * ROW}" '
        f'viewBox="0 0 {width} {len(shares) * ROW}" xmlns="http://www.w3.org/2000/svg">'
        f"{''.join(rows)}</svg>"
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _pct(part: int, total: int) -> str:
    return f"{100 * part / total:.0f}%" if total else "–"


def _legend() -> str:
    items = (
        f'<span><span class="swatch" style="background:{COLOURS[g]}"></span> {g}</span>'
        for g in GENDERS
    )
    return f'<p class="legend">{"".join(items)}</p>'


def _share_table(shares: Sequence[GenderShare], heading: str) -> str:
    head = "".join(
        f"<th>{_e(h)}</th>"
        for h in (heading, *(f"quotes {g}" for g in GENDERS), *(f"sources {g}" for g in GENDERS))
    )
    rows = (
        "<tr><td>"
        + _e(s.group)
        + "</td>"
        + "".join(f'<td class="n">{s.quotes.get(g, 0)}</td>' for g in GENDERS)
        + "".join(f'<td class="n">{s.sources.get(g, 0)}</td>' for g in GENDERS)
        + "</tr>"
        for s in shares
    )
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def _gender_section(title: str, chart: str, shares: Sequence[GenderShare], heading: str) -> str:
    return (
        f"<h2>{_e(title)}</h2>\n{_legend()}<h3>Share of quotes</h3>\n"
        f"{share_chart(chart + '-quotes', shares, 'quotes')}\n<h3>Share of sources</h3>\n"
        f"{share_chart(chart + '-sources', shares, 'sources')}\n{_share_table(shares, heading)}\n"
    )


def _speakers_section(title: str, chart: str, speakers: Sequence[Speaker]) -> str:
    bars = [Bar(s.name, (s.quotes, s.words), s.anchor) for s in speakers]
    return (
        f"<h2>{_e(title)}</h2>\n"
        f'<p class="legend"><span><span class="swatch" style="background:{QUOTES_COLOUR}">'
        f'</span> quotes</span><span><span class="swatch" style="background:{WORDS_COLOUR}">'
        "</span> words quoted</span></p>\n"
        f"{bar_chart(chart, bars, ('quotes', 'words'), (QUOTES_COLOUR, WORDS_COLOUR))}\n"
    )


def _entities_section(title: str, chart: str, entities: Sequence[EntityCount]) -> str:
    bars = [Bar(f"{e.name} ({e.label})", (e.in_quote, e.outside)) for e in entities]
    return (
        f"<h3>{_e(title)}</h3>\n"
        f"{bar_chart(chart, bars, ('in quotes', 'outside'), (QUOTES_COLOUR, '#b0b0b0'))}\n"
    )


def _speaker_quotes(report: Report, speaker: Speaker) -> str:
    lines = report.speaker_quotes.get(speaker.anchor, ())
    items = "".join(
        f'<li>“{_e(q.text)}” <span class="doc">{_e(q.type)}, {_e(q.doc_id)}</span></li>'
        for q in lines
    )
    more = speaker.quotes - len(lines)
    rest = f"<p>and {more} more.</p>" if more > 0 else ""
    return (
        f'<section id="{_e(speaker.anchor)}" class="speaker">\n<h3>{_e(speaker.name)}</h3>\n'
        f"<p>{speaker.quotes} quotes, {speaker.words} words, in {speaker.documents} "
        f'documents</p>\n<ol class="quotes">{items}</ol>{rest}\n</section>'
    )


def report_html(report: Report, title: str = "quotex report") -> str:
    """The whole page of ``report``, ready to write to a file."""
    parts = [
        f"<h1>{_e(title)}</h1>\n<p>{_count(report.documents, 'document')}, "
        f"{_count(report.quotes, 'quote')}.</p>",
        _speakers_section("Most quoted people", "people", report.people),
        _speakers_section("Most quoted organisations", "organisations", report.organisations),
        _gender_section("Who is quoted, by gender", "gender", (report.gender,), "corpus"),
    ]
    if report.by_field is not None:
        parts.append(_gender_section(f"By {report.by_field}", "by", report.by, report.by_field))
    if report.time_field is not None:
        parts.append(
            _gender_section(f"By month ({report.time_field})", "time", report.over_time, "month")
        )
    parts += [
        "<h2>Entities mentioned inside and outside quotes</h2>",
        _entities_section(
            "Most mentioned inside quotes", "entities-in-quotes", report.entities_in_quotes
        ),
        _entities_section(
            "Most mentioned outside quotes", "entities-outside", report.entities_outside
        ),
        "<h2>Quotes of each speaker</h2>",
        *(_speaker_quotes(report, s) for s in (*report.people, *report.organisations)),
    ]
    body = "\n".join(parts)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_e(title)}</title>\n<style>\n{CSS}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )
