"""Bad input, faults and interruptions: clear errors, nothing lost.

One test per case of the issue. CLI tests run in-process through ``CliRunner`` with the
session pipeline patched in (no model reload per test); closed pipes and signals need a
real process, so those tests start ``python -m quotex`` (a model load each, ~3 s).
"""

from __future__ import annotations

import functools
import json
import os
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import quotex.components.quotes as quotes_module
import quotex.pipeline
from quotex.cli import app
from quotex.components.guard import EXT_ERROR
from quotex.components.quotes import find_marked_regions
from quotex.extraction import MAX_CHUNK_CHARS, chunk_text, extract, extract_documents
from quotex.io.readers import Document
from quotex.records import DocResult

QUOTED = 'The plan "will not work in any form," said Minister Anna Berg on Monday.\n'
MARKS = ["“", "”", '"', "'", "‘", "’", "«", "»", "„", "``", "''"]
FAULT = "BOOM"  # a document holding this word makes the quote finder raise


@pytest.fixture()
def cli(nlp, monkeypatch):
    """Invoke the CLI with the session pipeline: ``cli(args, input=...)``."""
    monkeypatch.setattr(quotex.pipeline, "load_nlp", lambda model=None, **_: nlp)
    runner = CliRunner()

    def invoke(args: list[str], **kwargs):
        return runner.invoke(app, args, catch_exceptions=False, **kwargs)

    return invoke


def records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def assert_offsets_valid(text: str, result: DocResult) -> None:
    """Every quote, speaker mention, cue and entity mention is ``text[start:end]``."""
    spans = []
    for quote in result.quotes:
        spans.append(quote)
        spans += [m for m in (quote.speaker_mention, quote.cue) if m is not None]
    spans += [m for entity in result.entities for m in entity.mentions]
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text


def quotex_process(args: list[str], cwd: Path, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "quotex", *args],
        cwd=cwd,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def write_corpus(path: Path, count: int) -> Path:
    lines = (json.dumps({"id": f"d{n}", "text": QUOTED}) for n in range(count))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- empty input ---------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize("data", ["", "   \n\n\t \r\n"], ids=["empty", "whitespace"])
def test_empty_stdin_gives_an_empty_record_and_a_note(cli, data) -> None:
    result = cli(["extract"], input=data)
    assert result.exit_code == 0
    assert records(result.stdout) == [
        {"id": "stdin", "quotes": [], "entities": [], "sources": [], "organisations": []}
    ]
    assert "stdin: no text (empty or only whitespace)" in result.stderr


@pytest.mark.model
def test_empty_file_in_a_batch_gives_an_empty_record_without_a_note(cli, tmp_path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text(QUOTED, encoding="utf-8")
    result = cli(["extract", str(tmp_path), "-q"])
    assert result.exit_code == 0
    found = records(result.stdout)
    assert [r["id"] for r in found] == ["empty.txt", "good.txt"]
    assert found[0]["quotes"] == [] and found[1]["quotes"]
    assert result.stderr == ""


# --- undecodable bytes ---------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    "data",
    ["Café «olé», said José.\n".encode("latin-1"), bytes(range(256)) * 4],
    ids=["latin-1", "binary"],
)
def test_undecodable_file_is_named_with_encoding_hint_and_batch_goes_on(
    cli, tmp_path, data
) -> None:
    (tmp_path / "bad.txt").write_bytes(data)
    (tmp_path / "good.txt").write_text(QUOTED, encoding="utf-8")
    result = cli(["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert [r["id"] for r in records(result.stdout)] == ["good.txt"]
    [message] = [line for line in result.stderr.splitlines() if "bad.txt:" in line]
    assert "--encoding" in message
    assert "1 document(s) failed" in result.stderr.splitlines()[-1]


# --- bad JSONL lines -----------------------------------------------------------------


@pytest.mark.model
def test_bad_jsonl_lines_are_reported_with_line_numbers_and_others_processed(cli, tmp_path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"id": "a", "text": QUOTED}) + "\n"
        "this is not JSON\n"
        + json.dumps({"id": "b", "body": QUOTED})
        + "\n"
        + json.dumps({"id": "c", "text": 42})
        + "\n"
        + json.dumps({"id": "d", "text": QUOTED})
        + "\n",
        encoding="utf-8",
    )
    result = cli(["extract", str(corpus)])
    assert result.exit_code == 1
    assert [r["id"] for r in records(result.stdout)] == ["a", "d"]
    errors = result.stderr
    assert f"{corpus}:2: not valid JSON" in errors
    assert f"{corpus}:3: no 'text' field" in errors and "--text-field" in errors
    assert f"{corpus}:4: field 'text' is a number, not a string" in errors
    assert "3 document(s) failed" in errors


