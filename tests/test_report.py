"""`quotex report`: the Report summed in SQL, the HTML page (charts, numbers, links,
escaping, self-contained), --by and --time month buckets, and the terminal tables.

The corpus is built by hand (people with their gender, an organisation, metadata) and
written to a store, so every number can be checked against a SQL count; the seed samples
go through the model once, marked ``model``.
"""

from __future__ import annotations

import sqlite3
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotex.cli import app
from quotex.io.store import StoreWriter
from quotex.records import DocResult, Entity, EntityMention, Mention, Quote
from quotex.render.report_html import report_html
from quotex.report import NO_DATE, NO_VALUE, Report
from tests.conftest import SAMPLES

HOSTILE = "<script>alert(1)</script>"
PLAIN: dict[str, str | None] = {"FORCE_COLOR": None, "NO_COLOR": None, "TTY_COMPATIBLE": None}


def _quote(n: int, speaker: str, entity: str | None, text: str = "we will win") -> Quote:
    return Quote(
        f"q{n}",
        "direct",
        text,
        n * 20,
        n * 20 + len(text),
        speaker=speaker,
        speaker_entity=entity,
        speaker_label="PERSON" if entity is None else None,
    )


def _person(eid: str, name: str, gender: str | None, *in_quote: bool) -> Entity:
    mentions = tuple(
        EntityMention(name, n, n + 3, flag) for n, flag in enumerate(in_quote or (False,))
    )
    return Entity(eid, name, "PERSON", mentions, gender, "title" if gender else "none")


LEE = _person("e1", "Ann Lee", "female", False, False)
STONE = _person("e2", "Bob Stone", "male", False)
NATO = Entity("e3", "NATO", "ORG", (EntityMention("NATO", 0, 4, True),))
PARIS = Entity("e4", "Paris", "GPE", (EntityMention("Paris", 5, 10, True),) * 2)
EVIL = _person("e5", HOSTILE, None, False)


def corpus() -> list[DocResult]:
    """Five documents: two outlets, dates in two months, one undated, a hostile id and name."""
    return [
        DocResult(
            "d1",
            (
                _quote(1, "Ann Lee", "e1"),
                _quote(2, "Ann Lee", "e1", "not now"),
                _quote(3, "Bob Stone", "e2"),
                _quote(4, "NATO", "e3", "it stays"),
            ),
            (LEE, STONE, NATO, PARIS),
            {"outlet": "Daily", "published": "2024-05-01"},
        ),
        DocResult(
            "d2",
            (_quote(1, "Bob Stone", "e2", "no comment at all"),),
            (STONE,),
            {"outlet": "Weekly", "published": "2024-05-30T10:00:00Z"},
        ),
        DocResult(
            "d3",
            (_quote(1, "Ann Lee", "e1"), _quote(2, "Chris Poe", None, "maybe")),
            (LEE,),
            {"outlet": "Weekly", "published": "2024-06-02"},
        ),
        DocResult(HOSTILE, (_quote(1, HOSTILE, "e5", HOSTILE),), (EVIL,), {"published": "soon"}),
        DocResult("d5", (), (), {"outlet": "Daily"}),
    ]


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.db"
    with StoreWriter(path) as writer:
        for result in corpus():
            writer.write(result)
    return path


def sql(path: Path, query: str) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute(query).fetchall()


