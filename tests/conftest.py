"""Shared fixtures: one loaded pipeline for the whole session, the sample texts and gold."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLD = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def nlp():
    """The default quotex pipeline, loaded once (about two seconds)."""
    from quotex.pipeline import load_nlp

    return load_nlp(scope="all")  # the tests were written for every attribution PolNeAR counts


def load_sample(name: str) -> tuple[str, dict]:
    """A sample article's text and its hand annotation."""
    text = (SAMPLES / name).read_text(encoding="utf-8")
    gold = json.loads((GOLD / f"{Path(name).stem}.gold.json").read_text(encoding="utf-8"))
    return text, gold


@pytest.fixture
def lock(monkeypatch):
    """Make a file unreadable, for root too: root reads a 0-mode file, so refuse the read."""
    locked: list[Path] = []

    def apply(path: Path) -> Path:
        path.chmod(0)
        locked.append(path)
        if os.access(path, os.R_OK):
            real = Path.read_bytes

            def refuse(self: Path) -> bytes:
                if self.name == path.name:
                    raise PermissionError(13, "Permission denied", str(self))
                return real(self)

            monkeypatch.setattr(Path, "read_bytes", refuse)
        return path

    yield apply
    for path in locked:
        path.chmod(0o644)
