"""Attribution: cue verbs and syntax → speaker, cue and type for every quote.

Runs after the quote-mark finder and the entity clusterer. ``attribute`` is the pure
finder (a parsed, annotated ``Doc`` in, plain records out); the ``Attributor`` pipe
stores its records on the doc. The steps, in order:

1. **Cues**: verbs whose lemma is in the reporting-verb lexicon, outside quote marks,
   not inside a fixed expression ("needless to say"), and "according to".
2. **Clauses**: a cue's clausal complement is an indirect quote; when it holds quote
   marks it is a *mixed* quote, or *direct* when the marks hold all its words.
3. **Marked quotes left over** get a cue from the syntax around them: a cue verb they
   hang from, one next to them in the sentence, a colon lead-in, a trailing dash, or
   none: then a quote that opens a paragraph right after a quote continues its turn.
4. **Speakers**: the cue's subject (inversion included), mention kept as written;
   pronouns resolved to the most recent compatible speaker or person; names taken
   from the entity the mention belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from quotex.components.entities import EXT_ENTITIES
from quotex.components.guard import guarded
from quotex.components.paragraphs import paragraph_spans
from quotex.components.quotes import EXT_REGIONS, MarkedRegion
from quotex.lexicon import entries
from quotex.names import canonical_name, is_pronoun, names_agree, person_name, pronoun_class

COMPONENT = "quotex_attribution"
SPAN_KEY = "quotex_quotes"
EXT_QUOTES = "quotex_quotes"
OBJECT_SECTION = "object"  # the verbs of lexicon/cue_roles.txt that report through objects
DEFAULT_CUE_SECTIONS = ("speech", "writing", "cognition", "evidence", OBJECT_SECTION)

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
CLAUSE_DEPS = frozenset({"ccomp"})
PARENTHETICAL_DEPS = frozenset({"parataxis"})
NOMINAL_CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl"})
TRAILING_DEPS = frozenset({"appos", "parataxis"})
COMMENT_DEPS = frozenset({"relcl", "appos"})
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
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
MENTION_CUT_DEPS = frozenset({"appos", "relcl", "acl", "advcl", "punct", "cc", "conj", "prep"})
COMPLEMENTIZERS = frozenset({"that"})
VERB_POS = frozenset({"VERB", "AUX"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON"})
LEAD_IN = frozenset({"that", ":", ",", "—", "–", "-"})
DASHES = ("—", "–", "--", "-")
DATELINE_DASHES = frozenset({"—", "–", "--"})
SPEAKER_LABEL = re.compile(
    r"((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*)(?:,(?:\s[A-Z][\w.'’-]*){1,3})?:\s"
)  # "WALLACE: …", "Meghan McCain, Twitter: …"
SENTENCE_END = frozenset(".?!")
SHORT_QUOTE_WORDS = 4  # a marked phrase this short needs a cue to be a quote
TITLE_WORDS = 10  # a title-case phrase up to this long in running text is a title
ORPHAN_WORDS = 3  # a quote this short with no speaker and no cue is dropped
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
POST_QUOTE_WINDOW = 5  # tokens from a closing mark to a bare "X fumed" attribution
SPEAKER_LOOKBACK_PARAGRAPHS = 4
PERSONAL = frozenset({"male", "female"})


@lru_cache(maxsize=1)
def _text(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins every token again on each access."""
    return doc.text


@cache
def cue_lemmas(sections: tuple[str, ...] = DEFAULT_CUE_SECTIONS) -> frozenset[str]:
    return entries("reporting_verbs", *sections)


@cache
def phrase_cues() -> dict[str, frozenset[str]]:
    """Multiword cues by their verb lemma: {"call": {"for", "on"}, ...}."""
    out: dict[str, set[str]] = {}
    for phrase in entries("reporting_verbs", "phrases"):
        words = phrase.split()
        if len(words) >= 2:  # "refer to as": both "to" and "as" belong to the cue
            out.setdefault(words[0], set()).update(words[1:])
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


# --- quote regions as tokens -------------------------------------------------------------


