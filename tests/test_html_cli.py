"""Web pages through the CLI: the seed article as a served page gives the plain text's
quotes and speakers; URLs, ``--urls``, stdin pages, ``--with-text``, pages without text.

Every test here runs the pipeline (``model``). Pages come from a server on 127.0.0.1
that each test starts and stops; nothing leaves the machine.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotex.cli import app
from quotex.io import web
from quotex.names import names_agree
from tests.conftest import GOLD, SAMPLES, load_sample
from tests.test_html_input import INDEX_PAGE, TINY_PAGE
from tests.webserver import Answer, serve

pytestmark = pytest.mark.model

SEED_TEXT = SAMPLES / "nato-russia.txt"
SEED_PAGE = (GOLD / "nato-russia.html").read_bytes()
HARBOUR_PAGE = (GOLD / "harbour-council.html").read_bytes()
MARKED = ("direct", "mixed")
MARKUP = re.compile(r"<[a-z/!]|&[a-z]+;|&#")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch) -> None:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "*")
    monkeypatch.setattr(web, "RETRY_PAUSE", 0.0)


def records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def marked(record: dict) -> list[tuple[str, str, str | None]]:
    return [(q["type"], q["text"], q["speaker"]) for q in record["quotes"] if q["type"] in MARKED]


def test_seed_page_at_a_url_gives_the_plain_texts_quotes_and_speakers(runner) -> None:
    with serve({"/world/nato-russia": Answer(SEED_PAGE)}) as site:
        url = site.url("/world/nato-russia")
        result = runner.invoke(app, ["quotes", url, str(SEED_TEXT), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    page, plain = records(result.stdout)
    assert page["id"] == url
    assert marked(page) == marked(plain)
    assert [(q["type"], q["text"], q["speaker"]) for q in page["quotes"]] == [
        (q["type"], q["text"], q["speaker"]) for q in plain["quotes"]
    ]
    assert len(marked(page)) == 9
    _, gold = load_sample("nato-russia.txt")
    golden = [q for q in gold["quotes"] if q["type"] in MARKED and not q["optional"]]
    for (_, text, speaker), expected in zip(marked(page), golden, strict=True):
        assert names_agree(speaker, expected["speaker"]), (text[:40], speaker)
    for quote in page["quotes"]:
        assert not MARKUP.search(quote["text"]), quote["text"]
        assert page["text"][quote["start"] : quote["end"]] == quote["text"]
        for part in ("speaker_mention", "cue"):
            if quote[part]:
                mention = quote[part]
                assert page["text"][mention["start"] : mention["end"]] == mention["text"]
    assert page["meta"]["title"] == "NATO, Russia fail to defuse missile defence row"
    assert "text" not in plain and "meta" not in plain


def test_page_with_caption_pull_quote_and_comments_quotes_the_article_only(
    runner, tmp_path: Path
) -> None:
    page = tmp_path / "harbour.html"
    page.write_bytes(HARBOUR_PAGE)
    result = runner.invoke(app, ["quotes", str(page), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    (record,) = records(result.stdout)
    found = {(q["text"].split()[0], q["speaker"]) for q in record["quotes"] if q["type"] in MARKED}
    assert ("This", "Jan Kamp") in found
    assert ("We", "Jan Kamp") in found
    assert ("Nobody", "Tom Okafor") in found
    assert any(speaker == "Priya Shah" for _, speaker in found)
    texts = " ".join(q["text"] for q in record["quotes"])
    assert texts.count("rot for another twenty years") == 1
    for comment in ("my foot", "Nobody asked us", "empty for too long"):
        assert comment not in texts
    assert record["meta"]["sitename"] == "The Northport Courier"


def test_urls_each_answer_handled_by_type_and_the_rest_processed(runner) -> None:
    routes = {
        "/page": Answer(TINY_PAGE.encode()),
        "/plain": Answer("“We hold,” Ana Ruiz said.".encode(), content_type="text/plain"),
        "/report.pdf": Answer(b"%PDF-1.4 ...", content_type="application/pdf"),
        "/moved": Answer(status=302, location="/page"),
        "/huge": Answer(b"<html>" + b"x" * 3000),
    }
    with serve(routes) as site:
        names = ["/page", "/plain", "/report.pdf", "/gone", "/moved", "/huge"]
        urls = [site.url(n) for n in names]
        result = runner.invoke(app, ["quotes", *urls, "--format", "jsonl", "--max-bytes", "2000"])
    assert result.exit_code == 1
    page, plain, moved = records(result.stdout)
    assert [r["id"] for r in (page, plain, moved)] == [urls[0], urls[1], urls[4]]
    assert page["quotes"][0]["speaker"] == "Jan Kamp"
    assert plain["quotes"][0]["speaker"] == "Ana Ruiz"
    assert plain["text"] == "“We hold,” Ana Ruiz said."
    assert moved["meta"]["url"] == urls[0]  # where the redirect led
    lines = result.stderr.splitlines()
    notes = [line for line in lines if "characters of article text" in line]
    assert len(notes) == 2  # the short test page, read twice (directly and redirected)
    errors = [line for line in lines if line.startswith("quotex: http") and line not in notes]
    assert errors == [
        f"quotex: {urls[2]}: a PDF (application/pdf), which quotex cannot read; "
        "save its text to a file and pass that file",
        f"quotex: {urls[3]}: the server answered HTTP 404 Not Found; check the address",
        f"quotex: {urls[5]}: the page is 3,006 bytes, more than --max-bytes 2,000; "
        "pass a larger --max-bytes to read it",
    ]
    assert "3 document(s) failed" in result.stderr


def test_urls_file_is_read_with_the_other_inputs(runner, tmp_path: Path) -> None:
    with serve({"/a": Answer(TINY_PAGE.encode())}) as site:
        listing = tmp_path / "urls.txt"
        listing.write_text(f"# today's pages\n{site.url('/a')}\n\n")
        result = runner.invoke(
            app, ["quotes", str(SEED_TEXT), "--urls", str(listing), "--format", "jsonl"]
        )
    assert result.exit_code == 0, result.stderr
    assert [r["id"] for r in records(result.stdout)] == [str(SEED_TEXT), site.url("/a")]


def test_urls_file_without_urls_and_no_inputs_is_refused(runner, tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text("# nothing yet\n")
    result = runner.invoke(app, ["quotes", "--urls", str(listing)])
    assert result.exit_code == 1
    assert "no URLs in it" in result.stderr


def test_stdin_page_is_sniffed(runner) -> None:
    result = runner.invoke(app, ["quotes", "--format", "jsonl"], input="\n  " + TINY_PAGE)
    assert result.exit_code == 0, result.stderr
    (record,) = records(result.stdout)
    assert record["text"] == "“We will not retreat,” Jan Kamp said."
    assert record["quotes"][0]["text"] == "We will not retreat,"
    assert record["quotes"][0]["speaker"] == "Jan Kamp"


def test_with_text_adds_the_text_for_any_input(runner) -> None:
    result = runner.invoke(app, ["extract", str(SEED_TEXT), "--format", "json", "--with-text"])
    assert result.exit_code == 0, result.stderr
    (record,) = json.loads(result.stdout)
    assert record["text"] == SEED_TEXT.read_text(encoding="utf-8")
    assert list(record) == ["id", "quotes", "entities", "sources", "organisations", "text"]


def test_with_text_in_csv_is_refused(runner) -> None:
    result = runner.invoke(app, ["quotes", str(SEED_TEXT), "--format", "csv", "--with-text"])
    assert result.exit_code == 2
    assert "--with-text" in result.stderr


def test_page_without_article_text_gives_an_empty_record_and_a_note(runner, tmp_path: Path) -> None:
    index = tmp_path / "index.html"
    index.write_text(INDEX_PAGE)
    result = runner.invoke(app, ["extract", str(index), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    (record,) = records(result.stdout)
    assert record["quotes"] == [] and record["entities"] == [] and record["text"] == ""
    assert result.stderr.startswith(f"quotex: {index}: no article text found in the page")
    assert result.stderr.count("\n") == 1


def test_show_html_page_heads_a_web_page_with_its_title_and_date(runner, tmp_path: Path) -> None:
    page = tmp_path / "harbour.html"
    page.write_bytes(HARBOUR_PAGE)
    out = tmp_path / "view.html"
    result = runner.invoke(app, ["show", str(page), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    view = out.read_text(encoding="utf-8")
    assert "<cite>Harbour plan approved after heated council meeting</cite>" in view
    assert '<time datetime="2024-03-14">2024-03-14</time>' in view
    assert "harbourwatcher" not in view
