"""Turn command-line inputs into a stream of documents.

Inputs are files, folders (walked recursively), ``.jsonl`` corpora, ``.json`` documents
(one object, or an array of objects), HTML pages, ``http(s)://`` addresses, or ``-`` for
stdin. :func:`resolve_inputs` checks
every input up front and raises a :class:`~quotex.errors.QuotexError` for problems that
stop the whole run; :func:`iter_documents` then streams :class:`Document` objects,
yielding a :class:`ReadFailure` for a single bad file, JSONL line or array element so the
rest of a batch still gets processed.

Only regular files are read from folders: a FIFO, socket or device found there would
block the run or never end, so it is skipped (and reported as a :class:`Skipped`). A
FIFO named as an input (``<(command)``) is read as a stream, as stdin is; a device or
socket named as an input is refused.

Text is decoded from bytes by us, never by ``open()`` in text mode: a leading
byte-order mark is removed and nothing else is changed (``\\r\\n`` stays
``\\r\\n``), so character offsets in the output index the file as it is. A UTF-16 or
UTF-32 byte-order mark chooses that encoding whatever ``--encoding`` says; bytes with NUL
in them and no such mark are a binary file. JSONL is read line by line and decoded per
line, so without a UTF-16/32 mark its encoding must be ASCII-compatible (UTF-8, latin-1,
cp1252, ...). A string holding a lone surrogate (``"\\ud800"``, which no encoding can
write) makes its line or document a failure.

HTML pages (``.html``/``.htm``, ``--input-format html``, a text input or a URL that opens
as a page) are not kept as read: their article text is extracted
(:mod:`quotex.io.html`), and the :class:`Document` carries that text, the page's
metadata in ``meta``, and ``with_text`` so that the record holds the text its offsets
index. URLs are fetched (:mod:`quotex.io.web`) when their document is reached, and read by
their content type.
"""

from __future__ import annotations

import codecs
import fnmatch
import io
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Literal

from quotex.errors import InputError, UsageError
from quotex.io.html import HTML_SUFFIXES, codec_name, declared_charset, looks_like_html
from quotex.io.web import DEFAULT_MAX_BYTES, Fetched, FetchError, fetch, is_url

SourceKind = Literal["text", "jsonl", "json"]
# What the texts of a source are: plain text, HTML, or (auto) HTML when a text input opens
# as a page; the text fields of JSONL and JSON records are read as text unless "html".
Markup = Literal["auto", "text", "html"]
INPUT_FORMATS: tuple[str, ...] = ("text", "jsonl", "json", "html")
TEXT_FORMATS: tuple[str, ...] = ("text", "html")
STDIN_MARK = "-"
STDIN_NAME = "stdin"
DEFAULT_GLOBS: tuple[str, ...] = ("*.txt", "*.jsonl", "*.html", "*.htm")  # not *.md: READMEs
JSONL_SUFFIX = ".jsonl"
JSON_SUFFIX = ".json"
# Media types a URL may answer with, and what each is read as.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
PDF_TYPE = "application/pdf"
NO_ARTICLE_TEXT = (
    "no article text found in the page (a login wall, an index page, or text that scripts "
    "fill in); its record is empty"
)
# Under this many characters, a page's text is more likely a wall or a menu than an article.
SHORT_ARTICLE_CHARS = 200
BOM_CHAR = "\ufeff"
NUL_CHAR = "\x00"
NUL_BYTE = b"\x00"
# Byte-order marks that choose their encoding; UTF-32 LE first, as it begins like UTF-16 LE.
WIDE_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# What a file that is not a regular one is, by its mode, for messages.
_SPECIAL_KINDS: tuple[tuple[Any, str], ...] = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)
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
    stream: bool = False  # a FIFO named as an input: read as a stream, as stdin is
    markup: Markup = "auto"
    url: str | None = None  # an http(s) address to fetch (``path`` is None)

    @property
    def is_stdin(self) -> bool:
        return self.path is None and self.url is None

    @property
    def label(self) -> str:
        """Where this source is, for messages: the path or URL as the user would type it."""
        if self.url is not None:
            return self.url
        return STDIN_NAME if self.path is None else str(self.path)


