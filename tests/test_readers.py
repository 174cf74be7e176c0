"""Tests for quotex.io.readers: resolving inputs and streaming documents."""

from __future__ import annotations

import io
import json
import os
import socket
import threading
from pathlib import Path

import pytest

from quotex.errors import InputError, UsageError
from quotex.io.readers import (
    Document,
    ReadFailure,
    Skipped,
    Source,
    count_documents,
    iter_documents,
    resolve_inputs,
)


def write(path: Path, data: bytes | str) -> Path:
    """Write ``data`` (str as UTF-8, no newline translation) and return ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def read_all(inputs: list[str], stdin: bytes = b"", **kwargs: object) -> list:
    resolve_kwargs = {k: kwargs.pop(k) for k in ("glob", "input_format") if k in kwargs}
    sources = resolve_inputs(inputs, **resolve_kwargs)
    return list(iter_documents(sources, stdin=io.BytesIO(stdin), **kwargs))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder tree with text, markdown and other files, written out of order."""
    root = tmp_path / "corpus"
    write(root / "b.txt", "B")
    write(root / "a.md", "A")
    write(root / "sub" / "deep" / "c.txt", "C")
    write(root / "sub" / "notes.rst", "R")
    write(root / "data.csv", "x,y")
    write(root / ".hidden.txt", "H")
    write(root / ".git" / "x.txt", "G")
    return root


# --- resolve_inputs ------------------------------------------------------------


def test_resolve_folder_is_walked_recursively_in_sorted_order_not_reading_markdown(
    corpus: Path,
) -> None:
    sources = resolve_inputs([str(corpus)])
    assert [s.name for s in sources] == ["b.txt", "sub/deep/c.txt"]  # a.md: a README's kind
    assert all(s.kind == "text" for s in sources)
    assert sources[0].path == corpus / "b.txt"
    assert [s.name for s in resolve_inputs([str(corpus)], glob=["*.md"])] == ["a.md"]


def test_resolve_sorts_by_path_components_not_plain_strings(tmp_path: Path) -> None:
    write(tmp_path / "a-b" / "x.txt", "1")
    write(tmp_path / "a" / "z.txt", "2")
    assert [s.name for s in resolve_inputs([str(tmp_path)])] == ["a/z.txt", "a-b/x.txt"]


@pytest.mark.parametrize(
    ("glob", "expected"),
    [
        ("*.rst", ["sub/notes.rst"]),
        ("*.csv,*.rst", ["data.csv", "sub/notes.rst"]),
        (["*.csv", "*.md"], ["a.md", "data.csv"]),
        ("sub/*/*.txt", ["sub/deep/c.txt"]),
    ],
)
def test_resolve_glob_replaces_the_default_patterns(
    corpus: Path, glob: str | list[str], expected: list[str]
) -> None:
    assert [s.name for s in resolve_inputs([str(corpus)], glob=glob)] == expected


def test_resolve_file_keeps_the_name_as_given(tmp_path: Path) -> None:
    path = write(tmp_path / "x.txt", "X")
    (source,) = resolve_inputs([str(path)])
    assert source == Source(path, "text", str(path))


@pytest.mark.parametrize("glob", [None, "*.rst"])
def test_resolve_folder_without_matching_files_names_glob(tmp_path: Path, glob: str | None) -> None:
    write(tmp_path / "only.pdf", b"%PDF")
    with pytest.raises(InputError, match="--glob"):
        resolve_inputs([str(tmp_path)], glob=glob)


def test_resolve_empty_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no files matching"):
        resolve_inputs([str(tmp_path)])


def test_resolve_missing_path_is_named_in_the_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match=f"no such file or folder: {missing}"):
        resolve_inputs([str(missing)])


def test_resolve_checks_every_input_before_reading_any(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "G")
    with pytest.raises(InputError):
        resolve_inputs([str(good), str(tmp_path / "missing.txt")])


@pytest.mark.parametrize("inputs", [[], ["-"]])
def test_resolve_no_inputs_or_dash_means_stdin(inputs: list[str]) -> None:
    (source,) = resolve_inputs(inputs)
    assert source.is_stdin and source.name == "stdin" and source.kind == "text"


def test_resolve_dash_twice_is_a_usage_error(tmp_path: Path) -> None:
    path = write(tmp_path / "x.txt", "X")
    with pytest.raises(UsageError, match="more than once"):
        resolve_inputs(["-", str(path), "-"])


