"""HTML pages and URLs in: sniffing, article text and metadata, fetching, reading.

No test here loads the spaCy pipeline (those are in ``tests/test_html_cli.py``). Web pages
come from a server on 127.0.0.1 that each test starts and stops (``tests/webserver.py``).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from quotex.errors import InputError, UsageError
from quotex.io import web
from quotex.io.html import META_KEYS, looks_like_html, page_from_html
from quotex.io.readers import (
    NO_ARTICLE_TEXT,
    Document,
    ReadFailure,
    iter_documents,
    resolve_inputs,
)
from quotex.io.web import FetchError, fetch, is_url, read_url_list
from tests.conftest import GOLD, SAMPLES
from tests.webserver import Answer, serve

SEED_PAGE = GOLD / "nato-russia.html"
HARBOUR_PAGE = GOLD / "harbour-council.html"
LOGIN_WALL = (
    "<!DOCTYPE html><html><head><title>Log in | Courier</title></head><body>"
    '<nav><a href="/">Home</a></nav><form><h2>Subscribers only</h2>'
    "<p>Log in to read this article.</p><input name=user><button>Log in</button></form>"
    "<footer>&copy; Courier</footer></body></html>"
)
INDEX_PAGE = (
    "<!DOCTYPE html><html><head><title>News | Courier</title></head><body>"
    '<nav><a href="/">Home</a></nav><main><ul class="stories">'
    + "".join(f'<li><a href="/s/{i}">Story {i} about the harbour</a></li>' for i in range(20))
    + "</ul></main><footer>&copy; Courier</footer></body></html>"
)
TINY_PAGE = (
    "<!DOCTYPE html><html><body><article><p>&ldquo;We will not retreat,&rdquo; Jan Kamp "
    "said.</p></article></body></html>"
)


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch) -> None:
    """Requests to 127.0.0.1 go straight there, whatever proxy the machine sets."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "*")
    monkeypatch.setattr(web, "RETRY_PAUSE", 0.0)


def read(inputs: list[str], stdin: bytes = b"", **kwargs: object) -> list:
    resolve_kwargs = {k: kwargs.pop(k) for k in ("input_format", "text_format") if k in kwargs}
    sources = resolve_inputs(inputs, **resolve_kwargs)
    return list(iter_documents(sources, stdin=io.BytesIO(stdin), **kwargs))


# --- sniffing --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "head",
    [
        b"<!DOCTYPE html><html>",
        b"\n\t  <!doctype HTML>\n<html>",
        b"<html lang=en><body>",
        b"\xef\xbb\xbf<!DOCTYPE html>",
        "<html>".encode("utf-16"),
        b"<!-- saved from url=(0014)about:internet -->\n<html>",
        b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML">',
    ],
)
def test_sniff_html_page_openings(head: bytes) -> None:
    assert looks_like_html(head)


@pytest.mark.parametrize(
    "head",
    [
        b"Pakistan Today\n\n<html> is a tag",
        b"<htmlish>",
        b"# A markdown title\n<!DOCTYPE html>",
        b'{"text": "<html>"}',
        b"",
    ],
)
def test_sniff_text_that_only_mentions_html_is_text(head: bytes) -> None:
    assert not looks_like_html(head)


# --- article text and metadata ---------------------------------------------------------


def test_page_seed_article_text_is_the_plain_texts_paragraphs_without_markup() -> None:
    page = page_from_html(SEED_PAGE.read_text(encoding="utf-8"))
    plain = (SAMPLES / "nato-russia.txt").read_text(encoding="utf-8").splitlines()
    body = [line for line in plain[4:-2] if line.strip()]  # the article's paragraphs
    assert page.text.split("\n\n") == body
    assert "<" not in page.text and "&" not in page.text


@pytest.mark.parametrize(
    "boilerplate",
    ["Related stories", "Clinton voices", "Exit mobile version", "gtag", "All rights reserved"]
    + ["Share on Facebook", "National", "Search"],
)
def test_page_seed_boilerplate_is_left_out(boilerplate: str) -> None:
    page = page_from_html(SEED_PAGE.read_text(encoding="utf-8"))
    assert boilerplate not in page.text


