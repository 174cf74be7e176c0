"""The SQLite store: tables and indexes, metadata columns, batches a reader can see, a
document either whole or absent, --resume and --overwrite, and a killed run resumed."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import quotex.pipeline
from quotex.cli import app
from quotex.errors import OutputError, UsageError
from quotex.io.store import StoreWriter, preflight, read_article, read_results
from quotex.records import DocResult, Entity, EntityMention, Quote
from tests.conftest import SAMPLES
from tests.examples import QUOTE

SETTINGS = {"model": "m", "scope": "speech", "where": "all"}
PUTIN = Entity(
    "e1",
    "Vladimir Putin",
    "PERSON",
    (EntityMention("Vladimir Putin", 40, 54), EntityMention("Putin", 90, 95, in_quote=True)),
)


def result(n: int, **meta: object) -> DocResult:
    return DocResult(id=f"d{n}", quotes=(QUOTE,), entities=(PUTIN,), meta=meta or None)


def write_store(path: Path, results: list[DocResult], **kwargs: object) -> None:
    with StoreWriter(path, settings=SETTINGS, **kwargs) as store:
        for item in results:
            store.write(item, text=f"text of {item.id}")


def query(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute(sql).fetchall()


# --- the tables ------------------------------------------------------------------------


def test_store_has_the_tables_keys_and_indexes_in_wal_mode(tmp_path) -> None:
    path = tmp_path / "c.db"
    write_store(path, [result(1)])
    tables = {row[0] for row in query(path, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "quotes", "entities", "mentions", "store_info"} <= tables
    indexes = {row[0] for row in query(path, "SELECT sql FROM sqlite_master WHERE type='index'")}
    for wanted in ("quotes(speaker)", "quotes(doc_id)", "entities(name)"):
        assert any(sql and wanted in sql for sql in indexes)
    assert query(path, "PRAGMA journal_mode") == [("wal",)]
    pk = [
        r[1] for r in sorted(query(path, "PRAGMA table_info(quotes)"), key=lambda r: r[5]) if r[5]
    ]
    assert pk == ["doc_id", "quote_id"]
    assert {r[2] for r in query(path, "PRAGMA foreign_key_list(quotes)")} == {"documents"}
    assert {r[2] for r in query(path, "PRAGMA foreign_key_list(mentions)")} == {"entities"}


def test_store_quote_row_flattens_the_output_contract(tmp_path) -> None:
    path = tmp_path / "c.db"
    write_store(path, [result(1)])
    with sqlite3.connect(path) as db:
        db.row_factory = sqlite3.Row
        row = dict(db.execute("SELECT * FROM quotes").fetchone())
    assert row == {
        "doc_id": "d1",
        "quote_id": "q1",
        "type": "direct",
        "text": "We will respond",
        "start": 1,
        "end": 16,
        "speaker": "Vladimir Putin",
        "speaker_entity": "e1",
        "speaker_label": "PERSON",
        "speaker_rule": "name",
        "confidence": 0.9,
        "speaker_mention": "Putin",
        "speaker_mention_start": 90,
        "speaker_mention_end": 95,
        "cue": "said",
        "cue_start": 96,
        "cue_end": 100,
    }
    assert query(path, "SELECT entity_id, text, start, end, in_quote FROM mentions") == [
        ("e1", "Vladimir Putin", 40, 54, 0),
        ("e1", "Putin", 90, 95, 1),
    ]


def test_store_adds_a_column_per_metadata_field_as_fields_appear(tmp_path) -> None:
    path = tmp_path / "c.db"
    docs = [
        result(1, url="u1", published="2024-01-02"),
        result(2, url="u2", tags=["a", "b"], type="op-ed", URL="upper"),
        result(3),
    ]
    write_store(path, docs)
    columns = [row[1] for row in query(path, "PRAGMA table_info(documents)")]
    assert columns == ["id", "text", "url", "published", "tags", "meta_type", "URL_2"]
    assert query(path, "SELECT * FROM documents ORDER BY rowid") == [
        ("d1", "text of d1", "u1", "2024-01-02", None, None, None),
        ("d2", "text of d2", "u2", None, '["a", "b"]', "op-ed", "upper"),
        ("d3", "text of d3", None, None, None, None, None),
    ]


def test_store_reads_back_the_results_and_texts_it_stored(tmp_path) -> None:
    path = tmp_path / "c.db"
    docs = [result(1, url="u1", count=3), result(2), DocResult(id="empty")]
    write_store(path, docs)
    assert list(read_results(path)) == docs
    assert read_article(path, "d2") == ("text of d2", docs[1])


# --- transactions ----------------------------------------------------------------------


def test_store_reader_sees_each_committed_batch_during_the_run(tmp_path) -> None:
    path = tmp_path / "c.db"
    seen = []
    with StoreWriter(path, settings=SETTINGS, batch=2) as store:
        reader = sqlite3.connect(path)
        for n in range(5):
            store.write(result(n))
            seen.append(reader.execute("SELECT count(*) FROM documents").fetchone()[0])
        reader.close()
    assert seen == [0, 2, 2, 4, 4]
    assert query(path, "SELECT count(*) FROM documents") == [(5,)]


def test_store_keeps_whole_documents_when_the_run_is_interrupted(tmp_path) -> None:
    path = tmp_path / "c.db"
    with pytest.raises(KeyboardInterrupt), StoreWriter(path, settings=SETTINGS, batch=10) as store:
        store.write(result(1))
        store.write(result(2))
        raise KeyboardInterrupt
    assert query(path, "SELECT id FROM documents") == [("d1",), ("d2",)]


def test_store_a_document_that_fails_halfway_leaves_no_row(tmp_path) -> None:
    path = tmp_path / "c.db"
    twice = DocResult(id="bad", quotes=(QUOTE, QUOTE), meta={"new_field": 1})
    with StoreWriter(path, settings=SETTINGS) as store:
        store.write(result(1))
        with pytest.raises(OutputError, match="cannot write"):
            store.write(twice)  # its second quote repeats the key of the first
        store.write(result(2, new_field=2))
    assert query(path, "SELECT id, new_field FROM documents") == [("d1", None), ("d2", 2)]
    assert query(path, "SELECT count(*) FROM quotes") == [(2,)]


# --- an existing store -----------------------------------------------------------------


def test_store_existing_is_refused_unless_resume_or_overwrite(tmp_path) -> None:
    path = tmp_path / "c.db"
    write_store(path, [result(1)])
    with pytest.raises(UsageError, match="--resume .* --overwrite"):
        preflight(path, resume=False, overwrite=False, settings=SETTINGS)
    with pytest.raises(UsageError):
        StoreWriter(path, settings=SETTINGS)
    assert preflight(path, resume=True, overwrite=False, settings=SETTINGS) == {"d1"}
    write_store(path, [result(2)], resume=True)
    assert query(path, "SELECT id FROM documents") == [("d1",), ("d2",)]
    write_store(path, [result(3)], overwrite=True)
    assert query(path, "SELECT id FROM documents") == [("d3",)]


def test_store_resume_with_other_settings_is_refused(tmp_path) -> None:
    path = tmp_path / "c.db"
    write_store(path, [result(1)])
    other = {**SETTINGS, "scope": "all"}
    with pytest.raises(UsageError, match="--scope speech"):
        preflight(path, resume=True, overwrite=False, settings=other)


def test_store_resume_of_a_file_that_is_no_store_is_an_error(tmp_path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("not a database\n", encoding="utf-8")
    with pytest.raises(OutputError, match="not a quotex store"):
        preflight(path, resume=True, overwrite=False, settings=SETTINGS)
    assert path.read_text(encoding="utf-8") == "not a database\n"


def test_store_is_never_opened_on_a_fifo(tmp_path) -> None:
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="not a regular file"):
        StoreWriter(fifo, settings=SETTINGS)


# --- the CLI -----------------------------------------------------------------------------

SHORT = 'The plan is "ready to go," Smith said. Jones said the talks would resume.'


@pytest.fixture
def cli(nlp, monkeypatch):
    monkeypatch.setattr(quotex.pipeline, "load_nlp", lambda model=None, **_: nlp)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])


def write_corpus(path: Path, texts: list[str]) -> Path:
    rows = [
        {"id": f"d{n:02d}", "text": text, "url": f"https://example.org/{n}", "published": n}
        for n, text in enumerate(texts)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.model
def test_cli_store_holds_what_jsonl_holds(cli, tmp_path) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", [SHORT, SHORT + " Lee said no.", ""])
    jsonl = cli("extract", corpus, "--format", "jsonl", "-q")
    assert jsonl.exit_code == 0, jsonl.stderr
    store = tmp_path / "c.db"
    written = cli("extract", corpus, "-o", store, "-q")
    assert written.exit_code == 0, written.stderr
    records = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert [r.to_dict() for r in read_results(store)] == records
    rows = query(
        store,
        "SELECT d.url, count(*) FROM quotes q JOIN documents d ON d.id = q.doc_id "
        "GROUP BY d.url ORDER BY d.url",
    )
    assert rows == [(r["meta"]["url"], len(r["quotes"])) for r in records if r["quotes"]]


@pytest.mark.model
def test_cli_store_resume_skips_stored_documents_and_reports_them(cli, tmp_path) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", [SHORT] * 3)
    store = tmp_path / "c.db"
    assert cli("extract", corpus, "-o", store, "-q").exit_code == 0
    again = cli("extract", corpus, "-o", store)
    assert again.exit_code == 2
    assert again.stderr.count("\n") == 1 and "--resume" in again.stderr
    resumed = cli("extract", corpus, "-o", store, "--resume")
    assert resumed.exit_code == 0, resumed.stderr
    assert "0 documents" in resumed.stderr and "3 already stored" in resumed.stderr
    assert query(store, "SELECT count(*) FROM documents") == [(3,)]


@pytest.mark.model
def test_cli_store_duplicate_ids_are_reported_not_stored_twice(cli, tmp_path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": "same", "text": SHORT}) + "\n" for _ in range(2)))
    written = cli("extract", corpus, "-o", tmp_path / "c.db")
    assert written.exit_code == 1
    assert "c.jsonl:2: id 'same' was given to an earlier document" in written.stderr
    assert query(tmp_path / "c.db", "SELECT id FROM documents") == [("same",)]


@pytest.mark.model
def test_cli_resume_needs_a_store(cli, tmp_path) -> None:
    result = cli("quotes", SAMPLES / "nato-russia.txt", "-o", tmp_path / "q.jsonl", "--resume")
    assert result.exit_code == 2
    assert "--resume continues a SQLite store" in result.stderr


def _start(args: list[str], cwd: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "quotex", *args],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for_documents(path: Path, process: subprocess.Popen, count: int) -> int:
    """Poll the store with a reader's connection until it holds ``count`` documents."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if path.exists():
            try:
                with sqlite3.connect(path, timeout=5) as reader:
                    stored = reader.execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.OperationalError:  # the tables are not made yet
                stored = 0
            if stored >= count:
                return stored
        time.sleep(0.02)
    raise AssertionError(f"the run ended or stalled before storing {count} documents")


