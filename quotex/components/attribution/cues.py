"""Cue verbs and what they report: lexicons, subjects, complements, clause attributions.

Pure functions over a parsed ``Doc``; ``quotex.components.attribution`` assembles them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from spacy.tokens import Doc, Span, Token

from quotex.components.paragraphs import paragraph_spans
from quotex.components.quotes import MarkedRegion
from quotex.lexicon import entries

OBJECT_SECTION = "object"  # the verbs of lexicon/cue_roles.txt that report through objects
DEFAULT_CUE_SECTIONS = ("speech", "writing", "cognition", "evidence", OBJECT_SECTION)
ALL_SECTIONS = ("speech", "writing", "cognition", "evidence")
CLAUSE_SECTIONS = ("speech", "writing", "cognition")
TIME_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})
NOUN_PHRASE_DEPS = frozenset({"det", "compound", "amod", "nummod", "poss", "nmod", "case"})
ADDRESSEE_OBJECT_LEMMAS = frozenset({"ask"})  # the object is who is asked
RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "whose", "what"})

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
CLAUSE_DEPS = frozenset({"ccomp"})
PARENTHETICAL_DEPS = frozenset({"parataxis"})
NOMINAL_CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl"})
TRAILING_DEPS = frozenset({"appos", "parataxis"})
COMMENT_DEPS = frozenset({"relcl", "appos", "acl"})
COMMENT_OPENERS = frozenset({",", "—", "–", "--", "("})
EVIDENCE_NOUNS = frozenset(
    {
        "poll",
        "survey",
        "study",
        "report",
        "analysis",
        "audit",
        "review",
        "investigation",
        "census",
        "tally",
        "count",
    }
)
CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though"})
OBJECT_DEPS = frozenset({"dobj", "xcomp", "oprd", "dative"})
PREP_DEPS = frozenset({"prep", "prt"})
INHERIT_SUBJECT_DEPS = frozenset({"conj", "xcomp", "advcl"})
MENTION_CUT_DEPS = frozenset({"appos", "relcl", "acl", "advcl", "punct", "cc", "conj", "prep"})
COMPLEMENTIZERS = frozenset({"that"})
VERB_POS = frozenset({"VERB", "AUX"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON"})
DATELINE_DASHES = frozenset({"—", "–", "--"})
SPEAKER_LABEL = re.compile(
    r"((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*)(?:,(?:\s[A-Z][\w.'’-]*){1,3})?:\s"
)  # "WALLACE: …", "Meghan McCain, Twitter: …"
# "X is expected to win", "X is said to be ill": passive cues whose infinitive is a report
RAISING_CUES = frozenset(
    {
        "expect",
        "say",
        "believe",
        "think",
        "report",
        "rumor",
        "rumour",
        "know",
        "consider",
        "predict",
        "project",
        "estimate",
        "suppose",
    }
)
NOT_SPEAKER_LABELS = frozenset(
    {
        "note",
        "update",
        "editor's note",
        "editor’s note",
        "photo",
        "video",
        "source",
        "watch",
        "read more",
        "related",
        "correction",
        "clarification",
        "advertisement",
        "full text",
        "listen",
        "image",
        "credit",
        "warning",
        "breaking",
        "exclusive",
        "opinion",
        "analysis",
    }
)


@lru_cache(maxsize=1)
def doc_text(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins every token again on each access."""
    return doc.text


# forms the pipeline's lemmatizer gets wrong ("hoping" -> "hop")
LEMMA_FIXES = {"hopes": "hope", "hoped": "hope", "hoping": "hope", "retweeted": "retweet"}


def lemma(token: Token) -> str:
    """The token's lowercase lemma, with the lemmatizer's known slips mended."""
    return LEMMA_FIXES.get(token.lower_) or token.lemma_.lower()


@cache
def cue_lemmas(sections: tuple[str, ...] = DEFAULT_CUE_SECTIONS) -> frozenset[str]:
    return entries("reporting_verbs", *sections)