class Page(HTMLParser):
    """What a test needs of the page: tags seen, charts' numbers, ids, links, attributes."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.values: dict[str, list[dict[str, str | None]]] = {}
        self.ids: set[str] = set()
        self.links: dict[str, list[str]] = {}
        self.text: list[str] = []
        self._chart: str | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append(tag)
        self.attrs += attrs
        if found.get("id"):
            self.ids.add(found["id"])
        if tag == "svg":
            self._chart = found["data-chart"]
            self.values[self._chart] = []
        elif self._chart and "data-value" in found:
            self.values[self._chart].append(found)
        elif self._chart and tag == "a":
            self.links.setdefault(self._chart, []).append(found["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self._chart = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def render(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["report", *args], env=PLAIN)
    return result.exit_code, result.stdout, result.stderr


# --- the Report --------------------------------------------------------------------------


def test_report_from_results_equals_the_report_of_their_store(store: Path) -> None:
    kwargs = {"by": "outlet", "time": "published"}
    assert Report.from_results(corpus(), **kwargs) == Report.from_store(store, **kwargs)


def test_report_counts_people_quotes_words_and_organisations(store: Path) -> None:
    report = Report.from_store(store)
    people = {s.name: (s.quotes, s.words, s.documents) for s in report.people}
    assert people == {
        "Ann Lee": (3, 8, 2),
        "Bob Stone": (2, 7, 2),
        "Chris Poe": (1, 1, 1),
        HOSTILE: (1, 1, 1),
    }
    assert [(s.name, s.quotes) for s in report.organisations] == [("NATO", 1)]
    assert (report.documents, report.quotes) == (5, 8)


def test_report_gender_shares_count_quotes_and_sources_of_people(store: Path) -> None:
    gender = Report.from_store(store).gender
    # Chris Poe has no entity: his gender comes from the first-name list, or stays unknown
    (poe,) = sql(store, "SELECT COALESCE(gender, 'unknown') FROM sources WHERE name = 'Chris Poe'")
    quotes = {"female": 3, "male": 2, "unknown": 1}
    sources = {"female": 2, "male": 2, "unknown": 1}
    quotes[poe[0]] += 1
    sources[poe[0]] += 1
    assert gender.quotes == quotes and gender.sources == sources


def test_report_by_field_groups_documents_and_names_those_without_it(store: Path) -> None:
    by = {s.group: (s.quotes, s.sources) for s in Report.from_store(store, by="outlet").by}
    assert set(by) == {"Daily", "Weekly", NO_VALUE}
    assert by["Daily"] == (
        {"female": 2, "male": 1, "unknown": 0},
        {"female": 1, "male": 1, "unknown": 0},
    )
    assert by[NO_VALUE][1]["unknown"] == 1  # the hostile document has no outlet


def test_report_time_buckets_iso_dates_by_month_in_order(store: Path) -> None:
    months = Report.from_store(store, time="published").over_time
    assert [s.group for s in months] == ["2024-05", "2024-06", NO_DATE]
    may = months[0]
    assert (may.total_quotes, may.total_sources) == (4, 3)  # d1 (3 people quotes) and d2


def test_report_ranks_entities_inside_and_outside_quotes(store: Path) -> None:
    report = Report.from_store(store)
    inside = [(e.name, e.in_quote, e.outside) for e in report.entities_in_quotes]
    assert inside == [("Paris", 2, 0), ("NATO", 1, 0)]
    assert report.entities_outside[0].name == "Ann Lee"
    assert report.entities_outside[0].outside == 4  # two mentions in each of two documents


# --- the HTML page -----------------------------------------------------------------------


def test_report_page_charts_show_the_store_sql_counts(store: Path, tmp_path: Path) -> None:
    page_path = tmp_path / "report.html"
    code, stdout, stderr = render([str(store), "-o", str(page_path), "--by", "outlet"])
    assert code == 0, stderr
    assert stdout == ""
    page = Page(page_path.read_text(encoding="utf-8"))
    assert page.tags.count("svg") >= 6
    expected = sql(store, "SELECT SUM(quotes) FROM sources WHERE kind = 'person' GROUP BY name")
    shown = sorted(
        int(v["data-value"]) for v in page.values["people"] if v["data-series"] == "quotes"
    )
    assert shown == sorted(row[0] for row in expected)
    (women, sources) = sql(
        store,
        "SELECT SUM(gender = 'female'), COUNT(*) FROM sources WHERE kind = 'person'",
    )[0]
    (overall,) = page.values["gender-sources"]
    assert (int(overall["data-female"]), int(overall["data-value"])) == (women, sources)
    by = {v["data-group"]: int(v["data-value"]) for v in page.values["by-quotes"]}
    expected_by = sql(
        store,
        "SELECT COALESCE(d.outlet, '(none)'), SUM(s.quotes) FROM sources s "
        "JOIN documents d ON d.id = s.doc_id WHERE s.kind = 'person' GROUP BY 1",
    )
    assert by == dict(expected_by)


def test_report_page_links_each_speaker_bar_to_their_quotes(store: Path) -> None:
    text = report_html(Report.from_store(store))
    page = Page(text)
    links = page.links["people"]
    assert len(links) == 4 and all(link.startswith("#") for link in links)
    assert {link[1:] for link in links} <= page.ids
    lee = text[text.index('<section id="speaker-1"') :].split("</section>")[0]
    assert "Ann Lee" in lee and lee.count("<li>") == 3 and "not now" in lee


def test_report_page_escapes_every_text_and_is_self_contained(store: Path) -> None:
    text = report_html(Report.from_store(store, by="outlet", time="published"))
    page = Page(text)
    assert HOSTILE not in text
    assert "script" not in page.tags
    assert HOSTILE in "".join(page.text)  # shown, as text
    assert not any(name in {"src", "srcset"} for name, _ in page.attrs)
    assert not any(tag in {"link", "img", "iframe", "object"} for tag in page.tags)
    hrefs = [value for name, value in page.attrs if name == "href"]
    assert hrefs and all(value.startswith("#") for value in hrefs)
    assert "http://" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in text


def test_report_page_has_month_buckets_for_time(store: Path, tmp_path: Path) -> None:
    page_path = tmp_path / "report.html"
    code, _, stderr = render([str(store), "-o", str(page_path), "--time", "published"])
    assert code == 0, stderr
    page = Page(page_path.read_text(encoding="utf-8"))
    groups = [v["data-group"] for v in page.values["time-sources"]]
    assert groups == ["2024-05", "2024-06", NO_DATE]


# --- the command -------------------------------------------------------------------------


def test_report_terminal_tables_show_the_summary_safely(store: Path) -> None:
    code, stdout, stderr = render([str(store), "--by", "outlet", "--time", "published"])
    assert code == 0, stderr
    for heading in ("Most quoted people", "By outlet", "By month (published)", "2024-06"):
        assert heading in stdout
    assert "Ann Lee" in stdout and "█" in stdout
    assert "\x1b" not in stdout


def test_report_terminal_gender_tables_fit_80_columns_with_a_long_group_name(
    tmp_path: Path,
) -> None:
    # every count and share stays whole at 80 columns; before, one table held both
    # measures and rich cut it to "corp…", "women (quote…" and "…" in place of counts
    outlet = "The Very Long Name Of A Regional Newspaper Group"
    results = [DocResult(d.id, d.quotes, d.entities, {"outlet": outlet}) for d in corpus()]
    path = tmp_path / "long.db"
    with StoreWriter(path) as writer:
        for result in results:
            writer.write(result)
    env = PLAIN | {"COLUMNS": "80"}
    result = CliRunner().invoke(app, ["report", str(path), "--by", "outlet"], env=env)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    tables = result.stdout.split("By outlet: women among ")[1:]
    assert [t.split("\n")[0].strip() for t in tables] == ["quotes", "sources (people quoted)"]
    # quotes of people: Ann Lee (female) 3, Bob Stone (male) 2, Chris Poe and the hostile
    # name (unknown) 2; sources once per document: Ann Lee 2, Bob Stone 2, unknown 2
    rows = [next(line for line in t.splitlines() if "%" in line) for t in tables]
    assert rows[0].split()[-5] == "43%" and rows[0].split()[-3:] == ["3", "2", "2"]
    assert rows[1].split()[-5] == "33%" and rows[1].split()[-3:] == ["2", "2", "2"]
    assert all(row.startswith(" The Very Long Name Of A") and "…" in row for row in rows)
    assert all("female   male   unknown" in t for t in tables)


def test_report_unknown_field_is_a_usage_error_naming_the_fields(store: Path) -> None:
    code, stdout, stderr = render([str(store), "--by", "desk"])
    assert code == 2
    assert "'desk'" in stderr and "outlet, published" in stderr
    assert stdout == ""


def test_report_refuses_a_store_as_its_output(store: Path, tmp_path: Path) -> None:
    code, _, stderr = render([str(store), "-o", str(tmp_path / "out.db")])
    assert code == 2 and "HTML" in stderr
    assert not (tmp_path / "out.db").exists()


@pytest.mark.model
def test_report_of_a_folder_equals_the_report_of_its_store(tmp_path: Path) -> None:
    store = tmp_path / "samples.db"
    extracted = CliRunner().invoke(app, ["extract", str(SAMPLES), "-o", str(store), "-q"])
    assert extracted.exit_code == 0, extracted.stderr
    from_folder, from_store = tmp_path / "a.html", tmp_path / "b.html"
    assert render([str(SAMPLES), "-o", str(from_folder), "-q"])[0] == 0
    assert render([str(store), "-o", str(from_store)])[0] == 0
    text = from_folder.read_text(encoding="utf-8")
    assert text == from_store.read_text(encoding="utf-8")
    page = Page(text)
    ((quotes,),) = sql(store, "SELECT COUNT(*) FROM quotes")
    assert f"{quotes} quotes" in text and page.values["people"]


def test_report_gives_each_person_of_a_joint_speaker_their_quotes_and_words() -> None:
    joint = Quote(
        "q1",
        "direct",
        "we will win now",
        20,
        35,
        speaker="Ann Lee and Bob Stone",
        speaker_label="PERSON",
        speaker_rule="people named together",
    )
    report = Report.from_results([DocResult("d1", (joint,), (LEE, STONE))])
    people = {s.name: (s.quotes, s.words, s.documents) for s in report.people}
    assert people == {"Ann Lee": (1, 4, 1), "Bob Stone": (1, 4, 1)}
    assert report.gender.total_quotes == 2


def test_report_counts_a_person_named_with_and_without_a_middle_initial_once(
    tmp_path: Path,
) -> None:
    # middle_names_across_documents: "Donald J. Trump" in one article, "Donald Trump" in two
    def trump(doc_id: str, name: str, quotes: int) -> DocResult:
        said = tuple(_quote(n, name, "e1", "big win") for n in range(1, quotes + 1))
        return DocResult(doc_id, said, (_person("e1", name, "male", False),))

    path = tmp_path / "trump.db"
    with StoreWriter(path) as writer:
        for result in (trump("a", "Donald J. Trump", 1), trump("b", "Donald Trump", 2)):
            writer.write(result)
        writer.write(trump("c", "Donald Trump", 1))
    report = Report.from_store(path)
    assert [(s.name, s.quotes, s.words, s.documents) for s in report.people] == [
        ("Donald Trump", 4, 8, 3)
    ]
    assert sql(path, "SELECT COUNT(*) FROM quotes") == [(4,)]
    assert len(report.speaker_quotes[report.people[0].anchor]) == 4
    assert [(e.name, e.in_quote, e.outside) for e in report.entities_outside] == [
        ("Donald Trump", 0, 3)
    ]


def _co_speakers_document() -> DocResult:
    """ "Ann Lee and Bob Stone said": Lee speaks, Stone is named with her."""
    text = "we will win now"
    said = Quote(
        "q1",
        "direct",
        text,
        0,
        len(text),
        speaker="Ann Lee",
        speaker_entity="e1",
        speaker_mention=Mention("Ann Lee and Bob Stone", 20, 41),
    )
    lee = Entity("e1", "Ann Lee", "PERSON", (EntityMention("Ann Lee", 20, 27, False),))
    stone = Entity("e2", "Bob Stone", "PERSON", (EntityMention("Bob Stone", 32, 41, False),))
    return DocResult("d1", (said,), (lee, stone))


def test_report_joins_a_quote_to_the_people_named_with_its_speaker(tmp_path: Path) -> None:
    result = _co_speakers_document()
    assert [s.name for s in result.sources] == ["Bob Stone", "Ann Lee"]  # both quoted
    report = Report.from_results([result])
    people = {s.name: (s.quotes, s.words) for s in report.people}
    assert people == {"Ann Lee": (1, 4), "Bob Stone": (1, 4)}
    lines = {s.name: report.speaker_quotes[s.anchor] for s in report.people}
    assert [q.text for q in lines["Bob Stone"]] == ["we will win now"]
    path = tmp_path / "joint.db"
    with StoreWriter(path) as writer:
        writer.write(result)
    assert sorted(sql(path, "SELECT quote_id, kind, name FROM quote_sources")) == [
        ("q1", "person", "Ann Lee"),
        ("q1", "person", "Bob Stone"),
    ]


def test_report_reads_a_store_written_before_quote_sources(tmp_path: Path) -> None:
    path = tmp_path / "format2.db"
    with StoreWriter(path) as writer:
        writer.write(_co_speakers_document())
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE quote_sources")
    people = {s.name: (s.quotes, s.words) for s in Report.from_store(path).people}
    # format 2 joins a quote to its speaker only: Stone's quote counts, its words do not
    assert people == {"Ann Lee": (1, 4), "Bob Stone": (1, 0)}


def test_report_of_a_corpus_quoting_nobody_has_empty_groups(tmp_path: Path) -> None:
    report = Report.from_results(
        [DocResult("d1", (), (), {"outlet": "Daily", "published": "2024-01-01"})],
        by="outlet",
        time="published",
    )
    assert report.gender.total_quotes == 0 and report.gender.group == "all"
    assert report.by == () and report.over_time == () and report.people == ()
    assert "0 quotes" in report_html(report)


def test_report_terminal_shows_control_characters_in_names_as_stand_ins(tmp_path: Path) -> None:
    name = "Eve\x1b]0;pwned\x07 Doe"
    store = tmp_path / "evil.db"
    with StoreWriter(store) as writer:
        writer.write(DocResult("d1", (_quote(1, name, "e1"),), (_person("e1", name, None),)))
    code, stdout, stderr = render([str(store)])
    assert code == 0, stderr
    assert "Eve" in stdout and "Doe" in stdout
    assert "\x1b" not in stdout and "\x07" not in stdout


def test_report_refuses_a_store_without_the_sources_table(store: Path) -> None:
    with sqlite3.connect(store) as db:
        db.execute("DROP TABLE sources")
    code, stdout, stderr = render([str(store)])
    assert code == 1
    assert "no sources table" in stderr and "--overwrite" in stderr
    assert stdout == ""
