"""Speakers: a mention for each quote, its canonical name and entity, pronouns resolved.

``resolve_speakers`` walks the quotes in text order. A mention that names someone gets
its entity (``EntityIndex``); a relative pronoun ("who") is named by its antecedent; a
personal pronoun by the latest compatible speaker within ``SPEAKER_LOOKBACK_PARAGRAPHS``
paragraphs, else the latest compatible name; a quote without cue or speaker continues
the turn of the quote before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from quotex.components.attribution.quote import DIRECT, Attribution
from quotex.components.attribution.syntax import (
    APPOS,
    NOMINAL_POS,
    NOMINAL_SUBJECT_DEPS,
    NOUN,
    PLURAL_NOUN_TAGS,
    PROPN,
    QUALIFIER_DEPS,
    RELCL,
    SINGULAR_NOUN_TAGS,
    doc_text,
    function_words,
    mention_span,
    share_head,
)
from quotex.components.entities import EXT_ENTITIES
from quotex.components.paragraphs import paragraph_spans
from quotex.lexicon import entries
from quotex.names import canonical_name, is_pronoun, names_agree, person_name, pronoun_class

SPEAKER_LOOKBACK_PARAGRAPHS = 4  # a pronoun refers back at most this many paragraphs
PERSONAL = frozenset({"male", "female"})
PLURAL = "plural"
NEUTER = "neuter"
PERSON = "PERSON"
GROUP_LABELS = frozenset({"ORG", "NORP"})  # "they" can be an organisation or a people
THING_LABELS = frozenset({"ORG", "LAW", "WORK_OF_ART"})  # "it said" can be these
NATIONALITY = "NORP"
# Characters before a name in which a title tells the person's gender ("Mrs. " is five).
TITLE_REACH = 6
_MALE_TITLE = re.compile(r"\bmr\.?\s$")
_FEMALE_TITLE = re.compile(r"\bm(rs|s)\.?\s$")
_PARAGRAPH_BREAK = re.compile(r"\n\s*")

Resolved = tuple[str | None, str | None]  # (speaker name, entity id)


@cache
def group_nouns() -> frozenset[str]:
    """Nouns for groups of people a "they" can refer to (lexicon/groups.txt)."""
    return entries("groups")


@dataclass
class EntityIndex:
    """Which entity a character offset belongs to, and each entity's name and label."""

    by_char: dict[int, str]
    names: dict[str, str]
    labels: dict[str, str]
    mentions: list[tuple[int, int, str]]

    @classmethod
    def from_records(cls, records: list[dict]) -> EntityIndex:
        """The index of the entity records of ``doc._.quotex_entities``."""
        by_char: dict[int, str] = {}
        names: dict[str, str] = {}
        labels: dict[str, str] = {}
        mentions: list[tuple[int, int, str]] = []
        for record in records:
            names[record["id"]] = record["name"]
            labels[record["id"]] = record["label"]
            for start, end in record["mentions"]:
                mentions.append((start, end, record["id"]))
                for ch in range(start, end):
                    by_char[ch] = record["id"]
        mentions.sort()
        return cls(by_char, names, labels, mentions)

    @classmethod
    def from_doc(cls, doc: Doc) -> EntityIndex:
        """The index of the entities the entity component stored on ``doc``."""
        return cls.from_records(doc._.get(EXT_ENTITIES) or [])

    def person_named(self, text: str) -> str | None:
        """The person entity whose name agrees with a name the model did not tag."""
        name = person_name(text)
        if not name:
            return None
        for eid, label in self.labels.items():
            if label == PERSON and names_agree(name, self.names[eid]):
                return eid
        return None

    def named_as(self, text: str) -> str | None:
        """untagged_entity_name: the entity whose name the mention is, word for word, where
        the tagger left this mention untagged ("TORONTO — Cohere, the Toronto-based …
        company, said": "Cohere" is tagged elsewhere only)."""
        return next((eid for eid, name in self.names.items() if name == text), None)

    def entity_of(self, span: Span) -> str | None:
        """The entity of the mention's head word, else of any word in it (persons first);
        not of a name that only qualifies a common noun ("a Trump supporter", "Russia's
        opposition")."""
        root = share_head(span.root)  # "one of Trump's aides" names an aide
        if root.pos_ == PROPN and not self.by_char.get(root.idx):
            # "Oversight ranking Democrat Elijah Cummings", "The Huffington Post's Scott
            # Conroy": an untagged name heads the mention; what qualifies it is no speaker
            return self.person_named(span.text) or self.named_as(span.text)
        if root.pos_ == NOUN and not self.by_char.get(root.idx):
            # qualifiers_of_the_head: "The Slate technology columnist" names no Slate, even
            # where "Slate" qualifies "technology", not "columnist"
            span = span[: root.i - span.start + 1]
            qualifying = {t.i for c in root.children if c.dep_ in QUALIFIER_DEPS for t in c.subtree}
            span = [t for t in span if t.i not in qualifying]
        found = [self.by_char.get(t.idx) for t in span]
        found = [f for f in found if f]
        if not found:
            return None
        persons = [f for f in found if self.labels.get(f) == PERSON]
        return (persons or found)[-1]

    def label(self, entity: str | None) -> str | None:
        return self.labels.get(entity) if entity else None


