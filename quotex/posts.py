"""Embedded posts: tweets a scraper left in the text as markup, read as their author's words.

News archives scraped from the web (PolNeAR's among them) keep an embedded tweet as
``<tweet author="JebBush" …>Praying for the victims …</tweet>``, and an embed whose text
was lost as ``<tweet/>``. Parsed as it is, the markup is noise (the tagger calls
``datetime="2016`` a place) and the tweet is nobody's words. :func:`rewrite` gives the
pipeline the sentence a reporter would write instead, ``Jeb Bush tweeted: “Praying for the
victims …”``, as :class:`Piece` s that :mod:`quotex.normalize` maps back, so every offset
and text quotex reports is the original's: the quote is the tweet's words, its speaker
mention the handle in the markup.

The author's name, in this order (:func:`author_name`):

* the embed's own signature line, "— Hillary Clinton (@HillaryClinton) July 23, 2016";
* a person the article names whose name spells the handle ("tedcruz": Ted Cruz), titles
  and state codes aside ("GovChristie": Chris Christie, "LindseyGrahamSC");
* the handle's capitalised words when they read as a name, the first a known first name
  ("RealBenCarson": Ben Carson) or a title before a surname ("GovernorPataki":
  Gov. Pataki);
* else the handle itself ("@MissDBunker"): an account, not a person quotex can name.

Empty embeds, stray tags and a tag whose author is not a handle (scrapers sometimes put a
sentence there) are blanked: their words stay plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotex.first_names import first_names, first_names_by_rank, is_first_name
from quotex.names import title_words

# An embed with its words: the opening tag, the words, the closing tag (or the ``<tweet/>``
# some scrapers close with).
POST = re.compile(r"<tweet\b([^<>]*)>((?:(?!<tweet\b|</tweet>).)*?)(</tweet>|<tweet\s*/>)", re.S)
STRAY_TAG = re.compile(r"</?tweet\b[^<>]*/?>")
AUTHOR = re.compile(r"\bauthor=\"(@?[A-Za-z0-9_]{1,15})\"")
# "— Hillary Clinton (@HillaryClinton) July 23, 2016" at the end of an embed's words.
SIGNATURE = re.compile(
    r"\s*[—–-]+\s*([^\n()—–]{2,60}?)\s*\(@(\w{1,15})\)\s*"
    r"(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})?\s*$"
)
# The same signature ending a line of a page's text, or on a line of its own.
SIGNED = re.compile(
    r"(?m)(?:^|(?<=\S))[ \t]*[—–][ \t]*(?P<name>[^\n()—–]{2,60}?)[ \t]*\(@(?P<handle>\w{1,15})\)"
    r"[ \t]*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})?[ \t]*$"
)
_HANDLE_WORDS = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|[a-z]+|\d+")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w’'.-]*(?:[ \u00a0]+[A-Z][\w’'.-]*){0,6}")
# Words a handle puts around a name: "realDonaldTrump", "GovMikeHuckabee", "SpeakerRyan".
HANDLE_TITLES = {
    "gov": "Gov.",
    "governor": "Gov.",
    "sen": "Sen.",
    "senator": "Sen.",
    "rep": "Rep.",
    "speaker": "Speaker",
    "mayor": "Mayor",
    "dr": "Dr.",
    "president": "President",
}
HANDLE_FILLERS = frozenset({"real", "the", "official", "its", "im", "iam", "mr", "mrs", "ms"})
CUE = "tweeted"
_INNER_MARKS = str.maketrans({'"': "'", "“": "'", "”": "'"})


@dataclass(frozen=True)
class Piece:
    """``original[start:end]`` reads as ``text`` in the pipeline's text."""

    start: int
    end: int
    text: str


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _handle_words(handle: str) -> tuple[str | None, list[str]]:
    """The title and the name words of a handle, fillers and state codes left out:
    "GovMikeHuckabee" → ("Gov.", ["Mike", "Huckabee"]); "LindseyGrahamSC" → (None,
    ["Lindsey", "Graham"])."""
    words = _HANDLE_WORDS.findall(handle)
    title = None
    while words and (words[0].lower() in HANDLE_FILLERS or words[0].lower() in HANDLE_TITLES):
        title = HANDLE_TITLES.get(words[0].lower(), title)
        words = words[1:]
    while words and (words[-1].isdigit() or (words[-1].isupper() and len(words[-1]) <= 2)):
        words = words[:-1]
    return title, words


def named_in_text(handle: str, text: str) -> str | None:
    """handle_spells_a_name: the fullest name in ``text`` that the handle spells, whole or
    as a surname after its title: "tedcruz" → "Ted Cruz"; "SpeakerRyan" → "Paul Ryan" when
    the article names him; None when nobody or several people fit."""
    _, words = _handle_words(handle)
    whole = {_letters(handle), _letters("".join(words))}
    surname = _letters(words[-1]) if words else ""
    names = {n for m in _CAPITALISED_RUN.finditer(text) for n in _tails(m.group())}
    full = {n for n in names if _letters(n) in whole}
    if len(words) == 1 and len(surname) > 2:
        full |= {n for n in names if _letters(n.split()[-1]) == surname}
    full = {n for n in full if is_first_name(n.split()[0])}
    if len({n.split()[0] for n in full}) == 1:
        return max(full, key=len)
    return None


def _tails(run: str) -> list[str]:
    """The names of two words or more a capitalised run may end with, after its last title
    word: "New Jersey Gov. Chris Christie" → "Chris Christie"."""
    words = run.split()
    titled = [i for i, w in enumerate(words) if w.lower().rstrip(".") in title_words()]
    first = titled[-1] + 1 if titled else 0
    return [" ".join(words[i:]) for i in range(first, len(words) - 1)]


