"""Word lists as data: each ``*.txt`` here has one entry per line, ``# name`` section heads.

Entries are lowercase; a line ``# word`` (one word) starts a section, other ``#`` lines
are comments. Lists are read once per process.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_SECTION = re.compile(r"^#\s*([a-z_]+)\s*$")


@cache
def sections(name: str) -> dict[str, frozenset[str]]:
    """The sections of list ``name`` (file ``name.txt``), each a set of entries."""
    text = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    out: dict[str, set[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        head = _SECTION.match(line)
        if head:
            current = head.group(1)
            continue
        if line.startswith("#"):
            continue
        out.setdefault(current, set()).add(line.lower())
    return {key: frozenset(values) for key, values in out.items()}


@cache
def entries(name: str, *only: str) -> frozenset[str]:
    """All entries of list ``name``, or of the named sections only."""
    parts = sections(name)
    keys = only or tuple(parts)
    return frozenset().union(*(parts.get(k, frozenset()) for k in keys))