def test_page_seed_metadata_is_what_the_page_says_of_itself() -> None:
    page = page_from_html(SEED_PAGE.read_text(encoding="utf-8"))
    assert page.meta == {
        "title": "NATO, Russia fail to defuse missile defence row",
        "author": "Agence France-Presse",
        "date": "2011-12-09",
        "url": "https://www.pakistantoday.example/2011/12/09/"
        "nato-russia-fail-to-defuse-missile-defence-row/",
        "sitename": "Pakistan Today",
        "language": "en-US",
    }
    assert tuple(page.meta) == META_KEYS


def test_page_comments_caption_and_pull_quote_are_not_the_article() -> None:
    page = page_from_html(HARBOUR_PAGE.read_text(encoding="utf-8"))
    for comment in ("harbourwatcher", "my foot", "Nobody asked us", "Post comment"):
        assert comment not in page.text
    assert page.text.count("rot for another twenty years") == 1  # the pull quote repeats it
    assert "empty for too long" not in page.text  # the caption
    assert page.text.startswith("Harbour plan approved after heated council meeting\n\n")
    assert page.text.endswith("The vote passed by seven votes to four.")
    assert page.meta["author"] == "Maria Lindqvist" and page.meta["date"] == "2024-03-14"
    assert "url" not in page.meta  # absent keys are left out


def test_page_blocks_are_paragraphs_and_a_line_break_stays_a_line_break() -> None:
    page = page_from_html(
        "<html><body><article><p>Line one,<br>line two &ldquo;quoted&rdquo;.</p>"
        "<ul><li>Item one.</li><li>Item   two.</li></ul>"
        "<blockquote>Loose <b>bold</b> text<p>Para A.</p></blockquote>"
        "<table><tr><td>a</td><td>b</td></tr></table><h2>Sub head</h2>"
        '<p>Last with <b>bold</b> and <a href="/x">a link</a>.</p></article></body></html>'
    )
    assert page.text.split("\n\n") == [
        "Line one,\nline two “quoted”.",
        "Item one.",
        "Item two.",
        "Loose bold text",
        "Para A.",
        "a | b",
        "Sub head",
        "Last with bold and a link.",
    ]


@pytest.mark.parametrize("page", [INDEX_PAGE, "<!DOCTYPE html><html><body></body></html>"])
def test_page_without_article_text_is_empty(page: str) -> None:
    assert page_from_html(page).text == ""


# --- resolving -------------------------------------------------------------------------


def test_resolve_html_files_by_extension_and_flag(tmp_path: Path) -> None:
    (tmp_path / "a.htm").write_text(TINY_PAGE)
    (tmp_path / "b.txt").write_text("text")
    (tmp_path / "c.jsonl").write_text("{}")
    by_name = resolve_inputs([str(tmp_path / n) for n in ("a.htm", "b.txt", "c.jsonl")])
    assert [(s.kind, s.markup) for s in by_name] == [
        ("text", "html"),
        ("text", "auto"),
        ("jsonl", "text"),
    ]
    both = [str(tmp_path / "b.txt"), str(tmp_path / "c.jsonl")]
    forced = resolve_inputs(both, input_format="html")
    assert [(s.kind, s.markup) for s in forced] == [("text", "html"), ("jsonl", "html")]
    records = resolve_inputs([str(tmp_path / "c.jsonl")], text_format="html")
    assert records[0].markup == "html"
    assert resolve_inputs([str(tmp_path / "a.htm")], input_format="text")[0].markup == "text"