def _store_rows(path: Path) -> dict[str, list[tuple]]:
    return {
        table: query(path, f"SELECT * FROM {table} ORDER BY 1, 2")  # noqa: S608
        for table in ("documents", "quotes", "entities")
    }


KILL_DOCS = 20  # enough that a run is stopped mid-way (it waits for 4 stored first)


@pytest.fixture(scope="module")
def killable(tmp_path_factory) -> tuple[Path, list[str]]:
    """A corpus of seed articles, the options of the runs, and its uninterrupted store."""
    folder = tmp_path_factory.mktemp("kill")
    seed = (SAMPLES / "nato-russia.txt").read_text(encoding="utf-8")
    corpus = write_corpus(folder / "c.jsonl", [seed] * KILL_DOCS)
    common = ["extract", str(corpus), "--scope", "all", "--batch-size", "2", "-q"]
    whole = subprocess.run(
        [sys.executable, "-m", "quotex", *common, "-o", "whole.db"],
        cwd=folder,
        capture_output=True,
        text=True,
    )
    assert whole.returncode == 0, whole.stderr
    return folder / "whole.db", common


@pytest.mark.model
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL])
def test_cli_store_killed_during_a_batch_then_resumed_equals_an_uninterrupted_run(
    tmp_path, killable, stop: signal.Signals
) -> None:
    whole, common = killable
    process = _start([*common, "-o", "cut.db"], tmp_path)
    stored = _wait_for_documents(tmp_path / "cut.db", process, 4)  # read during the run
    assert process.poll() is None, "the run finished before it could be stopped"
    process.send_signal(stop)
    _, stderr = process.communicate(timeout=60)
    cut = query(tmp_path / "cut.db", "SELECT count(*) FROM documents")[0][0]
    assert stored <= cut < KILL_DOCS
    if stop is signal.SIGTERM:
        assert process.returncode == 143  # SIGTERM: 128 + 15
        assert "--resume" in stderr
    resumed = subprocess.run(
        [sys.executable, "-m", "quotex", *common, "-o", "cut.db", "--resume"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert resumed.returncode == 0, resumed.stderr
    assert _store_rows(tmp_path / "cut.db") == _store_rows(whole)


@pytest.mark.model
def test_cli_speakers_and_show_read_a_store_like_its_corpus(cli, tmp_path) -> None:
    store = tmp_path / "c.db"
    seed = SAMPLES / "nato-russia.txt"
    assert cli("extract", seed, SAMPLES / "said-inversion.txt", "-o", store, "-q").exit_code == 0
    from_store = cli("speakers", store, "--format", "csv")
    from_corpus = cli("speakers", seed, SAMPLES / "said-inversion.txt", "--format", "csv")
    assert from_store.exit_code == 0, from_store.stderr
    assert from_store.stdout == from_corpus.stdout
    shown = cli("show", store, "--id", str(seed), "--no-color")
    direct = cli("show", seed, "--no-color")
    assert shown.exit_code == 0, shown.stderr
    assert shown.stdout == direct.stdout
    missing = cli("show", store, "--id", "nope")
    assert missing.exit_code == 1 and "no document 'nope'" in missing.stderr


def test_cli_show_id_needs_a_store(tmp_path) -> None:
    result = CliRunner().invoke(app, ["show", str(SAMPLES / "nato-russia.txt"), "--id", "x"])
    assert result.exit_code == 2 and "--id picks documents of a SQLite store" in result.stderr


def test_store_writes_each_documents_sources_with_their_gender(tmp_path) -> None:
    path = tmp_path / "corpus.db"
    lee = Entity("e2", "Ann Lee", "PERSON", gender="female", gender_evidence="pronoun")
    nato = Entity("e3", "NATO", "ORG")
    quotes = (
        QUOTE,
        Quote("q2", "direct", "Yes", 1, 4, speaker="Ann Lee", speaker_entity="e2"),
        Quote("q3", "direct", "No", 5, 7, speaker="Ann Lee", speaker_entity="e2"),
        Quote("q4", "indirect", "it would", 8, 16, speaker="NATO", speaker_entity="e3"),
    )
    write_store(path, [DocResult("d1", quotes, (PUTIN, lee, nato)), result(2)])
    rows = query(
        path,
        "SELECT doc_id, kind, name, entity, gender, gender_evidence, quotes FROM sources "
        "ORDER BY rowid",
    )
    assert rows == [
        ("d1", "person", "Ann Lee", "e2", "female", "pronoun", 2),
        ("d1", "person", "Vladimir Putin", "e1", None, "none", 1),
        ("d1", "organisation", "NATO", "e3", None, None, 1),
        ("d2", "person", "Vladimir Putin", "e1", None, "none", 1),
    ]
