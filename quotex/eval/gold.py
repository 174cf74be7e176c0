"""Read gold corpora: JSONL (one record a line) or a ``.json`` file of one or many records.

A record needs an ``id``; its ``text`` is given inline or read from ``text_file``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from quotex.errors import InputError


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


def with_text(gold: dict[str, Any], gold_path: Path) -> dict[str, Any]:
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


def gold_records(path: Path) -> Iterator[dict[str, Any]]:
    """JSONL, one record per line; a ``.json`` file holds one record or a list of them."""
    if path.suffix.lower() != ".json":
        yield from load_gold(path)
        return
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a JSON gold file ({exc})") from None
    yield from data if isinstance(data, list) else [data]
