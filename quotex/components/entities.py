"""Entity mentions clustered into entities: "Putin" = "Prime Minister Vladimir Putin".

``cluster_mentions`` is pure over (text, label, start, end, pos) tuples so it can be
tested without a model. The component cleans spaCy's entity mentions first:

* a leading "the" and a trailing possessive are cut ("the United States'" → "United States");
* a PERSON mention is extended over capitalised name words the model left out
  ("Fogh Rasmussen" → "Anders Fogh Rasmussen") and cut after titles it took in;
* junk is dropped: a one-word PERSON/ORG/place whose word the tagger reads as a common
  noun, verb or adjective (the footer word "Exit" tagged GPE).

Two people of one surname are kept apart: a full name does not join a cluster that holds
another first name ("Bill Clinton" is not "Hillary Clinton"), and a mention whose title,
noun or first name shows one gender does not join a cluster shown to be the other ("Mr.
Obama" is not "first lady Michelle Obama").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from quotex.components.guard import guarded
from quotex.components.people import mend_people, person_nouns
from quotex.components.text import LowercaseWords, doc_text, tokens_with
from quotex.credits import credit_regions, in_credit
from quotex.first_names import is_first_name
from quotex.gender import (
    first_name_gender,
    noun_gender,
    noun_gender_before,
    strongest,
    title_gender,
)
from quotex.lexicon import entries
from quotex.names import (
    NAME_PARTICLES,
    is_generation_suffix,
    matching_words,
    person_name,
    title_words,
)

COMPONENT = "quotex_entities"
SPAN_KEY = "quotex_entities"
EXT_ENTITIES = "quotex_entities"

KEPT_LABELS = frozenset(
    {
        "PERSON",
        "NORP",
        "FAC",
        "ORG",
        "GPE",
        "LOC",
        "PRODUCT",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
    }
)
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
# Labels whose mentions may share one entity ("Kremlin" comes as ORG and as FAC).
LABEL_GROUPS = {"GPE": "place", "LOC": "place", "FAC": "place", "ORG": "org", "PERSON": "person"}
SURNAME_MISTAKES = frozenset({"ORG", "GPE", "NORP", "FAC", "PRODUCT"})
COMMON_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV", "AUX", "ADP", "PRON", "DET"})
LEADING_DETERMINERS = frozenset({"the", "The"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})


@dataclass(frozen=True)
class MentionIn:
    """A cleaned entity mention, as the clusterer sees it."""

    text: str
    label: str
    start: int
    end: int
    gender: str | None = None  # PERSON: what a title, noun or first name here shows
    kin: bool = False  # in apposition to a family word: "her father, Harold Feist"


@dataclass
class EntityCluster:
    """Mentions of one entity; ``name`` and ``label`` chosen from them."""

    mentions: list[MentionIn] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._labels = Counter(m.label for m in self.mentions)
        self.forms = {m.text for m in self.mentions}  # distinct spellings, for matching
        self.genders = {m.gender for m in self.mentions if m.gender}
        self.label = self._choose_label()

    def add(self, mention: MentionIn) -> None:
        self.mentions.append(mention)
        self._labels[mention.label] += 1
        self.forms.add(mention.text)
        if mention.gender:
            self.genders.add(mention.gender)
        self.label = self._choose_label()

    def _choose_label(self) -> str:
        """PERSON when a mention is a person's (a full name tagged otherwise joins a person
        only through ``full_name_tagged_otherwise``); else the first mention's label, which
        is usually the full name's; else the majority. Kept in ``label`` (read often)."""
        if "PERSON" in self._labels or not self._labels:
            return "PERSON" if self._labels else ""
        return self._labels.most_common(1)[0][0]

    @property
    def name(self) -> str:
        texts = [m.text for m in self.mentions]
        if self.label == "PERSON":
            texts = [person_name(t) or t for t in texts]
            texts = [t for t in texts if not headline_descriptor(t, texts)] or texts
        return max(texts, key=lambda t: (len(t.split()), len(t), -texts.index(t)))

    @property
    def group(self) -> str:
        return LABEL_GROUPS.get(self.label, self.label)


def headline_descriptor(name: str, names: list[str]) -> bool:
    """A person's name with a role word before another full name of theirs, as headlines
    write them: "Widow Dorothy Woods" beside "Dorothy Woods" (a gendered noun or a title
    word), not "Anders Fogh Rasmussen" beside "Fogh Rasmussen"."""
    words = name.split()
    for other in names:
        rest = other.split()
        if 1 < len(rest) < len(words) and words[-len(rest) :] == rest:
            extra = [w.lower().rstrip(".") for w in words[: len(words) - len(rest)]]
            return any(w in title_words() or noun_gender([w]).value for w in extra)
    return False


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return tuple(w.strip(".,").lower() for w in text.split() if w.strip(".,"))


@lru_cache(maxsize=4096)
def _person_words(text: str) -> tuple[str, ...]:
    return tuple(matching_words(list(_words(person_name(text) or text))))


def acronym(text: str) -> str:
    """Initials of the capitalised words: "United States" → "US", "European Union" → "EU"."""
    return "".join(w[0] for w in text.split() if w[:1].isupper())


def _is_acronym_of(short: str, long: str) -> bool:
    letters = short.replace(".", "")
    return (
        len(letters) >= 2
        and letters.isupper()
        and len(long.split()) >= 2
        and acronym(long).upper() == letters
    )


def _person_matches(mention: MentionIn, cluster: EntityCluster) -> bool:
    """Same surname as a form of the cluster, and no first name or gender against it."""
    mine = _person_words(mention.text)
    if not mine:
        return False
    namesakes = [t for t in map(_person_words, cluster.forms) if t and t[-1] == mine[-1]]
    return (
        bool(namesakes)
        and not other_first_name(mine, namesakes)
        and not other_gender(mention, cluster)
    )


