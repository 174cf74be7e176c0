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

from spacy.tokens import Doc

from quotex.components.attribution.syntax import doc_text
from quotex.components.entities import kin_before
from quotex.gender import (
    Gender,
    first_name_gender,
    noun_gender,
    noun_gender_before,
    strongest,
    surname_of_another,
    title_gender,
    titled_lone_name,
)

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
APPOSITION_DEPS = frozenset({"appos"})
# Clauses that qualify something else: their subject is not what the sentence is about
# ("the plan of Governor Mark Ellis, which Ellis unveiled in March").
SUBORDINATE_DEPS = frozenset({"relcl", "acl", "advcl"})
PERSON = "PERSON"
# Entity types a bare surname may carry and still name a person the article named in
# full: spaCy tags "Sanders" PERSON but tags it a NOUN, which the entity linker drops.
SURNAME_ENT_TYPES = frozenset({"", PERSON})


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
    alone: bool = False  # the whole of its paragraph: a signature ("Ernie Helton.")

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
    aside: bool = False  # reported in a relative clause ("Trump, who has called it a hoax")
    cue: int | None = None  # where its cue starts, if it has one
    unnamed: str | None = None  # the gender a person described, never named, shows ("" none)
    end: int | None = None  # where its words end


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

    @property
    def spoken_turns(self) -> list[Turn]:
        """The turns of the people the article lets speak, not those it only describes in
        a relative clause (``Turn.aside``): "Asked whether Donald Trump, who has called
        global warming a hoax, could win, Ban demurred. “…,” he said" is Ban's turn."""
        return [t for t in self.turns if not t.aside]

    def mentions_before(self, offset: int) -> list[Mention]:
        return [m for m in self.mentions if m.end <= offset]


def _in_regions(start: int, end: int, regions: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in regions)


def lone_paragraphs(text: str, paragraphs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """signature_line: the ``paragraphs`` of ``text`` that are a few capitalised words alone,
    with or without a full stop ("Ernie Helton.", a reader's signature under a letter), as
    the span of their words. A name there signs what is above it; the next paragraph's "he"
    is not that person ("Ernie Helton. // Everyone can see this guy is a fraud. He
    knows …" is Trump's "he").

    >>> text = "It is a scam.\n\nErnie Helton.\n\nHe knows it."
    >>> sorted(lone_paragraphs(text, _paragraph_spans(text)))
    [(15, 27)]
    """
    lone = set()
    for start, end in paragraphs:
        words = text[start:end].strip().rstrip(".")
        names = words.split()
        if names and len(names) <= SIGNATURE_WORDS and all(w[:1].isupper() for w in names):
            first = start + text[start:end].index(words)
            lone.add((first, first + len(words)))
    return lone


# The words of a signature line: "Noemi Acevedo Garcia", "Charles Edward Brown".
SIGNATURE_WORDS = 4


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    from quotex.components.paragraphs import paragraph_spans

    return paragraph_spans(text)


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
    token_starts = doc.to_array("IDX").tolist()  # faster than building every Token
    sentence_starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
    paragraphs = _paragraph_spans(text)
    paragraph_starts = [start for start, _ in paragraphs] or [0]
    lone_lines = lone_paragraphs(text, paragraphs)
    names = {e["id"]: e["name"] for e in entities}
    labels = {e["id"]: e["label"] for e in entities}
    mentions: list[Mention] = []
    evidence: dict[str, list[Gender]] = {}
    spans = [(record, start, end) for record in entities for start, end in record["mentions"]]
    for record, start, end in spans + surname_mentions(doc, entities):
        first = max(0, bisect_right(token_starts, start) - 1)
        last = max(first, bisect_right(token_starts, end - 1) - 1)
        span = doc[first : last + 1]
        subject = subject_token(span.root)
        mentions.append(
            Mention(
                start=start,
                end=end,
                entity=record["id"],
                paragraph=max(0, bisect_right(paragraph_starts, start) - 1),
                sentence=max(0, bisect_right(sentence_starts, start) - 1),
                in_quote=_in_regions(start, end, regions),
                subject=subject is not None,
                names_subject=span.root.dep_ == "compound" and span.root.head.dep_ in SUBJECT_DEPS,
                clause=subject.head.dep_ if subject is not None else "",
                alone=(start, end) in lone_lines,
            )
        )
        if record["label"] == PERSON:
            evidence.setdefault(record["id"], []).extend(_mention_gender(doc, span))
    people = [record["name"] for record in entities if record["label"] == PERSON]
    for record in entities:
        if (
            record["label"] == PERSON
            and not titled_lone_name(text, record["name"], record["mentions"])
            and not surname_of_another(record["name"], people)
        ):
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
    )


