"""Write :class:`~quotex.records.DocResult` records as JSON, JSON lines or CSV.

Every writer streams: ``write()`` puts one document's output on the stream at once
and nothing keeps a corpus in memory; ``close()`` finishes the output (the closing
``]`` of a JSON array) without closing the stream, which belongs to the caller.
Writers are context managers; when the ``with`` body raises they leave the output
unfinished, so a truncated JSON array does not pass for a complete one.

Each :class:`View` picks what goes out per document: ``extract`` everything,
``quotes`` or ``entities`` one of the two, ``sources`` the people and organisations
quoted (always with ``id``, and ``meta`` when the input had any).

CSV has one row per quote (``extract`` and ``quotes`` views), per entity
(``entities`` view) or per source (``sources`` view), under a header row; a document
with nothing found adds no rows. Because spreadsheets run a cell that starts with
``=``, ``+``, ``-``, ``@``, tab or carriage return as a formula, such text cells get a
leading ``'`` (the OWASP advice against CSV injection). Pass ``raw_csv=True`` to write cells
unchanged, e.g. for a program rather than a spreadsheet to read. Numbers are
never changed.

:func:`atomic_output` opens the destination: stdout, a file that only appears, complete,
once writing has succeeded, or a device, FIFO or pipe written into as it is.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TextIO

from quotex.errors import OutputError
from quotex.io.targets import is_regular_or_missing, output_target
from quotex.records import DocResult
from quotex.rows import DOC_ID, entity_row, meta_cells, quote_row, source_rows
from quotex.rows import ENTITY_COLUMNS as ENTITY_ROW_COLUMNS
from quotex.rows import QUOTE_COLUMNS as QUOTE_ROW_COLUMNS
from quotex.rows import SOURCE_COLUMNS as SOURCE_ROW_COLUMNS
from quotex.terminal import TerminalStream

STDOUT_MARK = "-"
TEMP_SUFFIX = ".tmp"
OUTPUT_ENCODING = "utf-8"
JSON_OPEN, JSON_SEPARATOR, JSON_CLOSE, JSON_EMPTY = "[", ",\n", "]\n", "[]\n"
FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
FORMULA_ESCAPE = "'"
SPOOL_BYTES = 1 << 20  # CSV rows kept in memory before the spool moves to a temporary file
# The CSV columns besides doc_id and the metadata fields (quotex.rows).
QUOTE_COLUMNS: tuple[str, ...] = (DOC_ID, *QUOTE_ROW_COLUMNS)
ENTITY_COLUMNS: tuple[str, ...] = (DOC_ID, *ENTITY_ROW_COLUMNS)
SOURCE_COLUMNS: tuple[str, ...] = (DOC_ID, *SOURCE_ROW_COLUMNS)


class Format(StrEnum):
    """Output formats. ``table`` is rendered by the CLI, ``sqlite`` by
    :class:`quotex.io.store.StoreWriter` (a file, not a stream), not written here."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    SQLITE = "sqlite"


class View(StrEnum):
    """What to output per document."""

    EXTRACT = "extract"
    QUOTES = "quotes"
    ENTITIES = "entities"
    SOURCES = "sources"


# The keys of DocResult.to_dict() each view keeps; ``text`` is there only when the result
# carries it (web pages, --with-text). CSV rows have no place for it.
_VIEW_KEYS: dict[View, frozenset[str]] = {
    View.EXTRACT: frozenset(
        {"id", "quotes", "entities", "sources", "organisations", "meta", "text"}
    ),
    View.QUOTES: frozenset({"id", "quotes", "meta", "text"}),
    View.ENTITIES: frozenset({"id", "entities", "meta", "text"}),
    View.SOURCES: frozenset({"id", "sources", "organisations", "meta", "text"}),
}


# The columns of a CSV row after doc_id and the metadata, per view (quotes otherwise).
_ROW_COLUMNS: dict[View, tuple[str, ...]] = {
    View.ENTITIES: ENTITY_ROW_COLUMNS,
    View.SOURCES: SOURCE_ROW_COLUMNS,
}


def view_dict(result: DocResult, view: View) -> dict[str, Any]:
    """The JSON-ready object for ``result`` in ``view``."""
    keep = _VIEW_KEYS[View(view)]
    return {key: value for key, value in result.to_dict().items() if key in keep}


class Writer:
    """Base of the streaming writers: ``write()`` each result, then ``close()``."""

    def __init__(self, stream: TextIO, view: View = View.EXTRACT) -> None:
        self.stream = stream
        self.view = View(view)
        self.count = 0
        self.closed = False

    def write(self, result: DocResult) -> None:
        """Write one document's output."""
        if self.closed:
            raise ValueError("write() on a closed writer")
        self._write(result)
        self.count += 1

    def close(self) -> None:
        """Finish the output and flush the stream (which stays open). Safe to repeat."""
        if not self.closed:
            self.closed = True
            self._finish()
            self.stream.flush()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()

    def _write(self, result: DocResult) -> None:
        raise NotImplementedError

    def _finish(self) -> None:
        """Write whatever ends the output; nothing by default."""


class JsonlWriter(Writer):
    """One JSON object per document per line."""

    def _write(self, result: DocResult) -> None:
        self.stream.write(_dumps(view_dict(result, self.view)) + "\n")


class JsonWriter(Writer):
    """One JSON array of the per-document objects, written item by item."""

    def _write(self, result: DocResult) -> None:
        self.stream.write(JSON_SEPARATOR if self.count else JSON_OPEN)
        self.stream.write(_dumps(view_dict(result, self.view)))

    def _finish(self) -> None:
        self.stream.write(JSON_CLOSE if self.count else JSON_EMPTY)


