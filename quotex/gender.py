"""A person's gender as the article shows it, with the evidence for it.

Evidence, strongest first (``EVIDENCE_ORDER``): the pronouns the article uses for the
person (``pronoun``), a gendered title before a mention (``title``: "Mrs. Clinton"), a
gendered noun beside a mention (``noun``: "the congresswoman Nancy Pelosi"), and last the
first name, when the shipped US first-name list gives it at least ``FIRST_NAME_SHARE``
one way (``first name``: "Hillary" female, "Leslie" unknown). Where none of these is
found, he or she in the sentences where the person is the only one named, or the first
he or she after the person where others are named later, or "his" or "her" in a phrase
that opens the sentence before the person ("In his speech, Graham urged …")
(:func:`pronoun_gender_alone`, ``pronoun``); never words in quote marks, nor an object
"her". A leading initial is no first name ("C. Rick Martin" is read by "Rick"). Nothing
else is guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from quotex.first_names import female_share, mostly_a_surname
from quotex.lexicon import entries
from quotex.names import is_initial, person_name, title_words

FEMALE, MALE = "female", "male"
EVIDENCE_ORDER = ("pronoun", "title", "noun", "first name")
# A first name the list gives at least this share one way has that gender; below it the
# name says nothing ("a name the list gives < 0.9 either way is unknown"). The share is
# rank-weighted (quotex/data/README.md), which pulls names some of the other sex got
# towards 0.5: "Chris" (0.16) and "Joe" (0.15) stay unknown, as "Leslie" (0.52) does.
# A lone word (more often a surname: "Reagan" 0.79 female) clears the same bar.
FIRST_NAME_SHARE = 0.9
# How far before a mention a title or noun is looked for: "former first lady Hillary".
CONTEXT_CHARS = 24
_WORD = re.compile(r"[A-Za-z][A-Za-z.’'-]*")


@dataclass(frozen=True)
class Gender:
    """``value`` is ``female``, ``male`` or None (unknown); ``evidence`` says why."""

    value: str | None
    evidence: str = "none"
    weak: bool = False  # a generic "-man" noun ("spokesman"): ranks below a first name


UNKNOWN = Gender(None, "none")


def first_name_gender(name: str) -> Gender:
    """ "Hillary Clinton" → female, "John Kasich" → male, "Chris Christie" and "Leslie
    Smith" → unknown (the list gives "Chris" 0.16, "Leslie" 0.52).

    ``name`` is an entity's fullest name: a lone word is read as a first name when the
    list has it clearly enough ("Melanie", not "Reagan") and it is rarely a surname (not
    "Clinton", "Williams"); a lone surname off the list ("Rubio") stays unknown.
    """
    share = first_name_share(name)
    if share is None:
        return UNKNOWN
    if share >= FIRST_NAME_SHARE:
        return Gender(FEMALE, "first name")
    if share <= 1 - FIRST_NAME_SHARE:
        return Gender(MALE, "first name")
    return UNKNOWN


def first_name_share(name: str) -> float | None:
    """How female the list says ``name``'s first name is ("Chris Christie" → 0.163), None
    for a first name off the list or no first name ("de Blasio"), and for a lone word that
    is mostly a surname (a lone "Clinton": :func:`quotex.first_names.mostly_a_surname`)."""
    words = _without_leading_initials((person_name(name) or "").split())
    if not words or not words[0][:1].isupper():  # "de Blasio": "de" is no first name
        return None
    if len(words) == 1 and mostly_a_surname(words[0]):  # a lone "Clinton"
        return None
    return female_share(words[0])


def _without_leading_initials(words: list[str]) -> list[str]:
    """leading_initial: an initial before a first name and a surname is not the first
    name: "C. Rick Martin" and "J. Edgar Hoover" are read by "Rick" and "Edgar"; "J.
    Smith" keeps its initial (a lone "Smith" is a surname, not a first name)."""
    while len(words) > 2 and is_initial(words[0]):
        words = words[1:]
    return words


def _words_before(text: str, start: int) -> list[str]:
    return [w.lower() for w in _WORD.findall(text[max(0, start - CONTEXT_CHARS) : start])]


