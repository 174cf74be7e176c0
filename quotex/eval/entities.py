"""Score predicted entity mentions against gold entities (exact offsets).

Entities (gold docs with an ``entities`` list of ``start``/``end``/``label``): predicted
OntoNotes labels are mapped to CoNLL (:data:`LABEL_MAP`, which passes CoNLL labels
through; unmapped labels are ignored) and every predicted mention is one prediction.
``span`` scores need the exact offsets, ``typed`` scores the mapped label too; gold
entities without offsets (the seed gold lists names only) are not scored.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from quotex.eval.scores import EntityScores, Score
from quotex.records import DocResult

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


def has_entity_gold(gold: dict[str, Any]) -> bool:
    """Whether ``gold`` lists entities with offsets, so that they can be scored."""
    # The seed gold lists entities by name only, without offsets: nothing to score exactly.
    ents = gold.get("entities")
    return isinstance(ents, list) and all("start" in e and "end" in e for e in ents)
