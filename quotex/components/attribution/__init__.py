"""Attribution: cue verbs and syntax → speaker, cue and type for every quote.

Runs after the quote-mark finder and the entity clusterer. ``attribute`` is the pure
finder (a parsed, annotated ``Doc`` in, plain records out); the ``Attributor`` pipe
stores its records on the doc. The steps, in order, each one function below:

1. **Cues** (``cues``): verbs whose lemma is in the reporting-verb lexicon (or the
   user's extra cue words), outside quote marks and fixed expressions ("needless to say").
2. **What each cue reports** (``clauses``, ``sources``): a cue noun's that-clause
   ("Hamann's claim that …"), a cue verb's complement, "according to X", a transcript
   turn ("TAPPER: …"). Content holding quote marks is *mixed*, or *direct* when the
   marks hold all its words; without marks it is *indirect*.
3. **Marked quotes left over** (``not_quotes``, ``marked``): titles, works and scare
   quotes are dropped; the rest get a cue from the syntax around them (a cue verb they
   hang from, a colon lead-in, one nearby), a speaker written without a verb (a dash
   after them, a label before them), or continue the turn before them.
4. **Speakers** (``subjects``, ``speakers``): the cue's subject, mention kept as
   written; pronouns resolved to the most recent compatible speaker or person; names
   taken from the entity the mention belongs to.

``syntax`` holds the dependency labels and token helpers every rule shares.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from quotex.components.attribution.clauses import Bounds, clause_attribution, complement_range
from quotex.components.attribution.cues import (
    DEFAULT_CUE_SECTIONS,
    SCOPES,
    CueWords,
    blocked_tokens,
    find_cues,
    is_generic_stance,
    is_passive_participle,
    is_passive_report,
)
from quotex.components.attribution.marked import (
    governing_cue,
    label_owns_its_line,
    marked_attribution,
)
from quotex.components.attribution.not_quotes import (
    in_link_line,
    is_orphan_phrase,
    not_a_quote,
    starts_sentence,
)
from quotex.components.attribution.quote import DIRECT, Attribution, MarkedQuote
from quotex.components.attribution.sources import (
    according_attribution,
    according_phrases,
    nominal_attributions,
    transcript_turns,
)
from quotex.components.attribution.speakers import (
    EntityIndex,
    end_turns_at_paragraph_gaps,
    end_unclosed_quote_at_speaker,
    resolve_speakers,
)
from quotex.components.attribution.subjects import passive_agent, subject_of
from quotex.components.attribution.syntax import (
    ACL,
    CLAUSE_DEPS,
    has_child,
    region_token_span,
    region_tokens,
)
from quotex.components.entities import EXT_ENTITIES
from quotex.components.guard import EXT_ERROR, guarded
from quotex.components.quotes import EXT_REGIONS, MarkedRegion

COMPONENT = "quotex_attribution"
SPAN_KEY = "quotex_quotes"
EXT_QUOTES = "quotex_quotes"
# The components whose output the attributor reads, by the extension they set.
NEEDS = {EXT_REGIONS: "quotex_quotes", EXT_ENTITIES: "quotex_entities"}


@dataclass
class Draft:
    """What the attribution steps share for one doc: its cues, and the quotes taken so far.

    A quote mark region is claimed once: ``take`` refuses an attribution whose regions an
    earlier one holds, and splits a direct attribution into one quote per region.
    """

    doc: Doc
    words: CueWords
    regions: list[MarkedRegion]
    inside: dict[int, int]
    turns: list[Attribution]
    cues: list[Token]
    nominal: list[Attribution] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    used: set[int] = field(default_factory=set)

    @classmethod
    def start(cls, doc: Doc, words: CueWords) -> Draft:
        """The doc's marked regions, transcript turns and cue verbs."""
        regions = [MarkedRegion.from_list(v) for v in doc._.get(EXT_REGIONS) or []]
        inside = region_tokens(doc, regions)
        turns = transcript_turns(doc, inside)
        # a transcript turn is someone's words: cue verbs inside it report nothing of ours
        spoken = {t.i for turn in turns for t in doc.char_span(turn.start, turn.end, "expand")}
        cues = find_cues(doc, inside, blocked_tokens(doc) | spoken, words.cues, words.left_out)
        return cls(doc, words, regions, inside, turns, cues)

    def take(self, attr: Attribution) -> None:
        keys = {id(r) for r in attr.regions}
        if keys & self.used:
            return
        self.used.update(keys)
        if attr.type != DIRECT:
            self.attributions.append(attr)
            return
        for region in attr.regions:
            one = replace(attr, start=region.start, end=region.end, regions=[region])
            self.attributions.append(one)

    def drop(self, attr: Attribution) -> None:
        """Give up an attribution taken earlier, and its regions."""
        self.attributions[:] = [x for x in self.attributions if x is not attr]
        self.used.difference_update(id(r) for r in attr.regions)