def gender_from_title(doc: Doc, entity: str, index: EntityIndex) -> str | None:
    """ "Mr. Kamp" is male, "Ms. Marsh" and "Mrs. Marsh" female: the title before any
    mention of the entity."""
    for start, _end, eid in index.mentions:
        if eid != entity:
            continue
        before = doc_text(doc)[max(0, start - TITLE_REACH) : start].lower()
        if _MALE_TITLE.search(before):
            return "male"
        if _FEMALE_TITLE.search(before):
            return "female"
    return None


def paragraph_window_start(doc: Doc, offset: int) -> int:
    """Start of the paragraph SPEAKER_LOOKBACK_PARAGRAPHS before the one holding ``offset``."""
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(doc_text(doc)[:offset])]
    if len(breaks) < SPEAKER_LOOKBACK_PARAGRAPHS:
        return 0
    return breaks[-SPEAKER_LOOKBACK_PARAGRAPHS]


def earlier_speakers(doc: Doc, mention: Span, done: list[Attribution]) -> Iterator[Attribution]:
    """Quotes before the pronoun, latest first, with a speaker, within the lookback."""
    window_start = paragraph_window_start(doc, mention.start_char)
    for previous in reversed(done):
        if previous.speaker is None or previous.start < window_start:
            continue
        if previous.mention is not None and previous.mention.start_char > mention.start_char:
            continue
        yield previous


def earlier_entities(doc: Doc, mention: Span, index: EntityIndex) -> Iterator[str]:
    """Entities mentioned before the pronoun within the lookback, latest first."""
    window_start = paragraph_window_start(doc, mention.start_char)
    for start, _end, eid in reversed(index.mentions):
        if start < mention.start_char and start >= window_start:
            yield eid


def can_be_they(previous: Attribution, index: EntityIndex) -> bool:
    """A speaker "they" can refer to: not a person; a plural noun, a group or a people."""
    label = index.label(previous.entity)
    if label == PERSON:
        return False
    return (
        previous.mention is None
        or previous.mention.root.tag_ in PLURAL_NOUN_TAGS
        or label in GROUP_LABELS
    )


def latest_group_subject(doc: Doc, mention: Span, index: EntityIndex) -> Resolved:
    """ "Voting rights advocates have expressed concern. They cite …": the latest plural
    subject naming a group of people, in this sentence or the one before."""
    sent = mention.sent
    first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for token in reversed(doc[first : mention.start]):
        if token.dep_ not in NOMINAL_SUBJECT_DEPS or token.tag_ not in PLURAL_NOUN_TAGS:
            continue
        if token.lemma_.lower() in group_nouns() or token.ent_type_ == NATIONALITY:
            span = mention_span(token)
            entity = index.entity_of(span)
            return (index.names[entity] if entity else canonical_name(span.text)), entity
    return None, None


def plural_subject_before_in_sentence(doc: Doc, mention: Span, index: EntityIndex) -> Resolved:
    """ "Senate Democrats blocked the bill because they said …", "He and his partner came
    because they wanted …": a plural or coordinated subject earlier in the same sentence
    (a group noun, a people, or names joined by "and")."""
    token = plural_subject_token(doc, mention)
    if token is None:
        return None, None
    span = mention_span(token)
    entity = index.entity_of(span)
    return (index.names[entity] if entity else canonical_name(span.text)), entity


def plural_subject_token(doc: Doc, mention: Span) -> Token | None:
    """The plural or coordinated subject before ``mention`` in its sentence, if any."""
    for token in reversed(doc[mention.sent.start : mention.start]):
        if token.dep_ not in NOMINAL_SUBJECT_DEPS or token.pos_ not in NOMINAL_POS | {"PRON"}:
            continue
        joined = any(c.dep_ == "conj" for c in token.children)
        group = token.tag_ in PLURAL_NOUN_TAGS and (
            token.lemma_.lower() in group_nouns() or token.ent_type_ == NATIONALITY
        )
        if joined or group:
            return token
    return None


