# ruff: noqa: T201  (a bench script prints its figures)
"""Fast accuracy loop for rule work: parse a gold corpus once, then re-score in seconds.

Usage (from the repository root):

    python bench/attribution_loop.py GOLD.jsonl --cache parsed.spacy   # first run parses
    python bench/attribution_loop.py GOLD.jsonl --cache parsed.spacy   # later runs reuse it

The first run stores every document parsed by the model (tagger, parser, NER) in a spaCy
``DocBin``; each run then applies only quotex's own components (quote marks, entities,
attribution: the code under ``quotex/components`` and ``quotex/lexicon``) and scores them
with ``quotex.eval``. On PolNeAR dev that is about 6 s against about 65 s for
``quotex eval``, with the same figures. Delete the cache after changing the model or the
``quotex_paragraphs`` component, which run before the parser.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path

from prepared import gold_result, pipeline_text
from spacy.tokens import DocBin

from quotex.eval import load_gold, score_documents
from quotex.pipeline import DEFAULT_MODEL, QUOTEX_COMPONENTS, load_nlp


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", type=Path, help="gold JSONL with text and quotes")
    parser.add_argument("--cache", type=Path, required=True, help="DocBin of the parsed texts")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--scope", default="all", help="speech or all (default: all, as PolNeAR)")
    parser.add_argument("--json", type=Path, help="also write the full report here")
    return parser.parse_args(argv)


def line(name: str, score: dict) -> str:
    return (
        f"{name:14} F1 {score['f1']:.4f}  P {score['precision']:.4f}  R {score['recall']:.4f}"
        f"  ({score['predicted']} predicted, {score['gold_matched']} of {score['gold']} found)"
    )


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    golds = list(load_gold(args.gold))
    nlp = load_nlp(args.model, scope=args.scope)
    if not args.cache.exists():
        start = time.perf_counter()
        parsed = DocBin(store_user_data=True)
        with nlp.select_pipes(disable=list(QUOTEX_COMPONENTS)):
            for doc in nlp.pipe((pipeline_text(g["text"]) for g in golds), batch_size=16):
                parsed.add(doc)
        parsed.to_disk(args.cache)
        print(f"parsed {len(golds)} documents in {time.perf_counter() - start:.0f} s")
    docs = list(DocBin().from_disk(args.cache).get_docs(nlp.vocab))
    if len(docs) != len(golds):
        raise SystemExit(f"{args.cache} holds {len(docs)} documents, the gold {len(golds)}")
    start = time.perf_counter()
    pairs = []
    for gold, doc in zip(golds, docs, strict=True):
        for name in QUOTEX_COMPONENTS:
            doc = nlp.get_pipe(name)(doc)
        pairs.append((gold, gold_result(doc, gold)))
    report = score_documents(pairs).to_dict()
    quotes = report["quotes"]
    for group in ("direct+mixed", "indirect", "all"):
        print(line(group, quotes["lenient"][group]))
    for kind in ("speaker", "cue"):
        figures = ", ".join(f"{g} {v['accuracy']:.4f}" for g, v in quotes[kind].items())
        print(f"{kind:14} {figures}")
    print(f"quotex components and scoring: {time.perf_counter() - start:.1f} s")
    if args.json:
        args.json.write_text(json.dumps(report), encoding="utf-8")


if __name__ == "__main__":
    main()
