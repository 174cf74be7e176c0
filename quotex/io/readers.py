"""Turn command-line inputs into a stream of documents.

Inputs are files, folders (walked recursively), ``.jsonl`` corpora, or ``-`` for
stdin. :func:`resolve_inputs` checks every input up front and raises a
:class:`~quotex.errors.QuotexError` for problems that stop the whole run;
:func:`iter_documents` then streams :class:`Document` objects, yielding a
:class:`ReadFailure` for a single bad file or JSONL line so the rest of a batch
still gets processed.

Text is decoded from bytes by us, never by ``open()`` in text mode: a leading
byte-order mark is removed and nothing else is changed (``\\r\\n`` stays
``\\r\\n``), so character offsets in the output index the file as it is. JSONL is
read line by line and decoded per line, so its encoding must be ASCII-compatible
(UTF-8, latin-1, cp1252, ...).
"""

from __future__ import annotations

import codecs
import fnmatch
import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Literal

from quotex.errors import InputError, UsageError

SourceKind = Literal["text", "jsonl"]
INPUT_FORMATS: tuple[str, ...] = ("text", "jsonl")
STDIN_MARK = "-"
STDIN_NAME = "stdin"
DEFAULT_GLOBS: tuple[str, ...] = ("*.txt", "*.md")
JSONL_SUFFIX = ".jsonl"
BOM_CHAR = "\ufeff"
NUL_CHAR = "\x00"
# How many field names a "no such field" message lists before giving up.
MAX_FIELDS_SHOWN = 8
_JSON_TYPE_NAMES: dict[type, str] = {
    dict: "an object",
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}


@dataclass(frozen=True)
class Source:
    """One input to read: a file (``path``) or stdin (``path is None``).

    ``name`` is what document ids are built from: the path relative to the folder
    it was found in, the path as given for a file, or ``"stdin"``.
    """

    path: Path | None
    kind: SourceKind = "text"
    name: str = STDIN_NAME

    @property
    def is_stdin(self) -> bool:
        return self.path is None

    @property
    def label(self) -> str:
        """Where this source is, for messages: the path as the user would type it."""
        return STDIN_NAME if self.path is None else str(self.path)


@dataclass(frozen=True)
class Document:
    """One text to analyse. ``text`` is exactly the decoded input, less a leading BOM."""

    id: str
    text: str
    meta: dict[str, Any] | None = None
    source: str = ""


@dataclass(frozen=True)
class ReadFailure:
    """One document that could not be read; ``message`` says what to do about it."""

    source: str
    message: str


def resolve_inputs(
    inputs: Sequence[str],
    *,
    glob: str | Sequence[str] | None = None,
    input_format: str | None = None,
) -> list[Source]:
    """Check every input and expand folders into the files to read, in order.

    No inputs means stdin. ``glob`` replaces the default ``*.txt``/``*.md`` patterns
    used inside folders; a string may hold several patterns separated by commas.
    A pattern containing ``/`` is matched against the path below the folder,
    otherwise against the file name. Hidden files and folders are skipped.
    ``input_format`` ``"jsonl"`` or ``"text"`` overrides the choice by extension.
    """
    if input_format is not None and input_format not in INPUT_FORMATS:
        raise UsageError(
            f"unknown input format {input_format!r}; pass --input-format text or jsonl"
        )
    if list(inputs).count(STDIN_MARK) > 1:
        raise UsageError(f"'{STDIN_MARK}' (stdin) given more than once; pass it at most once")
    patterns = _patterns(glob)
    sources: list[Source] = []
    for given in inputs or [STDIN_MARK]:
        if given == STDIN_MARK:
            sources.append(Source(None, _kind(None, input_format), STDIN_NAME))
            continue
        path = Path(given)
        if path.is_dir():
            sources.extend(_walk(path, patterns, input_format, glob is not None))
        elif path.exists():
            sources.append(Source(path, _kind(path, input_format), given))
        else:
            raise InputError(f"no such file or folder: {given}; check the path")
    return sources


