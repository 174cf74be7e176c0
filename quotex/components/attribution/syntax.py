"""The vocabulary of the attribution rules: spaCy labels as constants, shared token helpers.

Dependency labels are ClearNLP's (spaCy's English models), part-of-speech tags are
Universal (``token.pos_``) and fine tags Penn Treebank (``token.tag_``). Every rule
module imports its labels from here, so a reader finds in one place which labels the
rules depend on, and a model with another scheme needs one mapping.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from quotex.components.quotes import MarkedRegion
from quotex.components.text import doc_text, tokens_with  # noqa: F401  (re-exported)
from quotex.lexicon import entries

# --- dependency labels -----------------------------------------------------------------
ACL = "acl"  # a clause qualifying a noun: "a statement saying …"
ADVCL = "advcl"
ADVMOD = "advmod"
AGENT = "agent"  # "by" of a passive: "reported by X"
APPOS = "appos"
CC = "cc"
CCOMP = "ccomp"
COMPOUND = "compound"
CONJ = "conj"
DOBJ = "dobj"
DATIVE = "dative"
INTJ = "intj"
MARK = "mark"
PCOMP = "pcomp"
POBJ = "pobj"
POSS = "poss"
PREP = "prep"
RELCL = "relcl"
XCOMP = "xcomp"

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass"})
NOMINAL_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
PASSIVE_DEPS = frozenset({"nsubjpass", "auxpass"})
AUX_DEPS = frozenset({"aux", "auxpass"})
CLAUSE_DEPS = frozenset({"ccomp"})  # a cue's reported clause
PARENTHETICAL_DEPS = frozenset({"parataxis"})
NOMINAL_CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl"})  # "the claim that …"
TRAILING_DEPS = frozenset({"appos", "parataxis"})
COMMENT_DEPS = frozenset({"relcl", "appos", "acl"})  # ", a plan he has since modified"
OBJECT_DEPS = frozenset({"dobj", "xcomp", "oprd", "dative"})
ADDRESSEE_DEPS = frozenset({"dobj", "dative"})
PREP_DEPS = frozenset({"prep", "prt"})
PARTICLE_DEPS = frozenset({"prt", "prep"})
INFINITIVE_DEPS = frozenset({"advcl", "xcomp"})
INHERIT_SUBJECT_DEPS = frozenset({"conj", "xcomp", "advcl"})
MENTION_CUT_DEPS = frozenset({"appos", "relcl", "acl", "advcl", "punct", "cc", "conj", "prep"})
NOUN_PHRASE_DEPS = frozenset({"det", "compound", "amod", "nummod", "poss", "nmod", "case"})
NAME_PHRASE_DEPS = frozenset({"compound", "det", "amod", "nmod", "poss"})
QUALIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
WORK_QUALIFIER_DEPS = frozenset({"compound", "nmod", "amod"})  # "“Orange …” star"
ANSWER_DEPS = frozenset({"intj", "dobj"})
AUX = "aux"

# --- part-of-speech and fine tags ------------------------------------------------------
VERB = "VERB"
NOUN = "NOUN"
PROPN = "PROPN"
ADP = "ADP"
VERB_POS = frozenset({"VERB", "AUX"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
MENTION_START_POS = frozenset({"PROPN", "NOUN", "DET"})  # where a name after a dash starts
GERUND_TAG = "VBG"
PARTICIPLE_TAG = "VBN"
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
CLAUSE_OPENING_TAGS = frozenset({"IN", "TO", "WRB", "WDT", "WP", "RP", "CC"})
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
SINGULAR_NOUN_TAGS = frozenset({"NN", "NNP"})

# --- entity labels ---------------------------------------------------------------------
TIME_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})
SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})  # names that can speak
NOT_SPEAKER_ENTITIES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "EVENT", "WORK_OF_ART"})

# --- punctuation -----------------------------------------------------------------------
DATELINE_DASHES = frozenset({"—", "–", "--"})
COMMENT_OPENERS = frozenset({",", "—", "–", "--", "("})
POSSESSIVE_MARKS = frozenset({"’s", "'s"})


@cache
def lemma_fixes() -> dict[str, str]:
    """Word forms the lemmatizer gets wrong ("hoping" -> "hop"), from lexicon/lemma_fixes.txt."""
    return dict(line.split() for line in entries("lemma_fixes"))


@cache
def function_words(role: str) -> frozenset[str]:
    """Closed-class words of one role in ``lexicon/function_words.txt``."""
    return entries("function_words", role)


def lemma(token: Token) -> str:
    """The token's lowercase lemma, with the lemmatizer's known slips mended."""
    return lemma_fixes().get(token.lower_) or token.lemma_.lower()


def is_blank(token: Token) -> bool:
    """Punctuation or white space: no word."""
    return token.is_punct or token.is_space


def has_child(token: Token, deps: frozenset[str]) -> bool:
    """Whether any dependent of ``token`` has one of the labels ``deps``."""
    return any(c.dep_ in deps for c in token.children)


# Heads that name a share of what their "of" phrase names: "one of her ads", "some of
# the protesters", "many of his aides".
QUANTITY_HEADS = frozenset(
    {"one", "two", "three", "some", "many", "most", "several", "few", "all", "none", "each"}
)


def part_of_a_quantity(head: Token, child: Token) -> bool:
    """quantity_of: the "of" phrase of a share is part of the mention: "one of her ads",
    not "one" alone."""
    return (
        head.lower_ in QUANTITY_HEADS
        and child.dep_ == PREP
        and child.lower_ == "of"
        and child.i == head.i + 1
    )


def share_head(token: Token) -> Token:
    """The noun a share names ("one of her ads" → ads), else ``token``."""
    if token.lower_ in QUANTITY_HEADS:
        for prep in token.rights:
            if part_of_a_quantity(token, prep):
                objs = [c for c in prep.children if c.dep_ == POBJ]
                if objs:
                    return objs[0]
    return token


def mention_span(head: Token) -> Span:
    """The mention around its head: left modifiers kept, appositions and clauses cut, and a
    left phrase a comma closes (fronted_phrase_cut: the parser hung "outside the port's
    east gate," on "Tremblay" in "At a picket line outside the port's east gate, veteran
    dockworker Jean-François Tremblay said …"), and a dateline the parser hung on the
    first name of the story ("TORONTO — Cohere said …")."""
    doc = head.doc
    start = head.left_edge.i
    if head.pos_ == PROPN:  # a name's; "Khizr and Ghazala Khan, the Gold Star parents" stays
        for child in head.lefts:
            edge = child.right_edge
            if edge.text == "," and edge.i < head.i and not _names_someone(child):
                start = edge.i + 1
    if doc[start].text.isupper() and start + 1 < head.i and doc[start + 1].text in DATELINE_DASHES:
        start += 2  # dateline_cut: "TORONTO — Cohere, the Toronto-based … company, said"
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in MENTION_CUT_DEPS and not part_of_a_quantity(head, child):
            break
        end = child.right_edge.i + 1
    while start < head.i and is_blank(doc[start]):
        start += 1
    while end - 1 > head.i and is_blank(doc[end - 1]):
        end -= 1
    return doc[start:end]


def _names_someone(phrase: Token) -> bool:
    return any(t.ent_type_ == "PERSON" for t in phrase.subtree)


# Prepositions that open a list of members of the group a mention names.
MEMBER_PREPOSITIONS = frozenset({"like", "including", "as"})  # "as" of "such as"


# Words that join a companion to a subject: "along with", "together with", "alongside".
COMPANION_WORDS = frozenset({"along", "together", "alongside"})


def companions(head: Token) -> list[Token]:
    """speaking_along_with: the names joined to a subject by "along with", "together with"
    or "alongside", on the subject or, as the parser often hangs it, on its verb right
    after the subject: "Ms. Epstein, along with Judge Richard A. Posner and William M.
    Landes, wrote …" (Posner; Landes is his conjunct), "Carney, along with Finance Minister
    François-Philippe Champagne, said …"."""
    verb = head.head
    preps = list(head.rights)
    if head.dep_ in SUBJECT_DEPS and verb.i > head.i:
        preps += [c for c in verb.children if head.i < c.i < verb.i]
    found = []
    for word in preps:
        if word.dep_ not in (PREP, ADVMOD) or word.lower_ not in COMPANION_WORDS | {"with"}:
            continue
        if word.lower_ == "with" and not any(c.lower_ in COMPANION_WORDS for c in word.children):
            continue
        inner = [word] + [c for c in word.children if c.dep_ == PREP and c.lower_ == "with"]
        found += [c for w in inner for c in w.children if c.dep_ == POBJ and c.pos_ == PROPN]
    return found


def with_conjuncts(mention: Span) -> Span:
    """coordinated_speakers: a mention widened over the names conjoined to its head or to
    its apposition, and over the members it lists, so that it reads as written and holds
    every speaker: "Eisenhower and his future secretary of State, John Foster Dulles,
    criticized …", "nuclear experts David Albright and Serena Kelleher-Vergantini wrote",
    "Republicans, including Sen. John McCain and Sen. Lindsey Graham, said", and the
    :func:`companions` joined by "along with". Without a
    conjunction or a list the mention is left as it is; clauses after the last name stay
    cut (:func:`mention_span`)."""
    head = mention.root
    named = [head] + [c for c in head.rights if c.dep_ == "appos" and c.pos_ == PROPN]
    members = [
        c
        for prep in head.rights
        if prep.dep_ == PREP and prep.lower_ in MEMBER_PREPOSITIONS
        for c in prep.children
        if c.dep_ == POBJ and c.pos_ == PROPN
    ] + companions(head)
    joined, todo = [], named + members
    while todo:  # "A, B and C": C hangs on B, B on A
        found = [c for t in todo for c in t.rights if c.dep_ == CONJ and c.pos_ in NOMINAL_POS]
        joined += found
        todo = found
    if not joined and not members:
        return mention
    last = max(joined + members, key=lambda t: t.i)
    later = [c for t in (head, last) for c in t.rights if c.dep_ == "appos" and c.i > last.i]
    end = max(mention_span(t).end for t in [last, *later])
    marks = [t.i for t in mention.doc[mention.end : end] if t.is_quote]
    if marks:  # never into quoted words: "Smith and “the people”"
        end = marks[0]
    while end > mention.end and (
        is_blank(mention.doc[end - 1]) or mention.doc[end - 1].dep_ in ("cc", "prep")
    ):
        end -= 1
    return mention.doc[mention.start : max(end, mention.end)]


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


def region_token_span(doc: Doc, region: MarkedRegion) -> Span | None:
    """The tokens of a region's content, marks excluded."""
    return doc.char_span(region.start, region.end, alignment_mode="expand")


def char_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of the tokens ``doc[start:end]`` (``end`` exclusive, > ``start``)."""
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last)