def _region_tokens(doc: Doc, regions: list[MarkedRegion]) -> dict[int, int]:
    """Token index → index of the region whose marks enclose it (marks included)."""
    inside: dict[int, int] = {}
    for number, region in enumerate(regions):
        span = doc.char_span(region.open, region.close, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            inside[token.i] = number
    return inside


def _blocked_tokens(doc: Doc) -> set[int]:
    """Tokens inside fixed expressions where a reporting verb reports nothing."""
    lowered = _text(doc).lower().replace("’", "'")
    blocked: set[int] = set()
    for phrase in entries("not_speech"):
        for m in re.finditer(rf"\b{re.escape(phrase)}\b", lowered):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None:
                blocked.update(t.i for t in span)
    return blocked


# --- cues and subjects -------------------------------------------------------------------


def _subject(verb: Token, inside: dict[int, int] | None = None) -> Token | None:
    """The subject of a cue verb, looking through conjunction, xcomp and relative clauses.

    Words inside quote marks are never the subject ("“The ferries left,” she said" can
    come parsed with two subjects).
    """
    inside = inside or {}
    seen = 0
    while verb is not None and seen < 4:
        seen += 1
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and child.i not in inside:
                return child  # a relative pronoun is kept as written; its antecedent names it
        if verb.dep_ in INHERIT_SUBJECT_DEPS and verb.head.i != verb.i:
            verb = verb.head
            continue
        if verb.dep_ == "relcl":
            return verb.head
        if verb.dep_ == "acl" and verb.head.lemma_.lower() in nominal_lemmas():
            # "Clinton issued a statement saying …": the statement's issuer speaks
            verb = verb.head.head
            continue
        return None
    return None


def _is_passive_report(verb: Token) -> bool:
    """``It was reported that …``, ``X is expected to win``: a report with no source."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    clause = any(c.dep_ in CLAUSE_DEPS for c in verb.children)
    raised = verb.lemma_.lower() in RAISING_CUES and any(c.dep_ == "xcomp" for c in verb.children)
    return passive and (clause or raised)


def _agent(verb: Token) -> Token | None:
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


def _cue_span(verb: Token) -> Span:
    """The verb, with its particle when it forms a phrasal cue ("lashed out", "called for")."""
    doc = verb.doc
    particles = phrase_cues().get(verb.lemma_.lower(), frozenset())
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
        if t.pos_ in VERB_POS
        and t.lemma_.lower() in lemmas
        and t.i not in inside
        and t.i not in blocked
    ]


# --- clauses -----------------------------------------------------------------------------


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without edge punctuation, space and a leading complementizer."""
    while start < end and (
        doc[start].is_punct
        or doc[start].is_space
        or (doc[start].lower_ in COMPLEMENTIZERS and doc[start].dep_ == "mark")
    ):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


@cache
def clause_only_lemmas() -> frozenset[str]:
    """Cues whose object is not what was said ("said nothing", "told reporters")."""
    return entries("cue_roles", "clause_only")


@cache
def object_lemmas() -> frozenset[str]:
    """Cues whose object or infinitive is the content ("urged him to resign")."""
    return entries("cue_roles", "object")


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
                or (child.tag_ == "VBG" and child.lemma_.lower() in cue_lemmas())
            )
        )
        if trailing and child.left_edge.i > clause.i:
            end = min(end, child.left_edge.i)
    # ", who does not need …" / ", a plan he has since modified" closing the clause at
    # any depth is a comment on its last noun, not part of what was reported
    doc = clause.doc
    for token in doc[clause.i + 1 : end]:
        if (
            token.dep_ in COMMENT_DEPS
            and token.left_edge.i > clause.i
            and doc[token.left_edge.i - 1].text == ","
            and token.right_edge.i + 1 >= end - 1
        ):
            return token.left_edge.i - 1
    return end


