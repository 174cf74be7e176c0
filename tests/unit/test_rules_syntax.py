"""Shared token helpers (components/attribution/syntax.py)."""

from __future__ import annotations

import gc
import weakref

from handbuilt import marked, parsed, token

from quotex.components.attribution import syntax


def test_doc_text_is_cached_and_does_not_keep_the_doc_alive() -> None:
    doc = parsed("Jan Kamp said the plan failed.")
    assert syntax.doc_text(doc) == doc.text
    assert syntax.doc_text(doc) is syntax.doc_text(doc)  # built once
    ref = weakref.ref(doc)
    del doc
    gc.collect()
    assert ref() is None


def test_mention_span_keeps_modifiers_and_cuts_appositions() -> None:
    doc = parsed("The moderator, Carl Quintanilla, asked the question.")
    assert syntax.mention_span(token(doc, "moderator")).text == "The moderator"
    doc = parsed("“We will not retreat,” said Mr. Kamp.")
    assert syntax.mention_span(token(doc, "Kamp")).text == "Mr. Kamp"


def test_region_tokens_include_the_marks() -> None:
    doc = parsed("He described the plan as “a total disaster”.")
    regions, inside = marked(doc)
    assert [doc[i].text for i in sorted(inside)] == ["“", "a", "total", "disaster", "”"]
    assert syntax.region_token_span(doc, regions[0]).text == "a total disaster"


def test_char_range() -> None:
    doc = parsed("Jan Kamp said the plan failed.")
    start, end = syntax.char_range(doc, 3, 6)
    assert doc.text[start:end] == "the plan failed"
