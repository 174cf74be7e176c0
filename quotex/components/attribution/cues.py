"""Cue words: which verbs report (the lexicon plus a user's own), where they are found.

A cue is a verb whose lemma is in ``lexicon/reporting_verbs.txt`` (or the first word of
one of its phrases, "point out"), outside quote marks and outside a fixed expression
("needless to say"). ``CueWords`` gathers every lemma set the rules consult, built once
per attributor, so that the user's extra cue words count wherever a lexicon verb does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from quotex.components.attribution.syntax import (
    ADVCL,
    CLAUSE_DEPS,
    PARTICIPLE_TAG,
    PARTICLE_DEPS,
    PASSIVE_DEPS,
    PASSIVE_SUBJECT_DEPS,
    RELCL,
    SUBJECT_DEPS,
    VERB_POS,
    XCOMP,
    doc_text,
    has_child,
    lemma,
    tokens_with,
)
from quotex.lexicon import entries

OBJECT_SECTION = "object"  # the verbs of lexicon/cue_roles.txt that report through objects
DEFAULT_CUE_SECTIONS = ("speech", "writing", "cognition", "evidence", OBJECT_SECTION)
ALL_SECTIONS = ("speech", "writing", "cognition", "evidence")
# ``scope`` → cue sections: speech and writing only, or every attribution PolNeAR counts.
SCOPES = {"speech": ("speech", "writing"), "all": DEFAULT_CUE_SECTIONS}
CLAUSE_SECTIONS = ("speech", "writing", "cognition")
SPEECH_SECTIONS = ("speech", "writing")
# Phrases that report positions, not speech: cues only where cognition or evidence are.
STANCE_PHRASES = "stance_phrases"


@cache
def cue_lemmas(sections: tuple[str, ...] = ALL_SECTIONS) -> frozenset[str]:
    """The reporting verbs of the named sections of ``lexicon/reporting_verbs.txt``."""
    return entries("reporting_verbs", *sections)


@cache
def _phrases() -> tuple[tuple[str, ...], ...]:
    """The multiword cues as word tuples: ("call", "for"), ("refer", "to", "as"), ..."""
    return tuple(
        words
        for words in map(str.split, entries("reporting_verbs", "phrases", STANCE_PHRASES))
        if len(words) > 1
    )


@cache
def stance_phrases() -> frozenset[tuple[str, ...]]:
    """Multiword cues of positions and evidence ("pointed to the polls"), not speech."""
    return frozenset(tuple(p.split()) for p in entries("reporting_verbs", STANCE_PHRASES))


@cache
def phrase_cues() -> dict[str, frozenset[str]]:
    """Multiword cues by their verb lemma: {"call": {"for", "on"}, ...}; in "refer to as"
    both "to" and "as" belong to the cue."""
    out: dict[str, set[str]] = {}
    for verb, *rest in _phrases():
        out.setdefault(verb, set()).update(rest)
    return {k: frozenset(v) for k, v in out.items()}


@cache
def particle_cues() -> dict[str, frozenset[str]]:
    """Two-word cues of a verb and its particle: {"point": {"out", "to"}, ...}."""
    out: dict[str, set[str]] = {}
    for verb, *rest in _phrases():
        if len(rest) == 1:
            out.setdefault(verb, set()).update(rest)
    return {k: frozenset(v) for k, v in out.items()}


@cache
def clause_only_lemmas() -> frozenset[str]:
    """Cues whose object is not what was said ("said nothing", "told reporters")."""
    return entries("cue_roles", "clause_only")


@cache
def object_lemmas() -> frozenset[str]:
    """Cues whose object or infinitive is the content ("urged him to resign")."""
    return entries("cue_roles", OBJECT_SECTION)


@cache
def raising_lemmas() -> frozenset[str]:
    """Passive cues whose infinitive is a report with no source ("X is expected to win")."""
    return entries("cue_roles", "raising")


@cache
def addressee_lemmas() -> frozenset[str]:
    """Cues whose object is who is asked ("asked Carson about his plan")."""
    return entries("cue_roles", "addressee")


@cache
def nominal_lemmas() -> frozenset[str]:
    """Nouns that report through a that-clause ("Hamann's claim that …")."""
    return entries("nominal_cues")


@cache
def generic_subjects() -> frozenset[str]:
    """Subjects that are nobody in particular ("if you want to understand …")."""
    return entries("not_speakers", "generic")


@dataclass(frozen=True)
class CueWords:
    """Every lemma set the rules consult; the user's extra cues count as speech verbs.

    ``cues`` are the verbs looked for (the configured sections, phrase verbs, extras);
    the other sets say how a cue reports and do not depend on the sections chosen.
    """

    cues: frozenset[str]
    reporting: frozenset[str]  # report on their own, without a particle ("said")
    clause_taking: frozenset[str]  # speech, writing, cognition: take a reported clause
    speech: frozenset[str]  # speech and writing
    any_section: frozenset[str]  # every section of reporting_verbs.txt but phrases
    stance: frozenset[str]  # object cues that are positions ("want", "support")
    # phrases that are no cue in these sections ("pointed to" with speech and writing only)
    left_out: frozenset[tuple[str, ...]] = frozenset()
    evidence: bool = True  # evidence counts: "In a new poll, 71 percent …"

    @classmethod
    def build(
        cls, sections: Iterable[str] = DEFAULT_CUE_SECTIONS, extra: Iterable[str] = ()
    ) -> CueWords:
        """The sets for the lexicon sections ``sections`` plus the lemmas ``extra``."""
        return _cue_words(tuple(sections), frozenset(w.lower() for w in extra))


@cache
def _cue_words(sections: tuple[str, ...], extra: frozenset[str]) -> CueWords:
    cues = cue_lemmas(sections)
    if OBJECT_SECTION in sections:  # "endorsed Clinton", "wants NATO to provide …"
        cues |= object_lemmas()
    cues |= phrase_cues().keys()  # "pointed out that …", "weighed in on …"
    speech = cue_lemmas(SPEECH_SECTIONS) | extra
    return CueWords(
        cues=cues | extra,
        reporting=cue_lemmas(ALL_SECTIONS) | object_lemmas() | extra,
        clause_taking=cue_lemmas(CLAUSE_SECTIONS) | extra,
        speech=speech,
        any_section=cue_lemmas(ALL_SECTIONS) | extra,
        stance=object_lemmas() - speech,
        left_out=frozenset() if set(sections) - set(SPEECH_SECTIONS) else stance_phrases(),
        evidence="evidence" in sections,
    )


def default_cue_words() -> CueWords:
    """The lexicon's cue words with every default section, no extras."""
    return CueWords.build()


