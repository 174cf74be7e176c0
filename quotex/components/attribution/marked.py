"""Cues for quotes in marks that no clause claimed: the verb they hang from, one beside
them, a colon lead-in, a speaker label or a trailing dash.

``marked_attribution`` puts the rules together for one marked quote: a cue verb first
(governing, colon lead-in, nearby), else a speaker written without a verb (a dash after
the quote, a label before it), else the quote continues the turn before it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from quotex.components.attribution.clauses import complement_range
from quotex.components.attribution.cues import CueWords, cue_span
from quotex.components.attribution.quote import DIRECT, MIXED, Attribution, MarkedQuote
from quotex.components.attribution.sources import (
    SPEAKER_LABEL,
    names_a_speaker,
    not_speaker_labels,
)
from quotex.components.attribution.subjects import has_subject, inverted_subject, subject_of
from quotex.components.attribution.syntax import (
    ACL,
    ADP,
    CLAUSE_DEPS,
    MENTION_START_POS,
    NAME_PHRASE_DEPS,
    NOMINAL_POS,
    NOUN,
    OBJECT_DEPS,
    PROPN,
    SPEAKER_ENTITIES,
    VERB,
    VERB_POS,
    doc_text,
    mention_span,
    region_token_span,
)
from quotex.components.quotes import MarkedRegion
from quotex.lexicon import entries

LEAD_IN = frozenset({"that", ":", ",", "—", "–", "-"})
DASHES = ("—", "–", "--", "-")  # longest first: "--" is one dash, not two
POST_QUOTE_WINDOW = 5  # tokens from a closing mark to a bare "X fumed" attribution
# Characters after a closing mark in which a dash before a name may start: a space and
# a dash of up to two characters ("” — Ms. X", "” -- Ms. X").
DASH_REACH = 4
# Tokens after a speaker label's mention in which its colon may come ("Meghan McCain,
# Twitter:", "Gerald F. Seib, The Wall Street Journal:"): a comma, up to six words, the colon.
LABEL_COLON_REACH = 8
# A person's name, a comma and a description of up to six words of any case, a colon.
DESCRIBED_LABEL = re.compile(r"((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*),((?:\s[\w.'’-]+){1,6}):\s")
PERSON = "PERSON"
# A name of one to three capitalised words and a colon that end the text before a quote,
# after the end of a sentence ("… ISIS.” Bush: “…”").
INLINE_LABEL = re.compile(r"""(?<=[.!?]["”’] )((?:[A-Z][\w.'’-]*\s){0,2}[A-Z][\w.'’-]*):\s*$""")


def governing_cue(span: Span, cue_set: set[int], inside: dict[int, int]) -> Token | None:
    """A cue verb the quote's words hang from through verbs only, not through a noun.

    "called him “a total stiff”" hangs from *called*; "a page called “for honest
    elections”" hangs from *page* first, so a cue further up does not govern it.
    """
    for token in span:
        for ancestor in token.ancestors:
            if ancestor.i in inside:
                continue
            if ancestor.i in cue_set and has_subject(ancestor, inside):
                return ancestor
            if ancestor.pos_ in NOMINAL_POS:
                break
    return None


def verb_taking_quote_as_clause(span: Span, inside: dict[int, int]) -> Token | None:
    """ "“…,” Mr. Burton fumed": any verb with a subject whose clausal complement the quote
    is, in the lexicon or not."""
    for token in span:
        head = token.head
        if (
            token.dep_ in CLAUSE_DEPS
            and head.i not in inside
            and head.pos_ == VERB
            and head.sent == token.sent
            and has_subject(head, inside)
        ):
            return head
    return None


def reports_else(cue: Token, span: Span, words: CueWords | None = None) -> bool:
    """A cue after the quote that reports something else ("Asked what …, she said: “…”")."""
    if cue.sent.text.rstrip().endswith(":"):
        return True
    bounds = complement_range(cue, words)
    return bounds is not None and not (bounds[0] < span.end and span.start < bounds[1])


def first_word_after(close: Span | None) -> Token | None:
    """The first token after a quote's closing mark on its line that is not white space (a
    no-break space after ”, as some sites write, is a token of its own); None at the end
    of a line or of the text."""
    if close is None:
        return None
    doc, i = close.doc, close.end
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    return doc[i] if i < len(doc) and not doc[i].is_space else None


def cue_in_quote_sentences(
    doc: Doc,
    region: MarkedRegion,
    span: Span,
    cues: list[Token],
    inside: dict[int, int],
    words: CueWords | None = None,
) -> Token | None:
    """A cue verb in the sentences the quote touches, nearest first; the sentence right
    after a quote that ends its sentence too ("“….” he said." split by the parser, also
    where the parser starts that sentence at the closing mark: "“… profiling?” reacted
    Trump.")."""
    lo, hi = span[0].sent.start, span[-1].sent.end
    close = doc.char_span(region.start, region.close, alignment_mode="expand")
    after = first_word_after(close)
    # the sentence right after may begin at the closing mark ("…?” reacted Trump.")
    if after is not None and (after.is_sent_start or after.sent.start >= close.start):
        hi = after.sent.end
    candidates = [
        c
        for c in cues
        if lo <= c.i < hi
        and c.i not in inside
        and has_subject(c, inside)
        and not (close is not None and c.i >= close.end and reports_else(c, span, words))
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda c: min(abs(c.i - span.start), abs(c.i - span.end)))


def bare_verb_after_quote(doc: Doc, region: MarkedRegion, inside: dict[int, int]) -> Token | None:
    """ "“…?” Mr. Burton fumed.": a bare subject and verb right after the closing mark,
    the verb taking no clause or object of its own."""
    close = doc.char_span(region.start, region.close, alignment_mode="expand")
    after = first_word_after(close)
    if after is None:
        return None
    root = after.sent.root
    subject = subject_of(root, inside)
    bare = not any(c.dep_ in CLAUSE_DEPS | OBJECT_DEPS for c in root.children)
    if (
        root.pos_ == VERB
        and subject is not None
        and close.end <= subject.i < root.i
        and root.i - close.end <= POST_QUOTE_WINDOW
        and bare
    ):
        return root
    return None


def nearby_cue(
    doc: Doc,
    region: MarkedRegion,
    cues: list[Token],
    inside: dict[int, int],
    words: CueWords | None = None,
) -> Token | None:
    """A cue verb the quote hangs from, or one beside it in the same sentence."""
    span = region_token_span(doc, region)
    if span is None:
        return None
    found = governing_cue(span, {c.i for c in cues}, inside)
    if found is None:
        found = verb_taking_quote_as_clause(span, inside)
    if found is None:
        found = cue_in_quote_sentences(doc, region, span, cues, inside, words)
    if found is None:
        found = bare_verb_after_quote(doc, region, inside)
    return found


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
    candidates = [c for c in cues if sent.start <= c.i < colon.start and has_subject(c, inside)]
    if candidates:
        return candidates[-1]
    root = lead_in_root(doc, sent.start, colon.start) if sent.root.i > colon.start else sent.root
    if root is not None and root.pos_ in VERB_POS and root.i < colon.start:
        if has_subject(root, inside):
            return root
    return None


def lead_in_root(doc: Doc, start: int, colon: int) -> Token | None:
    """lead_in_hung_on_quote: the verb of the words before a colon that the parser hung on
    the quote's own verb ("The mayor was blunt: “We need help from Ottawa.”" is parsed
    with "need" the root and "was" its clause): the last verb there whose head is after
    the colon, else None."""
    verbs = [t for t in doc[start:colon] if t.pos_ in VERB_POS and t.head.i > colon]
    return verbs[-1] if verbs else None


def cue_left_without_content(
    doc: Doc,
    region: MarkedRegion,
    cues: list[Token],
    inside: dict[int, int],
    words: CueWords | None = None,
) -> Token | None:
    """ "Sam Lau, the party's spokesman, said in a statement. “There are no ballots …”":
    a sentence whose main verb is a cue with a subject and nothing reported, ending right
    before the quote in the same paragraph, introduces it (a colon the writer left out)."""
    before = doc_text(doc)[: region.open]
    stripped = before.rstrip(" ")
    if not stripped.endswith(".") or len(before) - len(stripped) > 1:
        return None
    end = doc.char_span(len(stripped) - 1, len(stripped), alignment_mode="expand")
    if end is None:
        return None
    sent = end[0].sent
    root = sent.root
    if (
        root.i not in {c.i for c in cues}
        or any(t.i in inside for t in sent)
        or not has_subject(root, inside)
        or complement_range(root, words) is not None
    ):
        return None
    return root


def label_speaker(doc: Doc, region: MarkedRegion) -> Span | None:
    """A speaker label: ``"WALLACE: Let's start…"`` or the headline ``Paul Ryan: … ‘…’``.

    A name of one to four capitalised words and a colon, at the start of the quote or of
    the line holding it.
    """
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, region.open) + 1
    direct = (
        described_label(doc, line_start, region)
        or label_after_a_sentence(doc, line_start, region)
        or headline_person_label(doc, line_start, region)
    )
    if direct is not None:
        return direct
    for start in (region.start, line_start):
        m = SPEAKER_LABEL.match(text, start)
        if m and m.end() <= region.end + (0 if start == region.start else len(text)):
            if start != region.start and m.end() > region.open:
                continue
            return doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    return None


