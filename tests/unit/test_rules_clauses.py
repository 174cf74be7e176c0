"""Complement and clause rules (components/attribution/clauses.py) on hand-built parses."""

from __future__ import annotations

import pytest
from handbuilt import marked, parsed, token

from quotex.components.attribution import clauses
from quotex.components.attribution.cues import CueWords

WORDS = CueWords.build()


def content(doc, bounds) -> str:
    start, end, _ = bounds
    return doc[start:end].text


def test_trim_content_drops_complementizer_punctuation_and_trailing_conjunction() -> None:
    doc = parsed("He pointed out that the plan failed.")
    assert doc[slice(*clauses.trim_content(doc, 3, 8))].text == "the plan failed"
    doc = parsed("He denied the charges and")
    assert doc[slice(*clauses.trim_content(doc, 2, 5))].text == "the charges"


def test_cut_closing_comment() -> None:
    doc = parsed("He backed the plan, a proposal that critics hate.")
    assert clauses.cut_closing_comment(doc, 3, 10) == 4  # before ", a proposal …"
    doc = parsed("Jan Kamp said the plan failed.")
    assert clauses.cut_closing_comment(doc, 3, 6) == 6


def test_clause_end_cuts_a_contrast_clause() -> None:
    doc = parsed("He said the plan works, while critics disagree.")
    assert clauses.is_contrast_clause(token(doc, "disagree"))
    assert doc[2 : clauses.clause_end(token(doc, "works"))].text == "the plan works,"


def test_clause_end_cuts_an_added_report() -> None:
    doc = parsed("He said the plan works, adding that it is cheap.")
    assert clauses.is_added_report(token(doc, "adding"), WORDS)
    assert not clauses.is_added_report(token(doc, "works"), WORDS)
    assert doc[2 : clauses.clause_end(token(doc, "said"))].text == "the plan works,"


def test_clause_end_cuts_the_speakers_next_report() -> None:
    doc = parsed("He said he would act and warned the banks.")
    start = clauses.next_report_start(token(doc, "act"), token(doc, "warned"), WORDS)
    assert start.text == "and"
    assert doc[2 : clauses.clause_end(token(doc, "act"))].text == "he would act"


def test_next_report_start_not_for_a_verb_with_its_own_subject() -> None:
    doc = parsed(
        "He said he would act and warned the banks.", edit={7: {"dep": "nsubj", "head": 6}}
    )
    assert clauses.next_report_start(token(doc, "act"), token(doc, "warned"), WORDS) is None


def test_clausal_complement() -> None:
    doc = parsed("Jan Kamp said the plan failed.")
    assert content(doc, clauses.clausal_complement(token(doc, "said"), WORDS)) == "the plan failed"
    doc = parsed("They urged him to resign.")
    assert clauses.clausal_complement(token(doc, "urged"), WORDS) is None


def test_clausal_complement_left_of_the_cue() -> None:
    doc = parsed("“We will not retreat,” said Mr. Kamp.")
    start, end, head_left = clauses.clausal_complement(token(doc, "said"), WORDS)
    assert head_left and doc[start:end].text == "We will not retreat"


def test_repair_clause_hung_on_gerund_subject() -> None:
    doc = parsed("He said legalizing it could put jobs at risk.")
    assert [t.text for t in clauses.repair_clause_hung_on_gerund_subject(token(doc, "said"))] == [
        "put"
    ]
    bounds = clauses.complement_range(token(doc, "said"), WORDS)
    assert content(doc, bounds) == "legalizing it could put jobs at risk"
    doc = parsed("They urged him to resign.")
    assert clauses.repair_clause_hung_on_gerund_subject(token(doc, "urged")) == []


def test_answer_yes_or_no() -> None:
    doc = parsed("Asked whether they agreed, 75 percent said yes.")
    assert content(doc, clauses.answer_yes_or_no(token(doc, "said"), WORDS)) == "yes"
    doc = parsed("He said no to the Iraq war.")
    assert content(doc, clauses.answer_yes_or_no(token(doc, "said"), WORDS)) == "no to the Iraq war"
    doc = parsed("Jan Kamp said the plan failed.")
    assert clauses.answer_yes_or_no(token(doc, "said"), WORDS) is None


