"""What the resolver knows of an article: its people and organisations, where each is
mentioned (paragraph, sentence, inside quote marks or not, as a subject or not), who has
spoken so far, and what the article shows of each person's gender.

Built once per document from the annotations of the earlier components (entity clusters,
quote marks, the parse); updated as quotes are resolved in text order.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache

from spacy.tokens import Doc

from quotex.components.attribution.syntax import doc_text
from quotex.gender import (
    Gender,
    first_name_gender,
    first_names_by_rank,
    noun_gender,
    noun_gender_before,
    strongest,
    title_gender,
)
from quotex.lexicon import entries
from quotex.names import person_name

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
APPOSITION_DEPS = frozenset({"appos"})
# Clauses that qualify something else: their subject is not what the sentence is about
# ("the plan of Governor Mark Ellis, which Ellis unveiled in March").
SUBORDINATE_DEPS = frozenset({"relcl", "acl", "advcl"})
PERSON = "PERSON"
# Entity types a bare surname may carry and still name a person the article named in
# full: spaCy tags "Sanders" PERSON but tags it a NOUN, which the entity linker drops.
SURNAME_ENT_TYPES = frozenset({"", PERSON})
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
_NAME_WORD = r"(?:[A-Z][\w.’'-]*|[“\"][A-Z][\w.]*[”\"])"  # "Jordan", "H.W.", "“Tig”"
_NAME_RUN = re.compile(rf"(?<!\S){_NAME_WORD}(?:[ \t]+{_NAME_WORD})+")


@dataclass(frozen=True)
class Mention:
    """One mention of an entity, with where it stands in the article."""

    start: int
    end: int
    entity: str
    paragraph: int
    sentence: int
    in_quote: bool  # inside quote marks: someone spoken about, not someone speaking
    subject: bool  # the subject of its clause
    names_subject: bool = False  # qualifies the subject: "The Teamsters union voted"
    clause: str = ""  # a subject's verb's dependency label ("ROOT", "relcl", "ccomp"), else ""

    @property
    def main_subject(self) -> bool:
        """The subject of a clause that is no relative or adverbial one."""
        return self.subject and self.clause not in SUBORDINATE_DEPS


@dataclass(frozen=True)
class Turn:
    """A quote already resolved: who spoke, where."""

    start: int
    entity: str | None
    speaker: str | None
    paragraph: int


@dataclass
class Discourse:
    """The article's entities and mentions, and the quotes resolved so far."""

    text: str
    names: dict[str, str]
    labels: dict[str, str]
    mentions: list[Mention]
    paragraph_starts: list[int]
    sentence_starts: list[int]
    gender_evidence: dict[str, list[Gender]] = field(default_factory=dict)
    turns: list[Turn] = field(default_factory=list)
    marked: list[tuple[int, int]] = field(default_factory=list)  # inside quote marks
    aliases: dict[str, str] = field(default_factory=dict)  # entity id → the person it names

    def canonical(self, entity: str) -> str:
        """The entity ``entity`` is another name of ("Fiorina" ORG → Carly Fiorina)."""
        return self.aliases.get(entity, entity)

    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect_right(self.paragraph_starts, offset) - 1)

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect_right(self.sentence_starts, offset) - 1)

    def gender(self, entity: str) -> Gender:
        """The gender the article shows for ``entity`` (strongest evidence first)."""
        return strongest(self.gender_evidence.get(entity, []))

    def add_pronoun_evidence(self, entity: str, gender: str) -> None:
        """ "she said", resolved to ``entity``: the article calls that person she."""
        self.gender_evidence.setdefault(entity, []).append(Gender(gender, "pronoun"))

    def mentions_before(self, offset: int) -> list[Mention]:
        return [m for m in self.mentions if m.end <= offset]


def _in_regions(start: int, end: int, regions: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in regions)


def _paragraph_starts(text: str) -> list[int]:
    from quotex.components.paragraphs import paragraph_spans

    return [s for s, _ in paragraph_spans(text)] or [0]


def build_discourse(
    doc: Doc,
    entities: list[dict],
    regions: list[tuple[int, int]],
) -> Discourse:
    """The discourse model of a parsed ``doc`` from its entity records and marked regions.

    ``entities`` are the records of ``quotex_entities`` (id, name, label, mentions);
    ``regions`` the (start, end) character ranges inside quote marks.
    """
    text = doc_text(doc)  # cached: spaCy joins the tokens again on every doc.text
    entities, aliases = people_the_tagger_missed(text, entities)
    token_starts = doc.to_array("IDX").tolist()  # faster than building every Token
    sentence_starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
    paragraph_starts = _paragraph_starts(text)
    names = {e["id"]: e["name"] for e in entities}
    labels = {e["id"]: e["label"] for e in entities}
    mentions: list[Mention] = []
    evidence: dict[str, list[Gender]] = {}
    spans = [(record, start, end) for record in entities for start, end in record["mentions"]]
    for record, start, end in spans + surname_mentions(doc, entities):
        first = max(0, bisect_right(token_starts, start) - 1)
        last = max(first, bisect_right(token_starts, end - 1) - 1)
        span = doc[first : last + 1]
        mentions.append(
            Mention(
                start=start,
                end=end,
                entity=aliases.get(record["id"], record["id"]),
                paragraph=max(0, bisect_right(paragraph_starts, start) - 1),
                sentence=max(0, bisect_right(sentence_starts, start) - 1),
                in_quote=_in_regions(start, end, regions),
                subject=span.root.dep_ in SUBJECT_DEPS,
                names_subject=span.root.dep_ == "compound" and span.root.head.dep_ in SUBJECT_DEPS,
                clause=span.root.head.dep_ if span.root.dep_ in SUBJECT_DEPS else "",
            )
        )
        if record["label"] == PERSON:
            owner = aliases.get(record["id"], record["id"])
            evidence.setdefault(owner, []).extend(_mention_gender(doc, span))
    for record in entities:
        if record["label"] == PERSON:
            evidence.setdefault(record["id"], []).append(first_name_gender(record["name"]))
    mentions.sort(key=lambda m: m.start)
    return Discourse(
        text,
        names,
        labels,
        mentions,
        paragraph_starts,
        sentence_starts,
        evidence,
        marked=regions,
        aliases=aliases,
    )


