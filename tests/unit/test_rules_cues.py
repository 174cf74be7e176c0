"""Cue rules (components/attribution/cues.py) on hand-built parses."""

from __future__ import annotations

import pytest
import spacy
from handbuilt import build, marked, parsed, token
from parses import PARSES
from spacy.tokens import Doc

from quotex.components.attribution import cues
from quotex.components.attribution.clauses import complement_range
from quotex.components.attribution.syntax import doc_text, lemma, tokens_with

VOCAB = spacy.blank("en").vocab


def test_cue_words_take_user_lemmas_as_speech_verbs() -> None:
    plain = cues.CueWords.build()
    extra = cues.CueWords.build(extra=["Bloviate"])
    assert "bloviate" not in plain.cues
    assert {"bloviate"} <= extra.cues & extra.reporting & extra.clause_taking & extra.speech
    assert "say" in plain.cues and "endorse" in plain.cues  # a speech and an object verb


def test_cue_words_sections_choose_the_cues_only() -> None:
    speech = cues.CueWords.build(["speech"])
    assert "say" in speech.cues and "endorse" not in speech.cues
    assert "endorse" in speech.reporting  # how a cue reports does not depend on sections


def test_read_cue_file_skips_comments_and_blank_lines(tmp_path) -> None:
    path = tmp_path / "cues.txt"
    path.write_text("# my verbs\nBloviate\n\nopine  # an old one\n", encoding="utf-8")
    assert cues.read_cue_file(path) == ["bloviate", "opine"]


def test_read_cue_file_refuses_a_phrase(tmp_path) -> None:
    path = tmp_path / "cues.txt"
    path.write_text("lash out\n", encoding="utf-8")
    with pytest.raises(ValueError, match="cues.txt:1"):
        cues.read_cue_file(path)


def test_blocked_tokens_cover_fixed_expressions() -> None:
    doc = parsed("Needless to say, the plan failed.")
    assert {t.text for t in doc if t.i in cues.blocked_tokens(doc)} == {"Needless", "to", "say"}
    assert cues.blocked_tokens(parsed("Jan Kamp said the plan failed.")) == set()


def test_blocked_tokens_finds_fixed_expressions_that_overlap() -> None:
    # "that is to say" and "to say nothing of" share "to say": both are blocked
    doc = Doc(VOCAB, words="That is to say nothing of it".split())
    assert {t.text for t in doc if t.i in cues.blocked_tokens(doc)} == {
        "That", "is", "to", "say", "nothing", "of",
    }  # fmt: skip


def test_find_cues_outside_marks_and_fixed_expressions() -> None:
    words = cues.CueWords.build()
    doc = parsed("Needless to say, the plan failed.")
    assert cues.find_cues(doc, {}, cues.blocked_tokens(doc), words.cues) == []
    doc = parsed("“We will not retreat,” said Mr. Kamp.", edit={4: {"lemma": "say"}})
    _, inside = marked(doc)
    assert [t.text for t in cues.find_cues(doc, inside, set(), words.cues)] == ["said"]


def test_find_cues_needs_the_words_of_a_phrase_only_cue() -> None:
    words = cues.CueWords.build()
    assert "take" in cues.phrase_only_lemmas() and "say" not in cues.phrase_only_lemmas()
    doc = parsed("He weighed in on the plan.")
    assert [t.text for t in cues.find_cues(doc, {}, set(), words.cues)] == ["weighed"]
    doc = parsed("His words were not to be taken seriously.")
    assert cues.find_cues(doc, {}, set(), words.cues) == []


def test_cue_span_takes_the_particle_of_a_phrase_cue() -> None:
    assert (
        cues.cue_span(token(parsed("They called for a safe zone."), "called")).text == "called for"
    )
    assert cues.cue_span(token(parsed("He pointed out that the plan failed."), "pointed")).text == (
        "pointed out"
    )
    assert cues.cue_span(token(parsed("Jan Kamp said the plan failed."), "said")).text == "said"


