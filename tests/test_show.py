"""`quotex show`, `quotex speakers` and `entities --where`: rendered output at 80 columns.

Rendering and escaping are tested on records built by hand; the seed article
(samples/nato-russia.txt) is run through the session pipeline for the summary numbers,
``in_quote`` and the commands as users meet them.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rich.console import Console
from rich.style import Style
from typer.testing import CliRunner

from quotex.cli import app
from quotex.extraction import extract
from quotex.records import DocResult, Entity, EntityMention, Mention, Quote
from quotex.render.article import article_text, show_view
from quotex.render.highlight import speaker_colours
from quotex.render.html import page_html
from quotex.render.tables import share_bar, speakers_table
from quotex.tally import summarize_speakers

SEED = Path(__file__).resolve().parent.parent / "samples" / "nato-russia.txt"
GOLD = Path(__file__).resolve().parent / "data" / "nato-russia.gold.json"
WIDTH = 80
ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*(?:38|48);")
# Unset what would make rich colour or not regardless of the test (None unsets in CliRunner).
PLAIN: dict[str, str | None] = {"FORCE_COLOR": None, "NO_COLOR": None, "TTY_COMPATIBLE": None}

TRICKY = (
    'Intro [bold]not bold[/bold] & <script>alert("x")</script>.\n\n'
    '“We will <b>win</b>,” Jo "The Boss" Smith said.\n'
    "Ann Lee said the plan was “good for Paris”.\n"
)


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def tricky_result() -> DocResult:
    """Two speakers, a direct and a mixed quote, entities inside and outside quotes."""
    t = TRICKY
    q1, sp1, cue1 = (
        _span(t, "We will <b>win</b>,"),
        _span(t, 'Jo "The Boss" Smith'),
        _span(t, "said."),
    )
    cue1 = (cue1[0], cue1[0] + 4)
    q2 = _span(t, "the plan was “good for Paris”")
    sp2 = _span(t, "Ann Lee")
    cue2 = (sp2[1] + 1, sp2[1] + 5)
    paris = _span(t, "Paris")
    quotes = (
        Quote(
            "q1",
            "direct",
            t[slice(*q1)],
            *q1,
            speaker='Jo "The Boss" Smith',
            speaker_mention=Mention(t[slice(*sp1)], *sp1),
            speaker_entity="e1",
            cue=Mention(t[slice(*cue1)], *cue1),
        ),
        Quote(
            "q2",
            "mixed",
            t[slice(*q2)],
            *q2,
            speaker="Ann Lee",
            speaker_mention=Mention(t[slice(*sp2)], *sp2),
            speaker_entity="e2",
            cue=Mention(t[slice(*cue2)], *cue2),
        ),
    )
    entities = (
        Entity("e1", 'Jo "The Boss" Smith', "PERSON", (EntityMention(t[slice(*sp1)], *sp1),)),
        Entity("e2", "Ann Lee", "PERSON", (EntityMention("Ann Lee", *sp2),)),
        Entity("e3", "Paris", "GPE", (EntityMention("Paris", *paris, in_quote=True),)),
    )
    return DocResult("tricky.txt", quotes, entities)


def console(**kwargs) -> Console:
    options = {
        "record": True,
        "width": WIDTH,
        "color_system": "truecolor",
        "force_terminal": True,
        "highlight": False,
    }
    return Console(**{**options, **kwargs})


def styles_of(text: str, part: str, renderable) -> list[Style]:
    """The styles rich renders the characters of ``part`` with (first occurrence)."""
    segments = list(console().render(renderable))
    plain = "".join(s.text for s in segments)
    start, end = _span(plain, part)
    found, position = [], 0
    for segment in segments:
        if position < end and start < position + len(segment.text) and segment.style:
            found.append(segment.style)
        position += len(segment.text)
    return found


# --- the terminal view -----------------------------------------------------------


def test_article_text_keeps_markup_and_line_breaks_as_written() -> None:
    c = console(color_system=None)
    c.print(article_text(TRICKY, tricky_result()))
    out = c.export_text()
    assert "[bold]not bold[/bold]" in out
    assert '<script>alert("x")</script>' in out
    assert out.startswith("Intro [bold]not bold[/bold]")
    assert "\n\n“We will <b>win</b>,”" in out


def test_article_text_colours_a_quote_by_its_speaker_in_italic() -> None:
    result = tricky_result()
    colours = speaker_colours(result)
    styles = styles_of(TRICKY, "We will <b>win</b>,", article_text(TRICKY, result))
    assert styles and all(s.italic for s in styles)
    assert {s.color.triplet.hex for s in styles} == {colours['Jo "The Boss" Smith']}
    mixed = styles_of(TRICKY, "the plan was", article_text(TRICKY, result))
    assert {s.color.triplet.hex for s in mixed} == {colours["Ann Lee"]}
    assert colours["Ann Lee"] != colours['Jo "The Boss" Smith']


def test_article_text_marks_speaker_bold_cue_underlined_entity_tinted() -> None:
    rendered = article_text(TRICKY, tricky_result())
    assert all(s.bold for s in styles_of(TRICKY, 'Jo "The Boss" Smith', rendered))
    assert all(s.bgcolor is not None for s in styles_of(TRICKY, "Ann Lee", rendered))
    (cue,) = styles_of(TRICKY, "said.", rendered)[:1]
    assert cue.underline
    paris = styles_of(TRICKY, "Paris", rendered)
    assert paris and all(s.bgcolor is not None and s.italic for s in paris)
    assert not any(s.bgcolor for s in styles_of(TRICKY, "Intro", rendered))


def test_show_view_fits_80_columns_and_lists_speakers() -> None:
    c = console(color_system=None)
    c.print(show_view(TRICKY, tricky_result()))
    lines = c.export_text().splitlines()
    assert max(len(line) for line in lines) <= WIDTH
    assert any(line.startswith("Speakers:") and 'Jo "The Boss" Smith' in line for line in lines)
    row = next(x for x in lines if x.lstrip().startswith("Ann Lee") and "PERSON" in x)
    assert row.split()[2:6] == ["PERSON", "0", "1", "0"]


def test_no_color_console_keeps_bold_and_underline_but_no_colour() -> None:
    stream = io.StringIO()
    console(no_color=True, record=False, file=stream).print(show_view(TRICKY, tricky_result()))
    out = stream.getvalue()
    assert not ANSI_COLOUR.search(out)
    assert "\x1b[1m" in out or "\x1b[1;" in out
    assert "[bold]not bold[/bold]" in out


@pytest.mark.parametrize(
    ("share", "bar"),
    [
        (0.0, " " * 10),
        (1.0, "█" * 10),
        (0.5, "█████     "),
        (0.4375, "████▍     "),
    ],
)
def test_share_bar_in_eighths(share: float, bar: str) -> None:
    assert share_bar(share).plain == bar


def test_speakers_table_fits_80_columns_with_shares() -> None:
    result = tricky_result()
    c = console(color_system=None)
    c.print(speakers_table(summarize_speakers([result, result]), 2))
    lines = c.export_text().splitlines()
    assert max(len(line) for line in lines) <= WIDTH
    row = next(line for line in lines if "Ann Lee" in line)
    assert row.split()[2:8] == ["PERSON", "2", "0", "2", "0", "50.0%"]
    assert "█████" in row


# --- the HTML page ---------------------------------------------------------------


class _Page(HTMLParser):
    """Checks that tags nest, collects the article text and the quote titles."""

    VOID = {"meta", "br"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: set[str] = set()
        self.in_text = 0
        self.text: list[str] = []
        self.titles: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attrs = dict(attrs)
        self.tags.add(tag)
        if tag not in self.VOID:
            self.stack.append(tag)
            if self.in_text or attrs.get("class") == "text":
                self.in_text += 1
        if "data-quote" in attrs:
            self.titles.append(attrs["title"])

    def handle_endtag(self, tag: str) -> None:
        assert self.stack.pop() == tag
        if self.in_text:
            self.in_text -= 1

    def handle_data(self, data: str) -> None:
        if self.in_text:
            self.text.append(data)


def test_page_html_escapes_text_and_titles_and_keeps_the_article() -> None:
    page = page_html([(TRICKY, tricky_result())], title="<t>")
    assert "<script>" not in page and "<b>win" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert 'title="direct quote by Jo &quot;The Boss&quot; Smith (cue: said)"' in page
    parser = _Page()
    parser.feed(page)
    assert parser.stack == []
    assert "".join(parser.text) == TRICKY
    assert parser.titles == [
        'direct quote by Jo "The Boss" Smith (cue: said)',
        "mixed quote by Ann Lee (cue: said)",
    ]


def test_page_html_is_self_contained() -> None:
    page = page_html([(TRICKY, tricky_result())])
    parser = _Page()
    parser.feed(page)
    assert parser.tags.isdisjoint({"script", "link", "img", "iframe"})
    assert "http" not in page and "url(" not in page
    assert "<style>" in page and "white-space: pre-wrap" in page


# --- the seed article through the pipeline -----------------------------------------


@pytest.fixture(scope="module")
def seed(nlp) -> tuple[str, DocResult]:
    text = SEED.read_text(encoding="utf-8")
    return text, extract(text, nlp, doc_id="nato-russia.txt")


def _gold_direct_and_mixed() -> dict[str, int]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    counts: dict[str, int] = {}
    for q in gold["quotes"]:
        if q["type"] in ("direct", "mixed") and not q["optional"]:
            counts[q["speaker_resolved"]] = counts.get(q["speaker_resolved"], 0) + 1
    return counts


@pytest.mark.model
def test_seed_speaker_summary_matches_gold_direct_and_mixed(seed) -> None:
    _, result = seed
    rows = {row.speaker: row for row in summarize_speakers([result])}
    gold = _gold_direct_and_mixed()
    assert gold["Vladimir Putin"] >= 4
    for speaker, count in gold.items():
        assert rows[speaker].by_type["direct"] + rows[speaker].by_type["mixed"] == count
    assert rows["Vladimir Putin"].label == "PERSON"
    assert rows["Vladimir Putin"].quotes == max(r.quotes for r in rows.values())


@pytest.mark.model
def test_seed_show_summary_row_for_putin(seed) -> None:
    text, result = seed
    c = console(color_system=None)
    c.print(show_view(text, result))
    lines = c.export_text().splitlines()
    assert max(len(line) for line in lines) <= WIDTH
    (row,) = [r for r in summarize_speakers([result]) if r.speaker == "Vladimir Putin"]
    line = next(x for x in lines if x.lstrip().startswith("Vladimir Putin") and "PERSON" in x)
    assert line.split()[2:6] == [
        "PERSON",
        *(str(row.by_type[k]) for k in ("direct", "mixed", "indirect")),
    ]


def _marked_regions(text: str, result: DocResult) -> list[tuple[int, int]]:
    """Someone's words: direct quotes, and what lies between the marks of mixed quotes."""
    regions = [(q.start, q.end) for q in result.quotes if q.type == "direct"]
    for q in (q for q in result.quotes if q.type == "mixed"):
        for match in re.finditer(r"[“\"][^”\"]*[”\"]?", text[q.start : q.end]):
            regions.append((q.start + match.start(), q.start + match.end()))
    return regions


