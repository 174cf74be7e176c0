"""The ``quotex show`` view of one article: highlighted text, legend, speaker summary.

The article is one ``Text`` built from the text and styled by offsets, so article text
is never read as markup; control characters are shown as stand-ins one for one
(:mod:`quotex.render.safe`), so the offsets still fit. Styles pair a colour with an
attribute (italic quotes, bold speaker mentions, underlined cues) so the view still
reads with ``--no-color``.
Nothing here prints.
"""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from quotex.records import QUOTE_TYPES, DocResult
from quotex.render.highlight import (
    CUE,
    ENTITY,
    NO_LABEL,
    QUOTE,
    SPEAKER,
    label_tint,
    marks,
    speaker_colours,
)
from quotex.render.safe import user_text
from quotex.render.tables import plural, speaker_cell
from quotex.tally import summarize_speakers

QUOTE_STYLE = "italic {colour}"
SPEAKER_STYLE = "bold {colour}"
CUE_STYLE = "underline"
# Light text on the dark tint reads on light and dark terminals; quote colours override it.
ENTITY_STYLE = "#f0f0f0 on {tint}"
FIRST_WORDS = 8
# rich drops these characters from a Text (rich.control.strip_control_codes), which would
# move every style after them (a CRLF text drifted one character per line); each becomes
# one character that reads the same, so the text's offsets still index the view.
_LINE_BREAKS = {"\r": "\n", "\v": "\n", "\f": "\n"}
_SAME_LENGTH = str.maketrans({**_LINE_BREAKS, "\a": "\u2407", "\b": "\u2408"})  # ␇ ␈


def displayable(text: str) -> str:
    """``text`` with the characters rich would drop replaced one for one (CRLF: space, LF)."""
    return text.replace("\r\n", " \n").translate(_SAME_LENGTH)


def article_text(text: str, result: DocResult) -> Text:
    """The article with quotes in their speaker's colour, mentions, cues and entities marked.

    Entities are tinted first so that quote and speaker styles layer over them.
    """
    colours = speaker_colours(result)
    article = user_text(displayable(text))  # one character for one: offsets stay
    order = {ENTITY: 0, QUOTE: 1, SPEAKER: 2, CUE: 3}
    for mark in sorted(marks(result, len(text)), key=lambda m: order[m.kind]):
        if mark.kind == ENTITY:
            style = ENTITY_STYLE.format(tint=label_tint(mark.key))
        elif mark.kind == QUOTE:
            style = QUOTE_STYLE.format(colour=colours[mark.key])
        elif mark.kind == SPEAKER:
            style = SPEAKER_STYLE.format(colour=colours[mark.key])
        else:
            style = CUE_STYLE
        article.stylize(style, mark.start, mark.end)
    return article


def legend(result: DocResult) -> Text:
    """Speaker colours, the mention and cue styles, and the entity labels present."""
    line = Text("Speakers: ", style="bold")
    for number, (name, colour) in enumerate(speaker_colours(result).items()):
        if number:
            line.append("  ")
        line.append("■ ", style=colour)
        line.append_text(user_text(name, QUOTE_STYLE.format(colour=colour)))
    if not result.quotes:
        line.append("none", style="dim")
    line.append("\nMarked: ", style="bold")
    line.append("quote", style="italic")
    line.append("  ")
    line.append("speaker", style="bold")
    line.append("  ")
    line.append("cue", style=CUE_STYLE)
    labels = sorted({entity.label for entity in result.entities})
    if labels:
        line.append("  entities:")
        for label in labels:
            line.append(" ")
            line.append(f" {label} ", style=ENTITY_STYLE.format(tint=label_tint(label)))
    return line


def _first_words(text: str, count: int = FIRST_WORDS) -> str:
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def speaker_summary(result: DocResult) -> Table:
    """One document's speakers: label, quotes by type, the start of their first quote."""
    colours = speaker_colours(result)
    table = Table(
        title=Text(plural(len(result.quotes), "quote")),
        box=box.SIMPLE_HEAD,
        expand=True,
        pad_edge=False,
    )
    table.add_column("speaker", ratio=2)
    table.add_column("label", no_wrap=True)
    for kind in QUOTE_TYPES:
        table.add_column(kind, justify="right", no_wrap=True)
    table.add_column("first quote", ratio=3)
    for row in summarize_speakers([result]):
        table.add_row(
            speaker_cell(row, colours),
            user_text(row.label or NO_LABEL),
            *(str(row.by_type[kind]) for kind in QUOTE_TYPES),
            user_text(_first_words(row.first_quote)),
        )
    return table


def show_view(text: str, result: DocResult) -> RenderableType:
    """The whole ``quotex show`` screen for one document."""
    article = article_text(text, result)
    article.rstrip()  # one blank line before the legend, however the text ends
    summary = speaker_summary(result) if result.quotes else Text("No quotes found.", style="dim")
    title = user_text(result.id, inline=True)
    return Group(Rule(title, style="dim"), article, Text(""), legend(result), summary)
