"""The attribution steps put together (components/attribution/__init__.py) on hand-built
parses, and the small rules they rely on."""

from __future__ import annotations

import pytest
from handbuilt import parsed, token

from quotex.components.attribution import (
    Draft,
    attribute,
    cue_clause,
    is_nested_non_report,
    take_nominal_cues,
)
from quotex.components.attribution.clauses import is_finite
from quotex.components.attribution.cues import CueWords, particle_cues, phrase_cues
from quotex.components.attribution.quote import quote_type
from quotex.components.attribution.speakers import EntityIndex, resolve_pronoun
from quotex.components.entities import EntityLinker
from quotex.components.quotes import QuoteFinder

WORDS = CueWords.build()


def annotated(text: str, edit=None):
    return EntityLinker()(QuoteFinder()(parsed(text, edit=edit)))


def quotes(text: str, edit=None) -> list[tuple[str, str, str | None, str | None]]:
    records = attribute(annotated(text, edit))
    return [
        (r["type"], text[r["start"] : r["end"]], r["speaker"], r["cue"] and text[slice(*r["cue"])])
        for r in records
    ]


def test_quote_type() -> None:
    assert quote_type(marked=False, unmarked_words=True) == "indirect"
    assert quote_type(marked=True, unmarked_words=True) == "mixed"
    assert quote_type(marked=True, unmarked_words=False) == "direct"


def test_phrase_and_particle_cues_from_the_lexicon() -> None:
    assert {"for", "on"} <= phrase_cues()["call"]
    assert "out" in particle_cues()["point"]
    assert "as" in phrase_cues()["refer"] and "as" not in particle_cues().get("refer", ())


def test_is_finite() -> None:
    doc = parsed("He said he would act and warned the banks.")
    assert is_finite(token(doc, "act"))  # "would act"
    assert not is_finite(parsed("They urged him to resign.")[4])


def test_is_nested_non_report() -> None:
    doc = parsed("Clinton issued a statement saying the vote was rigged.")
    saying = token(doc, "saying")
    assert is_nested_non_report(saying, clausal=True, reported=[(0, len(doc.text))])  # an acl
    assert not is_nested_non_report(saying, clausal=True, reported=[])


def test_cue_clause_of_a_passive_report_names_its_agent() -> None:
    doc = annotated("It was reported by the BBC that the talks failed.")
    draft = Draft.start(doc, WORDS)
    attr = cue_clause(draft, token(doc, "reported"), [])
    assert (attr.type, attr.subject.text) == ("indirect", "BBC")


def test_cue_clause_of_a_generic_stance_is_none() -> None:
    doc = annotated("If you want to understand the vote, look at the map.")
    assert cue_clause(Draft.start(doc, WORDS), token(doc, "want"), []) is None


def test_a_cue_noun_in_a_cues_object_is_the_attribution() -> None:
    text = "Smith rejected Hamann's claim that the site was losing money."
    assert quotes(text) == [("indirect", "the site was losing money", "Hamann", "claim")]


def test_a_saying_outranks_a_cue_noun_inside_its_clause() -> None:
    text = "Smith said Hamann's claim that the site was losing money was false."
    doc = annotated(text)
    draft = Draft.start(doc, WORDS)
    take_nominal_cues(draft)
    attr = cue_clause(draft, token(doc, "said"), [])
    assert text[attr.start : attr.end] == "Hamann's claim that the site was losing money was false"
    assert draft.attributions == []  # the claim was dropped for the saying


def test_resolve_pronoun_leaves_first_person_alone() -> None:
    doc = parsed("“We will not retreat,” said Mr. Kamp.")
    assert resolve_pronoun(doc, doc[1:2], [], EntityIndex.from_records([]), {}) == (None, None)


def test_attribute_a_split_quote() -> None:
    text = "“The review is welcome,” Hugh Hill said, “but it will not add a nurse.”"
    assert quotes(text) == [
        ("direct", "The review is welcome,", "Hugh Hill", "said"),
        ("direct", "but it will not add a nurse.", "Hugh Hill", "said"),
    ]


def test_attribute_drops_a_scare_quote_and_keeps_the_indirect_quote() -> None:
    assert quotes("She wrote a page called “for honest elections” last year.") == []
    assert quotes("Jan Kamp said the plan failed.") == [
        ("indirect", "the plan failed", "Jan Kamp", "said")
    ]


def test_attribute_a_pronoun_resolved_to_the_organisation() -> None:
    text = "The Kremlin said the talks failed. It said the talks would resume."
    assert [q[2] for q in quotes(text)] == ["Kremlin", "Kremlin"]


def test_content_before_a_speaker_hung_on_the_quote() -> None:
    text = "''They were competitors,'' William M. Daley, Obama's former aide, said of them."
    assert quotes(text) == [("direct", "They were competitors,", "William M. Daley", "said")]


@pytest.mark.parametrize(
    ("aside", "kind"),
    [("the evidence is new", "indirect"), ("the FBI is “reopening” it", "mixed")],
)
def test_a_quote_without_cue_continues_the_turn_an_aside_interrupted(aside, kind) -> None:
    text = (
        f"“It is damaging,” McCaul said, though Comey has not said {aside}. “Remember the warrant.”"
    )
    found = quotes(text)
    assert [(k, speaker) for k, _, speaker, _ in found] == [
        ("direct", "McCaul"),
        (kind, "Comey"),
        ("direct", "McCaul"),
    ]
