"""The shipped US first-name list (``quotex/data/first-names-us.tsv``, provenance in
``quotex/data/README.md``): how female each first name is, and how common it was; looked
up without accents. And which of those names are also common surnames
(``quotex/data/surnames-us-1990.tsv``), for a person named by one word only.

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
    if word.isascii():  # most words: nothing to fold (this runs for tokens in loops)
        return word.lower()
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


@cache
def surnames() -> dict[str, tuple[float, float]]:
    """First names of the list that the 1990 US Census also finds as surnames → (percent
    of people with it as a surname, percent with it as a first name);
    ``quotex/data/surnames-us-1990.tsv``, provenance in ``quotex/data/README.md``."""
    text = resources.files("quotex").joinpath("data/surnames-us-1990.tsv").read_text("utf-8")
    rows = csv.DictReader(text.splitlines(), delimiter="\t")
    return {r["name"]: (float(r["surname_pct"]), float(r["first_name_pct"])) for r in rows}


# A lone word reads as a first name only when the census finds it this many times as
# often as a first name as a surname.
FIRST_NAME_ODDS = 10.0


def mostly_a_surname(word: str) -> bool:
    """lone_word_surname: a person the article names by one word only is named by their
    surname, as news copy names people, unless the word is rarely a surname: "Williams",
    "Clinton", "Christie" and "Warren" are surnames (the 1990 census finds "Clinton" 0.007
    % of people's surname and 0.033 % of first names: under ten to one); "Hillary",
    "David" and "Mike" are first names. A word the census never finds as a surname
    ("Jeb") is a first name."""
    found = surnames().get(name_key(word))
    if found is None:
        return False
    surname, first = found
    return first < FIRST_NAME_ODDS * surname
