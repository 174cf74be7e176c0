"""Corpus runs: folders and JSONL with ids and meta, input order with workers, streaming,
long documents cut into chunks, and the progress bar only on a terminal."""

from __future__ import annotations

import io
import json
import re

import pytest
from rich.console import Console
from typer.testing import CliRunner

import quotex.pipeline
from quotex.cli import app
from quotex.corpus import Article, Corpus, CorpusOptions, EmptyInput
from quotex.errors import QuotexError
from quotex.extraction import extract_documents
from quotex.io.readers import Document, ReadFailure
from quotex.records import DocResult
from quotex.render.progress import corpus_progress
from tests.conftest import SAMPLES

pytestmark = pytest.mark.model

SEED = SAMPLES / "nato-russia.txt"
SHORT = 'The plan is "ready to go," Smith said. Jones said the talks would resume.'


@pytest.fixture
def cli(nlp, monkeypatch):
    """Invoke the CLI with the session's pipeline instead of loading another."""
    monkeypatch.setattr(quotex.pipeline, "load_nlp", lambda model=None, **_: nlp)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])


def _records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_corpus_folder_ids_are_relative_paths_in_tree_order(cli, tmp_path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "skip.csv").write_text(SHORT, encoding="utf-8")
    result = cli("extract", tmp_path, "--format", "jsonl", "--quiet")
    assert result.exit_code == 0, result.stderr
    records = _records(result.stdout)
    assert [r["id"] for r in records] == ["b.txt", "sub/a.txt"]
    assert all(r["quotes"] for r in records)
    assert all("meta" not in r for r in records)


def test_corpus_jsonl_fields_give_ids_and_the_rest_is_meta(cli, tmp_path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    rows = [{"url": f"u{n}", "body": SHORT, "outlet": "wire", "n": n} for n in range(3)]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = cli(
        "extract",
        corpus,
        "--text-field",
        "body",
        "--id-field",
        "url",
        "--format",
        "jsonl",
        "--quiet",
    )
    assert result.exit_code == 0, result.stderr
    records = _records(result.stdout)
    assert [r["id"] for r in records] == ["u0", "u1", "u2"]
    assert [r["meta"] for r in records] == [{"outlet": "wire", "n": n} for n in range(3)]


def test_corpus_jobs_2_keeps_input_order(cli, tmp_path) -> None:
    # Small batches so that both workers get several; spawning them takes a few seconds.
    texts = [f"{SHORT} Speaker number {n} said it was fine." for n in range(12)]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": f"d{n:02d}", "text": t}) + "\n" for n, t in enumerate(texts)),
        encoding="utf-8",
    )
    result = cli(
        "extract", corpus, "--jobs", "2", "--batch-size", "2", "--format", "jsonl", "--quiet"
    )
    assert result.exit_code == 0, result.stderr
    records = _records(result.stdout)
    assert [r["id"] for r in records] == [f"d{n:02d}" for n in range(12)]
    for record, text in zip(records, texts, strict=True):
        assert all(text[q["start"] : q["end"]] == q["text"] for q in record["quotes"])


def test_corpus_is_streamed_not_read_ahead(nlp) -> None:
    consumed = 0

    def documents():
        nonlocal consumed
        for n in range(200):
            consumed += 1
            yield Document(f"d{n}", SHORT)

    stream = extract_documents(documents(), nlp, batch_size=4)
    first = next(stream)
    assert isinstance(first, DocResult) and first.id == "d0"
    assert consumed <= 2 * 4
    assert sum(1 for _ in stream) == 199