BAND = "Mr. Band said he had secured contracts worth millions."
BAND_MISPARSE = {6: {"dep": "dobj", "head": 2}, 7: {"dep": "amod", "head": 6}}


def test_repair_clause_parsed_as_object() -> None:
    doc = parsed(BAND, edit=BAND_MISPARSE)
    said = token(doc, "said")
    assert clauses.clausal_complement(said, WORDS) is None
    bounds = clauses.repair_clause_parsed_as_object(said, WORDS)
    assert content(doc, bounds) == "he had secured contracts worth millions."


def test_repair_clause_parsed_as_object_stops_at_a_preposition() -> None:
    doc = parsed("He pointed at the map.")
    assert clauses.repair_clause_parsed_as_object(token(doc, "pointed"), WORDS) is None


MEMO = "Lee told staff in a memo that firms would raise pay."


@pytest.mark.parametrize(
    ("text", "edit", "reported"),
    [
        # that_clause_on_setting: as the model parses it, "that" a conjunction
        (MEMO, None, "that firms would raise pay"),
        # "that" the object of a verb that has its own ("pay"): still a conjunction
        (MEMO, {6: {"dep": "dobj"}}, "that firms would raise pay"),
        # "that" the only object of a verb that makes a document ("a memo that she wrote"):
        # a relative clause on "memo"; here "pay" read as an adverb, "raise" as "write"
        (MEMO, {6: {"dep": "dobj"}, 9: {"lemma": "write"}, 10: {"dep": "advmod"}}, None),
        # ... of a verb that makes none: a conjunction misread ("an affidavit that he lied")
        (MEMO, {6: {"dep": "dobj"}, 10: {"dep": "advmod"}}, "that firms would raise pay"),
        (MEMO, {7: {"dep": "dobj"}}, None),  # no subject of its own
    ],
)
def test_repair_clause_parsed_as_relative(text, edit, reported) -> None:
    doc = parsed(text, edit=edit)
    told = token(doc, "told")
    assert clauses.clausal_complement(told, WORDS) is None
    bounds = clauses.repair_clause_parsed_as_relative(told, WORDS)
    assert (bounds and content(doc, bounds)) == reported


STATEMENT = "TTC spokesperson Daniel Moreau said in a statement that shuttle buses were brought in."


def test_repair_clause_parsed_as_relative_takes_a_clause_qualifying_the_setting() -> None:
    # the parser hung the reported clause on "statement" as an acl, not a relcl
    doc = parsed(STATEMENT)
    said = token(doc, "said")
    bounds = clauses.repair_clause_parsed_as_relative(said, WORDS)
    assert content(doc, bounds) == "that shuttle buses were brought in"


def test_repair_clause_parsed_as_relative_needs_a_setting_for_a_qualifying_clause() -> None:
    # "on the condition that …" sets no scene: the clause is the condition's, not talk
    doc = parsed("Bob agreed to talk on the condition that his name not be used.")
    assert clauses.repair_clause_parsed_as_relative(token(doc, "talk"), WORDS) is None


def test_parenthetical_sentence() -> None:
    doc = parsed("This campaign, he says, is different.")
    start, end, head_left = clauses.parenthetical_sentence(token(doc, "says"), WORDS)
    assert head_left and doc[start:end].text == "This campaign, he says, is different."
    assert clauses.parenthetical_sentence(token(doc, "is"), WORDS) is None


def test_object_complement_of_an_object_cue() -> None:
    doc = parsed("They urged him to resign.")
    assert content(doc, clauses.object_complement(token(doc, "urged"), WORDS)) == "him to resign"


def test_reason_after_object_joins_the_content() -> None:
    doc = parsed("Halvorson blasted Gingrich for sparring with Kelly.")
    found = clauses.object_complement(token(doc, "blasted"), WORDS)
    assert content(doc, found) == "Gingrich for sparring with Kelly"
    # a time is no reason ("years" tagged DATE as the model tags it)
    doc = parsed("Halvorson blasted Gingrich for years.", edit={4: {"iob": "B-DATE"}})
    assert content(doc, clauses.object_complement(token(doc, "blasted"), WORDS)) == "Gingrich"