def complement_range(verb: Token) -> tuple[int, int, bool] | None:
    """Token range of what a cue reports, and whether the range may sit left of the cue.

    A clausal complement wins ("said the plan failed", "“…,” he said"). For cues whose
    object is content, the object, infinitive and phrase preposition after the verb
    ("urged him to resign", "accused the US of stirring", "called for a safe zone").
    """
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS]
    if clauses:
        clause = clauses[0]
        return clause.left_edge.i, _clause_end(clause), clause.i < verb.i
    if verb.dep_ in PARENTHETICAL_DEPS and verb.head.pos_ in VERB_POS:
        # "This campaign, he says, is different.": the sentence around "he says"
        head = verb.head
        return head.left_edge.i, _clause_end(head, verb), True
    lemma = verb.lemma_.lower()
    particles = phrase_cues().get(lemma, frozenset())
    if lemma not in object_lemmas() and not particles:
        return None
    if lemma in clause_only_lemmas():
        return None
    parts = [
        c
        for c in verb.rights
        if c.dep_ in OBJECT_DEPS or (c.dep_ in PREP_DEPS and c.lower_ in particles)
    ]
    if lemma not in object_lemmas():
        parts = [c for c in parts if c.dep_ in PREP_DEPS]  # only the phrase: "call for"
    if not parts:
        return None
    start = min(c.left_edge.i for c in parts)
    end = max(c.right_edge.i for c in parts) + 1
    if parts[0].dep_ in PREP_DEPS and parts[0].i == start:
        start += 1  # "called for X": the content is X
    return start, end, False


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
    cue = _cue_span(verb)
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


def _according_to(doc: Doc, inside: dict[int, int]) -> list[tuple[Token, Token, Span]]:
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
            if objs and objs[0].lemma_.lower() in EVIDENCE_NOUNS:
                pairs.append((token, objs[0], doc[token.i : token.i + 1]))
    return pairs


# --- marked quotes without a clause cue ----------------------------------------------------


def _region_token_span(doc: Doc, region: MarkedRegion) -> Span | None:
    return doc.char_span(region.start, region.end, alignment_mode="expand")


def _has_subject(verb: Token, inside: dict[int, int]) -> bool:
    return _subject(verb, inside) is not None


def _governing_cue(span: Span, cue_set: set[int], inside: dict[int, int]) -> Token | None:
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


def _nearby_cue(
    doc: Doc, region: MarkedRegion, cues: list[Token], inside: dict[int, int]
) -> Token | None:
    """A cue verb the quote hangs from, or one beside it in the same sentence."""
    span = _region_token_span(doc, region)
    if span is None:
        return None
    # 1. a cue verb that dominates the quote's words (the quote is its complement), or
    # any verb whose clausal complement the quote is ("“…,” Mr. Burton fumed")
    governing = _governing_cue(span, {c.i for c in cues}, inside)
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
        subject = _subject(root, inside)
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


def _colon_cue(
    doc: Doc, region: MarkedRegion, cues: list[Token], inside: dict[int, int]
) -> Token | None:
    """``X said: “…”``, ``X released this statement: “…”``: the verb before the colon.

    A cue verb of the lexicon is preferred; otherwise the sentence's main verb, when it
    has a subject (the colon makes the quote its content whatever the verb).
    """
    before = _text(doc)[: region.open].rstrip()
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


def _label_speaker(doc: Doc, region: MarkedRegion) -> Span | None:
    """A speaker label: ``"WALLACE: Let's start…"`` or the headline ``Paul Ryan: … ‘…’``.

    A name of one to four capitalised words and a colon, at the start of the quote or of
    the line holding it.
    """
    line_start = _text(doc).rfind("\n", 0, region.open) + 1
    for start in (region.start, line_start):
        m = SPEAKER_LABEL.match(_text(doc), start)
        if m and m.end() <= region.end + (0 if start == region.start else len(_text(doc))):
            if start != region.start and m.end() > region.open:
                continue
            return doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    return None


def _dash_speaker(doc: Doc, region: MarkedRegion) -> Span | None:
    """``“…” — Ms. X``: the name after a dash that follows the closing mark."""
    rest = _text(doc)[region.close : region.close + 4].lstrip(" ")
    dash = next((d for d in DASHES if rest.startswith(d)), None)
    if dash is None:
        return None
    offset = _text(doc).index(dash, region.close) + len(dash)
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