def titled_lone_name(text: str, name: str, mentions: list[tuple[int, int]]) -> bool:
    """titled_lone_name: a one-word name written after a title is a surname, not a first
    name: "Gov. Christie" (the list reads "Christie" as a woman's first name), "Sen.
    Kelly"; "Melanie" alone stays a first name."""
    if len(name.split()) != 1:
        return False
    for start, _ in mentions:
        m = _TITLE_BEFORE.search(text, max(0, start - CONTEXT_CHARS), start)
        if m and m.group(1).lower().rstrip(".") in title_words():
            return True
    return False


_TITLE_BEFORE = re.compile(r"\b([A-Z][A-Za-z]*\.?)[ \u00a0]+$")  # "Gov. ", "Sen. "


def surname_of_another(name: str, names: list[str]) -> bool:
    """surname_of_another: a one-word name that ends another person's full name in the
    article is a surname there, not a first name: a lone "Clinton" beside "Hillary
    Clinton" and "Bill Clinton" (the list reads "Clinton" as a man's first name), a lone
    "Bush" beside "Jeb Bush"; "Hillary" beside "Hillary Clinton" stays a first name."""
    words = name.split()
    if len(words) != 1:
        return False
    lone = words[0].lower()
    return any(len(other.split()) > 1 and other.split()[-1].lower() == lone for other in names)


def title_gender(text: str, start: int) -> Gender:
    """A gendered title right before a mention: "Mrs. Clinton", "Sir Elton John"; a title
    is capitalised ("her brother, Daniel Okafor": the noun's, :func:`noun_gender_before`).

    couple_title: "Mr. and Mrs. Khan" names a couple, and shows no one's gender."""
    raw = _WORD.findall(text[max(0, start - CONTEXT_CHARS) : start])
    if not raw:
        return UNKNOWN
    words = [w.lower() for w in raw]
    titled = entries("gender", "title_female") | entries("gender", "title_male")
    couple = (len(words) >= 3 and words[-2] == "and" and words[-3] in titled) or (
        len(words) >= 2 and words[-2] in titled
    )
    if couple:  # "Mr. and Mrs. Khan", "Mr. & Mrs. Khan" ("Clinton and Mr. Trump" is not)
        return UNKNOWN
    last = words[-1]
    if not raw[-1][:1].isupper():
        return UNKNOWN  # lowercase_kin_noun: "her brother Daniel" is a noun, not a title
    if last in entries("gender", "title_female"):
        return Gender(FEMALE, "title")
    if last in entries("gender", "title_male"):
        return Gender(MALE, "title")
    return UNKNOWN


def noun_gender(words: list[str]) -> Gender:
    """A gendered noun among ``words``: "congresswoman", "the actor", "first lady"."""
    joined = " ".join(words)
    for word in words + ([joined] if len(words) > 1 else []):
        if word in entries("gender", "noun_female"):
            return Gender(FEMALE, "noun")
        if word in entries("gender", "noun_male"):
            return Gender(MALE, "noun")
        if word in entries("gender", "noun_male_generic"):
            return Gender(MALE, "noun", weak=True)
    if "first lady" in joined:
        return Gender(FEMALE, "noun")
    return UNKNOWN


def noun_gender_before(text: str, start: int) -> Gender:
    """A gendered noun right before a mention, a comma at most between them:
    "Congresswoman Maxine Waters", "his spokeswoman, Hope Hicks", "first lady Michelle".

    Only the last word counts (or the last two, as "first lady"): in "Reagan's daughter,
    attacked Trump" and "a spokeswoman for Trump" the noun is someone else's.
    """
    words = _words_before(text, start)[-2:]
    found = noun_gender(words[-1:])
    return found if found.value or len(words) < 2 else noun_gender([" ".join(words)])


def strongest(evidence: list[Gender]) -> Gender:
    """The gender shown by the strongest kind of evidence; unknown when that kind is split.

    >>> strongest([Gender("male", "first name"), Gender("female", "pronoun")]).value
    'female'

    generic_man_noun: a generic "-man" noun ("Trump spokesman Hope Hicks") is weaker than
    the other nouns: a first name of the other gender leaves the person unknown (Hope
    Hicks, Lu Kang: not a guess either way), one that agrees or none keeps the noun's.
    """
    weak = {g.value for g in evidence if g.weak and g.value}
    for kind in EVIDENCE_ORDER:
        values = {g.value for g in evidence if g.evidence == kind and g.value and not g.weak}
        if kind == "first name" and values and weak - values:
            return UNKNOWN
        if len(values) == 1:
            return Gender(values.pop(), kind)
        if values:
            return UNKNOWN
    return Gender(weak.pop(), "noun") if len(weak) == 1 else UNKNOWN


