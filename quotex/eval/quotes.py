"""Score predicted quotes against gold quotes: the matching rule, speakers and cues.

Pure scoring: gold documents are plain dicts in the eval JSONL format (``id``, ``text``,
``quotes``, optional ``entities``; see the evaluation README) and predictions are
:class:`~quotex.records.DocResult`. Nothing here loads spaCy or prints.

Quote matching rule (the project's documented rule)
---------------------------------------------------
* **Normalise.** Every span, gold or predicted, is trimmed at both ends of quote marks
  (``" “ ” ‘ ’ « » „ '`` and the backtick, so doubled '' and `` too), whitespace and
  edge punctuation (``. , ; : ! ? … — – -``). All arithmetic is on character offsets.
* **Gold coverage.** A gold quote *holds* the characters of its ``quote_spans`` (the
  fragments of discontinuous content) when present, else ``[quote_start, quote_end]``.
  What must be *covered* to find it is the same, except for type ``mixed`` with
  ``quoted_spans``: then only the words inside the marks count.
* **Belongs to.** A prediction belongs to the gold quote that holds the largest share of
  its (trimmed) characters, if that share is >= 0.5 (strict: >= 0.8). Otherwise it is a
  false quote.
* **Found.** A gold quote is found when the predictions belonging to it together cover
  >= 0.5 (strict: >= 0.8) of its coverage characters.
* **Scores.** Precision = predictions belonging to a gold quote / predictions; recall =
  gold quotes found / gold quotes; F1 their harmonic mean. Groups: ``direct+mixed`` (gold
  and predictions of type direct or mixed), ``indirect`` and ``all`` (type ignored). In a
  group, predictions are judged against that group's gold only, so a predicted direct
  quote lying on indirect gold is false in ``direct+mixed`` and does not find it in
  ``indirect``.
* **Speaker accuracy**, over found gold quotes (lenient matching), per group: the
  prediction belonging to the gold with most overlap is judged. A bare-pronoun predicted
  ``speaker`` is wrong. With a gold ``speaker_resolved`` the names must agree (null is
  wrong). With ``speaker_unnamed`` (the article never names the referent) a null speaker
  is right, and so is the description itself with no entity. Otherwise the predicted
  ``speaker_mention`` must overlap the gold speaker span or the names agree; a null
  speaker counts only through its mention (a description quotex names nobody for). Gold
  speaker null (PolNeAR Attribution-no-source): right only when the prediction's speaker
  is null too. Gold speaker that is a pronoun with no resolved name: right when the
  predicted mention overlaps it and the speaker is a name.
* **Names agree** when, after lowercasing and dropping a leading "the", titles (mr, mrs,
  ms, dr, ...) and a possessive 's, they share the last word or one's words are a
  contiguous run of the other's ("Putin" / "Vladimir Putin").
* **Cue accuracy**, over found gold quotes that have a gold cue: the judged prediction's
  cue overlaps the gold cue.

Seed-gold extensions: gold quotes with ``"optional": true`` are borderline; they are not
counted in recall and predictions belonging to them are left out of precision. The speaker
span is read from ``speaker_spans``, else ``speaker_start/end``, else
``speaker_mention_start/end``.

Details (``EvalReport.details``, one dict per document: ``id``, ``misses``,
``false_quotes``, ``speaker_errors``) follow the lenient ``all`` matching; texts are clipped
to 120 characters.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from quotex.errors import InputError
from quotex.eval.scores import Accuracy, Band, QuoteScores, Score
from quotex.names import fold_apostrophes
from quotex.records import DocResult, Quote

Span = tuple[int, int]

LENIENT = 0.5
STRICT = 0.8
GROUPS: dict[str, frozenset[str]] = {
    "direct+mixed": frozenset({"direct", "mixed"}),
    "indirect": frozenset({"indirect"}),
    "all": frozenset({"direct", "mixed", "indirect"}),
}
THRESHOLDS: dict[str, float] = {"lenient": LENIENT, "strict": STRICT}

QUOTE_MARKS = "\"“”‘’«»„‟‹›‚'`"
EDGE_PUNCTUATION = ".,;:!?…—–‒―‐-"
_TRIM = frozenset(QUOTE_MARKS + EDGE_PUNCTUATION)

# A predicted speaker that is only one of these is not a name (the pronoun was not resolved).
PRONOUNS = frozenset(
    "i me my mine myself we us our ours ourselves you your yours yourself yourselves "
    "he him his himself she her hers herself it its itself they them their theirs "
    "themselves".split()
)
TITLES = frozenset("mr mrs ms miss mx dr prof sir madam".split())
POSSESSIVES = ("'s", "’s", "'", "’")
DETAIL_CHARS = 120


# --------------------------------------------------------------------------- spans


def trim_span(text: str, start: int, end: int) -> Span:
    """Shrink ``[start, end)`` past quote marks, whitespace and edge punctuation.

    Returns an empty span (``start == end``) when nothing else is left.
    """
    start, end = max(0, start), min(len(text), end)
    while start < end and (text[start] in _TRIM or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _TRIM or text[end - 1].isspace()):
        end -= 1
    return (start, max(start, end))


def _trim_all(text: str, spans: Iterable[Sequence[int]]) -> tuple[Span, ...]:
    trimmed = (trim_span(text, s, e) for s, e in spans)
    return tuple(sorted(span for span in trimmed if span[1] > span[0]))


def _merge(spans: Iterable[Span]) -> list[Span]:
    merged: list[Span] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _length(spans: Iterable[Span]) -> int:
    return sum(e - s for s, e in spans)


def _overlap(a: Iterable[Span], b: Iterable[Span]) -> int:
    """Characters shared by two span sets (each merged first, so nothing counts twice)."""
    b_merged = _merge(b)
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in _merge(a) for s2, e2 in b_merged)


def _optional_span(start: int | None, end: int | None) -> tuple[Span, ...]:
    return ((start, end),) if start is not None and end is not None else ()


# --------------------------------------------------------------------------- quotes


@dataclass(frozen=True)
class _Gold:
    """One gold quote, normalised: ``held`` decides belonging, ``cover`` finding."""

    type: str
    held: tuple[Span, ...]
    cover: tuple[Span, ...]
    optional: bool
    raw: dict[str, Any]


@dataclass(frozen=True)
class _Pred:
    type: str
    span: tuple[Span, ...]  # empty when nothing is left after trimming
    quote: Quote


def _gold_quote(text: str, raw: dict[str, Any]) -> _Gold:
    fragments = raw.get("quote_spans") or [(raw["quote_start"], raw["quote_end"])]
    held = _trim_all(text, fragments)
    cover = held
    if raw.get("type") == "mixed" and raw.get("quoted_spans"):
        # An empty trim (marks around punctuation only) falls back to the whole content.
        cover = _trim_all(text, raw["quoted_spans"]) or held
    return _Gold(raw.get("type", ""), held, cover, bool(raw.get("optional")), raw)


def _pred_quote(text: str, quote: Quote) -> _Pred:
    return _Pred(quote.type, _trim_all(text, [(quote.start, quote.end)]), quote)


@dataclass(frozen=True)
class _Matching:
    owner: tuple[int | None, ...]  # per prediction: index of the gold it belongs to
    found: frozenset[int]  # indices of gold quotes found


def _match(golds: Sequence[_Gold], preds: Sequence[_Pred], threshold: float) -> _Matching:
    """Apply the belongs-to and found rules at ``threshold`` (see the module docstring)."""
    owner: list[int | None] = []
    for pred in preds:
        size = _length(pred.span)
        best, best_share = None, 0.0
        for g, gold in enumerate(golds):
            share = _overlap(pred.span, gold.held) / size if size else 0.0
            if share > best_share:
                best, best_share = g, share
        owner.append(best if best_share >= threshold else None)
    found = set()
    for g, gold in enumerate(golds):
        mine = [span for p, pred in enumerate(preds) if owner[p] == g for span in pred.span]
        need = _length(gold.cover)
        if mine and need and _overlap(mine, gold.cover) >= threshold * need:
            found.add(g)
    return _Matching(tuple(owner), frozenset(found))


def _count(golds: Sequence[_Gold], matching: _Matching) -> Score:
    """Score a matching; optional gold is neither required nor an error to predict."""
    kept = [o for o in matching.owner if o is None or not golds[o].optional]
    return Score(
        gold=sum(not g.optional for g in golds),
        predicted=len(kept),
        pred_matched=sum(o is not None for o in kept),
        gold_matched=sum(not golds[g].optional for g in matching.found),
    )


def _judged(g: int, golds: Sequence[_Gold], preds: Sequence[_Pred], m: _Matching) -> _Pred:
    """The prediction belonging to found gold ``g`` that overlaps it most (first on ties)."""
    mine = [pred for p, pred in enumerate(preds) if m.owner[p] == g]
    return max(mine, key=lambda pred: _overlap(pred.span, golds[g].held))


# --------------------------------------------------------------------------- speakers


def _name_words(name: str) -> list[str]:
    words = fold_apostrophes(name.lower()).replace(".", " ").split()
    words = [w.strip(QUOTE_MARKS + EDGE_PUNCTUATION) for w in words]
    words = [w for w in words if w]
    if words and words[0] == "the":
        words = words[1:]
    words = [w for w in words if w not in TITLES]
    if words:
        for suffix in POSSESSIVES:
            if words[-1].endswith(suffix) and len(words[-1]) > len(suffix):
                words[-1] = words[-1][: -len(suffix)]
                break
    return words


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def names_agree(a: str, b: str) -> bool:
    """Whether two speaker names denote the same person (rule in the module docstring)."""
    wa, wb = _name_words(a), _name_words(b)
    if not wa or not wb:
        return False
    if wa[-1] == wb[-1]:
        return True
    return _contains(wa, wb) if len(wa) >= len(wb) else _contains(wb, wa)


def is_pronoun(name: str | None) -> bool:
    """Whether ``name`` is a bare personal pronoun ("he", "They", "his")."""
    return name is not None and name.strip().lower() in PRONOUNS


def _gold_speaker_spans(raw: dict[str, Any]) -> tuple[Span, ...]:
    if raw.get("speaker_spans"):
        return tuple((s, e) for s, e in raw["speaker_spans"])
    return _optional_span(raw.get("speaker_start"), raw.get("speaker_end")) or _optional_span(
        raw.get("speaker_mention_start"), raw.get("speaker_mention_end")
    )


def speaker_right(raw: dict[str, Any], quote: Quote) -> bool:
    """Judge a predicted quote's speaker against gold quote ``raw``."""
    if raw.get("speaker") is None:
        return quote.speaker is None
    if quote.speaker is not None and is_pronoun(quote.speaker):
        return False
    if raw.get("speaker_resolved"):
        return quote.speaker is not None and names_agree(quote.speaker, raw["speaker_resolved"])
    mention = quote.speaker_mention
    mention_hits = mention is not None and (
        _overlap([(mention.start, mention.end)], _gold_speaker_spans(raw)) > 0
    )
    if raw.get("speaker_unnamed"):  # never named: null is right, and so is the mention as written
        # ("A Coca-Cola spokesman said … He said …": "He" is nobody the article names)
        return quote.speaker is None or (mention_hits and not quote.speaker_entity)
    if raw.get("speaker_is_pronoun") or is_pronoun(raw["speaker"]):
        return quote.speaker is not None and mention_hits
    if quote.speaker is None:  # a description nobody is named for: the mention is the answer
        return mention_hits
    return mention_hits or names_agree(quote.speaker, raw["speaker"])