def resolve_they(
    doc: Doc,
    mention: Span,
    done: list[Attribution],
    index: EntityIndex,
    genders: dict[str, str] | None = None,
) -> Resolved:
    """ "They said": a plural subject before it in its sentence, else the latest plural
    speaker, else the latest group named as a subject ("Such efforts, they believe" never
    resolves to the efforts). A "he" or "she" that leads the subject is the one named:
    "Manny Gomez … He and his partner came because they wanted …" is Gomez
    (they_led_by_a_person)."""
    token = plural_subject_token(doc, mention)
    kind = pronoun_class(token.text) if token is not None else None
    if kind in PERSONAL:
        return resolve_he_or_she(doc, doc[token.i : token.i + 1], kind, done, index, genders or {})
    here = plural_subject_before_in_sentence(doc, mention, index)
    if here != (None, None):
        return here
    for previous in earlier_speakers(doc, mention, done):
        if can_be_they(previous, index):
            return previous.speaker, previous.entity
    return latest_group_subject(doc, mention, index)


def resolve_he_or_she(
    doc: Doc,
    mention: Span,
    kind: str,
    done: list[Attribution],
    index: EntityIndex,
    genders: dict[str, str],
) -> Resolved:
    """ "He said", "she said": the latest person speaker of no other gender, else the
    latest person named."""

    def compatible(entity: str) -> bool:
        gender = genders.get(entity) or gender_from_title(doc, entity, index)
        return gender is None or gender == kind

    for previous in earlier_speakers(doc, mention, done):
        if index.label(previous.entity) == PERSON and compatible(previous.entity):
            return previous.speaker, previous.entity
    for eid in earlier_entities(doc, mention, index):
        if index.labels.get(eid) == PERSON and compatible(eid):
            return index.names[eid], eid
    return None, None


def is_thing_speaker(previous: Attribution, index: EntityIndex) -> bool:
    """A speaker "it" can refer to: named by a mention that is no person and no pronoun,
    an untagged one singular ("the report", "the Kremlin")."""
    if previous.mention is None:
        return False
    label = index.label(previous.entity)
    if label == PERSON or is_pronoun(previous.mention.text):
        return False
    return label is not None or previous.mention.root.tag_ in SINGULAR_NOUN_TAGS


def resolve_it(doc: Doc, mention: Span, done: list[Attribution], index: EntityIndex) -> Resolved:
    """ "It said": the latest speaker that is a thing (an organisation, a report), singular,
    else the latest organisation, law or work named."""
    for previous in earlier_speakers(doc, mention, done):
        if is_thing_speaker(previous, index):
            return previous.speaker, previous.entity
    for eid in earlier_entities(doc, mention, index):
        if index.labels.get(eid) in THING_LABELS:
            return index.names[eid], eid
    return None, None


def resolve_pronoun(
    doc: Doc, mention: Span, done: list[Attribution], index: EntityIndex, genders: dict[str, str]
) -> Resolved:
    """(speaker name, entity id) for a pronoun mention, or (None, None) when unknown."""
    kind = pronoun_class(mention.text)
    if kind == NEUTER:
        return resolve_it(doc, mention, done, index)
    if kind == PLURAL:
        return resolve_they(doc, mention, done, index, genders)
    if kind in PERSONAL:
        return resolve_he_or_she(doc, mention, kind, done, index, genders)
    return None, None


def antecedent_of_relative(mention: Span) -> Span | None:
    """For "who" in "Clinton, who said …", the mention of Clinton."""
    root = mention.root
    if len(mention) != 1 or root.lower_ not in function_words("relative_pronouns"):
        return None
    clause = root.head
    if clause.dep_ != RELCL or clause.head.pos_ not in NOMINAL_POS:
        return None
    return mention_span(clause.head)


def appositive_person(attr: Attribution, index: EntityIndex) -> str | None:
    """ "The moderator, Carl Quintanilla, asked": the person the description names."""
    if attr.subject is None:
        return None
    appositives = [c for c in attr.subject.rights if c.dep_ == APPOS]
    for child in appositives or closing_appositives(attr.subject):
        entity = index.entity_of(mention_span(child))
        if entity and index.labels.get(entity) == PERSON:
            return entity
    return None


def closing_appositives(subject: Token) -> list[Token]:
    """appositive_after_modifier: "A spokesman for Mr. Cruz, Rick Tyler, said": the parser
    hangs the name set off by commas on the name in the description's modifier (Cruz), not
    on the description; a name needs no second name, so it names the description. Only a
    name whose commas close the subject, hung on a name: in "A spokesman for the
    candidate, Donald Trump, said" the name is the candidate's."""
    if subject.pos_ != "NOUN":
        return []
    doc, end = subject.doc, subject.right_edge.i
    found = []
    for token in doc[subject.i + 1 : end + 1]:
        if token.dep_ != APPOS or token.pos_ != "PROPN" or token.head.pos_ != "PROPN":
            continue
        before, after = token.left_edge.i - 1, token.right_edge.i + 1
        if doc[before].text == "," and after <= end and doc[after].text == ",":
            if all(t.is_punct for t in doc[after : end + 1]):
                found.append(token)
    return found