# Pronouns that mostly refer back to their sentence's subject: "he said", "won his party's
# nomination", "She added", "her campaign"; reflexive_pronoun: "described herself as".
BACK_PRONOUNS = {
    "he": MALE,
    "his": MALE,
    "himself": MALE,
    "she": FEMALE,
    "her": FEMALE,
    "herself": FEMALE,
}
_LOWER_WORD = re.compile(r"[a-z]+")
Offsets = tuple[int, int]  # a stretch of the text: start, end


# generic_he_or_she: "he or she", "his/her" stand for anyone, not for a man and a woman.
_EITHER = r"(?:he|his|him|himself|she|her|herself)"
_EITHER_GENDER = re.compile(rf"\b{_EITHER}\s*(?:or|/)\s*{_EITHER}\b")


def _back_pronouns(text: str, at: int = 0, skip: frozenset[int] = frozenset()) -> list[str]:
    """The genders of he, she, his and her in ``text`` (which starts at offset ``at``),
    but for those starting at an offset in ``skip`` and the generic pairs ("If a Democrat
    succeeds Obama, he or she will …": :data:`_EITHER_GENDER`)."""
    lower = text.lower()
    generic = {i for m in _EITHER_GENDER.finditer(lower) for i in range(m.start(), m.end())}
    return [
        BACK_PRONOUNS[m.group()]
        for m in _LOWER_WORD.finditer(lower)
        if m.group() in BACK_PRONOUNS and at + m.start() not in skip and m.start() not in generic
    ]


def pronoun_gender_alone(
    text: str,
    sentences: list[Offsets],
    mentions: list[Offsets],
    others: list[Offsets],
    quoted: list[Offsets] = (),
    objects: frozenset[int] = frozenset(),
    other_genders: dict[int, str | None] | None = None,
) -> Gender:
    """He or she where the person is the only one named: after a mention in its sentence,
    or opening the next one ("Obama won his party's nomination.", "Graham spoke. He ...").

    ``sentences`` are in text order; ``others`` are the other people's mentions. In a
    sentence that names one of them, only the first he or she after the mention counts,
    when no one else is named between (:func:`first_pronoun_after`: "said Capt. Christian
    Pardo, who said he would not vote for either Clinton or Trump"), unless someone named
    before the mention in that sentence could be the one it stands for
    (:func:`could_be_theirs`). Words inside
    ``quoted`` (quote marks) are a speaker's, not the article's, and say nothing; nor
    does "her" where it is an object (``objects``, its offsets: "Obama backed her up").
    The gender needs twice as many pronouns for it as against it.
    """
    starts = [a for a, _ in sentences]
    objects = objects | appositive_possessives(text, [*mentions, *others])
    votes: list[str] = []
    for start, end in mentions:
        i = bisect_right(starts, start) - 1
        if i < 0 or _inside(start, quoted):
            continue
        votes += fronted_possessive(text, starts[i], start, others)
        votes += said_he_or_she(text, end) * 2
        if any(starts[i] <= s < sentences[i][1] for s, _ in others):
            found = first_pronoun_after(text, end, sentences[i][1], others, quoted, objects)
            before = [s for s, _ in others if starts[i] <= s < start]
            votes += [g for g in found if not could_be_theirs(g, before, other_genders or {})]
            continue
        votes += _back_pronouns(_unquoted(text, end, sentences[i][1], quoted), end, objects)
        if i + 1 < len(sentences):
            opening = _unquoted(text, *sentences[i + 1], quoted).lstrip()
            votes += _back_pronouns(" ".join(opening.split()[:1]))
    male, female = votes.count(MALE), votes.count(FEMALE)
    if male > 2 * female:
        return Gender(MALE, "pronoun")
    if female > 2 * male:
        return Gender(FEMALE, "pronoun")
    return UNKNOWN


# A possessive opening an apposition right after a name: "Jamie Lund, her attorney, said";
# not one whose noun is itself a possessor ("Jaspal Bains, his party's critic").
_APPOSITIVE_POSSESSIVE = re.compile(
    r",\s+(his|her)\b(?!\s+(?:[\w-]+\s+)?[\w-]+['’]s\b)", re.IGNORECASE
)


