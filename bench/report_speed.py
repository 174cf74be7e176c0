# ruff: noqa: T201, S311  (a bench script prints its figures; made-up data needs no crypto)
"""How long ``quotex report`` takes on a large store: the SQL summary and the HTML page.

Writes a store of ``--docs`` made-up documents (10 quotes and 4 people each, from 300
people with a gender or none, 7 outlets, 12 months) into a temporary folder, then times
``Report.from_store(..., by="outlet", time="published")`` and ``report_html``.

Run from the repository root:

    python bench/report_speed.py              # 10,000 documents, 100,000 quotes
    python bench/report_speed.py --docs 2000

Not part of the test run.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from quotex.io.store import StoreWriter
from quotex.records import DocResult, Entity, EntityMention, Quote
from quotex.render.report_html import report_html
from quotex.report import Report

PEOPLE = 300
QUOTES = 10


def document(n: int, people: list[tuple[str, str | None]]) -> DocResult:
    chosen = random.sample(people, 4)
    entities = tuple(
        Entity(
            f"e{i}",
            name,
            "PERSON",
            (EntityMention(name, 0, 5), EntityMention(name, 9, 12, True)),
            gender,
            "title" if gender else "none",
        )
        for i, (name, gender) in enumerate(chosen)
    )
    quotes = tuple(
        Quote(
            f"q{k}",
            "direct",
            "we will see what happens next",
            k * 40,
            k * 40 + 30,
            speaker=chosen[k % 4][0],
            speaker_entity=f"e{k % 4}",
        )
        for k in range(QUOTES)
    )
    meta = {"outlet": f"outlet {n % 7}", "published": f"2024-{n % 12 + 1:02d}-01"}
    return DocResult(f"d{n}", quotes, entities, meta)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    args = parser.parse_args()
    random.seed(1)
    people = [(f"Person {i}", random.choice(["female", "male", None])) for i in range(PEOPLE)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.db"
        start = time.perf_counter()
        with StoreWriter(path) as writer:
            for n in range(args.docs):
                writer.write(document(n, people))
        print(f"store written: {args.docs} documents in {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        report = Report.from_store(path, by="outlet", time="published")
        print(f"report summed: {report.quotes} quotes in {time.perf_counter() - start:.2f} s")
        start = time.perf_counter()
        page = report_html(report)
        print(f"page drawn: {len(page)} characters in {time.perf_counter() - start:.3f} s")


if __name__ == "__main__":
    main()
