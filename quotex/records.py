"""Plain records of what quotex found: frozen dataclasses, free of spaCy objects.

Writers and renderers only ever see these. ``from_doc`` is the one bridge from an
annotated ``Doc``; ``to_dict``/``from_dict`` are the stable JSON output contract.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from quotex.gender import first_name_gender
from quotex.names import person_name

QuoteType = Literal["direct", "mixed", "indirect"]
QUOTE_TYPES: tuple[str, ...] = ("direct", "mixed", "indirect")
PERSON = "PERSON"
# Speakers that are someone: people, and organisations, governments and groups.
SOURCE_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
# The resolver's rule for "the two lawmakers" after "X and Y …": the speaker is "X and Y".
TOGETHER_RULE = "people named together"
EXT_ERROR = "quotex_error"  # set by a quotex component that failed (components/guard.py)


@dataclass(frozen=True)
class Mention:
    """A stretch of the document: ``document[start:end] == text``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Mention | None:
        if data is None:
            return None
        return cls(text=data["text"], start=data["start"], end=data["end"])


@dataclass(frozen=True)
class EntityMention(Mention):
    """An entity mention; ``in_quote`` tells whether it lies inside a quotation."""

    in_quote: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "in_quote": self.in_quote}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EntityMention:  # type: ignore[override]
        return cls(
            text=data["text"],
            start=data["start"],
            end=data["end"],
            in_quote=bool(data.get("in_quote", False)),
        )


@dataclass(frozen=True)
class Quote:
    """One reported statement: what was said, by whom, through which cue."""

    id: str
    type: QuoteType
    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_mention: Mention | None = None
    speaker_entity: str | None = None
    cue: Mention | None = None
    speaker_label: str | None = None  # PERSON, ORG, GPE, NORP or None
    speaker_rule: str | None = None  # the resolver's rule that named the speaker
    confidence: float | None = None  # how likely the speaker is right (0-1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "speaker_mention": self.speaker_mention.to_dict() if self.speaker_mention else None,
            "speaker_entity": self.speaker_entity,
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker_label": self.speaker_label,
            "speaker_rule": self.speaker_rule,
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        return cls(
            id=data["id"],
            type=data["type"],
            text=data["text"],
            start=data["start"],
            end=data["end"],
            speaker=data.get("speaker"),
            speaker_mention=Mention.from_dict(data.get("speaker_mention")),
            speaker_entity=data.get("speaker_entity"),
            cue=Mention.from_dict(data.get("cue")),
            speaker_label=data.get("speaker_label"),
            speaker_rule=data.get("speaker_rule"),
            confidence=data.get("confidence"),
        )


@dataclass(frozen=True)
class Entity:
    """A named entity: its mentions clustered under one canonical name."""

    id: str
    name: str
    label: str
    mentions: tuple[EntityMention, ...] = ()
    gender: str | None = None  # PERSON only: female, male, or None (unknown)
    gender_evidence: str | None = None  # PERSON only: pronoun, title, noun, first name, none

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name, "label": self.label}
        if self.label == PERSON:
            out["gender"] = self.gender
            out["gender_evidence"] = self.gender_evidence or "none"
        out["mentions"] = [m.to_dict() for m in self.mentions]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            id=data["id"],
            name=data["name"],
            label=data["label"],
            mentions=tuple(EntityMention.from_dict(m) for m in data.get("mentions", [])),
            gender=data.get("gender"),
            gender_evidence=data.get("gender_evidence"),
        )


@dataclass(frozen=True)
class DocResult:
    """Everything quotex found in one document. ``meta`` is carried from the input.

    ``text`` is the text the offsets index, when the record carries it (a web page's
    extracted text, or ``--with-text``); ``None`` otherwise.
    """

    id: str
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    meta: dict[str, Any] | None = field(default=None, compare=True)
    text: str | None = None

    @property
    def sources(self) -> tuple[Source, ...]:
        """The distinct people quoted (any quote type), most quoted first."""
        return _people_and_organisations(self)[0]

    @property
    def organisations(self) -> tuple[Source, ...]:
        """The organisations, places and groups quoted ("NATO said", "Moscow wants")."""
        return _people_and_organisations(self)[1]

    def to_dict(self) -> dict[str, Any]:
        people, organisations = _people_and_organisations(self)
        out: dict[str, Any] = {
            "id": self.id,
            "quotes": [q.to_dict() for q in self.quotes],
            "entities": [e.to_dict() for e in self.entities],
            "sources": [s.to_dict() for s in people],
            "organisations": [s.to_dict(gender=False) for s in organisations],
        }
        if self.meta is not None:
            out["meta"] = self.meta
        if self.text is not None:
            out["text"] = self.text
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocResult:
        return cls(
            id=data["id"],
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes", [])),
            entities=tuple(Entity.from_dict(e) for e in data.get("entities", [])),
            meta=data.get("meta"),
            text=data.get("text"),
        )


