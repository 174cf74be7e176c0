"""One person under one name across a corpus.

Inside an article the entity linker joins a person's forms ("Donald J. Trump", "Mr.
Trump"), and the person is named by the fullest form. Across articles those names differ
by what one article writes and another leaves out: "Donald J. Trump" in the New York Times,
"Donald Trump" elsewhere; "Hillary Rodham Clinton" and "Hillary Clinton". Corpus totals
(``quotex speakers``, ``quotex report``) count each such person once, under the name most
of their quotes carry.

Pure string functions over the names a corpus holds, so that a store of any size is
merged by a pass over its distinct names, not over its quotes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping

from quotex.names import is_generation_suffix

# "J.", "H.W.", "W" (an initial, with or without its dots)
_INITIAL = re.compile(r"^(?:[A-Z]\.?)+$")


def _parts(name: str) -> tuple[str, tuple[str, ...], str] | None:
    """First name, middle words and surname of a full name; None for a lone word. A
    generation suffix stays with the surname: "Donald Trump Jr." is not his father."""
    words = name.split()
    suffix = ""
    if len(words) > 2 and is_generation_suffix(words[-1]):
        suffix = " " + words.pop().rstrip(".,").lower()
    if len(words) < 2 or _INITIAL.match(words[0]):
        return None
    middle = tuple(w.rstrip(".").lower() for w in words[1:-1])
    return words[0].lower(), middle, words[-1].lower() + suffix


def corpus_names(quotes: Mapping[str, int]) -> dict[str, str]:
    """middle_names_across_documents: each person's name → the name the corpus counts them
    under. Names that differ only by middle names or initials are one person ("Donald J.
    Trump" and "Donald Trump", "Hillary Rodham Clinton" and "Hillary Clinton"), named as
    most of their quotes (``quotes``: name → quotes) name them. Not when two names have
    different middles ("George W. Bush", "George H.W. Bush": two people, and a bare "George
    Bush" could be either), nor a generation suffix against none ("Donald Trump Jr." is his
    son), nor a lone surname ("Trump" may be Melania Trump).

    >>> corpus_names({"Donald J. Trump": 20, "Donald Trump": 174})["Donald J. Trump"]
    'Donald Trump'
    """
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    middles: dict[tuple[str, str], set[tuple[str, ...]]] = defaultdict(set)
    for name in quotes:
        parts = _parts(name)
        if parts is None:
            continue
        first, middle, last = parts
        groups[first, last].append(name)
        if middle:
            middles[first, last].add(middle)
    out = {name: name for name in quotes}
    for key, names in groups.items():
        if len(names) < 2 or len(middles[key]) > 1:
            continue
        chosen = max(names, key=lambda n: (quotes[n], -len(n), n))
        out.update(dict.fromkeys(names, chosen))
    return out