def iter_documents(
    sources: list[Source],
    *,
    stdin: BinaryIO | None = None,
    text_field: str = "text",
    id_field: str = "id",
    encoding: str = "utf-8",
) -> Iterator[Document | ReadFailure]:
    """Stream the documents in ``sources``, one per text file and one per JSONL line.

    ``stdin`` defaults to ``sys.stdin.buffer``. An unknown ``encoding`` raises
    :class:`UsageError` here, before anything is read; everything that goes wrong
    with one file or line is yielded as a :class:`ReadFailure` instead.
    """
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise UsageError(
            f"unknown encoding {encoding!r}; pass --encoding with a name Python knows, "
            "e.g. utf-8 or latin-1"
        ) from None
    return _iter_documents(sources, stdin, text_field, id_field, encoding)


def count_documents(sources: Sequence[Source]) -> int | None:
    """How many items :func:`iter_documents` will yield, or ``None`` if it cannot know.

    Stdin and other non-regular files (pipes) cannot be counted without consuming
    them. JSONL files are counted by their non-blank lines.
    """
    total = 0
    for source in sources:
        if source.path is None or not source.path.is_file():
            return None
        if source.kind == "text":
            total += 1
            continue
        try:
            with source.path.open("rb") as stream:
                total += sum(1 for _ in _jsonl_lines(stream))
        except OSError:
            total += 1  # iter_documents yields one ReadFailure for it
    return total


# --- resolving -----------------------------------------------------------------


def _patterns(glob: str | Sequence[str] | None) -> tuple[str, ...]:
    if glob is None:
        return DEFAULT_GLOBS
    raw = glob.split(",") if isinstance(glob, str) else list(glob)
    patterns = tuple(p.strip() for p in raw if p.strip())
    if not patterns:
        raise UsageError("empty --glob pattern; pass one such as '*.txt'")
    return patterns


def _kind(path: Path | None, input_format: str | None) -> SourceKind:
    if input_format == "jsonl":
        return "jsonl"
    if input_format is None and path is not None and path.suffix.lower() == JSONL_SUFFIX:
        return "jsonl"
    return "text"


def _walk(
    folder: Path, patterns: tuple[str, ...], input_format: str | None, custom_glob: bool
) -> list[Source]:
    found: list[tuple[Path, Path]] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for filename in filenames:
            path = Path(dirpath) / filename
            rel = path.relative_to(folder)
            if not filename.startswith(".") and _matches(rel, patterns):
                found.append((rel, path))
    if not found:
        shown = ", ".join(patterns)
        hint = "pass a different --glob" if custom_glob else "pass --glob to read other files"
        raise InputError(f"no files matching {shown} in folder {folder}; {hint}")
    # Sort by path components so "a/z.txt" comes before "a-b/x.txt", as a tree listing would.
    found.sort(key=lambda item: item[0].parts)
    return [Source(path, _kind(path, input_format), rel.as_posix()) for rel, path in found]


def _matches(rel: Path, patterns: tuple[str, ...]) -> bool:
    posix = rel.as_posix()
    return any(fnmatch.fnmatch(posix if "/" in p else rel.name, p) for p in patterns)


# --- reading -------------------------------------------------------------------


def _iter_documents(
    sources: list[Source],
    stdin: BinaryIO | None,
    text_field: str,
    id_field: str,
    encoding: str,
) -> Iterator[Document | ReadFailure]:
    for source in sources:
        if source.kind == "jsonl":
            yield from _read_jsonl(source, stdin, text_field, id_field, encoding)
        else:
            yield _read_text(source, stdin, encoding)


def _stdin(stdin: BinaryIO | None) -> BinaryIO:
    return stdin if stdin is not None else sys.stdin.buffer