def _is_short(text: str, region: MarkedRegion) -> bool:
    """A marked phrase of a few words: a title, a name or a scare quote, unless cued."""
    return len(re.findall(r"\w+", text[region.start : region.end])) <= SHORT_QUOTE_WORDS


def _ends_clause(text: str, region: MarkedRegion) -> bool:
    """The quoted words end with a full stop, comma, ! or ? inside the marks."""
    return text[region.end - 1 : region.end] in SENTENCE_END | {","}


def _in_headline(text: str, region: MarkedRegion) -> bool:
    """The quote's line is in title case (a headline), so title case tells nothing."""
    start = text.rfind("\n", 0, region.open) + 1
    end = text.find("\n", region.close)
    words = [
        w for w in re.findall(r"[^\W\d_]+", text[start : end if end >= 0 else None]) if len(w) > 3
    ]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _after_preposition(span: Span) -> bool:
    """The marked words are the object of a preposition other than "as"."""
    roots = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    return any(t.dep_ == "pobj" and t.head.lower_ != "as" for t in roots)


def _is_title(text: str, region: MarkedRegion) -> bool:
    """A phrase in title case ("Face the Nation", "Those Guys Have All the Fun")."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text[region.start : region.end])
    if not words or len(words) > TITLE_WORDS:
        return False
    capitalised = [w for w in words if w[0].isupper()]
    return len(capitalised) >= max(1, len([w for w in words if len(w) > 3]))


def _starts_sentence(doc: Doc, region: MarkedRegion) -> bool:
    span = doc.char_span(region.open, region.close, alignment_mode="expand")
    return span is not None and span[0].is_sent_start is True


# --- speakers ----------------------------------------------------------------------------


@dataclass
class _EntityIndex:
    """Which entity a character offset belongs to, and each entity's name and label."""

    by_char: dict[int, str]
    names: dict[str, str]
    labels: dict[str, str]
    mentions: list[tuple[int, int, str]]

    @classmethod
    def from_doc(cls, doc: Doc) -> _EntityIndex:
        by_char: dict[int, str] = {}
        names: dict[str, str] = {}
        labels: dict[str, str] = {}
        mentions: list[tuple[int, int, str]] = []
        for record in doc._.get(EXT_ENTITIES) or []:
            names[record["id"]] = record["name"]
            labels[record["id"]] = record["label"]
            for start, end in record["mentions"]:
                mentions.append((start, end, record["id"]))
                for ch in range(start, end):
                    by_char[ch] = record["id"]
        mentions.sort()
        return cls(by_char, names, labels, mentions)

    def person_named(self, text: str) -> str | None:
        """The person entity whose name agrees with a name the model did not tag."""
        name = person_name(text)
        if not name:
            return None
        for eid, label in self.labels.items():
            if label == "PERSON" and names_agree(name, self.names[eid]):
                return eid
        return None

    def entity_of(self, span: Span) -> str | None:
        """The entity of the mention's head word, else of any word in it (persons first)."""
        found = [self.by_char.get(t.idx) for t in span]
        found = [f for f in found if f]
        if not found:
            return None
        persons = [f for f in found if self.labels.get(f) == "PERSON"]
        return (persons or found)[-1]


def _gender(doc: Doc, entity: str, index: _EntityIndex, known: dict[str, str]) -> str | None:
    if entity in known:
        return known[entity]
    for start, _end, eid in index.mentions:
        if eid != entity:
            continue
        before = _text(doc)[max(0, start - 6) : start].lower()
        if re.search(r"\bmr\.?\s$", before):
            return "male"
        if re.search(r"\bm(rs|s)\.?\s$", before):
            return "female"
    return None