class CsvWriter(Writer):
    """A header row, then one row per quote, entity or source (:mod:`quotex.rows`), through
    :mod:`csv`.

    The header names every metadata field of the run (after ``doc_id``, in first-seen
    order), and a field may first appear in the last document, so rows are kept in a
    temporary file (in memory up to ``SPOOL_BYTES``) and the whole table is written by
    ``close()``: memory stays small, but nothing appears before the run ends.
    """

    def __init__(self, stream: TextIO, view: View = View.EXTRACT, *, raw: bool = False) -> None:
        super().__init__(stream, view)
        self.raw = raw
        self._meta: dict[str, None] = {}  # metadata columns, in first-seen order
        self._spool = tempfile.SpooledTemporaryFile(  # noqa: SIM115  (closed by _finish)
            max_size=SPOOL_BYTES, mode="w+", encoding=OUTPUT_ENCODING, newline=""
        )

    def _write(self, result: DocResult) -> None:
        if self.view is View.ENTITIES:
            rows = [entity_row(result, entity) for entity in result.entities]
        elif self.view is View.SOURCES:
            rows = list(source_rows([result]))
        else:
            rows = [quote_row(result, quote) for quote in result.quotes]
        if rows:
            self._meta.update(dict.fromkeys(meta_cells(result)))
        for row in rows:
            self._spool.write(_dumps(row) + "\n")

    def _finish(self) -> None:
        own = _ROW_COLUMNS.get(self.view, QUOTE_ROW_COLUMNS)
        columns = [DOC_ID, *self._meta, *own]
        writer = csv.writer(self.stream)
        writer.writerow(columns)
        self._spool.seek(0)
        for line in self._spool:
            row = json.loads(line)
            writer.writerow(self._cells([row.get(name) for name in columns]))
        self._spool.close()

    def _cells(self, row: list[Any]) -> list[Any]:
        return row if self.raw else [escape_formula(cell) for cell in row]


def escape_formula(cell: Any) -> Any:
    """``cell`` with a leading ``'`` if a spreadsheet would read it as a formula."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return FORMULA_ESCAPE + cell
    return cell


_WRITERS: dict[Format, type[Writer]] = {Format.JSON: JsonWriter, Format.JSONL: JsonlWriter}


def make_writer(fmt: Format, stream: TextIO, view: View, *, raw_csv: bool = False) -> Writer:
    """The writer for ``fmt`` on ``stream``. ``Format.TABLE`` raises ``ValueError``."""
    fmt = Format(fmt)
    if fmt is Format.CSV:
        return CsvWriter(stream, view, raw=raw_csv)
    if fmt in _WRITERS:
        return _WRITERS[fmt](stream, view)
    raise ValueError(f"no stream writer for format {fmt.value!r}")


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str] | None) -> Iterator[TextIO]:
    """A text stream for ``path``; ``None`` or ``"-"`` is stdout (left open).

    A regular file (or a new one) is written under a temporary name in its folder and
    moved onto ``path`` only when the ``with`` body finishes without an exception; on
    any exception, KeyboardInterrupt included, the temporary file is removed and
    ``path`` is left as it was. A symbolic link is followed: its target is replaced and
    the link stays a link. Anything that is not a regular file (``/dev/null``, a FIFO,
    ``/dev/stdout``, ``/dev/fd/N``, a terminal) is opened and written directly, never
    replaced (:mod:`quotex.io.targets`). A terminal, stdout included, gets control
    characters as visible stand-ins (:class:`~quotex.terminal.TerminalStream`). Raises
    :class:`OutputError` before writing if ``path`` cannot be written.
    """
    if path is None or str(path) == STDOUT_MARK:
        # A terminal gets control characters as visible stand-ins; files and pipes, the text.
        yield TerminalStream(sys.stdout) if sys.stdout.isatty() else sys.stdout  # type: ignore[misc]
        sys.stdout.flush()
        return
    target = output_target(path)
    if not target.atomic:
        with _open_direct(target.path) as stream:
            yield TerminalStream(stream) if stream.isatty() else stream  # type: ignore[misc]
        return
    temp = _open_temp(target.path)
    try:
        yield temp
        temp.flush()
        os.fsync(temp.fileno())
        temp.close()
        os.chmod(temp.name, _file_mode(target.path))
        if not is_regular_or_missing(target.path):  # it changed while we wrote: keep it
            raise OutputError(
                f"{target.path} is no longer a regular file; nothing was written to it"
            )
        os.replace(temp.name, target.path)
    except BaseException:
        temp.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp.name)
        raise


def _open_direct(target: Path) -> TextIO:
    """Open a device, FIFO or ``/proc`` file as it is: appending, not creating, no truncation."""
    try:
        fd = os.open(target, os.O_WRONLY | os.O_APPEND)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise OutputError(f"cannot write to {target} ({reason}); choose another -o path") from None
    return os.fdopen(fd, "w", encoding=OUTPUT_ENCODING, newline="")


def _open_temp(target: Path) -> TextIO:
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"output folder does not exist: {folder}; create it first")
    try:
        # Not a `with`: atomic_output closes it, then moves or removes it.
        return tempfile.NamedTemporaryFile(
            "w",
            encoding=OUTPUT_ENCODING,
            newline="",
            delete=False,
            dir=folder,
            prefix=f".{target.name}.",
            suffix=TEMP_SUFFIX,
        )
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise OutputError(
            f"cannot write in folder {folder} ({reason}); choose an output path you may write"
        ) from None


def _file_mode(target: Path) -> int:
    """The mode the output should get: the replaced file's, or what umask gives a new one."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        # Temporary files are created 0600; a new output should look like any other file.
        # os.umask can only be read by setting it, so set it back at once.
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _dumps(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False)
