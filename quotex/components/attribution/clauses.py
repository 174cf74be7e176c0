"""What a cue reports: the token range of its content, and the quote made of it.

``complement_range`` tries ``COMPLEMENT_RULES`` in order; the first that finds a range
wins. ``clause_end`` cuts what trails a clause but is not part of the report;
``clause_attribution`` turns a range into a direct, mixed or indirect quote.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from quotex.components.attribution.cues import (
    CueWords,
    addressee_lemmas,
    clause_only_lemmas,
    cue_span,
    default_cue_words,
    object_lemmas,
    particle_cues,
    phrase_cues,
)
from quotex.components.attribution.quote import Attribution, quote_type
from quotex.components.attribution.syntax import (
    ACL,
    ADDRESSEE_DEPS,
    ADVCL,
    ADVMOD,
    ANSWER_DEPS,
    AUX,
    AUX_DEPS,
    CC,
    CLAUSE_DEPS,
    CLAUSE_OPENING_TAGS,
    COMMENT_DEPS,
    COMMENT_OPENERS,
    CONJ,
    DOBJ,
    FINITE_TAGS,
    GERUND_TAG,
    INFINITIVE_DEPS,
    MARK,
    NOMINAL_SUBJECT_DEPS,
    OBJECT_DEPS,
    PARENTHETICAL_DEPS,
    POBJ,
    PREP,
    PREP_DEPS,
    RELCL,
    SUBJECT_DEPS,
    TRAILING_DEPS,
    VERB_POS,
    XCOMP,
    char_range,
    function_words,
    has_child,
    is_blank,
    lemma,
)
from quotex.components.quotes import MarkedRegion

# (first token, end token, whether the content may start left of the cue)
Bounds = tuple[int, int, bool]

# How far after the cue a misparsed clause's subject may start: "said he had …" and
# "said the new contracts had …" fit; farther, the word is rarely a clause's subject.
MISPARSE_REACH = 6
# A closing mark this many characters past a mixed quote's last word (a full stop or a
# comma between) belongs to the quote although the parse left it outside the clause.
CLOSING_MARK_REACH = 2
INFINITIVE_MARKER = "to"


def trim_content(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without edge punctuation, space, a leading complementizer ("that …")
    and a trailing conjunction ("denied the charges and": it leads to what was cut off)."""
    while start < end and (
        is_blank(doc[start])
        or (doc[start].lower_ in function_words("complementizers") and doc[start].dep_ == MARK)
    ):
        start += 1
    while end > start and (is_blank(doc[end - 1]) or doc[end - 1].dep_ == CC):
        end -= 1
    return start, end


def cut_closing_comment(doc: Doc, first: int, end: int) -> int:
    """``end``, or the start of a comment that closes ``doc[first:end]``.

    "…, who does not need …" / "…, a plan he has since modified": a comma-led relative
    clause or apposition closing the content at any depth comments on its last noun.
    """
    for token in doc[first:end]:
        if (
            token.dep_ in COMMENT_DEPS
            and token.left_edge.i >= first
            and doc[token.left_edge.i - 1].text in COMMENT_OPENERS
            and token.right_edge.i + 1 >= end - 1
        ):
            return token.left_edge.i - 1
    return end


def is_contrast_clause(child: Token) -> bool:
    """ "said the plan works, while critics …": a contrast clause comments on the report."""
    return child.dep_ == ADVCL and any(
        m.lower_ in function_words("contrast_marks") for m in child.children
    )


def is_added_report(child: Token, words: CueWords) -> bool:
    """ "…, adding that …": a participle cue is a report of its own, not part of this one."""
    return child.dep_ == ADVCL and child.tag_ == GERUND_TAG and lemma(child) in words.any_section


def next_report_start(clause: Token, child: Token, words: CueWords) -> Token | None:
    """ "said he would act and warned …": a coordinated speech verb without a subject is the
    speaker's next report; it starts at its conjunction."""
    if child.dep_ == CONJ and lemma(child) in words.speech and not has_child(child, SUBJECT_DEPS):
        cc = [c for c in clause.rights if c.dep_ == CC and c.i < child.i]
        return cc[-1] if cc else child
    return None