def test_resolve_unknown_input_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="--input-format"):
        resolve_inputs([], input_format="xml")


@pytest.mark.parametrize(
    ("filename", "input_format", "kind"),
    [
        ("a.jsonl", None, "jsonl"),
        ("a.JSONL", None, "jsonl"),
        ("a.txt", None, "text"),
        ("a.txt", "jsonl", "jsonl"),
        ("a.jsonl", "text", "text"),
    ],
)
def test_resolve_kind_follows_extension_unless_input_format_given(
    tmp_path: Path, filename: str, input_format: str | None, kind: str
) -> None:
    path = write(tmp_path / filename, "{}")
    (source,) = resolve_inputs([str(path)], input_format=input_format)
    assert source.kind == kind


@pytest.mark.parametrize(("input_format", "kind"), [(None, "text"), ("jsonl", "jsonl")])
def test_resolve_stdin_is_jsonl_only_when_asked(input_format: str | None, kind: str) -> None:
    (source,) = resolve_inputs(["-"], input_format=input_format)
    assert source.kind == kind


# --- plain text ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"\xef\xbb\xbfHello", "Hello"),
        (b"line one\r\nline two\r\n", "line one\r\nline two\r\n"),
        (b"old mac\rline", "old mac\rline"),
        ("\u201cQuoted,\u201d she said.\n".encode(), "\u201cQuoted,\u201d she said.\n"),
        (b"", ""),
        (b"  \n\t\n", "  \n\t\n"),
    ],
    ids=["bom-removed", "crlf-kept", "cr-kept", "curly-quotes", "empty", "whitespace-only"],
)
def test_text_file_is_decoded_unchanged_except_bom(tmp_path: Path, data: bytes, text: str) -> None:
    path = write(tmp_path / "doc.txt", data)
    assert read_all([str(path)]) == [Document(id=str(path), text=text, source=str(path))]


def test_text_documents_from_a_folder_have_relative_ids(corpus: Path) -> None:
    docs = read_all([str(corpus)])
    assert [(d.id, d.text, d.meta) for d in docs] == [
        ("b.txt", "B", None),
        ("sub/deep/c.txt", "C", None),
    ]
    assert docs[1].source == str(corpus / "sub" / "deep" / "c.txt")


def test_latin1_file_fails_naming_encoding_and_the_next_file_is_still_read(
    tmp_path: Path,
) -> None:
    write(tmp_path / "1-latin.txt", "caf\u00e9 au lait".encode("latin-1"))
    write(tmp_path / "2-fine.txt", "fine")
    failure, doc = read_all([str(tmp_path)])
    assert isinstance(failure, ReadFailure)
    assert failure.source == str(tmp_path / "1-latin.txt")
    assert "not utf-8 text" in failure.message and "--encoding latin-1" in failure.message
    assert doc == Document(id="2-fine.txt", text="fine", source=str(tmp_path / "2-fine.txt"))


def test_latin1_file_reads_with_encoding_latin1(tmp_path: Path) -> None:
    path = write(tmp_path / "latin.txt", "caf\u00e9".encode("latin-1"))
    (doc,) = read_all([str(path)], encoding="latin-1")
    assert doc.text == "caf\u00e9"


def test_binary_file_with_nul_bytes_is_a_failure_naming_encoding(tmp_path: Path) -> None:
    path = write(tmp_path / "image.txt", b"GIF89a\x00\x01\x00\x00")
    (failure,) = read_all([str(path)])
    assert isinstance(failure, ReadFailure)
    assert failure.source == str(path)
    assert "binary" in failure.message and "--encoding" in failure.message


def test_utf16_text_reads_with_encoding_utf16(tmp_path: Path) -> None:
    path = write(tmp_path / "wide.txt", "He said \u201chi\u201d".encode("utf-16"))
    (doc,) = read_all([str(path)], encoding="utf-16")
    assert doc.text == "He said \u201chi\u201d"


def test_unreadable_file_is_a_failure_and_the_rest_is_read(tmp_path: Path, lock) -> None:
    lock(write(tmp_path / "a.txt", "secret"))
    write(tmp_path / "b.txt", "open")
    failure, doc = read_all([str(tmp_path)])
    assert isinstance(failure, ReadFailure) and "cannot read" in failure.message
    assert doc.text == "open"


