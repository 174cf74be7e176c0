"""Run quotex over a gold corpus and score it: the worker behind ``quotex eval``."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from quotex.errors import InputError
from quotex.eval.gold import gold_records, with_text
from quotex.eval.scores import EvalReport
from quotex.eval.scoring import score_documents
from quotex.io.readers import Document
from quotex.records import DocResult


def evaluate_file(
    path: str | Path,
    *,
    model: str,
    scope: str = "all",
    cues_file: str | None = None,
    limit: int | None = None,
    n_process: int = 1,
    batch_size: int = 16,
) -> EvalReport:
    """Score quotex on the gold JSONL at ``path`` (the first ``limit`` documents), with
    ``scope`` ``all`` by default: the gold corpora here annotate every attribution."""
    from quotex.extraction import extract_documents
    from quotex.pipeline import load_nlp

    gold_path = Path(path)
    if not gold_path.is_file():
        raise InputError(f"no such gold file: {gold_path}")
    nlp = load_nlp(model, scope=scope, cues_file=cues_file)
    pending: dict[str, dict[str, Any]] = {}
    records = islice(gold_records(gold_path), limit)

    def documents() -> Iterator[Document]:
        for number, raw in enumerate(records):
            gold = with_text(raw, gold_path)
            key = str(number)
            pending[key] = gold
            yield Document(key, gold["text"], None, f"{gold_path}:{number + 1}")

    def pairs() -> Iterator[tuple[dict[str, Any], DocResult]]:
        for item in extract_documents(documents(), nlp, batch_size=batch_size, n_process=n_process):
            if not isinstance(item, DocResult):
                raise InputError(f"{item.source}: {item.message}")
            gold = pending.pop(item.id)
            yield gold, DocResult(gold["id"], item.quotes, item.entities)

    return score_documents(pairs())
