"""Names: strip titles from a mention, tell pronouns, decide whether two names agree.

Pure string functions over word lists, shared by the entity clusterer, the speaker
resolver and the evaluation.
"""

from __future__ import annotations

import re
from functools import cache

from quotex.first_names import is_first_name
from quotex.lexicon import entries, sections

_DETERMINERS = frozenset({"the", "a", "an"})
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_TOKEN = re.compile(r"[\w.\-&’']+")


@cache
def titles() -> frozenset[str]:
    """Titles, honorifics and role words, single and multiword, lowercase."""
    return entries("titles")


@cache
def title_words() -> frozenset[str]:
    """Every word that occurs in a title: a capitalised one is not part of a name."""
    return frozenset(w for t in titles() for w in t.split())


@cache
def pronoun_classes() -> dict[str, frozenset[str]]:
    """Pronoun sections: male, female, plural, neuter, first, second."""
    return sections("pronouns")


@cache
def pronouns() -> frozenset[str]:
    return entries("pronouns")


def is_pronoun(text: str) -> bool:
    """True when ``text`` is a bare personal pronoun ("he", "They")."""
    return text.strip().lower() in pronouns()


def pronoun_class(text: str) -> str | None:
    """``male``, ``female``, ``plural``, ... for a pronoun; None for anything else."""
    word = text.strip().lower()
    for name, words in pronoun_classes().items():
        if word in words:
            return name
    return None


# name_particles: lowercase words inside a name ("Ursula von der Leyen", "Charles de Gaulle",
# "Mohammed bin Salman") and the "al-" of an Arabic surname ("Bashar al-Assad").
NAME_PARTICLES = frozenset(
    {"da", "das", "de", "del", "della", "der", "den", "di", "do", "dos", "du", "van", "von"}
    | {"ter", "ten", "bin", "ibn", "al", "el", "zu"}
)
_PREFIX = r"^(?:al|el|ad|as|an|ar|ash|at|az)-"
_PARTICLE_PREFIX = re.compile(_PREFIX + r"(?=[A-Z])")  # as a name writes it: "al-Assad"
_PARTICLE_PREFIX_ANY_CASE = re.compile(_PREFIX + r"(?=\w)", re.IGNORECASE)


def _is_name_word(word: str) -> bool:
    capital = word[:1].isupper() or _PARTICLE_PREFIX.match(word) is not None
    return capital and word.lower().rstrip(".,") not in title_words()


def without_particle(word: str) -> str:
    """A surname as it is also written alone: "al-Assad" → "Assad" (name_particles)."""
    return _PARTICLE_PREFIX_ANY_CASE.sub("", word)


def matching_words(words: list[str]) -> list[str]:
    """A name's words as names are matched: without a generation suffix ("Kennedy Jr." is
    matched by "Kennedy") or a particle prefix ("al-Assad" by "Assad")."""
    if len(words) > 1 and is_generation_suffix(words[-1]):
        words = words[:-1]
    return [without_particle(w) for w in words]


def _is_particle(word: str) -> bool:
    return word in NAME_PARTICLES  # lowercase as written: "De" is a name word


# generation_suffix: "Jr.", "III" end a name but are no surname: "Martin Luther King III" is
# a King, matched by "King"; "Robert F. Kennedy Jr." by "Kennedy".
GENERATION_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


_INITIAL = re.compile(r"^(?:[A-Z]\.)+$")  # "C.", "J.", "A.J.", "H.W." (not "Jr.")


def is_initial(word: str) -> bool:
    """An initial as a name writes it: "J.", "H.W."; not "Jr." nor a bare capital."""
    return _INITIAL.match(word) is not None


def is_generation_suffix(word: str) -> bool:
    return word.rstrip(".,").lower() in GENERATION_SUFFIXES


def person_name(text: str) -> str | None:
    """The name at the end of a mention: the trailing run of capitalised non-title words.

    "NATO Secretary General Anders Fogh Rasmussen" → "Anders Fogh Rasmussen";
    "Mr. Putin's" → "Putin"; "President Ursula von der Leyen" → "Ursula von der Leyen"
    (name_particles); "The Huffington Post's Scott Conroy" → "Scott Conroy" (a
    possessor qualifies the name); "a senior official" → None.
    """
    words = _TOKEN.findall(text)
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1]) or words[-1]
    if len(words) > 1 and is_generation_suffix(words[-1]):
        suffix = words.pop()
        name = person_name(" ".join(words))
        return f"{name} {suffix}" if name else None
    run: list[str] = []
    particles: list[str] = []  # before the name words after them: "von der" in "… Leyen"
    if len(words) > 1 and surname_like_title(words[-2], words[-1]):
        run.append(words.pop())
    for word in reversed(words):
        if run and _is_particle(word):
            particles.append(word)
            continue
        if not _is_name_word(word) or (run and (_POSSESSIVE.search(word) or is_role_noun(word))):
            break
        run += particles + [word]
        particles = []
    # a name may open with its particles: "de Blasio", "van der Zee"
    return " ".join(reversed(run + particles)) or None


# Kinship words that open names as often as roles: "Mother Teresa", "Son Heung-min".
_KIN = frozenset({"mother", "father", "son", "daughter", "wife", "husband", "friend"})


def is_role_noun(word: str) -> bool:
    """role_noun_opening: a noun for a person ("Journalist", "Moderator", "Supervisor")
    capitalised before a name opens the sentence or a headline, and is no part of it:
    "Journalist Jorge Ramos" → "Jorge Ramos". It ends a name as a surname does ("Paul
    Farmer"): :func:`person_name` only stops at one before other name words."""
    lower = word.lower().rstrip(".,")
    return lower in entries("sources", "person", "anonymous") and lower not in _KIN


def surname_like_title(before: str, last: str) -> bool:
    """surname_like_title: a title word ending a name after a first name is a surname:
    "David Duke", "John King"; not "Trump Spokesman"."""
    if not last[:1].isupper() or last.lower().rstrip(".") not in title_words():
        return False
    return _is_name_word(before) and is_first_name(before)


def canonical_name(text: str) -> str:
    """A speaker mention as a name: the person name in it, else the mention itself."""
    name = person_name(text)
    if name:
        return name
    return _POSSESSIVE.sub("", text.strip()) or text.strip()


# typographic_apostrophe: "O’Malley" in one place and "O'Malley" in another are one name.
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def fold_apostrophes(text: str) -> str:
    """``text`` with typographic apostrophes written "'": "O’Malley" → "O'Malley"."""
    return text.translate(_APOSTROPHES)


def _name_key(text: str) -> list[str]:
    """The name's words, lowercase, with typographic apostrophes folded, less determiners."""
    words = matching_words(_TOKEN.findall(canonical_name(text)))
    return [w for w in (fold_apostrophes(w.lower()) for w in words) if w not in _DETERMINERS]


def names_agree(a: str | None, b: str | None) -> bool:
    """True when two names can denote the same referent: same surname, or one inside the other."""
    if not a or not b:
        return False
    ka, kb = _name_key(a), _name_key(b)
    if not ka or not kb:
        return False
    if ka[-1] == kb[-1]:
        return True
    sa, sb = " ".join(ka), " ".join(kb)
    return f" {sa} " in f" {sb} " or f" {sb} " in f" {sa} "
