"""Cues for quotes in marks that no clause claimed: the verb they hang from, one beside
them, a colon lead-in, a speaker label or a trailing dash; titles and scare quotes.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from quotex.components.attribution.cues import (
    CLAUSE_DEPS,
    NOMINAL_POS,
    OBJECT_DEPS,
    SPEAKER_LABEL,
    VERB_POS,
    Attribution,
    complement_range,
    cue_span,
    doc_text,
    inverted_subject,
    mention_span,
    subject_of,
)
from quotex.components.quotes import MarkedRegion

LEAD_IN = frozenset({"that", ":", ",", "—", "–", "-"})
DASHES = ("—", "–", "--", "-")
SENTENCE_END = frozenset(".?!")
SHORT_QUOTE_WORDS = 4  # a marked phrase this short needs a cue to be a quote
TITLE_WORDS = 10  # a title-case phrase up to this long in running text is a title
POST_QUOTE_WINDOW = 5  # tokens from a closing mark to a bare "X fumed" attribution


def region_token_span(doc: Doc, region: MarkedRegion) -> Span | None:
    return doc.char_span(region.start, region.end, alignment_mode="expand")


def _has_subject(verb: Token, inside: dict[int, int]) -> bool:
    return subject_of(verb, inside) is not None or inverted_subject(verb, inside) is not None


def governing_cue(span: Span, cue_set: set[int], inside: dict[int, int]) -> Token | None:
    """A cue verb the quote's words hang from through verbs only, not through a noun.

    "called him “a total stiff”" hangs from *called*; "a page called “for honest
    elections”" hangs from *page* first, so a cue further up does not govern it.
    """
    for token in span:
        for ancestor in token.ancestors:
            if ancestor.i in inside:
                continue
            if ancestor.i in cue_set and _has_subject(ancestor, inside):
                return ancestor
            if ancestor.pos_ in NOMINAL_POS:
                break
    return None


def nearby_cue(
    doc: Doc, region: MarkedRegion, cues: list[Token], inside: dict[int, int]
) -> Token | None:
    """A cue verb the quote hangs from, or one beside it in the same sentence."""
    span = region_token_span(doc, region)
    if span is None:
        return None
    # 1. a cue verb that dominates the quote's words (the quote is its complement), or
    # any verb whose clausal complement the quote is ("“…,” Mr. Burton fumed")
    governing = governing_cue(span, {c.i for c in cues}, inside)
    if governing is not None:
        return governing
    for token in span:
        head = token.head
        if (
            token.dep_ in CLAUSE_DEPS
            and head.i not in inside
            and head.pos_ == "VERB"
            and head.sent == token.sent
            and _has_subject(head, inside)
        ):
            return head
    # 2. a cue verb in the sentences the quote touches, nearest first; the sentence
    # right after a quote that ends its sentence too ("“….” he said." split by the parser)
    lo, hi = span[0].sent.start, span[-1].sent.end
    close = doc.char_span(region.start, region.close, alignment_mode="expand")
    if close is not None and close.end < len(doc) and doc[close.end].is_sent_start:
        hi = doc[close.end].sent.end
    candidates = [
        c
        for c in cues
        if lo <= c.i < hi
        and c.i not in inside
        and _has_subject(c, inside)
        and not (close is not None and c.i >= close.end and _reports_else(c, span))
    ]
    if candidates:
        return min(candidates, key=lambda c: min(abs(c.i - span.start), abs(c.i - span.end)))
    # 3. "“…?” Mr. Burton fumed.": a bare subject and verb right after the closing mark
    if close is not None and close.end < len(doc):
        root = doc[close.end].sent.root
        subject = subject_of(root, inside)
        bare = not any(c.dep_ in CLAUSE_DEPS | OBJECT_DEPS for c in root.children)
        if (
            root.pos_ == "VERB"
            and subject is not None
            and close.end <= subject.i < root.i
            and root.i - close.end <= POST_QUOTE_WINDOW
            and bare
        ):
            return root
    return None


def _reports_else(cue: Token, span: Span) -> bool:
    """A cue after the quote that reports something else ("Asked what …, she said: “…”")."""
    if cue.sent.text.rstrip().endswith(":"):
        return True
    bounds = complement_range(cue)
    return bounds is not None and not (bounds[0] < span.end and span.start < bounds[1])


def colon_cue(
    doc: Doc, region: MarkedRegion, cues: list[Token], inside: dict[int, int]
) -> Token | None:
    """``X said: “…”``, ``X released this statement: “…”``: the verb before the colon.

    A cue verb of the lexicon is preferred; otherwise the sentence's main verb, when it
    has a subject (the colon makes the quote its content whatever the verb).
    """
    before = doc_text(doc)[: region.open].rstrip()
    if not before.endswith(":"):
        return None
    colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None:
        return None
    sent = colon[0].sent
    candidates = [c for c in cues if sent.start <= c.i < colon.start and _has_subject(c, inside)]
    if candidates:
        return candidates[-1]
    root = sent.root
    if root.pos_ in VERB_POS and root.i < colon.start and _has_subject(root, inside):
        return root
    return None


def label_speaker(doc: Doc, region: MarkedRegion) -> Span | None:
    """A speaker label: ``"WALLACE: Let's start…"`` or the headline ``Paul Ryan: … ‘…’``.

    A name of one to four capitalised words and a colon, at the start of the quote or of
    the line holding it.
    """
    line_start = doc_text(doc).rfind("\n", 0, region.open) + 1
    for start in (region.start, line_start):
        m = SPEAKER_LABEL.match(doc_text(doc), start)
        if m and m.end() <= region.end + (0 if start == region.start else len(doc_text(doc))):
            if start != region.start and m.end() > region.open:
                continue
            return doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    return None


def dash_speaker(doc: Doc, region: MarkedRegion) -> Span | None:
    """``“…” — Ms. X``: the name after a dash that follows the closing mark."""
    rest = doc_text(doc)[region.close : region.close + 4].lstrip(" ")
    dash = next((d for d in DASHES if rest.startswith(d)), None)
    if dash is None:
        return None
    offset = doc_text(doc).index(dash, region.close) + len(dash)
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return None
    i = span.start
    while i < len(doc) and doc[i].is_space:
        i += 1
    if i >= len(doc) or doc[i].pos_ not in ("PROPN", "NOUN", "DET"):
        return None
    head = doc[i]
    while (
        head.head.i != head.i
        and head.head.i < head.sent.end
        and head.dep_ in ("compound", "det", "amod", "nmod", "poss")
    ):
        head = head.head
    return mention_span(head)


def is_short(text: str, region: MarkedRegion) -> bool:
    """A marked phrase of a few words: a title, a name or a scare quote, unless cued."""
    return len(re.findall(r"\w+", text[region.start : region.end])) <= SHORT_QUOTE_WORDS


def ends_clause(text: str, region: MarkedRegion) -> bool:
    """The quoted words end with a full stop, comma, ! or ? inside the marks."""
    return text[region.end - 1 : region.end] in SENTENCE_END | {","}


def in_headline(text: str, region: MarkedRegion) -> bool:
    """The quote's line is in title case (a headline), so title case tells nothing."""
    start = text.rfind("\n", 0, region.open) + 1
    end = text.find("\n", region.close)
    words = [
        w for w in re.findall(r"[^\W\d_]+", text[start : end if end >= 0 else None]) if len(w) > 3
    ]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


BYLINE = re.compile(r",?\s*by\s+[A-Z]")  # "…," by Times' Ben Sisario


def names_a_work(doc: Doc, region: MarkedRegion, span: Span) -> bool:
    """A title, not a quote: followed by its author ("“Pop-up art show …,” by DNAinfo's
    Eddie Small") or qualifying a noun ("“Orange is the New Black” star Dascha Polanco")."""
    if BYLINE.match(doc_text(doc), region.close):
        return True
    return any(
        t.dep_ in ("compound", "nmod", "amod")
        and t.head.i >= span.end
        and t.head.pos_ in ("NOUN", "PROPN")
        and all(w.is_quote for w in span.doc[span.end : t.head.i])
        for t in span
    )


NOT_TITLE_PREPOSITIONS = frozenset({"as", "like", "that", "than"})


def after_preposition(span: Span) -> bool:
    """The marked words are the object of a preposition other than "as", however parsed
    ("on “Meet the Press”", "told ABC's “This Week”")."""
    roots = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    if any(t.dep_ == "pobj" and t.head.lower_ != "as" for t in roots):
        return True
    before = span.start - 1
    while before >= 0 and span.doc[before].is_quote:
        before -= 1
    if before < 0:
        return False
    word = span.doc[before]
    return word.lower_ in ("’s", "'s") or (
        word.pos_ == "ADP" and word.lower_ not in NOT_TITLE_PREPOSITIONS
    )


def is_title(text: str, region: MarkedRegion) -> bool:
    """A phrase in title case ("Face the Nation", "Those Guys Have All the Fun")."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text[region.start : region.end])
    if not words or len(words) > TITLE_WORDS:
        return False
    capitalised = [w for w in words if w[0].isupper()]
    return len(capitalised) >= max(1, len([w for w in words if len(w) > 3]))


def starts_sentence(doc: Doc, region: MarkedRegion) -> bool:
    span = doc.char_span(region.open, region.close, alignment_mode="expand")
    return span is not None and span[0].is_sent_start is True


def fragment_attribution(verb: Token, region: MarkedRegion, span: Span) -> Attribution | None:
    """``called him “a total stiff”``: quoted words after unquoted ones make a mixed quote.

    The quote runs from the first word after the cue to the closing mark; a bare lead-in
    ("said that “…", "said: “…") leaves the quote direct.
    """
    doc = span.doc
    cue_end = cue_span(verb).end
    if verb.i > span.start or verb.sent != span[0].sent:
        return None
    words = [
        t
        for t in doc[cue_end : span.start]
        if not t.is_space and t.lower_ not in LEAD_IN and not (t.is_punct and t.idx >= region.open)
    ]
    if not words:
        return None
    # only the cue's objects may stand between it and the quote ("called him “…”"), not
    # adverbials ("responded Tuesday to one of his messages by saying, “…”")
    objects = {t.i for c in verb.rights if c.dep_ in OBJECT_DEPS for t in c.subtree}
    if any(t.i not in objects for t in words):
        return None
    return Attribution("mixed", words[0].idx, region.close, regions=[region])
