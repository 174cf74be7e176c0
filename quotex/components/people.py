"""People the tagger mislabelled: a person's name it called an organisation or a place
("Carly Fiorina" ORG, "Reynolds" ORG where the article names Deborah Jordan Reynolds), and
an organisation or place it called a person ("Hermenegildo Galeana Street" PERSON).

``mend_people`` mends the entity records of the entity linker: such people become PERSON
under their full name, and a bare surname and the full name of one person join as one
entity; such things get their label. Pure functions over the text and the records.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from quotex.first_names import first_names_by_rank, is_first_name, name_key
from quotex.gender import said_he_or_she
from quotex.lexicon import entries, sections
from quotex.names import is_generation_suffix, is_initial, person_name, title_words

PERSON = "PERSON"
# Labels the tagger gives a person's name by mistake ("Carly Fiorina" ORG, "Reynolds" ORG).
MISTAKEN_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "LOC"})
# A first name at least this common (its best rank in a year of the US list) starts a
# person's name even where the tagger called it something else: "Carly" (122), "Deborah"
# (2) and "Ian" (65) do; "Washington" (330), "Fox" (746) and "North" (906) do not.
COMMON_FIRST_NAME_RANK = 300
# How many words may stand between a first name and a surname: "Deborah Jordan Reynolds",
# "John “Tig” Tiegen".
MIDDLE_NAMES = 2
_POSSESSOR = re.compile(r"^.*['’]s\s+")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_NAME_WORD = r"(?:[A-Z][\w.’'-]*|[“\"][A-Z][\w.]*[”\"])"  # "Jordan", "H.W.", "“Tig”"
_NAME_RUN = re.compile(rf"(?<!\S){_NAME_WORD}(?:[ \t]+{_NAME_WORD})+")
# The words a town named for a saint opens with: "Saint John", "St. Catharines",
# "Sainte-Foy", "St-Jérôme".
_SAINT = re.compile(r"^(?:(?:Saint|Sainte|St\.|Ste\.|St|Ste)[ -]|(?:St|Ste)\.?$)")


@cache
def common_first_names() -> frozenset[str]:
    """Lowercase first names of the shipped US list at least ``COMMON_FIRST_NAME_RANK``
    common ("carly", "deborah"; not "washington")."""
    return first_names_by_rank(COMMON_FIRST_NAME_RANK)


def _is_common_first_name(word: str) -> bool:
    """A common first name of the list, or a compound one opening with a common name of
    three letters or more ("Jean-François", "Marie-Ève": hyphenated_first_name; not
    "Al-Qaeda", "Coca-Cola")."""
    key = name_key(word)
    common = common_first_names()
    if key in common:
        return True
    first, _, rest = key.partition("-")
    return (
        bool(rest)
        and len(first) >= 3
        and word.split("-")[1][:1].isupper()
        and (first in common or first + rest.replace("-", "") in common)
    )


def full_name_before(text: str, surname: str) -> str | None:
    """The full name the article gives a bare surname somewhere: "Deborah Jordan Reynolds
    - Santilli's girlfriend" → "Deborah Jordan Reynolds" for "Reynolds"; the first name
    must be a common one (``COMMON_FIRST_NAME_RANK``), at most ``MIDDLE_NAMES`` words
    between ("Marine John “Tig” Tiegen" → "John “Tig” Tiegen")."""
    return full_names(text).get(surname)


@lru_cache(maxsize=4)
def full_names(text: str) -> dict[str, str]:
    """Last word → the first full name that ends in it, over every run of name words in
    ``text`` (one scan of the text for all the surnames of a document)."""
    found: dict[str, str] = {}
    for run in _NAME_RUN.finditer(text):
        words = run.group().split()
        for i, first in enumerate(words[:-1]):
            if not _is_common_first_name(first):
                continue
            for j in range(i + 1, min(len(words), i + MIDDLE_NAMES + 2)):
                if _ends_sentence(words[j - 1]):  # "… Donald Trump. But Democrats …"
                    break
                last = words[j].rstrip(".") if _ends_sentence(words[j]) else words[j]
                bare = _POSSESSIVE_END.sub("", last)  # "Donald Trump's speech": Trump
                if bare != last:  # a possessive ends the name, with initials at most between
                    if all(is_initial(w) for w in words[i + 1 : j]):
                        found.setdefault(bare, " ".join([*words[i:j], bare]))
                    break
                found.setdefault(last, " ".join([*words[i:j], last]))
    return found


# Words with a full stop that do not end a sentence inside a name.
NAME_ABBREVIATIONS = frozenset({"jr.", "sr.", "st.", "mr.", "mrs.", "ms.", "dr."})


def _ends_sentence(word: str) -> bool:
    """A name word whose full stop ends a sentence: "Trump.", not "H.W.", "J." or "Jr."."""
    core = word.rstrip(".")
    return (
        word.endswith(".")
        and len(core) > 2
        and "." not in core
        and word.lower() not in NAME_ABBREVIATIONS
    )


def person_named_as_thing(text: str, record: dict) -> str | None:
    """The full name of a person the tagger called an organisation or a place, else None:
    "Carly Fiorina" (ORG) → itself; "National Review’s Ian Tuttle" (ORG) → "Ian Tuttle";
    "Reynolds" (ORG), named "Deborah Jordan Reynolds" elsewhere → that. The name starts
    with a common first name and ends in no organisation or place word ("Clinton
    Foundation", "Virginia Beach", "Washington Post" are no people), nor is a place's
    people ("Nova Scotians", tagged NORP: :func:`is_demonym`)."""
    if record["label"] not in MISTAKEN_LABELS:
        return None
    tail = _POSSESSOR.sub("", record["name"])
    words = tail.split()
    honoured = _after_honorific(words)
    if honoured:
        if len(honoured) == 1:
            return full_name_before(text, honoured[0]) or honoured[0]
        return " ".join(honoured)
    titled = _after_title(tail)
    if titled:
        return titled
    if len(words) > 2 and is_generation_suffix(words[-1]):
        words = words[:-1]  # "Vann R. Newkirk II": the surname is Newkirk
    last = words[-1] if words else ""
    if (
        not 1 <= len(words) <= 1 + MIDDLE_NAMES
        or person_name(tail) != tail
        or last.isupper()
        or last.lower() in entries("name_words")
        or is_demonym(tail)  # "Nova Scotians", tagged NORP
        or _SAINT.match(tail)  # "Saint John" (GPE): "Saint" is on the first-name list
        or tail.lower() in entries("places")  # "Nova Scotia" (GPE): "Nova" a first name
    ):
        return None
    if len(words) == 1:
        full = full_name_before(text, last)
        if full is None and who_follows(text, record):
            return _name_ending_in(text, last)
        if full is None and _given_name_after_kin(text, record):
            return last
        if full is None and is_first_name(last) and speaks_as_he_or_she(text, record):
            return last  # "A woman who gave her name only as Shannon said she …"
        return full
    if (
        _is_common_first_name(words[0])
        or described_as_a_person(text, record)
        or speaks_as_he_or_she(text, record)
        or (len(words) == 2 and not _names_a_place(words) and described_as_alive(text, record))
    ):
        return tail
    return None


def speaks_as_he_or_she(text: str, record: dict) -> bool:
    """said_he_or_she: a name the tagger called an organisation or a place whose speech
    reports "he" or "she" is a person's, as organisations are "it" and "they": "Gurpreet
    Dhaliwal said he woke to an RCMP officer pounding on his door" (ORG; "Gurpreet" is not a
    common US first name)."""
    if record["label"] != "ORG":  # "Sen. Ted Cruz of Texas said he …": the GPE spoke not
        return False
    return any(
        said_he_or_she(text, end) and not text[:start].rstrip().endswith(" of")
        for start, end in record["mentions"]
    )


def _given_name_after_kin(text: str, record: dict) -> bool:
    """given_name_after_kin: a first name the tagger gave another label, in apposition
    after a gendered person noun, is a person's: "His wife, Eleanore, said …" (ORG),
    "their daughter, Kayla,"."""
    if not is_first_name(record["name"]):
        return False
    return any(
        _role_before(text, start) in _kin_nouns() and text[end : end + 1] in (",", ".", ";", ")")
        for start, end in record["mentions"]
    )


@cache
def _kin_nouns() -> frozenset[str]:
    return entries("gender", "noun_female", "noun_male")


# "who" opening a relative clause right after a name: ", who left the game".
_WHO = re.compile(r",\s+who(?:se|m)?\b")


def who_follows(text: str, record: dict) -> bool:
    """who_names_a_person: a surname the tagger gave another label that a relative clause
    opened by "who" follows is a person's, when the article names someone in full with it:
    "Nazem Kadri and Blake Coleman scored … Kadri, who left the game briefly, said he was
    fine" ("Kadri" GPE). Not a plural ("the Oilers, who have won four straight", as sports
    copy writes of teams), nor a place's name ("Utah Jazz"); "who" after "Md." in "a
    Democrat from Md., who" is the Democrat, so no full name, no person."""
    words = record["name"].split()
    if not words or words[-1].endswith("s") or _names_a_place(words):
        return False
    return any(_WHO.match(text, end) for _, end in record["mentions"])


