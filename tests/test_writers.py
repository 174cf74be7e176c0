"""Tests for quotex.io.writers: streaming JSON, JSONL and CSV, and atomic output files."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import sys
from pathlib import Path

import pytest

from quotex.errors import QuotexError
from quotex.io.writers import (
    ENTITY_COLUMNS,
    QUOTE_COLUMNS,
    SOURCE_COLUMNS,
    CsvWriter,
    Format,
    JsonlWriter,
    JsonWriter,
    OutputError,
    View,
    atomic_output,
    make_writer,
)
from quotex.records import DocResult, Entity, EntityMention, Mention, Quote

PUTIN = Entity(
    id="e1",
    name="Vladimir Putin",
    label="PERSON",
    mentions=(
        EntityMention("Vladimir Putin", 40, 54, in_quote=False),
        EntityMention("Putin", 90, 95, in_quote=True),
        EntityMention("Putin", 120, 125, in_quote=False),
    ),
)
NATO = Entity(id="e2", name="NATO", label="ORG", mentions=(EntityMention("NATO", 5, 9, True),))
DIRECT = Quote(
    id="q1",
    type="direct",
    text="We will respond",
    start=1,
    end=16,
    speaker="Vladimir Putin",
    speaker_mention=Mention("Putin", 90, 95),
    speaker_entity="e1",
    cue=Mention("said", 96, 100),
)
INDIRECT = Quote(id="q2", type="indirect", text='=HYPERLINK("x")', start=200, end=215)
RESULTS = (
    DocResult(id="doc-1", quotes=(DIRECT, INDIRECT), entities=(PUTIN, NATO), meta={"src": "é"}),
    DocResult(id="doc-2"),
    DocResult(id="doc-3", quotes=(DIRECT,), entities=(NATO,)),
)


def run_writer(fmt: Format, results: tuple[DocResult, ...], view: View, **kwargs: bool) -> str:
    stream = io.StringIO(newline="")
    with make_writer(fmt, stream, view, **kwargs) as writer:
        for result in results:
            writer.write(result)
    return stream.getvalue()


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


# --- JSON lines and JSON -----------------------------------------------------------


@pytest.mark.parametrize(
    ("view", "keys"),
    [
        (View.EXTRACT, ["id", "quotes", "entities", "sources", "organisations"]),
        (View.QUOTES, ["id", "quotes"]),
        (View.ENTITIES, ["id", "entities"]),
    ],
)
def test_jsonl_writes_one_object_per_document_with_the_view_keys(
    view: View, keys: list[str]
) -> None:
    lines = run_writer(Format.JSONL, RESULTS, view).splitlines()
    objects = [json.loads(line) for line in lines]
    assert [o["id"] for o in objects] == ["doc-1", "doc-2", "doc-3"]
    assert list(objects[0]) == [*keys, "meta"]
    assert [list(o) for o in objects[1:]] == [keys, keys]


def test_jsonl_extract_view_is_docresult_to_dict_and_keeps_non_ascii() -> None:
    text = run_writer(Format.JSONL, RESULTS[:1], View.EXTRACT)
    assert json.loads(text) == RESULTS[0].to_dict()
    assert '"src": "é"' in text


@pytest.mark.parametrize("view", list(View))
@pytest.mark.parametrize("count", [0, 1, 3])
def test_json_array_parses_and_equals_the_jsonl_objects(view: View, count: int) -> None:
    results = RESULTS[:count]
    array = run_writer(Format.JSON, results, view)
    lines = run_writer(Format.JSONL, results, view).splitlines()
    assert json.loads(array) == [json.loads(line) for line in lines]
    assert array.endswith("]\n")


def test_json_empty_run_writes_an_empty_array() -> None:
    assert run_writer(Format.JSON, (), View.EXTRACT) == "[]\n"


def test_json_array_is_written_item_by_item() -> None:
    stream = io.StringIO()
    writer = JsonWriter(stream, View.QUOTES)
    writer.write(RESULTS[1])
    assert stream.getvalue() == '[{"id": "doc-2", "quotes": []}'
    writer.write(RESULTS[1])
    assert stream.getvalue().endswith(',\n{"id": "doc-2", "quotes": []}')
    writer.close()
    writer.close()
    assert stream.getvalue().endswith("}]\n") and stream.getvalue().count("]\n") == 1


def test_writer_leaves_json_unclosed_when_the_with_body_raises() -> None:
    stream = io.StringIO()
    with pytest.raises(RuntimeError), JsonWriter(stream) as writer:
        writer.write(RESULTS[1])
        raise RuntimeError("interrupted")
    assert not stream.getvalue().endswith("]\n")


def test_writer_does_not_close_the_stream() -> None:
    stream = io.StringIO()
    with JsonlWriter(stream) as writer:
        writer.write(RESULTS[1])
    assert not stream.closed


def test_write_after_close_is_an_error() -> None:
    writer = JsonlWriter(io.StringIO())
    writer.close()
    with pytest.raises(ValueError, match="closed"):
        writer.write(RESULTS[1])


# --- make_writer ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "cls"),
    [
        (Format.JSON, JsonWriter),
        (Format.JSONL, JsonlWriter),
        (Format.CSV, CsvWriter),
        ("csv", CsvWriter),
    ],
)
def test_make_writer_picks_the_writer_for_the_format(fmt: Format, cls: type) -> None:
    assert type(make_writer(fmt, io.StringIO(), View.EXTRACT)) is cls


def test_make_writer_refuses_table() -> None:
    with pytest.raises(ValueError, match="table"):
        make_writer(Format.TABLE, io.StringIO(), View.EXTRACT)


# --- CSV -----------------------------------------------------------------------------


PUTIN_QUOTE = ["q1", "direct", "Vladimir Putin", "e1", "", "", "", "Putin", "said", "1", "16"]


@pytest.mark.parametrize("view", [View.EXTRACT, View.QUOTES])
def test_csv_quote_views_write_a_header_and_one_row_per_quote(view: View) -> None:
    rows = csv_rows(run_writer(Format.CSV, RESULTS, view))
    assert rows == [
        ["doc_id", "src", *QUOTE_COLUMNS[1:]],
        ["doc-1", "é", *PUTIN_QUOTE, "We will respond"],
        ["doc-1", "é", "q2", "indirect", "", "", "", "", "", "", "", "200", "215"]
        + ['\'=HYPERLINK("x")'],
        ["doc-3", "", *PUTIN_QUOTE, "We will respond"],
    ]


def test_csv_entities_view_writes_one_row_per_entity() -> None:
    rows = csv_rows(run_writer(Format.CSV, RESULTS, View.ENTITIES))
    assert rows == [
        ["doc_id", "src", *ENTITY_COLUMNS[1:]],
        ["doc-1", "é", "e1", "Vladimir Putin", "PERSON", "", "", "3", "1", "Vladimir Putin | Putin"]
        + ["40"],
        ["doc-1", "é", "e2", "NATO", "ORG", "", "", "1", "1", "NATO", "5"],
        ["doc-3", "", "e2", "NATO", "ORG", "", "", "1", "1", "NATO", "5"],
    ]


def test_csv_metadata_columns_are_every_field_of_the_run_in_first_seen_order() -> None:
    quote = Quote(id="q1", type="direct", text="Yes", start=0, end=3)
    results = (
        DocResult(id="a", quotes=(quote,), meta={"url": "u1", "published": "2024-01-02"}),
        DocResult(id="b", quotes=(quote,), meta={"url": "u2", "tags": ["x"], "type": "op-ed"}),
    )
    rows = csv_rows(run_writer(Format.CSV, results, View.QUOTES))
    assert rows[0][:5] == ["doc_id", "url", "published", "tags", "meta_type"]
    assert rows[1][:5] == ["a", "u1", "2024-01-02", "", ""]
    assert rows[2][:5] == ["b", "u2", "", '["x"]', "op-ed"]
    assert rows[2][rows[0].index("type")] == "direct"


@pytest.mark.parametrize("view", list(View))
def test_csv_empty_run_still_writes_the_header(view: View) -> None:
    rows = csv_rows(run_writer(Format.CSV, (), view))
    own = {View.ENTITIES: ENTITY_COLUMNS, View.SOURCES: SOURCE_COLUMNS}.get(view, QUOTE_COLUMNS)
    assert rows == [list(own)]


def test_csv_keeps_commas_quotes_and_newlines_inside_cells() -> None:
    quote = Quote(id="q", type="direct", text='He said, "no"\nand left', start=0, end=22)
    rows = csv_rows(run_writer(Format.CSV, (DocResult(id="d", quotes=(quote,)),), View.QUOTES))
    assert rows[1][-1] == 'He said, "no"\nand left'


FORMULAS = ["=1+1", "+33 1 23", "-2", "@SUM(A1)", "\tcmd", "\rcmd"]


@pytest.mark.parametrize("cell", FORMULAS)
@pytest.mark.parametrize("raw_csv", [False, True])
def test_csv_formula_cells_are_escaped_unless_raw(cell: str, raw_csv: bool) -> None:
    quote = Quote(id=cell, type="direct", text=cell, start=0, end=len(cell), speaker=cell)
    result = DocResult(id=cell, quotes=(quote,))
    (row,) = csv_rows(run_writer(Format.CSV, (result,), View.QUOTES, raw_csv=raw_csv))[1:]
    expected = cell if raw_csv else "'" + cell
    assert row[QUOTE_COLUMNS.index("doc_id")] == expected
    assert row[QUOTE_COLUMNS.index("quote_id")] == expected
    assert row[QUOTE_COLUMNS.index("speaker")] == expected
    assert row[QUOTE_COLUMNS.index("text")] == expected


@pytest.mark.parametrize("name", FORMULAS)
def test_csv_entity_cells_are_escaped(name: str) -> None:
    entity = Entity(id="e", name=name, label="ORG", mentions=(EntityMention(name, 0, 3),))
    rows = csv_rows(run_writer(Format.CSV, (DocResult(id="d", entities=(entity,)),), View.ENTITIES))
    texts = ENTITY_COLUMNS.index("texts")
    assert rows[1][2] == "'" + name and rows[1][texts] == "'" + name


def test_csv_numbers_are_never_escaped() -> None:
    quote = Quote(id="q", type="direct", text="ordinary", start=0, end=8)
    (row,) = csv_rows(run_writer(Format.CSV, (DocResult(id="d", quotes=(quote,)),), View.QUOTES))[
        1:
    ]
    assert row[QUOTE_COLUMNS.index("start") : QUOTE_COLUMNS.index("end") + 1] == ["0", "8"]


@pytest.mark.parametrize("cell", ["safe", "a=b", "'already", " =spaced", ""])
def test_csv_ordinary_cells_are_unchanged(cell: str) -> None:
    quote = Quote(id="q", type="direct", text=cell, start=0, end=len(cell))
    (row,) = csv_rows(run_writer(Format.CSV, (DocResult(id="d", quotes=(quote,)),), View.QUOTES))[
        1:
    ]
    assert row[-1] == cell


# --- atomic_output -------------------------------------------------------------------


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("path", [None, "-"])
def test_atomic_output_stdout_is_yielded_and_left_open(path: str | None) -> None:
    with atomic_output(path) as stream:
        assert stream is sys.stdout
    assert not sys.stdout.closed


def test_atomic_output_writes_utf8_without_newline_translation(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    with atomic_output(str(target)) as stream:
        stream.write("caf\u00e9\r\n")
    assert target.read_bytes() == "caf\u00e9\r\n".encode()
    assert leftovers(tmp_path) == ["out.csv"]


def test_atomic_output_file_appears_only_on_success(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    with atomic_output(target) as stream:
        stream.write("partial")
        assert not target.exists()
        (temp,) = (p for p in tmp_path.iterdir() if p.name.startswith(".out.json."))
        assert temp.name.endswith(".tmp")
    assert target.read_text() == "partial"


@pytest.mark.parametrize("error", [RuntimeError, KeyboardInterrupt, SystemExit])
def test_atomic_output_leaves_no_file_and_no_temp_when_interrupted(
    tmp_path: Path, error: type[BaseException]
) -> None:
    target = tmp_path / "out.jsonl"
    with pytest.raises(error), atomic_output(str(target)) as stream:
        stream.write("half a line")
        raise error()
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("error", [RuntimeError, KeyboardInterrupt])
def test_atomic_output_keeps_the_existing_file_when_interrupted(
    tmp_path: Path, error: type[BaseException]
) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old")
    with pytest.raises(error), atomic_output(str(target)) as stream:
        stream.write("new")
        raise error()
    assert target.read_text() == "old"
    assert leftovers(tmp_path) == ["out.jsonl"]


def test_atomic_output_replaces_the_existing_file_on_success_keeping_its_mode(
    tmp_path: Path,
) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old")
    target.chmod(0o640)
    with atomic_output(str(target)) as stream:
        stream.write("new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_atomic_output_new_file_gets_the_umask_mode_not_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        with atomic_output(str(tmp_path / "new.txt")) as stream:
            stream.write("x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644


def test_atomic_output_missing_folder_is_an_error_before_writing(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "out.json"
    body_ran = False
    error = "output folder does not exist"
    with pytest.raises(OutputError, match=error), atomic_output(str(target)):
        body_ran = True
    assert not body_ran
    assert issubclass(OutputError, QuotexError)
    assert leftovers(tmp_path) == []


def test_atomic_output_to_a_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a folder"), atomic_output(str(tmp_path)) as stream:
        stream.write("never written")


def test_atomic_output_with_a_writer_end_to_end(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    with atomic_output(str(target)) as stream, make_writer(Format.JSON, stream, View.EXTRACT) as w:
        for result in RESULTS:
            w.write(result)
    assert json.loads(target.read_text(encoding="utf-8")) == [r.to_dict() for r in RESULTS]


def test_atomic_output_with_a_failing_writer_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.json"

    class Boom(Exception):
        """A failure in the middle of writing."""

    with pytest.raises(Boom), atomic_output(str(target)) as stream:
        with make_writer(Format.JSON, stream, View.EXTRACT) as w:
            w.write(RESULTS[0])
            raise Boom
    assert leftovers(tmp_path) == []