@pytest.mark.parametrize(
    ("sentence", "cue", "reported"),
    [
        ("They called for a safe zone.", "called", "a safe zone"),
        ("The counsel asked for a sentence of three years.", "asked", "a sentence of three years"),
        ("Perez talks about growing up in Buffalo.", "talks", "growing up in Buffalo"),
        ("Mr. Amar disagreed with the ruling.", "disagreed", "the ruling"),
    ],
)
def test_object_complement_of_a_phrase_cue_drops_the_particle(sentence, cue, reported) -> None:
    doc = parsed(sentence)
    assert content(doc, clauses.object_complement(token(doc, cue), WORDS)) == reported


def test_content_objects_not_the_addressee() -> None:
    doc = parsed("He told reporters the plan failed.")
    assert clauses.content_objects(token(doc, "told"), frozenset()) == []
    doc = parsed("He asked Carson about his plan.")
    assert [t.text for t in clauses.content_objects(token(doc, "asked"), frozenset({"about"}))] == [
        "about"
    ]


def test_repair_phrase_parsed_as_clause_mark() -> None:
    doc = parsed("He was calling for the US to step up.")
    verb = token(doc, "calling")
    assert [
        t.text for t in clauses.repair_phrase_parsed_as_clause_mark(verb, frozenset({"for"}))
    ] == ["step"]
    assert clauses.repair_phrase_parsed_as_clause_mark(verb, frozenset({"on"})) == []
    assert content(doc, clauses.complement_range(verb, WORDS)) == "the US to step up"


def test_infinitive_after_phrase() -> None:
    doc = parsed("They called for a safe zone.", edit={5: {"dep": "pobj"}})
    assert clauses.infinitive_after_phrase(token(doc, "called"), 6) is None
    doc = parsed(
        "He called for the secretary to release the files.",
        edit={
            2: {"dep": "prep", "head": 1, "pos": "ADP"},
            4: {"dep": "pobj", "head": 2},
            6: {"dep": "advcl", "head": 1},
        },
    )
    assert clauses.infinitive_after_phrase(token(doc, "called"), 5) == 9


def test_complement_range_only_for_phrase_cues_in_their_phrase() -> None:
    pointed_out = parsed("He pointed out that the plan failed.")
    bounds = clauses.complement_range(token(pointed_out, "pointed"), WORDS)
    assert content(pointed_out, bounds) == "that the plan failed"
    pointed_at = parsed("He pointed at the map.")
    assert clauses.complement_range(token(pointed_at, "pointed"), WORDS) is None


def test_clause_attribution_types() -> None:
    doc = parsed("Jan Kamp said the plan failed.")
    regions, inside = marked(doc)
    said = token(doc, "said")
    attr = clauses.clause_attribution(said, clauses.complement_range(said), regions, inside)
    assert (attr.type, doc.text[attr.start : attr.end]) == ("indirect", "the plan failed")
    doc = parsed("“We will not retreat,” said Mr. Kamp.")
    regions, inside = marked(doc)
    said = token(doc, "said")
    attr = clauses.clause_attribution(said, clauses.complement_range(said), regions, inside)
    assert attr.type == "direct" and attr.regions == regions


def test_clause_attribution_mixed_takes_in_the_closing_mark() -> None:
    doc = parsed("He described the plan as “a total disaster”.")
    regions, inside = marked(doc)
    verb = token(doc, "described")
    attr = clauses.clause_attribution(verb, clauses.complement_range(verb), regions, inside)
    assert attr.type == "mixed"
    assert doc.text[attr.start : attr.end] == "the plan as “a total disaster”"


def test_past_verb_read_as_participle_is_the_reported_clause() -> None:
    words = CueWords.build()
    doc = parsed("Maureen MacDonald said the findings held for people of all ages.")
    start, end, _ = clauses.repair_past_verb_read_as_participle(token(doc, "said"), words)
    assert doc[start:end].text == "the findings held for people of all ages"
    agent = parsed(
        "Maureen MacDonald said the findings held for people of all ages.",
        edit={6: {"dep": "agent"}},  # "held by …": a participle after all
    )
    assert clauses.repair_past_verb_read_as_participle(token(agent, "said"), words) is None
    parsed_well = parsed("He said the plan approved by council was fine.")  # a ccomp
    assert clauses.repair_past_verb_read_as_participle(token(parsed_well, "said"), words) is None
