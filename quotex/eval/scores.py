"""The score types of an evaluation: counts that add up over documents, and their ratios.

Empty denominators give ``None`` (undefined), never a division by zero: precision is
``None`` with no predictions, recall ``None`` with no gold, and F1 is ``None`` only when
both are; if just one is ``None`` the other is necessarily 0, and so is F1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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


@dataclass(frozen=True)
class Band:
    """Judged speakers whose confidence lies in one band: how many were right, and the
    mean confidence quotex gave them (calibrated when the two agree)."""

    total: int = 0
    correct: int = 0
    confidence: float = 0.0  # the sum over the band

    def __add__(self, other: Band) -> Band:
        return Band(
            self.total + other.total,
            self.correct + other.correct,
            self.confidence + other.confidence,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "correct": self.correct,
            "accuracy": _ratio(self.correct, self.total),
            "mean_confidence": self.confidence / self.total if self.total else None,
        }


def _add_maps(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    return {k: a[k] + b[k] if k in a and k in b else a.get(k, b.get(k)) for k in a | b}


@dataclass(frozen=True)
class QuoteScores:
    """Quote scores: ``lenient``/``strict`` P/R/F1 and ``speaker``/``cue`` accuracy, by group."""

    lenient: dict[str, Score]
    strict: dict[str, Score]
    speaker: dict[str, Accuracy]
    cue: dict[str, Accuracy]
    # direct+mixed speakers by the kind of gold source: named, pronoun, description
    speaker_sources: dict[str, Accuracy] = field(default_factory=dict)
    calibration: dict[str, Band] = field(default_factory=dict)  # by confidence band

    def __add__(self, other: QuoteScores) -> QuoteScores:
        return QuoteScores(
            _add_maps(self.lenient, other.lenient),
            _add_maps(self.strict, other.strict),
            _add_maps(self.speaker, other.speaker),
            _add_maps(self.cue, other.cue),
            _add_maps(self.speaker_sources, other.speaker_sources),
            _add_maps(self.calibration, other.calibration),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            name: {group: value.to_dict() for group, value in getattr(self, name).items()}
            for name in ("lenient", "strict", "speaker", "cue", "speaker_sources", "calibration")
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
    genders: dict[str, Any] | None = None  # quotex.eval.genders: Score or Accuracy by name


@dataclass(frozen=True)
class EvalReport:
    """Scores summed over a corpus; ``None`` sections had no gold of that kind."""

    documents: int = 0
    quotes: QuoteScores | None = None
    entities: EntityScores | None = None
    details: tuple[dict[str, Any], ...] = field(default=())
    genders: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable form: ``documents``, ``quotes``, ``entities``, ``details``, and
        ``genders`` when the gold lists sources or people by gender."""
        out = {
            "documents": self.documents,
            "quotes": self.quotes.to_dict() if self.quotes else None,
            "entities": self.entities.to_dict() if self.entities else None,
            "details": list(self.details),
        }
        if self.genders:
            out["genders"] = {k: v.to_dict() for k, v in self.genders.items()}
        return out