@cache
def _phrases() -> tuple[tuple[str, ...], ...]:
    """The multiword cues as word tuples: ("call", "for"), ("refer", "to", "as"), ..."""
    return tuple(
        words for words in map(str.split, entries("reporting_verbs", "phrases")) if len(words) > 1
    )


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


@dataclass
class Attribution:
    """A quote under construction: character offsets, token-level anchors."""

    type: str
    start: int
    end: int
    cue: Span | None = None
    subject: Token | None = None
    mention: Span | None = None
    speaker: str | None = None
    entity: str | None = None
    regions: list[MarkedRegion] = field(default_factory=list)
    inherited: bool = False

    def to_record(self) -> dict:
        return {
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "speaker_mention": [self.mention.start_char, self.mention.end_char]
            if self.mention is not None
            else None,
            "speaker_entity": self.entity,
            "cue": [self.cue.start_char, self.cue.end_char] if self.cue is not None else None,
        }


def region_tokens(doc: Doc, regions: list[MarkedRegion]) -> dict[int, int]:
    """Token index → index of the region whose marks enclose it (marks included)."""
    inside: dict[int, int] = {}
    for number, region in enumerate(regions):
        span = doc.char_span(region.open, region.close, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            inside[token.i] = number
    return inside


def blocked_tokens(doc: Doc) -> set[int]:
    """Tokens inside fixed expressions where a reporting verb reports nothing."""
    lowered = doc_text(doc).lower().replace("’", "'")
    blocked: set[int] = set()
    for phrase in entries("not_speech"):
        for m in re.finditer(rf"\b{re.escape(phrase)}\b", lowered):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None:
                blocked.update(t.i for t in span)
    return blocked


def subject_of(verb: Token, inside: dict[int, int] | None = None) -> Token | None:
    """The subject of a cue verb, looking through conjunction, xcomp, relative clauses,
    prepositions ("won by promising …") and the noun a gerund qualifies ("calls saying …").

    Words inside quote marks are never the subject ("“The ferries left,” she said" can
    come parsed with two subjects).
    """
    inside = inside or {}
    seen = 0
    while verb is not None and seen < 4:
        seen += 1
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i not in inside]
        if subjects:  # the nearest: "His assessment: “…,” he said" is his
            # a relative pronoun is kept as written; its antecedent names it
            return _past_dateline(min(subjects, key=lambda c: abs(c.i - verb.i)))
        if verb.dep_ in INHERIT_SUBJECT_DEPS and verb.head.i != verb.i:
            verb = verb.head
            continue
        if verb.dep_ == "relcl":
            return verb.head
        if verb.dep_ == "acl" and lemma(verb.head) in nominal_lemmas():
            # "Clinton issued a statement saying …": the statement's issuer speaks
            verb = verb.head.head
            continue
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head  # "a petition calling on him to …", "911 calls saying …"
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.i != verb.i:
            # "won the nomination by promising …": the one who won promised
            verb = verb.head.head
            continue
        return _misparsed_subject(verb, inside)
    return None


def _past_dateline(subject: Token) -> Token:
    """ "WASHINGTON -- President Obama … said": the parser makes the dateline the subject
    and the speaker its appositive."""
    doc = subject.doc
    after = doc[subject.i + 1] if subject.i + 1 < len(doc) else None
    if subject.text.isupper() and after is not None and after.text in DATELINE_DASHES:
        appos = next((c for c in subject.rights if c.dep_ == "appos"), None)
        if appos is not None:
            return appos
    return subject


def inverted_subject(verb: Token, inside: dict[int, int]) -> Token | None:
    """``"Meh," wrote a Trump supporter``: after a closing quote mark, the noun phrase right
    after the verb is its subject, however the parser attached it."""
    doc = verb.doc
    before = doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.text == "," and verb.i > 1:
        before = doc[verb.i - 2]
    if before is None or not before.is_quote or verb.i + 1 >= len(doc):
        return None
    head = doc[verb.i + 1]
    while head.dep_ in NOUN_PHRASE_DEPS and head.head.i > head.i:
        head = head.head
    if head.pos_ not in ("PROPN", "NOUN") or head.i in inside:
        return None
    return head if head.ent_type_ not in TIME_ENTITIES else None