def _name_ending_in(text: str, surname: str) -> str | None:
    """The first name and the surname where the article names the person in full with any
    first name ("Nazem Kadri and Blake Coleman scored" → "Nazem Kadri" for "Kadri")."""
    for run in _NAME_RUN.finditer(text):
        words = run.group().split()
        first = words[-2] if len(words) > 1 and words[-1] == surname else ""
        if first.isalpha() and not first.isupper():  # not "George Washington University"
            name = person_name(f"{first} {surname}")
            if name and " " in name:
                return name
    return None


def _after_title(name: str) -> str | None:
    """title_names_a_person: the full name after a title in a name the tagger gave another
    label ("NDP MLA Jennifer Whiteside" ORG → "Jennifer Whiteside"; "Phoenix Mayor Greg
    Stanton"), else None: a title names the person after it. The title is a whole entry
    of ``titles.txt``, no modifier or affiliation (not the "of" of "Office of Personnel
    Management", the "Late" of "The Late Show With Stephen Colbert", the "Conservative" of
    "Conservative Solutions PAC"); the name has two words or more, opens with a word of
    letters ("Liberal MNA Marwah Rizqy"; not "U.S.") and ends in no organisation or place
    word."""
    person = person_name(name)
    if not person or person == name or not name.endswith(person) or " " not in person:
        return None
    before = name[: -len(person)].split()
    if not before or before[-1].lower() not in _person_titles():  # "MLA"; not "of", "Late"
        return None
    words = person.split()
    if not words[0].isalpha() or words[-1].lower() in entries("name_words"):
        return None
    return person


