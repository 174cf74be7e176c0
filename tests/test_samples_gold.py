"""Golden tests: the seed article and the other samples against their hand annotations."""

from __future__ import annotations

import pytest

from quotex.eval import score_document
from quotex.extraction import extract
from quotex.names import names_agree
from tests.conftest import load_sample

SAMPLES = [
    "nato-russia.txt",
    "straight-quotes.txt",
    "said-inversion.txt",
    "multi-paragraph.txt",
    "according-to.txt",
]
MARKED = ("direct", "mixed")


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _gold_core(quote: dict) -> tuple[int, int]:
    """The words that must be covered: the quoted part of a mixed quote, else the quote."""
    if quote["type"] == "mixed" and quote.get("quoted_spans"):
        start, end = quote["quoted_spans"][0]
        return start, end
    return quote["quote_start"], quote["quote_end"]


@pytest.mark.model
@pytest.mark.parametrize("name", SAMPLES)
def test_samples_every_marked_quote_found_with_its_speaker(nlp, name: str) -> None:
    text, gold = load_sample(name)
    result = extract(text, nlp, doc_id=name)
    predicted = [q for q in result.quotes if q.type in MARKED]
    for quote in gold["quotes"]:
        if quote["type"] not in MARKED or quote["optional"]:
            continue
        core = _gold_core(quote)
        hits = [p for p in predicted if _overlap((p.start, p.end), core) >= (core[1] - core[0]) / 2]
        assert hits, f"missed: {quote['quote'][:60]!r}"
        assert any(names_agree(p.speaker, quote["speaker"]) for p in hits), (
            f"{quote['quote'][:40]!r}: gold {quote['speaker']!r}, got {[p.speaker for p in hits]}"
        )


@pytest.mark.model
@pytest.mark.parametrize("name", SAMPLES)
def test_samples_no_false_marked_quotes(nlp, name: str) -> None:
    text, gold = load_sample(name)
    result = extract(text, nlp, doc_id=name)
    spans = [(q["quote_start"], q["quote_end"]) for q in gold["quotes"]]
    for quote in result.quotes:
        if quote.type not in MARKED:
            continue
        assert any(_overlap((quote.start, quote.end), s) for s in spans), (
            f"false quote: {quote.text[:60]!r}"
        )
    for phrase in gold.get("not_quotes", []):
        assert all(
            phrase not in q.text or q.type == "indirect"
            for q in result.quotes
            if len(q.text) < len(phrase) + 10
        ), f"{phrase!r} taken as a quote"


@pytest.mark.model
@pytest.mark.parametrize("name", SAMPLES)
def test_samples_offsets_hold(nlp, name: str) -> None:
    text, _ = load_sample(name)
    result = extract(text, nlp, doc_id=name)
    for quote in result.quotes:
        assert text[quote.start : quote.end] == quote.text
        for part in (quote.speaker_mention, quote.cue):
            if part is not None:
                assert text[part.start : part.end] == part.text
    for entity in result.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text


@pytest.mark.model
@pytest.mark.parametrize(("name", "minimum"), [(n, 0.8) for n in SAMPLES])
def test_samples_all_quotes_f1_and_speakers(nlp, name: str, minimum: float) -> None:
    text, gold = load_sample(name)
    result = extract(text, nlp, doc_id=name)
    scores = score_document({**gold, "text": text}, result).quotes
    assert scores.lenient["all"].f1 >= minimum
    assert scores.speaker["all"].accuracy >= 0.9


@pytest.mark.model
@pytest.mark.parametrize("person", ["Vladimir Putin", "Anders Fogh Rasmussen", "Sergei Lavrov"])
def test_seed_people_are_one_entity_each(nlp, person: str) -> None:
    text, _ = load_sample("nato-russia.txt")
    result = extract(text, nlp, doc_id="seed")
    surname = person.split()[-1]
    holding = [e for e in result.entities if any(surname in m.text for m in e.mentions)]
    assert [e.name for e in holding] == [person]
    assert holding[0].label == "PERSON"


@pytest.mark.model
def test_seed_footer_word_is_not_an_entity(nlp) -> None:
    text, _ = load_sample("nato-russia.txt")
    result = extract(text, nlp, doc_id="seed")
    assert "Exit" not in {m.text for e in result.entities for m in e.mentions}