def test_file_removed_after_resolving_is_a_failure_and_the_rest_is_read(tmp_path: Path) -> None:
    gone = write(tmp_path / "a.txt", "soon gone")
    write(tmp_path / "b.txt", "stays")
    sources = resolve_inputs([str(tmp_path)])
    gone.unlink()
    failure, doc = iter_documents(sources)
    assert failure == ReadFailure(str(gone), failure.message)
    assert "cannot read it" in failure.message
    assert doc.text == "stays"


def test_unknown_encoding_is_a_usage_error_before_reading(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "A")
    with pytest.raises(UsageError, match="--encoding"):
        iter_documents(resolve_inputs([str(path)]), encoding="klingon")


# --- stdin -----------------------------------------------------------------------


def test_stdin_is_read_from_the_given_binary_stream() -> None:
    docs = read_all(["-"], stdin=b'\xef\xbb\xbfShe said: "no".\r\n')
    assert docs == [Document(id="stdin", text='She said: "no".\r\n', source="stdin")]


def test_stdin_that_looks_like_jsonl_is_text_by_default() -> None:
    data = b'{"id": "a", "text": "hi"}\n'
    (doc,) = read_all([], stdin=data)
    assert doc == Document(id="stdin", text=data.decode(), source="stdin")


def test_stdin_is_jsonl_with_input_format_jsonl() -> None:
    data = b'{"id": "a", "text": "hi"}\n{"text": "there"}\n'
    docs = read_all(["-"], stdin=data, input_format="jsonl")
    assert docs == [
        Document(id="a", text="hi", source="stdin:1"),
        Document(id="stdin:2", text="there", source="stdin:2"),
    ]


def test_stdin_mixed_with_files_keeps_input_order(tmp_path: Path) -> None:
    path = write(tmp_path / "f.txt", "file")
    docs = read_all([str(path), "-"], stdin=b"piped")
    assert [(d.id, d.text) for d in docs] == [(str(path), "file"), ("stdin", "piped")]


def test_undecodable_stdin_is_a_failure() -> None:
    (failure,) = read_all(["-"], stdin=b"caf\xe9")
    assert failure == ReadFailure("stdin", failure.message)
    assert "--encoding" in failure.message


# --- JSONL -----------------------------------------------------------------------


def jsonl(*lines: object) -> str:
    """JSONL text: dicts are dumped, strings are taken as raw lines."""
    return "".join((ln if isinstance(ln, str) else json.dumps(ln)) + "\n" for ln in lines)


def test_jsonl_ids_meta_and_fallback_ids(tmp_path: Path) -> None:
    path = write(
        tmp_path / "news.jsonl",
        jsonl(
            {"id": "a1", "text": "One.", "outlet": "Reuters", "tags": ["x"]},
            {"text": "Two."},
            "",
            {"id": 7, "text": "Three."},
            {"id": "a1", "text": "Dup."},
        ),
    )
    docs = read_all([str(path)])
    assert docs == [
        Document("a1", "One.", {"outlet": "Reuters", "tags": ["x"]}, f"{path}:1"),
        Document(f"{path}:2", "Two.", None, f"{path}:2"),
        Document("7", "Three.", None, f"{path}:4"),
        Document("a1", "Dup.", None, f"{path}:5"),
    ]


def test_jsonl_in_a_folder_uses_the_relative_name_for_fallback_ids(tmp_path: Path) -> None:
    write(tmp_path / "set" / "b.jsonl", jsonl({"text": "x"}))
    (doc,) = read_all([str(tmp_path)], glob="*.jsonl")
    assert doc.id == "set/b.jsonl:1"


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("{not json", "not valid JSON"),
        ('["a list"]', "an array, not a JSON object"),
        ('"just a string"', "a string, not a JSON object"),
        ('{"body": "x", "id": 1}', "no 'text' field (fields: body, id); pass --text-field"),
        ('{"text": null}', "field 'text' is null, not a string"),
        ('{"text": 42}', "field 'text' is a number, not a string"),
        ('{"text": ["a"]}', "field 'text' is an array, not a string"),
    ],
)
def test_jsonl_bad_line_is_a_failure_with_line_number_and_the_rest_is_read(
    tmp_path: Path, line: str, fragment: str
) -> None:
    path = write(tmp_path / "c.jsonl", jsonl({"text": "before"}, "", line, {"text": "after"}))
    before, failure, after = read_all([str(path)])
    assert failure == ReadFailure(f"{path}:3", failure.message)
    assert fragment in failure.message
    assert (before.text, after.text) == ("before", "after")
    assert after.source == f"{path}:4"