def other_first_name(mine: tuple[str, ...], namesakes: list[tuple[str, ...]]) -> bool:
    """True when the mention's first name differs from a first name the cluster has for
    the same surname: "Bill Clinton" after "Hillary Clinton" and "Clinton". A name that
    ends with the other one whole is the same person with a word before it, as headlines
    write them (headline_descriptor: "Benghazi Widow Dorothy Woods" and "Dorothy Woods")."""
    return len(mine) > 1 and any(
        len(t) > 1 and t[0] != mine[0] and not _ends_with_either(t, mine) for t in namesakes
    )


def _ends_with_either(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    short, long = sorted((a, b), key=len)
    return len(short) > 1 and long[-len(short) :] == short


def other_gender(mention: MentionIn, cluster: EntityCluster) -> bool:
    """True when the mention shows one gender and the cluster only the other:
    "first lady Michelle Obama" after "President Obama" and "Mr. Obama"."""
    return bool(mention.gender and cluster.genders and mention.gender not in cluster.genders)


def full_name_tagged_otherwise(mention: MentionIn, cluster: EntityCluster) -> bool:
    """ "Carly Fiorina" tagged ORG in one sentence and PERSON in another: a full name of two
    words or more, the same words as a person's form, is that person whatever its tag."""
    people = {mention.label, cluster.label}
    if "PERSON" not in people or not people - {"PERSON"} <= SURNAME_MISTAKES:
        return False
    mine = _person_words(mention.text)
    return len(mine) > 1 and any(_person_words(form) == mine for form in cluster.forms)


@lru_cache(maxsize=4096)
def match_keys(text: str, as_form: bool = False) -> frozenset[tuple[str, ...]]:
    """What a mention and a form of a cluster must share for ``_same_entity`` to hold,
    tagged by kind: the surname (last person word), all the words, or an acronym and the
    capitals of a short form ("US" and "United States"). ``cluster_mentions`` indexes the
    clusters by their forms' keys (``as_form``), which a mention's meet from the other
    side, and tests only the clusters that share one: every match shares one.

    >>> sorted(match_keys("US") & match_keys("United States", as_form=True))
    [('long', 'US')]
    """
    keys: set[tuple[str, ...]] = {("words", *_words(text))}
    person = _person_words(text)
    if person:
        keys.add(("last", person[-1]))
        if as_form and len(person) > 1:
            keys.add(("first", person[0]))
    capitals = text.replace(".", "")
    if len(text.split()) >= 2:
        keys.add(("long" if as_form else "short", acronym(text).upper()))
    keys.add(("short" if as_form else "long", capitals))
    return frozenset(keys)


def _same_entity(mention: MentionIn, cluster: EntityCluster) -> bool:
    if full_name_tagged_otherwise(mention, cluster):
        return True
    if cluster.label == "PERSON" and mention.label in SURNAME_MISTAKES:
        # the model often tags a bare surname as ORG or GPE once the full name is known
        return len(mention.text.split()) == 1 and _person_matches(mention, cluster)
    if LABEL_GROUPS.get(mention.label, mention.label) != cluster.group:
        return False
    if mention.label == "PERSON" and cluster.label == "PERSON":
        return _person_matches(mention, cluster)
    key = _words(mention.text)
    for form in cluster.forms:
        if key == _words(form):
            return True
        if _is_acronym_of(mention.text, form) or _is_acronym_of(form, mention.text):
            return True
    return False


def cluster_mentions(mentions: list[MentionIn]) -> list[EntityCluster]:
    """Group mentions into entities, in order of first mention; the latest match wins,
    unless an earlier one already has the mention's very form (``same_form_first``).
    Only the clusters sharing a key with the mention (``match_keys``) are tested."""
    clusters: list[EntityCluster] = []
    by_key: dict[tuple[str, ...], set[int]] = {}
    for mention in mentions:
        near = {i for key in match_keys(mention.text) for i in by_key.get(key, ())}
        numbers = [i for i in sorted(near, reverse=True) if _same_entity(mention, clusters[i])]
        if not numbers:
            numbers = first_word_of_one(mention, clusters, by_key) or lone_name_before(
                mention, clusters, by_key
            )
        if numbers:
            chosen = same_form_first(mention, [clusters[i] for i in numbers])
            number = next(i for i in numbers if clusters[i] is chosen)
            chosen.add(mention)
        else:
            number = len(clusters)
            clusters.append(EntityCluster([mention]))
        for key in match_keys(mention.text, as_form=True):
            by_key.setdefault(key, set()).add(number)
    return clusters


def first_word_of_one(
    mention: MentionIn, clusters: list[EntityCluster], by_key: dict[tuple[str, ...], set[int]]
) -> list[int]:
    """given_or_family_name: a lone name that is no one's surname but the first word of one
    person's fuller name is that person, whether the article writes the family name first
    ("Xi Jinping" … "Mr. Xi said", "Nguyen Thi Lan" … "Mrs. Nguyen") or calls someone by
    the given name ("Ivanka Trump" … "Ivanka said"). Not when two people's names begin
    with it ("George Bush", "George Pataki"), nor against the gender the mention shows."""
    words = _person_words(mention.text)
    if mention.label != "PERSON" or len(words) != 1:
        return []
    found = [
        i
        for i in by_key.get(("first", words[0]), ())
        if clusters[i].label == "PERSON" and not other_gender(mention, clusters[i])
    ]
    return found if len(found) == 1 else []


def lone_name_before(
    mention: MentionIn, clusters: list[EntityCluster], by_key: dict[tuple[str, ...], set[int]]
) -> list[int]:
    """given_name_before: a full name joins the one person so far named only by its first
    word, when that word is a given name of the first-name list, as a headline writes it
    before the article gives the full name ("Bolton and Gorka slam neocons for Hillary" …
    "Hillary Clinton"). Not for a word off the list ("Obama" … "Obama Speech", a headline
    fragment), nor when the word is no lone name (a cluster with a longer form), nor
    against the gender the mention shows; the reverse of :func:`first_word_of_one`."""
    words = _person_words(mention.text)
    if mention.label != "PERSON" or len(words) < 2 or not is_first_name(words[0]):
        return []
    found = [
        i
        for i in by_key.get(("last", words[0]), ())
        if clusters[i].label == "PERSON"
        and all(len(_person_words(form)) == 1 for form in clusters[i].forms)
        and not other_gender(mention, clusters[i])
    ]
    return found if len(found) == 1 else []


def same_form_first(mention: MentionIn, matches: list[EntityCluster]) -> EntityCluster:
    """Of the clusters a mention matches (latest first), the latest one in which the article
    already used the mention's form: after "Hillary Clinton ... Clinton said ... former
    President Bill Clinton", a bare "Clinton" is still Hillary's. Else the latest not
    introduced as someone's relative (relative_keeps_no_surname: "Leslie Feist … her
    father, the painter Harold Feist, died … Feist says" is Leslie: copy calls a relative
    who shares the surname by the first name)."""
    same = next((c for c in matches if mention.text in c.forms), None)
    if same is not None:
        return same
    if len(matches) > 1 and len(_person_words(mention.text)) == 1:
        return next((c for c in matches if not c.mentions[0].kin), matches[0])
    return matches[0]


# A family word and what may stand between it and the name: "her father, the painter ",
# "whose husband, Navy SEAL ", "Trump's daughter ", "his wife, ".
_KIN_BEFORE = re.compile(r"\b([a-z-]+)(?:,?\s+|,\s+(?:[\w.'’-]+\s+){1,3})$")
KIN_REACH = 40  # characters before a name looked at for the family word


def kin_before(text: str, start: int) -> bool:
    """Whether a family word stands in apposition right before the name at ``start``:
    "her father, the painter Harold Feist", "whose husband, Navy SEAL Ty Woods", "their son
    Ahmad"
    (``lexicon/kin.txt``); "the father of three" after a name is not looked at."""
    m = _KIN_BEFORE.search(text[max(0, start - KIN_REACH) : start])
    return m is not None and m.group(1) in entries("kin")


def _is_name_token(token: Token) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and token.text.lower().rstrip(".") not in title_words()
        and not token.ent_type_
    )