def _misparsed_subject(verb: Token, inside: dict[int, int]) -> Token | None:
    """ "Jeffrey Salkin, a rabbi helping …, said he …": the parser made the subject's noun
    phrase a clause of its own (its head "rabbi", Salkin that clause's subject)."""
    for child in verb.lefts:
        if child.dep_ in CLAUSE_DEPS and child.i not in inside:
            inner = next((c for c in child.lefts if c.dep_ in SUBJECT_DEPS), None)
            if inner is not None and inner.pos_ == "PROPN":
                return inner
    return None


def is_passive_report(verb: Token) -> bool:
    """``It was reported that …``, ``X is expected to win``: a report with no source."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    clause = any(c.dep_ in CLAUSE_DEPS for c in verb.children)
    raised = lemma(verb) in RAISING_CUES and any(c.dep_ == "xcomp" for c in verb.children)
    return passive and (clause or raised)


def is_passive_participle(verb: Token) -> bool:
    """``Asked whether …, 75 percent said yes``: the asker is not the one who answers."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "advcl"
        and not any(c.dep_ in SUBJECT_DEPS | {"nsubjpass"} for c in verb.children)
    )


def passive_agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def mention_span(head: Token) -> Span:
    """The speaker mention around its head: left modifiers kept, appositions and clauses cut."""
    doc = head.doc
    start = head.left_edge.i
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in MENTION_CUT_DEPS:
            break
        end = child.right_edge.i + 1
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def cue_span(verb: Token) -> Span:
    """The verb, with its particle when it forms a phrasal cue ("lashed out", "called for")."""
    doc = verb.doc
    particles = phrase_cues().get(lemma(verb), frozenset())
    end = verb.i + 1
    for child in verb.rights:
        if child.dep_ in ("prt", "prep") and child.lower_ in particles and child.i == end:
            end += 1
    return doc[verb.i : end]