def _resolve_pronoun(
    doc: Doc, mention: Span, done: list[Attribution], index: _EntityIndex, genders: dict[str, str]
) -> tuple[str | None, str | None]:
    """(speaker name, entity id) for a pronoun mention, or (None, None) when unknown."""
    kind = pronoun_class(mention.text)
    if kind not in PERSONAL and kind != "plural":
        return None, None
    window_start = _paragraph_window_start(doc, mention.start_char)
    for previous in reversed(done):
        if previous.speaker is None or previous.start < window_start:
            continue
        if previous.mention is not None and previous.mention.start_char > mention.start_char:
            continue
        if kind == "plural":
            if previous.entity and index.labels.get(previous.entity) == "PERSON":
                continue
            if (
                previous.mention is not None
                and previous.mention.root.tag_ not in ("NNS", "NNPS")
                and not (previous.entity and index.labels.get(previous.entity) in ("ORG", "NORP"))
            ):
                continue
            return previous.speaker, previous.entity
        if previous.entity is None or index.labels.get(previous.entity) != "PERSON":
            continue
        gender = _gender(doc, previous.entity, index, genders)
        if gender is None or gender == kind:
            return previous.speaker, previous.entity
    if kind == "plural":
        return None, None
    for start, _end, eid in reversed(index.mentions):
        if start >= mention.start_char or start < window_start:
            continue
        if index.labels.get(eid) == "PERSON" and _gender(doc, eid, index, genders) in (None, kind):
            return index.names[eid], eid
    return None, None


def _paragraph_window_start(doc: Doc, offset: int) -> int:
    """Start of the paragraph SPEAKER_LOOKBACK_PARAGRAPHS before the one holding ``offset``."""
    breaks = [m.end() for m in re.finditer(r"\n\s*", _text(doc)[:offset])]
    if len(breaks) < SPEAKER_LOOKBACK_PARAGRAPHS:
        return 0
    return breaks[-SPEAKER_LOOKBACK_PARAGRAPHS]


def resolve_speakers(doc: Doc, attributions: list[Attribution]) -> None:
    """Fill ``mention``, ``speaker`` and ``entity`` for each attribution, in text order."""
    index = _EntityIndex.from_doc(doc)
    genders: dict[str, str] = {}
    done: list[Attribution] = []
    for attr in sorted(attributions, key=lambda a: a.start):
        if attr.mention is None and attr.subject is not None:
            attr.mention = mention_span(attr.subject)
        if attr.mention is not None:
            text = attr.mention.text
            antecedent = _antecedent(attr.mention)
            if antecedent is not None:
                attr.entity = index.entity_of(antecedent) or index.person_named(antecedent.text)
                attr.speaker = (
                    index.names[attr.entity] if attr.entity else canonical_name(antecedent.text)
                )
            elif is_pronoun(text):
                attr.speaker, attr.entity = _resolve_pronoun(
                    doc, attr.mention, done, index, genders
                )
                kind = pronoun_class(text)
                if attr.entity and kind in PERSONAL:
                    genders.setdefault(attr.entity, kind)
            else:
                attr.entity = index.entity_of(attr.mention) or index.person_named(text)
                attr.speaker = index.names[attr.entity] if attr.entity else canonical_name(text)
        elif attr.inherited and done:
            previous = done[-1]
            attr.speaker, attr.entity = previous.speaker, previous.entity
            # the turn goes on: its speaker was last written at the previous quote's mention
            attr.mention = previous.mention
            if _same_turn(doc, previous, attr):
                attr.cue = previous.cue
        done.append(attr)


def _antecedent(mention: Span) -> Span | None:
    """For "who" in "Clinton, who said …", the mention of Clinton."""
    root = mention.root
    if len(mention) != 1 or root.lower_ not in RELATIVE_PRONOUNS:
        return None
    clause = root.head
    if clause.dep_ != "relcl" or clause.head.pos_ not in NOMINAL_POS:
        return None
    return mention_span(clause.head)


def _same_turn(doc: Doc, previous: Attribution, attr: Attribution) -> bool:
    """``“A,” he said. “B.”``: the second part shares the first part's speaker and cue."""
    if previous.cue is None or previous.mention is None:
        return False
    between = _text(doc)[previous.end : attr.start]
    return "\n" not in between and previous.cue.start_char < attr.start


# --- putting it together -----------------------------------------------------------------


