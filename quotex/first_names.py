"""The shipped US first-name list (``quotex/data/first-names-us.tsv``, provenance in
``quotex/data/README.md``): how female each first name is, and how common it was.

A module of its own, below both :mod:`quotex.names` and :mod:`quotex.gender`, which read it.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


@cache
def first_name_rows() -> tuple[dict[str, str], ...]:
    """The rows of ``quotex/data/first-names-us.tsv`` (name, p_female, best_rank, …)."""
    text = resources.files("quotex").joinpath("data/first-names-us.tsv").read_text("utf-8")
    return tuple(csv.DictReader(text.splitlines(), delimiter="\t"))


@cache
def first_names() -> dict[str, float]:
    """First name (lowercase) → share female."""
    return {row["name"].lower(): float(row["p_female"]) for row in first_name_rows()}


@cache
def first_names_by_rank(rank: int) -> frozenset[str]:
    """Lowercase first names at least this common (best rank in the list ≤ ``rank``)."""
    rows = first_name_rows()
    return frozenset(row["name"].lower() for row in rows if int(row["best_rank"]) <= rank)
