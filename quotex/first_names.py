"""The shipped US first-name list (``quotex/data/first-names-us.tsv``, provenance in
``quotex/data/README.md``): how female each first name is, and how common it was.

A module of its own, below both :mod:`quotex.names` and :mod:`quotex.gender`, which read it.
"""

from __future__ import annotations

import csv
import unicodedata
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


def name_key(word: str) -> str:
    """first_name_folded: a first name as the list spells it, lowercase and without
    accents, which the list (US records) never writes: "José" → "jose", "Mélanie" →
    "melanie", "Zoë" → "zoe"."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def is_first_name(word: str) -> bool:
    """Whether the list has ``word`` as a first name, accents or not ("Ted", "André")."""
    return name_key(word) in first_names()


def female_share(word: str) -> float | None:
    """How female the list says the first name ``word`` is, None off the list.

    hyphenated_first_name: a compound first name the list lacks is read by its first part,
    which names the gender in French compounds ("Marie-Ève" → Marie, 0.959 female;
    "Jean-Luc" → Jean, 0.701: unknown at a 0.9 bar); the list writes a compound it has
    without the hyphen ("Mary-Kate" → "marykate")."""
    names = first_names()
    key = name_key(word)
    if key in names:
        return names[key]
    parts = [part for part in key.split("-") if part]
    if len(parts) < 2:
        return None
    return names.get("".join(parts), names.get(parts[0]))