@dataclass(frozen=True)
class Source:
    """Someone quoted in a document: a person (with the gender the article shows) or an
    organisation, with how many of the document's quotes are theirs."""

    name: str
    entity: str | None
    label: str
    quotes: int
    gender: str | None = None
    gender_evidence: str = "none"

    def to_dict(self, gender: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "entity": self.entity}
        if gender:
            out["gender"] = self.gender
            out["gender_evidence"] = self.gender_evidence
        out["quotes"] = self.quotes
        return out


def _people_and_organisations(result: DocResult) -> tuple[tuple[Source, ...], tuple[Source, ...]]:
    """(people, organisations) among the document's speakers, each most quoted first."""
    found = _sources(result)
    return (
        tuple(s for s in found if s.label == PERSON),
        tuple(s for s in found if s.label != PERSON),
    )


@dataclass(frozen=True)
class Credit:
    """One source a quote counts for: ``key`` (``("entity", id)``, or ``("name", name)``
    for a speaker the model tagged as no entity), the name, the entity and the label."""

    key: tuple[str, str]
    name: str
    entity: Entity | None
    label: str


def credits(result: DocResult) -> Iterator[tuple[Quote, Credit]]:
    """Each quote, in text order, with every source it counts for: the people named with
    its speaker (``co_speakers``), then its speaker, or each person of a joint speaker
    (``members``). Speakers without a label that makes them a source count for nobody."""
    entities = {e.id: e for e in result.entities}
    for quote in sorted(result.quotes, key=lambda q: q.start):
        entity = entities.get(quote.speaker_entity) if quote.speaker_entity else None
        label = entity.label if entity else quote.speaker_label
        if label is None and quote.speaker and untagged_person(quote.speaker):
            label = PERSON
        if quote.speaker is not None:  # "Republican leaders such as Paul Ryan": Ryan too
            for other in co_speakers(quote, result.entities):
                yield quote, Credit(("entity", other.id), other.name, other, PERSON)
        if quote.speaker is None or label not in SOURCE_LABELS:
            continue
        if quote.speaker_rule == TOGETHER_RULE and entity is None:
            for member in members(quote.speaker, result.entities):
                if isinstance(member, Entity):
                    yield quote, Credit(("entity", member.id), member.name, member, PERSON)
                else:
                    yield quote, Credit(("name", member), member, None, PERSON)
            continue
        key = ("entity", entity.id) if entity else ("name", quote.speaker)
        yield quote, Credit(key, quote.speaker, entity, label)


def credited(result: DocResult) -> Iterator[tuple[Quote, Credit]]:
    """``credits`` with each source as it first counted (its name, entity and label):
    a quote's line in the store's ``quote_sources`` joins the source row it counts in."""
    first: dict[tuple[str, str], Credit] = {}
    for quote, credit in credits(result):
        yield quote, first.setdefault(credit.key, credit)


def _sources(result: DocResult) -> list[Source]:
    """Speakers with a label (people, organisations, places, groups), one per entity (or
    per name when the model tagged none), by number of quotes, then first quoted."""
    counts: dict[tuple[str, str], list] = {}
    for _, credit in credits(result):
        counts.setdefault(credit.key, [credit.name, credit.entity, credit.label, 0])[3] += 1
    out = []
    for name, entity, label, quotes in counts.values():
        gender, evidence = None, "none"
        if label == PERSON and entity is not None:
            gender, evidence = entity.gender, entity.gender_evidence or "none"
        elif label == PERSON:
            found = first_name_gender(name)
            gender, evidence = found.value, found.evidence
        out.append(
            Source(
                entity.name if entity else name,
                entity.id if entity else None,
                label,
                quotes,
                gender,
                evidence,
            )
        )
    return sorted(out, key=lambda s: -s.quotes)


# Between two speakers in one mention: "McCarthy and Scalise", "Albright & Kelleher",
# "Republicans, including Sen. John McCain", "leaders such as Paul Ryan".
_JOINED = re.compile(r"\s(?:and|&|including|like|such as)\s")
_POSSESSIVE = ("'s", "’s", "'", "’")
# A name followed by a lower-case word other than a conjunction modifies that word: "Bush
# administration officials", "Trump campaign".
_MODIFIES = re.compile(r"\s+(?!(?:and|or|nor|as well as|along with|who|of|all|both|each)\b)[a-z]")