@pytest.mark.model
def test_seed_in_quote_is_true_exactly_inside_someones_words(seed) -> None:
    text, result = seed
    regions = _marked_regions(text, result)
    mentions = [(e.name, m) for e in result.entities for m in e.mentions]
    for name, m in mentions:
        inside = any(a <= m.start and m.end <= b for a, b in regions)
        assert m.in_quote is inside, (name, m)
    quoted = {(name, m.start) for name, m in mentions if m.in_quote}
    assert ("US State Department", text.index("US State Department")) in quoted
    assert ("Russia", text.index("Russia an enemy")) in quoted
    # the mixed quote's own words, outside its marks, are the reporter's
    assert ("Russia", text.index("Russia on the defence")) not in quoted


# --- the commands --------------------------------------------------------------------


@pytest.fixture
def runner(nlp, monkeypatch) -> CliRunner:
    """A runner whose commands reuse the session pipeline instead of loading their own."""
    monkeypatch.setattr("quotex.pipeline.load_nlp", lambda model=None, **_: nlp)
    return CliRunner()


@pytest.mark.model
def test_cli_show_prints_article_legend_and_summary(runner) -> None:
    result = runner.invoke(app, ["show", str(SEED)], env={**PLAIN, "COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "“On missile defence, we do not agree yet,”" in out
    assert "Speakers:" in out and "Vladimir Putin" in out
    assert max(len(line) for line in out.splitlines()) <= WIDTH
    assert not ANSI_COLOUR.search(out)


@pytest.mark.model
@pytest.mark.parametrize(
    ("env", "args", "coloured"),
    [
        ({}, [], True),
        ({"NO_COLOR": "1"}, [], False),
        ({}, ["--no-color"], False),
    ],
)
def test_cli_show_colours_unless_no_color(runner, env, args, coloured) -> None:
    env = {**PLAIN, "FORCE_COLOR": "1", "COLORTERM": "truecolor", "COLUMNS": "80", **env}
    result = runner.invoke(app, ["show", "-", *args], input=TRICKY, env=env)
    assert result.exit_code == 0, result.output
    assert bool(ANSI_COLOUR.search(result.stdout)) is coloured
    assert "[bold]not bold[/bold]" in result.stdout


@pytest.mark.model
def test_cli_show_html_writes_one_page(runner, tmp_path) -> None:
    target = tmp_path / "article.html"
    result = runner.invoke(app, ["show", str(SEED), "-o", str(target)])
    assert result.exit_code == 0, result.output
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert 'title="direct quote by Vladimir Putin (cue: said)"' in page
    assert result.stdout == ""


@pytest.mark.model
def test_cli_show_refuses_terminal_format_to_a_file(runner, tmp_path) -> None:
    result = runner.invoke(
        app, ["show", str(SEED), "-f", "terminal", "-o", str(tmp_path / "x.txt")]
    )
    assert result.exit_code == 2
    assert "--format html" in result.stderr


@pytest.mark.model
def test_cli_speakers_csv_to_a_file(runner, tmp_path) -> None:
    target = tmp_path / "speakers.csv"
    result = runner.invoke(app, ["speakers", str(SEED), "--format", "csv", "-o", str(target)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert rows[0]["speaker"] == "Vladimir Putin" and rows[0]["label"] == "PERSON"
    assert int(rows[0]["direct"]) + int(rows[0]["mixed"]) == 4
    assert sum(float(r["share"]) for r in rows) == pytest.approx(1.0, abs=1e-3)


@pytest.mark.model
def test_cli_speakers_json_over_two_documents(runner) -> None:
    result = runner.invoke(
        app,
        ["speakers", str(SEED), "-", "--format", "json"],
        input=SEED.read_text(encoding="utf-8"),
    )
    assert result.exit_code == 0, result.output
    putin = json.loads(result.stdout)[0]
    assert (putin["speaker"], putin["documents"]) == ("Vladimir Putin", 2)


@pytest.mark.model
def test_cli_speakers_table_has_bars(runner) -> None:
    result = runner.invoke(app, ["speakers", str(SEED), "--format", "table"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    line = next(x for x in result.stdout.splitlines() if "Vladimir Putin" in x)
    assert "%" in line and "█" in line


@pytest.mark.model
@pytest.mark.parametrize(("where", "in_quote"), [("in-quote", True), ("outside", False)])
def test_cli_entities_where_filters_mentions(runner, where, in_quote) -> None:
    result = runner.invoke(app, ["entities", str(SEED), "--where", where, "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    mentions = [m for e in record["entities"] for m in e["mentions"]]
    assert mentions and all(m["in_quote"] is in_quote for m in mentions)


@pytest.mark.model
def test_cli_quotes_refuses_where(runner) -> None:
    result = runner.invoke(app, ["quotes", str(SEED), "--where", "in-quote"])
    assert result.exit_code == 2
    assert "--where" in result.stderr


@pytest.mark.parametrize("command", ["show", "speakers"])
def test_new_commands_have_help(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: quotex" in result.stdout


@pytest.mark.model
@pytest.mark.parametrize(("lines", "paged"), [("20", [True]), ("500", [])])
def test_cli_show_pager_pages_only_articles_longer_than_the_terminal(
    runner, monkeypatch, lines, paged
) -> None:
    calls: list[bool] = []

    @contextlib.contextmanager
    def pager(self, pager=None, styles=False, links=False):
        calls.append(styles)
        yield

    monkeypatch.setattr(Console, "pager", pager)
    env = {**PLAIN, "FORCE_COLOR": "1", "COLUMNS": "80", "LINES": lines}
    result = runner.invoke(app, ["show", str(SEED), "--pager"], env=env)
    assert result.exit_code == 0, result.output
    assert calls == paged
    assert "Vladimir Putin" in result.stdout


def test_show_view_of_a_document_without_quotes_says_so() -> None:
    text = "No quotes [red]here[/red]."
    c = console(color_system=None)
    c.print(show_view(text, DocResult("plain.txt")))
    out = c.export_text()
    assert "No quotes [red]here[/red].\n\nSpeakers: none" in out
    assert "No quotes found." in out


# --- CRLF and other characters rich drops -----------------------------------------------

BREAKS_LF = "Intro line.\n\n“We will win,” Jo Smith said.\nAnn Lee said “no” to Paris.\n"


def _marked_result(text: str) -> DocResult:
    """A direct quote with speaker and cue, a second quote, an entity: offsets into ``text``."""

    def at(part: str, after: int = 0) -> Mention:
        start = text.index(part, after)
        return Mention(part, start, start + len(part))

    q1, jo, said = at("We will win,"), at("Jo Smith"), at("said")
    q2, ann = at("no", text.index("“no")), at("Ann Lee")
    cue2 = at("said", ann.end)
    paris = at("Paris")
    return DocResult(
        "breaks",
        (
            Quote("q1", "direct", q1.text, q1.start, q1.end, "Jo Smith", jo, None, said),
            Quote("q2", "direct", q2.text, q2.start, q2.end, "Ann Lee", ann, None, cue2),
        ),
        (Entity("e1", "Paris", "GPE", (EntityMention("Paris", paris.start, paris.end),)),),
    )


def _styled_words(text: str) -> list[tuple[str, str]]:
    """(style, words) of every styled segment of the article as a console renders it."""
    console = Console(width=WIDTH, color_system="truecolor", force_terminal=True)
    article = article_text(text, _marked_result(text))
    return [
        (str(seg.style), seg.text.strip())
        for seg in console.render(article)
        if seg.style and seg.text.strip()
    ]


@pytest.mark.parametrize(
    "newline", ["\r\n", "\r", "\v", "\f"], ids=["crlf", "cr", "vertical-tab", "form-feed"]
)
def test_article_text_highlights_the_same_words_whatever_the_line_breaks(newline: str) -> None:
    expected = _styled_words(BREAKS_LF)
    assert ("underline", "said") in expected and any(w == "Paris" for _, w in expected)
    assert _styled_words(BREAKS_LF.replace("\n", newline)) == expected


def test_article_text_keeps_offsets_past_bell_and_backspace() -> None:
    text = BREAKS_LF.replace("Intro", "In\a\btro")
    article = article_text(text, _marked_result(text))
    assert len(article.plain) == len(text)
    cue = _marked_result(text).quotes[0].cue
    assert article.plain[cue.start : cue.end] == "said"


def test_speakers_past_the_palette_keep_colours_of_their_own() -> None:
    from quotex.render.highlight import SPEAKER_COLOURS, speaker_colour

    colours = [speaker_colour(n) for n in range(40)]
    assert colours[: len(SPEAKER_COLOURS)] == list(SPEAKER_COLOURS)
    assert len(set(colours)) == 40


def test_entity_tints_stay_apart_on_a_256_colour_terminal() -> None:
    from rich.color import Color, ColorSystem

    from quotex.render.highlight import LABEL_TINTS, OTHER_TINT

    tints = {v for k, v in LABEL_TINTS.items() if k != "LOC"} | {OTHER_TINT}  # LOC = GPE
    downgraded = {Color.parse(t).downgrade(ColorSystem.EIGHT_BIT).number for t in tints}
    assert len(downgraded) == len(tints)