def test_corpus_long_document_chunks_keep_global_offsets(nlp, monkeypatch) -> None:
    text = SEED.read_text(encoding="utf-8")
    whole = next(extract_documents([Document("seed", text)], nlp))
    monkeypatch.setattr(nlp, "max_length", 600)
    (result,) = extract_documents([Document("seed", text, {"k": 1})], nlp)
    assert isinstance(result, DocResult)
    assert result.id == "seed" and result.meta == {"k": 1}
    assert len(text) > 600 and result.quotes
    assert len({q.id for q in result.quotes}) == len(result.quotes)
    for quote in result.quotes:
        assert text[quote.start : quote.end] == quote.text
        if quote.cue is not None:
            assert text[quote.cue.start : quote.cue.end] == quote.cue.text
    for entity in result.entities:
        assert all(text[m.start : m.end] == m.text for m in entity.mentions)
    # Chunks end at paragraph breaks, so direct quotes are the ones found in one piece.
    assert {q.text for q in result.quotes if q.type == "direct"} == {
        q.text for q in whole.quotes if q.type == "direct"
    }


def test_corpus_no_progress_bar_when_stderr_is_not_a_terminal(cli, tmp_path) -> None:
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(SHORT, encoding="utf-8")
    result = cli("extract", tmp_path, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert "docs/s" not in result.stderr and "\x1b[" not in result.stderr
    assert re.fullmatch(
        r"quotex: 3 documents, \d+ quotes, \d+ entities, 0 failed, [\d.]+ s\n", result.stderr
    )
    quiet = cli("extract", tmp_path, "--format", "jsonl", "--quiet")
    assert quiet.stderr == ""


@pytest.mark.parametrize("total, shown", [(2, "2/2"), (None, "2/?")])
def test_progress_bar_counts_documents_on_a_terminal(total, shown) -> None:
    stream = io.StringIO()
    console = Console(file=stream, force_terminal=True, width=100)
    with corpus_progress(console, total, enabled=True) as advance:
        advance()
        advance()
        console.print("a message above the bar")
    output = stream.getvalue()
    assert shown in output and "docs/s" in output
    assert "a message above the bar" in output


def test_progress_disabled_writes_nothing() -> None:
    stream = io.StringIO()
    with corpus_progress(Console(file=stream, force_terminal=True), 5, enabled=False) as advance:
        advance()
    assert stream.getvalue() == ""


# --- the corpus loop itself (quotex.corpus), as the commands use it -------------------


@pytest.fixture
def corpus_dir(nlp, monkeypatch, tmp_path):
    """A folder of a text, a binary file and another text; Corpus reuses the session nlp."""
    monkeypatch.setattr(quotex.pipeline, "load_nlp", lambda model=None, **_: nlp)
    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"x\x00y")
    (tmp_path / "c.txt").write_text("Nobody spoke.", encoding="utf-8")
    return tmp_path


def test_corpus_keep_text_pairs_each_result_with_its_text_in_input_order(corpus_dir) -> None:
    corpus = Corpus(CorpusOptions([str(corpus_dir)], keep_text=True))
    with corpus.results() as results:
        outcomes = list(results)
    assert [type(item).__name__ for item in outcomes] == ["Article", "ReadFailure", "Article"]
    assert [(a.text, a.result.id) for a in outcomes if isinstance(a, Article)] == [
        (SHORT, "a.txt"),
        ("Nobody spoke.", "c.txt"),
    ]
    stats = corpus.stats
    assert (stats.documents, stats.failed) == (2, [str(corpus_dir / "b.txt")])
    assert stats.quotes == len(outcomes[0].result.quotes)


def test_corpus_fail_fast_yields_the_failure_then_stops(corpus_dir) -> None:
    corpus = Corpus(CorpusOptions([str(corpus_dir)], fail_fast=True))
    with corpus.results() as results:
        assert isinstance(next(results), DocResult)
        assert isinstance(next(results), ReadFailure)  # the caller reports it first
        with pytest.raises(QuotexError, match="--fail-fast"):
            next(results)


def test_corpus_notes_a_lone_empty_document_before_its_result(nlp, monkeypatch, tmp_path):
    monkeypatch.setattr(quotex.pipeline, "load_nlp", lambda model=None, **_: nlp)
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    corpus = Corpus(CorpusOptions([str(tmp_path / "empty.txt")], note_lone_empty=True))
    with corpus.results() as results:
        first, second = list(results)
    assert first == EmptyInput(str(tmp_path / "empty.txt"))
    assert isinstance(second, DocResult) and not second.quotes