def cue_right(raw: dict[str, Any], quote: Quote) -> bool:
    """Whether the predicted cue overlaps the gold cue span."""
    gold_cue = _optional_span(raw.get("cue_start"), raw.get("cue_end"))
    return quote.cue is not None and _overlap([(quote.cue.start, quote.cue.end)], gold_cue) > 0


def _has_cue(raw: dict[str, Any]) -> bool:
    return raw.get("cue_start") is not None and raw.get("cue_end") is not None


# --------------------------------------------------------------------------- documents


def _clip(text: str) -> str:
    return text if len(text) <= DETAIL_CHARS else text[: DETAIL_CHARS - 1] + "…"


# Confidence bands of the calibration table: (name, floor), highest first.
CONFIDENCE_BANDS = (("0.9+", 0.9), ("0.7-0.9", 0.7), ("<0.7", 0.0))


def source_kind(raw: dict[str, Any]) -> str:
    """``pronoun`` or ``description`` where the gold resolved the source by hand (or found it
    never named), else ``named``."""
    resolved = raw.get("speaker_resolved")
    if not (resolved or raw.get("speaker_unnamed")):
        return "named"
    if resolved and raw.get("speaker") and names_agree(raw["speaker"], resolved):
        return "named"  # the mention is the name itself ("Mr. Reid" resolved to Harry Reid)
    pronoun = raw.get("speaker_is_pronoun") or is_pronoun(raw.get("speaker"))
    return "pronoun" if pronoun else "description"