@cache
def common_first_names() -> frozenset[str]:
    """Lowercase first names of the shipped US list at least ``COMMON_FIRST_NAME_RANK``
    common ("carly", "deborah"; not "washington")."""
    return first_names_by_rank(COMMON_FIRST_NAME_RANK)


def _is_common_first_name(word: str) -> bool:
    return word.lower() in common_first_names()


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
                found.setdefault(words[j], " ".join(words[i : j + 1]))
    return found


def person_named_as_thing(text: str, record: dict) -> str | None:
    """The full name of a person the tagger called an organisation or a place, else None:
    "Carly Fiorina" (ORG) → itself; "National Review’s Ian Tuttle" (ORG) → "Ian Tuttle";
    "Reynolds" (ORG), named "Deborah Jordan Reynolds" elsewhere → that. The name starts
    with a common first name and ends in no organisation or place word ("Clinton
    Foundation", "Virginia Beach", "Washington Post" are no people)."""
    if record["label"] not in MISTAKEN_LABELS:
        return None
    tail = _POSSESSOR.sub("", record["name"])
    words = tail.split()
    last = words[-1] if words else ""
    if (
        not 1 <= len(words) <= 1 + MIDDLE_NAMES
        or person_name(tail) != tail
        or last.isupper()
        or last.lower() in entries("name_words")
    ):
        return None
    if len(words) == 1:
        return full_name_before(text, last)
    return tail if _is_common_first_name(words[0]) else None


# What a PERSON named like an organisation or a place is taken for.
THING_LABELS = {"organisation": "ORG", "place": "FAC"}


def thing_named_as_person(record: dict) -> str | None:
    """The label of an organisation or place the tagger called a person, else None: a
    PERSON whose name ends in an organisation or place word and starts with no common
    first name ("Hermenegildo Galeana Street" → FAC, "Obama White House" → ORG; "Michael
    Bay" stays a person)."""
    words = record["name"].split()
    if record["label"] != PERSON or len(words) < 2 or _is_common_first_name(words[0]):
        return None
    for section, label in THING_LABELS.items():
        if words[-1].lower() in entries("name_words", section):
            return label
    return None


def people_the_tagger_missed(text: str, entities: list[dict]) -> tuple[list[dict], dict[str, str]]:
    """(entity records mended, aliases: entity id → the entity of the same person that
    stands for it). The people ``person_named_as_thing`` finds are relabelled PERSON under
    their full name, the things ``thing_named_as_person`` finds get their label. A bare
    surname and a full name one person alone in the article has are that person ("Tuttle"
    PERSON, "Tuttle" ORG → National Review’s Ian Tuttle)."""
    records, relabelled = [], set()
    for record in entities:
        full = person_named_as_thing(text, record)
        thing = thing_named_as_person(record)
        if full:
            relabelled.add(record["id"])
            record = {**record, "label": PERSON, "name": full}
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


def surname_mentions(doc: Doc, entities: list[dict]) -> list[tuple[dict, int, int]]:
    """Bare surnames of people the article named, where the entity linker kept no mention:
    "Bernie Sanders … Sanders wasn't impressed." (spaCy tags that "Sanders" a NOUN). A
    surname two people share names neither; a token inside any mention is left alone."""
    owners: dict[str, list[dict]] = {}
    for record in entities:
        if record["label"] == PERSON and " " in record["name"]:
            owners.setdefault(record["name"].split()[-1], []).append(record)
    single = {name: people[0] for name, people in owners.items() if len(people) == 1}
    if not single:
        return []
    covered = {
        i for record in entities for start, end in record["mentions"] for i in range(start, end)
    }
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, single)) + r")\b")
    found = []
    for hit in pattern.finditer(doc_text(doc)):
        token = doc.char_span(hit.start(), hit.end())
        if (
            token is not None
            and len(token) == 1
            and hit.start() not in covered
            and token[0].ent_type_ in SURNAME_ENT_TYPES
        ):
            found.append((single[hit.group()], hit.start(), hit.end()))
    return found


def _mention_gender(doc: Doc, span) -> list[Gender]:
    """Titles and nouns at one mention: "Mrs. Clinton", "Rep. Nancy Pelosi, a mother of five"."""
    text = doc_text(doc)
    found = [title_gender(text, span.start_char), noun_gender_before(text, span.start_char)]
    for child in span.root.children:
        # "Maxine Waters, the congresswoman"
        if child.dep_ in APPOSITION_DEPS and not relative_possessor(child):
            words = [t.lower_ for t in child.subtree if t.pos_ in ("NOUN", "PROPN")][:3]
            found.append(noun_gender(words))
    return [g for g in found if g.value]


def relative_possessor(noun) -> bool:
    """An apposition that names someone else, the mention's relation: "Dorothy Woods,
    whose husband, Navy SEAL Ty Woods, was killed" (the husband is not Dorothy Woods)."""
    return any(c.dep_ == "poss" and c.lower_ == "whose" for c in noun.children)
