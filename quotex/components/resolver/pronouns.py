"""Who "he" and "she" are: rank the people named before the pronoun.

Each person mentioned before the pronoun is a candidate, unless the article shows the
other gender for them ("she said" is never Bernie Sanders). Each candidate is described
by named features (``FEATURES``), each a function of the discourse with its example; a
linear score over them (weights trained on PolNeAR dev by ``bench/train_resolver.py`` and
shipped in ``quotex/data/resolver_weights.json``) picks the one with the highest score, and
the softmax of the scores says how sure the choice is.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from quotex.components.resolver.discourse import Discourse, Mention
from quotex.gender import FEMALE, first_name_share

PERSON = "PERSON"
# How many paragraphs back a person stays a candidate: beyond this an article names
# people again before "he" means them (PolNeAR dev: 97% of pronoun speakers were named
# within six paragraphs).
LOOKBACK_PARAGRAPHS = 8


@dataclass(frozen=True)
class Context:
    """Where the pronoun stands and what came before it, for one candidate."""

    discourse: Discourse
    entity: str
    offset: int  # the pronoun's start
    paragraph: int
    sentence: int
    mentions: list[Mention]  # every mention before the pronoun (all entities)
    own: list[Mention]  # the candidate's mentions before the pronoun
    speakers: list[str]  # entities of earlier quotes, latest last
    gender: str | None = None  # the pronoun's: male, female, or None ("the official")


def _rank_among(order: list[str], entity: str) -> float:
    """1 for the latest, 1/2 for the one before, …; 0 when ``entity`` is not there."""
    seen: list[str] = []
    for eid in reversed(order):
        if eid not in seen:
            seen.append(eid)
        if eid == entity:
            return 1.0 / len(seen)
    return 0.0


def last_speaker(c: Context) -> float:
    """The person who spoke last: “…,” Sanders said. “…,” he added → Sanders."""
    return float(bool(c.speakers) and c.speakers[-1] == c.entity)


def speaker_recency(c: Context) -> float:
    """Speakers ranked by how recently they spoke: 1, 1/2, 1/3 … (0: never spoke)."""
    return _rank_among(c.speakers, c.entity)


def mention_recency(c: Context) -> float:
    """People ranked by their latest mention outside quote marks: 1, 1/2 … (0: none)."""
    people = [
        m.entity
        for m in c.mentions
        if not m.in_quote and c.discourse.labels.get(m.entity) == PERSON
    ]
    return _rank_among(people, c.entity)


def in_paragraph(c: Context) -> float:
    """Named in the pronoun's own paragraph, outside quote marks."""
    return float(any(m.paragraph == c.paragraph and not m.in_quote for m in c.own))


def in_previous_paragraph(c: Context) -> float:
    """Named in the paragraph before the pronoun's, outside quote marks."""
    return float(any(m.paragraph == c.paragraph - 1 and not m.in_quote for m in c.own))


def subject_lately(c: Context) -> float:
    """The subject of a clause in this or the previous two sentences: "Trump told Fox …"."""
    return float(any(m.subject and c.sentence - m.sentence <= 2 for m in c.own))


def introduced_lately(c: Context) -> float:
    """First named in this paragraph or the one before: a new voice the article brings in
    ("Adel Nefzi, who runs a bakery, … “…,” he said")."""
    return float(c.paragraph - c.own[0].paragraph <= 1)


def subject_just_before(c: Context) -> float:
    """The subject of the pronoun's sentence or the one right before it."""
    return float(any(m.subject and c.sentence - m.sentence <= 1 for m in c.own))


def only_person_nearby(c: Context) -> float:
    """The only person named outside quote marks in the pronoun's paragraph so far."""
    here = {
        m.entity
        for m in c.mentions
        if m.paragraph == c.paragraph
        and not m.in_quote
        and c.discourse.labels.get(m.entity) == PERSON
    }
    return float(here == {c.entity})


def salience(c: Context) -> float:
    """How often the article has named the person so far (log scale)."""
    return math.log1p(len(c.own)) / 3.0


