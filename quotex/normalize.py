"""Text as the pipeline sees it: composed Unicode (NFC), mapped back to the text as read.

The same article written decomposed (NFD, as some Mac tools write: ``e`` + U+0301 for
``é``) parses worse than composed, because the tokenizer and the model learnt composed
text. :func:`prepare` gives the NFC form of a text with an :class:`Alignment` back to it;
:func:`restore` moves a result's offsets from the NFC form into the original and takes
every quote, mention and cue text from the original, so ``text[start:end]`` still holds.

NFC mostly merges characters, but it may also reorder combining marks or split a few
characters, so the alignment is by segments: stretches of the original whose NFC form is
independent of their neighbours. An offset inside a segment (never a token boundary in
practice) moves to the segment's start for a start and to its end for an end.

Embedded posts (:mod:`quotex.posts`: ``<tweet author="JebBush">…</tweet>``) are read as
the sentence a reporter would write; each rewritten stretch is one segment, so the
speaker mention of a post is its handle in the markup and the quote its words.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import TypeVar

from quotex import posts
from quotex.records import DocResult, Mention, Quote

_Span = TypeVar("_Span", Quote, Mention)
FORM = "NFC"
# horizontal_bar_as_dash: characters the model never learnt, read as the one it did, one
# for one: HuffPost's "―" (U+2015) between clauses is an em dash to a reader, while the
# tagger takes it for a verb and parses "Republicans, like Richard Armitage ― three former
# Bush administration big shots ― have said" around it.
READ_AS = str.maketrans({"\u2015": "\u2014"})
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Alignment:
    """Segment starts in the NFC text and in the original, each ending with the length."""

    nfc_starts: tuple[int, ...]
    original_starts: tuple[int, ...]

    def start(self, offset: int) -> int:
        """The original offset of an NFC start offset (a segment's start if inside one)."""
        index = bisect_right(self.nfc_starts, offset) - 1
        return self.original_starts[max(index, 0)]

    def end(self, offset: int) -> int:
        """The original offset of an NFC end offset (a segment's end if inside one)."""
        index = bisect_left(self.nfc_starts, offset)
        return self.original_starts[min(index, len(self.original_starts) - 1)]


@dataclass(frozen=True)
class Prepared:
    """``text`` for the pipeline; ``alignment`` is ``None`` when it is the original."""

    text: str
    alignment: Alignment | None = None


def check_text(text: object) -> str:
    """``text`` if it is a ``str`` every encoding can write; else a clear error.

    Raises ``TypeError`` for what is not a ``str`` and ``ValueError`` naming the offset
    of a lone surrogate (``"\\ud800"``), which would fail deep inside spaCy otherwise.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    m = _LONE_SURROGATE.search(text)
    if m:
        raise ValueError(
            f"invalid code point at offset {m.start()}: a lone surrogate, "
            f"U+{ord(m.group()):04X}, which no encoding can write; fix or remove it"
        )
    return text


def _read(text: str) -> str:
    """The NFC form of ``text`` with the characters of ``READ_AS`` replaced."""
    return unicodedata.normalize(FORM, text).translate(READ_AS)


def prepare(text: str) -> Prepared:
    """The text the pipeline reads for ``text`` (checked by :func:`check_text`) and the way
    back: its NFC form, with embedded posts read as sentences (:mod:`quotex.posts`) and
    the characters of ``READ_AS`` as the model knows them."""
    check_text(text)
    pieces = posts.rewrite(text)
    if not pieces and unicodedata.is_normalized(FORM, text) and text == text.translate(READ_AS):
        return Prepared(text)
    segments = _segments_around(text, pieces)
    read = "".join(piece for _, _, piece in segments)
    if read != _read(posts.apply(text, pieces)):
        # the segments missed a composition: NFC alone, in one coarse segment if need be
        segments = _segments(text)
        read = "".join(piece for _, _, piece in segments)
        if read != _read(text):
            segments = [(0, len(text), _read(text))]
            read = segments[0][2]
    read_starts, original_starts, at = [], [], 0
    for a, _, piece in segments:
        read_starts.append(at)
        original_starts.append(a)
        at += len(piece)
    read_starts.append(len(read))
    original_starts.append(len(text))
    return Prepared(read, Alignment(tuple(read_starts), tuple(original_starts)))


def _segments_around(text: str, pieces: list[posts.Piece]) -> list[tuple[int, int, str]]:
    """The NFC segments of ``text`` between ``pieces``, and each piece as one segment."""
    segments: list[tuple[int, int, str]] = []
    at = 0
    for piece in [*pieces, posts.Piece(len(text), len(text), "")]:
        if piece.start > at:
            segments += [(at + a, at + b, s) for a, b, s in _segments(text[at : piece.start])]
        if piece.end > piece.start:
            segments.append((piece.start, piece.end, _read(piece.text)))
        at = piece.end
    return segments


def _segments(text: str) -> list[tuple[int, int, str]]:
    """(start, end, NFC form) of stretches of ``text`` that normalize independently.

    A stretch starts at a character of combining class 0 (a starter) and takes the marks
    after it. A stretch joins the one before when its first character composes with the
    last of that one's NFC form (Hangul jamo, some Indic vowel signs): a mark in between
    would block composition, so only that pair can.
    """
    starts = [i for i, ch in enumerate(text) if i == 0 or not unicodedata.combining(ch)]
    bounds = [*starts, len(text)]
    segments: list[tuple[int, int, str]] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        piece = _read(text[a:b])
        if segments and not unicodedata.is_normalized(FORM, segments[-1][2][-1:] + piece[:1]):
            prev_a = segments[-1][0]
            segments[-1] = (prev_a, b, _read(text[prev_a:b]))
        else:
            segments.append((a, b, piece))
    return segments


def restore(result: DocResult, original: str, alignment: Alignment | None) -> DocResult:
    """``result`` of the NFC text with offsets into ``original`` and texts taken from it."""
    if alignment is None:
        return result

    def moved(span: _Span) -> _Span:
        start, end = alignment.start(span.start), alignment.end(span.end)
        return replace(span, text=original[start:end], start=start, end=end)

    quotes = tuple(
        replace(
            moved(q),
            speaker_mention=moved(q.speaker_mention) if q.speaker_mention else None,
            cue=moved(q.cue) if q.cue else None,
        )
        for q in result.quotes
    )
    entities = tuple(
        replace(e, mentions=tuple(moved(m) for m in e.mentions)) for e in result.entities
    )
    return replace(result, quotes=quotes, entities=entities)