def headline_verb(word: str) -> bool:
    """A capitalised reporting verb in the third person, as title-case headlines write them
    between names: "Slams", "Warns", "Says", "Denounces", "Endorses"."""
    lower = word.lower()
    if not word[:1].isupper() or not lower.endswith("s"):
        return False
    verbs = entries("reporting_verbs", "speech", "writing") | entries("cue_roles", "object")
    return lower[:-1] in verbs or (lower.endswith("es") and lower[:-2] in verbs)


# The plain forms headlines use after two subjects; not all reporting verbs, since many
# are names too ("Marine Le Pen", "Emily Post", "Hope Hicks").
PLURAL_HEADLINE_VERBS = frozenset(
    {"Slam", "Blast", "Rip", "Bash", "Say", "Warn", "Urge", "Praise", "Endorse", "Condemn"}
    | {"Denounce", "Decry", "Mock", "Vow", "Reject", "Deny", "Defend", "Demand", "Accuse"}
)


def plural_headline_verb(word: str) -> bool:
    """plural_headline_verb: a capitalised reporting verb in its plain form, as a headline
    writes it after two names ("Bolton and Gorka Slam Clinton": "Gorka")."""
    return word in PLURAL_HEADLINE_VERBS


def _after_capital(doc: Doc, i: int) -> bool:
    return i > 0 and doc[i - 1].text[:1].isupper()


