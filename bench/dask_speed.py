# ruff: noqa: T201  (a bench script prints its figures)
"""Throughput of the Dask engine with 1 and 2 local workers vs the local engine.

The same texts (sample articles under a varied dateline, so no two are the same) go
through:

- steady state, in this process: the local engine (``extract_documents``, one process)
  and ``run_on_dask`` on a local cluster of 1 and 2 worker processes, timed after a
  warm-up that loads the pipeline everywhere (cluster start and model loads excluded);
- end to end, as a user runs it: ``quotex extract corpus.jsonl -o /dev/null`` with the
  local engine and with ``--engine dask --jobs 1|2`` (process start, cluster start and
  model loads included).

Run from the repository root (needs ``pip install '.[dask]'``):

    python bench/dask_speed.py                 # 300 documents
    python bench/dask_speed.py --docs 1000 --partition-size 64

Not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from quotex.engines.dask import connect, run_on_dask
from quotex.extraction import extract_documents
from quotex.io.readers import Document
from quotex.pipeline import DEFAULT_MODEL, load_nlp

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CITIES = ("BRUSSELS", "WASHINGTON", "LONDON", "BERLIN", "PARIS", "MOSCOW", "KYIV", "ROME")
WARM_UP_DOCS = 8


def sample_texts(count: int) -> list[str]:
    """``count`` texts: the sample articles in turn, each under its own dateline."""
    samples = [p.read_text(encoding="utf-8").strip() for p in sorted(SAMPLES.glob("*.txt"))]
    return [
        f"{CITIES[i % len(CITIES)]} (Wire ref. {100000 + i * 7919}) — {samples[i % len(samples)]}\n"
        for i in range(count)
    ]


def documents(texts: Sequence[str]) -> list[Document]:
    return [Document(f"doc{n}", text, None, f"doc{n}") for n, text in enumerate(texts)]


def local_rate(texts: Sequence[str], batch_size: int) -> float:
    nlp = load_nlp(DEFAULT_MODEL)
    list(extract_documents(documents(texts[:WARM_UP_DOCS]), nlp, batch_size=batch_size))
    started = time.perf_counter()
    count = sum(1 for _ in extract_documents(documents(texts), nlp, batch_size=batch_size))
    return count / (time.perf_counter() - started)


def dask_rate(texts: Sequence[str], workers: int, batch_size: int, partition_size: int) -> float:
    with connect(None, n_workers=workers) as client:
        # One small partition per worker, so that every worker has loaded the pipeline.
        warm = documents(texts[: WARM_UP_DOCS * workers])
        list(run_on_dask(warm, client, model=DEFAULT_MODEL, partition_size=WARM_UP_DOCS))
        started = time.perf_counter()
        count = sum(
            1
            for _ in run_on_dask(
                documents(texts),
                client,
                model=DEFAULT_MODEL,
                batch_size=batch_size,
                partition_size=partition_size,
            )
        )
        return count / (time.perf_counter() - started)


def cli_seconds(corpus: Path, extra: Sequence[str]) -> float:
    quotex = shutil.which("quotex") or str(Path(sys.executable).with_name("quotex"))
    command = [
        quotex,
        "extract",
        str(corpus),
        "--format",
        "jsonl",
        "-o",
        os.devnull,
        "--quiet",
        *extra,
    ]
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=300, help="documents (300)")
    parser.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch (32)")
    parser.add_argument(
        "--partition-size", type=int, default=32, help="documents per Dask task (32)"
    )
    parser.add_argument("--no-cli", action="store_true", help="skip the end-to-end runs")
    args = parser.parse_args(argv)
    texts = sample_texts(args.docs)
    chars = sum(len(t) for t in texts)
    print(
        f"{args.docs} documents, {chars / args.docs:.0f} characters each on average, "
        f"{os.cpu_count()} CPUs, partitions of {args.partition_size}"
    )
    rows = [("local engine", local_rate(texts, args.batch_size), ["--jobs", "1"])]
    for workers in (1, 2):
        rate = dask_rate(texts, workers, args.batch_size, args.partition_size)
        rows.append(
            (
                f"dask, {workers} worker{'s' * (workers > 1)}",
                rate,
                [
                    "--engine",
                    "dask",
                    "--jobs",
                    str(workers),
                    "--partition-size",
                    str(args.partition_size),
                ],
            )
        )
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        corpus.write_text(
            "".join(json.dumps({"id": f"doc{n}", "text": t}) + "\n" for n, t in enumerate(texts)),
            encoding="utf-8",
        )
        print(f"\n{'engine':<18} {'docs/s':>8} {'vs local':>9} {'CLI wall s':>11}")
        base = rows[0][1]
        for name, rate, extra in rows:
            wall = "-" if args.no_cli else f"{cli_seconds(corpus, extra):.1f}"
            print(f"{name:<18} {rate:>8.1f} {rate / base:>8.2f}x {wall:>11}")
    print(
        "\ndocs/s: steady state (after the pipeline is loaded everywhere); CLI wall: "
        "quotex extract end to end, start-up and model loads included."
    )


if __name__ == "__main__":
    main()
