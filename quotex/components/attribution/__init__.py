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

Steps 1 and 2 live in ``cues``, step 3 in ``marked_cues``, step 4 in ``speakers``; this
module puts them together in that order.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from quotex.components.attribution.cues import (
    CLAUSE_DEPS,
    DEFAULT_CUE_SECTIONS,
    OBJECT_SECTION,
    Attribution,
    according_attribution,
    according_phrases,
    blocked_tokens,
    clause_attribution,
    complement_range,
    cue_lemmas,
    cue_span,
    doc_text,
    find_cues,
    inverted_subject,
    is_passive_participle,
    is_passive_report,
    lemma,
    nominal_attributions,
    object_lemmas,
    passive_agent,
    phrase_cues,
    region_tokens,
    stance_lemmas,
    subject_of,
    transcript_turns,
)
from quotex.components.attribution.marked import (
    after_preposition,
    colon_cue,
    dash_speaker,
    ends_clause,
    fragment_attribution,
    governing_cue,
    in_headline,
    is_short,
    is_title,
    label_speaker,
    names_a_work,
    nearby_cue,
    region_token_span,
    starts_sentence,
)
from quotex.components.attribution.speakers import EntityIndex, resolve_speakers
from quotex.components.guard import guarded
from quotex.components.paragraphs import paragraph_spans
from quotex.components.quotes import EXT_REGIONS, MarkedRegion

GENERIC_SUBJECTS = frozenset({"you", "one"})
ORPHAN_WORDS = 3  # a quote this short with no speaker and no cue is dropped


COMPONENT = "quotex_attribution"
SPAN_KEY = "quotex_quotes"
EXT_QUOTES = "quotex_quotes"


def _paragraph_of(starts: list[int], offset: int) -> int:
    number = 0
    for i, start in enumerate(starts):
        if start <= offset:
            number = i
    return number


def _trim_unclosed(doc: Doc, attr: Attribution, index: EntityIndex) -> None:
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
    inside = region_tokens(doc, regions)
    lemmas = cue_lemmas(tuple(cue_sections))
    if OBJECT_SECTION in cue_sections:  # "endorsed Clinton", "wants NATO to provide …"
        lemmas |= object_lemmas()
    lemmas |= phrase_cues().keys()  # "pointed out that …", "weighed in on …"
    turns = transcript_turns(doc, inside)
    # a transcript turn is someone's words: cue verbs inside it report nothing of ours
    spoken = {t.i for turn in turns for t in doc.char_span(turn.start, turn.end, "expand")}
    cues = find_cues(doc, inside, blocked_tokens(doc) | spoken, lemmas)
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
    # outermost cues first; inside reported content only a cue with a clause of its own
    # reports ("he said costs were lower"); "who he said had criticised the vote" is one
    reported: list[tuple[int, int]] = []
    for verb in sorted(cues, key=lambda v: (len(list(v.ancestors)), v.i)):
        subject = None if is_passive_participle(verb) else subject_of(verb, inside)
        bounds = complement_range(verb)
        if bounds is None:
            continue
        if (
            subject is not None
            and subject.lower_ in GENERIC_SUBJECTS
            and lemma(verb) in stance_lemmas()
        ):
            continue  # "if you want to understand …": nobody in particular
        if subject is None and not is_passive_participle(verb):
            if not is_passive_report(verb):
                continue
            subject = passive_agent(verb)  # "it was reported by X that …"; None: no source
        clausal = any(c.dep_ in CLAUSE_DEPS for c in verb.children)
        nested = any(a <= verb.idx < b for a, b in reported)
        if nested and (not clausal or verb.dep_ == "acl"):
            continue  # "… wants a document stating that …": the document reports nothing
        attr = clause_attribution(verb, bounds, regions, inside)
        if attr is None:
            continue
        inner = [a for a in nominal if attr.start <= a.cue.start_char < attr.end]
        if inner and not clausal:
            continue  # "rejected Hamann's claim that …": the claim is the attribution
        for a in inner:  # "said Sanders' arguments that … are undermined": the saying is
            attributions[:] = [x for x in attributions if x is not a]
            used.difference_update(id(r) for r in a.regions)
        attr.subject = subject
        take(attr)
        reported.append((attr.start, attr.end))
    for acc, source, cue in according_phrases(doc, inside):
        attr = according_attribution(acc, source, cue, regions, inside)
        if attr is not None:
            take(attr)
    for attr in turns:
        take(attr)

    paragraphs = [s for s, _ in paragraph_spans(doc_text(doc))]
    cue_set = {c.i for c in cues}
    for region in regions:
        if id(region) in used:
            continue
        span = region_token_span(doc, region)
        if span is None:
            continue
        fragment = not starts_sentence(doc, region)
        governing = governing_cue(span, cue_set, inside) if fragment else None
        if governing is None and names_a_work(doc, region, span):
            continue
        if fragment and is_title(doc_text(doc), region) and not in_headline(doc_text(doc), region):
            if governing is None or after_preposition(span):
                continue  # "A Choice, Not an Echo", on "The Nightly Show with Larry Wilmore."
        if fragment and is_short(doc_text(doc), region):
            title = is_title(doc_text(doc), region) and not in_headline(doc_text(doc), region)
            if governing is None and (title or not ends_clause(doc_text(doc), region)):
                continue  # a title or scare quote: "a page called “for honest elections”"
            if title and after_preposition(span):
                continue  # a programme or book: "told ABC's “This Week”", "in “Opening Belle”"
        verb = (
            governing
            or colon_cue(doc, region, cues, inside)
            or nearby_cue(doc, region, cues, inside)
        )
        attr = Attribution("direct", region.start, region.end, regions=[region])
        if governing is not None:
            attr = fragment_attribution(governing, region, span) or attr
        if verb is not None:
            attr.cue = cue_span(verb)
            attr.subject = subject_of(verb, inside) or inverted_subject(verb, inside)
        else:
            attr.mention = dash_speaker(doc, region) or label_speaker(doc, region)
            if attr.mention is not None:  # "WALLACE: …", "Meghan McCain, Twitter: …"
                label_end = min(len(doc), attr.mention.end + 4)
                colon = next((t for t in doc[attr.mention.end : label_end] if t.text == ":"), None)
                attr.cue = doc[colon.i : colon.i + 1] if colon is not None else None
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
    index = EntityIndex.from_doc(doc)
    resolve_speakers(doc, attributions, index)
    for attr in attributions:
        if attr.type == "direct" and attr.regions:
            _trim_unclosed(doc, attr, index)
    # a few words in marks that nobody is said to have said are a name or a scare quote
    return [a.to_record() for a in attributions if not _orphan_phrase(doc, a)]


def _orphan_phrase(doc: Doc, attr: Attribution) -> bool:
    if attr.speaker is not None or attr.cue is not None or attr.type != "direct":
        return False
    return len(re.findall(r"\w+", doc_text(doc)[attr.start : attr.end])) <= ORPHAN_WORDS


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
