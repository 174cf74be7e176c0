"""JSON and JSON Lines writers whose records keep ``text`` when the result carries it.

A record carries its text for web pages (the offsets index the extracted text, which the
user has no copy of) and with ``--with-text``. The writers of :mod:`quotex.io.writers`
keep the keys of each view only; these subclasses add the result's ``text`` after them.
CSV rows are quotes or entities, with no place for a document's text, so CSV is written
as before.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from quotex.io.writers import (
    JSON_OPEN,
    JSON_SEPARATOR,
    Format,
    JsonlWriter,
    JsonWriter,
    View,
    Writer,
    make_writer,
    view_dict,
)
from quotex.records import DocResult

TEXT_KEY = "text"


def record_dict(result: DocResult, view: View) -> dict[str, Any]:
    """``view_dict`` of ``result``, with its ``text`` last when it has one."""
    out = view_dict(result, view)
    if result.text is not None:
        out[TEXT_KEY] = result.text
    return out


def _dumps(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False)


class JsonlTextWriter(JsonlWriter):
    """:class:`~quotex.io.writers.JsonlWriter`, keeping ``text``."""

    def _write(self, result: DocResult) -> None:
        self.stream.write(_dumps(record_dict(result, self.view)) + "\n")


class JsonTextWriter(JsonWriter):
    """:class:`~quotex.io.writers.JsonWriter`, keeping ``text``."""

    def _write(self, result: DocResult) -> None:
        self.stream.write(JSON_SEPARATOR if self.count else JSON_OPEN)
        self.stream.write(_dumps(record_dict(result, self.view)))


_TEXT_WRITERS: dict[Format, type[Writer]] = {
    Format.JSON: JsonTextWriter,
    Format.JSONL: JsonlTextWriter,
}


def make_record_writer(fmt: Format, stream: TextIO, view: View, *, raw_csv: bool = False) -> Writer:
    """:func:`~quotex.io.writers.make_writer`, with JSON and JSON Lines keeping ``text``."""
    fmt = Format(fmt)
    if fmt in _TEXT_WRITERS:
        return _TEXT_WRITERS[fmt](stream, view)
    return make_writer(fmt, stream, view, raw_csv=raw_csv)
