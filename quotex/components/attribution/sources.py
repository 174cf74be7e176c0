"""Attributions that no cue verb heads: a cue noun ("Hamann's claim that …"), a source
phrase ("according to X", "In a new poll, …") and a transcript's speaker label
("TAPPER: …").
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from quotex.components.attribution.clauses import (
    clause_attribution,
    clause_end,
    trim_content,
    unmarked_words,
)
from quotex.components.attribution.cues import CueWords, cue_lemmas, nominal_lemmas
from quotex.components.attribution.quote import INDIRECT, Attribution, quote_type
from quotex.components.attribution.syntax import (
    DATELINE_DASHES,
    MARK,
    NOMINAL_CLAUSE_DEPS,
    NOT_SPEAKER_ENTITIES,
    NOUN,
    POBJ,
    POSS,
    PREP,
    PROPN,
    SUBJECT_DEPS,
    char_range,
    doc_text,
    is_blank,
    lemma,
    tokens_with,
)
from quotex.components.paragraphs import paragraph_spans
from quotex.components.quotes import MarkedRegion
from quotex.lexicon import entries

SPEAKER_LABEL = re.compile(
    r"((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*)(?:,(?:\s[A-Z][\w.'’-]*){1,4})?:\s"
)  # "WALLACE: …", "Meghan McCain, Twitter: …"
CLAUSE_BREAKS = frozenset({":", ";"})
# "According to X" this close to the start of its sentence opens it (a word such as
# "But" may come first): the content is what follows.
OPENING_PHRASE_REACH = 1
# The words that open a source phrase: "according to X", "In a new poll, …".
PHRASE_OPENERS = frozenset({"according", "in"})
COMMON_NOUN = frozenset({NOUN})  # the part of speech of a cue noun ("claim")
# A source phrase that leaves fewer words than this reports nothing.
MIN_CONTENT_TOKENS = 2
# A paragraph after a label is a roster, not a turn, when it has at least this many
# commas and this share of its words are proper nouns.
ROSTER_COMMAS = 3
ROSTER_NAME_SHARE = 0.7


@cache
def evidence_nouns() -> frozenset[str]:
    """Sources that can open a sentence: "In the latest survey, …" (lexicon/evidence_nouns.txt)."""
    return entries("evidence_nouns")


@cache
def not_speaker_labels() -> frozenset[str]:
    """Words before a colon that are no speaker: "Note:", "Read more:"."""
    return entries("not_speakers", "labels")


@cache
def empty_possessives() -> frozenset[str]:
    """Possessors that name nothing on their own: "its claim that …"."""
    return entries("not_speakers", "possessives")


# --- cue nouns -------------------------------------------------------------------------


def that_clause_of(noun: Token) -> Token | None:
    """The that-clause a noun takes: "the claim that the site was losing money"."""
    return next(
        (
            c
            for c in noun.rights
            if c.dep_ in NOMINAL_CLAUSE_DEPS
            and any(m.lower_ == "that" and m.dep_ == MARK for m in c.children)
        ),
        None,
    )


def source_of_noun(noun: Token) -> Token | None:
    """Whose the claim is: the possessor ("Hamann's claim") or the by-phrase ("a claim by
    Hamann")."""
    source = next((c for c in noun.lefts if c.dep_ == POSS), None)
    if source is None:
        by = next((c for c in noun.rights if c.dep_ == PREP and c.lower_ == "by"), None)
        source = next((c for c in by.children if c.dep_ == POBJ), None) if by else None
    return source


def nominal_attributions(
    doc: Doc, regions: list[MarkedRegion], inside: dict[int, int]
) -> list[Attribution]:
    """``Hamann's claim that the site was losing money``: a cue noun with a that-clause.

    The speaker is the noun's possessor ("Hamann's") or its ``by`` phrase.
    """
    found: list[Attribution] = []
    lemmas = nominal_lemmas()
    for noun in tokens_with(doc, "POS", COMMON_NOUN):
        if lemma(noun) not in lemmas or noun.i in inside:
            continue
        clause = that_clause_of(noun)
        if clause is None:
            continue
        source = source_of_noun(noun)
        if source is None or source.i in inside or source.lower_ in empty_possessives():
            continue
        attr = clause_attribution(
            noun, (clause.left_edge.i, clause.right_edge.i + 1, False), regions, inside
        )
        if attr is not None:
            attr.cue = doc[noun.i : noun.i + 1]
            attr.subject = source
            found.append(attr)
    return found


# --- source phrases --------------------------------------------------------------------


def according_to(token: Token) -> tuple[Token, Token, Span] | None:
    """ "according to X": (phrase head, source, cue)."""
    doc = token.doc
    if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    objs = [c for c in doc[token.i + 1].children if c.dep_ == POBJ]
    return (token, objs[0], doc[token.i : token.i + 2]) if objs else None


def in_evidence(token: Token) -> tuple[Token, Token, Span] | None:
    """ "In the latest survey, 71 percent …": the survey is the source. Not where the
    clause it opens has a named subject that reports by a cue of its own (cue_in_evidence_clause:
    "In her annual report, Shelley Spence found the ministry paid …" is Spence's, found by
    "found")."""
    if token.lower_ != "in" or token.i - token.sent.start > OPENING_PHRASE_REACH:
        return None
    objs = [c for c in token.children if c.dep_ == POBJ]
    if objs and lemma(objs[0]) in evidence_nouns() and not _reported_by_subject(token.head):
        return token, objs[0], token.doc[token.i : token.i + 1]
    return None


def _reported_by_subject(verb: Token) -> bool:
    """The verb is a cue whose subject is a name ("Shelley Spence found"); not "79 percent
    of Democrats said", whom the survey reports."""
    return lemma(verb) in cue_lemmas() and any(
        c.dep_ in SUBJECT_DEPS and c.pos_ == PROPN for c in verb.children
    )


def according_phrases(
    doc: Doc, inside: dict[int, int], evidence: bool = True
) -> list[tuple[Token, Token, Span]]:
    """(phrase head, source noun, cue) of "according to X" and, where ``evidence`` counts
    (``--scope all``), "In a new poll, …"."""
    pairs = []
    for token in tokens_with(doc, "LOWER", PHRASE_OPENERS):
        if token.i in inside:
            continue
        found = according_to(token) or (in_evidence(token) if evidence else None)
        if found is not None:
            pairs.append(found)
    return pairs


def is_dateline(span: Span) -> bool:
    """Place names and agency before a dash: "BRAMLEY, England (Wire)", "WASHINGTON (AP)"."""
    words = [t for t in span if not is_blank(t)]
    return bool(words) and all(t.pos_ == PROPN or t.text.isupper() for t in words)


def sentence_before_phrase(acc: Token, phrase_start: int) -> tuple[int, int]:
    """ "Kessler will close the plant, according to X": the sentence before the phrase,
    after a dateline ("BRAMLEY, England (Wire) — …") and after the last colon or
    semicolon ("… less attractive: London was the capital, according to X")."""
    doc = acc.doc
    start, end = trim_content(doc, acc.sent.start, phrase_start)
    dashes = [t.i for t in doc[start : acc.head.i] if t.text in DATELINE_DASHES]
    if dashes and is_dateline(doc[start : dashes[0]]):
        start, end = trim_content(doc, dashes[0] + 1, end)
    breaks = [t.i for t in doc[start:end] if t.text in CLAUSE_BREAKS]
    if breaks:
        start, end = trim_content(doc, breaks[-1] + 1, end)
    return start, end


def according_content(acc: Token, words: CueWords | None = None) -> tuple[int, int]:
    """Token range that a source phrase reports, by where the phrase sits.

    Opening the sentence: what follows ("According to X, …"). Inside a clause that goes
    on after it: the clause around it ("G4S receives, according to one report, $234
    million"). Otherwise the sentence before it.
    """
    doc = acc.doc
    phrase_start, phrase_end = acc.left_edge.i, acc.right_edge.i + 1
    head = acc.head
    while head.left_edge.i >= phrase_start and head.head.i != head.i:
        head = head.head  # climb to the clause that the phrase sits inside
    clause_start, end_of_clause = head.left_edge.i, clause_end(head, acc, words)
    if phrase_start - acc.sent.start <= OPENING_PHRASE_REACH:
        return trim_content(doc, phrase_end, acc.sent.end)
    if clause_start < phrase_start and any(not is_blank(t) for t in doc[phrase_end:end_of_clause]):
        return trim_content(doc, clause_start, end_of_clause)
    return sentence_before_phrase(acc, phrase_start)


def according_attribution(
    acc: Token,
    source: Token,
    cue: Span,
    regions: list[MarkedRegion],
    inside: dict[int, int],
    words: CueWords | None = None,
) -> Attribution | None:
    """ "According to X, …" / "…, according to X": the rest of the clause is the content."""
    doc = acc.doc
    start, end = according_content(acc, words)
    if end - start < MIN_CONTENT_TOKENS:
        return None
    hole = range(acc.left_edge.i, acc.right_edge.i + 1)
    covered = sorted({inside[i] for i in range(start, end) if i in inside})
    kind = quote_type(bool(covered), bool(unmarked_words(doc, start, end, inside, hole)))
    marked = [regions[n] for n in covered]
    return Attribution(kind, *char_range(doc, start, end), cue=cue, subject=source, regions=marked)


# --- transcript turns ------------------------------------------------------------------


def names_a_speaker(label: Span) -> bool:
    """A person, an organisation or a transcript's capitals; not "Iowa:", "Monday's …:"."""
    return not any(t.ent_type_ in NOT_SPEAKER_ENTITIES for t in label)


def is_name_list(body: Span) -> bool:
    """ "Tim Albrecht, Brad Anderson, Rob Barron, …": a roster, not a turn."""
    words = [t for t in body if not is_blank(t)]
    names = sum(t.pos_ == PROPN for t in words)
    commas = sum(t.text == "," for t in body)
    return len(words) < 2 or (commas >= ROSTER_COMMAS and names >= ROSTER_NAME_SHARE * len(words))


def surname_in_capitals(doc: Doc, label: Span) -> bool:
    """surname_in_capitals: a label in capitals that is the surname of a person the article
    names is that person's turn, whatever the tagger made of it ("TRUMP: The deaths of
    Alton Sterling …" after "Donald Trump released a video", the model's NOUN)."""
    text = label.text
    if not text.isupper() or len(text.split()) != 1:
        return False
    return any(e.label_ == "PERSON" and e[-1].text.upper() == text for e in doc.ents)


def transcript_turn(doc: Doc, start: int, end: int, inside: dict[int, int]) -> Attribution | None:
    """The turn of the paragraph ``start:end`` when a speaker label opens it."""
    text = doc_text(doc)
    m = SPEAKER_LABEL.match(text, start)
    if m is None or m.group(1).lower() in not_speaker_labels() or m.end() >= end:
        return None
    label = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    colon = doc.char_span(m.end(1), m.end(1) + 1, alignment_mode="expand")
    body = doc.char_span(m.end(), end, alignment_mode="expand")
    if label is None or colon is None or body is None:
        return None
    if any(t.i in inside for t in body):
        return None
    if not any(t.pos_ == PROPN for t in label) and not surname_in_capitals(doc, label):
        return None
    if not names_a_speaker(label) or is_name_list(body):
        return None
    turn = Attribution(INDIRECT, body.start_char, body.end_char, cue=colon)
    turn.mention = label
    return turn


def transcript_turns(doc: Doc, inside: dict[int, int]) -> list[Attribution]:
    """``TAPPER: Do you think …`` paragraphs of a transcript, without quote marks.

    The label must be a name (one to four capitalised words, not "Note" or "Update");
    the turn is reported speech, so it is typed indirect (no marks hold it).
    """
    turns = (transcript_turn(doc, s, e, inside) for s, e in paragraph_spans(doc_text(doc)))
    return [t for t in turns if t is not None]