def take_nominal_cues(draft: Draft) -> None:
    """ "Hamann's claim that the site was losing money"."""
    draft.nominal = nominal_attributions(draft.doc, draft.regions, draft.inside)
    for attr in draft.nominal:
        draft.take(attr)


def is_nested_non_report(verb: Token, clausal: bool, reported: list[tuple[int, int]]) -> bool:
    """Inside reported content only a cue with a clause of its own reports ("he said costs
    were lower"); "… wants a document stating that …": the document reports nothing."""
    nested = any(a <= verb.idx < b for a, b in reported)
    return nested and (not clausal or verb.dep_ == ACL)


def content_before_subject(
    bounds: Bounds, subject: Token | None, verb: Token, inside: dict[int, int]
) -> Bounds:
    """ "''They were professionals,'' William M. Daley, Obama's chief of staff, said": the
    parser hung the speaker inside the quote's clause; the content ends at the closing
    mark before the speaker. Only for a speaker right after a closing mark (not "The
    problem, Ms. Bigbee said, is …")."""
    first, end, head_left = bounds
    if subject is None or not (first < subject.i < end and subject.i < verb.i):
        return bounds
    edge = subject.left_edge.i
    mark = edge - 1
    while mark > first and verb.doc[mark].is_punct and not verb.doc[mark].is_quote:
        mark -= 1
    if mark in inside and verb.doc[mark].is_quote and mark + 1 not in inside:
        return first, edge, head_left
    return bounds


def cue_clause(draft: Draft, verb: Token, reported: list[tuple[int, int]]) -> Attribution | None:
    """The attribution a cue verb makes with its content and source, or None.

    A cue without a subject reports only as a passive ("it was reported by X that …";
    no agent: no source); "Asked whether …" has no speaker of its own.
    """
    participle = is_passive_participle(verb)
    subject = None if participle else subject_of(verb, draft.inside)
    bounds = complement_range(verb, draft.words)
    if bounds is None or is_generic_stance(verb, subject, draft.words):
        return None
    if subject is None and not participle:
        if not is_passive_report(verb):
            return None
        subject = passive_agent(verb)
    bounds = content_before_subject(bounds, subject, verb, draft.inside)
    clausal = has_child(verb, CLAUSE_DEPS)
    if is_nested_non_report(verb, clausal, reported):
        return None
    attr = clause_attribution(verb, bounds, draft.regions, draft.inside)
    if attr is None:
        return None
    inner = [a for a in draft.nominal if attr.start <= a.cue.start_char < attr.end]
    if inner and not clausal:
        return None  # "rejected Hamann's claim that …": the claim is the attribution
    for a in inner:  # "said Sanders' arguments that … are undermined": the saying is
        draft.drop(a)
    attr.subject = subject
    return attr


