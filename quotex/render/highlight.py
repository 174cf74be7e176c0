"""What to highlight in an article: quotes by speaker, speaker mentions, cues, entities.

Pure data shared by the terminal view (:mod:`quotex.render.article`) and the HTML page
(:mod:`quotex.render.html`), so both colour the same speaker the same way. A :class:`Mark` is a
stretch of the article with a role; :func:`segments` cuts the article where any mark
starts or ends, for writers that need properly nested elements.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from quotex.records import DocResult, Quote

MarkKind = Literal["quote", "speaker", "cue", "entity"]
QUOTE, SPEAKER, CUE, ENTITY = "quote", "speaker", "cue", "entity"
UNKNOWN_SPEAKER = "(unknown)"
NO_LABEL = "–"
# Mid-tone colours that read on dark and light backgrounds; speakers cycle through them.
SPEAKER_COLOURS: tuple[str, ...] = (
    "#e06c75",
    "#3b8eea",
    "#98c379",
    "#d19a66",
    "#c678dd",
    "#2bb5b8",
    "#e5c07b",
    "#f08cb4",
)
UNKNOWN_COLOUR = "#9e9e9e"
# Entity tints by spaCy label; labels not listed share the last one. Each is a colour of
# the 256-colour cube, so a 256-colour terminal shows them apart (no two round together).
LABEL_TINTS: dict[str, str] = {
    "PERSON": "#5f5f87",
    "ORG": "#005f87",
    "GPE": "#005f5f",
    "LOC": "#005f5f",
    "NORP": "#5f5f00",
    "FAC": "#5f0000",
    "EVENT": "#00005f",
}
OTHER_TINT = "#4a4a4a"


@dataclass(frozen=True)
class Mark:
    """``text[start:end]`` plays ``kind``; ``key`` is the speaker (or entity label)."""

    start: int
    end: int
    kind: MarkKind
    key: str
    quote: Quote | None = None
    entity_name: str | None = None


@dataclass(frozen=True)
class Segment:
    """A stretch between two mark boundaries: the quote around it and the other marks."""

    start: int
    end: int
    quote: Mark | None
    inner: tuple[Mark, ...]


def speaker_name(quote: Quote) -> str:
    """The name a quote is shown under: its canonical speaker or ``(unknown)``."""
    return quote.speaker or UNKNOWN_SPEAKER


def speaker_colours(result: DocResult) -> dict[str, str]:
    """Speaker name → colour, in order of each speaker's first quote."""
    colours: dict[str, str] = {}
    for quote in sorted(result.quotes, key=lambda q: q.start):
        name = speaker_name(quote)
        if name in colours:
            continue
        if quote.speaker is None:
            colours[name] = UNKNOWN_COLOUR
        else:
            known = sum(1 for n in colours if n != UNKNOWN_SPEAKER)
            colours[name] = speaker_colour(known)
    return colours


# Past the palette, hues step by the golden angle (each new one far from all before it)
# at two lightnesses, so every speaker of a long article keeps a colour of their own.
GOLDEN_ANGLE = 137.508


def speaker_colour(number: int) -> str:
    """The colour of the ``number``-th speaker (from 0): the palette, then generated hues."""
    if number < len(SPEAKER_COLOURS):
        return SPEAKER_COLOURS[number]
    import colorsys

    extra = number - len(SPEAKER_COLOURS)
    hue = (extra * GOLDEN_ANGLE + 20) % 360 / 360
    lightness = 0.62 if extra % 2 else 0.72
    red, green, blue = colorsys.hls_to_rgb(hue, lightness, 0.55)
    return f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}"


def label_tint(label: str) -> str:
    """The background tint of entity mentions with ``label``."""
    return LABEL_TINTS.get(label, OTHER_TINT)


def quote_title(quote: Quote) -> str:
    """A one-line description: ``direct quote by Vladimir Putin (cue: said)``."""
    cue = f" (cue: {quote.cue.text})" if quote.cue else ""
    return f"{quote.type} quote by {speaker_name(quote)}{cue}"


def marks(result: DocResult, length: int) -> list[Mark]:
    """Every mark of ``result`` inside a text of ``length`` characters, by start.

    A speaker mention or cue shared by several quotes is marked once. Marks outside the
    text (a result from another text) are dropped rather than raising.
    """
    found: dict[tuple[int, int, str], Mark] = {}

    def add(mark: Mark) -> None:
        if 0 <= mark.start < mark.end <= length:
            found.setdefault((mark.start, mark.end, mark.kind), mark)

    for quote in result.quotes:
        name = speaker_name(quote)
        add(Mark(quote.start, quote.end, QUOTE, name, quote))
        if quote.speaker_mention is not None:
            add(Mark(quote.speaker_mention.start, quote.speaker_mention.end, SPEAKER, name))
        if quote.cue is not None:
            add(Mark(quote.cue.start, quote.cue.end, CUE, name))
    for entity in result.entities:
        for mention in entity.mentions:
            add(Mark(mention.start, mention.end, ENTITY, entity.label, entity_name=entity.name))
    return sorted(found.values(), key=lambda m: (m.start, -m.end))


def segments(text: str, all_marks: list[Mark]) -> Iterator[Segment]:
    """The whole of ``text`` as consecutive segments, each with the marks covering it.

    Where quotes overlap (they should not), a segment belongs to the quote that starts
    first, so writers can always nest elements.
    """
    bounds = sorted({0, len(text), *(m.start for m in all_marks), *(m.end for m in all_marks)})
    quotes = [m for m in all_marks if m.kind == QUOTE]
    others = [m for m in all_marks if m.kind != QUOTE]
    for start, end in zip(bounds, bounds[1:], strict=False):
        quote = next((q for q in quotes if q.start <= start and end <= q.end), None)
        inner = tuple(m for m in others if m.start <= start and end <= m.end)
        yield Segment(start, end, quote, inner)