def _by_source(golds: Sequence[_Gold], verdicts: list[tuple[int, _Pred, bool]]) -> dict:
    out: dict[str, Accuracy] = {}
    for g, _pred, right in verdicts:
        kind = source_kind(golds[g].raw)
        out[kind] = out.get(kind, Accuracy()) + Accuracy(1, int(right))
    return out


def _by_confidence(verdicts: list[tuple[int, _Pred, bool]]) -> dict[str, Band]:
    out: dict[str, Band] = {}
    for _g, pred, right in verdicts:
        if pred.quote.confidence is None:
            continue
        name = next(n for n, floor in CONFIDENCE_BANDS if pred.quote.confidence >= floor)
        out[name] = out.get(name, Band()) + Band(1, int(right), pred.quote.confidence)
    return out


def _group_scores(
    golds: Sequence[_Gold], preds: Sequence[_Pred]
) -> tuple[dict[str, Any], _Matching, list[tuple[int, _Pred, bool]]]:
    """Per-group counts; also the lenient ``all`` matching and its speaker verdicts."""
    out: dict[str, dict[str, Any]] = {"lenient": {}, "strict": {}, "speaker": {}, "cue": {}}
    out["speaker_sources"], out["calibration"] = {}, {}
    all_matching, all_verdicts = _Matching((), frozenset()), []
    for group, types in GROUPS.items():
        g_sub = [g for g in golds if g.type in types]
        p_sub = [p for p in preds if p.type in types]
        matchings = {mode: _match(g_sub, p_sub, t) for mode, t in THRESHOLDS.items()}
        for mode, matching in matchings.items():
            out[mode][group] = _count(g_sub, matching)
        matching = matchings["lenient"]
        speaker, cue, verdicts = Accuracy(), Accuracy(), []
        for g in sorted(matching.found):
            if g_sub[g].optional:
                continue
            pred = _judged(g, g_sub, p_sub, matching)
            right = speaker_right(g_sub[g].raw, pred.quote)
            speaker += Accuracy(1, int(right))
            verdicts.append((g, pred, right))
            if _has_cue(g_sub[g].raw):
                cue += Accuracy(1, int(cue_right(g_sub[g].raw, pred.quote)))
        out["speaker"][group], out["cue"][group] = speaker, cue
        if group == "direct+mixed":
            out["speaker_sources"] = _by_source(g_sub, verdicts)
            out["calibration"] = _by_confidence(verdicts)
        if group == "all":
            all_matching, all_verdicts = matching, verdicts
    return out, all_matching, all_verdicts