def test_jsonl_undecodable_line_is_a_failure_for_that_line_only(tmp_path: Path) -> None:
    path = write(tmp_path / "c.jsonl", b'{"text": "caf\xe9"}\n{"text": "ok"}\n')
    failure, doc = read_all([str(path)])
    assert failure.source == f"{path}:1" and "--encoding" in failure.message
    assert doc.text == "ok"


def test_jsonl_custom_text_and_id_fields(tmp_path: Path) -> None:
    path = write(tmp_path / "c.jsonl", jsonl({"uid": "u", "body": "B", "id": "kept in meta"}))
    (doc,) = read_all([str(path)], text_field="body", id_field="uid")
    assert doc == Document("u", "B", {"id": "kept in meta"}, f"{path}:1")


def test_jsonl_bom_crlf_and_escaped_newlines(tmp_path: Path) -> None:
    path = write(tmp_path / "c.jsonl", b'\xef\xbb\xbf{"text": "a\\r\\nb"}\r\n\r\n{"text": "c"}')
    docs = read_all([str(path)])
    assert [(d.text, d.source) for d in docs] == [("a\r\nb", f"{path}:1"), ("c", f"{path}:3")]


def test_input_format_jsonl_reads_a_txt_file_as_jsonl(tmp_path: Path) -> None:
    path = write(tmp_path / "export.txt", jsonl({"id": "x", "text": "T"}))
    assert read_all([str(path)], input_format="jsonl") == [Document("x", "T", None, f"{path}:1")]


def test_input_format_text_reads_a_jsonl_file_as_one_text(tmp_path: Path) -> None:
    content = jsonl({"id": "x", "text": "T"})
    path = write(tmp_path / "raw.jsonl", content)
    assert read_all([str(path)], input_format="text") == [
        Document(str(path), content, None, str(path))
    ]


def test_jsonl_is_streamed_line_by_line() -> None:
    """The first document arrives before the rest of the stream has been read."""
    stream = io.BytesIO(jsonl(*({"text": str(i)} for i in range(1000))).encode())
    docs = iter_documents(resolve_inputs(["-"], input_format="jsonl"), stdin=stream)
    assert next(docs).text == "0"
    assert stream.tell() < len(stream.getvalue())


# --- count_documents -------------------------------------------------------------


def test_count_documents_matches_what_iter_documents_yields(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "A")
    write(tmp_path / "b.md", b"\xff bad bytes")
    write(tmp_path / "c.jsonl", jsonl({"text": "1"}, "", "  ", "{broken", {"text": "2"}))
    write(tmp_path / "d.jsonl", "")
    sources = resolve_inputs([str(tmp_path)], glob="*.txt,*.md,*.jsonl")
    assert count_documents(sources) == 5
    assert len(list(iter_documents(sources))) == 5


@pytest.mark.parametrize("with_file", [True, False])
def test_count_documents_is_none_with_stdin(tmp_path: Path, with_file: bool) -> None:
    path = write(tmp_path / "a.txt", "A")
    inputs = [str(path), "-"] if with_file else []
    assert count_documents(resolve_inputs(inputs)) is None


# --- special files ---------------------------------------------------------------

needs_mkfifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
needs_unix_socket = pytest.mark.skipif(
    not hasattr(socket, "AF_UNIX"), reason="no Unix sockets on this platform"
)


def make_socket(path: Path) -> Path:
    """A Unix socket file at ``path`` (the file stays after the socket is closed)."""
    with socket.socket(socket.AF_UNIX) as sock:
        try:
            sock.bind(str(path))
        except OSError as exc:  # a path too long for sun_path, a file system without sockets
            pytest.skip(f"cannot bind a Unix socket here: {exc}")
    return path