def take_cue_clauses(draft: Draft) -> None:
    """What each cue verb reports, outermost cues first (fewest ancestors)."""
    reported: list[tuple[int, int]] = []
    for verb in sorted(draft.cues, key=lambda v: (len(list(v.ancestors)), v.i)):
        attr = cue_clause(draft, verb, reported)
        if attr is not None:
            draft.take(attr)
            reported.append((attr.start, attr.end))


def take_according_phrases(draft: Draft) -> None:
    """ "According to X, …", "In a new poll, …"."""
    for acc, source, cue in according_phrases(draft.doc, draft.inside, draft.words.evidence):
        attr = according_attribution(acc, source, cue, draft.regions, draft.inside, draft.words)
        if attr is not None:
            draft.take(attr)


def take_transcript_turns(draft: Draft) -> None:
    """ "TAPPER: Do you think …" paragraphs."""
    for attr in draft.turns:
        draft.take(attr)


def marked_quote(draft: Draft, region: MarkedRegion, cue_set: set[int]) -> MarkedQuote | None:
    """A region no clause claimed, with what the not-a-quote rules need to know."""
    span = region_token_span(draft.doc, region)
    if span is None:
        return None
    fragment = not starts_sentence(draft.doc, region)
    governing = governing_cue(span, cue_set, draft.inside) if fragment else None
    return MarkedQuote(region, span, fragment, governing)


def take_marked_quotes(draft: Draft) -> None:
    """Quotes in marks left over: not titles or scare quotes, cued from the syntax."""
    cue_set = {c.i for c in draft.cues}
    for region in draft.regions:
        if id(region) in draft.used:
            continue
        quote = marked_quote(draft, region, cue_set)
        if quote is None or not_a_quote(quote) is not None:
            continue
        draft.take(marked_attribution(quote, draft.cues, draft.inside, draft.words))


def finish(draft: Draft) -> list[dict]:
    """Speakers resolved in text order; unclosed quotes end at their speaker; records."""
    doc = draft.doc
    # a line that links to another story reports nothing here, nor names a speaker for the
    # pronouns after it
    attributions = [a for a in draft.attributions if not in_link_line(doc, a)]
    attributions.sort(key=lambda a: a.start)
    for attr in attributions:
        label_owns_its_line(doc, attr)
    end_turns_at_paragraph_gaps(doc, attributions)
    index = EntityIndex.from_doc(doc)
    resolve_speakers(doc, attributions, index)
    for attr in attributions:
        if attr.type == DIRECT and attr.regions:
            end_unclosed_quote_at_speaker(doc, attr, index)
    # a few words in marks that nobody is said to have said are a name or a scare quote
    return [a.to_record() for a in attributions if not is_orphan_phrase(doc, a)]


def attribute(
    doc: Doc,
    cue_sections: Iterable[str] = DEFAULT_CUE_SECTIONS,
    extra_cues: Iterable[str] = (),
) -> list[dict]:
    """All quotes of a parsed doc with types, cues and speakers, as plain records.

    ``cue_sections`` are the sections of ``lexicon/reporting_verbs.txt`` (and ``object``
    of ``cue_roles.txt``) whose verbs are cues; ``extra_cues`` are more lemmas, taken as
    speech verbs.
    """
    draft = Draft.start(doc, CueWords.build(cue_sections, extra_cues))
    take_nominal_cues(draft)
    take_cue_clauses(draft)
    take_according_phrases(draft)
    take_transcript_turns(draft)
    take_marked_quotes(draft)
    return finish(draft)


# --- the spaCy component ---------------------------------------------------------------


def quote_record(span: Span) -> dict | None:
    """The record of ``doc._.quotex_quotes`` a quote span stands for: the one with the
    span's character offsets, else the one whose offsets expand to the span's tokens."""
    doc = span.doc
    records = doc._.get(EXT_QUOTES) or []
    for record in records:
        if record["start"] == span.start_char and record["end"] == span.end_char:
            return record
    for record in records:
        aligned = doc.char_span(record["start"], record["end"], alignment_mode="expand")
        if aligned is not None and (aligned.start, aligned.end) == (span.start, span.end):
            return record
    return None


