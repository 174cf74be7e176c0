# ruff: noqa: T201  (a bench script prints its figures)
"""A people gold corpus: the people named in 40 PolNeAR dev articles, joined to their texts.

Usage (from the repository root):

    python bench/people_gold.py ../shared/eval/polnear-sources-gender-dev.jsonl OUT.jsonl
    quotex eval OUT.jsonl --scope all

``bench/gold/polnear-people-dev.jsonl`` lists, for 40 articles drawn at random from the
sources gold (all but the list article), every person the text names: quoted or not, by
full name, surname, given name or handle, each with a gender and the evidence a reader
used (``pronoun``, ``title``, ``noun``, ``name``, ``knowledge`` for a public figure whose
gender the text does not show, ``none``). The articles were read by hand, not with a
tagger; names only inside an organisation's or a law's name ("the Clinton Foundation")
are not people, nor are the page's credits (bylines, photo credits, "With files from" and
wire-service "Reporting by …; Editing by …" lines: seven names in one article, dropped
when quotex stopped counting credits as people). The texts stay in the corpus; this
writes each article with its ``people_gender`` (and the corpus's own ``sources_gender``
where it has one), the gold form ``quotex eval`` scores, and prints how many people of
each gender and evidence.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from quotex.eval.genders import GENDERS

PEOPLE = Path(__file__).parent / "gold" / "polnear-people-dev.jsonl"


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, help="JSONL with the articles' id and text")
    parser.add_argument("out", type=Path)
    parser.add_argument("--people", type=Path, default=PEOPLE)
    return parser.parse_args(argv)


def people_gender(people: list[dict]) -> dict[str, list[str]]:
    """{"female": [names], "male": [...], "unknown": [...]}, the form quotex eval reads."""
    return {g: [p["name"] for p in people if p["gender"] == g] for g in GENDERS}


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    corpus = {}
    with args.corpus.open(encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            corpus[doc["id"]] = doc
    counts: Counter[tuple[str, str]] = Counter()
    with args.people.open(encoding="utf-8") as f, args.out.open("w", encoding="utf-8") as out:
        for line in f:
            gold = json.loads(line)
            doc = corpus.get(gold["id"])
            if doc is None:
                raise SystemExit(f"error: {gold['id']} is not in {args.corpus}")
            record = {
                "id": doc["id"],
                "text": doc["text"],
                "people_gender": people_gender(gold["people"]),
            }
            if "sources_gender" in doc:
                record["sources_gender"] = doc["sources_gender"]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            counts.update((p["gender"], p["evidence"]) for p in gold["people"])
    for (gender, evidence), n in sorted(counts.items()):
        print(f"{gender:8} {evidence:10} {n}")


if __name__ == "__main__":
    main()
