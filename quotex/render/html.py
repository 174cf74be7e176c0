"""A self-contained HTML page of highlighted articles (``quotex show --format html``).

One file, inline CSS, no scripts or external assets. Quotes are coloured by speaker and
carry a ``title`` naming speaker and cue; speaker mentions are bold, cues underlined,
entity mentions tinted by label. Every piece of text and every attribute goes through
``html.escape(..., quote=True)``; the article keeps its line breaks (``pre-wrap``). A web
page's title and date (from the record's ``meta``) head its article, as text: no link is
made from what a page says of itself.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from quotex.records import QUOTE_TYPES, DocResult
from quotex.render.highlight import (
    CUE,
    ENTITY,
    NO_LABEL,
    SPEAKER,
    UNKNOWN_SPEAKER,
    Mark,
    label_tint,
    marks,
    quote_title,
    segments,
    speaker_colours,
)
from quotex.tally import summarize_speakers

PAGE_TITLE = "quotex"
BASE_CSS = """\
body { font: 16px/1.55 Georgia, serif; max-width: 46em; margin: 2em auto; padding: 0 1em;
       color: #222; background: #fff; }
h1 { font: bold 1.1em sans-serif; border-bottom: 1px solid #ccc; padding-bottom: .3em; }
.page { font: .95em sans-serif; color: #444; margin: -.4em 0 1em; }
.page cite { font-style: normal; font-weight: bold; }
.text { white-space: pre-wrap; }
.q { border-radius: 2px; }
.sp { font-weight: bold; }
.cue { text-decoration: underline; }
.ent { border-radius: 2px; padding: 0 1px; }
.legend { font: .85em sans-serif; margin: 1em 0; }
.legend span { margin-right: .8em; }
table { border-collapse: collapse; font: .85em sans-serif; }
th, td { text-align: left; padding: .2em .6em; border-bottom: 1px solid #ddd; }
td.n { text-align: right; }
"""
# Quote backgrounds are the speaker colour at low opacity (8-digit hex), entity tints
# are light so dark text stays readable on paper as on screen.
QUOTE_ALPHA = "30"
ENTITY_ALPHA = "40"
_CLASS_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _css_class(prefix: str, key: str) -> str:
    return prefix + _CLASS_UNSAFE.sub("_", key)


def _inner(text: str, start: int, end: int, inner: Sequence[Mark]) -> str:
    piece = _e(text[start:end])
    if not inner:
        return piece
    classes: list[str] = []
    style = title = ""
    for mark in inner:
        if mark.kind == SPEAKER:
            classes.append("sp")
        elif mark.kind == CUE:
            classes.append("cue")
        elif mark.kind == ENTITY:
            classes += ["ent", _css_class("l-", mark.key)]
            style = f"background:{label_tint(mark.key)}{ENTITY_ALPHA}"
            title = f"{mark.entity_name} ({mark.key})"
    attrs = f' class="{_e(" ".join(classes))}"'
    attrs += f' style="{_e(style)}"' if style else ""
    attrs += f' title="{_e(title)}"' if title else ""
    return f"<span{attrs}>{piece}</span>"


def article_html(text: str, result: DocResult) -> str:
    """One ``<article>``: the highlighted text, a legend and the speaker summary."""
    colours = speaker_colours(result)
    parts: list[str] = []
    open_quote: Mark | None = None
    for segment in segments(text, marks(result, len(text))):
        if segment.quote is not open_quote:
            if open_quote is not None:
                parts.append("</span>")
            open_quote = segment.quote
            if open_quote is not None and open_quote.quote is not None:
                colour = colours[open_quote.key]
                parts.append(
                    f'<span class="q {_e(open_quote.quote.type)}" '
                    f'style="background:{_e(colour)}{QUOTE_ALPHA};'
                    f'border-bottom:2px solid {_e(colour)}" '
                    f'title="{_e(quote_title(open_quote.quote))}" '
                    f'data-quote="{_e(open_quote.quote.id)}">'
                )
        parts.append(_inner(text, segment.start, segment.end, segment.inner))
    if open_quote is not None:
        parts.append("</span>")
    return (
        f'<article id="{_e(result.id)}">\n<h1>{_e(result.id)}</h1>\n{_page_line(result)}'
        f'<div class="text">{"".join(parts)}</div>\n'
        f"{_legend(result, colours)}\n{_summary(result, colours)}\n</article>"
    )


def _page_line(result: DocResult) -> str:
    """The title and date a web page gave (``meta``), as one line; nothing without them."""
    meta = result.meta or {}
    title, date = meta.get("title"), meta.get("date")
    items = [f"<cite>{_e(title)}</cite>"] if isinstance(title, str) and title else []
    if isinstance(date, str) and date:
        items.append(f'<time datetime="{_e(date)}">{_e(date)}</time>')
    return f'<p class="page">{" &middot; ".join(items)}</p>\n' if items else ""


def _legend(result: DocResult, colours: dict[str, str]) -> str:
    items = [
        f'<span class="q" style="background:{_e(c)}{QUOTE_ALPHA};'
        f'border-bottom:2px solid {_e(c)}">{_e(name)}</span>'
        for name, c in colours.items()
    ]
    items += ['<span class="sp">speaker</span>', '<span class="cue">cue</span>']
    items += [
        f'<span class="ent" style="background:{label_tint(label)}{ENTITY_ALPHA}">{_e(label)}</span>'
        for label in sorted({entity.label for entity in result.entities})
    ]
    return f'<p class="legend">{"".join(items)}</p>'


def _summary(result: DocResult, colours: dict[str, str]) -> str:
    head = "".join(f"<th>{h}</th>" for h in ("speaker", "label", *QUOTE_TYPES, "first quote"))
    rows = []
    for row in summarize_speakers([result]):
        name = row.speaker or UNKNOWN_SPEAKER
        cells = [
            f'<td style="border-left:4px solid {_e(colours.get(name, ""))}">{_e(name)}</td>',
            f"<td>{_e(row.label or NO_LABEL)}</td>",
            *(f'<td class="n">{row.by_type[kind]}</td>' for kind in QUOTE_TYPES),
            f"<td>{_e(row.first_quote)}</td>",
        ]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table>\n<tr>{head}</tr>\n" + "\n".join(rows) + "\n</table>"


def page_html(articles: Iterable[tuple[str, DocResult]], title: str = PAGE_TITLE) -> str:
    """A whole HTML page of ``(text, result)`` articles, ready to write to a file."""
    body = "\n".join(article_html(text, result) for text, result in articles)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_e(title)}</title>\n<style>\n{BASE_CSS}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )
