"""Words in quote marks that are not a quote: titles, works, scare quotes, orphan phrases.

``not_a_quote`` tries ``NOT_QUOTE_RULES`` on a marked quote that no clause claimed and
names the first that applies; ``is_orphan_phrase`` drops, after speakers are known, a
few marked words that nobody is said to have said.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from spacy.tokens import Doc, Span

from quotex.components.attribution.quote import DIRECT, Attribution, MarkedQuote
from quotex.components.attribution.syntax import (
    ADP,
    NOUN_POS,
    POBJ,
    POSSESSIVE_MARKS,
    WORK_QUALIFIER_DEPS,
    doc_text,
    function_words,
)
from quotex.components.quotes import MarkedRegion
from quotex.lexicon import entries

SENTENCE_END = frozenset(".?!")
CLAUSE_END = SENTENCE_END | {","}
SHORT_QUOTE_WORDS = 4  # a marked phrase this short needs a cue to be a quote
TITLE_WORDS = 10  # a title-case phrase up to this long in running text is a title
# Words of up to this many letters ("of", "the", "and", "with") may stay lower case in a
# title; in a headline line they are not counted.
SHORT_WORD_LETTERS = 3
# A line is a headline when at least this share of its longer words are capitalised.
HEADLINE_CAPITALISED_SHARE = 0.8
ORPHAN_WORDS = 3  # a quote this short with no speaker and no cue is dropped
BYLINE = re.compile(r",?\s*by\s+[A-Z]")  # "…," by Times' Ben Sisario
COMPARISON_PREPOSITION = "as"  # "described as “…”" is a quote's frame, not a programme's
_WORD = re.compile(r"\w+")
_LETTERS = re.compile(r"[^\W\d_]+")
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def is_short(text: str, region: MarkedRegion) -> bool:
    """A marked phrase of a few words: a title, a name or a scare quote, unless cued."""
    return len(_WORD.findall(text[region.start : region.end])) <= SHORT_QUOTE_WORDS


def ends_clause(text: str, region: MarkedRegion) -> bool:
    """The quoted words end with a full stop, comma, ! or ? inside the marks."""
    return text[region.end - 1 : region.end] in CLAUSE_END


def in_headline(text: str, region: MarkedRegion) -> bool:
    """The quote's line is in title case (a headline), so title case tells nothing."""
    start = text.rfind("\n", 0, region.open) + 1
    end = text.find("\n", region.close)
    line = text[start : end if end >= 0 else None]
    words = [w for w in _LETTERS.findall(line) if len(w) > SHORT_WORD_LETTERS]
    capitalised = sum(w[0].isupper() for w in words)
    return bool(words) and capitalised >= HEADLINE_CAPITALISED_SHARE * len(words)


def is_title(text: str, region: MarkedRegion) -> bool:
    """A phrase in title case ("Face the Nation", "Those Guys Have All the Fun")."""
    words = _TITLE_WORD.findall(text[region.start : region.end])
    if not words or len(words) > TITLE_WORDS:
        return False
    capitalised = [w for w in words if w[0].isupper()]
    return len(capitalised) >= max(1, len([w for w in words if len(w) > SHORT_WORD_LETTERS]))


def title_followed_by_author(doc: Doc, region: MarkedRegion) -> bool:
    """ "“Pop-up art show …,” by DNAinfo's Eddie Small": a work and its author."""
    return BYLINE.match(doc_text(doc), region.close) is not None


def title_qualifying_noun(span: Span) -> bool:
    """ "“Orange is the New Black” star Dascha Polanco": the marked words qualify the noun
    right after the closing mark, so they name a work."""
    return any(
        t.dep_ in WORK_QUALIFIER_DEPS
        and t.head.i >= span.end
        and t.head.pos_ in NOUN_POS
        and all(w.is_quote for w in span.doc[span.end : t.head.i])
        for t in span
    )


def names_a_work(doc: Doc, region: MarkedRegion, span: Span) -> bool:
    """A title, not a quote: followed by its author or qualifying a noun."""
    return title_followed_by_author(doc, region) or title_qualifying_noun(span)


def object_of_preposition(span: Span) -> bool:
    """ "on “Meet the Press”": a word of the span whose head lies outside it is the object
    of a preposition other than "as"."""
    roots = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    return any(t.dep_ == POBJ and t.head.lower_ != COMPARISON_PREPOSITION for t in roots)


def after_preposition_word(span: Span) -> bool:
    """ "told ABC's “This Week”", "in “Opening Belle”": the word before the opening mark
    is a possessive or a preposition (not "as", "like", "than", "that"), however parsed."""
    before = span.start - 1
    while before >= 0 and span.doc[before].is_quote:
        before -= 1
    if before < 0:
        return False
    word = span.doc[before]
    return word.lower_ in POSSESSIVE_MARKS or (
        word.pos_ == ADP and word.lower_ not in function_words("comparison_prepositions")
    )


def after_preposition(span: Span) -> bool:
    """The marked words are the object of a preposition other than "as", however parsed
    ("on “Meet the Press”", "told ABC's “This Week”")."""
    return object_of_preposition(span) or after_preposition_word(span)


def starts_sentence(doc: Doc, region: MarkedRegion) -> bool:
    """The opening mark (or the quote's first word) starts a sentence."""
    span = doc.char_span(region.open, region.close, alignment_mode="expand")
    return span is not None and span[0].is_sent_start is True


def work_title(quote: MarkedQuote) -> bool:
    """Not governed by a cue, the marked words name a work ("“…,” by DNAinfo's Eddie
    Small", "“Orange is the New Black” star Dascha Polanco")."""
    return quote.governing is None and names_a_work(quote.span.doc, quote.region, quote.span)


def title_in_running_text(quote: MarkedQuote) -> bool:
    """A title-case phrase inside a sentence (not a headline) with no cue governing it, or
    after a preposition: "A Choice, Not an Echo", on "The Nightly Show with Larry
    Wilmore.", "said on NBC’s “Meet the Press.”"."""
    text = doc_text(quote.span.doc)
    return (
        quote.fragment
        and is_title(text, quote.region)
        and not in_headline(text, quote.region)
        and (quote.governing is None or after_preposition(quote.span))
    )


def scare_quote(quote: MarkedQuote) -> bool:
    """A few marked words inside a sentence, no cue governing them and no clause ending
    inside the marks: "a page called “for honest elections”"."""
    text = doc_text(quote.span.doc)
    return (
        quote.fragment
        and is_short(text, quote.region)
        and quote.governing is None
        and not ends_clause(text, quote.region)
    )


# Tried in order on a marked quote no clause claimed; the first that applies drops it.
NOT_QUOTE_RULES: tuple[Callable[[MarkedQuote], bool], ...] = (
    work_title,
    title_in_running_text,
    scare_quote,
)


def not_a_quote(quote: MarkedQuote) -> str | None:
    """The name of the first rule that says the marked words are not a quote, or None."""
    return next((rule.__name__ for rule in NOT_QUOTE_RULES if rule(quote)), None)


# A label and its colon or bar at the start of a line: "READ MORE:", "WATCH |".
_LINE_LABEL = re.compile(r"[ \t]*([A-Za-z][A-Za-z ]{0,24}?)[ \t]*[:|]")


@cache
def link_labels() -> frozenset[str]:
    """Labels of lines that point elsewhere ("read more", "watch"; lexicon/not_speakers.txt)."""
    return entries("not_speakers", "links")


def in_link_line(doc: Doc, attr: Attribution) -> bool:
    """link_line: the quote is on a line that points to another story, a video or a photo
    ("READ MORE: Doug Ford says wage cap law was about 'protecting jobs'", "WATCH | Premier
    says …"), as news sites set links between paragraphs: a headline reported elsewhere,
    not in this article."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, attr.start) + 1
    m = _LINE_LABEL.match(text, line_start)
    return m is not None and m.group(1).lower() in link_labels()


def is_orphan_phrase(doc: Doc, attr: Attribution) -> bool:
    """One to three words in marks that nobody is said to have said: a name or a scare
    quote ("the “Gang of Eight”" with no cue and no speaker)."""
    if attr.speaker is not None or attr.cue is not None or attr.type != DIRECT:
        return False
    return len(_WORD.findall(doc_text(doc)[attr.start : attr.end])) <= ORPHAN_WORDS