@cache
def _person_titles() -> frozenset[str]:
    """The titles only a person bears: titles.txt without its modifiers ("former", "late")
    and affiliations ("Conservative", "U.S.")."""
    kept = [s for s in sections("titles") if s not in ("modifiers", "affiliations")]
    return entries("titles", *kept)


def _past_title(text: str, mention: list[int], name: str) -> list[int]:
    """A mention that ends with ``name`` after a title starts at the name ("NDP MLA
    Jennifer Whiteside" → "Jennifer Whiteside"; "Ms Reeves" → "Reeves"); one after a
    possessor keeps it ("National Review’s Ian Tuttle": "by" names the author)."""
    start, end = mention[0], mention[1]
    if _after_title(text[start:end]) == name:
        return [end - len(name), *mention[1:]]
    return _past_honorific(text, mention)


# Honorifics only a person's name opens with, with or without a full stop ("Ms Reeves");
# not "Miss", which opens pageants' names too ("Miss America").
HONORIFICS = frozenset({"mr", "mrs", "ms", "mx"})


def _is_honorific(word: str) -> bool:
    return word.lower().rstrip(".") in HONORIFICS


def _after_honorific(words: list[str]) -> list[str]:
    """honorific_names_a_person: the name words after "Mr", "Mrs", "Ms" or "Mx"
    opening a name the tagger gave another label ("Ms Reeves", a WORK_OF_ART, in British
    copy without the full stop), else []: whoever is so addressed is a person."""
    if len(words) < 2 or not _is_honorific(words[0]):
        return []
    rest = words[1:]
    if len(rest) > 1 + MIDDLE_NAMES or not all(w[:1].isupper() for w in rest):
        return []
    return [] if rest[-1].lower() in entries("name_words") else rest


def _past_honorific(text: str, mention: list[int]) -> list[int]:
    """A mention that opens with an honorific starts after it, so that the honorific
    reads as the title before the name ("Ms Reeves" → "Reeves", titled "Ms")."""
    start, end = mention[0], mention[1]
    words = text[start:end].split(maxsplit=1)
    if len(words) == 2 and _is_honorific(words[0]):
        return [end - len(words[1]), *mention[1:]]
    return list(mention)


# An apposition that says who someone is: ", a professor of …", ", the party's chairman,",
# ", India's defence minister," (its head noun within this many words).
APPOSITION_WORDS = 5
_APPOSITION_ENDS = frozenset(
    {"of", "at", "for", "in", "with", "to", "from", "on", "who", "that", "which", "and"}
)


@cache
def person_nouns() -> frozenset[str]:
    """Nouns that name a person's role or kind: titles.txt and the person sections of
    sources.txt ("professor", "spokesman", "minister", "official")."""
    titles = {t.rstrip(".") for t in entries("titles") if " " not in t}
    return frozenset(titles) | entries("sources", "person", "anonymous")


def apposition_head(after: str) -> str | None:
    """The head noun of an apposition right after a name (``after`` starts at the name's
    end): ", a professor of economics at Cornell," → professor; ", India's defence
    minister," → minister; None without one."""
    if not after.startswith(","):
        return None
    words = after[1:].split(",")[0].split()[: APPOSITION_WORDS + 1]
    if not words or not (words[0].lower() in ("a", "an", "the") or words[0].endswith(("'s", "’s"))):
        return None
    head = None
    for word in words[1:]:
        if word.lower() in _APPOSITION_ENDS:
            break
        head = word.lower().strip(".;:")
    return head


def described_as_a_person(text: str, record: dict) -> bool:
    """described_as_a_person: a name the tagger called an organisation that an apposition
    describes as a person: "Eswar Prasad, a professor of international economics at
    Cornell University, said …" (the first name is not a common US one), or that follows
    a role noun in apposition ("Its chief executive, Rain Newton-Smith, told …")."""
    return any(
        apposition_head(text[end : end + 80]) in person_nouns()
        or (_full_name_like(text[start:end]) and _role_before(text, start) in person_nouns())
        for start, end in record["mentions"]
    )


def _full_name_like(mention: str) -> bool:
    """Two words or more, the first a capitalised word (not "U.S.", "NATO")."""
    words = mention.split()
    return len(words) >= 2 and words[0][:1].isupper() and not words[0].isupper()


# A role noun, then a comma, right before a name: "Its chief executive, Rain Newton-Smith,".
_ROLE_BEFORE = re.compile(r"\b([a-z]+), $")


def _role_before(text: str, start: int) -> str | None:
    """role_before_name: the role noun a name follows in apposition ("Its chief executive,
    Rain Newton-Smith, told …" → "executive"), else None."""
    m = _ROLE_BEFORE.search(text[max(0, start - 40) : start])
    return m.group(1) if m else None


