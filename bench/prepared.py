"""The text the pipeline reads for a gold document, and its result in the gold's offsets.

``quotex eval`` prepares each text (:func:`quotex.normalize.prepare`: NFC, embedded posts
read as sentences) and maps the result back; the bench scripts that parse into a cache do
the same through these two functions, so their figures agree with ``quotex eval``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from quotex.normalize import prepare, restore
from quotex.records import DocResult, from_doc


def pipeline_text(text: str) -> str:
    """What the pipeline parses for ``text``."""
    return prepare(text).text


def gold_result(doc: Doc, gold: dict) -> DocResult:
    """The record of ``doc`` (parsed from ``pipeline_text(gold["text"])``) in the offsets
    and words of the gold text."""
    return restore(from_doc(doc, gold["id"]), gold["text"], prepare(gold["text"]).alignment)
