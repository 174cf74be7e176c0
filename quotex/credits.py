"""The page's credits: bylines, photo credits, "With files from" and wire-service lines.

The names in them are the people who made the page, not people the story names, so the
entity linker keeps no mention inside them (``credit_regions``). Each pattern is a rule:

- byline: a line that opens with "By" and a capitalised word and is short ("By Alyssa
  Fenwick Transportation Reporter"), or a short line cut by "·" ("Rachel Cormier · CBC
  News · Posted: Mar 14, 2024"), or a name and the outlet after a bar ("Kelsey Arnason |
  Winnipeg Free Press"); never a line that ends a sentence ("By Monday, 300
  homes were lost.");
- files_from: "— With files from Ben Costa and The Canadian Press", to the line's end;
- wire_credit: "(Reporting by Marius Zaharia; Editing by Raju Gopalakrishnan)", a line
  opening with "Reporting by", "Editing by", "Writing by", "Compiled by" or
  "Contributing:";
- photo_credit: a parenthesis that credits a picture: "(Marcus Oliveira/The Canadian
  Press)", "(Submitted by Doreen Sinclair)", "(Photo: Jane Doe)".

>>> text = "Nurses strike\\n\\nBy Jane Roe · CBC News\\n\\nA nurse spoke. (Evan Mitsui/CBC)"
>>> [text[a:b] for a, b in credit_regions(text)]
['By Jane Roe · CBC News', '(Evan Mitsui/CBC)']
"""

from __future__ import annotations

import re

# How many words a byline line has at most ("By Karen Holtby  Global News").
BYLINE_WORDS = 12
# How many words a line cut by "·" has at most (name, outlet, date and update time).
DOTTED_LINE_WORDS = 25

_LINE = re.compile(r"[^\n]+")
# A name, a bar and the outlet, alone on a line.
_BARRED_BYLINE = re.compile(r"\s*[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,2} \| [A-Z][\w .&'’-]{2,40}$")
_BYLINE = re.compile(r"\s*By\s+[A-Z]")
_WIRE_LINE = re.compile(
    r"\s*\(?(?:Additional )?(?:Reporting|Editing|Writing|Compiled|Written) by\b"
    r"|\s*Contributing:",
    re.IGNORECASE,
)
_FILES_FROM = re.compile(r"(?:[—–-]+\s*)?With files from\b[^\n]*", re.IGNORECASE)
_WIRE_PARENTHESIS = re.compile(
    r"\((?:Additional )?(?:Reporting|Editing|Writing|Compiled) by [^()]*\)", re.IGNORECASE
)
_PHOTO_PARENTHESIS = re.compile(
    r"\((?:[A-Z][\w.'’-]*\s){1,3}[A-Z][\w.'’-]*\s?/\s?[A-Z][^()\n]{0,40}\)"
)
_CREDIT_PARENTHESIS = re.compile(
    r"\((?:Submitted by|Photo:|Photo by|Photograph:|Photograph by|Credit:|Image:)[^()\n]*\)",
    re.IGNORECASE,
)
# A line that ends a sentence is no byline ("By Monday, 300 homes were lost.").
_SENTENCE_END = (".", "!", "?", '"', "”")


def _line_credit(line: str) -> bool:
    words = len(line.split())
    if line.rstrip().endswith(_SENTENCE_END):
        return False
    if _BYLINE.match(line) and words <= BYLINE_WORDS:
        return True
    if " · " in line and words <= DOTTED_LINE_WORDS:
        return True
    if _BARRED_BYLINE.match(line):  # "Kelsey Arnason | Winnipeg Free Press"
        return True
    return _WIRE_LINE.match(line) is not None


def credit_regions(text: str) -> list[tuple[int, int]]:
    """The (start, end) character offsets of the credits in ``text``, in text order."""
    found = [(m.start(), m.end()) for m in _LINE.finditer(text) if _line_credit(m.group())]
    for pattern in (_FILES_FROM, _WIRE_PARENTHESIS, _PHOTO_PARENTHESIS, _CREDIT_PARENTHESIS):
        found += [(m.start(), m.end()) for m in pattern.finditer(text)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start < merged[-1][1]:  # a wire line is a parenthesis too
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def in_credit(regions: list[tuple[int, int]], start: int) -> bool:
    """Whether the character at ``start`` lies in one of ``regions``."""
    return any(a <= start < b for a, b in regions)