@needs_mkfifo
def test_fifo_in_a_folder_is_skipped_with_a_note_and_never_opened(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "A")
    os.mkfifo(tmp_path / "b.txt")  # opening it for reading would block: nobody writes
    write(tmp_path / "c.txt", "C")
    skipped: list[Skipped] = []
    sources = resolve_inputs([str(tmp_path)], skipped=skipped)
    assert [s.name for s in sources] == ["a.txt", "c.txt"]
    assert skipped == [
        Skipped(str(tmp_path / "b.txt"), "skipped: a FIFO (named pipe), not a regular file")
    ]
    assert [d.text for d in iter_documents(sources)] == ["A", "C"]


@needs_unix_socket
def test_socket_in_a_folder_is_skipped_with_a_note(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "A")
    make_socket(tmp_path / "s.txt")
    skipped: list[Skipped] = []
    assert [s.name for s in resolve_inputs([str(tmp_path)], skipped=skipped)] == ["a.txt"]
    assert [s.message for s in skipped] == ["skipped: a socket, not a regular file"]


@needs_mkfifo
def test_folder_of_only_special_files_says_so(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "p.txt")
    with pytest.raises(InputError, match="only 1 that are not regular files"):
        resolve_inputs([str(tmp_path)])


@needs_mkfifo
def test_file_replaced_by_a_fifo_after_resolving_is_a_failure_not_a_hang(tmp_path: Path) -> None:
    swapped = write(tmp_path / "a.txt", "soon a FIFO")
    write(tmp_path / "b.txt", "B")
    sources = resolve_inputs([str(tmp_path)])
    swapped.unlink()
    os.mkfifo(swapped)
    failure, doc = iter_documents(sources)
    assert failure == ReadFailure(str(swapped), failure.message)
    assert "a FIFO (named pipe), not a regular file" in failure.message
    assert doc.text == "B"


@pytest.mark.parametrize("kind", ["text", "jsonl"])
@needs_mkfifo
def test_fifo_named_as_an_input_is_read_as_a_stream(tmp_path: Path, kind: str) -> None:
    fifo = tmp_path / ("in.jsonl" if kind == "jsonl" else "in.txt")
    os.mkfifo(fifo)
    data = jsonl({"id": "x", "text": "streamed"}) if kind == "jsonl" else "streamed"

    def feed() -> None:
        with fifo.open("w", encoding="utf-8") as stream:
            stream.write(data)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    (source,) = resolve_inputs([str(fifo)])
    assert source.stream and count_documents([source]) is None
    (doc,) = iter_documents([source])
    writer.join(timeout=10)
    assert doc.text == "streamed"


@pytest.mark.skipif(not Path("/dev/null").is_char_device(), reason="no /dev/null here")
def test_device_named_as_an_input_is_refused() -> None:
    with pytest.raises(InputError, match="/dev/null: a character device, not a file; .*pass -"):
        resolve_inputs(["/dev/null"])


@needs_unix_socket
def test_socket_named_as_an_input_is_refused(tmp_path: Path) -> None:
    path = make_socket(tmp_path / "s.txt")
    with pytest.raises(InputError, match="a socket, not a file"):
        resolve_inputs([str(path)])


# --- JSON documents --------------------------------------------------------------


def test_json_object_is_one_document_with_fields_and_meta(tmp_path: Path) -> None:
    record = {"id": "j1", "body": 'He said "no".', "outlet": "X"}
    path = write(tmp_path / "doc.json", json.dumps(record, indent=2))
    (doc,) = read_all([str(path)], text_field="body")
    assert doc == Document("j1", 'He said "no".', {"outlet": "X"}, str(path))


def test_json_array_is_one_document_per_element_and_a_bad_element_fails_alone(
    tmp_path: Path,
) -> None:
    path = write(tmp_path / "docs.JSON", json.dumps([{"text": "one"}, 42, {"id": 9, "text": "x"}]))
    first, failure, third = read_all([str(path)])
    assert first == Document(f"{path}[0]", "one", None, f"{path}[0]")
    assert failure == ReadFailure(f"{path}[1]", failure.message)
    assert "a number, not a JSON object" in failure.message
    assert third == Document("9", "x", None, f"{path}[2]")
    assert count_documents(resolve_inputs([str(path)])) == 3


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ('{"text": "a"}\n{"text": "b"}\n', "pass --input-format jsonl"),
        ("{broken", "not valid JSON (Expecting property name"),
        ('"just a string"', "a string, not a JSON object or an array"),
    ],
    ids=["jsonl-in-a-json-file", "broken", "scalar"],
)
def test_json_file_that_is_not_documents_is_a_failure_saying_what_to_do(
    tmp_path: Path, content: str, fragment: str
) -> None:
    path = write(tmp_path / "bad.json", content)
    (failure,) = read_all([str(path)])
    assert failure == ReadFailure(str(path), failure.message)
    assert fragment in failure.message