def _quote_details(
    golds: Sequence[_Gold],
    preds: Sequence[_Pred],
    matching: _Matching,
    verdicts: list[tuple[int, _Pred, bool]],
) -> dict[str, list[dict[str, Any]]]:
    def gold_speaker(raw: dict[str, Any]) -> str | None:
        return raw.get("speaker_resolved") or raw.get("speaker")

    return {
        "misses": [
            {"text": _clip(g.raw.get("quote", "")), "type": g.type, "speaker": gold_speaker(g.raw)}
            for i, g in enumerate(golds)
            if i not in matching.found and not g.optional
        ],
        "false_quotes": [
            {"text": _clip(p.quote.text), "type": p.type, "speaker": p.quote.speaker}
            for p, owner in zip(preds, matching.owner, strict=True)
            if owner is None
        ],
        "speaker_errors": [
            {
                "quote": _clip(golds[g].raw.get("quote", "")),
                "gold_speaker": gold_speaker(golds[g].raw),
                "predicted_speaker": pred.quote.speaker,
            }
            for g, pred, right in verdicts
            if not right
        ],
    }


def score_quotes(gold: dict[str, Any], result: DocResult) -> tuple[QuoteScores, dict[str, Any]]:
    """Score one document's quotes; returns the scores and the error-analysis details."""
    text = gold.get("text")
    if not isinstance(text, str):
        raise InputError(
            f"gold document {gold.get('id')!r} has no 'text'; quote offsets need it "
            "(load the article text into the gold dict first)"
        )
    golds = [_gold_quote(text, raw) for raw in gold["quotes"]]
    preds = [_pred_quote(text, q) for q in result.quotes]
    counts, matching, verdicts = _group_scores(golds, preds)
    return QuoteScores(**counts), _quote_details(golds, preds, matching, verdicts)