@dataclass(frozen=True)
class Document:
    """One text to analyse. ``text`` is exactly the decoded input, less a leading BOM, or
    the article text extracted from an HTML page.

    ``with_text``: the record should carry ``text`` (a page's extracted text, a URL's body:
    the user has no copy of what the offsets index). ``note``: something to tell the user
    about a document that is still processed (a page with no article text).
    """

    id: str
    text: str
    meta: dict[str, Any] | None = None
    source: str = ""
    with_text: bool = False
    note: str | None = None


@dataclass(frozen=True)
class ReadFailure:
    """One document that could not be read; ``message`` says what to do about it."""

    source: str
    message: str


@dataclass(frozen=True)
class Skipped:
    """A file in an input folder that was left out, and why (not a failure)."""

    source: str
    message: str


def resolve_inputs(
    inputs: Sequence[str],
    *,
    glob: str | Sequence[str] | None = None,
    input_format: str | None = None,
    skipped: list[Skipped] | None = None,
    text_format: str | None = None,
) -> list[Source]:
    """Check every input and expand folders into the files to read, in order.

    No inputs means stdin. ``glob`` replaces the default patterns (:data:`DEFAULT_GLOBS`)
    used inside folders; a string may hold several patterns separated by commas.
    A pattern containing ``/`` is matched against the path below the folder,
    otherwise against the file name. Hidden files and folders are skipped, and so are
    matching files that are not regular files (FIFOs, sockets, devices): those are
    appended to ``skipped`` when it is given. A FIFO named as an input is read as a
    stream; a device or socket named as an input is an :class:`InputError`.
    ``input_format`` ``"text"``, ``"jsonl"``, ``"json"`` or ``"html"`` overrides the
    choice by extension (``"html"`` keeps ``.jsonl`` and ``.json`` files as records whose
    text fields are HTML); ``text_format="html"`` reads the text fields of records as HTML.
    An ``http://`` or ``https://`` input is a URL, fetched when it is read.
    """
    if input_format is not None and input_format not in INPUT_FORMATS:
        raise UsageError(
            f"unknown input format {input_format!r}; pass --input-format text, jsonl, json or html"
        )
    if text_format is not None and text_format not in TEXT_FORMATS:
        raise UsageError(f"unknown text format {text_format!r}; pass --text-format text or html")
    formats = (input_format, text_format)
    if list(inputs).count(STDIN_MARK) > 1:
        raise UsageError(f"'{STDIN_MARK}' (stdin) given more than once; pass it at most once")
    patterns = _patterns(glob)
    sources: list[Source] = []
    for given in inputs or [STDIN_MARK]:
        if given == STDIN_MARK:
            sources.append(_source(None, STDIN_NAME, formats))
            continue
        if is_url(given):
            sources.append(_url_source(given, input_format))
            continue
        path = Path(given)
        if path.is_dir():
            found = _walk(path, patterns, formats, glob is not None)
            sources.extend(item for item in found if isinstance(item, Source))
            if skipped is not None:
                skipped.extend(item for item in found if isinstance(item, Skipped))
        elif path.exists():
            sources.append(_named_file(path, given, formats))
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
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document | ReadFailure]:
    """Stream the documents in ``sources``, one per text file and one per JSONL line.

    ``stdin`` defaults to ``sys.stdin.buffer``. An unknown ``encoding`` raises
    :class:`UsageError` here, before anything is read; everything that goes wrong
    with one file, line or URL is yielded as a :class:`ReadFailure` instead. An HTML page
    (a file, a URL's body, a record's text) over ``max_bytes`` is refused unparsed.
    """
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise UsageError(
            f"unknown encoding {encoding!r}; pass --encoding with a name Python knows, "
            "e.g. utf-8 or latin-1"
        ) from None
    return _iter_documents(sources, stdin, _Reading(text_field, id_field, encoding, max_bytes))


def count_documents(sources: Sequence[Source]) -> int | None:
    """How many items :func:`iter_documents` will yield, or ``None`` if it cannot know.

    Stdin and other non-regular files (pipes) cannot be counted without consuming
    them. JSONL files are counted by their non-blank lines, JSON files by their
    elements (they are parsed for it).
    """
    total = 0
    for source in sources:
        if source.url is not None:
            total += 1
            continue
        if source.path is None or source.stream or not source.path.is_file():
            return None
        if source.kind == "text":
            total += 1
            continue
        try:
            total += _count_records(source)
        except (OSError, _Unusable, ValueError):
            total += 1  # iter_documents yields one ReadFailure for it
    return total