# What a PERSON named like an organisation or a place is taken for.
THING_LABELS = {"organisation": "ORG", "place": "FAC"}


# An age in apposition after a name ("Jun Park, 24,"), or "who" opening a clause on it.
_AGE_AFTER = re.compile(r",\s+\d{1,3},")
_WHO_AFTER = re.compile(r",\s+who(?:m)?\b")
# The end of a preposition before a name: "director at Publishers Weekly, who …" is the
# director's clause.
_PREPOSITION_BEFORE = re.compile(r"\b(?:at|of|for|with|from|by|to|as|in|on)\s+(?:the\s+)?$")


def described_as_alive(text: str, record: dict) -> bool:
    """age_or_who: a name followed by an age ("Jun Park, 24, who was laid off …": "Park"
    ends places' names too), or by a "who" clause where the name is no object of a
    preposition ("the reviews director at Publishers Weekly, who …" is the director), is a
    person's."""
    for start, end in record["mentions"]:
        if _AGE_AFTER.match(text, end):
            return True
        before = text[max(0, start - 12) : start]
        if _WHO_AFTER.match(text, end) and not _PREPOSITION_BEFORE.search(before):
            return True
    return False


def thing_named_as_person(record: dict) -> str | None:
    """The label of an organisation or place the tagger called a person, else None: a
    PERSON whose name ends in an organisation or place word and starts with no common
    first name, or with a place's name ("Hermenegildo Galeana Street" → FAC, "Obama White
    House" → ORG, "Nova Scotia Government" → ORG; "Michael Bay" stays a person). A name
    ending in an acronym is an organisation's or a thing's (acronym_ending: "Eglinton
    Crosstown LRT"; not "Louis XIV", nor a name all in capitals, "CHRIS WALLACE")."""
    words = record["name"].split()
    if record["label"] != PERSON or len(words) < 2:
        return None
    if _is_acronym(words[-1]) and not all(w.isupper() for w in words):
        # acronym_ending: "Eglinton Crosstown LRT", "Priorities USA", "Kingston Road LRT"
        # (a first name opens it); not the letters after a name ("Jane Roe QC", "… MPP")
        if words[-1].lower().rstrip(".") not in POST_NOMINALS | title_words():
            return "ORG"
    if _is_common_first_name(words[0]) and not _opens_with_place(words):
        return None  # "Michael Bay"; not "Nova Scotia Government" ("Nova" a woman's name)
    for section, label in THING_LABELS.items():
        if words[-1].lower() in entries("name_words", section):
            return label
    return None


# Letters a person's name may end with: honours, degrees and professions.
POST_NOMINALS = frozenset(
    {"qc", "kc", "md", "phd", "rn", "esq", "obe", "cbe", "mbe", "cm", "oc", "cpa", "llb", "jd"}
)


_ROMAN = re.compile(r"^[IVX]+$")


def _is_acronym(word: str) -> bool:
    """Capitals only, two or more, no roman numeral ("LRT", "PAC"; not "III")."""
    letters = word.replace(".", "")
    return (
        len(letters) > 1 and letters.isalpha() and letters.isupper() and not _ROMAN.match(letters)
    )


def _opens_with_place(words: list[str]) -> bool:
    """Whether a name's first words, not all of them, are a state's, a province's or a
    country's name ("Nova Scotia Government", "Virginia Department"; ``lexicon/places.txt``)."""
    return any(" ".join(words[:n]).lower() in entries("places") for n in range(1, len(words)))


def _names_a_place(words: list[str]) -> bool:
    """Whether a name is a place's or opens with one ("Utah", "Utah Jazz")."""
    return " ".join(words).lower() in entries("places") or _opens_with_place(words)


# How far after a name its apposition is read.
APPOSITION_CHARS = 120
# An apposition's opening that picks one of many: ", one of the world's top … companies,".
_ONE_OF = re.compile(r",\s+(?:one|part) of\s+")
# Name words that may follow a mention before its apposition: "Akin Gump Strauss Hauer &
# Feld, an international law firm".
_NAME_TAIL = re.compile(r"(?:\s+(?:[A-Z][\w.’'-]*|&))*")


def _singular(noun: str) -> str:
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def organisation_named_as_person(text: str, record: dict) -> str | None:
    """described_as_an_organisation: "ORG" for a PERSON that an apposition describes with an
    organisation noun (sources.txt), and whose name starts with no common first name, else
    None: "Pfizer, one of the world's top biopharmaceutical companies, has given …",
    "Akin Gump Strauss Hauer & Feld, an international law firm". "Jane Roe, a company
    founder," stays a person (the head is *founder*)."""
    words = record["name"].split()
    if record["label"] != PERSON or not words or _is_common_first_name(words[0]):
        return None
    for _, end in record["mentions"]:
        tail = _NAME_TAIL.match(text, end).end()
        after = _ONE_OF.sub(", ", text[tail : tail + APPOSITION_CHARS], count=1)
        head = apposition_head(after)
        if head and _singular(head) in entries("sources", "organisation"):
            return "ORG"
    return None