def quoted_only(c: Context) -> float:
    """Named only inside quote marks: someone a speaker talks about, not a speaker."""
    return float(all(m.in_quote for m in c.own))


def gender_shown(c: Context) -> float:
    """The article shows the pronoun's gender for this person (a mismatch is no candidate)."""
    return float(c.discourse.gender(c.entity).value is not None)


def she_unknown(c: Context) -> float:
    """ "she" for a person whose gender the article does not show: news quotes more men, so
    a woman is usually shown as one ("Ms. Hogue", "Ilyse") before "she" means her."""
    return float(c.gender == "female" and c.discourse.gender(c.entity).value is None)


def first_person_named(c: Context) -> float:
    """The first person the article names: the one an article is usually about."""
    people = [m.entity for m in c.mentions if c.discourse.labels.get(m.entity) == PERSON]
    return float(bool(people) and people[0] == c.entity)


def paragraphs_away(c: Context) -> float:
    """Paragraphs since the person was last named (anywhere), as a share of the lookback."""
    latest = max(m.paragraph for m in c.own)
    return min(c.paragraph - latest, LOOKBACK_PARAGRAPHS) / LOOKBACK_PARAGRAPHS


def spoke_nearby(c: Context) -> float:
    """Spoke in this paragraph or the one before: a turn of an interview goes on."""
    return float(
        any(
            t.entity == c.entity and c.paragraph - t.paragraph <= 1
            for t in c.discourse.spoken_turns
        )
    )


def latest_subject(c: Context) -> float:
    """The person who was last the subject of a clause outside quote marks: "Scott bristles
    at the suggestion. “…,” he said" after Kidd spoke."""
    subjects = [
        m.entity
        for m in c.mentions
        if m.main_subject and not m.in_quote and c.discourse.labels.get(m.entity) == PERSON
    ]
    return float(bool(subjects) and subjects[-1] == c.entity)


def named_since_last_quote(c: Context) -> float:
    """Named outside quote marks in a sentence after the one the last quote began in: the
    article has moved on from the last speaker ("Bill Palatucci said. After his event,
    Trump traveled to … where he called …")."""
    turns = c.discourse.spoken_turns
    if not turns:
        return 0.0
    last = c.discourse.sentence_of(turns[-1].start)
    return float(any(m.sentence > last and not m.in_quote for m in c.own))


def same_sentence(c: Context) -> float:
    """Named outside quote marks earlier in the pronoun's own sentence: "As for Trump, he
    said he's not worried."""
    return float(any(m.sentence == c.sentence and not m.in_quote for m in c.own))


def subordinate_subject_here(c: Context) -> float:
    """In the pronoun's sentence, the subject of a relative or adverbial clause only:
    "Asked about the event that Clinton faces Trump, she replied" (Clinton is spoken of)."""
    here = [m for m in c.own if m.sentence == c.sentence and not m.in_quote]
    return float(any(m.subject for m in here) and not any(m.main_subject for m in here))


FEATURES: dict[str, Callable[[Context], float]] = {
    f.__name__: f
    for f in (
        last_speaker,
        speaker_recency,
        mention_recency,
        in_paragraph,
        in_previous_paragraph,
        subject_lately,
        introduced_lately,
        subject_just_before,
        only_person_nearby,
        salience,
        quoted_only,
        gender_shown,
        she_unknown,
        first_person_named,
        paragraphs_away,
        spoke_nearby,
        latest_subject,
        named_since_last_quote,
        same_sentence,
        subordinate_subject_here,
    )
}


@cache
def weights() -> dict[str, float]:
    """The trained weights (``quotex/data/resolver_weights.json``), by feature name."""
    path = resources.files("quotex").joinpath("data/resolver_weights.json")
    return json.loads(path.read_text(encoding="utf-8"))["weights"]


@dataclass(frozen=True)
class Candidate:
    entity: str
    features: dict[str, float]
    score: float = 0.0


