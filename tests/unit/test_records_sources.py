"""Sources from records (quotex/records.py): who counts as a person quoted, and with
which gender, on hand-built records and Docs (no model)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from quotex.components.resolver import object_pronouns, with_pronoun_genders
from quotex.records import DocResult, Entity, EntityMention, Mention, Quote

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


def _joined_result(mention_text: str, names: dict[str, str]) -> DocResult:
    """One quote whose speaker mention is ``mention_text``; ``names``: entity id → name,
    each a PERSON mentioned once inside the mention (the first is the speaker)."""
    entities = []
    for eid, name in names.items():
        start = mention_text.index(name)
        mention = EntityMention(name, start, start + len(name))
        entities.append(Entity(eid, name, "PERSON", (mention,), "male", "first name"))
    first = next(iter(names))
    quote = Quote(
        "q1",
        "indirect",
        "the bill was dead",
        len(mention_text) + 6,
        len(mention_text) + 23,
        speaker=names[first],
        speaker_mention=Mention(mention_text, 0, len(mention_text)),
        speaker_entity=first,
        speaker_label="PERSON",
    )
    return DocResult("d1", quotes=(quote,), entities=tuple(entities))


def test_people_joined_in_one_speaker_mention_are_each_a_source() -> None:
    result = _joined_result(
        "Kevin McCarthy and Steve Scalise", {"e1": "Kevin McCarthy", "e2": "Steve Scalise"}
    )
    assert sorted((s.name, s.quotes) for s in result.sources) == [
        ("Kevin McCarthy", 1),
        ("Steve Scalise", 1),
    ]


def test_a_name_that_qualifies_the_speaker_is_no_source() -> None:
    # "Trump's lawyer" qualifies Cohen; "and" joins a thing, not a second speaker
    result = _joined_result(
        "Donald Trump's lawyer and fixer Michael Cohen",
        {"e1": "Michael Cohen", "e2": "Donald Trump"},
    )
    assert [s.name for s in result.sources] == ["Michael Cohen"]


def test_a_name_that_modifies_a_noun_in_the_mention_is_no_source() -> None:
    mention = "Republicans, like Henry Paulson and Brent Scowcroft — two George W. Bush aides"
    result = _joined_result(
        mention, {"e1": "Henry Paulson", "e2": "Brent Scowcroft", "e3": "George W. Bush"}
    )
    assert sorted(s.name for s in result.sources) == ["Brent Scowcroft", "Henry Paulson"]


def test_people_named_together_are_each_a_source_with_their_own_gender() -> None:
    text = "Hillary Clinton and Tim Kaine"
    entities = tuple(
        Entity(eid, name, "PERSON", (EntityMention(name, at, at + len(name)),), gender, "pronoun")
        for eid, name, at, gender in [
            ("e1", "Hillary Clinton", 0, "female"),
            ("e2", "Tim Kaine", 20, "male"),
        ]
    )
    quote = Quote(
        "q1",
        "direct",
        "We will win.",
        40,
        52,
        speaker=text,
        speaker_mention=Mention("the two", 54, 61),
        speaker_label="PERSON",
        speaker_rule="people named together",
    )
    found = DocResult("d1", quotes=(quote,), entities=entities).sources
    assert sorted((s.name, s.gender, s.quotes) for s in found) == [
        ("Hillary Clinton", "female", 1),
        ("Tim Kaine", "male", 1),
    ]


def test_members_a_group_speaker_lists_are_sources() -> None:
    result = _joined_result("Republican leaders such as Paul Ryan", {"e1": "Paul Ryan"})
    group = Quote(
        "q1",
        "indirect",
        "the plan would fail",
        40,
        59,
        speaker="Republican leaders",
        speaker_mention=result.quotes[0].speaker_mention,
    )
    found = DocResult("d1", quotes=(group,), entities=result.entities).sources
    assert [(s.name, s.quotes) for s in found] == [("Paul Ryan", 1)]


def test_object_pronouns_are_the_hers_the_parse_makes_objects() -> None:
    words = ["Obama", "backed", "her", "up", "for", "her", "campaign", "."]
    heads = [1, 1, 1, 1, 1, 6, 4, 1]
    deps = ["nsubj", "ROOT", "dobj", "prt", "prep", "poss", "pobj", "punct"]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps)
    assert object_pronouns(doc) == frozenset({doc[2].idx})  # not the possessive
