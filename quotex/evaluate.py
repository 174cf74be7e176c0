"""Score quotex predictions against gold annotations: quotes, speakers, cues, entities.

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

Entities (gold docs with an ``entities`` list of ``start``/``end``/``label``): predicted
OntoNotes labels are mapped to CoNLL (:data:`LABEL_MAP`, which passes CoNLL labels
through; unmapped labels are ignored) and every predicted mention is one prediction.
``span`` scores need the exact offsets, ``typed`` scores the mapped label too; gold
entities without offsets (the seed gold lists names only) are not scored.

Details (``EvalReport.details``, one dict per document: ``id``, ``misses``,
``false_quotes``, ``speaker_errors``) follow the lenient ``all`` matching; texts are clipped
to 120 characters.

A gold doc without a ``quotes`` key (CoNLL) is not scored for quotes, and one without
``entities`` is not scored for entities. Counts are summed over documents (micro
average). Empty denominators give ``None`` (undefined), never a division by zero:
precision is ``None`` with no predictions, recall ``None`` with no gold, and F1 is
``None`` only when both are; if just one is ``None`` the other is necessarily 0, and so
is F1.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quotex.errors import InputError
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

LABEL_MAP: dict[str, str] = {
    "PERSON": "PER",
    "PER": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "LAW": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LANGUAGE": "MISC",
    "MISC": "MISC",
}
DETAIL_CHARS = 120


# --------------------------------------------------------------------------- score types


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass(frozen=True)
class Score:
    """Counts behind precision/recall/F1.

    ``pred_matched`` predictions were right and ``gold_matched`` gold items were found;
    for quotes these differ (two predictions can find one gold quote), for entities not.
    """

    gold: int = 0
    predicted: int = 0
    pred_matched: int = 0
    gold_matched: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.gold + other.gold,
            self.predicted + other.predicted,
            self.pred_matched + other.pred_matched,
            self.gold_matched + other.gold_matched,
        )

    @property
    def precision(self) -> float | None:
        return _ratio(self.pred_matched, self.predicted)

    @property
    def recall(self) -> float | None:
        return _ratio(self.gold_matched, self.gold)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None
        p, r = p or 0.0, r or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "pred_matched": self.pred_matched,
            "gold_matched": self.gold_matched,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True)
class Accuracy:
    """``correct`` out of ``total`` judged items; ``accuracy`` is ``None`` when none."""

    total: int = 0
    correct: int = 0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.total + other.total, self.correct + other.correct)

    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.total)

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "correct": self.correct, "accuracy": self.accuracy}


def _add_maps(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    return {k: a[k] + b[k] if k in a and k in b else a.get(k, b.get(k)) for k in a | b}


@dataclass(frozen=True)
class QuoteScores:
    """Quote scores: ``lenient``/``strict`` P/R/F1 and ``speaker``/``cue`` accuracy, by group."""

    lenient: dict[str, Score]
    strict: dict[str, Score]
    speaker: dict[str, Accuracy]
    cue: dict[str, Accuracy]

    def __add__(self, other: QuoteScores) -> QuoteScores:
        return QuoteScores(
            _add_maps(self.lenient, other.lenient),
            _add_maps(self.strict, other.strict),
            _add_maps(self.speaker, other.speaker),
            _add_maps(self.cue, other.cue),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            name: {group: value.to_dict() for group, value in getattr(self, name).items()}
            for name in ("lenient", "strict", "speaker", "cue")
        }


@dataclass(frozen=True)
class EntityScores:
    """Entity mention scores: exact ``span``, ``typed`` (span and label), typed ``by_label``."""

    span: Score
    typed: Score
    by_label: dict[str, Score]

    def __add__(self, other: EntityScores) -> EntityScores:
        return EntityScores(
            self.span + other.span,
            self.typed + other.typed,
            _add_maps(self.by_label, other.by_label),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "span": self.span.to_dict(),
            "typed": self.typed.to_dict(),
            "by_label": {k: v.to_dict() for k, v in sorted(self.by_label.items())},
        }


@dataclass(frozen=True)
class DocEval:
    """The scores of one document, and its ``details`` for error analysis."""

    id: str
    quotes: QuoteScores | None
    entities: EntityScores | None
    details: dict[str, Any]


@dataclass(frozen=True)
class EvalReport:
    """Scores summed over a corpus; ``None`` sections had no gold of that kind."""

    documents: int = 0
    quotes: QuoteScores | None = None
    entities: EntityScores | None = None
    details: tuple[dict[str, Any], ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable form: ``documents``, ``quotes``, ``entities``, ``details``."""
        return {
            "documents": self.documents,
            "quotes": self.quotes.to_dict() if self.quotes else None,
            "entities": self.entities.to_dict() if self.entities else None,
            "details": list(self.details),
        }


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
    words = name.lower().replace(".", " ").split()
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
    if raw.get("speaker_is_pronoun") or is_pronoun(raw["speaker"]):
        return quote.speaker is not None and mention_hits
    if raw.get("speaker_unnamed"):  # never named: null is right, and so is the mention as written
        return quote.speaker is None or (mention_hits and not quote.speaker_entity)
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