def outlet_named_as_person(record: dict) -> str | None:
    """ "ORG" for a PERSON whose whole name is a news outlet, social network or pollster
    of the ``outlet`` list, else None: "Politico reported", "Twitter, at the same time, put
    its new Moments tool to use", "Fox found" (the tagger's PERSON); "Michael Fox" stays."""
    if record["label"] != PERSON or record["name"].lower() not in entries("name_words", "outlet"):
        return None
    return "ORG"


# Labels of places whose one-word names the tagger also gives a person now and then.
PLACE_LABELS = frozenset({"GPE", "LOC"})


def place_named_as_person(text: str, record: dict, entities: list[dict]) -> str | None:
    """The place label of a one-word PERSON the article names more often as a place, else
    None: "Trump's Indiana chairman" (PERSON "Indiana", once) where "Indiana" is a GPE
    eight times. "Bright" (PERSON twice, GPE once) stays a person. As often, when the
    person is only ever a title's qualifier: "in Surrey, B.C. … Surrey Mayor Brenda Locke"
    (place_before_title)."""
    name = record["name"]
    if record["label"] != PERSON or len(name.split()) != 1:
        return None
    places = [
        e for e in entities if e["label"] in PLACE_LABELS and e["name"] == name and e is not record
    ]
    place = max(places, key=lambda e: len(e["mentions"]), default=None)
    if place is None or len(place["mentions"]) < len(record["mentions"]):
        return None
    if len(place["mentions"]) == len(record["mentions"]) and not _before_titles(text, record):
        return None
    return place["label"]


_TITLE_AFTER = re.compile(r" ([A-Z][A-Za-z]+)\b")  # "Mayor", "CEO"


def _before_titles(text: str, record: dict) -> bool:
    """place_before_title: every mention is followed by a capitalised title ("Surrey Mayor
    Brenda Locke"), as a town qualifies its officials."""
    return all(_before_title(text, end) for _, end in record["mentions"])


def _before_title(text: str, end: int) -> bool:
    m = _TITLE_AFTER.match(text, end)
    return m is not None and m.group(1).lower() in title_words()


# A role word after a name, capitalised or not: " CEO", " spokesperson".
_ROLE_AFTER = re.compile(r" ([A-Za-z]+)\b")


def _before_role(text: str, end: int) -> bool:
    """A title or a spokesperson's word right after the mention ("Metrolinx CEO …",
    "Metrolinx spokesperson …")."""
    m = _ROLE_AFTER.match(text, end)
    return m is not None and m.group(1).lower() in title_words() | SPOKES_WORDS


SPOKES_WORDS = frozenset({"spokesperson", "spokesman", "spokeswoman", "official", "officials"})


def organisation_tagged_too(
    text: str, record: dict, entities: list[dict], surnames: dict
) -> str | None:
    """organisation_tagged_too: "ORG" for a one-word PERSON the article tags as an
    organisation as often, when the word is nobody's surname there and no first name
    ("Pfizer says …" ORG, "Pfizer CEO Albert Bourla" PERSON), else None; a mention before
    a title ("Metrolinx CEO Phil Verster", "Metrolinx spokesperson Morgan Halloran")
    counts as the organisation's. "Trump", tagged
    ORG now and then, stays a person: more often a person, or Donald Trump named."""
    name = record["name"]
    if record["label"] != PERSON or " " in name or name in surnames or is_first_name(name):
        return None
    if full_name_before(text, name):  # "National Review’s Ian Tuttle" (ORG) … "Tuttle"
        return None
    tagged = sum(len(e["mentions"]) for e in entities if e["label"] == "ORG" and e["name"] == name)
    qualifying = sum(_before_role(text, end) for _, end in record["mentions"])
    as_person = len(record["mentions"]) - qualifying
    return "ORG" if tagged and tagged + qualifying >= as_person else None


# How many words a thing's name may have before the words a person's mention took from it
# ("Toronto" of "Toronto Maple Leafs"); not a headline ending in a name.
THING_QUALIFIERS = 2
# Labels of the names a person's mention may be the tail of.
NAMED_THING_LABELS = frozenset({"ORG", "FAC", "GPE", "LOC"})


def tail_of_a_thing(record: dict, entities: list[dict], surnames: dict) -> str | None:
    """tail_of_a_thing: the label of an organisation or place whose name ends with a
    PERSON's whole name ("Maple Leafs" in a headline, "the Toronto Maple Leafs" ORG), else
    None: the article names the thing in full elsewhere. Only for a name of two words or
    more (a lone "Prasad" may end "Eswar Prasad", a person tagged ORG) opening with no
    common first name and ending in nobody else's surname; the longer name has at most
    ``THING_QUALIFIERS`` words more (a headline tagged ORG may end in "Bernie Sanders")
    and opens with no common first name (a person the tagger mislabelled)."""
    name = record["name"]
    words = name.split()
    if record["label"] != PERSON or len(words) < 2 or _is_common_first_name(words[0]):
        return None  # a lone word may be the surname of a person tagged otherwise: "Prasad"
    if surnames.get(words[-1], set()) - {name}:
        return None
    for e in entities:
        longer = e["name"].split()
        if e["label"] not in NAMED_THING_LABELS or longer[-len(words) :] != words:
            continue
        if len(words) < len(longer) <= len(words) + THING_QUALIFIERS:
            if not _is_common_first_name(longer[0]):
                return e["label"]
    return None


