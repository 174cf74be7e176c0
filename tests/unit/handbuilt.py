"""Hand-built Docs for the rule tests: a stored parse per example sentence, no model.

``parsed(text)`` builds a ``Doc`` from ``PARSES[text]`` (in ``parses.py``): one
``(word, head, dep, pos, tag, lemma, iob)`` row per token, ``head`` an absolute token
index, ``iob`` the entity tag ("B-PERSON", "I-PERSON", "O"). Spacing comes from
``text``. The rows were written down from the small English model's parse (misparses
included: the repair rules are written for them) and may be edited by hand; ``edit``
changes rows for one test (``parsed(text, edit={3: {"dep": "dobj"}})``).

To add a sentence, print its rows with the model and paste them into ``parses.py``::

    python tests/unit/handbuilt.py "“Meh,” wrote a Trump supporter."
"""

from __future__ import annotations

import sys
from typing import Any

import spacy
from spacy.tokens import Doc

from quotex.components.attribution.syntax import region_tokens
from quotex.components.quotes import MarkedRegion, find_marked_regions

VOCAB = spacy.blank("en").vocab  # English lexical attributes: is_punct, is_quote, ...
FIELDS = ("word", "head", "dep", "pos", "tag", "lemma", "iob")
Row = tuple[str, int, str, str, str, str, str]


def spaces_for(text: str, words: list[str]) -> list[bool]:
    """Whether each word is followed by a space in ``text`` (words must tile the text)."""
    spaces: list[bool] = []
    at = 0
    for word in words:
        found = text.index(word, at)
        assert not text[at:found], f"{text[at:found]!r} before {word!r} is not a token"
        at = found + len(word)
        space = text[at : at + 1] == " "
        spaces.append(space)
        at += space
    assert at == len(text), f"text left after the last word: {text[at:]!r}"
    return spaces


def build(text: str, rows: list[Row], edit: dict[int, dict[str, Any]] | None = None) -> Doc:
    """A Doc with the rows' words, parse, tags, lemmas and entities."""
    table = [dict(zip(FIELDS, row, strict=True)) for row in rows]
    for i, changes in (edit or {}).items():
        table[i].update(changes)
    words = [r["word"] for r in table]
    return Doc(
        VOCAB,
        words=words,
        spaces=spaces_for(text, words),
        heads=[r["head"] for r in table],
        deps=[r["dep"] for r in table],
        pos=[r["pos"] for r in table],
        tags=[r["tag"] for r in table],
        lemmas=[r["lemma"] for r in table],
        ents=[r["iob"] for r in table],
    )


def parsed(text: str, edit: dict[int, dict[str, Any]] | None = None) -> Doc:
    """The stored parse of ``text`` as a Doc."""
    from parses import PARSES

    if text not in PARSES:
        raise KeyError(f"no stored parse: run python tests/unit/handbuilt.py {text!r}")
    return build(text, PARSES[text], edit)


COHERE = (
    "TORONTO — Cohere, the Toronto-based artificial intelligence company, said it had raised"
    " US$500 million."
)


def cohere_as_in_the_article() -> Doc:
    """The stored parse of ``COHERE`` as the parser read the sentence in its article:
    "Cohere" the subject of "said", the dateline "TORONTO —" hung on it."""
    return parsed(
        COHERE,
        edit={0: {"dep": "nmod", "head": 2}, 1: {"head": 2}, 2: {"dep": "nsubj", "head": 12}},
    )


def marked(doc: Doc) -> tuple[list[MarkedRegion], dict[int, int]]:
    """The doc's quote-mark regions (as the quote finder finds them) and their tokens."""
    regions = find_marked_regions(doc.text)
    return regions, region_tokens(doc, regions)


def token(doc: Doc, word: str, nth: int = 0):
    """The ``nth`` token (from 0) whose text is ``word``."""
    return [t for t in doc if t.text == word][nth]


def rows_of(doc: Doc) -> list[Row]:
    """The rows of a parsed doc, for ``parses.py``."""
    return [
        (
            t.text,
            t.head.i,
            t.dep_,
            t.pos_,
            t.tag_,
            t.lemma_,
            t.ent_iob_ + ("-" + t.ent_type_ if t.ent_type_ else ""),
        )
        for t in doc
    ]


def main(texts: list[str]) -> None:
    from quotex.pipeline import load_nlp

    nlp = load_nlp()
    with nlp.select_pipes(disable=["quotex_quotes", "quotex_entities", "quotex_attribution"]):
        for text in texts:
            doc = nlp(text)
            sys.stdout.write(f"    {text!r}: [\n")
            for row in rows_of(doc):
                sys.stdout.write(f"        {row!r},\n")
            sys.stdout.write("    ],\n")


if __name__ == "__main__":
    main(sys.argv[1:])