def read_cue_file(path: str | Path) -> list[str]:
    """Cue lemmas from a text file: one per line, ``#`` starts a comment, blank lines skipped.

    Raises ``ValueError`` naming the line when a line holds more than one word.
    """
    lemmas: list[str] = []
    text = Path(path).read_text(encoding="utf-8")
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if len(line.split()) > 1:
            raise ValueError(f"{path}:{number}: one cue lemma per line, got {line!r}")
        lemmas.append(line.lower())
    return lemmas


@cache
def _not_speech_pattern() -> re.Pattern[str]:
    """One pattern for every phrase of ``lexicon/not_speech.txt``, longest first, matched
    at each position (a lookahead), so that phrases which overlap are all found."""
    phrases = sorted(entries("not_speech"), key=len, reverse=True)
    return re.compile(r"(?=(\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b))")


def blocked_tokens(doc: Doc) -> set[int]:
    """Tokens inside fixed expressions where a reporting verb reports nothing.

    "Needless to say, the plan failed": *say* reports nothing (``lexicon/not_speech.txt``).
    """
    lowered = doc_text(doc).lower().replace("’", "'")
    blocked: set[int] = set()
    for m in _not_speech_pattern().finditer(lowered):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is not None:
            blocked.update(t.i for t in span)
    return blocked