def _read_text(source: Source, stdin: BinaryIO | None, encoding: str) -> Document | ReadFailure:
    try:
        data = _stdin(stdin).read() if source.path is None else source.path.read_bytes()
        text = _decode(data, encoding)
    except OSError as exc:
        return ReadFailure(source.label, _os_message(exc))
    except _Unusable as exc:
        return ReadFailure(source.label, str(exc))
    return Document(id=source.name, text=text, source=source.label)


def _read_jsonl(
    source: Source,
    stdin: BinaryIO | None,
    text_field: str,
    id_field: str,
    encoding: str,
) -> Iterator[Document | ReadFailure]:
    try:
        stream = _stdin(stdin) if source.path is None else source.path.open("rb")
    except OSError as exc:
        yield ReadFailure(source.label, _os_message(exc))
        return
    try:
        for number, line in _jsonl_lines(stream):
            where = f"{source.label}:{number}"
            try:
                record = _parse_line(line, encoding, text_field)
            except _Unusable as exc:
                yield ReadFailure(where, str(exc))
                continue
            yield _jsonl_document(record, where, f"{source.name}:{number}", text_field, id_field)
    except OSError as exc:
        yield ReadFailure(source.label, _os_message(exc))
    finally:
        if source.path is not None:
            stream.close()


def _jsonl_lines(stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """The non-blank lines of a JSONL stream with their 1-based numbers, less a UTF-8 BOM."""
    for number, line in enumerate(stream, start=1):
        if number == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        if line.strip():
            yield number, line


def _parse_line(line: bytes, encoding: str, text_field: str) -> dict[str, Any]:
    """The JSON object on ``line``; raises :class:`_Unusable` saying why it is not one."""
    try:
        record = json.loads(_decode(line, encoding))
    except json.JSONDecodeError as exc:
        raise _Unusable(
            f"not valid JSON ({exc.msg} at column {exc.colno}); write one JSON object per line"
        ) from None
    if not isinstance(record, dict):
        raise _Unusable(f"{_json_type(record)}, not a JSON object; write one JSON object per line")
    if text_field not in record:
        fields = ", ".join(list(record)[:MAX_FIELDS_SHOWN]) or "none"
        raise _Unusable(
            f"no {text_field!r} field (fields: {fields}); "
            "pass --text-field with the name of the field holding the text"
        )
    if not isinstance(record[text_field], str):
        raise _Unusable(
            f"field {text_field!r} is {_json_type(record[text_field])}, not a string; "
            "pass --text-field with the name of the field holding the text"
        )
    return record


def _jsonl_document(
    record: dict[str, Any], where: str, fallback_id: str, text_field: str, id_field: str
) -> Document:
    raw_id = record.get(id_field)
    if raw_id is None:
        doc_id = fallback_id
    elif isinstance(raw_id, str):
        doc_id = raw_id
    else:
        doc_id = json.dumps(raw_id, ensure_ascii=False)
    meta = {k: v for k, v in record.items() if k not in (text_field, id_field)}
    return Document(id=doc_id, text=record[text_field], meta=meta or None, source=where)


class _Unusable(Exception):
    """Bytes that are not a usable document; the message says why and what to do."""


def _decode(data: bytes, encoding: str) -> str:
    """Decoded text less a leading BOM; raises :class:`_Unusable` for bytes that are not text."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise _Unusable(
            f"not {encoding} text (byte 0x{bad} at offset {exc.start}); "
            "pass --encoding with its encoding, e.g. --encoding latin-1"
        ) from None
    if NUL_CHAR in text:
        raise _Unusable(
            "contains NUL bytes, so it looks like a binary file, not text; "
            "leave it out of the inputs, or pass --encoding if it is text (e.g. utf-16)"
        )
    return text.removeprefix(BOM_CHAR)


def _os_message(exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    return f"cannot read it ({reason}); check that it exists and that you may read it"


def _json_type(value: object) -> str:
    return _JSON_TYPE_NAMES.get(type(value), type(value).__name__)
