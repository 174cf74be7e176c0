# ruff: noqa: T201  (a bench script prints its figures)
"""Speaker error analysis on a gold corpus with resolved speakers (PolNeAR dev).

Usage (from the repository root; the cache is the one ``bench/attribution_loop.py`` makes):

    python bench/speaker_loop.py GOLD.jsonl --cache parsed.spacy [--rows rows.jsonl]

For every direct or mixed gold quote that quotex finds, it judges the speaker with the
metric of ``quotex eval`` and prints: accuracy over all of them; over the quotes whose gold
source is a pronoun or a description (``speaker_resolved`` or ``speaker_unnamed``); how
many pronoun sources were resolved to the wrong person; and accuracy by confidence band.
``--rows`` writes one line per judged quote (gold mention, resolved name, prediction,
rule, confidence), for reading the errors.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from prepared import gold_result
from spacy.tokens import DocBin

from quotex.eval.gold import load_gold
from quotex.eval.quotes import (
    CONFIDENCE_BANDS,
    _gold_quote,
    _judged,
    _match,
    _pred_quote,
    is_pronoun,
    speaker_right,
)
from quotex.pipeline import DEFAULT_MODEL, load_nlp

DIRECT_MIXED = ("direct", "mixed")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--scope", default="all", help="speech or all (default: all, as PolNeAR)")
    parser.add_argument("--rows", type=Path, help="write one JSON line per judged quote")
    parser.add_argument("--types", default="direct,mixed", help="quote types to judge")
    return parser.parse_args(argv)


def judged_rows(gold: dict, result, types: tuple[str, ...]) -> list[dict]:
    text = gold["text"]
    golds = [_gold_quote(text, raw) for raw in gold["quotes"] if raw.get("type") in types]
    preds = [_pred_quote(text, q) for q in result.quotes if q.type in types]
    matching = _match(golds, preds, 0.5)
    rows = []
    for g in sorted(matching.found):
        if golds[g].optional:
            continue
        raw = golds[g].raw
        quote = _judged(g, golds, preds, matching).quote
        mention = quote.speaker_mention
        rows.append(
            {
                "doc": gold["id"],
                "quote": raw.get("quote", "")[:80],
                "quote_start": raw.get("quote_start"),
                "gold_mention_start": raw.get("speaker_start"),
                "gold_mention": raw.get("speaker"),
                "gold_pronoun": bool(raw.get("speaker_is_pronoun"))
                or is_pronoun(raw.get("speaker")),
                "resolved": raw.get("speaker_resolved"),
                "unnamed": bool(raw.get("speaker_unnamed")),
                "mention": mention.text if mention else None,
                "mention_start": mention.start if mention else None,
                "speaker": quote.speaker,
                "rule": getattr(quote, "speaker_rule", None),
                "confidence": getattr(quote, "confidence", None),
                "right": speaker_right(raw, quote),
            }
        )
    return rows


def accuracy(rows: list[dict]) -> str:
    right = sum(r["right"] for r in rows)
    return f"{right / len(rows):.4f} ({right} of {len(rows)})" if rows else "n/a"


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    types = tuple(args.types.split(","))
    golds = list(load_gold(args.gold))
    nlp = load_nlp(args.model, scope=args.scope)
    docs = list(DocBin().from_disk(args.cache).get_docs(nlp.vocab))
    names = [n for n in nlp.pipe_names if n.startswith("quotex_") and n != "quotex_paragraphs"]
    start = time.perf_counter()
    rows: list[dict] = []
    for gold, doc in zip(golds, docs, strict=True):
        for name in names:
            doc = nlp.get_pipe(name)(doc)
        rows.extend(judged_rows(gold, gold_result(doc, gold), types))
    described = [r for r in rows if r["resolved"] or r["unnamed"]]
    pronouns = [r for r in described if r["gold_pronoun"] and r["resolved"]]
    wrong_person = [
        r for r in pronouns if not r["right"] and r["speaker"] and not is_pronoun(r["speaker"])
    ]
    print(f"speaker by name, {'+'.join(types)}:      {accuracy(rows)}")
    print(f"  source a pronoun or description: {accuracy(described)}")
    print(f"  source a pronoun:                {accuracy(pronouns)}")
    print(
        "  source a description:            "
        + accuracy([r for r in described if not r["gold_pronoun"]])
    )
    print(f"  pronoun resolved to the wrong person: {len(wrong_person)} of {len(pronouns)}")
    print(f"  unnamed referent given null:     {accuracy([r for r in described if r['unnamed']])}")
    if any(r["confidence"] is not None for r in rows):
        by_band: dict[str, list[dict]] = defaultdict(list)
        for r in rows:
            c = r["confidence"] or 0.0
            band = next(name for name, floor in CONFIDENCE_BANDS if c >= floor)
            by_band[band].append(r)
        for name, _floor in CONFIDENCE_BANDS:
            band_rows = by_band.get(name, [])
            mean = sum(r["confidence"] or 0 for r in band_rows) / len(band_rows) if band_rows else 0
            print(f"  confidence {name:8} mean {mean:.3f}  accuracy {accuracy(band_rows)}")
        rules = Counter((r["rule"], r["right"]) for r in rows)
        for rule in sorted({r["rule"] or "-" for r in rows}):
            ok, bad = rules[(rule, True)], rules[(rule, False)]
            print(f"    rule {rule:28} {ok / (ok + bad):.3f} of {ok + bad}")
    print(f"components and scoring: {time.perf_counter() - start:.1f} s")
    if args.rows:
        write_rows(args.rows, rows)


def write_rows(path: Path, rows: list[dict]) -> None:
    """One JSON line per row, for reading the errors."""
    with path.open("w", encoding="utf-8") as out:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
