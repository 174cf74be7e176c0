"""A quote under construction (``Attribution``) and the one rule for its type."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from quotex.components.attribution.syntax import with_conjuncts
from quotex.components.quotes import MarkedRegion

DIRECT = "direct"
MIXED = "mixed"
INDIRECT = "indirect"


def quote_type(marked: bool, unmarked_words: bool) -> str:
    """``direct`` when quote marks hold all the reported words, ``mixed`` when marks hold
    some of them, ``indirect`` when none are marked."""
    if not marked:
        return INDIRECT
    return MIXED if unmarked_words else DIRECT


@dataclass
class Attribution:
    """A quote under construction: character offsets, token-level anchors.

    ``subject`` is the token that names the speaker (its mention is built from it);
    ``inherited`` marks a quote with no cue and no speaker of its own that continues the
    turn of the quote before it.
    """

    type: str
    start: int
    end: int
    cue: Span | None = None
    subject: Token | None = None
    mention: Span | None = None
    speaker: str | None = None
    entity: str | None = None
    regions: list[MarkedRegion] = field(default_factory=list)
    inherited: bool = False

    def to_record(self) -> dict:
        """The plain record stored in ``doc._.quotex_quotes`` (the output contract)."""
        return {
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "speaker_mention": _span_chars(with_conjuncts(self.mention))
            if self.mention is not None
            else None,
            "speaker_entity": self.entity,
            "cue": [self.cue.start_char, self.cue.end_char] if self.cue is not None else None,
        }


def _span_chars(span: Span) -> list[int]:
    return [span.start_char, span.end_char]


@dataclass(frozen=True)
class MarkedQuote:
    """A quote in marks that no cue's clause claimed, as the marked-quote rules see it.

    ``span`` holds its words (marks excluded); ``fragment`` says it does not open its
    sentence; ``governing`` is the cue verb its words hang from, if any.
    """

    region: MarkedRegion
    span: Span
    fragment: bool
    governing: Token | None
