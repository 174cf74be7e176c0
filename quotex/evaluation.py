"""Run quotex over a gold corpus and score it: the worker behind ``quotex eval``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from quotex.errors import InputError
from quotex.evaluate import EvalReport, load_gold, score_documents
from quotex.io.readers import Document
from quotex.records import DocResult


def _with_text(gold: dict[str, Any], gold_path: Path) -> dict[str, Any]:
    """A gold record with its ``text``: read from ``text_file`` (relative to the gold file
    or a folder above it) when the record has none."""
    if isinstance(gold.get("text"), str):
        return gold
    name = gold.get("text_file")
    if not name:
        raise InputError(f"{gold_path}: record {gold.get('id')!r} has no text or text_file")
    for folder in (gold_path.parent, *gold_path.parent.parents, Path.cwd()):
        candidate = folder / name
        if candidate.is_file():
            text = candidate.read_text(encoding="utf-8-sig")
            return {**gold, "text": text}
    raise InputError(f"{gold_path}: text_file {name!r} not found next to the gold file")


def _gold_records(path: Path) -> Iterator[dict[str, Any]]:
    """JSONL, one record per line; a ``.json`` file holds one record or a list of them."""
    if path.suffix.lower() != ".json":
        yield from load_gold(path)
        return
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a JSON gold file ({exc})") from None
    yield from data if isinstance(data, list) else [data]


def evaluate_file(
    path: str | Path,
    *,
    model: str,
    limit: int | None = None,
    n_process: int = 1,
    batch_size: int = 16,
) -> EvalReport:
    """Score quotex on the gold JSONL at ``path`` (the first ``limit`` documents)."""
    from quotex.extraction import extract_documents
    from quotex.pipeline import load_nlp

    gold_path = Path(path)
    if not gold_path.is_file():
        raise InputError(f"no such gold file: {gold_path}")
    nlp = load_nlp(model)
    pending: dict[str, dict[str, Any]] = {}
    records = islice(_gold_records(gold_path), limit)

    def documents() -> Iterator[Document]:
        for number, raw in enumerate(records):
            gold = _with_text(raw, gold_path)
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