def _count_records(source: Source) -> int:
    assert source.path is not None
    if source.kind == "json":
        value = _load_json(source.path.read_bytes(), "utf-8")
        return len(value) if isinstance(value, list) else 1
    with source.path.open("rb") as stream:
        return sum(1 for _ in _jsonl_lines(stream))


# --- resolving -----------------------------------------------------------------


def _patterns(glob: str | Sequence[str] | None) -> tuple[str, ...]:
    if glob is None:
        return DEFAULT_GLOBS
    raw = glob.split(",") if isinstance(glob, str) else list(glob)
    patterns = tuple(p.strip() for p in raw if p.strip())
    if not patterns:
        raise UsageError("empty --glob pattern; pass one such as '*.txt'")
    return patterns


def _source(
    path: Path | None, name: str, formats: tuple[str | None, str | None], stream: bool = False
) -> Source:
    kind, markup = _format(path, *formats)
    return Source(path, kind, name, stream=stream, markup=markup)


def _format(
    path: Path | None, input_format: str | None, text_format: str | None
) -> tuple[SourceKind, Markup]:
    """How to read an input: its kind (text, JSONL, JSON) and what its texts are."""
    suffix = path.suffix.lower() if path is not None else ""
    by_suffix: SourceKind = (
        "jsonl" if suffix == JSONL_SUFFIX else "json" if suffix == JSON_SUFFIX else "text"
    )
    if input_format in (None, "html"):
        kind = by_suffix
    else:
        kind = input_format  # type: ignore[assignment]  (checked against INPUT_FORMATS)
    if kind != "text":
        return kind, "html" if "html" in (input_format, text_format) else "text"
    if input_format is not None:
        return kind, input_format  # type: ignore[return-value]  ("text" or "html")
    return kind, "html" if suffix in HTML_SUFFIXES else "auto"


def _url_source(url: str, input_format: str | None) -> Source:
    """A URL to fetch: read by its content type, or as ``--input-format`` text or html."""
    if input_format in ("jsonl", "json"):
        raise UsageError(
            f"{url}: a URL is read as a web page or text; leave out --input-format {input_format}"
        )
    markup: Markup = "auto" if input_format is None else input_format  # type: ignore[assignment]
    return Source(None, "text", url, markup=markup, url=url)