# How many words a headline may hold before the colon that ends a person's name.
HEADLINE_LABEL_WORDS = 8


def headline_person_label(doc: Doc, line_start: int, region: MarkedRegion) -> Span | None:
    """ "Internet phenomenon Ken Bone: Debate ‘got very uncomfortable’", "A lesson from
    Loretta Lynch: ‘Be the voice …’": a person's name that ends right before a colon in
    the first words of the quote's line."""
    text = doc_text(doc)
    colon_at = text.find(":", line_start, region.open)
    if colon_at < 0:
        return None
    before = doc.char_span(line_start, colon_at, alignment_mode="contract")
    if before is None or not 0 < len(before) <= HEADLINE_LABEL_WORDS:
        return None
    last = before[-1]
    if last.ent_type_ != PERSON:
        return None
    start = last.i
    while (
        start > before.start
        and doc[start - 1].ent_type_ == PERSON
        and not doc[start].ent_iob_ == "B"
    ):
        start -= 1
    return doc[start : last.i + 1]


def label_after_a_sentence(doc: Doc, line_start: int, region: MarkedRegion) -> Span | None:
    """ "Clinton: “…defeat ISIS.” Bush: “The mission is to destroy ISIS.”": a person's or
    organisation's name and a colon right before the quote, after a sentence ends."""
    m = INLINE_LABEL.search(doc_text(doc), line_start, region.open)
    if m is None:
        return None
    name = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    if name is None or not any(t.ent_type_ in SPEAKER_ENTITIES for t in name):
        return None
    return name