def test_resolve_folder_reads_html_pages_by_default(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(TINY_PAGE)
    (tmp_path / "old.htm").write_text(TINY_PAGE)
    (tmp_path / "style.css").write_text("p {}")
    assert [s.name for s in resolve_inputs([str(tmp_path)])] == ["old.htm", "page.html"]


def test_resolve_url_is_a_source_to_fetch() -> None:
    (source,) = resolve_inputs(["https://news.example/a?id=1"])
    assert source.url == "https://news.example/a?id=1" and source.path is None
    assert not source.is_stdin and source.label == source.url and source.markup == "auto"


def test_resolve_refuses_url_as_jsonl_and_unknown_text_format() -> None:
    with pytest.raises(UsageError, match="leave out --input-format jsonl"):
        resolve_inputs(["http://news.example/"], input_format="jsonl")
    with pytest.raises(UsageError, match="--text-format text or html"):
        resolve_inputs(["-"], text_format="xml")


@pytest.mark.parametrize(
    ("given", "expected"),
    [("http://a.example/", True), ("HTTPS://a.example", True), ("ftp://a.example", False)]
    + [("file:///etc/hosts", False), ("http.txt", False), ("-", False)],
)
def test_is_url_only_http_and_https(given: str, expected: bool) -> None:
    assert is_url(given) is expected


def test_url_list_skips_comments_and_blank_lines_and_keeps_fragments(tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(
        "# pages to read\n\nhttp://a.example/1\n  https://b.example/2#part  # the second\n"
    )
    assert read_url_list(str(listing)) == ["http://a.example/1", "https://b.example/2#part"]


def test_url_list_names_the_line_that_is_not_a_url(tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text("http://a.example/1\nwww.b.example\n")
    with pytest.raises(InputError, match=r"urls\.txt:2: 'www\.b\.example' is not an http"):
        read_url_list(str(listing))
    with pytest.raises(InputError, match="cannot read it"):
        read_url_list(str(tmp_path / "missing.txt"))


# --- reading pages ---------------------------------------------------------------------


def test_read_html_file_gives_article_text_meta_and_with_text() -> None:
    (doc,) = read([str(SEED_PAGE)])
    assert isinstance(doc, Document)
    assert doc.with_text and doc.note is None
    assert doc.id == str(SEED_PAGE)
    assert doc.meta["title"] == "NATO, Russia fail to defuse missile defence row"
    assert doc.text.startswith("NATO and Russia failed to resolve")


def test_read_stdin_html_is_sniffed_and_text_flag_keeps_the_markup() -> None:
    (doc,) = read([], stdin=b"\n" + TINY_PAGE.encode())
    assert doc.text == "“We will not retreat,” Jan Kamp said." and doc.with_text
    (raw,) = read([], stdin=TINY_PAGE.encode(), input_format="text")
    assert raw.text == TINY_PAGE and not raw.with_text


def test_read_txt_file_holding_a_page_is_sniffed(tmp_path: Path) -> None:
    saved = tmp_path / "saved.txt"
    saved.write_text(TINY_PAGE)
    (doc,) = read([str(saved)])
    assert doc.text.startswith("“We will not retreat")


def test_read_page_charset_declared_by_the_page(tmp_path: Path) -> None:
    page = tmp_path / "latin.html"
    page.write_bytes(
        b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        b"</head><body><article><p>\x93Caf\xe9 au lait,\x94 said Ren\xe9e.</p></article>"
        b"</body></html>"
    )
    (doc,) = read([str(page)])
    assert doc.text == "“Café au lait,” said Renée."  # windows-1252, as browsers read it


def test_read_page_with_no_article_text_is_an_empty_document_with_a_note(
    tmp_path: Path,
) -> None:
    index = tmp_path / "index.html"
    index.write_text(INDEX_PAGE)
    wall = tmp_path / "wall.html"
    wall.write_text(LOGIN_WALL)
    empty, login = read([str(index), str(wall)])
    assert isinstance(empty, Document) and empty.text == "" and empty.note == NO_ARTICLE_TEXT
    assert isinstance(login, Document) and "login wall" in login.note
    assert len(login.text) < 100


def test_read_html_file_over_max_bytes_is_refused_unread(tmp_path: Path) -> None:
    page = tmp_path / "big.html"
    page.write_text(TINY_PAGE)
    (failure,) = read([str(page)], max_bytes=50)
    assert isinstance(failure, ReadFailure)
    assert "more than --max-bytes 50" in failure.message


def test_read_jsonl_records_with_html_text(tmp_path: Path) -> None:
    corpus = tmp_path / "pages.jsonl"
    records = [
        {"id": "a", "text": SEED_PAGE.read_text(encoding="utf-8"), "title": "Own title"},
        {"id": "b", "text": INDEX_PAGE},
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    first, second = read([str(corpus)], text_format="html")
    assert first.text.startswith("NATO and Russia failed") and first.with_text
    assert first.meta["title"] == "Own title"  # the record's own field wins
    assert first.meta["sitename"] == "Pakistan Today"
    assert second.text == "" and second.note == NO_ARTICLE_TEXT and second.source.endswith(":2")
    same = read([str(corpus)], input_format="html")
    assert [d.text for d in same] == [first.text, ""]


# --- fetching --------------------------------------------------------------------------


def test_fetch_follows_redirects_and_names_quotex() -> None:
    routes = {"/old": Answer(status=301, location="/new"), "/new": Answer(b"<html>new</html>")}
    with serve(routes) as site:
        got = fetch(site.url("/old"))
    assert got.url == site.url("/new") and got.data == b"<html>new</html>"
    assert got.content_type == "text/html" and got.charset == "utf-8"
    assert all(agent.startswith("quotex/") for agent in site.agents)


def test_fetch_retries_a_server_error_once() -> None:
    with serve({"/flaky": Answer(b"ok", failures=1)}) as site:
        assert fetch(site.url("/flaky")).data == b"ok"
    assert site.hits["/flaky"] == 2
    with serve({"/down": Answer(b"ok", failures=5)}) as site:
        with pytest.raises(FetchError, match=r"503.*try again later \(tried twice\)"):
            fetch(site.url("/down"))
    assert site.hits["/down"] == 2


def test_fetch_404_is_not_retried() -> None:
    with serve({}) as site:
        with pytest.raises(FetchError, match="HTTP 404 Not Found; check the address"):
            fetch(site.url("/gone"))
    assert site.hits["/gone"] == 1


def test_fetch_refuses_over_max_bytes_by_length_and_while_reading() -> None:
    big = b"<html>" + b"x" * 5000
    routes = {"/declared": Answer(big), "/undeclared": Answer(big, length=-1)}
    with serve(routes) as site:
        with pytest.raises(FetchError, match="5,006 bytes, more than --max-bytes 1,000"):
            fetch(site.url("/declared"), max_bytes=1000)
        with pytest.raises(FetchError, match="over 1,000 bytes"):
            fetch(site.url("/undeclared"), max_bytes=1000)


def test_fetch_times_out_and_says_so() -> None:
    with serve({"/slow": Answer(b"late", delay=1.0)}) as site:
        with pytest.raises(FetchError, match=r"no answer within 0\.2 s"):
            fetch(site.url("/slow"), timeout=0.2)


def test_fetch_refuses_redirect_to_other_schemes() -> None:
    with serve({"/ftp": Answer(status=302, location="ftp://files.example/a.txt")}) as site:
        with pytest.raises(FetchError, match="not an http"):
            fetch(site.url("/ftp"))


def test_fetch_unreachable_port_is_a_connection_error() -> None:
    with serve({}) as site:
        base = site.base
    with pytest.raises(FetchError, match="cannot connect"):
        fetch(base + "/", timeout=2)


def test_read_urls_by_content_type() -> None:
    routes = {
        "/page": Answer(TINY_PAGE.encode()),
        "/plain": Answer(b"Plain \xe2\x80\x9ctext\xe2\x80\x9d.", content_type="text/plain"),
        "/doc.pdf": Answer(b"%PDF-1.4", content_type="application/pdf"),
        "/pic": Answer(b"\x89PNG", content_type="image/png"),
        "/untyped": Answer(TINY_PAGE.encode(), content_type=None),
    }
    with serve(routes) as site:
        names = ["/page", "/plain", "/doc.pdf", "/pic", "/missing", "/untyped"]
        page, plain, pdf, png, missing, untyped = read([site.url(n) for n in names])
    assert page.text.startswith("“We will not retreat") and page.meta["url"] == site.url("/page")
    assert (
        plain.text == "Plain “text”."
        and plain.with_text
        and plain.meta == {"url": site.url("/plain")}
    )
    assert isinstance(pdf, ReadFailure) and "a PDF (application/pdf)" in pdf.message
    assert isinstance(png, ReadFailure) and "image/png content" in png.message
    assert isinstance(missing, ReadFailure) and missing.source == site.url("/missing")
    assert untyped.text == page.text