def find_cues(
    doc: Doc, inside: dict[int, int], blocked: set[int], lemmas: frozenset[str]
) -> list[Token]:
    """Cue verbs outside quote marks."""
    return [
        t
        for t in doc
        if t.pos_ in VERB_POS and lemma(t) in lemmas and t.i not in inside and t.i not in blocked
    ]


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without edge punctuation, space and a leading complementizer."""
    while start < end and (
        doc[start].is_punct
        or doc[start].is_space
        or (doc[start].lower_ in COMPLEMENTIZERS and doc[start].dep_ == "mark")
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"
    ):
        end -= 1  # "denied the charges and": the conjunction leads to what was cut off
    return start, end


@cache
def clause_only_lemmas() -> frozenset[str]:
    """Cues whose object is not what was said ("said nothing", "told reporters")."""
    return entries("cue_roles", "clause_only")


@cache
def object_lemmas() -> frozenset[str]:
    """Cues whose object or infinitive is the content ("urged him to resign")."""
    return entries("cue_roles", "object")


@cache
def stance_lemmas() -> frozenset[str]:
    """Object cues that are positions, not speech or writing ("want", "support")."""
    return object_lemmas() - cue_lemmas(("speech", "writing"))


@cache
def reporting_lemmas() -> frozenset[str]:
    """Every verb that reports on its own, without a particle ("said", not "pointed")."""
    return cue_lemmas(ALL_SECTIONS) | object_lemmas()


def _clause_end(clause: Token, cue: Token | None = None) -> int:
    """End of a clause, before a trailing comment on it (", a charge that … denied")."""
    end = clause.right_edge.i + 1
    for child in clause.rights:
        if cue is not None and child.i == cue.i:
            continue
        trailing = child.dep_ in TRAILING_DEPS or (
            child.dep_ == "advcl"
            and (
                any(m.lower_ in CONTRAST_MARKS for m in child.children)
                # ", adding that …": a report of its own, not part of this one
                or (child.tag_ == "VBG" and lemma(child) in cue_lemmas())
            )
        )
        if (
            child.dep_ == "conj"
            and lemma(child) in cue_lemmas(("speech", "writing"))
            and not any(c.dep_ in SUBJECT_DEPS for c in child.children)
        ):  # "said he would act and warned …": the speaker's next report, not this one
            trailing = True
            cc = [c for c in clause.rights if c.dep_ == "cc" and c.i < child.i]
            child = cc[-1] if cc else child
        if trailing and child.left_edge.i > clause.i:
            end = min(end, child.left_edge.i)
    # ", who does not need …" / ", a plan he has since modified" closing the clause at
    # any depth is a comment on its last noun, not part of what was reported
    return _comment_cut(clause.doc, clause.i + 1, end)


def _comment_cut(doc: Doc, first: int, end: int) -> int:
    """``end``, or the start of a comment that closes ``doc[first:end]``."""
    for token in doc[first:end]:
        if (
            token.dep_ in COMMENT_DEPS
            and token.left_edge.i >= first
            and doc[token.left_edge.i - 1].text in COMMENT_OPENERS
            and token.right_edge.i + 1 >= end - 1
        ):
            return token.left_edge.i - 1
    return end


def _gerund_subject_clause(verb: Token) -> list[Token]:
    """ "said legalizing it could put …": the parser hangs the clause from the gerund that
    is its subject; the clause, gerund included, is the complement."""
    gerund = next((c for c in verb.rights if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
    if gerund is None or gerund.i != verb.i + 1:
        return []
    clause = next((c for c in gerund.rights if c.dep_ in CLAUSE_DEPS), None)
    if clause is None or gerund.left_edge.i < gerund.i:
        return []
    return [clause]


ANSWERS = frozenset({"yes", "no"})


def _yes_or_no(verb: Token) -> tuple[int, int, bool] | None:
    """ "75 percent said yes", "He said no to the Iraq war": the answer is the content."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or doc[verb.i + 1].lower_ not in ANSWERS:
        return None
    answer = doc[verb.i + 1]
    if answer.head != verb or answer.dep_ not in ("intj", "dobj"):
        return None
    end = answer.i + 1
    prep = next((c for c in verb.rights if c.dep_ == "prep" and c.i == end), None)
    if prep is not None:  # "no to the Iraq war"
        end = prep.right_edge.i + 1
    return answer.i, end, False


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
CLAUSE_OPENING_TAGS = frozenset({"IN", "TO", "WRB", "WDT", "WP", "RP", "CC"})
MISPARSE_REACH = 6  # how far after the cue a misparsed clause's subject may start


def _is_finite(verb: Token) -> bool:
    return verb.tag_ in FINITE_TAGS or any(
        a.tag_ in FINITE_TAGS for a in verb.children if a.dep_ in ("aux", "auxpass")
    )


def _misparsed_clause(verb: Token, verb_lemma: str) -> tuple[int, int, bool] | None:
    """ "Mr. Band said he had secured contracts …": a reported clause the parser turned
    into an object ("contracts") with modifiers. A subject of a finite verb within a few
    words after a clause-taking cue, before any preposition, conjunction or relative word,
    starts the content, which runs to the end of the cue's phrase."""
    if verb_lemma not in cue_lemmas(CLAUSE_SECTIONS):
        return None
    doc = verb.doc
    limit = min(verb.i + 1 + MISPARSE_REACH, verb.right_edge.i + 1)
    for token in doc[verb.i + 1 : limit]:
        if token.is_punct or token.lower_ in RELATIVE_WORDS or token.tag_ in CLAUSE_OPENING_TAGS:
            return None  # "added when the interviewer …", "responded to X": not a complement
        head = token.head
        if token.dep_ in ("nsubj", "nsubjpass") and head.i > verb.i and _is_finite(head):
            start = verb.i + 1
            return start, _comment_cut(doc, start + 1, verb.right_edge.i + 1), False
    return None