def special_kind(path: Path) -> str | None:
    """What ``path`` is when it is not a regular file (``"a FIFO (named pipe)"``, ...).

    ``None`` for a regular file, and for a path that cannot be looked at: reading it
    will say why.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _SPECIAL_KINDS if test(mode)), "not a regular file")


def _named_file(path: Path, given: str, formats: tuple[str | None, str | None]) -> Source:
    """The source for a file named as an input: a FIFO is a stream, a device is refused."""
    kind = special_kind(path)
    if kind is None:
        return _source(path, given, formats)
    if kind.startswith("a FIFO"):
        return _source(path, given, formats, stream=True)
    raise InputError(f"{given}: {kind}, not a file; name a regular file, or pass - to read stdin")


def _walk(
    folder: Path,
    patterns: tuple[str, ...],
    formats: tuple[str | None, str | None],
    custom_glob: bool,
) -> list[Source | Skipped]:
    """The matching regular files below ``folder`` in tree order, and the skipped others."""
    found: list[tuple[Path, Path]] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for filename in filenames:
            path = Path(dirpath) / filename
            rel = path.relative_to(folder)
            if not filename.startswith(".") and _matches(rel, patterns):
                found.append((rel, path))
    # Sort by path components so "a/z.txt" comes before "a-b/x.txt", as a tree listing would.
    found.sort(key=lambda item: item[0].parts)
    items: list[Source | Skipped] = []
    for rel, path in found:
        kind = special_kind(path)
        if kind is None:
            items.append(_source(path, rel.as_posix(), formats))
        else:
            items.append(Skipped(str(path), f"skipped: {kind}, not a regular file"))
    if not any(isinstance(item, Source) for item in items):
        shown = ", ".join(patterns)
        hint = "pass a different --glob" if custom_glob else "pass --glob to read other files"
        others = f" (only {len(items)} that are not regular files)" if items else ""
        raise InputError(f"no files matching {shown} in folder {folder}{others}; {hint}")
    return items


def _matches(rel: Path, patterns: tuple[str, ...]) -> bool:
    posix = rel.as_posix()
    return any(fnmatch.fnmatch(posix if "/" in p else rel.name, p) for p in patterns)


# --- reading -------------------------------------------------------------------


@dataclass(frozen=True)
class _Reading:
    """The reading options every source is read with."""

    text_field: str
    id_field: str
    encoding: str
    max_bytes: int


def _iter_documents(
    sources: list[Source], stdin: BinaryIO | None, reading: _Reading
) -> Iterator[Document | ReadFailure]:
    for source in sources:
        if source.kind == "jsonl":
            yield from _read_jsonl(source, stdin, reading)
        elif source.kind == "json":
            yield from _read_json(source, stdin, reading)
        elif source.url is not None:
            yield _read_url(source, reading)
        else:
            yield _read_text(source, stdin, reading)


def _stdin(stdin: BinaryIO | None) -> BinaryIO:
    return stdin if stdin is not None else sys.stdin.buffer


def _open(source: Source, stdin: BinaryIO | None) -> BinaryIO:
    """A binary stream of ``source``: stdin, a named FIFO, or a file that is still regular.

    A file found regular when the inputs were resolved is looked at again right before it
    is opened, so a FIFO put in its place cannot block the run.
    """
    if source.path is None:
        return _stdin(stdin)
    if not source.stream:
        _check_regular(source.path)
    return source.path.open("rb")


def _read_bytes(source: Source, stdin: BinaryIO | None) -> bytes:
    """All the bytes of ``source`` (see :func:`_open`)."""
    if source.path is None:
        return _stdin(stdin).read()
    if source.stream:
        with source.path.open("rb") as stream:
            return stream.read()
    _check_regular(source.path)
    return source.path.read_bytes()


def _check_regular(path: Path) -> None:
    kind = special_kind(path)
    if kind is not None:
        raise _Unusable(f"{kind}, not a regular file; leave it out of the inputs")


def _read_text(source: Source, stdin: BinaryIO | None, reading: _Reading) -> Document | ReadFailure:
    """A text file or stdin; an HTML page when it is one (by name, flag or first bytes)."""
    try:
        if source.markup == "html" and source.path is not None and not source.stream:
            _check_size(source.path, reading.max_bytes)  # refused before it is even read
        data = _read_bytes(source, stdin)
        if source.markup == "html" or (source.markup == "auto" and looks_like_html(data)):
            return _page_document(data, None, source.name, source.label, reading)
        text = _decode(data, reading.encoding)
    except OSError as exc:
        return ReadFailure(source.label, _os_message(exc))
    except _Unusable as exc:
        return ReadFailure(source.label, str(exc))
    return Document(id=source.name, text=text, source=source.label)


def _read_url(source: Source, reading: _Reading) -> Document | ReadFailure:
    """The page or text at a URL, read by its content type (or as ``source.markup`` says)."""
    assert source.url is not None
    try:
        fetched = fetch(source.url, max_bytes=reading.max_bytes)
        if _url_markup(fetched, source.markup) == "html":
            return _page_document(fetched.data, fetched, source.name, source.label, reading)
        text = _decode(fetched.data, codec_name(fetched.charset) or reading.encoding)
    except (FetchError, _Unusable) as exc:
        return ReadFailure(source.label, str(exc))
    return Document(source.name, text, {"url": fetched.url}, source.label, with_text=True)


def _url_markup(fetched: Fetched, markup: Markup) -> Markup:
    """``"html"`` or ``"text"``: how to read a URL's body; other content is refused."""
    media = fetched.content_type
    if media == PDF_TYPE:
        raise _Unusable(
            f"a PDF ({PDF_TYPE}), which quotex cannot read; "
            "save its text to a file and pass that file"
        )
    if media and media not in HTML_TYPES | TEXT_TYPES:
        raise _Unusable(
            f"{media} content, not a web page (text/html) or plain text; "
            "pass the address of an article page"
        )
    if markup != "auto":
        return markup
    if media in HTML_TYPES or looks_like_html(fetched.data):
        return "html"
    return "text"


