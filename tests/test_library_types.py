"""The library refuses what is not text or a document, before any spaCy work."""

from __future__ import annotations

import pytest

import quotex
import quotex.pipeline
from quotex.extraction import extract, extract_documents
from quotex.io.readers import Document, ReadFailure
from quotex.records import DocResult

QUOTED = "“We will not retreat,” said Anna Berg.\n"


class NoPipeline:
    """Stands in for a pipeline: the type checks must come before it is touched."""

    max_length = 1_000_000

    def __getattr__(self, name):
        raise AssertionError(f"the pipeline was used ({name})")

    def __call__(self, *args, **kwargs):
        raise AssertionError("the pipeline was used")


@pytest.mark.parametrize("text", [b"bytes", None, 123, ["a list"], bytearray(b"x")])
def test_extract_refuses_what_is_not_a_str_naming_str(text) -> None:
    with pytest.raises(TypeError, match=r"takes the text as a str, not "):
        extract(text, NoPipeline())


def test_extract_refuses_before_loading_a_pipeline(monkeypatch) -> None:
    monkeypatch.setattr(quotex.pipeline, "load_nlp", NoPipeline())
    with pytest.raises(TypeError, match="not bytes"):
        quotex.extract(b"text")


@pytest.mark.parametrize(
    "items",
    [["text"], [b"bytes"], [None], [{"id": "d", "text": "x"}], "a bare string", b"bytes"],
    ids=["str item", "bytes item", "None item", "dict item", "bare str", "bare bytes"],
)
def test_extract_documents_refuses_what_is_not_a_document(items) -> None:
    with pytest.raises(TypeError, match="takes Document or ReadFailure items"):
        list(extract_documents(items, NoPipeline()))


def test_extract_documents_refuses_a_document_whose_text_is_not_a_str() -> None:
    with pytest.raises(TypeError, match="Document 'd' has a bytes text, not a str"):
        list(extract_documents([Document("d", b"x")], NoPipeline()))


@pytest.mark.model
def test_extract_documents_still_takes_documents_and_read_failures(nlp) -> None:
    failure = ReadFailure("bad.txt", "cannot read it")
    items = list(extract_documents([Document("a", QUOTED), failure], nlp))
    assert isinstance(items[0], DocResult) and items[0].quotes
    assert items[1] is failure
