# ruff: noqa: T201  (a bench script prints its figures)
"""Entity scores of the bare spaCy model vs quotex's cleaned, clustered entities.

Usage: python bench/entities_baseline.py GOLD.jsonl  (a CoNLL-style file with `entities`)
Prints span and typed F1 for both, scored by quotex.eval with the same label map.
"""

from __future__ import annotations

import sys

import spacy

from quotex.eval import load_gold, score_documents
from quotex.extraction import extract
from quotex.pipeline import DEFAULT_MODEL, load_nlp
from quotex.records import DocResult, Entity, EntityMention


def bare_result(nlp: spacy.Language, gold: dict) -> DocResult:
    doc = nlp(gold["text"])
    entities = tuple(
        Entity(
            f"e{i}", ent.text, ent.label_, (EntityMention(ent.text, ent.start_char, ent.end_char),)
        )
        for i, ent in enumerate(doc.ents)
    )
    return DocResult(gold["id"], (), entities)


def main(path: str) -> None:
    golds = list(load_gold(path))
    bare_nlp = spacy.load(DEFAULT_MODEL)
    quotex_nlp = load_nlp()
    runs = {
        "bare spaCy": score_documents((g, bare_result(bare_nlp, g)) for g in golds),
        "quotex": score_documents(
            (g, extract(g["text"], quotex_nlp, doc_id=g["id"])) for g in golds
        ),
    }
    print(f"{'system':12} {'span P':>7} {'span R':>7} {'span F1':>8} {'typed F1':>9}")
    for name, report in runs.items():
        ents = report.to_dict()["entities"]
        span, typed = ents["span"], ents["typed"]
        print(
            f"{name:12} {span['precision']:7.3f} {span['recall']:7.3f} {span['f1']:8.3f} "
            f"{typed['f1']:9.3f}"
        )


if __name__ == "__main__":
    main(sys.argv[1])
