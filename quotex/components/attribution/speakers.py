"""Speakers: canonical names from entities, pronouns and relative pronouns resolved,
turns that continue without a cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from quotex.components.attribution.cues import (
    NOMINAL_POS,
    Attribution,
    doc_text,
    mention_span,
)
from quotex.components.entities import EXT_ENTITIES
from quotex.lexicon import entries
from quotex.names import canonical_name, is_pronoun, names_agree, person_name, pronoun_class


@cache
def group_nouns() -> frozenset[str]:
    return entries("groups")


RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
SPEAKER_LOOKBACK_PARAGRAPHS = 4
PERSONAL = frozenset({"male", "female"})
QUALIFIER_DEPS = frozenset({"compound", "amod", "poss"})
SINGULAR_NOUN_TAGS = frozenset({"NN", "NNP"})
THING_LABELS = frozenset({"ORG", "LAW", "WORK_OF_ART"})


@dataclass
class EntityIndex:
    """Which entity a character offset belongs to, and each entity's name and label."""

    by_char: dict[int, str]
    names: dict[str, str]
    labels: dict[str, str]
    mentions: list[tuple[int, int, str]]

    @classmethod
    def from_doc(cls, doc: Doc) -> EntityIndex:
        by_char: dict[int, str] = {}
        names: dict[str, str] = {}
        labels: dict[str, str] = {}
        mentions: list[tuple[int, int, str]] = []
        for record in doc._.get(EXT_ENTITIES) or []:
            names[record["id"]] = record["name"]
            labels[record["id"]] = record["label"]
            for start, end in record["mentions"]:
                mentions.append((start, end, record["id"]))
                for ch in range(start, end):
                    by_char[ch] = record["id"]
        mentions.sort()
        return cls(by_char, names, labels, mentions)

    def person_named(self, text: str) -> str | None:
        """The person entity whose name agrees with a name the model did not tag."""
        name = person_name(text)
        if not name:
            return None
        for eid, label in self.labels.items():
            if label == "PERSON" and names_agree(name, self.names[eid]):
                return eid
        return None

    def entity_of(self, span: Span) -> str | None:
        """The entity of the mention's head word, else of any word in it (persons first);
        not of a name that only qualifies a common noun ("a Trump supporter", "Russia's
        opposition")."""
        root = span.root
        if root.pos_ == "NOUN" and not self.by_char.get(root.idx):
            span = span[: root.i - span.start + 1]
            span = [t for t in span if not (t.dep_ in QUALIFIER_DEPS and t.head == root)]
        found = [self.by_char.get(t.idx) for t in span]
        found = [f for f in found if f]
        if not found:
            return None
        persons = [f for f in found if self.labels.get(f) == "PERSON"]
        return (persons or found)[-1]


def _gender(doc: Doc, entity: str, index: EntityIndex, known: dict[str, str]) -> str | None:
    if entity in known:
        return known[entity]
    for start, _end, eid in index.mentions:
        if eid != entity:
            continue
        before = doc_text(doc)[max(0, start - 6) : start].lower()
        if re.search(r"\bmr\.?\s$", before):
            return "male"
        if re.search(r"\bm(rs|s)\.?\s$", before):
            return "female"
    return None


def _resolve_pronoun(
    doc: Doc, mention: Span, done: list[Attribution], index: EntityIndex, genders: dict[str, str]
) -> tuple[str | None, str | None]:
    """(speaker name, entity id) for a pronoun mention, or (None, None) when unknown."""
    kind = pronoun_class(mention.text)
    if kind == "neuter":
        return _resolve_neuter(doc, mention, done, index)
    if kind not in PERSONAL and kind != "plural":
        return None, None
    window_start = _paragraph_window_start(doc, mention.start_char)
    for previous in reversed(done):
        if previous.speaker is None or previous.start < window_start:
            continue
        if previous.mention is not None and previous.mention.start_char > mention.start_char:
            continue
        if kind == "plural":
            if previous.entity and index.labels.get(previous.entity) == "PERSON":
                continue
            if (
                previous.mention is not None
                and previous.mention.root.tag_ not in ("NNS", "NNPS")
                and not (previous.entity and index.labels.get(previous.entity) in ("ORG", "NORP"))
            ):
                continue
            return previous.speaker, previous.entity
        if previous.entity is None or index.labels.get(previous.entity) != "PERSON":
            continue
        gender = _gender(doc, previous.entity, index, genders)
        if gender is None or gender == kind:
            return previous.speaker, previous.entity
    if kind == "plural":
        return _plural_group(doc, mention, index)
    for start, _end, eid in reversed(index.mentions):
        if start >= mention.start_char or start < window_start:
            continue
        if index.labels.get(eid) == "PERSON" and _gender(doc, eid, index, genders) in (None, kind):
            return index.names[eid], eid
    return None, None


