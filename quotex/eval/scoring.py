"""Score whole documents and sum the counts over a corpus (micro average).

A gold doc without a ``quotes`` key (CoNLL) is not scored for quotes, and one without
``entities`` is not scored for entities. The rules are in :mod:`quotex.eval.quotes`,
:mod:`quotex.eval.entities` and :mod:`quotex.eval.genders`; each document's details hold
its quote errors and its gender errors (``gender_misses``, ``gender_false``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from quotex.eval.entities import has_entity_gold, score_entities
from quotex.eval.genders import gender_details, has_gender_gold, score_genders
from quotex.eval.quotes import score_quotes
from quotex.eval.scores import DocEval, EvalReport, _add_maps
from quotex.records import DocResult


def score_document(gold: dict[str, Any], result: DocResult) -> DocEval:
    """Score one gold document against its prediction (rules in ``quotex.eval.quotes``)."""
    quotes, details = None, {"misses": [], "false_quotes": [], "speaker_errors": []}
    if "quotes" in gold:
        quotes, details = score_quotes(gold, result)
    entities = score_entities(gold, result) if has_entity_gold(gold) else None
    genders = score_genders(gold, result) if has_gender_gold(gold) else None
    details |= gender_details(gold, result)
    doc_id = str(gold.get("id", result.id))
    return DocEval(doc_id, quotes, entities, {"id": doc_id, **details}, genders)


def _add_optional(a: Any, b: Any) -> Any:
    return b if a is None else a if b is None else a + b


def score_documents(pairs: Iterable[tuple[dict[str, Any], DocResult]]) -> EvalReport:
    """Score ``(gold, prediction)`` pairs and sum the counts into one report.

    Pairs are taken as given: the caller matches gold and prediction by id.
    """
    n, quotes, entities, genders, details = 0, None, None, None, []
    for gold, result in pairs:
        doc = score_document(gold, result)
        n += 1
        quotes = _add_optional(quotes, doc.quotes)
        entities = _add_optional(entities, doc.entities)
        if doc.genders is not None:
            genders = _add_maps(genders or {}, doc.genders)
        details.append(doc.details)
    return EvalReport(n, quotes, entities, tuple(details), genders)