def _page_document(
    data: bytes, fetched: Fetched | None, doc_id: str, where: str, reading: _Reading
) -> Document:
    """The article of an HTML page as a document; refused over ``reading.max_bytes``."""
    if len(data) > reading.max_bytes:
        raise _Unusable(_too_big(len(data), reading.max_bytes))
    charset = fetched.charset if fetched is not None else None
    markup = _decode_page(data, codec_name(charset) or declared_charset(data), reading.encoding)
    return _article(markup, fetched.url if fetched else None, doc_id, where)


def _article(
    markup: str, url: str | None, doc_id: str, where: str, meta: dict[str, Any] | None = None
) -> Document:
    """A document of the article in ``markup``; ``meta`` (a record's own fields) wins over
    what the page says of itself."""
    from quotex.io.html import MISSING_MODULE, page_from_html

    try:
        page = page_from_html(markup, url)
    except ImportError:
        raise InputError(MISSING_MODULE) from None
    except Exception as exc:  # noqa: BLE001  (one odd page must not stop a corpus)
        raise _Unusable(
            f"cannot extract the page's text ({type(exc).__name__}: {exc}); "
            "save the article's text to a file and pass that"
        ) from None
    note = None
    if not page.text.strip():
        note = NO_ARTICLE_TEXT
    elif len(page.text) < SHORT_ARTICLE_CHARS:
        note = (
            f"only {len(page.text)} characters of article text found in the page "
            "(a login wall or an index page?)"
        )
    merged = {**page.meta, **(meta or {})}
    return Document(doc_id, page.text, merged or None, where, with_text=True, note=note)