def test_input_format_json_reads_stdin_and_text_reads_a_json_file_as_text(tmp_path: Path) -> None:
    (doc,) = read_all(["-"], stdin=b'[{"text": "piped"}]', input_format="json")
    assert doc == Document("stdin[0]", "piped", None, "stdin[0]")
    path = write(tmp_path / "raw.json", '{"text": "T"}')
    (raw,) = read_all([str(path)], input_format="text")
    assert raw.text == '{"text": "T"}'


# --- lone surrogates ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ('{"text": "bad \\ud800 here"}', "field 'text' holds an invalid code point"),
        ('{"text": "ok", "meta": {"tags": ["\\udfff"]}}', "field 'meta.tags[0]' holds"),
        ('{"text": "ok", "\\udc80": 1}', "a field name holds"),
    ],
    ids=["text", "nested-meta", "key"],
)
def test_jsonl_lone_surrogate_is_a_failure_for_that_line_only(
    tmp_path: Path, line: str, fragment: str
) -> None:
    path = write(tmp_path / "c.jsonl", jsonl({"text": "before"}, line, {"text": "after"}))
    before, failure, after = read_all([str(path)])
    assert failure == ReadFailure(f"{path}:2", failure.message)
    assert fragment in failure.message and "lone surrogate" in failure.message
    assert (before.text, after.text) == ("before", "after")


def test_json_array_element_with_a_lone_surrogate_fails_alone(tmp_path: Path) -> None:
    path = write(tmp_path / "d.json", '[{"text": "\\ud83d"}, {"text": "fine"}]')
    failure, doc = read_all([str(path)])
    assert failure.source == f"{path}[0]" and "U+D83D, at offset 0" in failure.message
    assert doc.text == "fine"


# --- encodings -----------------------------------------------------------------------

WIDE = "He said \u201chi\u201d to Fran\u00e7ois.\r\nNext line."


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("given", ["utf-8", "latin-1"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_read_whatever_the_encoding(
    tmp_path: Path, encoding: str, given: str
) -> None:
    path = write(tmp_path / "wide.txt", ("\ufeff" + WIDE).encode(encoding))
    (doc,) = read_all([str(path)], encoding=given)
    assert doc == Document(str(path), WIDE, None, str(path))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32-be"])
def test_jsonl_with_a_wide_byte_order_mark_is_read_line_by_line(
    tmp_path: Path, encoding: str
) -> None:
    content = jsonl({"text": "one\u2028still one"}, "", {"text": WIDE})
    if not encoding.endswith(("le", "be")):
        path = write(tmp_path / "w.jsonl", content.encode(encoding))  # the codec writes a BOM
    else:
        path = write(tmp_path / "w.jsonl", ("\ufeff" + content).encode(encoding))
    docs = read_all([str(path)])
    assert [(d.text, d.source) for d in docs] == [
        ("one\u2028still one", f"{path}:1"),
        (WIDE, f"{path}:3"),
    ]
    assert count_documents(resolve_inputs([str(path)])) == 2


def test_stdin_with_a_utf16_mark_is_read() -> None:
    (doc,) = read_all(["-"], stdin="\ufeffpiped \u201cwide\u201d".encode("utf-16-le"))
    assert doc.text == "piped \u201cwide\u201d"


def test_binary_file_is_called_binary_not_sent_to_latin1(tmp_path: Path) -> None:
    path = write(tmp_path / "data.txt", bytes(range(256)) * 4)  # NUL and bytes bad in UTF-8
    (failure,) = read_all([str(path)])
    assert "looks like a binary file" in failure.message
    assert "latin-1" not in failure.message


def test_utf16_without_a_mark_reads_with_its_encoding_named(tmp_path: Path) -> None:
    path = write(tmp_path / "bare.txt", "no mark".encode("utf-16-le"))
    (failure,) = read_all([str(path)])
    assert "binary" in failure.message and "--encoding utf-16-le" in failure.message
    (doc,) = read_all([str(path)], encoding="utf-16-le")
    assert doc.text == "no mark"
