"""quotex.normalize: the pipeline reads NFC, results point into the text as given."""

from __future__ import annotations

import unicodedata

import pytest

from quotex.normalize import check_text, prepare, restore
from quotex.records import DocResult, Entity, EntityMention, Mention, Quote

# NFD (e + U+0301), Hangul jamo that compose across starters, marks NFC reorders,
# Angstrom and Ohm signs NFC replaces, and U+0344, which NFC splits into two marks.
ODD = [
    unicodedata.normalize("NFD", "José Martí said “déjà vu” in Besançon."),
    "\u1100\u1161\u11a8 said: \u1100\u1161 \u11a8.",
    "e\u0301\u0323 and o\u0323\u0302 here",
    "\u212b units, \u2126 and x\u0344 mark",
]


def test_prepare_leaves_composed_text_alone() -> None:
    text = "Fran\u00e7ois said \u201cno\u201d."
    assert prepare(text).text is text and prepare(text).alignment is None


@pytest.mark.parametrize("text", ODD, ids=["nfd", "hangul", "reordered", "singleton-split"])
def test_prepare_gives_nfc_and_every_token_boundary_maps_back(text: str) -> None:
    prepared = prepare(text)
    assert prepared.text == unicodedata.normalize("NFC", text)
    alignment = prepared.alignment
    assert alignment is not None
    for start, end in _word_spans(prepared.text):
        a, b = alignment.start(start), alignment.end(end)
        assert unicodedata.normalize("NFC", text[a:b]) == prepared.text[start:end]


def _word_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], None
    for i, ch in enumerate(text + " "):
        if ch.isspace() and start is not None:
            spans.append((start, i))
            start = None
        elif not ch.isspace() and start is None:
            start = i
    return spans


def test_restore_moves_every_offset_and_takes_texts_from_the_original() -> None:
    original = unicodedata.normalize("NFD", "“Déjà vu,” said José Martí.")
    prepared = prepare(original)
    nfc = prepared.text

    def span(cls, part, **kw):
        start = nfc.index(part)
        return cls(part, start, start + len(part), **kw)

    start = nfc.index("Déjà vu,")
    quote = Quote(
        "q1",
        "direct",
        "Déjà vu,",
        start,
        start + 8,
        speaker="José Martí",
        speaker_mention=span(Mention, "José Martí"),
        cue=span(Mention, "said"),
    )
    entity = Entity("e1", "José Martí", "PERSON", (span(EntityMention, "José Martí"),))
    restored = restore(DocResult("d", (quote,), (entity,)), original, prepared.alignment)
    (q,) = restored.quotes
    for item in (q, q.speaker_mention, q.cue, restored.entities[0].mentions[0]):
        assert original[item.start : item.end] == item.text
    assert q.text == unicodedata.normalize("NFD", "Déjà vu,")
    assert restored.entities[0].mentions[0].in_quote is False
    assert q.speaker == "José Martí"  # names stay as the pipeline gave them (NFC)


def test_a_horizontal_bar_is_read_as_an_em_dash_at_the_same_offsets() -> None:
    original = "Republicans \u2015 three Bush aides \u2015 said they back Clinton."
    prepared = prepare(original)
    assert prepared.text == original.replace("\u2015", "\u2014")
    end = prepared.text.index(" said")
    mention = Mention(prepared.text[:end], 0, end)
    start = prepared.text.index("they")
    quote = Quote("q1", "indirect", "they back Clinton", start, start + 17, speaker_mention=mention)
    (q,) = restore(DocResult("d", (quote,)), original, prepared.alignment).quotes
    assert q.speaker_mention.text == original[:end] and "\u2015" in q.speaker_mention.text
    assert q.text == "they back Clinton"


@pytest.mark.parametrize(("text", "offset"), [("a \ud800 b", 2), ("\udfff", 0)])
def test_check_text_names_the_offset_of_a_lone_surrogate(text: str, offset: int) -> None:
    with pytest.raises(ValueError, match=f"invalid code point at offset {offset}"):
        check_text(text)