# --- paths that cannot be read -------------------------------------------------------


@pytest.mark.model
def test_missing_path_is_an_error(cli, tmp_path) -> None:
    result = cli(["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "no such file or folder" in result.stderr and "nope.txt" in result.stderr


@pytest.mark.model
def test_folder_without_matching_files_is_an_error_naming_glob(cli, tmp_path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    result = cli(["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert "no files matching" in result.stderr and "--glob" in result.stderr


@pytest.mark.model
def test_unreadable_file_is_an_error(cli, tmp_path, lock) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(QUOTED, encoding="utf-8")
    lock(locked)
    result = cli(["extract", str(locked)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "locked.txt: cannot read it (Permission denied)" in result.stderr


# --- very long documents -------------------------------------------------------------


def test_chunk_text_cuts_20_mb_at_paragraph_breaks_quickly() -> None:
    paragraph = ("A sentence of the long report, with “a quote” in it. " * 40).rstrip()
    text = (paragraph + "\n\n") * (20_000_000 // (len(paragraph) + 2))
    started = time.perf_counter()
    chunks = chunk_text(text, MAX_CHUNK_CHARS)
    assert time.perf_counter() - started < 5
    assert "".join(piece for _, piece in chunks) == text
    assert all(len(piece) <= MAX_CHUNK_CHARS for _, piece in chunks)
    assert all(text[offset : offset + 2] == "\n\n" for offset, _ in chunks[1:])  # cut at breaks


@pytest.mark.model
def test_one_200000_character_line_is_processed_in_chunks(cli, tmp_path) -> None:
    # Long words keep the token count, and so the parse, small (about 3 s on 2 cores).
    sentence = (
        "“Counterrevolutionaries misunderstood internationalisation,” said Anna "
        "Berg. " + "Incomprehensibilities overcomplicated institutionalisation. " * 30
    )
    line = (sentence * (200_000 // len(sentence) + 1))[:200_000]
    (tmp_path / "line.txt").write_text(line, encoding="utf-8")
    result = cli(["extract", str(tmp_path / "line.txt")])
    assert result.exit_code == 0, result.stderr
    [found] = records(result.stdout)
    parsed = DocResult.from_dict(found)
    assert_offsets_valid(line, parsed)
    assert any(q.start > MAX_CHUNK_CHARS for q in parsed.quotes)  # the second chunk too


# One paragraph: a quote of three sentences, its speaker after it, between plain sentences.
STRADDLE = (
    "The council met on Monday. "
    "“We will not close the school. We will not cut the budget. We will hire teachers,” "
    "said Mayor Anna Berg. The vote is next week. "
)


def _cut_inside_a_quote(text: str, cut: int) -> bool:
    return any(r.open < cut < r.close for r in find_marked_regions(text))


@pytest.mark.parametrize("limit", range(90, 260, 7))
def test_chunk_text_cuts_a_long_paragraph_outside_quotes(limit) -> None:
    text = STRADDLE * 4
    chunks = chunk_text(text, limit)
    assert "".join(piece for _, piece in chunks) == text
    assert all(len(piece) <= limit for _, piece in chunks)
    for offset, _ in chunks[1:]:
        assert not _cut_inside_a_quote(text, offset)
        if limit > 110:  # a sentence end outside quotes is always within reach
            assert text[offset - 2 : offset] == ". "


def test_chunk_text_falls_back_to_a_space_when_a_quote_is_longer_than_the_limit() -> None:
    text = "“" + "word " * 60 + "end,” she said. Outro."
    chunks = chunk_text(text, 100)
    assert "".join(piece for _, piece in chunks) == text
    assert all(len(piece) <= 100 for _, piece in chunks)
    assert chunks[1][0] == text.rfind(" ", 0, 100)  # the old cut: the last space in reach


@pytest.mark.model
def test_a_quote_across_the_chunk_limit_is_kept_whole_with_its_speaker(nlp, monkeypatch) -> None:
    text = "Plain filler sentence number one. " * 6 + STRADDLE
    # The old cut fell inside the quote, after "We will not cut the".
    limit = text.index("budget")
    monkeypatch.setattr(nlp, "max_length", limit)
    (result,) = extract_documents([Document("long", text)], nlp)
    assert_offsets_valid(text, result)
    [quote] = [q for q in result.quotes if q.type == "direct"]
    assert quote.text.startswith("We will not close") and quote.text.endswith("hire teachers,")
    assert quote.speaker == "Anna Berg"


# --- quote marks in odd arrangements -------------------------------------------------

ODD_MARKS = {
    "unmatched opener": "He said “this never ends.\n\nNext paragraph here.",
    "unmatched closer": "He said this” and went on ” again.",
    "nested": "“She told me ‘never “ever” again’ twice,” he said.",
    "mixed styles": "«Yes,” she said, „no“ and \"maybe» or ``perhaps'' too.",
    "500 straight": '"' * 500,
    "500 curly in a row": "“" * 250 + "”" * 250,
    "500 mixed in a row": "".join(MARKS[n % len(MARKS)] for n in range(500)),
    "500 single": "'" * 500 + " said Bob.",
    "marks around nothing": "“” \"\" ‘’ «» ``'' said nobody.",
    "marks at the edges": "”Edge case“",
}


@pytest.mark.parametrize("text", ODD_MARKS.values(), ids=ODD_MARKS.keys())
def test_find_marked_regions_survives_odd_marks(text) -> None:
    for region in find_marked_regions(text):
        assert 0 <= region.open <= region.start <= region.end <= region.close <= len(text)


@pytest.mark.model
@pytest.mark.parametrize("text", ODD_MARKS.values(), ids=ODD_MARKS.keys())
def test_extraction_survives_odd_marks_with_valid_offsets(nlp, text) -> None:
    assert_offsets_valid(text, extract(text, nlp))


# --- closed pipe and signals ---------------------------------------------------------


@pytest.mark.model
def test_closed_pipe_exits_quietly(tmp_path) -> None:
    corpus = write_corpus(tmp_path / "many.jsonl", 400)
    process = quotex_process(["extract", str(corpus)], tmp_path, stdout=subprocess.PIPE)
    assert process.stdout.readline().startswith('{"id": "d0"')
    process.stdout.close()  # what `| head -1` does
    _, errors = process.communicate(timeout=120)
    assert process.returncode == 0
    assert "Traceback" not in errors and "BrokenPipe" not in errors


@pytest.mark.model
@pytest.mark.parametrize(
    ("signum", "code", "said"),
    [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated (SIGTERM)")],
    ids=["SIGINT", "SIGTERM"],
)
def test_interrupt_during_output_leaves_no_file_and_exits_130_or_143(
    tmp_path, signum, code, said
) -> None:
    corpus = write_corpus(tmp_path / "big.jsonl", 5000)
    process = quotex_process(
        ["extract", str(corpus), "-o", "out.jsonl"], tmp_path, stdout=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".out.jsonl.*")):  # writing has begun
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(0.3)
    process.send_signal(signum)
    _, errors = process.communicate(timeout=60)
    assert process.returncode == code
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.jsonl"]
    assert f"{said}; out.jsonl was not written" in errors
    assert "Traceback" not in errors


# --- failures inside the pipeline ----------------------------------------------------


@pytest.fixture()
def faulty(monkeypatch):
    """Make the quote finder raise on documents containing ``FAULT``."""
    real = quotes_module.find_marked_regions

    def find(text: str):
        if FAULT in text:
            raise RuntimeError("simulated fault\nwith a second line")
        return real(text)

    monkeypatch.setattr(quotes_module, "find_marked_regions", find)


@pytest.mark.model
def test_component_fault_leaves_outputs_unset_and_records_the_error(nlp, faulty) -> None:
    from spacy.tokens import DocBin

    doc = nlp(f"{FAULT} said “the words here,” Bob Smith said.")
    error = "quotex_quotes failed: RuntimeError: simulated fault with a second line"
    assert doc._.get(EXT_ERROR) == error
    assert doc._.quotex_marked is None and "quotex_marked" not in doc.spans
    assert doc._.quotex_quotes is None  # later components skip the doc
    stored = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    [back] = DocBin().from_bytes(stored).get_docs(nlp.vocab)
    assert back._.get(EXT_ERROR) == error
    assert nlp(QUOTED)._.get(EXT_ERROR) is None


@pytest.mark.model
def test_failed_documents_are_reported_summarised_and_the_rest_processed(
    cli, tmp_path, faulty
) -> None:
    corpus = tmp_path / "c.jsonl"
    texts = [QUOTED, f"{FAULT} {QUOTED}", QUOTED, f"{FAULT} again"]
    corpus.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    result = cli(["extract", str(corpus)])
    assert result.exit_code == 1
    assert [r["id"] for r in records(result.stdout)] == [f"{corpus}:1", f"{corpus}:3"]
    lines = result.stderr.splitlines()
    assert (
        f"quotex: {corpus}:2: not processed: quotex_quotes failed: RuntimeError: "
        "simulated fault with a second line" in lines
    )
    assert any(line.startswith(f"quotex: {corpus}:4: not processed") for line in lines)
    assert lines[-1] == (
        f"quotex: 2 document(s) failed ({corpus}:2, {corpus}:4); see the messages above"
    )


@pytest.mark.model
def test_fail_fast_stops_at_the_first_failure(cli, tmp_path, faulty) -> None:
    corpus = tmp_path / "c.jsonl"
    texts = [QUOTED, FAULT, QUOTED]
    corpus.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    result = cli(["extract", str(corpus), "--fail-fast"])
    assert result.exit_code == 1
    assert [r["id"] for r in records(result.stdout)] == [f"{corpus}:1"]
    assert "stopped at the first failure (--fail-fast)" in result.stderr
    target = tmp_path / "out.jsonl"
    result = cli(["extract", str(corpus), "--fail-fast", "-o", str(target)])
    assert result.exit_code == 1 and not target.exists()


# --- hostile text in CSV and HTML ----------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_cells_that_look_like_formulas_are_escaped(cli, tmp_path, start) -> None:
    corpus = tmp_path / "c.jsonl"
    doc_id = f'{start}HYPERLINK("http://x")'
    corpus.write_text(json.dumps({"id": doc_id, "text": QUOTED}) + "\n", encoding="utf-8")
    escaped = cli(["quotes", str(corpus), "--format", "csv"])
    raw = cli(["quotes", str(corpus), "--format", "csv", "--raw-csv"])
    assert escaped.exit_code == raw.exit_code == 0
    assert escaped.stdout.splitlines()[1].startswith(f"\"'{start}HYPERLINK")
    assert raw.stdout.splitlines()[1].startswith(f'"{start}HYPERLINK')


@pytest.mark.model
def test_show_html_escapes_hostile_text(cli, tmp_path) -> None:
    hostile = (
        "<script>alert(1)</script> “<img src=x onerror=alert(2)> is fine,” said "
        'Anna "Bob" Berg & co.\n'
    )
    (tmp_path / "hostile.txt").write_text(hostile, encoding="utf-8")
    result = cli(["show", str(tmp_path / "hostile.txt"), "--format", "html"])
    assert result.exit_code == 0, result.stderr
    page = result.stdout
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page


# --- output formats agree ------------------------------------------------------------


@pytest.mark.model
def test_json_output_parses_back_to_the_same_records_as_jsonl(cli) -> None:
    samples = str(Path(__file__).resolve().parent.parent / "samples")
    as_json = cli(["extract", samples, "--format", "json", "-q"])
    as_jsonl = cli(["extract", samples, "--format", "jsonl", "-q"])
    assert as_json.exit_code == as_jsonl.exit_code == 0
    from_json = [DocResult.from_dict(d) for d in json.loads(as_json.stdout)]
    from_jsonl = [DocResult.from_dict(d) for d in records(as_jsonl.stdout)]
    assert from_json == from_jsonl and len(from_json) >= 5
    assert [r.to_dict() for r in from_json] == records(as_jsonl.stdout)


# --- properties over arbitrary text --------------------------------------------------

MARK_TEXT = st.lists(
    st.one_of(
        st.sampled_from(MARKS + ["\n", "\n\n", " ", "\r\n", "he said", "Anna Berg", "it’s"]),
        st.text(max_size=8),
        st.builds(lambda mark, n: mark * n, st.sampled_from(MARKS), st.integers(2, 60)),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(MARK_TEXT)
def test_find_marked_regions_is_total_with_ordered_offsets(text) -> None:
    for region in find_marked_regions(text):
        assert 0 <= region.open <= region.start <= region.end <= region.close <= len(text)


@pytest.mark.model
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=MARK_TEXT)
def test_extraction_never_raises_and_offsets_index_the_text(nlp, text) -> None:
    assert_offsets_valid(text, extract(text, nlp))


# --- input that breaks or blocks a run (issue 13) -------------------------------------


@pytest.mark.model
def test_jsonl_line_with_a_lone_surrogate_is_reported_and_the_rest_processed(cli, tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"id": "a", "text": QUOTED})
        + '\n{"id": "b", "text": "bad \\ud800 here"}\n'
        + json.dumps({"id": "c", "text": QUOTED})
        + "\n",
        encoding="utf-8",
    )
    result = cli(["extract", str(corpus)])
    assert result.exit_code == 1
    assert [r["id"] for r in records(result.stdout)] == ["a", "c"]
    assert f"quotex: {corpus}:2: field 'text' holds an invalid code point" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.model
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
@pytest.mark.parametrize("command", ["extract", "speakers"])
def test_fifo_in_an_input_folder_is_skipped_with_a_note(cli, tmp_path, command) -> None:
    (tmp_path / "good.txt").write_text(QUOTED, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    result = cli([command, str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0
    assert f"quotex: {tmp_path / 'pipe.txt'}: skipped: a FIFO (named pipe)" in result.stderr
    assert records(result.stdout)


@pytest.mark.model
def test_json_array_file_is_read_as_documents(cli, tmp_path) -> None:
    path = tmp_path / "docs.json"
    path.write_text(json.dumps([{"id": "x", "text": QUOTED, "outlet": "X"}]), encoding="utf-8")
    result = cli(["extract", str(path)])
    assert result.exit_code == 0, result.stderr
    [found] = records(result.stdout)
    assert found["id"] == "x" and found["meta"] == {"outlet": "X"}
    assert ["will not work in any form" in q["text"] for q in found["quotes"]] == [True]


NFC_ARTICLE = (
    "“We will not give in,” said François Hollande.\n\n"
    "Hélène Côté, the minister, said the reform was “déjà vu all over again.” "
    "“It is a résumé of failures,” José Martí told reporters in Besançon.\n"
)


@pytest.mark.model
def test_decomposed_text_attributes_as_composed_with_offsets_into_it(nlp) -> None:
    nfd = unicodedata.normalize("NFD", NFC_ARTICLE)
    composed, decomposed = extract(NFC_ARTICLE, nlp), extract(nfd, nlp)
    assert_offsets_valid(nfd, decomposed)

    def seen(result: DocResult) -> list[tuple]:
        nfc = functools.partial(unicodedata.normalize, "NFC")
        return [
            (q.type, nfc(q.text), q.speaker and nfc(q.speaker), q.cue and nfc(q.cue.text))
            for q in result.quotes
        ]

    assert seen(decomposed) == seen(composed)
    assert [q.speaker for q in composed.quotes] == [
        "François Hollande",
        "Hélène Côté",
        "José Martí",
    ]


@pytest.mark.model
def test_extract_of_a_lone_surrogate_is_a_clear_value_error(nlp) -> None:
    with pytest.raises(ValueError, match="invalid code point at offset 9: a lone surrogate"):
        extract("He said “\ud800” today.", nlp)
