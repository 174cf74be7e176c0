"""Sentence starts set before the parser (components/paragraphs.py), on blank pipelines."""

from __future__ import annotations

import spacy

from quotex.components.paragraphs import ParagraphSplitter, paragraph_spans
from quotex.pipeline import add_title_abbreviations


def _nlp():
    nlp = spacy.blank("en")
    add_title_abbreviations(nlp)  # "Const." one token, as in quotex's pipeline
    return nlp


def test_paragraph_spans_end_at_blank_lines_not_at_wrapped_lines() -> None:
    text = "Headline\n\nFirst line\nwrapped on. Next.\nNew paragraph."
    assert [text[s:e] for s, e in paragraph_spans(text)] == [
        "Headline",
        "First line\nwrapped on. Next.",
        "New paragraph.",
    ]


def test_title_abbreviation_holds_the_sentence_over_the_name() -> None:
    text = "Video showed Const. Alex Dunn kicking him.\n\nGov. Doug Burgum spoke. He met Mr."
    doc = ParagraphSplitter()(_nlp().make_doc(text))
    starts = {t.text: t.is_sent_start for t in doc}
    assert starts["Alex"] is False  # title_abbreviation_holds
    assert starts["Doug"] is False
    assert starts["Gov."] is True  # a paragraph's start stays one
    assert starts["He"] is None  # the parser decides elsewhere