def _cut_at_headline_verb(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """headline_verb_in_name: "Hillary Clinton Slams Donald Trump" tagged as one person is
    "Hillary Clinton"; "Denounces Clinton" is "Clinton"; "George Lopez On Why Blacks" is
    "George Lopez"; after a capitalised subject, "Senators Slam Hillary" is "Hillary"."""
    for i in range(start, end):
        if headline_verb(doc[i].text):
            return (start, i) if i > start else (i + 1, end)
        if i > start and plural_headline_verb(doc[i].text):  # "Bolton and Gorka Slam …"
            return start, i
        if i == start < end - 1 and plural_headline_verb(doc[i].text) and _after_capital(doc, i):
            return i + 1, end  # "Senators Slam Hillary Over Emails"
        if i > start and doc[i].text in HEADLINE_LINKS:  # "George Lopez On Why Blacks …"
            return start, i
    return start, end


# Words a title-case headline capitalises that no name holds: "Trump Meets With Expert".
HEADLINE_LINKS = frozenset(
    {"On", "Why", "With", "Amid", "After", "Over", "About", "Against", "To", "For", "At"}
)


# A stance a word takes, not a name: "pro-Clinton", "anti-LGBT".
STANCE_PREFIXES = ("pro-", "anti-")


# Forms of "be", which no name holds: a title-case headline's question or clause read as a
# person ("As Its Rivals Pair Up, Will Twitter Be Next?").
BE_FORMS = frozenset({"be", "is", "are", "was", "were", "been", "being"})


def not_a_name(text: str) -> bool:
    """lowercase_person: words the tagger called a person that no name is written as, all
    lowercase ("lone wolf", "telenovela") or a stance ("pro-Clinton"). verb_be_in_name: a
    form of "be" after the first word ("Will Twitter Be Next"). code_name: a word of
    letters and digits together ("COVID-19", "H5N1"), as a disease, a virus or a model is
    written and no person ("50 Cent" has a word of digits alone). family_call: a word a
    family calls its own by ("“Dad always said …”", "Grandma"; ``lexicon/kin.txt``).
    title_alone: a title in capitals and nothing else ("the MLA for Morden-Winkler")."""
    if not any(ch.isupper() for ch in text) or text.lower().startswith(STANCE_PREFIXES):
        return True
    words = text.split()
    if len(words) == 1 and words[0].lower() in entries("kin", "calls"):
        return True
    if len(words) == 1 and words[0].isupper() and words[0].lower() in title_words():
        return True  # title_alone: "said Penner, the MLA for Morden-Winkler" tags "MLA"
    if any(_letters_and_digits(word) for word in words):
        return True
    return any(word.lower() in BE_FORMS for word in words[1:])


def _letters_and_digits(word: str) -> bool:
    return any(ch.isdigit() for ch in word) and any(ch.isalpha() for ch in word)


# What joins the parties of a court case: "Roe v. Wade". Not "vs.", which news writes
# between rivals: "Clinton vs. Trump".
CASE_JOINS = frozenset({"v.", "v"})


def is_case_party(doc: Doc, start: int, end: int) -> bool:
    """case_party: a name beside "v." is a court case's, not a person the text speaks of:
    "Roe v. Wade", "Walmart Stores v. Dukes", "Ashcroft v. Iqbal"; "Clinton vs. Trump" is
    two people."""
    return (start > 0 and doc[start - 1].text in CASE_JOINS) or (
        end < len(doc) and doc[end].text in CASE_JOINS
    )


def is_hashtag(doc: Doc, start: int) -> bool:
    """hashtag: a word after "#" is a topic, not a person the text names, whatever the
    tagger says: "#SanBernardino", "#GOPDebate", "#ImWithHer"."""
    return start > 0 and doc[start - 1].text == "#"


def _through_name_particles(doc: Doc, end: int) -> int:
    """name_particles: a person's mention that the tagger ended on a particle ends with
    the name after it: "Ursula von der" before "Leyen" is "Ursula von der Leyen"."""
    if doc[end - 1].text not in NAME_PARTICLES:
        return end
    last = end
    while last < len(doc) and doc[last].text in NAME_PARTICLES:  # "Ursula von" + "der"
        last += 1
    if last < len(doc) and doc[last].pos_ == "PROPN" and doc[last].text[:1].isupper():
        return last + 1
    return end


# Words that make a compound adjective of a name: "Trump-led", "Koch-backed".
HYPHEN_SUFFIXES = frozenset(
    {"led", "backed", "funded", "owned", "run", "style", "like", "era", "based", "linked"}
    | {"allied", "aligned", "inspired", "endorsed", "appointed", "free", "friendly"}
)


def _before_lowercase_tail(doc: Doc, start: int, end: int) -> int:
    """lowercase_tail: a person's mention the tagger ran on into lowercase words ends
    before them: "Juan Manriquez of", "Robert Barr - won"; a name's compound adjective
    ends before its hyphen: "The Donald Trump-led field" ("-led", "-backed": only those
    suffixes, as "Ban Ki-moon" and "Kim Jong-un" end with a hyphenated lowercase part).
    A name's own particles stay: "Ursula von der" (before "Leyen"). score_tail: a game's
    score after a team the tagger took for a person goes ("Montreal Canadiens 4-3")."""
    while end - start > 1:
        last = doc[end - 1]
        if end - start > 3 and _score(doc[end - 3 : end]):
            end -= 3  # score_tail: "the Montreal Canadiens 4-3", a game's score
            continue
        attached = (
            end - 3 >= start
            and doc[end - 2].text == "-"
            and not doc[end - 3].whitespace_
            and not doc[end - 2].whitespace_
        )
        if attached:
            if last.lower_ not in HYPHEN_SUFFIXES:
                break
            end -= 2
        elif (last.is_lower and last.is_alpha and doc[end - 2].whitespace_) or last.text == "-":
            if last.text in NAME_PARTICLES:
                break
            end -= 1
        else:
            break
    return end


def _joined(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen written between two words without spaces."""
    return (
        0 < i < len(doc) - 1
        and doc[i].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i - 1].is_alpha
        and doc[i + 1].is_alpha
    )


def _through_hyphens(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """hyphenated_name_parts: a person's mention the tagger began or ended inside a
    hyphenated name takes the whole of it: "Marie-Claude Béland" (tagged "Claude Béland"),
    "Kofi Asante-Mensah", "Carolyn Fung-Ashworth" … "Fung-Ashworth said" (tagged
    "Ashworth"), "Dr. Ji-woo Kwan" (tagged "Ji"). The word across the hyphen must be
    capitalised before it ("Marie-"); after a full name, a capitalised word ("Robin
    Sandhu-Grewal", tagged "Robin Sandhu"); after a one-word mention, a syllable ("Ji-woo") or
    a capitalised word a name goes on after ("Jean-Claude Van Damme"); never "Trump-led",
    "Oscar-winning", "Clinton-Trump race"."""
    while start > 1 and _joined(doc, start - 1) and doc[start - 2].is_title:
        start -= 2
    if end - start > 1 and end < len(doc) - 1 and _joined(doc, end) and doc[end + 1].is_title:
        end += 2  # a full name whose hyphenated surname the tagger ended early
    elif end - start == 1 and end < len(doc) - 1 and _joined(doc, end):
        after = doc[end + 1]
        syllable = after.is_lower and 2 <= len(after) <= 4 and after.lower_ not in NOT_SYLLABLES
        named = (
            after.is_title
            and end + 2 < len(doc)
            and doc[end + 2].is_title
            and doc[end + 2].lower_ not in entries("name_words")  # "Dodd-Frank Act"
        )
        if syllable or named:  # "Ji-woo Kwan", "Jean-Claude Van Damme"; not "Trump-led"
            end += 2
    return start, end


# Words after a hyphen that make a name an adjective, not a longer given name.
NOT_SYLLABLES = frozenset({"led", "run", "free", "like", "era", "ish", "type", "wing", "made"})


def _score(tokens: Span) -> bool:
    """ "4 - 3": a number, a dash, a number, as the tokenizer splits a score."""
    first, dash, second = tokens
    return first.is_digit and dash.text in ("-", "–") and second.is_digit and not first.whitespace_


def _one_side_of_slash(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """photo_credit: a person's mention the tagger ran across a slash is the side that
    opens with a first name, else the side before it: "Evan Mitsui/CBC" → "Evan Mitsui",
    "AP Photo/Evan Vucci" → "Evan Vucci"."""
    slashes = [i for i in range(start, end) if doc[i].text == "/"]
    if not slashes:
        return start, end
    cut = slashes[0]
    after = (cut + 1, end)
    if cut + 1 < end and is_first_name(doc[cut + 1].text) and not is_first_name(doc[start].text):
        return after
    return (start, cut) if cut > start else after


def clean_mention(ent: Span) -> Span | None:
    """The mention with determiners, possessives and titles trimmed; None for junk."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while start < end and (doc[start].text in LEADING_DETERMINERS or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVES or doc[end - 1].is_punct):
        end -= 1
    if ent.label_ == "PERSON":
        start, end = _one_side_of_slash(doc, start, end)
        end = _before_lowercase_tail(doc, start, end)
        start, end = _cut_at_headline_verb(doc, start, end)
        while (
            start > 0 and _is_name_token(doc[start - 1]) and not headline_verb(doc[start - 1].text)
        ):
            start -= 1
        while end - start > 1 and doc[start].text.lower().rstrip(".") in title_words():
            start += 1
        if end - start > 2 and doc[start].text == "Follow":
            start += 1  # follow_footer: "Follow Pam Key on Twitter" names Pam Key
        end = _through_name_particles(doc, end)
    start, end = _through_hyphens(doc, start, end)
    if start >= end or not any(ch.isalpha() for ch in doc[start:end].text):
        return None
    if ent.label_ == "PERSON" and (
        not_a_name(doc[start:end].text) or is_hashtag(doc, start) or is_case_party(doc, start, end)
    ):
        return None
    if end - start == 1 and ent.label_ in NAME_LABELS and doc[start].pos_ in COMMON_POS:
        if not doc[start].text.isupper():
            return None
    return Span(doc, start, end, label=ent.label_)


def mention_gender(text: str, span: Span) -> str | None:
    """The gender a PERSON mention shows by itself: its title ("Mr. Obama"), a noun before
    it ("first lady Michelle Obama"), else its first name ("Hillary Clinton")."""
    if span.label_ != "PERSON":
        return None
    found = [title_gender(text, span.start_char), noun_gender_before(text, span.start_char)]
    if len(span) > 1:
        found.append(first_name_gender(span.text))
    return strongest(found).value


# The subject of a speech or writing verb: where a name the tagger missed is a speaker's.
SPEAKER_DEPS = frozenset({"nsubj", "nsubjpass"})
NAME_RUN_MAX = 4  # words in a full name read without the tagger ("Luis Miguel Rodriguez Diaz")


def _untagged_name_word(token: Token) -> bool:
    return (
        token.pos_ == "PROPN"
        and not token.ent_type_
        and token.text[:1].isupper()
        and token.text.lower().rstrip(".") not in title_words()
    )


def untagged_speakers(doc: Doc) -> list[Span]:
    """untagged_speaker: a full name the tagger left untagged, as the subject of a speech or
    writing verb, is a person: "“We lost control,” said Mikel Arteta" (``en_core_web_sm``
    tags no entity there). Its words are capitalised proper nouns and not titles, and its
    first word is in the first-name list; the same surname alone elsewhere, untagged, is
    that person too ("Arteta admits …"); and :func:`appositive_given_name`. A name off the
    list will do when an apposition says it is a person's (:func:`_apposed_person`). PERSON
    spans, in text order."""
    verbs = entries("reporting_verbs", "speech", "writing")
    names: list[Span] = []
    for token in tokens_with(doc, "DEP", SPEAKER_DEPS):
        if token.head.lemma_.lower() not in verbs or not _untagged_name_word(token):
            continue
        start = token.i
        while (
            start > token.sent.start
            and doc[start - 1].dep_ == "compound"
            and doc[start - 1].head.i <= token.i
            and _untagged_name_word(doc[start - 1])
        ):
            start -= 1
        start, _ = _through_hyphens(doc, start, token.i + 1)  # "Jean-François Roberge"
        if 2 <= token.i + 1 - start <= NAME_RUN_MAX + 2 and (
            is_first_name(doc[start].text) or _apposed_person(token)
        ):
            names.append(Span(doc, start, token.i + 1, label="PERSON"))
    appositions = tokens_with(doc, "DEP", APPOSITION)
    names += [span for span in map(appositive_given_name, appositions) if span is not None]
    if not names:
        return []
    taken = {t.i for span in names for t in span}
    surnames = {span[-1].text for span in names}
    alone = [
        Span(doc, t.i, t.i + 1, label="PERSON")
        for t in doc
        if t.text in surnames and t.i not in taken and _untagged_name_word(t)
    ]
    return sorted(names + alone, key=lambda span: span.start)


def full_names_left_untagged(doc: Doc, spans: list[Span]) -> list[Span]:
    """untagged_full_name: a first name of the list and a surname the tagger calls a person
    elsewhere, both left untagged, are that person's full name: "EDMONTON — Connor McDavid
    scored 2:14 into overtime" (untagged after the dateline) where "McDavid" is tagged
    later. PERSON spans of two words, in text order."""
    surnames = {s[-1].text for s in spans if s.label_ == "PERSON" and s[-1].text[:1].isupper()}
    if not surnames:
        return []
    taken = {i for s in spans for i in range(s.start, s.end)}
    found = []
    for token in tokens_with(doc, "ORTH", frozenset(surnames)):
        if token.i == 0 or token.i in taken or token.i - 1 in taken or token.ent_type_:
            continue
        first = doc[token.i - 1]
        if _untagged_name_word(first) and is_first_name(first.text) and first.is_title:
            found.append(Span(doc, first.i, token.i + 1, label="PERSON"))
    return found


def names_conjoined_to_a_person(doc: Doc) -> list[Span]:
    """conjoined_name: an untagged full name joined by "and" (or a comma) to a name the
    tagger calls a person is a person too: "Nazem Kadri and Jonathan Huberdeau scored for
    the Flames" (only Huberdeau tagged). Two to ``NAME_RUN_MAX`` capitalised proper nouns,
    no title among them; "Ottawa and Justin Trudeau" names no one more (one word), nor "a
    Hail Mary (or perhaps a Hail Carly)" (a first name last, after a word that is none)."""
    found = []
    for conj in tokens_with(doc, "DEP", CONJ):
        for name, other in ((conj, conj.head), (conj.head, conj)):
            if other.ent_type_ != "PERSON" or not _untagged_name_word(name):
                continue
            start = name.i
            while (
                start > name.sent.start
                and doc[start - 1].dep_ == "compound"
                and doc[start - 1].head.i == name.i
                and _untagged_name_word(doc[start - 1])
            ):
                start -= 1
            words = doc[start : name.i + 1]
            backwards = is_first_name(name.text) and not is_first_name(words[0].text)
            # a team, not a person: "the Montreal Alouettes and the Saskatchewan Roughriders"
            after_the = start > 0 and doc[start - 1].lower_ == "the"
            backwards = backwards or (after_the and name.text.endswith("s"))
            if 2 <= len(words) <= NAME_RUN_MAX and all(t.is_title for t in words) and not backwards:
                found.append(Span(doc, start, name.i + 1, label="PERSON"))
    return found


CONJ = frozenset({"conj"})
APPOSITION = frozenset({"appos"})


def _apposed_person(name: Token) -> bool:
    """apposed_person: the name has an apposition that says it is a person's, whatever its
    first name: "Harjeet Sandhu, a nurse at the hospital, said …" ("nurse" a person's noun,
    :func:`quotex.components.people.person_nouns`; "Harjeet" off the first-name list)."""
    nouns = person_nouns()
    return any(
        c.dep_ == "appos" and (c.lemma_.lower() in nouns or c.lower_ in nouns)
        for c in name.children
    )


def appositive_given_name(token: Token) -> Span | None:
    """appositive_given_name: the name in apposition to a common noun that speaks, which
    the tagger left untagged, opening with a first name of the list: "His wife, Eleanore,
    said he died peacefully" → "Eleanore" (one word will do: the noun says it is a
    person's). "The firm, Acme, said" names no one ("Acme" is no first name)."""
    if token.dep_ != "appos" or not _untagged_name_word(token):
        return None
    noun = token.head
    if noun.pos_ != "NOUN" or noun.dep_ not in SPEAKER_DEPS:
        return None
    if noun.head.lemma_.lower() not in entries("reporting_verbs", "speech", "writing"):
        return None
    start = token.i
    while start > noun.i + 1 and _compounded_name_word(token, start - 1):
        start -= 1
    if token.i + 1 - start > NAME_RUN_MAX or not is_first_name(token.doc[start].text):
        return None
    return Span(token.doc, start, token.i + 1, label="PERSON")


def _compounded_name_word(head: Token, i: int) -> bool:
    """Whether token ``i`` is an untagged name word compounded to ``head``."""
    word = head.doc[i]
    return word.dep_ == "compound" and word.head == head and _untagged_name_word(word)


def family_plural(span: Span, surnames: set[str]) -> bool:
    """family_plural: "the Clintons" or "the Khans' home" is a family, not a person: a lone
    plural proper noun after "the" whose singular is the surname of a person the article
    names in full ("Hillary Clinton", "Khizr Khan"). "Sanders" stays a person: no one is
    named "Sander"."""
    if span.label_ != "PERSON" or len(span) != 1 or span.start == 0:
        return False
    word = span[0].text
    if span.doc[span.start - 1].lower_ != "the" or not word.endswith("s"):
        return False
    return word[:-1] in surnames or (word.endswith("es") and word[:-2] in surnames)


def team_plural(span: Span, surnames: set[str]) -> bool:
    """team_plural: "The Bruins have lost three straight", "the Montreal Canadiens": a
    name ending in a plural after "the" or before a team's role word ("Alouettes head
    coach"), or opening with a province's or a state's name ("Saskatchewan Roughriders"),
    is a team or a group, not a person. A lone word
    must be no one's surname in the article ("the Sanders campaign" stays Bernie Sanders
    where he is named in full; "the Clintons" is :func:`family_plural`'s); a longer name
    must open with no first name (not "the Bill Evans", as in "the Bill Evans estate")."""
    if span.label_ != "PERSON":
        return False
    word = span[-1].text
    if not word.endswith("s") or word.endswith("ss"):
        return False
    doc = span.doc
    after_the = span.start > 0 and doc[span.start - 1].lower_ == "the"
    if len(span) > 1 and span[:-1].text.lower() in entries("places"):
        return True  # "the Saskatchewan Roughriders", "Edmonton Oilers" with or without it
    if not after_the and not _before_team_role(span):
        return False
    if len(span) > 1:
        return not is_first_name(span[0].text) and span[0].is_alpha and span[0].is_title
    return word not in surnames and not family_plural(span, surnames)


# Words for who works for a team, after its name: "Alouettes head coach", "Oilers captain".
TEAM_ROLES = frozenset(
    {"head", "coach", "captain", "goalie", "goaltender", "forward", "defenceman", "defenseman",
     "quarterback", "general", "gm", "owner", "president", "fans", "fan", "rookie", "winger"}
)  # fmt: skip


def _before_team_role(span: Span) -> bool:
    """team_role_after: a plural name right before a team's role word ("Alouettes head coach
    Marc-André Doucet", "Oilers captain Connor McDavid")."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in TEAM_ROLES


def _is_headline_word(
    token: Token, lowercase: LowercaseWords, once: set[str], last: bool = False
) -> bool:
    """A title word opens a name ("Health Secretary Tom Price"), so it is cut only last
    ("Clinton Hid Past Health")."""
    word = token.text
    if word in NAME_PARTICLES or is_generation_suffix(word):  # "de Blasio", "Trump Jr."
        return False
    if token.is_punct or word.islower():
        return True
    lower = word.lower()
    if is_first_name(word) or (lower in title_words() and not last):
        return False
    return lower in lowercase or lower in once


# A headline is short, and a title-case one capitalises most of its words; a text whose
# first line is its first paragraph ("NATO and Russia failed to …") has none.
HEADLINE_WORDS = 30
TITLE_CASE_SHARE = 0.6


def _title_case(line: Span) -> bool:
    words = [t.text for t in line if t.is_alpha]
    capitals = sum(w[:1].isupper() for w in words)
    return 0 < len(words) <= HEADLINE_WORDS and capitals >= TITLE_CASE_SHARE * len(words)


def headline_once_words(doc: Doc) -> set[str]:
    """headline_only_word: the words of the text's first line (its headline) that the text
    writes nowhere else, lowercased. A name in a headline is named again below it; a verb
    such as "Hid" in "Clinton Hid Past Health Problems" is not. Empty when the text is one
    line, or its first line no title-case headline (a first paragraph: "… Russian
    counterpart Sergei Lavrov." names Lavrov in full once).

    >>> import spacy
    >>> sorted(headline_once_words(spacy.blank("en")("Clinton Hid Pain\n\nClinton had pain.")))
    ['hid']
    """
    first_line = next((t.i for t in doc if "\n" in t.text), None)
    if first_line is None or not _title_case(doc[:first_line]):
        return set()
    counts = doc.count_by(LOWER)
    return {t.lower_ for t in doc[:first_line] if counts[t.lower] == 1 and t.is_alpha}


def _names_another(core: tuple[str, ...], span: Span, people: set[tuple[str, ...]]) -> bool:
    """``core`` is a person's name, or their surname, written apart from ``span``'s words."""
    mine = tuple(t.text for t in span)
    return any(name != mine and (name == core or name[-1:] == core) for name in people if name)


def without_headline_words(doc: Doc, spans: list[Span]) -> list[Span]:
    """headline_words_in_name: words a title-case headline capitalises around a name are no
    part of it: "Trump Said The 11 Words", "President Obama Speech at …" and "Endorsed
    Trump" are Trump's and Obama's mentions. A word is cut
    from either end of a person's mention when the article writes it in lowercase
    elsewhere ("said", "speech") and it is no first name ("Will Hurd", "Hope Hicks") nor
    title; only when what is left is another person's mention, or their surname ("Tom
    Price" stays whole where "price" is a common word: no one else is named "Tom")."""
    people = {tuple(t.text for t in s) for s in spans if s.label_ == "PERSON"}
    if not any(len(name) > 1 for name in people):
        return spans
    lowercase = LowercaseWords(doc)
    once = headline_once_words(doc)
    out = []
    for span in spans:
        start, end = span.start, span.end
        if span.label_ == "PERSON" and len(span) > 1:
            while start < end and _is_headline_word(doc[start], lowercase, once):
                start += 1
            while end > start and _is_headline_word(doc[end - 1], lowercase, once, last=True):
                end -= 1
            core = tuple(t.text for t in doc[start:end])
            if (start, end) != (span.start, span.end) and _names_another(core, span, people):
                span = Span(doc, start, end, label=span.label_)
        out.append(span)
    return out


def _surname_tagged_alone(token: Token) -> bool:
    """A proper noun the tagger made an entity of its own under a label it gives surnames
    by mistake ("Dr. Ji-woo Kwan": "Ji" PERSON, "Kwan" ORG)."""
    return token.pos_ == "PROPN" and token.ent_type_ in SURNAME_MISTAKES and _tagged_alone(token)


def _given_names_alone(span: Span) -> bool:
    """A titled or hyphenated given name the tagger tagged apart from its surname ("Dr.
    Ji-woo" … "Kwan"), not a name of its own ("Bear" of "Bear Stearns")."""
    doc = span.doc
    return "-" in span.text or (span.start > 0 and _is_title_word(doc[span.start - 1]))


def with_surnames_left_out(spans: list[Span]) -> list[Span]:
    """surname_left_out: a person's mention the tagger ended before a capitalised word it
    left untagged reaches over that word when the article names someone by it alone
    elsewhere: "Conservative finance critic Jasraj Singh Hallan said …" (tagged "Jasraj
    Singh") … "Mr. Hallan said …" (tagged "Hallan") → "Jasraj Singh Hallan". "Trump Tower"
    stays "Trump": no one is named "Tower"."""
    lone = {s.text for s in spans if s.label_ == "PERSON" and len(s) == 1}
    out = []
    for span in spans:
        doc, end = span.doc, span.end
        if (
            span.label_ == "PERSON"
            and end < len(doc)
            and doc[end].text in lone
            and (
                _is_name_token(doc[end])
                or (_surname_tagged_alone(doc[end]) and _given_names_alone(span))
            )
            and span[-1].whitespace_
        ):
            span = Span(doc, span.start, end + 1, label=span.label_)
        out.append(span)
    return out


def _is_title_word(token: Token) -> bool:
    return token.text[:1].isupper() and token.lower_.rstrip(".") in title_words()


def with_given_names_left_out(doc: Doc, spans: list[Span]) -> list[Span]:
    """given_name_left_out: a person's one-word mention the tagger began after an untagged
    first name of the list reaches back over it: "Doreen Sinclair said …" (only "Sinclair"
    tagged, and as an organisation) is Doreen, not Noah Sinclair, whom the bare surname
    would join. After a title any capitalised word is a given name ("West Island Liberal MNA
    Anand Raghavan said", only "Raghavan" tagged, as an organisation). Not over a word
    the text also writes in lowercase ("Will Trump win?", "Grant Sinclair funds": "will",
    "grant")."""
    lowercase = None
    surnames = {s[-1].text for s in spans if s.label_ == "PERSON" and len(s) > 1}
    out = []
    for span in spans:
        before = doc[span.start - 1] if span.start > 0 else None
        titled = before is not None and before.i > 0 and _is_title_word(doc[before.i - 1])
        surname = span.label_ == "PERSON" or (
            span.label_ in SURNAME_MISTAKES and (span.text in surnames or titled)
        )
        if (
            surname
            and len(span) == 1
            and before is not None
            and before.whitespace_
            and _untagged_name_word(before)
            and before.is_title
            and (is_first_name(before.text) or titled)
        ):
            lowercase = lowercase or LowercaseWords(doc)
            if before.lower_ not in lowercase and (not out or out[-1].end <= before.i):
                span = Span(doc, before.i, span.end, label="PERSON")
        out.append(span)
    return out


def _tagged_alone(token: Token) -> bool:
    """The token is an entity of one word ("Fehr" ORG), not a word of a longer one ("Nova
    Scotia")."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.ent_iob_ == "B" and (after is None or after.ent_iob_ != "I")


# How a word qualifies the noun after it: "Trump campaign manager", "Trump supporters".
QUALIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def surnames_left_untagged(doc: Doc, spans: list[Span]) -> list[Span]:
    """untagged_surname: the surname of one person named in full, written alone where the
    tagger left it untagged, is that person: "For Gord Hemsworth, the order is a painful
    repeat. Hemsworth lost his home …", "Fehr said she has written …" (tagged ORG, and
    read as a common noun, so no mention was kept; not "Trump campaign manager Corey
    Lewandowski", where the tagged word qualifies a noun). A hyphenated surname is read
    whole ("Carolyn Fung-Ashworth" … "Fung-Ashworth said"). Not a surname two
    people share, nor a word the text also writes in lowercase ("Rose", "Bush" of a
    "bush")."""
    owners: dict[str, set[str]] = {}
    for span in spans:
        last = span.text.split()[-1] if span.label_ == "PERSON" else ""
        if " " in span.text and last[:1].isupper():  # "Fung-Ashworth" whole
            owners.setdefault(last, set()).add(span.text)
    single = {word for word, names in owners.items() if len(names) == 1}
    if not single:
        return []
    taken = {i for span in spans for i in range(span.start, span.end)}
    candidates = [
        t
        for t in tokens_with(doc, "ORTH", frozenset(w.split("-")[-1] for w in single))
        if t.i not in taken  # most are mentions already
    ]
    if not candidates:
        return []
    lowercase = LowercaseWords(doc)
    found = []
    for t in candidates:
        start, end = _through_hyphens(doc, t.i, t.i + 1)
        words = doc[start:end]
        if (
            words.text in single
            and not any(i in taken for i in range(start, end))
            and (t.pos_ == "PROPN" if not t.ent_type_ else t.ent_type_ in SURNAME_MISTAKES)
            and (not t.ent_type_ or _tagged_alone(t))
            and not (t.dep_ in QUALIFIER_DEPS and t.head.i > t.i)  # "the Nova Scotia model"
            and t.lower_ not in lowercase
            and not (end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN")
        ):
            found.append(Span(doc, start, end, label="PERSON"))
    return found


def find_entities(doc: Doc) -> list[tuple[EntityCluster, list[Span]]]:
    """Cleaned, clustered entity mentions of ``doc``, each cluster with its spans."""
    spans = [s for s in (clean_mention(e) for e in doc.ents if e.label_ in KEPT_LABELS) if s]
    spans = sorted(spans + untagged_speakers(doc), key=lambda span: span.start)
    spans = sorted(spans + full_names_left_untagged(doc, spans), key=lambda span: span.start)
    spans = sorted(spans + names_conjoined_to_a_person(doc), key=lambda span: span.start)
    spans = with_given_names_left_out(doc, spans)
    spans = sorted(spans + surnames_left_untagged(doc, spans), key=lambda span: span.start)
    spans = with_surnames_left_out(spans)  # after the lone surnames: "Kwan said" names one
    surnames = {s[-1].text for s in spans if s.label_ == "PERSON" and len(s) > 1}
    spans = [s for s in spans if not family_plural(s, surnames) and not team_plural(s, surnames)]
    spans = without_headline_words(doc, spans)
    credits = credit_regions(doc_text(doc))  # the page's credits name no one in the story
    spans = [s for s in spans if not in_credit(credits, s.start_char)]
    # a mention cleaning grew over the next one ("Ursula von der" over "Leyen") holds it
    spans = [s for i, s in enumerate(spans) if i == 0 or s.start >= spans[i - 1].end]
    by_start = {s.start_char: s for s in spans}
    text = doc_text(doc)
    mentions = [
        MentionIn(
            s.text,
            s.label_,
            s.start_char,
            s.end_char,
            mention_gender(text, s),
            s.label_ == "PERSON" and kin_before(text, s.start_char),
        )
        for s in spans
    ]
    return [(c, [by_start[m.start] for m in c.mentions]) for c in cluster_mentions(mentions)]


class EntityLinker:
    """Stores clustered entities: spans with ``kb_id_`` = entity id, and plain records."""

    def __init__(self, name: str = COMPONENT) -> None:
        self.name = name
        if not Doc.has_extension(EXT_ENTITIES):
            Doc.set_extension(EXT_ENTITIES, default=None)

    @guarded(EXT_ENTITIES, SPAN_KEY)
    def __call__(self, doc: Doc) -> Doc:
        records: list[dict] = []
        group: list[Span] = []
        for number, (cluster, spans) in enumerate(find_entities(doc), start=1):
            entity_id = f"e{number}"
            records.append(
                {
                    "id": entity_id,
                    "name": cluster.name,
                    "label": cluster.label,
                    "mentions": [[s.start_char, s.end_char] for s in spans],
                }
            )
            group.extend(Span(doc, s.start, s.end, label=s.label_, kb_id=entity_id) for s in spans)
        records, renamed = mend_people(doc_text(doc), records)
        group = [Span(doc, s.start, s.end, label=s.label_, kb_id=renamed[s.kb_id_]) for s in group]
        doc._.set(EXT_ENTITIES, records)
        doc.spans[SPAN_KEY] = group
        return doc


@Language.factory(
    COMPONENT,
    assigns=[f"doc._.{EXT_ENTITIES}", "doc.spans"],
    # token.tag stands for token.pos, which the attribute_ruler maps from the tags without
    # declaring it (spaCy could not see it assigned); token.ent_type marks names in a
    # mention's neighbourhood.
    requires=["doc.ents", "token.ent_type", "token.tag"],
    default_config={},
)
def make_entity_linker(nlp: Language, name: str) -> EntityLinker:
    """Factory for the entity clusterer; place it after ``ner``."""
    return EntityLinker(name)