def complement_range(verb: Token) -> tuple[int, int, bool] | None:
    """Token range of what a cue reports, and whether the range may sit left of the cue.

    A clausal complement wins ("said the plan failed", "“…,” he said"). For cues whose
    object is content, the object, infinitive and phrase preposition after the verb
    ("urged him to resign", "accused the US of stirring", "called for a safe zone").
    """
    verb_lemma = lemma(verb)
    particles = phrase_cues().get(verb_lemma, frozenset())
    if verb_lemma not in reporting_lemmas() and not any(
        c.dep_ in PREP_DEPS and c.lower_ in particle_cues().get(verb_lemma, ())
        for c in verb.children
    ):
        return None  # a verb that reports only in its phrase: "pointed out", not "pointed"
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS]
    if not clauses:
        clauses = _gerund_subject_clause(verb)
    if clauses:
        # "In an interview, Trump said X": a clause the parser also hung on the left
        # loses to the one after the verb
        clause = next((c for c in clauses if c.i > verb.i), clauses[0])
        start = min(clause.left_edge.i, clause.head.i if clause.head != verb else clause.i)
        return start, _clause_end(clause), clause.i < verb.i
    answer = _yes_or_no(verb)
    if answer is not None:
        return answer
    misparsed = _misparsed_clause(verb, verb_lemma)
    if misparsed is not None:
        return misparsed
    if verb.dep_ in PARENTHETICAL_DEPS and verb.head.pos_ in VERB_POS:
        # "This campaign, he says, is different.": the sentence around "he says"
        head = verb.head
        return head.left_edge.i, _clause_end(head, verb), True
    if verb_lemma not in object_lemmas() and not particles:
        return None
    parts = [
        c
        for c in verb.rights
        if c.dep_ in OBJECT_DEPS or (c.dep_ in PREP_DEPS and c.lower_ in particles)
    ]
    if verb_lemma not in object_lemmas() or verb_lemma in clause_only_lemmas():
        # only the phrase: "call for X", "talked about X" (but not "told reporters")
        parts = [c for c in parts if c.dep_ in PREP_DEPS]
    if verb_lemma in ADDRESSEE_OBJECT_LEMMAS and not any(c.dep_ == "xcomp" for c in parts):
        # "asked Carson about his plan": Carson is asked, the plan is the content
        parts = [c for c in parts if c.dep_ not in ("dobj", "dative")]
    # "calling for the US to step up": the parser makes "for" the mark of a clause
    parts += [
        c
        for c in verb.rights
        if c.dep_ == "advcl"
        and c.left_edge.dep_ == "mark"
        and c.left_edge.lower_ in particles
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]
    if not parts:
        return None
    start = min(c.left_edge.i for c in parts)
    end = max(c.right_edge.i for c in parts) + 1
    first = verb.doc[start]
    if first.lower_ in particles and (first.dep_ in PREP_DEPS or first.dep_ == "mark"):
        start += 1  # "called for X": the content is X
    # "called for the secretary to release …": the infinitive hangs from the verb
    follow = [
        c
        for c in verb.rights
        if c.dep_ in ("advcl", "xcomp") and c.left_edge.i == end and c.left_edge.lower_ == "to"
    ]
    if follow and parts[0].dep_ in PREP_DEPS:
        end = follow[0].right_edge.i + 1
    return start, _comment_cut(verb.doc, start + 1, end), False