# dateline: where an article was filed, in capitals opening a paragraph, then the state or
# country, the date and the agency, then a dash: "TORONTO —", "SCRANTON, Pa. —", "BRAMLEY,
# England, Nov 21 (Wire) —", "WASHINGTON (AP) —". Read in the article's first characters.
_DATELINE = re.compile(
    r"(?m)^([A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3})"  # the place, in capitals
    r"(?:, [A-Z][a-z.][A-Za-z.]*(?: [A-Z][a-z.][A-Za-z.]*)?)*"  # ", Pa.", ", N.H.", not caps
    r"(?:, [A-Z][a-z]{2,3}\.? \d{1,2})?"  # ", Nov 21", ", Dec. 8"
    r" ?(?:\([^()\n]{1,20}\) ?)?(?:—|–|--|-)"  # "(AP) —"
)
DATELINE_CHARS = 1500
DATELINE_CAPITALS = 3  # "AP —" is no place


def dateline_place(text: str) -> str | None:
    """The place of the article's dateline, as the dateline writes it ("SCRANTON"), else
    None."""
    for m in _DATELINE.finditer(text[:DATELINE_CHARS]):
        if sum(c.isupper() for c in m.group(1)) >= DATELINE_CAPITALS:
            return m.group(1)
    return None


def place_in_dateline(record: dict, place: str | None) -> str | None:
    """place_in_dateline: "GPE" for a PERSON named as the article's dateline place is
    named ("Bramley" after "BRAMLEY, England, Nov 21 (Wire) —", "Charlotte" after
    "CHARLOTTE -"), else None: the tagger takes a town for a person now and then, and the
    article was filed from a place. "Charlotte Smith" stays a person."""
    if record["label"] != PERSON or place is None:
        return None
    return "GPE" if record["name"].lower() == place.lower() else None


def place_named_whole(record: dict) -> str | None:
    """place_named_whole: "GPE" for a PERSON whose whole name is a US state, a Canadian
    province or a country (``lexicon/places.txt``: "Nova Scotia", which the first-name
    list would make a woman by "Nova"; "New York"), or a state's or a province's
    abbreviation ("Ont", its full stop split off; ``lexicon/regions.txt``), else None.
    "Virginia Foxx" and "Jordan" (as often a person's name) stay people."""
    if record["label"] != PERSON:
        return None
    name = record["name"].lower()
    if name in entries("places") or name + "." in entries("regions"):
        return "GPE"  # region_abbreviation: "London, Ont." tags "Ont" a person now and then
    return None


# A region after a town's name: ", B.C." (any word may follow the abbreviation's full
# stop), ", Alberta," (a whole name ends at punctuation: not ", Pennsylvania Democrat").
_REGION_AFTER = re.compile(
    r", ((?:[A-Z][a-z]*\.)+[A-Z]?[a-z]*\.?|[A-Z][a-z]+(?: [A-Z][a-z]+)*)([,.;:)]|$)?"
)
# How many words a town's name has at most.
TOWN_WORDS = 3


def place_by_its_region(text: str, record: dict) -> str | None:
    """place_by_its_region: "GPE" for a PERSON named with a state's or a province's name or
    abbreviation after a comma ("a shooting at a home in Surrey, B.C.", "Fox Creek,
    Alberta,"), as datelines and copy name towns, else None. "Bob Casey, Pennsylvania
    Democrat" stays a person (a whole name must end at punctuation), as does a name opening
    with a common first name ("Jennifer Whiteside, B.C.'s education minister")."""
    words = record["name"].split()
    if record["label"] != PERSON or len(words) > TOWN_WORDS:
        return None
    if len(words) > 1 and _is_common_first_name(words[0]):
        return None  # "Jennifer Whiteside, B.C.'s education minister"
    for _, end in record["mentions"]:
        m = _REGION_AFTER.match(text, end)
        if m is None or text.startswith(("'s", "’s"), m.end(1)):
            continue
        region = m.group(1).lower()
        if region in entries("regions") or (m.group(2) is not None and region in entries("places")):
            return "GPE"
    return None


# Prepositions of place before a one-word name that is a town's, not a person's: "a
# hospital in Kent", "a home near Surrey"; not after a word that puts a person there
# ("faith in Jesus", "confidence in Trudeau").
_PLACE_PREPOSITION = re.compile(
    r"(?:^|\b(\w+)\s+|[^\w\s]\s*)(?:[Ii]n|[Nn]ear)\s$"
    r"|\b(?:drove|driven|drive|moved|came|travelled|traveled|flew|fled|returned|evacuated"
    r"|relocated|commuted|hails)\s+(?:here\s+|up\s+|down\s+)?from\s$"
)
PERSON_IN_WORDS = frozenset({"faith", "trust", "believe", "belief", "confidence", "interest"})