def _decode_page(data: bytes, declared: str | None, encoding: str) -> str:
    """A page's markup as text: BOM, else ``declared`` (server, then page), else ``encoding``.

    Bytes that are not valid in that encoding become U+FFFD, as in a browser: the text
    is extracted, so no offset depends on them.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    wide = _wide_encoding(data)
    if wide is not None:
        return data[len(wide[0]) :].decode(wide[1], errors="replace")
    chosen = declared or encoding
    if NUL_BYTE in data and not _is_wide(chosen):
        raise _Unusable(
            "contains NUL bytes, so it looks like a binary file, not a web page; "
            "leave it out of the inputs"
        )
    return data.decode(chosen, errors="replace")


def _check_size(path: Path, max_bytes: int) -> None:
    try:
        size = path.stat().st_size
    except OSError:
        return  # reading it will say why
    if size > max_bytes:
        raise _Unusable(_too_big(size, max_bytes))


def _too_big(size: int, max_bytes: int) -> str:
    return (
        f"the page is {size:,} bytes, more than --max-bytes {max_bytes:,}; "
        "pass a larger --max-bytes to read it"
    )


def _read_jsonl(
    source: Source, stdin: BinaryIO | None, reading: _Reading
) -> Iterator[Document | ReadFailure]:
    try:
        stream = _open(source, stdin)
    except OSError as exc:
        yield ReadFailure(source.label, _os_message(exc))
        return
    except _Unusable as exc:
        yield ReadFailure(source.label, str(exc))
        return
    try:
        for number, line in _jsonl_lines(stream):
            where = f"{source.label}:{number}"
            try:
                record = _parse_line(line, reading.encoding, reading.text_field)
                yield _jsonl_document(record, where, f"{source.name}:{number}", source, reading)
            except _Unusable as exc:
                yield ReadFailure(where, str(exc))
    except OSError as exc:
        yield ReadFailure(source.label, _os_message(exc))
    except _Unusable as exc:
        yield ReadFailure(source.label, str(exc))
    finally:
        if source.path is not None:
            stream.close()


def _read_json(
    source: Source, stdin: BinaryIO | None, reading: _Reading
) -> Iterator[Document | ReadFailure]:
    """A JSON document: one object is one document, an array one document per element.

    A bad element is a failure named ``FILE[INDEX]``; the other elements are still read.
    """
    try:
        value = _load_json(_read_bytes(source, stdin), reading.encoding)
    except OSError as exc:
        yield ReadFailure(source.label, _os_message(exc))
        return
    except _Unusable as exc:
        yield ReadFailure(source.label, str(exc))
        return
    for record, where, fallback_id in _json_records(value, source):
        try:
            _check_record(
                record, reading.text_field, "each element of the array must be a JSON object"
            )
            yield _jsonl_document(record, where, fallback_id, source, reading)
        except _Unusable as exc:
            yield ReadFailure(where, str(exc))


def _load_json(data: bytes, encoding: str) -> Any:
    """The JSON value in ``data``; :class:`_Unusable` names what to do when it is not one."""
    try:
        value = json.loads(_decode(data, encoding))
    except json.JSONDecodeError as exc:
        hint = (
            "if it holds one JSON object per line, pass --input-format jsonl"
            if exc.msg == "Extra data"
            else "fix the file, or pass --input-format text to read it as text"
        )
        raise _Unusable(
            f"not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno}); {hint}"
        ) from None
    if not isinstance(value, dict | list):
        raise _Unusable(
            f"{_json_type(value)}, not a JSON object or an array of objects; "
            "pass --input-format text to read it as text"
        )
    return value


def _json_records(value: dict | list, source: Source) -> Iterator[tuple[Any, str, str]]:
    """(record, where, fallback id) for a JSON object or each element of an array."""
    if isinstance(value, dict):
        yield value, source.label, source.name
        return
    for index, record in enumerate(value):
        yield record, f"{source.label}[{index}]", f"{source.name}[{index}]"


def _jsonl_lines(stream: BinaryIO) -> Iterator[tuple[int, bytes | str]]:
    """The non-blank lines of a JSONL stream with their 1-based numbers, less a BOM.

    A stream that opens with a UTF-16 or UTF-32 byte-order mark is decoded in that
    encoding and its lines come as ``str``; other lines come as bytes, decoded later.
    """
    wide = _wide_encoding(_peek(stream, 4))
    lines: Iterable[bytes | str]
    if wide is None:
        lines = stream
    else:
        # newline="\n": JSON may hold a raw U+2028 inside a string; only "\n" ends a line
        wrapper = io.TextIOWrapper(stream, encoding=wide[1], newline="\n")  # type: ignore[arg-type]
        lines = _decoded_lines(wrapper, wide[1])
    for number, line in enumerate(lines, start=1):
        if number == 1:
            line = (
                line.removeprefix(BOM_CHAR)
                if isinstance(line, str)
                else line.removeprefix(codecs.BOM_UTF8)
            )
        if line.strip():
            yield number, line


def _decoded_lines(wrapper: io.TextIOWrapper, encoding: str) -> Iterator[str]:
    """The lines of a wide-encoded stream; the wrapper is detached, never closing stdin."""
    try:
        yield from wrapper
    except UnicodeDecodeError as exc:
        raise _Unusable(
            f"not {encoding} text ({exc.reason}); check how the file was written"
        ) from None
    finally:
        wrapper.detach()


def _peek(stream: BinaryIO, size: int) -> bytes:
    """The first ``size`` bytes of ``stream`` without consuming them (fewer from a pipe)."""
    peek = getattr(stream, "peek", None)
    if peek is not None:
        return peek(size)[:size]
    if stream.seekable():
        position = stream.tell()
        head = stream.read(size)
        stream.seek(position)
        return head
    return b""


def _parse_line(line: bytes | str, encoding: str, text_field: str) -> dict[str, Any]:
    """The JSON object on ``line``; raises :class:`_Unusable` saying why it is not one."""
    try:
        record = json.loads(line if isinstance(line, str) else _decode(line, encoding))
    except json.JSONDecodeError as exc:
        raise _Unusable(
            f"not valid JSON ({exc.msg} at column {exc.colno}); write one JSON object per line"
        ) from None
    _check_record(record, text_field, "write one JSON object per line")
    return record


def _check_record(record: Any, text_field: str, what_to_write: str) -> None:
    """Raise :class:`_Unusable` unless ``record`` is an object with a usable text field."""
    if not isinstance(record, dict):
        raise _Unusable(f"{_json_type(record)}, not a JSON object; {what_to_write}")
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
    found = _lone_surrogate(record)
    if found is not None:
        where, offset, char = found
        raise _Unusable(
            f"{where} holds an invalid code point (a lone surrogate, U+{ord(char):04X}, at "
            f"offset {offset}), which no encoding can write; fix its \\u escape or drop it"
        )


def _lone_surrogate(value: Any, path: str = "") -> tuple[str, int, str] | None:
    """(where, offset, character) of the first lone surrogate in a JSON value, or None.

    ``where`` names the field as a path: ``field 'text'``, ``field 'meta.tags[0]'``.
    """
    if isinstance(value, str):
        m = _LONE_SURROGATE.search(value)
        return (f"field {path!r}" if path else "the value", m.start(), m.group()) if m else None
    items: Iterable[tuple[str, Any]] = ()
    if isinstance(value, dict):
        for key in value:
            m = _LONE_SURROGATE.search(key)
            if m:
                return (
                    (f"a field name in {path!r}" if path else "a field name"),
                    m.start(),
                    m.group(),
                )
        items = ((f"{path}.{key}" if path else key, item) for key, item in value.items())
    elif isinstance(value, list):
        items = ((f"{path}[{index}]", item) for index, item in enumerate(value))
    return next((found for p, item in items if (found := _lone_surrogate(item, p))), None)


def _jsonl_document(
    record: dict[str, Any], where: str, fallback_id: str, source: Source, reading: _Reading
) -> Document:
    """The document of a record; a record whose text is HTML (``source.markup``) gives its
    article, with the record's other fields over the page's own metadata."""
    text_field, id_field = reading.text_field, reading.id_field
    raw_id = record.get(id_field)
    if raw_id is None:
        doc_id = fallback_id
    elif isinstance(raw_id, str):
        doc_id = raw_id
    else:
        doc_id = json.dumps(raw_id, ensure_ascii=False)
    meta = {k: v for k, v in record.items() if k not in (text_field, id_field)}
    if source.markup == "html":
        markup = record[text_field]
        size = len(markup.encode("utf-8"))
        if size > reading.max_bytes:
            raise _Unusable(_too_big(size, reading.max_bytes))
        return _article(markup, None, doc_id, where, meta)
    return Document(id=doc_id, text=record[text_field], meta=meta or None, source=where)


class _Unusable(Exception):
    """Bytes that are not a usable document; the message says why and what to do."""


def _wide_encoding(data: bytes) -> tuple[bytes, str] | None:
    """(mark, encoding) when ``data`` opens with a UTF-16 or UTF-32 byte-order mark."""
    return next(((bom, name) for bom, name in WIDE_BOMS if data.startswith(bom)), None)


def _is_wide(encoding: str) -> bool:
    """Whether ``encoding`` writes ASCII with NUL bytes (UTF-16 and UTF-32 do)."""
    return codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))


def _decode(data: bytes, encoding: str) -> str:
    """Decoded text less a leading BOM; raises :class:`_Unusable` for bytes that are not text.

    A UTF-16/32 byte-order mark overrides ``encoding``; NUL bytes without one (in an
    encoding that does not use them) mean a binary file.
    """
    wide = _wide_encoding(data)
    if wide is not None:
        data, encoding = data[len(wide[0]) :], wide[1]
    elif NUL_BYTE in data and not _is_wide(encoding):
        raise _Unusable(
            "contains NUL bytes, so it looks like a binary file, not text; leave it out of "
            "the inputs (if it is UTF-16 text without a byte-order mark, pass --encoding "
            "utf-16-le)"
        )
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        hint = (
            "check how the file was written"
            if wide is not None
            else "pass --encoding with its encoding, e.g. --encoding latin-1"
        )
        raise _Unusable(
            f"not {encoding} text (byte 0x{bad} at offset {exc.start}); {hint}"
        ) from None
    if NUL_CHAR in text:
        raise _Unusable(
            "contains NUL characters, so it looks like a binary file, not text; "
            "leave it out of the inputs"
        )
    return text.removeprefix(BOM_CHAR)


def _os_message(exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    return f"cannot read it ({reason}); check that it exists and that you may read it"


def _json_type(value: object) -> str:
    return _JSON_TYPE_NAMES.get(type(value), type(value).__name__)