def described_label(doc: Doc, line_start: int, region: MarkedRegion) -> Span | None:
    """ "Windsor Mann, editor of The Quotable Hitchens: “…”": a person's name and a
    description of any case before the colon that opens the line of a quote."""
    m = DESCRIBED_LABEL.match(doc_text(doc), line_start)
    if m is None or m.end() > region.open:
        return None
    name = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    if name is None or not any(t.ent_type_ == PERSON for t in name):
        return None
    return name


def label_owns_its_line(doc: Doc, attr: Attribution) -> None:
    """ "Sanders: Endorsements prove Clinton 'candidate of the establishment.'", "WALLACE:
    … as the Post wrote, “…”": a speaker label that opens a line is the source of what the
    line reports after it, unless a person was found to say it there."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, attr.start) + 1
    m = SPEAKER_LABEL.match(text, line_start)
    if m is None or m.end() > attr.start or m.group(1).lower() in not_speaker_labels():
        return
    label = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    if label is None or not names_a_speaker(label):
        return
    if (
        not any(t.pos_ == "PROPN" or t.ent_type_ == PERSON for t in label)
        and not label[-1].is_title
    ):
        return
    if attr.subject is not None and attr.subject.ent_type_ == PERSON:
        return
    mention = attr.mention
    if mention is not None and (
        mention.start_char < m.end() or any(t.ent_type_ == PERSON for t in mention)
    ):
        return  # the label itself, or a person found to say it
    attr.mention, attr.subject, attr.inherited = label, None, False
    attr.cue = label_colon(label)


def label_colon(mention: Span) -> Span | None:
    """The colon of a speaker label, the cue of its quote ("WALLACE: …")."""
    doc = mention.doc
    label_end = min(len(doc), mention.end + LABEL_COLON_REACH)
    colon = next((t for t in doc[mention.end : label_end] if t.text == ":"), None)
    return doc[colon.i : colon.i + 1] if colon is not None else None


def dash_speaker(doc: Doc, region: MarkedRegion) -> Span | None:
    """``“…” — Ms. X``: the name after a dash that follows the closing mark."""
    text = doc_text(doc)
    rest = text[region.close : region.close + DASH_REACH].lstrip(" ")
    dash = next((d for d in DASHES if rest.startswith(d)), None)
    if dash is None:
        return None
    offset = text.index(dash, region.close) + len(dash)
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return None
    i = span.start
    while i < len(doc) and doc[i].is_space:
        i += 1
    if i >= len(doc) or doc[i].pos_ not in MENTION_START_POS:
        return None
    head = doc[i]
    while head.head.i != head.i and head.head.i < head.sent.end and head.dep_ in NAME_PHRASE_DEPS:
        head = head.head
    return mention_span(head)


def signed_with_dash(doc: Doc, region: MarkedRegion) -> Span | None:
    """dash_signature_first: a name after a dash that follows the closing mark signs the
    quote, before any lead-in: "What readers told us: … “I walked 45 minutes to work
    today.” — Priya, Scarborough" is Priya's, not the readers' of the colon. Only a proper
    name signs so ("” — that was the message" does not)."""
    mention = dash_speaker(doc, region)
    if mention is None or mention.root.pos_ != PROPN:
        return None
    return mention


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
    return Attribution(MIXED, words[0].idx, region.close, regions=[region])


# Words a fragment after a quote may hold before its misparsed cue ("the two", "the email").
FRAGMENT_SPEAKER_WORDS = 4
FRAGMENT_SPEAKER_POS = frozenset({"DET", "NOUN", "PROPN", "NUM", "ADJ", "PRON"})
QUOTE_HANDOVER = frozenset({",", "?", "!"})


def cue_tagged_as_noun(
    doc: Doc, region: MarkedRegion, inside: dict[int, int], words: CueWords
) -> tuple[Span, Span] | None:
    """ "“…,” the two write." / "“…,” the email read.": the parser read the short sentence
    after the quote as a noun phrase headed by the cue; the cue (a speech or writing verb,
    or "read") follows a few speaker words, the words before it the speaker. A place or
    medium may follow the cue ("“…,” the Saudis state in the white paper, which …"), and
    the cue may come parsed as a verb that qualifies the speaker ("“…?” the 43-year-old
    asked in the video's description.": *asked* an ``acl`` of *old*)."""
    close = doc.char_span(region.start, region.close, alignment_mode="expand")
    if close is None or close.end >= len(doc) or close.end < 2:
        return None
    if doc[close.end - 2].text not in QUOTE_HANDOVER:
        return None
    verbs = words.speech | entries("cue_roles", "after_quote")
    for k in range(close.end + 1, len(doc) - 1):
        cue, speaker = doc[k], doc[close.end : k]
        if len([t for t in speaker if not _joining_hyphen(t)]) > FRAGMENT_SPEAKER_WORDS:
            return None
        if any(t.i in inside for t in speaker) or not all(
            t.pos_ in FRAGMENT_SPEAKER_POS or _joining_hyphen(t) for t in speaker
        ):
            return None
        after = doc[k + 1]
        if (
            cue.lemma_.lower() in verbs
            and _tagged_as_noun_phrase(cue, speaker)
            and (after.text == "." or after.pos_ == ADP)  # "the email read", not "the email"
        ):
            return speaker, doc[cue.i : cue.i + 1]
    return None


def _joining_hyphen(token: Token) -> bool:
    """A hyphen inside a word: "43-year-old"."""
    return token.text == "-" and token.i > 0 and not token.doc[token.i - 1].whitespace_


def _tagged_as_noun_phrase(cue: Token, speaker: Span) -> bool:
    """The cue read as a noun, or as a verb qualifying a word of the speaker."""
    if cue.pos_ == NOUN:
        return True
    return cue.pos_ == VERB and cue.dep_ == ACL and speaker.start <= cue.head.i < speaker.end


def marked_attribution(
    quote: MarkedQuote, cues: list[Token], inside: dict[int, int], words: CueWords
) -> Attribution:
    """The attribution of a marked quote no clause claimed: its cue and subject, else a
    speaker written without a verb, else a continuation of the turn before it."""
    doc, region = quote.span.doc, quote.region
    signed = signed_with_dash(doc, region) if quote.governing is None else None
    if signed is not None:
        attr = Attribution(DIRECT, region.start, region.end, regions=[region])
        attr.mention = signed
        return attr
    verb = (
        quote.governing
        or colon_cue(doc, region, cues, inside)
        or nearby_cue(doc, region, cues, inside, words)
        or cue_left_without_content(doc, region, cues, inside, words)
    )
    attr = Attribution(DIRECT, region.start, region.end, regions=[region])
    if quote.governing is not None:
        attr = fragment_attribution(quote.governing, region, quote.span) or attr
    if verb is not None:
        attr.cue = cue_span(verb)
        attr.subject = subject_of(verb, inside) or inverted_subject(verb, inside)
        return attr
    tagged_noun = cue_tagged_as_noun(doc, region, inside, words)
    if tagged_noun is not None:
        attr.mention, attr.cue = tagged_noun
        return attr
    # "“…” — Ms. X", "WALLACE: …", "Meghan McCain, Twitter: …"
    attr.mention = dash_speaker(doc, region) or label_speaker(doc, region)
    if attr.mention is not None:
        attr.cue = label_colon(attr.mention)
    else:
        attr.inherited = True
    return attr
