# ruff: noqa: T201  (a bench script prints its figures)
"""Train the pronoun-speaker ranker and calibrate speaker confidence on a gold corpus.

Usage (from the repository root; the cache is the one ``bench/attribution_loop.py`` makes):

    python bench/train_resolver.py GOLD.jsonl --cache parsed.spacy [--write]

Every "he"/"she" (and "the businessman"-like description) that quotex resolves in a found
direct or mixed gold quote with a hand-resolved speaker (``speaker_resolved``) is one
training example: its candidates' features (``quotex.components.resolver.pronouns``) and
which candidate is the resolved person. A conditional logit (softmax over the candidates,
L2-regularised) is fitted by gradient descent. Reported: 5-fold cross-validated top-1
accuracy by document (never scored on the documents a fold was trained on), against the
shipped weights. Then the confidence table is measured: the accuracy of each rule, and of
the ranker by band of its probability. ``--write`` stores weights and table in
``quotex/data/resolver_weights.json`` (trained on all of the corpus); ``--calibrate``
stores only the table, measured with the weights already shipped (after a change to the
rules that leaves the ranker as it is).
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from prepared import gold_result
from spacy.tokens import DocBin
from speaker_loop import judged_rows

from quotex.components.resolver import pronouns
from quotex.eval import load_gold
from quotex.names import names_agree
from quotex.pipeline import DEFAULT_MODEL, load_nlp

WEIGHTS = Path(__file__).resolve().parent.parent / "quotex" / "data" / "resolver_weights.json"
FOLDS = 5
L2 = 0.003
STEPS = 3000
RATE = 0.5
# Probability floors of the ranker's confidence bands (highest first).
BAND_FLOORS = (0.9, 0.7, 0.5, 0.0)


# A rule's confidence is its accuracy on dev, drawn toward the default as if
# ``PRIOR_QUOTES`` more quotes had been judged at the default accuracy: a rule seen twice
# (both right) gets 0.9, not 1.0; one seen 500 times keeps its own figure.
DEFAULT_CONFIDENCE = 0.8
PRIOR_QUOTES = 2


def shrunk_accuracy(right: int, judged: int) -> float:
    """(right + PRIOR_QUOTES × default) / (judged + PRIOR_QUOTES)."""
    return (right + PRIOR_QUOTES * DEFAULT_CONFIDENCE) / (judged + PRIOR_QUOTES)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--scope", default="all", help="speech or all (default: all, as PolNeAR)")
    parser.add_argument("--write", action="store_true", help="store the weights and table")
    parser.add_argument(
        "--calibrate",
        action="store_true",
        help="store only the confidence table, measured with the shipped weights",
    )
    return parser.parse_args(argv)


def collect(args: argparse.Namespace) -> tuple[list[dict], list[dict]]:
    """(examples, judged rows): each example is the candidates of one ranked mention."""
    golds = list(load_gold(args.gold))
    nlp = load_nlp(args.model, scope=args.scope)
    docs = list(DocBin().from_disk(args.cache).get_docs(nlp.vocab))
    names = [n for n in nlp.pipe_names if n.startswith("quotex_") and n != "quotex_paragraphs"]
    captured: list[tuple[int, list[pronouns.Candidate]]] = []
    real_candidates = pronouns.candidates

    def spy(discourse, offset, gender, exclude=None):
        found = real_candidates(discourse, offset, gender, exclude)
        captured.append((offset, found, discourse.names))
        return found

    pronouns.candidates = spy
    examples, rows = [], []
    try:
        for gold, doc in zip(golds, docs, strict=True):
            captured.clear()
            for name in names:
                doc = nlp.get_pipe(name)(doc)
            result = gold_result(doc, gold)
            judged = judged_rows(gold, result, ("direct", "mixed"))
            rows.extend(judged)
            # each judged quote's own speaker mention (a "he" of every quote, not only the
            # first quote of each speaker and mention text)
            resolved = {
                row["mention_start"]: row["resolved"]
                for row in judged
                if row["resolved"] and row["mention_start"] is not None
            }
            for offset, found, entity_names in captured:
                name = resolved.get(offset)
                if not name or not found:
                    continue
                labels = [names_agree(entity_names[c.entity], name) for c in found]
                examples.append(
                    {
                        "doc": gold["id"],
                        "features": [[c.features[k] for k in pronouns.FEATURES] for c in found],
                        "labels": labels,
                    }
                )
    finally:
        pronouns.candidates = real_candidates
    return examples, rows


def fit(examples: list[dict], l2: float = L2) -> np.ndarray:
    """Conditional-logit weights: softmax over each example's candidates, L2-regularised."""
    usable = [e for e in examples if any(e["labels"])]
    width = max(len(e["labels"]) for e in usable)
    n = len(pronouns.FEATURES)
    x = np.zeros((len(usable), width, n))
    y = np.zeros((len(usable), width))
    mask = np.full((len(usable), width), -np.inf)
    for i, e in enumerate(usable):
        k = len(e["labels"])
        x[i, :k] = e["features"]
        y[i, :k] = np.array(e["labels"], dtype=float) / sum(e["labels"])
        mask[i, :k] = 0.0
    w = np.zeros(n)
    for _ in range(STEPS):
        s = x @ w + mask
        p = np.exp(s - s.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        grad = np.einsum("ik,ikf->f", p - y, x) / len(usable) + l2 * w
        w -= RATE * grad
    return w


def top1(examples: list[dict], w: np.ndarray) -> tuple[int, int, list[tuple[float, bool]]]:
    """(right, total, [(probability, right)]) of the weights' first choices."""
    right, scored = 0, []
    for e in examples:
        x = np.array(e["features"], dtype=float)
        s = x @ w
        p = np.exp(s - s.max())
        p /= p.sum()
        best = int(np.argmax(s))
        ok = bool(e["labels"][best])
        right += ok
        scored.append((float(p[best]), ok))
    return right, len(examples), scored


def crossval(examples: list[dict]) -> tuple[int, int, list[tuple[float, bool]]]:
    docs = sorted({e["doc"] for e in examples})
    random.Random(0).shuffle(docs)
    fold_of = {d: i % FOLDS for i, d in enumerate(docs)}
    right = total = 0
    scored: list[tuple[float, bool]] = []
    for k in range(FOLDS):
        w = fit([e for e in examples if fold_of[e["doc"]] != k])
        r, t, s = top1([e for e in examples if fold_of[e["doc"]] == k], w)
        right, total, scored = right + r, total + t, scored + s
    return right, total, scored


def bands(scored: list[tuple[float, bool]]) -> list[list[float]]:
    out = []
    for i, floor in enumerate(BAND_FLOORS):
        ceiling = BAND_FLOORS[i - 1] if i else 1.01
        inside = [ok for p, ok in scored if floor <= p < ceiling]
        accuracy = sum(inside) / len(inside) if inside else floor
        print(f"  ranker probability {floor:.1f}+: accuracy {accuracy:.3f} of {len(inside)}")
        out.append([floor, round(accuracy, 3)])
    return out


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    examples, rows = collect(args)
    shipped = np.array([pronouns.weights().get(k, 0.0) for k in pronouns.FEATURES])
    r, t, _ = top1(examples, shipped)
    print(
        f"examples {t}; with the right person among the candidates "
        f"{sum(any(e['labels']) for e in examples)}"
    )
    print(f"shipped weights, top-1: {r / t:.3f} ({r} of {t})")
    r, t, scored = crossval(examples)
    print(f"{FOLDS}-fold by document, top-1: {r / t:.3f} ({r} of {t})")
    weights = fit(examples)
    print(
        "weights:", {k: round(float(v), 3) for k, v in zip(pronouns.FEATURES, weights, strict=True)}
    )
    print("confidence by rule (judged direct+mixed quotes, shipped code):")
    by_rule: dict[str, list[bool]] = defaultdict(list)
    for row in rows:
        by_rule[row["rule"] or "none"].append(row["right"])
    rules = {"default": DEFAULT_CONFIDENCE}
    for rule, oks in sorted(by_rule.items()):
        rules[rule] = round(shrunk_accuracy(sum(oks), len(oks)), 3)
        print(f"  {rule:20} {rules[rule]:.3f} of {len(oks)} (measured {sum(oks) / len(oks):.3f})")
    print("ranker bands (cross-validated probabilities):")
    table = bands(scored)
    if args.write or args.calibrate:
        kept = shipped if args.calibrate else weights
        data = {
            "weights": {
                k: round(float(v), 4) for k, v in zip(pronouns.FEATURES, kept, strict=True)
            },
            "calibration": {"pronoun": table, "description": table, "rules": rules},
        }
        WEIGHTS.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS}")


if __name__ == "__main__":
    main()