def name_from_handle(handle: str) -> str | None:
    """handle_reads_as_name: "RealBenCarson" → "Ben Carson"; "GovernorPataki" → "Gov.
    Pataki"; "tedcruz" → "Ted Cruz" (:func:`_lowercase_name`); "MissDBunker",
    "th3j35t3r" → None (no first name, or a one-letter word)."""
    title, words = _handle_words(handle)
    if len(words) == 1 and words[0].islower():
        words = _lowercase_name(words[0]) or words
    if not words or any(len(w) < 2 or not w.isalpha() for w in words):
        return None
    if len(words) >= 2 and is_first_name(words[0]) and words[0][0].isupper():
        return " ".join(words)
    if len(words) == 1 and title and len(words[0]) > 2 and words[0][0].isupper():
        return f"{title} {words[0]}"
    return None


# lowercase_handle: a handle in one lower-case word reads as a first name this common
# (best rank in the US list) and a surname of at least SURNAME_LETTERS letters: "tedcruz",
# "marcorubio"; not "foxnews" (Fox: 746), nor a surname made of a first name ("williams",
# "robertson": no "Will Iams").
HANDLE_FIRST_NAME_RANK = 300
SURNAME_LETTERS = 4


def _lowercase_name(word: str) -> list[str] | None:
    """ "tedcruz" → ["Ted", "Cruz"]: the longest common first name that leaves a surname."""
    common = first_names_by_rank(HANDLE_FIRST_NAME_RANK)
    if word.endswith("son") or word.removesuffix("s") in first_names():
        return None
    for cut in range(len(word) - SURNAME_LETTERS, 1, -1):
        if word[:cut] in common:
            return [word[:cut].title(), word[cut:].title()]
    return None


def author_name(handle: str, words: str, text: str) -> str:
    """Who wrote a post, as :mod:`quotex.posts` says (signature, article, handle)."""
    signed = SIGNATURE.search(words)
    if signed and _letters(signed.group(2)) == _letters(handle) and signed.group(1).strip():
        return " ".join(signed.group(1).split())
    return named_in_text(handle, text) or name_from_handle(handle) or f"@{handle}"


def _post_pieces(text: str, m: re.Match[str]) -> list[Piece]:
    attrs_at = m.start(1)
    author = AUTHOR.search(m.group(1))
    words_start, words_end = m.span(2)
    if author is None or not m.group(2).strip():
        return [Piece(m.start(), words_start, " "), Piece(words_end, m.end(), " ")]
    handle = author.group(1).lstrip("@")
    name = author_name(handle, m.group(2), text)
    signed = SIGNATURE.search(m.group(2))
    if signed is not None and signed.start() > 0:
        words_end = words_start + signed.start()
    handle_start, handle_end = attrs_at + author.start(1), attrs_at + author.end(1)
    pieces = [
        Piece(m.start(), handle_start, " "),
        Piece(handle_start, handle_end, name),
        Piece(handle_end, words_start, f" {CUE}: “"),
    ]
    pieces += _inner_marks(text, words_start, words_end)
    pieces.append(Piece(words_end, m.end(), "”"))
    return pieces


def _inner_marks(text: str, start: int, end: int) -> list[Piece]:
    """Double quote marks inside a post's words, read as single ones."""
    return [
        Piece(start + i, start + i + 1, ch.translate(_INNER_MARKS))
        for i, ch in enumerate(text[start:end])
        if ch.translate(_INNER_MARKS) != ch
    ]


def _signed_pieces(text: str, m: re.Match[str]) -> list[Piece]:
    """signed_post: words followed by an embed's signature, as a page's text gives a tweet
    ("My thoughts are with them." then "— Dr. Ben Carson (@RealBenCarson) December 2,
    2015"), read as "“My thoughts are with them.” Dr. Ben Carson tweeted." The words are
    the signature's own line before the dash, or else the paragraph before it."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    if text[line_start : m.start()].strip():
        words_start, words_end = line_start, m.start()
    else:
        words_end = len(text[: m.start()].rstrip())
        words_start = max(text.rfind("\n\n", 0, words_end) + 2, 0)
        if text.rfind("\n\n", 0, words_end) < 0:
            words_start = 0
    while words_start < words_end and text[words_start].isspace():
        words_start += 1
    if words_end - words_start < 2:
        return []
    first = text[words_start].translate(_INNER_MARKS)
    return [
        Piece(words_start, words_start + 1, "“" + first),
        *_inner_marks(text, words_start + 1, words_end),
        Piece(words_end, m.start("name"), "” "),
        Piece(m.end("name"), m.end(), f" {CUE}."),
    ]


def rewrite(text: str) -> list[Piece]:
    """The pieces of ``text`` to read otherwise (in text order, none overlapping); none when
    it holds no post."""
    if "<tweet" not in text and "</tweet" not in text and "(@" not in text:
        return []
    pieces: list[Piece] = []
    taken: list[tuple[int, int]] = []
    for m in POST.finditer(text):
        pieces += _post_pieces(text, m)
        taken.append(m.span())
    for m in STRAY_TAG.finditer(text):
        if not any(a <= m.start() < b for a, b in taken):
            pieces.append(Piece(m.start(), m.end(), " "))
            taken.append(m.span())
    for m in SIGNED.finditer(text):
        found = _signed_pieces(text, m)
        if found and not any(a < found[-1].end and found[0].start < b for a, b in taken):
            pieces += found
            taken.append((found[0].start, found[-1].end))
    return sorted(pieces, key=lambda p: p.start)


def apply(text: str, pieces: list[Piece]) -> str:
    """``text`` with each piece read as its replacement."""
    out, at = [], 0
    for piece in pieces:
        out.append(text[at : piece.start])
        out.append(piece.text)
        at = piece.end
    out.append(text[at:])
    return "".join(out)