def _group_scores(
    golds: Sequence[_Gold], preds: Sequence[_Pred]
) -> tuple[dict[str, Any], _Matching, list[tuple[int, _Pred, bool]]]:
    """Per-group counts; also the lenient ``all`` matching and its speaker verdicts."""
    out: dict[str, dict[str, Any]] = {"lenient": {}, "strict": {}, "speaker": {}, "cue": {}}
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


def _prf(gold: Counter[Any], predicted: Counter[Any]) -> Score:
    matched = sum((gold & predicted).values())
    return Score(sum(gold.values()), sum(predicted.values()), matched, matched)


def score_entities(gold: dict[str, Any], result: DocResult) -> EntityScores:
    """Score one document's entity mentions against gold ``entities`` (exact offsets)."""
    gold_typed = Counter((e["start"], e["end"], e["label"]) for e in gold["entities"])
    pred_typed = Counter(
        (m.start, m.end, LABEL_MAP[entity.label])
        for entity in result.entities
        if entity.label in LABEL_MAP
        for m in entity.mentions
    )

    def spans(typed: Counter[Any]) -> Counter[Any]:
        out: Counter[Any] = Counter()
        for (s, e, _), n in typed.items():
            out[(s, e)] += n
        return out

    def of_label(typed: Counter[Any], label: str) -> Counter[Any]:
        return Counter({k: n for k, n in typed.items() if k[2] == label})

    labels = {k[2] for k in gold_typed} | {k[2] for k in pred_typed}
    return EntityScores(
        span=_prf(spans(gold_typed), spans(pred_typed)),
        typed=_prf(gold_typed, pred_typed),
        by_label={
            lab: _prf(of_label(gold_typed, lab), of_label(pred_typed, lab)) for lab in labels
        },
    )


def _has_entity_gold(gold: dict[str, Any]) -> bool:
    # The seed gold lists entities by name only, without offsets: nothing to score exactly.
    ents = gold.get("entities")
    return isinstance(ents, list) and all("start" in e and "end" in e for e in ents)


def score_document(gold: dict[str, Any], result: DocResult) -> DocEval:
    """Score one gold document against its prediction (see the module docstring)."""
    quotes, details = None, {"misses": [], "false_quotes": [], "speaker_errors": []}
    if "quotes" in gold:
        quotes, details = score_quotes(gold, result)
    entities = score_entities(gold, result) if _has_entity_gold(gold) else None
    doc_id = str(gold.get("id", result.id))
    return DocEval(doc_id, quotes, entities, {"id": doc_id, **details})


def _add_optional(a: Any, b: Any) -> Any:
    return b if a is None else a if b is None else a + b


def score_documents(pairs: Iterable[tuple[dict[str, Any], DocResult]]) -> EvalReport:
    """Score ``(gold, prediction)`` pairs and sum the counts into one report.

    Pairs are taken as given: the caller matches gold and prediction by id.
    """
    n, quotes, entities, details = 0, None, None, []
    for gold, result in pairs:
        doc = score_document(gold, result)
        n += 1
        quotes = _add_optional(quotes, doc.quotes)
        entities = _add_optional(entities, doc.entities)
        details.append(doc.details)
    return EvalReport(n, quotes, entities, tuple(details))


def load_gold(path: str | Path) -> Iterator[dict[str, Any]]:
    """Stream gold documents from a JSONL file, one dict per non-blank line.

    Raises :class:`InputError` naming ``file:line`` for a line that is not a JSON object
    with an ``id``, and for a file that cannot be read or decoded.
    """
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                yield _parse_gold_line(line, f"{path}:{number}")
    except OSError as exc:
        raise InputError(f"cannot read gold file {path}: {exc.strerror}; check the path") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 ({exc.reason}); re-encode the file") from exc


def _parse_gold_line(line: str, where: str) -> dict[str, Any]:
    try:
        doc = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg}); fix or remove the line") from exc
    if not isinstance(doc, dict) or "id" not in doc:
        raise InputError(f"{where}: expected a JSON object with an 'id'; fix or remove the line")
    return doc