def trailing_part(clause: Token, child: Token, words: CueWords) -> Token | None:
    """The dependent of ``clause`` (or its conjunction) where a trailing non-report starts:
    an apposition or parenthetical, a contrast clause, an added report, the next report."""
    if child.dep_ in TRAILING_DEPS or is_contrast_clause(child) or is_added_report(child, words):
        return child
    return next_report_start(clause, child, words)


def clause_end(clause: Token, cue: Token | None = None, words: CueWords | None = None) -> int:
    """End of a clause, before a trailing comment on it (", a charge that … denied")."""
    words = words or default_cue_words()
    end = clause.right_edge.i + 1
    for child in clause.rights:
        if cue is not None and child.i == cue.i:
            continue
        cut = trailing_part(clause, child, words)
        if cut is not None and cut.left_edge.i > clause.i:
            end = min(end, cut.left_edge.i)
    return cut_closing_comment(clause.doc, clause.i + 1, end)


def repair_clause_hung_on_gerund_subject(verb: Token) -> list[Token]:
    """ "said legalizing it could put …": the parser hangs the clause from the gerund that
    is its subject; the clause, gerund included, is the complement."""
    gerund = next((c for c in verb.rights if c.dep_ == XCOMP and c.tag_ == GERUND_TAG), None)
    if gerund is None or gerund.i != verb.i + 1:
        return []
    clause = next((c for c in gerund.rights if c.dep_ in CLAUSE_DEPS), None)
    if clause is None or gerund.left_edge.i < gerund.i:
        return []
    return [clause]


def clausal_complement(verb: Token, words: CueWords) -> Bounds | None:
    """ "said the plan failed", "“…,” he said": the cue's clausal complement.

    "In an interview, Trump said X": a clause the parser also hung on the left loses to
    the one after the verb.
    """
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS]
    if not clauses:
        clauses = repair_clause_hung_on_gerund_subject(verb)
    if not clauses:
        return None
    clause = next((c for c in clauses if c.i > verb.i), clauses[0])
    start = min(clause.left_edge.i, clause.head.i if clause.head != verb else clause.i)
    return start, clause_end(clause, words=words), clause.i < verb.i