def appositive_possessives(text: str, mentions: list[Offsets]) -> frozenset[int]:
    """appositive_possessive: the offsets of "his" or "her" opening an apposition right
    after a person's mention ("Jamie Lund, her attorney, said …": the "her" is the
    client's, not Jamie Lund's), which say nothing of that person's gender. own_possessor:
    a "his" or "her" whose noun owns the role is the person's own ("NDP MPP Jaspal Bains,
    his party's critic for rural health")."""
    found = set()
    for _, end in mentions:
        m = _APPOSITIVE_POSSESSIVE.match(text, end)
        if m:
            found.add(m.start(1))
    return frozenset(found)


# A sentence that opens with a phrase holding "his" or "her", then a comma and the
# subject's name (titles allowed): "In his speech, Graham urged …", "During her campaign,
# Clinton issued …", "With his customary swagger, President Vladimir V. Putin held …".
_FRONTED = re.compile(
    r"(?:In|At|On|After|Before|During|With|For|Since|Despite|Following|Throughout|Upon|"
    r"Through|Like|Unlike) (his|her) [^,.;:“”\"\n]{1,60}, (?:[A-Z][\w.’'-]* ){0,3}"
)


def fronted_possessive(
    text: str, sentence_start: int, start: int, others: list[Offsets]
) -> list[str]:
    """fronted_possessive: "his" or "her" in a phrase that opens the sentence before its
    subject, the mention at ``start``, is that subject's: "In his speech, Graham urged
    Republicans …" → [male]. Not where another person is named before the subject
    ("After his meeting with Ryan, Trump …": the pronoun could be either's)."""
    opening = text[sentence_start:start]
    m = _FRONTED.fullmatch(opening.lstrip())
    if m is None or any(sentence_start <= s < start for s, _ in others):
        return []
    return [BACK_PRONOUNS[m.group(1)]]


# What a speech verb right after a name (or its apposition) reports first: " said he",
# ", who has sided with the mayor, said he would not …".
_SAID_PRONOUN = re.compile(
    r"(?:,(?:[^,.;“”\"]|\d[,.]\d){1,100},)?\s+"  # an apposition or a relative clause
    r"(?:said|says|told [\w ]{1,25}?|added|wrote|posted [\w ]{1,25}?)\s+(?:that\s+)?(he|she)\b"
)


def said_he_or_she(text: str, end: int) -> list[str]:
    """said_he_or_she: the "he" or "she" a speech verb right after a mention reports is
    that person, whoever else the sentence names: "Coun. Lesley Pothier, who has sided with
    the mayor, said he would not support suspending her pay" → [male] ("her" is the
    mayor's). Counted twice against the other pronouns of the sentence."""
    m = _SAID_PRONOUN.match(text, end)
    return [BACK_PRONOUNS[m.group(1)]] if m else []


def could_be_theirs(gender: str, before: list[int], genders: dict[int, str | None]) -> bool:
    """named_before_in_sentence: a he or she after a mention may stand for someone named
    earlier in the sentence (``before``, their mentions' starts) whose gender the article
    does not show otherwise (``genders``: start → gender or None): in "Clinton survived the
    hearing, Biden decided not to run and she performed well", "she" says nothing of Biden
    when Clinton is female or unknown; after "Clinton", "Obama" and a "he" where Clinton is
    female, the "he" is Obama's."""
    return any(genders.get(start) in (None, gender) for start in before)


def first_pronoun_after(
    text: str,
    end: int,
    stop: int,
    others: list[Offsets],
    quoted: list[Offsets] = (),
    objects: frozenset[int] = frozenset(),
) -> list[str]:
    """first_pronoun_after: the gender of the first he, she, his or her after a mention
    (``end``) and before ``stop`` (its sentence's end), unless another person is named
    first: "Joe Conason, who writes in his book that Clinton …" → [male]; "Sanders met
    Clinton, and she …" → [] (Clinton stands between)."""
    for s, _ in others:
        if end <= s < stop:
            stop = s
    found = _back_pronouns(_unquoted(text, end, stop, quoted), end, objects)
    return found[:1]


def _inside(offset: int, regions: list[Offsets]) -> bool:
    return any(a <= offset < b for a, b in regions)


def _unquoted(text: str, start: int, end: int, quoted: list[Offsets]) -> str:
    """``text[start:end]`` with the words inside ``quoted`` blanked out."""
    chars = list(text[start:end])
    for a, b in quoted:
        for k in range(max(a, start), min(b, end)):
            chars[k - start] = " "
    return "".join(chars)