def _plural_group(doc: Doc, mention: Span, index: EntityIndex) -> tuple[str | None, str | None]:
    """ "Voting rights advocates have expressed concern. They cite …": the latest plural
    subject naming a group of people, in this sentence or the one before."""
    sent = mention.sent
    first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for token in reversed(doc[first : mention.start]):
        if token.dep_ not in ("nsubj", "nsubjpass") or token.tag_ not in ("NNS", "NNPS"):
            continue
        if token.lemma_.lower() in group_nouns() or token.ent_type_ == "NORP":
            span = mention_span(token)
            entity = index.entity_of(span)
            return (index.names[entity] if entity else canonical_name(span.text)), entity
    return None, None


def _resolve_neuter(
    doc: Doc, mention: Span, done: list[Attribution], index: EntityIndex
) -> tuple[str | None, str | None]:
    """ "It said": the latest speaker that is a thing (an organisation, a report), singular."""
    window_start = _paragraph_window_start(doc, mention.start_char)
    for previous in reversed(done):
        if previous.speaker is None or previous.start < window_start:
            continue
        if previous.mention is None or previous.mention.start_char > mention.start_char:
            continue
        label = index.labels.get(previous.entity) if previous.entity else None
        if label == "PERSON" or is_pronoun(previous.mention.text):
            continue
        if label is None and previous.mention.root.tag_ not in SINGULAR_NOUN_TAGS:
            continue
        return previous.speaker, previous.entity
    for start, _end, eid in reversed(index.mentions):
        if start >= mention.start_char or start < window_start:
            continue
        if index.labels.get(eid) in THING_LABELS:
            return index.names[eid], eid
    return None, None


def _paragraph_window_start(doc: Doc, offset: int) -> int:
    """Start of the paragraph SPEAKER_LOOKBACK_PARAGRAPHS before the one holding ``offset``."""
    breaks = [m.end() for m in re.finditer(r"\n\s*", doc_text(doc)[:offset])]
    if len(breaks) < SPEAKER_LOOKBACK_PARAGRAPHS:
        return 0
    return breaks[-SPEAKER_LOOKBACK_PARAGRAPHS]


def resolve_speakers(
    doc: Doc, attributions: list[Attribution], index: EntityIndex | None = None
) -> None:
    """Fill ``mention``, ``speaker`` and ``entity`` for each attribution, in text order."""
    index = index or EntityIndex.from_doc(doc)
    genders: dict[str, str] = {}
    done: list[Attribution] = []
    for attr in sorted(attributions, key=lambda a: a.start):
        if attr.mention is None and attr.subject is not None:
            attr.mention = mention_span(attr.subject)
        if attr.mention is not None:
            text = attr.mention.text
            antecedent = _antecedent(attr.mention)
            if antecedent is not None:
                attr.entity = index.entity_of(antecedent) or index.person_named(antecedent.text)
                attr.speaker = (
                    index.names[attr.entity] if attr.entity else canonical_name(antecedent.text)
                )
            elif is_pronoun(text):
                attr.speaker, attr.entity = _resolve_pronoun(
                    doc, attr.mention, done, index, genders
                )
                kind = pronoun_class(text)
                if attr.entity and kind in PERSONAL:
                    genders.setdefault(attr.entity, kind)
            else:
                attr.entity = (
                    index.entity_of(attr.mention)
                    or index.person_named(text)
                    or _appositive_person(attr, index)
                )
                attr.speaker = index.names[attr.entity] if attr.entity else canonical_name(text)
        elif attr.inherited and done:
            previous = done[-1]
            attr.speaker, attr.entity = previous.speaker, previous.entity
            # the turn goes on: its speaker was last written at the previous quote's mention
            attr.mention = previous.mention
            if _same_turn(doc, previous, attr):
                attr.cue = previous.cue
        done.append(attr)


def _appositive_person(attr: Attribution, index: EntityIndex) -> str | None:
    """ "The moderator, Carl Quintanilla, asked": the person the description names."""
    if attr.subject is None:
        return None
    for child in attr.subject.rights:
        if child.dep_ == "appos":
            entity = index.entity_of(mention_span(child))
            if entity and index.labels.get(entity) == "PERSON":
                return entity
    return None


def _antecedent(mention: Span) -> Span | None:
    """For "who" in "Clinton, who said …", the mention of Clinton."""
    root = mention.root
    if len(mention) != 1 or root.lower_ not in RELATIVE_PRONOUNS:
        return None
    clause = root.head
    if clause.dep_ != "relcl" or clause.head.pos_ not in NOMINAL_POS:
        return None
    return mention_span(clause.head)


def _same_turn(doc: Doc, previous: Attribution, attr: Attribution) -> bool:
    """``“A,” he said. “B.”``: the second part shares the first part's speaker and cue."""
    if previous.cue is None or previous.mention is None:
        return False
    between = doc_text(doc)[previous.end : attr.start]
    return "\n" not in between and previous.cue.start_char < attr.start