def clause_attribution(
    verb: Token, bounds: tuple[int, int, bool], regions: list[MarkedRegion], inside: dict[int, int]
) -> Attribution | None:
    """An indirect, mixed or direct attribution from what a cue reports."""
    doc = verb.doc
    first, last, head_left = bounds
    start, end = _trim(doc, first, last)
    if start >= end:
        return None
    # a clause around its cue: "who he said had criticised" keeps the side of its head;
    # "The problem, Ms. Bigbee said, is …" keeps all, the parenthetical "X said" aside
    hole: range = range(0)
    if start < verb.i < end:
        if not head_left:
            start, end = _trim(doc, verb.i + 1, end)
            if start >= end:
                return None
        else:
            hole = range(verb.left_edge.i, verb.right_edge.i + 1)
    covered = sorted({inside[i] for i in range(start, end) if i in inside})
    outside_words = [
        t
        for t in doc[start:end]
        if t.i not in inside and t.i not in hole and not t.is_punct and not t.is_space
    ]
    cue = cue_span(verb)
    if covered:
        marked = [regions[n] for n in covered]
        if not outside_words:
            return Attribution("direct", 0, 0, cue=cue, regions=marked)
        char_start = doc[start].idx
        char_end = doc[end - 1].idx + len(doc[end - 1])
        for region in marked:  # take in a closing mark the parse left outside the clause
            if region.end <= char_end + 2 < region.close + 2:
                char_end = max(char_end, region.close)
        return Attribution("mixed", char_start, char_end, cue=cue, regions=marked)
    if not outside_words:
        return None
    return Attribution("indirect", doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), cue=cue)


def according_phrases(doc: Doc, inside: dict[int, int]) -> list[tuple[Token, Token, Span]]:
    """(phrase head, source noun, cue) of "according to X" and "In a new poll, …"."""
    pairs = []
    for token in doc:
        if token.i in inside:
            continue
        if (
            token.lower_ == "according"
            and token.i + 1 < len(doc)
            and doc[token.i + 1].lower_ == "to"
        ):
            objs = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
            if objs:
                pairs.append((token, objs[0], doc[token.i : token.i + 2]))
        elif token.lower_ == "in" and token.i - token.sent.start <= 1:
            # "In the latest survey, 71 percent …": the survey is the source
            objs = [c for c in token.children if c.dep_ == "pobj"]
            if objs and lemma(objs[0]) in EVIDENCE_NOUNS:
                pairs.append((token, objs[0], doc[token.i : token.i + 1]))
    return pairs


