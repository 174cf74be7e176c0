"""The speaker resolver: every quote's speaker by the name the article gives them.

Runs after ``quotex_attribution``, which finds each quote's speaker *mention* as written
("he", "the mayor", "Mr. Reid"). The resolver reads the quotes in text order and decides,
for each, who that mention is (``resolve_document``):

* a name: the entity it belongs to (``name``);
* the mention of an earlier quote ("“A,” he said. “B.”", a paragraph that goes on without
  a cue): that quote's speaker (``continuation``);
* "he" / "she": the person ranked first among those named before it
  (``pronouns.rank``: recent speakers over recent mentions, subjects over objects, gender
  as the article shows it, ``pronoun``);
* a description: the person with that role, the organisation of that kind, the author of
  the document, or nobody the article names (``descriptions``);
* a thing or an event ("demonstrations said"): no speaker.

Each quote gets ``speaker`` (a canonical name or None), ``speaker_entity``,
``speaker_label`` (PERSON, ORG, GPE, NORP or None), ``speaker_rule`` and ``confidence``
(how likely the speaker is right, calibrated per rule on PolNeAR dev).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from quotex.components.attribution.syntax import (
    ADVCL,
    CONJ,
    NOMINAL_SUBJECT_DEPS,
    PARTICIPLE_TAG,
    RELCL,
    doc_text,
    tokens_with,
)
from quotex.components.guard import guarded
from quotex.components.resolver import pronouns
from quotex.components.resolver.descriptions import (
    ISSUER_LABELS,
    entity_at,
    issuer_by_verb,
    kind_of,
    resolve_description,
)
from quotex.components.resolver.discourse import Discourse, Turn, build_discourse
from quotex.gender import FEMALE, MALE, noun_gender, pronoun_gender_alone
from quotex.names import canonical_name, person_name, pronoun_class

COMPONENT = "quotex_resolver"
EXT_QUOTES = "quotex_quotes"
EXT_ENTITIES = "quotex_entities"
EXT_REGIONS = "quotex_marked"
EXT_GENDERS = "quotex_genders"  # entity id → [gender or None, evidence], for PERSON entities
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
PERSONAL = {"male": MALE, "female": FEMALE}
PERSON = "PERSON"


@dataclass
class Memory:
    """What earlier quotes of the article decided, for the ones that refer back."""

    by_mention: dict[tuple[int, int], Decision] = field(default_factory=dict)
    by_speaker: dict[str, Decision] = field(default_factory=dict)  # as the attributor wrote it
    things: set[str] = field(default_factory=set)  # descriptions that are no speaker

    def remember(self, record: dict, decision: Decision) -> None:
        if record.get("speaker_mention") is not None:
            self.by_mention.setdefault(tuple(record["speaker_mention"]), decision)
        if record.get("speaker"):
            self.by_speaker[record["speaker"]] = decision


@dataclass(frozen=True)
class Decision:
    speaker: str | None
    entity: str | None
    rule: str
    label: str | None = None
    probability: float | None = None  # the ranker's, for pronouns


def _label(discourse: Discourse, entity: str | None) -> str | None:
    label = discourse.labels.get(entity) if entity else None
    if label in ("LOC", "FAC"):
        return "GPE"
    return label if label in SPEAKER_LABELS else None


def _named(discourse: Discourse, entity: str, rule: str, probability: float | None = None):
    return Decision(discourse.names[entity], entity, rule, _label(discourse, entity), probability)


def quote_words(discourse: Discourse, record: dict) -> tuple[int, int]:
    """Where the words of a quote before its "he said" stand: from its first quote mark
    when its span takes in the words that introduced it ("Sen. Claire McCaskill scolded
    him: “…,” she said": McCaskill introduced the quote and stays a candidate), else the
    whole span ("Clinton would lose, he said": Clinton is spoken about)."""
    start, end = record["start"], record["end"]
    opening = [a for a, b in discourse.marked if start <= a < end]
    return (min(opening), end) if opening else (start, end)


def resolve_pronoun(
    discourse: Discourse,
    record: dict,
    mention: tuple[int, int],
    gender: str | None,
    rule: str = "pronoun",
    bound: frozenset[str] = frozenset(),
) -> Decision:
    """ "he said" / "she said": the person the ranker puts first, or None; never one of
    ``bound`` (``named_in_own_clause``)."""
    exclude = quote_words(discourse, record) if record["start"] < mention[0] else None
    found = pronouns.candidates(discourse, mention[0], gender, exclude)
    ranked = pronouns.rank([c for c in found if c.entity not in bound])
    if not ranked:
        return Decision(None, None, rule, "PERSON", 0.0)
    best = ranked[0].entity
    if gender and rule == "pronoun":
        discourse.add_pronoun_evidence(best, gender)
    return _named(discourse, best, rule, pronouns.probability(ranked))


# How many sentences back "they" looks for an organisation that acted: "The Teamsters
# union voted to strike. “…,” they said."
THEY_SENTENCES = 2
GROUP_LABELS = frozenset({"ORG", "NORP"})


def organisation_for_they(discourse: Discourse, offset: int) -> str | None:
    """ "The Teamsters union voted to strike. “…,” they said." → Teamsters: the latest
    organisation or group that spoke, else the latest one that was a subject, in this
    sentence or the ``THEY_SENTENCES`` before it."""
    sentence = discourse.sentence_of(offset)
    recent = [
        m
        for m in discourse.mentions_before(offset)
        if discourse.labels.get(m.entity) in GROUP_LABELS
        and not m.in_quote
        and sentence - m.sentence <= THEY_SENTENCES
    ]
    spoke = {t.entity for t in discourse.turns}
    for mention in reversed(recent):
        if mention.entity in spoke:
            return mention.entity
    subjects = [m for m in recent if m.subject or m.names_subject]
    return subjects[-1].entity if subjects else None


def decide(doc: Doc, discourse: Discourse, record: dict, seen: Memory) -> Decision:
    """Who the speaker of ``record`` is (see the module docstring for the rules)."""
    if record.get("speaker_mention") is None:  # a turn carried on: as the attributor found it
        entity = record.get("speaker_entity")
        if entity:
            return _named(discourse, entity, "carried")
        return Decision(record.get("speaker"), None, "carried" if record.get("speaker") else "none")
    mention = tuple(record["speaker_mention"])
    if mention in seen.by_mention:  # the same mention again: a continuation, a split quote
        earlier = seen.by_mention[mention]
        return Decision(earlier.speaker, earlier.entity, "continuation", earlier.label)
    text = discourse.text[mention[0] : mention[1]]
    kind = pronoun_class(text)
    entity = record.get("speaker_entity")
    if kind in PERSONAL:
        if unnamed_speaker_continues(discourse, mention, PERSONAL[kind]):
            return Decision(None, None, UNNAMED_CONTINUES, PERSON)
        if in_relative_of_unnamed(doc, mention):
            return Decision(None, None, UNNAMED, PERSON)
        bound = named_in_own_clause(doc, discourse, mention)
        first = pronoun_subject_above(doc, mention, kind)
        if first is not None:  # "He agreed …, but he said …": where the first "He" stands
            mention = (first.idx, first.idx + len(first.text))
        return resolve_pronoun(discourse, record, mention, PERSONAL[kind], bound=bound)
    if kind is not None:
        return resolve_other_pronoun(discourse, record, mention, kind, seen)
    if text.strip().lower() in RELATIVE:
        issuer = relative_document_issuer(doc, discourse, mention)
        if issuer:
            return _named(discourse, issuer, "document author")
        if entity:
            return _named(discourse, entity, "relative")
        return Decision(record.get("speaker"), None, "relative")
    if entity:
        return _named(discourse, entity, "name")
    span = doc.char_span(mention[0], mention[1], alignment_mode="expand")
    if person_name(text) or span is None:
        return Decision(record.get("speaker") or canonical_name(text), None, "name")
    return resolve_described(discourse, record, span, seen)


def pronoun_subject_above(doc: Doc, mention: tuple[int, int], kind: str) -> Token | None:
    """same_pronoun_above: a he or she that is the subject of a clause under one whose
    subject is the same pronoun stands for the person that first pronoun does, so it is
    resolved where that one stands: "He agreed that Trump may struggle, but he said …" and
    "He visited Netanyahu in Israel, where he met reporters" are not Trump, not Netanyahu,
    both named in between. The nearest clause above with a subject decides ("He echoed
    Ryan, who said it when asked if he would run": "who", so the ranker chooses). None
    unless the pronoun at ``mention`` has such a pronoun of the same ``kind`` above it."""
    span = doc.char_span(mention[0], mention[1], alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].dep_ not in NOMINAL_SUBJECT_DEPS:
        return None
    verb = span[0].head
    while verb.head.i != verb.i:
        verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in NOMINAL_SUBJECT_DEPS and c.i < span[0].i]
        if subjects:  # the nearest clause above with a subject decides
            same = len(subjects) == 1 and pronoun_class(subjects[0].text) == kind
            return subjects[0] if same else None
    return None


# How many clauses down from the pronoun's verb a name is still in its reach: "He said
# Nunberg was bound" (one), not "he wants to avoid …, recalling how the campaign exploited
# Mr. Clinton's remark" (three).
BOUND_CLAUSES = 1
CLAUSE_POS = frozenset({"VERB", "AUX"})


def named_in_own_clause(doc: Doc, discourse: Discourse, mention: tuple[int, int]) -> frozenset[str]:
    """named_in_own_clause: the people named, outside quote marks, after a "he" or "she"
    in the clause it is the subject of (or one clause down), which it cannot be: "He said
    Nunberg was bound by an agreement" is not Nunberg; "He calls Christie's endorsement …"
    is not Christie. Names before the pronoun stay ("Sobin would have voted for Clinton,
    he says" is Sobin), as do names past a quote ("he warned, “…,” Trump told NBC"). Nor
    is it the person a relative clause it is the subject of describes ("President Obama,
    who he noted was in his final year")."""
    span = doc.char_span(mention[0], mention[1], alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].head.i == span[0].i:
        return frozenset()
    pronoun = span[0]
    verb = pronoun.head
    sentence = discourse.sentence_of(mention[0])
    bound = set()
    if verb.dep_ == RELCL:
        # "President Obama, who he noted was in his final year": the one the clause is
        # about is not its "he" ("Obama, who said he was tired" hangs "he" on "was")
        described = verb.head.idx
        bound.update(m.entity for m in discourse.mentions if m.start <= described < m.end)
    for m in discourse.mentions:
        if m.start <= mention[0] or m.in_quote or m.sentence != sentence:
            continue
        if any(mention[1] <= a < m.start for a, _ in discourse.marked):
            continue
        named = doc.char_span(m.start, m.end, alignment_mode="expand")
        if named is not None and _clauses_below(named.root, verb) <= BOUND_CLAUSES:
            bound.add(m.entity)
    return frozenset(bound)


def _clauses_below(token, verb) -> int:
    """How many verbs stand between ``token`` and ``verb`` on its way up the parse (a large
    number when ``verb`` is not above it, or only through a clause of its own joined to it:
    conjoined_clause_name, "He admits …, but ultimately Prager thinks …" may be Prager)."""
    count = 0
    while token.i != verb.i:
        if token.head.i == token.i:
            return 99
        if token.dep_ == CONJ and token.pos_ in CLAUSE_POS and token.head.i == verb.i:
            return 99
        token = token.head
        if token.i != verb.i and token.pos_ in CLAUSE_POS:
            count += 1
    return count


def relative_document_issuer(
    doc: Doc, discourse: Discourse, mention: tuple[int, int]
) -> str | None:
    """ "Sanders is releasing a new ad that urges voters to …": a relative pronoun whose
    antecedent is a document the sentence says someone issued speaks for that issuer."""
    span = doc.char_span(mention[0], mention[1], alignment_mode="expand")
    if span is None or span.root.head.dep_ != RELCL:
        return None
    document = span.root.head.head
    if kind_of(doc[document.i : document.i + 1]) != "document":
        return None
    for word in issuer_by_verb(document):
        entity = entity_at(discourse, word.idx)
        if entity and discourse.labels.get(entity) in ISSUER_LABELS:
            return entity
    return None


def resolve_other_pronoun(
    discourse: Discourse, record: dict, mention: tuple[int, int], kind: str, seen: Memory
) -> Decision:
    """ "they", "it", "we": as the attributor resolved them, through what an earlier quote
    made of that source ("the alliance says … it has made" → NATO), else "they" for the
    group that acted ("The Teamsters union voted … they said")."""
    rule = f"pronoun {kind}"
    if record.get("speaker_entity"):
        return _named(discourse, record["speaker_entity"], rule)
    if record.get("speaker") in seen.things:  # "demonstrations … they say"
        return Decision(None, None, "thing")
    earlier = seen.by_speaker.get(record.get("speaker"))
    if earlier is not None and earlier.entity:
        return Decision(earlier.speaker, earlier.entity, rule, earlier.label)
    if kind == "plural" and record.get("speaker") is None:
        group = organisation_for_they(discourse, mention[0])
        if group:
            return _named(discourse, group, rule)
    return Decision(record.get("speaker"), None, rule)


def resolve_described(discourse: Discourse, record: dict, span: Span, seen: Memory) -> Decision:
    """A description: the entity it refers to, ranked like "he" ("the billionaire
    businessman"), kept as written ("the central bank"), or nobody ("a retired nurse")."""
    described = resolve_description(discourse, span, quote_words(discourse, record))
    if described.is_thing:
        seen.things.add(canonical_name(span.text))
    if described.entity:
        return _named(discourse, described.entity, described.rule)
    if described.name:
        return Decision(described.name, None, described.rule, described.label)
    mention = tuple(record["speaker_mention"])
    if described.rule == "ranked":
        return resolve_pronoun(discourse, record, mention, described.gender, "description")
    if described.kept:
        speaker = record.get("speaker") or canonical_name(span.text)
        return Decision(speaker, None, described.rule, described.label)
    return Decision(None, None, described.rule, described.label)


UNNAMED = "unnamed"
UNNAMED_CONTINUES = "unnamed continues"


def in_relative_of_unnamed(doc: Doc, mention: tuple[int, int]) -> bool:
    """pronoun_in_relative_of_unnamed: a "he" or "she" inside a relative clause on a
    person the article describes with a common noun is that person, never named: "One
    resident, who did not want her name used because she fears retaliation, said …" (not
    the organizer quoted before). The clause's noun must be a person's ("resident",
    "employee", "neighbour"; ``lexicon/sources.txt``, titles), name no one and be
    indefinite ("a", "one", "another"): "The premier, who said he …" may be one named."""
    span = doc.char_span(mention[0], mention[1], alignment_mode="expand")
    if span is None:
        return False
    for ancestor in span.root.ancestors:
        if ancestor.dep_ == RELCL:
            noun = ancestor.head
            return (
                noun.pos_ == "NOUN"
                and not noun.ent_type_
                and any(c.lower_ in INDEFINITE_OPENERS for c in noun.lefts)
                and kind_of(doc[noun.i : noun.i + 1]) in ("person", "anonymous", "role")
            )
    return False


# What opens a description of someone not named before: "a neighbour", "one resident".
INDEFINITE_OPENERS = frozenset({"a", "an", "one", "another"})


def unnamed_gender(discourse: Discourse, record: dict, decision: Decision) -> str | None:
    """For a quote of a person the article describes and never names ("A neighbour …
    said she heard at least six shots"), the gender the description shows ("" for none);
    else None."""
    if decision.entity or decision.label != PERSON:
        return None
    if decision.rule == UNNAMED_CONTINUES:
        return discourse.turns[-1].unnamed if discourse.turns else ""
    if decision.rule != UNNAMED or record.get("speaker_mention") is None:
        return None
    start, end = record["speaker_mention"]
    shown = noun_gender(discourse.text[start:end].lower().split())
    return "" if shown.weak or shown.value is None else shown.value


def unnamed_speaker_continues(discourse: Discourse, mention: tuple[int, int], gender: str) -> bool:
    """unnamed_speaker_continues: a "he" or "she" right after the quote of a person the
    article describes and never names is that person, in the same or the next paragraph,
    when nobody who may be so called is named between (outside quote marks, from the start
    of the sentence the description speaks in): "A neighbour, who asked not to be named,
    said she heard at least six shots. “I thought it was fireworks at first,” she said." is
    the neighbour's, not the police sergeant's quoted before. A described woman is no
    "he"."""
    turns = discourse.spoken_turns
    if not turns or turns[-1].unnamed is None or turns[-1].unnamed not in ("", gender):
        return False
    last = turns[-1]
    if discourse.paragraph_of(mention[0]) - last.paragraph > 1:
        return False
    # from the start of the sentence the description speaks in: "Mr. Obama tried to draw a
    # distinction …, when a reporter asked if …. “…,” he said" is Obama's
    sentence = discourse.sentence_of(
        min(last.start, last.cue if last.cue is not None else last.start)
    )
    for m in discourse.mentions_before(mention[0]):
        if m.sentence < sentence or m.in_quote or discourse.labels.get(m.entity) != PERSON:
            continue
        if discourse.gender(m.entity).value in (None, gender):
            return False
    return True


def resolve_document(doc: Doc, records: list[dict]) -> tuple[list[dict], dict[str, list]]:
    """(quote records with speakers resolved, the gender the article shows for each person:
    entity id → [gender or None, evidence]), once all its pronouns are read
    (``with_pronoun_genders`` fills in the people no resolved pronoun gendered)."""
    regions = [(r[1], r[2]) for r in doc._.get(EXT_REGIONS) or []]
    entities = doc._.get(EXT_ENTITIES) or []
    discourse = build_discourse(doc, entities, regions)
    seen = Memory()
    out: list[dict] = []
    for record in records:
        decision = decide(doc, discourse, record, seen)
        seen.remember(record, decision)
        discourse.turns.append(
            Turn(
                record["start"],
                decision.entity or person_asked(doc, discourse, record),
                decision.speaker,
                discourse.paragraph_of(record["start"]),
                aside=is_aside(record, decision),
                cue=record["cue"][0] if record.get("cue") else None,
                unnamed=unnamed_gender(discourse, record, decision),
                end=record["end"],
            )
        )
        out.append(
            {
                **record,
                "speaker": decision.speaker,
                "speaker_entity": decision.entity,
                "speaker_label": decision.label,
                "speaker_rule": decision.rule,
                "confidence": confidence(decision),
            }
        )
    genders = {
        eid: [found.value, found.evidence]
        for eid, label in discourse.labels.items()
        if label == PERSON
        for found in [discourse.gender(eid)]
    }
    return out, with_pronoun_genders(doc, entities, genders, regions)


def person_asked(doc: Doc, discourse: Discourse, record: dict) -> str | None:
    """asked_keeps_the_turn: the person a question with no asker was put to, who answers
    next: "Trump, when asked about his own contradictions, steam-rolls through the
    questions … “…,” he told CNN" is Trump's turn, though the question is nobody's. The
    subject of the clause an "asked" hangs on, or the name it is parsed as qualifying."""
    cue = record.get("cue")
    if record.get("speaker_mention") is not None or not cue:
        return None
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if span is None or span.root.tag_ != PARTICIPLE_TAG:
        return None
    verb = span.root
    if verb.dep_ == RELCL:
        target = verb.head
    else:
        subjects = [c for c in verb.head.children if c.dep_ in NOMINAL_SUBJECT_DEPS]
        target = subjects[0] if verb.dep_ == ADVCL and subjects else None
    entity = entity_at(discourse, target.idx) if target is not None else None
    return entity if entity and discourse.labels.get(entity) == PERSON else None


def is_aside(record: dict, decision: Decision) -> bool:
    """relative_clause_aside: an indirect quote reported in a relative clause ("Asked
    whether Donald Trump, who has called global warming a hoax, could win, Ban
    demurred") describes its speaker and gives them no turn; a direct one does ("Loretta
    Lynch, who told Congress: “…” She added, …")."""
    return decision.rule == "relative" and record["type"] == "indirect"


def with_pronoun_genders(
    doc: Doc, entities: list[dict], genders: dict, quoted: list[tuple[int, int]] = ()
) -> dict:
    """The genders the article showed, and for a person it showed none for, he or she where
    that person is the only one named (:func:`quotex.gender.pronoun_gender_alone`; words
    inside ``quoted``, the quote marks, are left out)."""
    people = [e for e in entities if e["label"] == PERSON]
    if not any((genders.get(e["id"]) or [None])[0] is None for e in people):
        return genders
    sentences = (
        [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") else []
    )
    objects = object_pronouns(doc)
    # each mention's start → the gender the article showed that person (None: none)
    shown = {m[0]: (genders.get(e["id"]) or [None])[0] for e in people for m in e["mentions"]}
    out = dict(genders)
    for entity in people:
        if (genders.get(entity["id"]) or [None])[0] is not None:
            continue
        others = [m for e in people if e is not entity for m in e["mentions"]]
        found = pronoun_gender_alone(
            doc_text(doc), sentences, entity["mentions"], others, quoted, objects, shown
        )
        if found.value:
            out[entity["id"]] = [found.value, found.evidence]
    return out


# Where a "her" is someone else than the sentence's subject: "Obama backed her up".
OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "iobj", "obj"})
HER = frozenset({"her"})


def object_pronouns(doc: Doc) -> frozenset[int]:
    """The offsets of "her" where the parse makes it an object ("Obama backed her up"),
    not the possessive that refers back to the subject ("her campaign")."""
    if not doc.has_annotation("DEP"):
        return frozenset()
    return frozenset(t.idx for t in tokens_with(doc, "LOWER", HER) if t.dep_ in OBJECT_DEPS)


def confidence(decision: Decision) -> float:
    """How likely the speaker is right: the measured accuracy of its rule on PolNeAR dev,
    for pronouns by how sure the ranker was (``calibration`` in the weights file)."""
    table = pronouns.calibration()
    if decision.probability is not None:
        for floor, value in table[decision.rule]:
            if decision.probability >= floor:
                return value
        return table[decision.rule][-1][1]
    return table["rules"].get(decision.rule, table["rules"]["default"])


class SpeakerResolver:
    """Rewrites the speakers of ``doc._.quotex_quotes`` (see ``resolve_document``)."""

    def __init__(self, name: str = COMPONENT) -> None:
        self.name = name
        if not Doc.has_extension(EXT_GENDERS):
            Doc.set_extension(EXT_GENDERS, default=None)

    @guarded(EXT_QUOTES, EXT_GENDERS)
    def __call__(self, doc: Doc) -> Doc:
        records = doc._.get(EXT_QUOTES)
        if records is None:
            raise ValueError(f"{COMPONENT} needs quotex_attribution before it in the pipeline")
        quotes, genders = resolve_document(doc, records)
        doc._.set(EXT_QUOTES, quotes)
        doc._.set(EXT_GENDERS, genders)
        return doc


@Language.factory(
    COMPONENT,
    assigns=[f"doc._.{EXT_QUOTES}", f"doc._.{EXT_GENDERS}"],
    requires=[f"doc._.{EXT_QUOTES}", f"doc._.{EXT_ENTITIES}", "token.dep"],
    default_config={},
)
def make_speaker_resolver(nlp: Language, name: str) -> SpeakerResolver:
    """Factory for the speaker resolver; place it after ``quotex_attribution``."""
    return SpeakerResolver(name)