def candidates(
    discourse: Discourse, offset: int, gender: str | None, exclude: tuple[int, int] | None = None
) -> list[Candidate]:
    """The people named before ``offset`` (not inside ``exclude``, the quote being
    resolved, unless first named there as a subject: ``_introduced_in``) whose gender, as
    the article shows it, is not the other one."""
    paragraph = discourse.paragraph_of(offset)
    sentence = discourse.sentence_of(offset)
    earlier = discourse.mentions_before(offset)
    introduced = _introduced_in(earlier, exclude)
    before = [
        m
        for m in earlier
        if (
            exclude is None
            or not (exclude[0] <= m.start and m.end <= exclude[1])
            or m.entity in introduced
        )
        and not m.alone  # signature_line: "Ernie Helton." signs a letter, no "he" stands for it
    ]
    speakers = [t.entity for t in discourse.spoken_turns if t.entity]
    out: list[Candidate] = []
    for entity in dict.fromkeys(m.entity for m in before):
        if discourse.labels.get(entity) != PERSON:
            continue
        own = [m for m in before if m.entity == entity]
        if paragraph - own[-1].paragraph > LOOKBACK_PARAGRAPHS:
            continue
        shown = discourse.gender(entity).value
        if gender and shown and shown != gender:
            continue
        if (
            gender
            and not shown
            and name_leans_against(discourse.names.get(entity, ""), gender)
            and not any(g.value == gender for g in discourse.gender_evidence.get(entity, []))
        ):
            continue
        context = Context(
            discourse, entity, offset, paragraph, sentence, before, own, speakers, gender
        )
        out.append(Candidate(entity, {name: f(context) for name, f in FEATURES.items()}))
    return out


# How far a first name must lean one way (the list's share) to keep a pronoun of the
# other gender from the person: further than the bar for showing a gender (0.9), since
# this decides only who a "he" or "she" can be, never what the record says.
LEANING_SHARE = 0.8


def name_leans_against(name: str, gender: str) -> bool:
    """name_leans_against: a person whose gender the article does not show is no candidate
    for a pronoun their first name leans against: "she" is not "Chris Christie" (the list
    gives "Chris" 16% female), "he" is not "Ashley Smith" (Ashley: 83% female). A lone word
    ("Christie") and a name off the list say nothing; nor does the name where the article
    gives any sign of the pronoun's gender, a weak one included ("Chinese Foreign Ministry
    spokesman Lu Kang … he told reporters": the list reads "Lu" as a woman's name)."""
    share = first_name_share(name) if " " in name.strip() else None
    if share is None:
        return False
    return share <= 1 - LEANING_SHARE if gender == FEMALE else share >= LEANING_SHARE


def _introduced_in(mentions: list[Mention], exclude: tuple[int, int] | None) -> set[str]:
    """introduced_in_quote: people first named in ``exclude`` (the unmarked words of the
    quote being resolved), as the subject of a clause outside quote marks, stay candidates:
    "Former Rep. Chris Shays was pro John Kasich, he said" is Shays speaking of himself,
    where "Clinton would lose, he said" after Clinton was named is Clinton spoken about."""
    if exclude is None:
        return set()
    first: dict[str, Mention] = {}
    for m in mentions:
        first.setdefault(m.entity, m)
    return {
        e
        for e, m in first.items()
        if exclude[0] <= m.start and m.end <= exclude[1] and m.subject and not m.in_quote
    }


def rank(found: list[Candidate], table: dict[str, float] | None = None) -> list[Candidate]:
    """Candidates scored by the weights, best first."""
    table = weights() if table is None else table
    scored = [
        Candidate(c.entity, c.features, sum(table.get(k, 0.0) * v for k, v in c.features.items()))
        for c in found
    ]
    return sorted(scored, key=lambda c: -c.score)


def probability(ranked: list[Candidate]) -> float:
    """The softmax probability of the best candidate (1.0 when it is the only one)."""
    if not ranked:
        return 0.0
    top = ranked[0].score
    total = sum(math.exp(c.score - top) for c in ranked)
    return 1.0 / total


@cache
def calibration() -> dict:
    """Confidence per rule and per band of the ranker's probability (from the weights file)."""
    path = resources.files("quotex").joinpath("data/resolver_weights.json")
    return json.loads(path.read_text(encoding="utf-8"))["calibration"]