def place_after_in(text: str, record: dict) -> str | None:
    """place_after_in: "GPE" for a PERSON the article names only as a place ("on a visit to
    a hospital in Kent"), else None: after "in" or "near", after "north of" and the like or
    "the community of" ("10 kilometres north of Morris", "the community of Debert"), or
    before a place's noun ("Surrey school district superintendent", "Hamilton city
    council"). A person is rarely in anything but a possessive ("in Trump's view") or a
    longer name ("in Peter Burrows's book"); a name of two or three words must open with no
    common first name ("in Forest Lawn", not "faith in John Smith") unless it ends in a
    place's word ("at Victoria Park", "in Stewart Crossing")."""
    words = record["name"].split()
    if record["label"] != PERSON or not 1 <= len(words) <= TOWN_WORDS:
        return None
    place_word = len(words) > 1 and words[-1].lower() in entries("name_words", "place")
    if len(words) > 1 and _is_common_first_name(words[0]) and not place_word:
        return None  # "Victoria Park" may be a place, "John Smith" not
    for start, end in record["mentions"]:
        before = text[max(0, start - 30) : start]
        m = _PLACE_PREPOSITION.search(before)
        placed = m is not None and (m.group(1) or "").lower() not in PERSON_IN_WORDS
        placed = placed or (place_word and before.endswith(("at ", "At ")))
        placed = placed or _PLACE_OF.search(before) is not None
        if text[end : end + 2] in ("'s", "’s"):
            return None
        if not placed and not _PLACE_NOUN_AFTER.match(text, end):
            return None
    return "GPE"


# "north of Morris", "the community of Debert", "the town of Carman".
_PLACE_OF = re.compile(
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest|outside|community|"
    r"town|city|village|hamlet|municipality|township|county|RM) of\s$"
)
# A place's noun right after its name: " school district", " city council", " residents".
_PLACE_NOUN_AFTER = re.compile(
    r" (?:school district|school board|city council|city hall|city|council|residents|area|"
    r"neighbourhood|neighborhood|region|suburb|downtown|waterfront|detachment|RCMP)\b"
)


# The endings a people's name adds to its place's last word, whole or less its last
# letter: "Scotia" → "Scotians", "Quebec" → "Quebecers", "Texas" → "Texans", "Ohio" →
# "Ohioans". Not "France" → "Francis".
DEMONYM_ENDINGS = ("ns", "ans", "ians", "ers", "ites")


def saint_place(record: dict) -> str | None:
    """saint_place: "GPE" for a PERSON named as a town named for a saint ("diverted to
    Halifax and Saint John", "St. Catharines", "Saint-Jérôme"), else None: news copy writes
    the saints themselves seldom, and a person's name does not open with "Saint" ("Yves
    Saint Laurent" stays a person)."""
    if record["label"] != PERSON or len(record["name"].split()) > TOWN_WORDS:
        return None
    return "GPE" if _SAINT.match(record["name"]) else None


def place_demonym(record: dict) -> str | None:
    """place_demonym: "NORP" for a PERSON whose name is the people of a US state, a Canadian
    province or a country, written as the place with an ending ("Nova Scotians" of Nova
    Scotia, which the first-name list would make a woman by "Nova"; "Albertans",
    "Ontarians", "Quebecers", "Texans"), else None. "Virginia Smith" stays a person."""
    if record["label"] != PERSON or not is_demonym(record["name"]):
        return None
    return "NORP"


def is_demonym(name: str) -> bool:
    """Whether ``name`` is the people of a place of ``lexicon/places.txt`` ("Nova Scotians")."""
    return " ".join(name.lower().split()) in _demonyms()


@cache
def _demonyms() -> frozenset[str]:
    """Every people's name the places of ``lexicon/places.txt`` make with
    ``DEMONYM_ENDINGS``, lowercase ("nova scotians", "texans"), built once."""
    found = set()
    for place in entries("places"):
        *head, last = place.split()
        for stem in (last, last[:-1]):
            found.update(" ".join([*head, stem + end]) for end in DEMONYM_ENDINGS)
    return frozenset(found)


def full_names_by_surname(entities: list[dict]) -> dict[str, set[str]]:
    """Surname → the full names of the PERSON entities that end with it, read once per
    document for :func:`surname_of_one_person`."""
    found: dict[str, set[str]] = {}
    for e in entities:
        if e["label"] == PERSON and " " in e["name"]:
            words = (person_name(e["name"]) or "").split()
            if words:
                found.setdefault(words[-1], set()).add(e["name"])
    return found


def language_named_as_person(record: dict, surnames: dict[str, set[str]]) -> str | None:
    """language_as_person: "LANGUAGE" for a one-word PERSON that is a language's name
    ("teaches Grade 4 French immersion", ``lexicon/languages.txt``), else None; not where
    someone named in full has it as a surname ("Judith French … French said")."""
    name = record["name"]
    if record["label"] != PERSON or name.lower() not in entries("languages") or name in surnames:
        return None
    return "LANGUAGE"


def surname_of_one_person(record: dict, surnames: dict[str, set[str]]) -> str | None:
    """surname_tagged_as_thing: a one-word organisation, work or place that is the surname
    of the one person the tagger named in full with it is that person: "Sanders" (the
    tagger's WORK_OF_ART, after "Bernie Sanders"), "Abedin" (ORG, after "Huma Abedin").
    Not an outlet ("Bloomberg", "Reuters"), a word that makes a name an organisation's,
    nor a surname two people share. ``surnames``: :func:`full_names_by_surname`."""
    name = record["name"]
    if record["label"] not in MISTAKEN_LABELS - {"NORP"} or not name[:1].isupper():
        return None
    if " " in name:
        return _compound_surname_of_one_person(name, surnames)
    if name.lower() in entries("name_words") or name.isupper():
        return None
    fuller = surnames.get(name, set())
    return next(iter(fuller)) if len(fuller) == 1 else None