def _according_attribution(
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
        if dashes:  # "BRAMLEY, England (Wire) — Kessler will close…": skip the dateline
            start, end = _trim(doc, dashes[-1] + 1, end)
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
    text = _text(doc)
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
        turn = Attribution("indirect", body.start_char, body.end_char, cue=colon)
        turn.mention = label
        turns.append(turn)
    return turns


def _fragment_attribution(verb: Token, region: MarkedRegion, span: Span) -> Attribution | None:
    """``called him “a total stiff”``: quoted words after unquoted ones make a mixed quote.

    The quote runs from the first word after the cue to the closing mark; a bare lead-in
    ("said that “…", "said: “…") leaves the quote direct.
    """
    doc = span.doc
    cue_end = _cue_span(verb).end
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
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lemmas or noun.i in inside:
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


def _paragraph_of(starts: list[int], offset: int) -> int:
    number = 0
    for i, start in enumerate(starts):
        if start <= offset:
            number = i
    return number


def _trim_unclosed(doc: Doc, attr: Attribution, index: _EntityIndex) -> None:
    """An unclosed quote ends before the first sentence naming its own speaker."""
    region = attr.regions[0]
    if region.closed or attr.entity is None:
        return
    for start, _end, eid in index.mentions:
        if eid != attr.entity or not attr.start < start < attr.end:
            continue
        token = doc.char_span(start, start + 1, alignment_mode="expand")
        if token is None:
            return
        sent = token[0].sent
        if sent.start_char > attr.start:
            last = doc[sent.start - 1]
            while last.is_space and last.i > 0:
                last = doc[last.i - 1]
            attr.end = last.idx + len(last)
        return


def attribute(doc: Doc, cue_sections: tuple[str, ...] = DEFAULT_CUE_SECTIONS) -> list[dict]:
    """All quotes of a parsed doc with types, cues and speakers, as plain records."""
    regions = [MarkedRegion.from_list(v) for v in doc._.get(EXT_REGIONS) or []]
    inside = _region_tokens(doc, regions)
    lemmas = cue_lemmas(tuple(cue_sections))
    if OBJECT_SECTION in cue_sections:  # "endorsed Clinton", "wants NATO to provide …"
        lemmas |= object_lemmas()
    turns = transcript_turns(doc, inside)
    # a transcript turn is someone's words: cue verbs inside it report nothing of ours
    spoken = {t.i for turn in turns for t in doc.char_span(turn.start, turn.end, "expand")}
    cues = find_cues(doc, inside, _blocked_tokens(doc) | spoken, lemmas)
    attributions: list[Attribution] = []
    used: set[int] = set()

    def take(attr: Attribution) -> None:
        keys = {id(r) for r in attr.regions}
        if keys & used:
            return
        used.update(keys)
        if attr.type == "direct":
            for region in attr.regions:
                attributions.append(
                    replace(attr, start=region.start, end=region.end, regions=[region])
                )
        else:
            attributions.append(attr)

    nominal = nominal_attributions(doc, regions, inside)
    for attr in nominal:
        take(attr)
    nouns = [a.cue.start_char for a in nominal if a.cue is not None]
    # outermost cues first; inside reported content only a cue with a clause of its own
    # reports ("he said costs were lower"); "who he said had criticised the vote" is one
    reported: list[tuple[int, int]] = []
    for verb in sorted(cues, key=lambda v: (len(list(v.ancestors)), v.i)):
        subject = _subject(verb, inside)
        bounds = complement_range(verb)
        if bounds is None:
            continue
        if subject is None:
            if not _is_passive_report(verb):
                continue
            subject = _agent(verb)  # "it was reported by X that …"; None: no source
        nested = any(a <= verb.idx < b for a, b in reported)
        if nested and not any(c.dep_ in CLAUSE_DEPS for c in verb.children):
            continue
        attr = clause_attribution(verb, bounds, regions, inside)
        if attr is None or any(attr.start <= n < attr.end for n in nouns):
            continue  # "rejected Hamann's claim that …": the claim is the attribution
        attr.subject = subject
        take(attr)
        reported.append((attr.start, attr.end))
    for acc, source, cue in _according_to(doc, inside):
        attr = _according_attribution(acc, source, cue, regions, inside)
        if attr is not None:
            take(attr)
    for attr in turns:
        take(attr)

    paragraphs = [s for s, _ in paragraph_spans(_text(doc))]
    cue_set = {c.i for c in cues}
    for region in regions:
        if id(region) in used:
            continue
        span = _region_token_span(doc, region)
        if span is None:
            continue
        fragment = not _starts_sentence(doc, region)
        governing = _governing_cue(span, cue_set, inside) if fragment else None
        if fragment and _is_title(_text(doc), region) and not _in_headline(_text(doc), region):
            if governing is None or _after_preposition(span):
                continue  # "A Choice, Not an Echo", on "The Nightly Show with Larry Wilmore."
        if fragment and _is_short(_text(doc), region):
            title = _is_title(_text(doc), region) and not _in_headline(_text(doc), region)
            if governing is None and (title or not _ends_clause(_text(doc), region)):
                continue  # a title or scare quote: "a page called “for honest elections”"
            if title and _after_preposition(span):
                continue  # a programme or book: "told ABC's “This Week”", "in “Opening Belle”"
        verb = (
            governing
            or _colon_cue(doc, region, cues, inside)
            or _nearby_cue(doc, region, cues, inside)
        )
        attr = Attribution("direct", region.start, region.end, regions=[region])
        if governing is not None:
            attr = _fragment_attribution(governing, region, span) or attr
        if verb is not None:
            attr.cue, attr.subject = _cue_span(verb), _subject(verb, inside)
        else:
            attr.mention = _dash_speaker(doc, region) or _label_speaker(doc, region)
            if attr.mention is None:
                attr.inherited = True
        take(attr)

    attributions.sort(key=lambda a: a.start)
    last_end_para = -10
    for attr in attributions:
        para = _paragraph_of(paragraphs, attr.start)
        if attr.inherited and para - last_end_para > 1:
            attr.inherited = False
        last_end_para = _paragraph_of(paragraphs, attr.end)
    resolve_speakers(doc, attributions)
    index = _EntityIndex.from_doc(doc)
    for attr in attributions:
        if attr.type == "direct" and attr.regions:
            _trim_unclosed(doc, attr, index)
    # a few words in marks that nobody is said to have said are a name or a scare quote
    return [a.to_record() for a in attributions if not _orphan_phrase(doc, a)]


def _orphan_phrase(doc: Doc, attr: Attribution) -> bool:
    if attr.speaker is not None or attr.cue is not None or attr.type != "direct":
        return False
    return len(re.findall(r"\w+", _text(doc)[attr.start : attr.end])) <= ORPHAN_WORDS


class Attributor:
    """Stores attributed quotes on the doc: spans labelled by type, and plain records."""

    def __init__(
        self, name: str = COMPONENT, *, cue_sections: tuple[str, ...] = DEFAULT_CUE_SECTIONS
    ) -> None:
        self.name = name
        self.cue_sections = tuple(cue_sections)
        if not Doc.has_extension(EXT_QUOTES):
            Doc.set_extension(EXT_QUOTES, default=None)

    @guarded(EXT_QUOTES, SPAN_KEY)
    def __call__(self, doc: Doc) -> Doc:
        records = attribute(doc, self.cue_sections)
        doc._.set(EXT_QUOTES, records)
        spans = []
        for record in records:
            span = doc.char_span(record["start"], record["end"], alignment_mode="expand")
            if span is not None:
                spans.append(Span(doc, span.start, span.end, label=record["type"]))
        doc.spans[SPAN_KEY] = spans
        return doc


@Language.factory(
    COMPONENT,
    assigns=[f"doc._.{EXT_QUOTES}", "doc.spans"],
    requires=["token.dep", "token.lemma", "token.pos", "token.is_sent_start"],
    default_config={"cue_sections": list(DEFAULT_CUE_SECTIONS)},
)
def make_attributor(nlp: Language, name: str, cue_sections: list[str]) -> Attributor:
    """Factory for the attributor; place it after ``quotex_quotes`` and ``quotex_entities``."""
    return Attributor(name, cue_sections=tuple(cue_sections))