@cache
def phrase_only_lemmas() -> frozenset[str]:
    """Verbs that report only with their phrase's words: "take" (aim at), "weigh" (in)."""
    single = cue_lemmas() | object_lemmas() | entries("cue_roles", "after_quote")
    return frozenset(phrase_cues()) - single


def has_phrase_words(verb: Token) -> bool:
    """Whether a phrase-only cue has its phrase: "weighed in", "took aim at" (not "was
    taken seriously", "weighed the options")."""
    particles = phrase_cues().get(lemma(verb), frozenset())
    return any(c.lower_ in particles for c in verb.rights)


def find_cues(
    doc: Doc,
    inside: dict[int, int],
    blocked: set[int],
    lemmas: frozenset[str],
    left_out: frozenset[tuple[str, ...]] = frozenset(),
) -> list[Token]:
    """Cue verbs outside quote marks and fixed expressions ("said" in "He said it failed");
    a verb that reports only in a phrase needs the phrase's words ("weighed in"), and one
    in a phrase ``left_out`` is none ("pointed to the polls" in the speech scope)."""
    phrase_only = phrase_only_lemmas()
    return [
        t
        for t in tokens_with(doc, "POS", VERB_POS)
        if lemma(t) in lemmas
        and t.i not in inside
        and t.i not in blocked
        and (lemma(t) not in phrase_only or has_phrase_words(t))
        and not (left_out and in_phrase_left_out(t, lemmas, left_out))
    ]


def in_phrase_left_out(
    verb: Token, lemmas: frozenset[str], left_out: frozenset[tuple[str, ...]]
) -> bool:
    """stance_phrase_out_of_scope: a verb that is a cue only through a phrase left out, and
    has that phrase's words: "Sanders pointed to the polls" (speech scope), not "pointed
    out that …" nor "said" (a cue of its own)."""
    words = {c.lower_ for c in verb.rights}
    mine = [p for p in left_out if p[0] == lemma(verb)]
    if not mine or lemma(verb) in cue_lemmas(ALL_SECTIONS):
        return False
    return any(all(w in words for w in p[1:]) for p in mine)


def cue_span(verb: Token) -> Span:
    """The verb, with its particle when it forms a phrasal cue ("lashed out", "called for")."""
    doc = verb.doc
    particles = phrase_cues().get(lemma(verb), frozenset())
    end = verb.i + 1
    for child in verb.rights:
        if child.dep_ in PARTICLE_DEPS and child.lower_ in particles and child.i == end:
            end += 1
    return doc[verb.i : end]


def is_passive_report(verb: Token) -> bool:
    """``It was reported that …``, ``X is expected to win``: a report with no source."""
    passive = has_child(verb, PASSIVE_DEPS)
    clause = has_child(verb, CLAUSE_DEPS)
    raised = lemma(verb) in raising_lemmas() and any(c.dep_ == XCOMP for c in verb.children)
    return passive and (clause or raised)


def is_passive_participle(verb: Token) -> bool:
    """``Asked whether …, 75 percent said yes``: the asker is not the one who answers.
    when_clause_as_relative: "Ted Cruz, when asked what is wrong, said …" is the same
    clause, which the parser hangs on the name as a relative one."""
    if verb.tag_ != PARTICIPLE_TAG or has_child(verb, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS):
        return False
    return verb.dep_ == ADVCL or (
        verb.dep_ == RELCL
        and any(c.lower_ in SUBORDINATORS and c.i < verb.i for c in verb.children)
    )


# Words that open an adverbial clause of time or condition: "when asked", "if pressed".
SUBORDINATORS = frozenset({"when", "if", "after", "before", "once", "while", "until", "unless"})


def is_generic_stance(verb: Token, subject: Token | None, words: CueWords) -> bool:
    """``If you want to understand …``: a stance of nobody in particular reports nothing."""
    return (
        subject is not None and subject.lower_ in generic_subjects() and lemma(verb) in words.stance
    )
