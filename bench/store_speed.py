# ruff: noqa: T201  (a bench script prints its figures)
"""What the SQLite store costs over JSON Lines, and whether a resumed run equals a whole one.

Builds a JSONL corpus of ``--docs`` news articles with made-up ``url`` and ``published``
fields (the sample articles, each with a varied dateline; or the texts of ``--jsonl``,
e.g. PolNeAR dev), then, in fresh subprocesses of the installed CLI:

1. speed: ``--repeats`` alternating pairs of ``quotex extract --format jsonl -o out.jsonl``
   and ``quotex extract -o out.db``, each pair's ratio and the medians (goal: the store
   costs at most 5% more); and, in this process, the writers alone on the same results;
2. resume: a run stopped by SIGTERM after ``--stop-after`` documents, then ``--resume``,
   against an uninterrupted store: every document once, the same rows, and as many
   quotes as the JSON Lines output.

Run from the repository root:

    python bench/store_speed.py                      # 60 documents from samples/
    python bench/store_speed.py --jsonl /path/polnear-quotes-dev.jsonl --repeats 5

Not part of the test run.
"""

from __future__ import annotations

import argparse
import io
import json
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CITIES = ("BRUSSELS", "WASHINGTON", "LONDON", "BERLIN", "PARIS", "MOSCOW", "KYIV", "ROME")
OUTLETS = ("wire.example", "daily.example", "post.example")


def build_corpus(path: Path, docs: int, jsonl: Path | None) -> None:
    """``docs`` JSONL lines with id, text, url and published."""
    if jsonl is not None:
        with jsonl.open(encoding="utf-8") as stream:
            texts = [json.loads(line)["text"] for line, _ in zip(stream, range(docs), strict=False)]
    else:
        articles = sorted(p.read_text(encoding="utf-8") for p in SAMPLES.glob("*.txt"))
        texts = [
            f"{CITIES[n % len(CITIES)]}, ref {n}. " + articles[n % len(articles)]
            for n in range(docs)
        ]
    with path.open("w", encoding="utf-8") as out:
        for n, text in enumerate(texts):
            outlet = OUTLETS[n % len(OUTLETS)]
            line = {
                "id": f"doc-{n:04d}",
                "text": text,
                "url": f"https://{outlet}/news/{n}",
                "published": f"2024-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
            }
            out.write(json.dumps(line, ensure_ascii=False) + "\n")


def quotex(*args: str, cwd: Path) -> float:
    """Seconds one ``quotex`` subprocess takes; it must succeed."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "quotex", *args, "-q"], cwd=cwd, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"quotex {' '.join(args)} failed:\n{done.stderr}")
    return time.perf_counter() - start


def measure_speed(folder: Path, repeats: int) -> None:
    ratios, jsonl_times, store_times = [], [], []
    for _ in range(repeats):
        jsonl_times.append(quotex("extract", "corpus.jsonl", "-o", "out.jsonl", cwd=folder))
        store_times.append(
            quotex("extract", "corpus.jsonl", "-o", "out.db", "--overwrite", cwd=folder)
        )
        ratios.append(store_times[-1] / jsonl_times[-1])
        print(
            f"  pair: jsonl {jsonl_times[-1]:.2f} s, sqlite {store_times[-1]:.2f} s, "
            f"{ratios[-1]:.3f}x"
        )
    print(
        f"median: jsonl {statistics.median(jsonl_times):.2f} s, sqlite "
        f"{statistics.median(store_times):.2f} s, ratio {statistics.median(ratios):.3f}x "
        "(goal <= 1.05x)"
    )
    writers_alone(folder)


def writers_alone(folder: Path) -> None:
    """The writers alone, on the results of the run above (no NLP)."""
    from quotex.io.store import StoreWriter
    from quotex.io.writers import JsonlWriter, View
    from quotex.records import DocResult

    results = [
        DocResult.from_dict(json.loads(line))
        for line in (folder / "out.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    texts = [json.loads(line)["text"] for line in (folder / "corpus.jsonl").open(encoding="utf-8")]
    start = time.perf_counter()
    with JsonlWriter(io.StringIO(), View.EXTRACT) as writer:
        for result in results:
            writer.write(result)
    jsonl = time.perf_counter() - start
    store = folder / "alone.db"
    store.unlink(missing_ok=True)
    start = time.perf_counter()
    with StoreWriter(store) as writer:
        for result, text in zip(results, texts, strict=True):
            writer.write(result, text)
    sqlite = time.perf_counter() - start
    print(
        f"writers alone, {len(results)} documents: jsonl {jsonl * 1000:.1f} ms, "
        f"sqlite {sqlite * 1000:.1f} ms ({sqlite / len(results) * 1000:.2f} ms a document)"
    )


def rows(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as db:
        return {
            table: db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()  # noqa: S608
            for table in ("documents", "quotes", "entities", "mentions")
        }


def measure_resume(folder: Path, docs: int, stop_after: int) -> None:
    whole = folder / "out.db"  # from the speed runs: uninterrupted
    cut = folder / "cut.db"
    cut.unlink(missing_ok=True)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "quotex",
            "extract",
            "corpus.jsonl",
            "-o",
            "cut.db",
            "--batch-size",
            "4",
            "-q",
        ],
        cwd=folder,
        stderr=subprocess.PIPE,
        text=True,
    )
    stored = 0
    while process.poll() is None and stored < stop_after:  # poll() None: still running
        time.sleep(0.05)
        try:
            # a reader during the run (read-only: it must not create the file first)
            with sqlite3.connect(f"{cut.as_uri()}?mode=ro", uri=True, timeout=5) as reader:
                stored = reader.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.OperationalError:
            stored = 0
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate()
    with sqlite3.connect(cut) as db:
        kept = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    print(
        f"stopped by SIGTERM: exit {process.returncode}, {kept} of {docs} documents kept; "
        f"{stderr.strip()}"
    )
    quotex("extract", "corpus.jsonl", "-o", "cut.db", "--resume", cwd=folder)
    jsonl_quotes = sum(
        len(json.loads(line)["quotes"])
        for line in (folder / "out.jsonl").read_text(encoding="utf-8").splitlines()
    )
    resumed, uninterrupted = rows(cut), rows(whole)
    ids = [row[0] for row in resumed["documents"]]
    print(
        f"after --resume: {len(ids)} documents ({len(set(ids))} distinct), "
        f"{len(resumed['quotes'])} quotes; uninterrupted store {len(uninterrupted['quotes'])}, "
        f"JSONL {jsonl_quotes}; same rows in every table: {resumed == uninterrupted}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=60)
    parser.add_argument("--jsonl", type=Path, help="take the texts of this JSONL file")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--stop-after", type=int, default=20, help="documents before SIGTERM")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="quotex-store-") as tmp:
        folder = Path(tmp)
        build_corpus(folder / "corpus.jsonl", args.docs, args.jsonl)
        print(f"{args.docs} documents with url and published")
        measure_speed(folder, args.repeats)
        measure_resume(folder, args.docs, args.stop_after)


if __name__ == "__main__":
    main()