def _is_dateline(span: Span) -> bool:
    """Place names and agency before a dash: "BRAMLEY, England (Wire)", "WASHINGTON (AP)"."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    return bool(words) and all(t.pos_ == "PROPN" or t.text.isupper() for t in words)


def according_attribution(
    acc: Token, source: Token, cue: Span, regions: list[MarkedRegion], inside: dict[int, int]
) -> Attribution | None:
    """ "According to X, …" / "…, according to X": the rest of the clause is the content."""
    doc = acc.doc
    sent = acc.sent
    phrase_start, phrase_end = acc.left_edge.i, acc.right_edge.i + 1
    head = acc.head
    while head.left_edge.i >= phrase_start and head.head.i != head.i:
        head = head.head  # climb to the clause that the phrase sits inside
    clause_start, clause_end = head.left_edge.i, _clause_end(head, acc)
    hole = range(phrase_start, phrase_end)
    if phrase_start - sent.start <= 1:
        start, end = _trim(doc, phrase_end, sent.end)
    elif clause_start < phrase_start and any(
        not (t.is_punct or t.is_space) for t in doc[phrase_end:clause_end]
    ):  # "G4S receives, according to one report, $234 million": the clause around it
        start, end = _trim(doc, clause_start, clause_end)
    else:
        start, end = _trim(doc, sent.start, phrase_start)
        dashes = [t.i for t in doc[start : acc.head.i] if t.text in DATELINE_DASHES]
        if dashes and _is_dateline(doc[start : dashes[0]]):
            # "BRAMLEY, England (Wire) — Kessler will close…": skip the dateline
            start, end = _trim(doc, dashes[0] + 1, end)
        breaks = [t.i for t in doc[start:end] if t.text in (":", ";")]
        if breaks:  # "… less attractive: London was the capital, according to X"
            start, end = _trim(doc, breaks[-1] + 1, end)
    if end - start < 2:
        return None
    covered = sorted({inside[i] for i in range(start, end) if i in inside})
    outside = [
        t
        for t in doc[start:end]
        if t.i not in inside and t.i not in hole and not (t.is_punct or t.is_space)
    ]
    kind = "indirect" if not covered else ("mixed" if outside else "direct")
    marked = [regions[n] for n in covered]
    return Attribution(
        kind,
        doc[start].idx,
        doc[end - 1].idx + len(doc[end - 1]),
        cue=cue,
        subject=source,
        regions=marked,
    )


def transcript_turns(doc: Doc, inside: dict[int, int]) -> list[Attribution]:
    """``TAPPER: Do you think …`` paragraphs of a transcript, without quote marks.

    The label must be a name (one to four capitalised words, not "Note" or "Update");
    the turn is reported speech, so it is typed indirect (no marks hold it).
    """
    text = doc_text(doc)
    turns: list[Attribution] = []
    for start, end in paragraph_spans(text):
        m = SPEAKER_LABEL.match(text, start)
        if m is None or m.group(1).lower() in NOT_SPEAKER_LABELS or m.end() >= end:
            continue
        label = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        colon = doc.char_span(m.end(1), m.end(1) + 1, alignment_mode="expand")
        body = doc.char_span(m.end(), end, alignment_mode="expand")
        if label is None or colon is None or body is None:
            continue
        if any(t.i in inside for t in body) or not any(t.pos_ == "PROPN" for t in label):
            continue
        if not _names_a_speaker(label) or _is_name_list(body):
            continue
        turn = Attribution("indirect", body.start_char, body.end_char, cue=colon)
        turn.mention = label
        turns.append(turn)
    return turns


NOT_SPEAKER_ENTITIES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "EVENT", "WORK_OF_ART"})


def _names_a_speaker(label: Span) -> bool:
    """A person, an organisation or a transcript's capitals; not "Iowa:", "Monday's …:"."""
    return not any(t.ent_type_ in NOT_SPEAKER_ENTITIES for t in label)


def _is_name_list(body: Span) -> bool:
    """ "Tim Albrecht, Brad Anderson, Rob Barron, …": a roster, not a turn."""
    words = [t for t in body if not t.is_punct and not t.is_space]
    names = sum(t.pos_ == "PROPN" for t in words)
    return len(words) < 2 or (sum(t.text == "," for t in body) >= 3 and names >= 0.7 * len(words))


@cache
def nominal_lemmas() -> frozenset[str]:
    return entries("nominal_cues")


def nominal_attributions(
    doc: Doc, regions: list[MarkedRegion], inside: dict[int, int]
) -> list[Attribution]:
    """``Hamann's claim that the site was losing money``: a cue noun with a that-clause.

    The speaker is the noun's possessor ("Hamann's") or its ``by`` phrase.
    """
    found: list[Attribution] = []
    lemmas = nominal_lemmas()
    for noun in doc:
        if noun.pos_ != "NOUN" or lemma(noun) not in lemmas or noun.i in inside:
            continue
        clause = next(
            (
                c
                for c in noun.rights
                if c.dep_ in NOMINAL_CLAUSE_DEPS
                and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
            ),
            None,
        )
        if clause is None:
            continue
        source = next((c for c in noun.lefts if c.dep_ == "poss"), None)
        if source is None:
            by = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "by"), None)
            source = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
        if source is None or source.i in inside or source.lower_ in ("its", "their"):
            continue
        attr = clause_attribution(
            noun, (clause.left_edge.i, clause.right_edge.i + 1, False), regions, inside
        )
        if attr is not None:
            attr.cue = doc[noun.i : noun.i + 1]
            attr.subject = source
            found.append(attr)
    return found
