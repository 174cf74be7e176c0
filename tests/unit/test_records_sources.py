"""Sources from records (quotex/records.py): who counts as a person quoted, and with
which gender, on hand-built records and Docs (no model)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from quotex.components.resolver import with_pronoun_genders
from quotex.records import DocResult, Quote

VOCAB = spacy.blank("en").vocab


def quoted_by(speaker: str) -> DocResult:
    quote = Quote("q1", "direct", "“No.”", 0, 5, speaker=speaker, speaker_rule="name")
    return DocResult("d1", quotes=(quote,))


@pytest.mark.parametrize(
    ("speaker", "sources"),
    [
        ("JAKE TAPPER", [("JAKE TAPPER", "male", "first name")]),  # a transcript's speaker
        ("Zero Hedge", []),  # no first name: an untagged organisation, not a person
        ("Jake", []),  # one word
    ],
)
def test_an_untagged_speaker_with_a_first_name_and_surname_is_a_source(speaker, sources) -> None:
    found = [(s.name, s.gender, s.gender_evidence) for s in quoted_by(speaker).sources]
    assert found == sources


def test_pronoun_genders_fill_in_what_the_resolver_left_unknown() -> None:
    words = ["Ayotte", "spoke", ".", "She", "left", ".", "Lee", "and", "Ayotte", "met", "."]
    starts = [True, False, False, True, False, False, True, False, False, False, False]
    doc = Doc(VOCAB, words=words, sent_starts=starts)
    at = [[t.idx, t.idx + len(t)] for t in doc]
    ayotte = {"id": "e1", "label": "PERSON", "mentions": [at[0], at[8]]}  # with Lee: no vote
    lee = {"id": "e2", "label": "PERSON", "mentions": [at[6]]}
    genders = with_pronoun_genders(doc, [ayotte, lee], {"e2": ["male", "title"]})
    assert genders == {"e1": ["female", "pronoun"], "e2": ["male", "title"]}
