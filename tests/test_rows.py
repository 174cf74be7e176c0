"""Library rows: quote_rows and entity_rows have the CSV's columns and plain Python types;
extract() loads its pipeline once; help(quotex) documents the public functions."""

from __future__ import annotations

import csv
import io
import json
import pydoc

import pytest
from typer.testing import CliRunner

import quotex
import quotex.pipeline
from quotex.cli import app
from quotex.io.readers import ReadFailure
from quotex.io.writers import Format, View, make_writer
from quotex.records import DocResult, Entity, EntityMention, Quote
from quotex.rows import SOURCE_COLUMNS
from tests.examples import QUOTE

UNNAMED = Quote(id="q2", type="indirect", text="it would rain", start=20, end=33)
PUTIN = Entity("e1", "Vladimir Putin", "PERSON", (EntityMention("Putin", 90, 95, in_quote=True),))
RESULTS = [
    DocResult("d1", (QUOTE, UNNAMED), (PUTIN,), {"url": "u1", "published": "2024-05-01"}),
    ReadFailure("bad.txt", "cannot read it"),
    DocResult("d2", (QUOTE,), (PUTIN,), {"url": "u2", "published": "2024-05-02"}),
]


def csv_header(view: View) -> list[str]:
    stream = io.StringIO(newline="")
    with make_writer(Format.CSV, stream, view) as writer:
        for result in RESULTS:
            if isinstance(result, DocResult):
                writer.write(result)
    return next(csv.reader(io.StringIO(stream.getvalue(), newline="")))


def test_quote_rows_have_exactly_the_csv_columns_with_python_types() -> None:
    rows = list(quotex.quote_rows(RESULTS))
    assert [list(row) for row in rows] == [csv_header(View.QUOTES)] * 3
    first, unnamed = rows[0], rows[1]
    assert first["doc_id"] == "d1" and first["url"] == "u1"
    assert (first["start"], first["end"], first["confidence"]) == (1, 16, 0.9)
    assert type(first["start"]) is int and type(first["confidence"]) is float
    assert first["speaker_entity"] == "e1" and first["speaker_mention"] == "Putin"
    assert unnamed["speaker"] is None and unnamed["cue"] is None and unnamed["confidence"] is None


def test_entity_rows_have_the_csv_columns_and_join_the_quotes() -> None:
    rows = list(quotex.entity_rows(RESULTS))
    assert [list(row) for row in rows] == [csv_header(View.ENTITIES)] * 2
    assert rows[0]["mentions"] == 1 and rows[0]["in_quote"] == 1
    entities = {(row["doc_id"], row["entity_id"]): row["name"] for row in rows}
    speakers = [
        entities[(row["doc_id"], row["speaker_entity"])]
        for row in quotex.quote_rows(RESULTS)
        if row["speaker_entity"]
    ]
    assert speakers == ["Vladimir Putin", "Vladimir Putin"]


def test_help_quotex_documents_the_public_functions() -> None:
    text = pydoc.render_doc(quotex, renderer=pydoc.plaintext)
    for name in ("extract", "extract_documents", "load_nlp", "quote_rows", "entity_rows"):
        assert f"\n    {name}(" in text
    assert {"Document", "ReadFailure", "ExtractFailure"} <= set(quotex.__all__)


@pytest.mark.model
def test_extract_loads_its_pipeline_once_per_model_and_scope(nlp, monkeypatch) -> None:
    loads = []

    def load_nlp(model: str = quotex.pipeline.DEFAULT_MODEL, **options):
        loads.append((model, options.get("scope")))
        return nlp

    monkeypatch.setattr(quotex.pipeline, "load_nlp", load_nlp)
    for _ in range(3):
        assert quotex.extract("“We will win,” Jan Kamp said.").quotes
    quotex.extract("Nothing to see.", scope="all")
    assert loads == [
        (quotex.pipeline.DEFAULT_MODEL, "speech"),
        (quotex.pipeline.DEFAULT_MODEL, "all"),
    ]


@pytest.mark.model
def test_quote_rows_match_the_cli_csv_of_a_jsonl_corpus(nlp, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(quotex.pipeline, "load_nlp", lambda model=None, **_: nlp)
    text = 'The plan is "ready to go," Smith said. Jones said the talks would resume.'
    lines = [
        {"id": f"d{n}", "text": text, "url": f"u{n}", "published": f"2024-0{n + 1}"}
        for n in range(2)
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = CliRunner().invoke(app, ["quotes", str(corpus), "--format", "csv", "--raw-csv"])
    assert result.exit_code == 0, result.stderr
    table = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    docs = [
        quotex.Document(line["id"], line["text"], {k: line[k] for k in ("url", "published")})
        for line in lines
    ]
    rows = list(quotex.quote_rows(quotex.extract_documents(docs, nlp)))
    assert table[0] and list(table[0]) == list(rows[0])
    cells = [{k: "" if v is None else str(v) for k, v in row.items()} for row in rows]
    assert table == cells


NATO_QUOTE = Quote("q3", "indirect", "it would stay", 40, 53, speaker="NATO", speaker_entity="e2")
NATO = Entity("e2", "NATO", "ORG")
WOMAN = Entity("e3", "Ann Lee", "PERSON", gender="female", gender_evidence="title")
LEE_QUOTES = tuple(
    Quote(f"l{n}", "direct", "fine", 60 + n, 64 + n, speaker="Ann Lee", speaker_entity="e3")
    for n in range(2)
)


def test_source_rows_list_people_with_gender_then_organisations() -> None:
    doc = DocResult("d3", (QUOTE, NATO_QUOTE, *LEE_QUOTES), (PUTIN, NATO, WOMAN), {"outlet": "X"})
    rows = list(quotex.source_rows([doc, ReadFailure("bad.txt", "no")]))
    assert [list(row) for row in rows] == [["doc_id", "outlet", *SOURCE_COLUMNS]] * 3
    people = [(r["kind"], r["name"], r["gender"], r["gender_evidence"], r["quotes"]) for r in rows]
    assert people == [
        ("person", "Ann Lee", "female", "title", 2),
        ("person", "Vladimir Putin", None, "none", 1),
        ("organisation", "NATO", None, None, 1),
    ]
    assert rows[0]["entity"] == "e3" and rows[2]["entity"] == "e2"
