# ruff: noqa: T201  (a bench script prints its figures)
"""A speech-only gold corpus cut from a PARC-style one, to measure the default scope.

Usage (from the repository root):

    python bench/speech_subset.py GOLD.jsonl OUT.jsonl
    quotex eval OUT.jsonl --scope speech

PolNeAR annotates every attribution: speech, but also beliefs, wants, stances and
evidence ("Moscow wants …", "polls show …"). quotex's default ``--scope speech`` reports
speech and writing only, as journalists and speech-only corpora count them. This keeps, of
each document's gold quotes, those a speech-only annotation would have: a cue whose verb
is a speech or writing verb of ``lexicon/reporting_verbs.txt`` ("said", "wrote", "told")
or one of its speech phrases ("pointed out", not the stance phrase "pointed to"),
"according to", a speaker label's colon, and direct quotes without a cue. It is a proxy: a
speech-only corpus annotated by hand may draw the line elsewhere. It prints how many gold
quotes of each type were kept.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import spacy

from quotex.lexicon import entries
from quotex.pipeline import DEFAULT_MODEL

SPEECH_SECTIONS = ("speech", "writing")
SPEECH_PHRASES = ("according to", ":")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    return parser.parse_args(argv)


def is_speech(quote: dict, lemmatize, verbs: frozenset[str]) -> bool:
    """Whether a gold quote's cue is speech or writing (see the module docstring)."""
    cue = (quote.get("cue") or "").strip()
    if not cue:
        return quote.get("type") == "direct"
    if cue.lower().startswith(SPEECH_PHRASES):
        return True
    words = lemmatize(cue)
    if any(lemma in verbs for lemma, pos in words if pos in ("VERB", "AUX")):
        return True
    lemmas = [lemma for lemma, _ in words]
    return any(
        lemmas[i : i + len(phrase)] == list(phrase)
        for phrase in speech_phrases()
        for i in range(len(lemmas))
    )


def speech_phrases() -> list[tuple[str, ...]]:
    """The lexicon's multiword speech cues ("point out", "weigh in"), stance phrases out."""
    return [tuple(p.split()) for p in entries("reporting_verbs", "phrases") if " " in p]


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    nlp = spacy.load(args.model, disable=["parser", "ner"])
    verbs = entries("reporting_verbs", *SPEECH_SECTIONS)

    def lemmatize(text: str) -> list[tuple[str, str]]:
        return [(t.lemma_.lower(), t.pos_) for t in nlp(text)]

    kept, total = Counter(), Counter()
    with args.gold.open(encoding="utf-8") as src, args.out.open("w", encoding="utf-8") as out:
        for line in src:
            doc = json.loads(line)
            quotes = [q for q in doc.get("quotes", []) if is_speech(q, lemmatize, verbs)]
            total.update(q.get("type") for q in doc.get("quotes", []))
            kept.update(q.get("type") for q in quotes)
            out.write(json.dumps({**doc, "quotes": quotes}, ensure_ascii=False) + "\n")
    for kind in ("direct", "mixed", "indirect"):
        print(f"{kind:9} kept {kept[kind]:5} of {total[kind]:5}")


if __name__ == "__main__":
    main()