def test_is_passive_report() -> None:
    assert cues.is_passive_report(
        token(parsed("It was reported by the BBC that the talks failed."), "reported")
    )
    assert not cues.is_passive_report(token(parsed("Jan Kamp said the plan failed."), "said"))


def test_is_passive_participle() -> None:
    doc = parsed("Asked whether they agreed, 75 percent said yes.")
    assert cues.is_passive_participle(token(doc, "Asked"))
    assert not cues.is_passive_participle(token(doc, "said"))
    # when_clause_as_relative: "when asked" parsed as a relative clause of the name
    doc = parsed("Trump, when asked about his errors, changed the subject.")
    assert cues.is_passive_participle(token(doc, "asked"))
    # a relative clause with its own subject asks: "who asked" is Trump's question
    when = "Trump, when asked about his errors, changed the subject."
    who = {2: {"word": "who", "dep": "nsubj", "pos": "PRON", "tag": "WP", "lemma": "who"}}
    doc = build(when.replace("when", "who"), PARSES[when], {**who, 3: {"tag": "VBD"}})
    assert not cues.is_passive_participle(token(doc, "asked"))


def test_is_generic_stance() -> None:
    words = cues.CueWords.build()
    doc = parsed("If you want to understand the vote, look at the map.")
    want = token(doc, "want")
    assert cues.is_generic_stance(want, token(doc, "you"), words)
    doc = parsed("Jan Kamp said the plan failed.")
    assert not cues.is_generic_stance(token(doc, "said"), token(doc, "Kamp"), words)


def test_lemma_mends_the_lemmatizers_slips() -> None:
    doc = parsed("Jan Kamp said the plan failed.", edit={2: {"word": "said", "lemma": "say"}})
    assert lemma(token(doc, "said")) == "say"
    from handbuilt import build

    hoping = build("hoping", [("hoping", 0, "ROOT", "VERB", "VBG", "hop", "O")])
    assert lemma(hoping[0]) == "hope"


def test_a_stance_phrase_is_a_cue_in_the_broad_scope_only() -> None:
    speech = cues.CueWords.build(cues.SCOPES["speech"])
    broad = cues.CueWords.build(cues.SCOPES["all"])
    doc = parsed("Sanders pointed to the polls.")
    assert cues.find_cues(doc, {}, set(), speech.cues, speech.left_out) == []
    assert [t.text for t in cues.find_cues(doc, {}, set(), broad.cues, broad.left_out)] == [
        "pointed"
    ]
    doc = parsed("Sanders pointed out that he won.")  # a speech phrase stays a cue
    assert [t.text for t in cues.find_cues(doc, {}, set(), speech.cues, speech.left_out)] == [
        "pointed"
    ]


def test_support_thrown_behind_someone_is_a_stance_of_the_broad_scope() -> None:
    speech = cues.CueWords.build(cues.SCOPES["speech"])
    broad = cues.CueWords.build(cues.SCOPES["all"])
    doc = parsed("Gov. Mike Pence has thrown his support behind Ryan.")
    assert cues.find_cues(doc, {}, set(), speech.cues, speech.left_out) == []
    [cue] = cues.find_cues(doc, {}, set(), broad.cues, broad.left_out)
    start, end, _ = complement_range(cue, broad)
    assert doc[start:end].text == "Ryan"


def test_a_court_ruling_is_evidence_with_the_broad_scope() -> None:
    assert "rule" in cues.CueWords.build(cues.SCOPES["all"]).cues
    assert "rule" not in cues.CueWords.build(cues.SCOPES["speech"]).cues


def test_tokens_with_reads_the_doc_arrays() -> None:
    doc = parsed("Needless to say, the plan failed.")
    assert [t.text for t in tokens_with(doc, "POS", frozenset({"NOUN"}))] == ["plan"]
    assert [t.i for t in tokens_with(doc, "LOWER", frozenset({"the", "say"}))] == [2, 4]
    assert doc_text(doc) is doc_text(doc) == doc.text  # built once
