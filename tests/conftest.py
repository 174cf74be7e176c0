"""Shared fixtures: one loaded pipeline for the whole session, the sample texts and gold.

Every test that loads the spaCy pipeline carries the ``model`` marker, so that
``pytest -m "not model"`` runs the unit tests alone in a few seconds. The marker is added
here to every test that uses the ``nlp`` fixture (directly or through another fixture);
tests that run the CLI on a document, in this process or in a subprocess, carry it
explicitly. A test without the marker that loads the default pipeline fails, naming the
marker; a marked one gets the session's pipeline from ``load_nlp`` instead of loading
another.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import quotex.pipeline

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLD = Path(__file__).resolve().parent / "data"
MODEL_MARK = "model"
_REAL_LOAD_NLP = quotex.pipeline.load_nlp


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark ``model`` every test that needs the ``nlp`` fixture, however indirectly."""
    for item in items:
        if "nlp" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.model)


@pytest.fixture(scope="session")
def nlp():
    """The default quotex pipeline, loaded once (about two seconds)."""
    return _REAL_LOAD_NLP(
        scope="all"
    )  # the tests were written for every attribution PolNeAR counts


@pytest.fixture(autouse=True)
def _one_pipeline_per_session(request: pytest.FixtureRequest, monkeypatch) -> None:
    """``load_nlp()`` of the default model: the session's pipeline, for marked tests only.

    Other models (a missing one, a folder) load as usual.
    """
    marked = request.node.get_closest_marker(MODEL_MARK) is not None

    def load_nlp(model: str = quotex.pipeline.DEFAULT_MODEL, **options):
        if (
            model != quotex.pipeline.DEFAULT_MODEL
            or options.get("cues")
            or options.get("cues_file")
        ):
            return _REAL_LOAD_NLP(model, **options)
        if not marked:
            pytest.fail(f"{request.node.nodeid} loads the spaCy pipeline: mark it {MODEL_MARK}")
        return request.getfixturevalue("nlp")

    monkeypatch.setattr(quotex.pipeline, "load_nlp", load_nlp)
    # extract()'s pipeline cache starts empty in every test, so the marker check holds
    monkeypatch.setattr(quotex.pipeline, "_PIPELINES", {})


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