def _compound_surname_of_one_person(name: str, surnames: dict[str, set[str]]) -> str | None:
    """compound_surname_as_place: a name of two words or more the tagger gave another label
    that follows the first name of the one person named in full with it is that person's
    surname: "St. Louis" (GPE) after "Martin St. Louis", "Santa Cruz" after "Ana Santa
    Cruz"; not when the person's name has more than a first name before it."""
    last = name.split()[-1]
    fuller = {
        full
        for full in surnames.get(last, set())
        if full.endswith(" " + name) and len(full.split()) == len(name.split()) + 1
    }
    return next(iter(fuller)) if len(fuller) == 1 else None


def people_the_tagger_missed(text: str, entities: list[dict]) -> tuple[list[dict], dict[str, str]]:
    """(entity records mended, aliases: entity id → the entity of the same person that
    stands for it). The people ``person_named_as_thing`` finds are relabelled PERSON under
    their full name, the things ``thing_named_as_person``, ``outlet_named_as_person``,
    ``organisation_named_as_person``, ``place_named_as_person``,
    ``organisation_tagged_too``, ``tail_of_a_thing``, ``place_in_dateline``,
    ``place_named_whole``, ``place_demonym``, ``place_by_its_region``,
    ``place_after_in``, ``saint_place`` and ``language_named_as_person`` find get their
    label. A bare
    surname and a full name one person alone in the article has are that person ("Tuttle"
    PERSON, "Tuttle" ORG → National Review’s Ian Tuttle)."""
    records, relabelled = [], set()
    named = {r["id"]: person_named_as_thing(text, r) for r in entities}
    # the people found so are named in full too: "Gurpreet Dhaliwal" (ORG) … "Dhaliwal"
    people = [
        {**r, "label": PERSON, "name": named[r["id"]]} if named[r["id"]] else r for r in entities
    ]
    surnames = full_names_by_surname(people)
    place = dateline_place(text)
    for record in entities:
        full = named[record["id"]] or surname_of_one_person(record, surnames)
        thing = (
            (None if described_as_alive(text, record) else thing_named_as_person(record))
            or outlet_named_as_person(record)
            or organisation_named_as_person(text, record)
            or place_named_as_person(text, record, entities)
            or organisation_tagged_too(text, record, entities, surnames)
            or tail_of_a_thing(record, entities, surnames)
            or place_in_dateline(record, place)
            or place_named_whole(record)
            or place_demonym(record)
            or place_by_its_region(text, record)
            or place_after_in(text, record)
            or saint_place(record)
            or language_named_as_person(record, surnames)
        )
        if full:
            relabelled.add(record["id"])
            mentions = [_past_title(text, m, full) for m in record["mentions"]]
            record = {**record, "label": PERSON, "name": full, "mentions": mentions}
        elif thing:
            record = {**record, "label": thing}
        records.append(record)
    names = {
        r["id"]: (person_name(r["name"]) or r["name"]).lower()
        for r in records
        if r["label"] == PERSON
    }
    first_with: dict[str, str] = {}  # full name → the first entity of that name, a PERSON's
    for entity, name in sorted(names.items(), key=lambda item: item[0] in relabelled):
        first_with.setdefault(name, entity)
    surnames: dict[str, set[str]] = {}
    for name in first_with:
        if " " in name:
            surnames.setdefault(name.split()[-1], set()).add(name)
    aliases: dict[str, str] = {}
    for entity, name in names.items():
        fuller = {name} if " " in name else surnames.get(name, set())
        if len(fuller) != 1:
            continue
        owner = first_with[next(iter(fuller))]
        # the linker joins the rest; a PERSON it kept apart stays apart ("President Obama"
        # is not Michelle Obama)
        if owner != entity and (entity in relabelled or owner in relabelled):
            aliases[entity] = owner
    return records, aliases


def mend_people(text: str, entities: list[dict]) -> tuple[list[dict], dict[str, str]]:
    """(the entity records mended and numbered again "e1", "e2", … in their order, and
    old id → new id): ``people_the_tagger_missed`` applied, and each alias's mentions
    moved to the person it names ("Fiorina" ORG joins Carly Fiorina)."""
    records, aliases = people_the_tagger_missed(text, entities)
    for alias, owner in list(aliases.items()):
        while owner in aliases and aliases[owner] != alias:
            owner = aliases[owner]
        aliases[alias] = owner
    by_id = {r["id"]: {**r, "mentions": list(r["mentions"])} for r in records}
    for alias, owner in aliases.items():
        by_id[owner]["mentions"].extend(by_id[alias]["mentions"])
    kept = [by_id[r["id"]] for r in records if r["id"] not in aliases]
    renamed = {r["id"]: f"e{number}" for number, r in enumerate(kept, start=1)}
    renamed.update({alias: renamed[owner] for alias, owner in aliases.items()})
    for record in kept:
        record["mentions"] = sorted(record["mentions"])
        record["id"] = renamed[record["id"]]
    return kept, renamed