def same_turn(doc: Doc, previous: Attribution, attr: Attribution) -> bool:
    """``“A,” he said. “B.”``: the second part shares the first part's speaker and cue."""
    if previous.cue is None or previous.mention is None:
        return False
    between = doc_text(doc)[previous.end : attr.start]
    return "\n" not in between and previous.cue.start_char < attr.start


def name_speaker(
    doc: Doc,
    attr: Attribution,
    done: list[Attribution],
    index: EntityIndex,
    genders: dict[str, str],
) -> None:
    """Fill ``speaker`` and ``entity`` from the quote's mention."""
    text = attr.mention.text
    antecedent = antecedent_of_relative(attr.mention)
    if antecedent is not None:
        attr.entity = index.entity_of(antecedent) or index.person_named(antecedent.text)
        attr.speaker = index.names[attr.entity] if attr.entity else canonical_name(antecedent.text)
    elif is_pronoun(text):
        attr.speaker, attr.entity = resolve_pronoun(doc, attr.mention, done, index, genders)
        kind = pronoun_class(text)
        if attr.entity and kind in PERSONAL:
            genders.setdefault(attr.entity, kind)  # "he" said it: the entity is male
    else:
        attr.entity = (
            index.entity_of(attr.mention)
            or index.person_named(text)
            or appositive_person(attr, index)
        )
        attr.speaker = index.names[attr.entity] if attr.entity else canonical_name(text)


def continue_turn(doc: Doc, previous: Attribution, attr: Attribution) -> None:
    """A quote with no speaker of its own takes the previous quote's speaker; the turn goes
    on, so its speaker was last written at the previous quote's mention."""
    attr.speaker, attr.entity = previous.speaker, previous.entity
    attr.mention = previous.mention
    if same_turn(doc, previous, attr):
        attr.cue = previous.cue


def turn_holder(done: list[Attribution]) -> Attribution:
    """Whose turn a quote without a cue continues: the previous quote's, unless that was an
    aside (indirect or mixed) reported in the same sentence as a direct quote before it
    ("“A,” McCaul said, though Comey hasn't said the FBI is “reopening” it. “B.”": B is
    McCaul's)."""
    previous = done[-1]
    if previous.type == DIRECT or previous.cue is None or len(done) < 2:
        return previous
    before = done[-2]
    if before.type != DIRECT or before.cue is None:
        return previous
    if before.cue.sent == previous.cue.sent and before.end <= previous.start:
        return before
    return previous


def resolve_speakers(
    doc: Doc, attributions: list[Attribution], index: EntityIndex | None = None
) -> None:
    """Fill ``mention``, ``speaker`` and ``entity`` for each attribution, in text order."""
    index = index or EntityIndex.from_doc(doc)
    genders: dict[str, str] = {}  # entity → gender a resolved pronoun showed
    done: list[Attribution] = []
    for attr in sorted(attributions, key=lambda a: a.start):
        if attr.mention is None and attr.subject is not None:
            attr.mention = mention_span(attr.subject)
        if attr.mention is not None:
            name_speaker(doc, attr, done, index, genders)
        elif attr.inherited and done:
            continue_turn(doc, turn_holder(done), attr)
        done.append(attr)


def paragraph_of(starts: list[int], offset: int) -> int:
    """The number of the paragraph (by its start offsets) holding ``offset``."""
    number = 0
    for i, start in enumerate(starts):
        if start <= offset:
            number = i
    return number


def end_turns_at_paragraph_gaps(doc: Doc, attributions: list[Attribution]) -> None:
    """A quote continues the turn before it only from the next paragraph at most: after a
    paragraph without quotes, a quote with no cue has no speaker of its own."""
    paragraphs = [s for s, _ in paragraph_spans(doc_text(doc))]
    last_end_para = -10
    for attr in sorted(attributions, key=lambda a: a.start):
        para = paragraph_of(paragraphs, attr.start)
        if attr.inherited and para - last_end_para > 1:
            attr.inherited = False
        last_end_para = paragraph_of(paragraphs, attr.end)


def end_unclosed_quote_at_speaker(doc: Doc, attr: Attribution, index: EntityIndex) -> None:
    """An unclosed quote ends before the first sentence naming its own speaker."""
    region = attr.regions[0]
    if region.closed or attr.entity is None:
        return
    for start, _end, eid in index.mentions:
        if eid != attr.entity or not attr.start < start < attr.end:
            continue
        token = doc.char_span(start, start + 1, alignment_mode="expand")
        if token is None:
            return
        sent = token[0].sent
        if sent.start_char > attr.start:
            last = doc[sent.start - 1]
            while last.is_space and last.i > 0:
                last = doc[last.i - 1]
            attr.end = last.idx + len(last)
        return