def surname_mentions(doc: Doc, entities: list[dict]) -> list[tuple[dict, int, int]]:
    """Bare surnames of people the article named, where the entity linker kept no mention:
    "Bernie Sanders … Sanders wasn't impressed." (spaCy tags that "Sanders" a NOUN). A
    surname two people share names neither, unless all but one were introduced as someone's
    relative ("Dorothy Woods, whose husband, Navy SEAL Ty Woods, …": "Woods" is Dorothy:
    ``relative_keeps_no_surname``); a token inside any mention is left alone."""
    text = doc_text(doc)
    owners: dict[str, list[dict]] = {}
    for record in entities:
        if record["label"] == PERSON and " " in record["name"]:
            owners.setdefault(record["name"].split()[-1], []).append(record)
    single = {}
    for name, people in owners.items():
        if len(people) > 1:
            people = [p for p in people if not _introduced_as_kin(text, p)]
        if len(people) == 1:
            single[name] = people[0]
    if not single:
        return []
    covered = {
        i for record in entities for start, end in record["mentions"] for i in range(start, end)
    }
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, single)) + r")\b")
    found = []
    for hit in pattern.finditer(text):
        token = doc.char_span(hit.start(), hit.end())
        if (
            token is not None
            and len(token) == 1
            and hit.start() not in covered
            and token[0].ent_type_ in SURNAME_ENT_TYPES
        ):
            found.append((single[hit.group()], hit.start(), hit.end()))
    return found


def _introduced_as_kin(text: str, record: dict) -> bool:
    return bool(record["mentions"]) and kin_before(text, min(record["mentions"])[0])


def _mention_gender(doc: Doc, span) -> list[Gender]:
    """Titles and nouns at one mention: "Mrs. Clinton", "Rep. Nancy Pelosi, a mother of five"."""
    text = doc_text(doc)
    found = [title_gender(text, span.start_char), noun_gender_before(text, span.start_char)]
    for child in span.root.children:
        # "Maxine Waters, the congresswoman"
        if (
            child.dep_ in APPOSITION_DEPS
            and not relative_possessor(child)
            and not listed_with_people(child)
        ):
            words = [t.lower_ for t in child.subtree if t.pos_ in ("NOUN", "PROPN")][:3]
            found.append(noun_gender(words))
    return [g for g in found if g.value]


def subject_token(root):
    """The subject a mention's root stands for: itself when it is one, or the common noun
    it is in apposition to when that noun is ("Canadiens coach Martin St. Louis was less
    pleased": the parser makes "coach" the subject, the name its apposition;
    appositive_subject), else None."""
    if root.dep_ in SUBJECT_DEPS:
        return root
    head = root.head
    if root.dep_ == "appos" and head.dep_ in SUBJECT_DEPS and head.pos_ == "NOUN":
        return head
    return None


def listed_with_people(noun) -> bool:
    """An apposition joined by "and" to a person's name is an item of a list of people, not
    the mention's description: "recommended Jennifer Ping, Indianapolis businessman and
    state Senate candidate Jefferson Shreve, and Sen. Pat Miller" (the parser hangs
    "businessman" on Ping; it is Shreve's)."""
    return any(c.dep_ == "conj" and c.ent_type_ == PERSON for c in noun.children)


def relative_possessor(noun) -> bool:
    """An apposition that names someone else, the mention's relation: "Dorothy Woods,
    whose husband, Navy SEAL Ty Woods, was killed" (the husband is not Dorothy Woods);
    through a chain of possessors, "Jamie Lund, whose son's assault case …" (the son is
    not Jamie Lund)."""
    for c in noun.children:
        if c.dep_ == "poss" and (c.lower_ == "whose" or relative_possessor(c)):
            return True
    return False