def members(speaker: str, entities: tuple[Entity, ...]) -> list[Entity | str]:
    """people_named_together_are_each_a_source: "Bob Goodlatte and Trey Gowdy" (the two
    lawmakers) is two people, each the entity of that name, or the name where none is."""
    by_name = {e.name: e for e in entities if e.label == PERSON}
    parts = [p for p in re.split(r",\s*|\s+and\s+", speaker) if p.strip()]
    return [by_name.get(p, p) for p in parts]


def co_speakers(quote: Quote, entities: tuple[Entity, ...]) -> list[Entity]:
    """co_speakers: the other people named in a speaker mention that joins names ("House
    Majority Leader Kevin McCarthy and Whip Steve Scalise said" quotes both) or lists a
    group's members ("Republicans, including Sen. John McCain, said"). A name that only
    qualifies the speaker ("Trump's lawyer Michael Cohen") is none, nor one that modifies
    a noun after it (name_as_modifier: "Republicans, like Henry Paulson and Brent Scowcroft
    — three former George W. Bush administration officials")."""
    mention = quote.speaker_mention
    if mention is None or not _JOINED.search(mention.text):
        return []
    found = []
    for entity in entities:
        if entity.label != PERSON or entity.id == quote.speaker_entity:
            continue
        for m in entity.mentions:
            if mention.start <= m.start and m.end <= mention.end:
                after = mention.text[m.end - mention.start :]
                if not after.startswith(_POSSESSIVE) and not _MODIFIES.match(after):
                    found.append(entity)
                    break
    return found


def untagged_person(name: str) -> bool:
    """A speaker the model tagged as nothing is a person when the name is a first name the
    list genders and a surname: "JAKE TAPPER" in a transcript; not "Zero Hedge"."""
    return (
        len(name.split()) >= 2 and person_name(name) == name and bool(first_name_gender(name).value)
    )


def _quoted_ranges(quotes: list[dict[str, Any]], regions: list[list[int]]) -> list[tuple[int, int]]:
    """Character ranges that are someone's words: direct quotes and marks inside mixed ones."""
    ranges = [(q["start"], q["end"]) for q in quotes if q["type"] == "direct"]
    for q in quotes:
        if q["type"] == "mixed":
            ranges += [(r[1], r[2]) for r in regions if q["start"] <= r[1] and r[2] <= q["end"]]
    return ranges


def _mention(text: str, pair: list[int] | None, offset: int) -> Mention | None:
    if pair is None:
        return None
    start, end = pair
    return Mention(text[start:end], start + offset, end + offset)


def from_doc(
    doc: Any, doc_id: str, meta: dict[str, Any] | None = None, offset: int = 0
) -> DocResult:
    """Records from a ``Doc`` annotated by quotex's components.

    ``offset`` is added to every character offset (a chunk of a longer document).
    Raises ``ValueError`` when the doc was not annotated; with the component's message
    (``doc._.quotex_error``) when a component failed on it.
    """
    error = doc._.get(EXT_ERROR) if doc.has_extension(EXT_ERROR) else None
    if error:
        raise ValueError(error)
    quotes = doc._.get("quotex_quotes")
    entities = doc._.get("quotex_entities")
    regions = doc._.get("quotex_marked") or []
    if quotes is None or entities is None:
        raise ValueError("the pipeline did not annotate this document")
    text = doc.text
    entity_of = {}
    for e in entities:
        for start, end in e["mentions"]:
            entity_of[(start, end)] = e["id"]
    out_quotes = tuple(
        Quote(
            id=f"q{number}",
            type=q["type"],
            text=text[q["start"] : q["end"]],
            start=q["start"] + offset,
            end=q["end"] + offset,
            speaker=q["speaker"],
            speaker_mention=_mention(text, q["speaker_mention"], offset),
            speaker_entity=q["speaker_entity"],
            cue=_mention(text, q["cue"], offset),
            speaker_label=q.get("speaker_label"),
            speaker_rule=q.get("speaker_rule"),
            confidence=q.get("confidence"),
        )
        for number, q in enumerate(quotes, start=1)
    )
    quoted = _quoted_ranges(quotes, regions)
    genders = (doc._.get("quotex_genders") if doc.has_extension("quotex_genders") else None) or {}
    out_entities = tuple(
        Entity(
            id=e["id"],
            name=e["name"],
            label=e["label"],
            mentions=tuple(
                EntityMention(
                    text[s:t],
                    s + offset,
                    t + offset,
                    in_quote=any(a <= s and t <= b for a, b in quoted),
                )
                for s, t in e["mentions"]
            ),
            gender=(genders.get(e["id"]) or [None, "none"])[0],
            gender_evidence=(genders.get(e["id"]) or [None, "none"])[1]
            if e["label"] == PERSON
            else None,
        )
        for e in entities
    )
    return DocResult(id=doc_id, quotes=out_quotes, entities=out_entities, meta=meta)