def answer_yes_or_no(verb: Token, words: CueWords) -> Bounds | None:
    """ "75 percent said yes", "He said no to the Iraq war": the answer is the content."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or doc[verb.i + 1].lower_ not in function_words("answers"):
        return None
    answer = doc[verb.i + 1]
    if answer.head != verb or answer.dep_ not in ANSWER_DEPS:
        return None
    end = answer.i + 1
    prep = next((c for c in verb.rights if c.dep_ == PREP and c.i == end), None)
    if prep is not None:  # "no to the Iraq war"
        end = prep.right_edge.i + 1
    return answer.i, end, False


def is_finite(verb: Token) -> bool:
    """A verb with tense: "had", "says", or one with a finite auxiliary ("will go")."""
    return verb.tag_ in FINITE_TAGS or any(
        a.tag_ in FINITE_TAGS for a in verb.children if a.dep_ in AUX_DEPS
    )


def repair_clause_parsed_as_object(verb: Token, words: CueWords) -> Bounds | None:
    """ "Mr. Band said he had secured contracts …": a reported clause the parser turned
    into an object ("contracts") with modifiers.

    A subject of a finite verb within ``MISPARSE_REACH`` words after a clause-taking cue,
    before any preposition, conjunction or relative word, starts the content, which runs
    to the end of the cue's phrase.
    """
    if lemma(verb) not in words.clause_taking:
        return None
    doc = verb.doc
    limit = min(verb.i + 1 + MISPARSE_REACH, verb.right_edge.i + 1)
    for token in doc[verb.i + 1 : limit]:
        if (
            token.is_punct
            or token.lower_ in function_words("relative_words")
            or token.tag_ in CLAUSE_OPENING_TAGS
        ):
            return None  # "added when the interviewer …", "responded to X": not a complement
        head = token.head
        if token.dep_ in NOMINAL_SUBJECT_DEPS and head.i > verb.i and is_finite(head):
            start = verb.i + 1
            return start, cut_closing_comment(doc, start + 1, verb.right_edge.i + 1), False
    return None


# Cues whose object is never what was said, so that an object with a participle after it
# is a reported clause the parser misread: "said the findings held …".
SAY_LEMMAS = frozenset({"say"})
PAST_TAGS = frozenset({"VBD", "VBN"})


def repair_past_verb_read_as_participle(verb: Token, words: CueWords) -> Bounds | None:
    """past_verb_read_as_participle: "Co-author Maureen MacDonald said the findings held
    for people of all ages": the parser makes "the findings" the object of "said" and
    "held" a participle qualifying it; "say" takes no such object, so the noun and its
    participle are the reported clause. Not with an agent ("said the plan approved by
    council"), nor where the participle has nothing after it."""
    if lemma(verb) not in SAY_LEMMAS:
        return None
    for noun in verb.rights:
        if noun.dep_ != "dobj" or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        acl = next((c for c in noun.rights if c.dep_ == ACL and c.i == noun.i + 1), None)
        if acl is None or acl.tag_ not in PAST_TAGS or not list(acl.rights):
            return None
        if any(c.dep_ == "agent" for c in acl.children):
            return None
        return noun.left_edge.i, clause_end(acl, words=words), False
    return None


# How "that" opens a clause the parser hung on a noun as a relative one, when the clause is
# the cue's content: as a conjunction ("mark"), an adverb, or an object where the verb has
# one of its own ("told staff in a memo that firms would raise pay", "pay" its object).
CONTENT_THAT_DEPS = frozenset({MARK, ADVMOD})
# Verbs whose object a document or a talk is: "a statement that the company released", "an
# interview that he gave", "a memo that she wrote".
DOCUMENT_VERBS = frozenset(
    {
        "write", "release", "issue", "sign", "file", "send", "post", "publish", "make",
        "give", "deliver", "hold", "draft", "submit", "pen", "read", "tweet", "record",
        "share", "air", "broadcast", "conduct", "prepare", "produce", "obtain", "see",
        "review", "receive", "leak", "circulate", "distribute", "present",
    }
)  # fmt: skip
# Prepositions that set where a cue was said: "in a statement", "during an interview".
SETTING_PREPOSITIONS = frozenset({"in", "during", "at"})


def _content_that(clause: Token, setting: bool = False) -> bool:
    that = next((c for c in clause.children if c.lower_ == "that" and c.i < clause.i), None)
    if that is None or not any(
        c.dep_ in NOMINAL_SUBJECT_DEPS and c.i != that.i for c in clause.children
    ):
        return False
    if that.dep_ in CONTENT_THAT_DEPS:
        return True
    if that.dep_ != DOBJ:
        return False
    # "that" the object of a verb that makes no document, after a setting ("in", "at"), is
    # a conjunction the parser misread: "said in a 2019 affidavit that he had lied"; not
    # "agreeing to procedures that they might not need"
    own_object = any(c.dep_ == DOBJ and c.i != that.i for c in clause.children)
    return own_object or (setting and lemma(clause) not in DOCUMENT_VERBS)


def repair_clause_parsed_as_relative(verb: Token, words: CueWords) -> Bounds | None:
    """that_clause_on_setting: "told employees in a memo that affected staff would be
    notified", "said during the debate that Americans were sick of it": the parser hangs
    the reported clause on the noun of the cue's phrase ("memo", "debate") as a relative
    clause, or as a clause qualifying it ("said in a statement that shuttle buses were
    brought in", after a preposition of a setting only: not "asked about concerns that …").
    It is the content when "that" opens it as a conjunction and it has a subject
    of its own; not "said in a statement that the company released" ("that" the object of
    a verb that makes a document; "that he had lied", "that" read as the object of "lied",
    is content)."""
    if lemma(verb) not in words.clause_taking:
        return None
    for prep in verb.rights:
        if prep.dep_ != PREP:
            continue
        for noun in prep.children:
            setting = prep.lower_ in SETTING_PREPOSITIONS
            deps = (RELCL, ACL) if setting else (RELCL,)
            clause = next((c for c in noun.rights if c.dep_ in deps), None)
            if noun.dep_ == POBJ and clause is not None and _content_that(clause, setting):
                return clause.left_edge.i, clause_end(clause, words=words), False
    return None


def parenthetical_sentence(verb: Token, words: CueWords) -> Bounds | None:
    """ "This campaign, he says, is different.": the sentence around a parenthetical cue."""
    if verb.dep_ in PARENTHETICAL_DEPS and verb.head.pos_ in VERB_POS:
        head = verb.head
        return head.left_edge.i, clause_end(head, verb, words), True
    return None


def content_objects(verb: Token, particles: frozenset[str]) -> list[Token]:
    """The cue's dependents that hold its content: objects and infinitives of object cues,
    the preposition of a phrase cue ("called for X", "talked about X").

    Not the object of a cue whose object is an addressee or a thing ("told reporters",
    "said nothing"), nor who is asked ("asked Carson about his plan": the plan).
    """
    verb_lemma = lemma(verb)
    parts = [
        c
        for c in verb.rights
        if c.dep_ in OBJECT_DEPS or (c.dep_ in PREP_DEPS and c.lower_ in particles)
    ]
    if verb_lemma not in object_lemmas() or verb_lemma in clause_only_lemmas():
        parts = [c for c in parts if c.dep_ in PREP_DEPS]
    if verb_lemma in addressee_lemmas() and not any(c.dep_ == XCOMP for c in parts):
        parts = [c for c in parts if c.dep_ not in ADDRESSEE_DEPS]
    return parts


def repair_phrase_parsed_as_clause_mark(verb: Token, particles: frozenset[str]) -> list[Token]:
    """ "calling for the US to step up": the parser makes "for" the mark of an infinitive
    clause; the clause is the phrase's content."""
    return [
        c
        for c in verb.rights
        if c.dep_ == ADVCL
        and c.left_edge.dep_ == MARK
        and c.left_edge.lower_ in particles
        and any(a.dep_ == AUX and a.lower_ == INFINITIVE_MARKER for a in c.children)
    ]


def infinitive_after_phrase(verb: Token, end: int) -> int | None:
    """ "called for the secretary to release …": the infinitive hangs from the verb, right
    after the phrase; the content runs to its end."""
    follow = [
        c
        for c in verb.rights
        if c.dep_ in INFINITIVE_DEPS
        and c.left_edge.i == end
        and c.left_edge.lower_ == INFINITIVE_MARKER
    ]
    return follow[0].right_edge.i + 1 if follow else None


def object_complement(verb: Token, words: CueWords) -> Bounds | None:
    """ "urged him to resign", "accused the US of stirring", "called for a safe zone": for
    cues whose object is content, the object, infinitive and phrase preposition."""
    particles = phrase_cues().get(lemma(verb), frozenset())
    if lemma(verb) not in object_lemmas() and not particles:
        return None
    parts = content_objects(verb, particles) + repair_phrase_parsed_as_clause_mark(verb, particles)
    if not parts:
        return None
    start = min(c.left_edge.i for c in parts)
    end = max(c.right_edge.i for c in parts) + 1
    first = verb.doc[start]
    if first.lower_ in particles and (first.dep_ in PREP_DEPS or first.dep_ == MARK):
        start += 1  # "called for X": the content is X
    if parts[0].dep_ in PREP_DEPS:
        end = infinitive_after_phrase(verb, end) or end
    end = reason_after_object(verb, end)
    return start, cut_closing_comment(verb.doc, start + 1, end), False


# Prepositions of what a stance says of its object: "criticized Gingrich for sparring with
# Kelly", "praised the team as highly accomplished", "blasted him over the deal".
REASON_PREPOSITIONS = frozenset({"for", "as", "over"})


def reason_after_object(verb: Token, end: int) -> int:
    """reason_after_object: a "for"/"as"/"over" phrase of the cue right after its object is
    part of what it reports ("criticized Gingrich for sparring with Kelly"), unless it names
    a time ("for years") or quotes words ("blasted Shuster for “cavorting” with a lobbyist"
    is a mixed quote of its own)."""
    for child in verb.rights:
        if child.i != end or child.dep_ not in PREP_DEPS or child.text not in REASON_PREPOSITIONS:
            continue  # lowercase: "(As monolithic to …)" is an aside
        if any(t.ent_type_ in ("DATE", "TIME") or t.is_quote for t in child.subtree):
            return end  # a time, or quoted words: a mixed quote of their own
        return child.right_edge.i + 1
    return end


def reports_at_all(verb: Token, words: CueWords) -> bool:
    """A verb that reports alone ("said"), or in its phrase ("pointed out", not "pointed")."""
    return lemma(verb) in words.reporting or any(
        c.dep_ in PREP_DEPS and c.lower_ in particle_cues().get(lemma(verb), ())
        for c in verb.children
    )


# Tried in order: the first range found is the content.
COMPLEMENT_RULES: tuple[Callable[[Token, CueWords], Bounds | None], ...] = (
    clausal_complement,
    answer_yes_or_no,
    repair_clause_parsed_as_object,
    repair_past_verb_read_as_participle,
    repair_clause_parsed_as_relative,
    parenthetical_sentence,
    object_complement,
)


def complement_range(verb: Token, words: CueWords | None = None) -> Bounds | None:
    """Token range of what a cue reports, and whether the range may sit left of the cue.

    A clausal complement wins ("said the plan failed", "“…,” he said"). For cues whose
    object is content, the object, infinitive and phrase preposition after the verb
    ("urged him to resign", "accused the US of stirring", "called for a safe zone").
    """
    words = words or default_cue_words()
    if not reports_at_all(verb, words):
        return None
    for rule in COMPLEMENT_RULES:
        bounds = rule(verb, words)
        if bounds is not None:
            return bounds
    return None


def unmarked_words(
    doc: Doc, start: int, end: int, inside: dict[int, int], hole: range = range(0)
) -> list[Token]:
    """The words of ``doc[start:end]`` outside quote marks and outside ``hole``."""
    return [t for t in doc[start:end] if t.i not in inside and t.i not in hole and not is_blank(t)]


def clause_attribution(
    verb: Token, bounds: Bounds, regions: list[MarkedRegion], inside: dict[int, int]
) -> Attribution | None:
    """An indirect, mixed or direct attribution from what a cue reports.

    A clause around its cue: "who he said had criticised" keeps the side of its head;
    "The problem, Ms. Bigbee said, is …" keeps all, the parenthetical "X said" aside. A
    direct quote is returned with offsets 0 and its regions (one quote per region).
    """
    doc = verb.doc
    first, last, head_left = bounds
    start, end = trim_content(doc, first, last)
    if start >= end:
        return None
    hole: range = range(0)
    if start < verb.i < end:
        if not head_left:
            start, end = trim_content(doc, verb.i + 1, end)
            if start >= end:
                return None
        else:
            hole = range(verb.left_edge.i, verb.right_edge.i + 1)
    covered = sorted({inside[i] for i in range(start, end) if i in inside})
    outside_words = unmarked_words(doc, start, end, inside, hole)
    if not covered and not outside_words:
        return None
    kind = quote_type(bool(covered), bool(outside_words))
    marked = [regions[n] for n in covered]
    attr = Attribution(kind, *char_range(doc, start, end), cue=cue_span(verb), regions=marked)
    if kind == "direct":
        attr.start = attr.end = 0
    for region in marked if kind == "mixed" else ():
        # take in a closing mark the parse left outside the clause
        if region.end <= attr.end + CLOSING_MARK_REACH < region.close + CLOSING_MARK_REACH:
            attr.end = max(attr.end, region.close)
    return attr
