"""Paragraph boundaries: a blank line, or a line break between sentences, ends a sentence.

spaCy's parser runs the masthead, the headline and the lead together when they are
separated only by line breaks. This component runs before the parser and marks the
first token of every paragraph as a sentence start; the parser respects preset starts.
A single line break that looks like hard wrapping (the next line starts in lower case)
does not end a paragraph. ``paragraph_spans`` is the one rule, shared with the quote
finder. Nor does a sentence start after a title's abbreviation before a capitalised word
(:func:`title_abbreviation_holds`).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from quotex.components.guard import guarded
from quotex.components.text import doc_text, tokens_with
from quotex.lexicon import entries

COMPONENT = "quotex_paragraphs"
_LINE_BREAKS = re.compile(r"[ \t]*(?:\r\n|\r|\n)[\s]*")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs of ``text``, without their surrounding space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _LINE_BREAKS.finditer(text):
        nxt = text[m.end() : m.end() + 1]
        blank = m.group().count("\n") + m.group().count("\r") - m.group().count("\r\n") >= 2
        if not blank and nxt.islower():
            continue  # hard-wrapped line: the sentence goes on
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def title_abbreviation_holds(doc: Doc) -> None:
    """title_abbreviation_holds: no sentence starts at the name after a title's
    abbreviation ("video of the arrest showed Const. Alex Dunn kicking the man", "said
    Gov. Doug Burgum"), where the parser would end one at the full stop and leave the
    clause cut (``lexicon/abbreviations.txt``). A paragraph's start stays one."""
    for token in tokens_with(doc, "LOWER", entries("abbreviations")):
        if token.i + 1 < len(doc) and token.text.endswith("."):
            after = doc[token.i + 1]
            if after.text[:1].isupper() and after.is_sent_start is None:
                after.is_sent_start = False


class ParagraphSplitter:
    """Sets ``is_sent_start`` on each paragraph's first token; ends sentences at breaks."""

    def __init__(self, name: str = COMPONENT) -> None:
        self.name = name

    @guarded()
    def __call__(self, doc: Doc) -> Doc:
        for start, _ in paragraph_spans(doc_text(doc))[1:]:
            span = doc.char_span(start, start + 1, alignment_mode="expand")
            if span is not None and span.start > 0:
                doc[span.start].is_sent_start = True
        title_abbreviation_holds(doc)
        return doc


@Language.factory(COMPONENT, assigns=["token.is_sent_start"], default_config={})
def make_paragraph_splitter(nlp: Language, name: str) -> ParagraphSplitter:
    """Factory for the paragraph splitter; place it before the parser."""
    return ParagraphSplitter(name)