def _record_span(span: Span, key: str) -> Span | None:
    record = quote_record(span)
    offsets = record.get(key) if record is not None else None
    if offsets is None:
        return None
    return span.doc.char_span(offsets[0], offsets[1], alignment_mode="expand")


def _record_value(span: Span, key: str) -> str | None:
    record = quote_record(span)
    return record.get(key) if record is not None else None


# Span extensions on the quotes of doc.spans["quotex_quotes"]: getters that read the
# plain records, so that an edit of the records shows and no Span lives in doc._.
SPAN_GETTERS = {
    "speaker": lambda span: _record_value(span, "speaker"),
    "speaker_entity": lambda span: _record_value(span, "speaker_entity"),
    "cue": lambda span: _record_span(span, "cue"),
    "speaker_mention": lambda span: _record_span(span, "speaker_mention"),
}


def register_extensions() -> None:
    """``doc._.quotex_quotes`` (plain records) and the quote spans' getters."""
    if not Doc.has_extension(EXT_QUOTES):
        Doc.set_extension(EXT_QUOTES, default=None)
    for name, getter in SPAN_GETTERS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, getter=getter)


def check_inputs(doc: Doc, name: str = COMPONENT) -> None:
    """Raise ``ValueError`` naming the quotex components missing before ``name``."""
    if doc._.get(EXT_ERROR):
        return  # an earlier component failed on this doc: the guard skips it
    missing = [
        component
        for ext, component in NEEDS.items()
        if not Doc.has_extension(ext) or doc._.get(ext) is None
    ]
    if missing:
        raise ValueError(
            f"{name} needs {' and '.join(missing)} before it in the pipeline "
            f"(nlp.add_pipe('{missing[0]}', before='{name}')), "
            "or use quotex.pipeline.load_nlp()"
        )


class Attributor:
    """Stores attributed quotes on the doc: spans labelled by type, and plain records."""

    def __init__(
        self,
        name: str = COMPONENT,
        *,
        cue_sections: Iterable[str] = DEFAULT_CUE_SECTIONS,
        extra_cues: Iterable[str] = (),
    ) -> None:
        self.name = name
        self.cue_sections = tuple(cue_sections)
        self.extra_cues = tuple(extra_cues)
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        check_inputs(doc, self.name)
        return self._annotate(doc)

    @guarded(EXT_QUOTES, SPAN_KEY)
    def _annotate(self, doc: Doc) -> Doc:
        records = attribute(doc, self.cue_sections, self.extra_cues)
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
    # token.tag, not token.pos: the rules read POS, which the attribute_ruler maps from
    # the tagger's tags, but the attribute_ruler declares no assigns, so spaCy could not
    # see token.pos assigned; the tag is what it can check.
    requires=[
        "token.dep",
        "token.head",
        "token.lemma",
        "token.tag",
        "token.is_sent_start",
        "token.ent_type",
        f"doc._.{EXT_REGIONS}",
        f"doc._.{EXT_ENTITIES}",
    ],
    default_config={"scope": "speech", "cue_sections": None, "extra_cues": []},
)
def make_attributor(
    nlp: Language,
    name: str,
    scope: str,
    cue_sections: list[str] | None,
    extra_cues: list[str],
) -> Attributor:
    """Factory for the attributor; place it after ``quotex_quotes`` and ``quotex_entities``.

    ``scope``: ``speech`` (speech and writing cues, the default) or ``all`` (PolNeAR's
    beliefs, stances and evidence too); ``cue_sections`` names lexicon sections instead.
    ``extra_cues``: more cue lemmas (one word each), taken as speech verbs.
    """
    if cue_sections is None:
        if scope not in SCOPES:
            raise ValueError(f"unknown scope {scope!r}: use one of {', '.join(SCOPES)}")
        cue_sections = list(SCOPES[scope])
    return Attributor(name, cue_sections=cue_sections, extra_cues=extra_cues)


register_extensions()
