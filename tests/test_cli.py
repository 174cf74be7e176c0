"""The CLI as users meet it: every command, format, and error path."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from quotex.cli import app
from tests.conftest import GOLD, SAMPLES

SEED = str(SAMPLES / "nato-russia.txt")
COMMANDS = ["extract", "quotes", "entities", "sources", "eval", "show", "speakers", "report"]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_has_help_with_an_example(runner, command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: quotex" in result.stdout


def test_cli_help_does_not_import_spacy() -> None:
    code = "import sys, quotex.cli; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_cli_python_dash_m_runs() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "quotex", "--help"], capture_output=True, text=True, check=True
    )
    assert "extract" in out.stdout and "quotes" in out.stdout


@pytest.mark.model
def test_cli_extract_jsonl_follows_the_output_contract(runner) -> None:
    result = runner.invoke(app, ["extract", SEED, "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    (line,) = result.stdout.splitlines()
    record = json.loads(line)
    assert set(record) == {"id", "quotes", "entities", "sources", "organisations"}
    text = (SAMPLES / "nato-russia.txt").read_text(encoding="utf-8")
    for quote in record["quotes"]:
        assert set(quote) == {
            "id",
            "type",
            "text",
            "start",
            "end",
            "speaker",
            "speaker_mention",
            "speaker_entity",
            "cue",
            "speaker_label",
            "speaker_rule",
            "confidence",
        }
        assert quote["type"] in ("direct", "mixed", "indirect")
        assert text[quote["start"] : quote["end"]] == quote["text"]
        entity_ids = {e["id"] for e in record["entities"]}
        assert quote["speaker_entity"] is None or quote["speaker_entity"] in entity_ids


@pytest.mark.model
def test_cli_reads_stdin_when_no_input_is_given(runner) -> None:
    text = "“We will not retreat,” Jan Kamp said."
    result = runner.invoke(app, ["quotes", "--format", "json"], input=text)
    assert result.exit_code == 0, result.stderr
    (record,) = json.loads(result.stdout)
    assert record["id"] == "stdin"
    assert record["quotes"][0]["speaker"] == "Jan Kamp"


@pytest.mark.model
def test_cli_quotes_csv_has_one_row_per_quote(runner) -> None:
    jsonl = runner.invoke(app, ["quotes", SEED, "--format", "jsonl"]).stdout
    quotes = json.loads(jsonl)["quotes"]
    result = runner.invoke(app, ["quotes", SEED, "--format", "csv"])
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][:3] == ["doc_id", "quote_id", "type"]
    assert len(rows) - 1 == len(quotes)


@pytest.mark.model
def test_cli_entities_csv_has_one_row_per_entity(runner) -> None:
    result = runner.invoke(app, ["entities", SEED, "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    putin = [r for r in rows if r["name"] == "Vladimir Putin"]
    assert len(putin) == 1 and putin[0]["label"] == "PERSON"


@pytest.mark.model
def test_cli_sources_csv_lists_the_gold_sources_with_gender(runner) -> None:
    gold = json.loads((GOLD / "multi-paragraph.gold.json").read_text(encoding="utf-8"))
    sample = str(SAMPLES / "multi-paragraph.txt")
    result = runner.invoke(app, ["sources", sample, "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    people = {r["name"]: r["gender"] for r in rows if r["kind"] == "person"}
    expected = {
        name: gender for gender in ("female", "male") for name in gold["sources_gender"][gender]
    }
    assert people == expected
    assert all(int(r["quotes"]) >= 1 and r["doc_id"].endswith("multi-paragraph.txt") for r in rows)


@pytest.mark.model
def test_cli_sources_json_keeps_sources_and_organisations_only(runner) -> None:
    record = json.loads(runner.invoke(app, ["sources", SEED, "--format", "jsonl"]).stdout)
    assert set(record) == {"id", "sources", "organisations"}
    assert "Vladimir Putin" in {s["name"] for s in record["sources"]}
    assert "NATO" in {o["name"] for o in record["organisations"]}


def test_cli_sources_refuses_where(runner) -> None:
    result = runner.invoke(app, ["sources", SEED, "--where", "in-quote"])
    assert result.exit_code == 2
    assert "--where" in result.stderr


@pytest.mark.model
@pytest.mark.parametrize("command", ["quotes", "entities", "sources"])
def test_cli_table_format_prints_a_table(runner, command: str) -> None:
    result = runner.invoke(app, [command, SEED, "--format", "table"])
    assert result.exit_code == 0
    assert "Putin" in result.stdout


@pytest.mark.model
def test_cli_output_file_is_written(runner, tmp_path) -> None:
    target = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", SEED, "-o", str(target)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["quotes"]


def test_cli_table_to_a_file_is_a_usage_error(runner, tmp_path) -> None:
    result = runner.invoke(
        app, ["quotes", SEED, "--format", "table", "-o", str(tmp_path / "x.txt")]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("quotex: ") and "Traceback" not in result.stderr


def test_cli_missing_model_exits_3_with_install_hint(runner) -> None:
    result = runner.invoke(app, ["quotes", SEED, "--model", "no_such_pipeline_xyz"])
    assert result.exit_code == 3
    assert "pip install" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_missing_file_exits_1(runner, tmp_path) -> None:
    result = runner.invoke(app, ["quotes", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr


@pytest.mark.model
def test_cli_eval_scores_the_seed_against_its_gold(runner) -> None:
    result = runner.invoke(app, ["eval", str(GOLD / "nato-russia.gold.json"), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    marked = report["quotes"]["lenient"]["direct+mixed"]
    assert marked["recall"] == 1.0 and marked["precision"] == 1.0
    assert report["quotes"]["speaker"]["direct+mixed"]["accuracy"] == 1.0


@pytest.mark.model
def test_cli_eval_details_list_misses(runner, tmp_path) -> None:
    text = "The sky is blue today."
    gold = {
        "id": "d1",
        "text": text,
        "quotes": [
            {
                "quote": "sky is blue",
                "quote_start": 4,
                "quote_end": 15,
                "type": "indirect",
                "speaker": None,
                "speaker_start": None,
                "speaker_end": None,
                "cue": None,
                "cue_start": None,
                "cue_end": None,
            }
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(path), "--details"])
    assert result.exit_code == 0, result.stderr
    assert "miss:" in result.stdout and "sky is blue" in result.stdout


@pytest.mark.model
def test_cli_eval_details_list_sources_missed_or_wrong_by_gender(session_runner, tmp_path) -> None:
    text = "“We are full,” said Ms. Lee on Monday."
    gold = {"id": "d1", "text": text, "sources_gender": {"female": [], "male": ["Lee"]}}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    result = session_runner.invoke(app, ["eval", str(path), "--details", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    details = json.loads(result.stdout)["details"][0]
    assert details["gender_misses"] == [
        {"kind": "sources", "name": "Lee", "gender": "male", "quotex": "female"}
    ]
    assert details["gender_false"] == [
        {"kind": "sources", "name": "Lee", "gender": "female", "gold": "male"}
    ]
    table = session_runner.invoke(app, ["eval", str(path), "--details"]).stdout
    assert '  gender_miss: {"kind": "sources", "name": "Lee"' in table


def test_cli_eval_missing_gold_is_an_error(runner, tmp_path) -> None:
    result = runner.invoke(app, ["eval", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 1
    assert "none.jsonl" in result.stderr


# --- user text is printed as it is, never read as rich markup or emoji codes ------------

MARKUP_ID = "wire[/b] story :thumbs_up: [bold]x[/bold]"
MARKUP_NAME = "wire [bold]story[red] :thumbs_up:"  # a file name: no closing tags, no "/"


def test_echo_prints_markup_and_emoji_codes_literally() -> None:
    from rich.console import Console

    from quotex.cli.console import echo

    console = Console(file=io.StringIO(), width=120, color_system=None)
    echo(console, MARKUP_ID)
    assert console.file.getvalue() == MARKUP_ID + "\n"


def test_cli_error_names_a_file_with_markup_as_it_is(runner, tmp_path) -> None:
    result = runner.invoke(app, ["quotes", str(tmp_path / f"{MARKUP_NAME}.txt")])
    assert result.exit_code == 1
    assert f"{MARKUP_NAME}.txt" in result.stderr


@pytest.fixture
def session_runner(nlp, monkeypatch) -> CliRunner:
    """A runner whose commands reuse the session pipeline instead of loading their own."""
    monkeypatch.setattr("quotex.pipeline.load_nlp", lambda model=None, **_: nlp)
    return CliRunner()


@pytest.fixture
def markup_file(tmp_path):
    path = tmp_path / f"{MARKUP_NAME}.txt"
    path.write_text("“We will not retreat,” Jan Kamp said.", encoding="utf-8")
    return path


@pytest.mark.model
def test_cli_table_title_shows_a_file_name_with_markup(session_runner, markup_file) -> None:
    result = session_runner.invoke(
        app, ["quotes", str(markup_file), "--format", "table"], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.stderr
    assert f"{MARKUP_NAME}.txt: 1 quotes" in result.stdout


@pytest.mark.model
def test_cli_show_title_shows_a_file_name_with_markup(session_runner, markup_file) -> None:
    result = session_runner.invoke(app, ["show", str(markup_file)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert f"{MARKUP_NAME}.txt" in result.stdout


@pytest.mark.model
def test_cli_read_failure_names_a_file_with_markup(session_runner, markup_file) -> None:
    markup_file.write_bytes(b"x\x00y")
    result = session_runner.invoke(app, ["quotes", str(markup_file), "--format", "jsonl"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"quotex: {markup_file}: contains NUL bytes")
    assert f"failed ({markup_file})" in result.stderr


@pytest.mark.model
def test_cli_eval_details_print_a_document_id_with_markup(session_runner, tmp_path) -> None:
    text = "The sky is blue today."
    gold = {"id": MARKUP_ID, "text": text, "quotes": [], "entities": []}
    gold["quotes"].append(
        {"quote": "sky is blue", "quote_start": 4, "quote_end": 15, "type": "indirect"}
    )
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    result = session_runner.invoke(app, ["eval", str(path), "--details"])
    assert result.exit_code == 0, result.stderr
    assert f"\n{MARKUP_ID}\n  miss: " in result.stdout


def test_eval_table_shows_a_gold_label_with_markup() -> None:
    from rich.console import Console

    from quotex.eval import Score
    from quotex.render.tables import eval_table

    score = Score(1, 1, 1, 1).to_dict()
    report = {
        "documents": 1,
        "entities": {"span": score, "typed": score, "by_label": {"[/b]X": score}},
    }
    console = Console(file=io.StringIO(), width=120, color_system=None)
    console.print(eval_table(report))
    assert "entities [/b]X" in console.file.getvalue()


@pytest.mark.model
def test_cli_cues_file_adds_reporting_verbs(tmp_path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Jan Kamp squawked that the plan had failed.\n", encoding="utf-8")
    cues = tmp_path / "cues.txt"
    cues.write_text("# house verbs\nsquawk\n", encoding="utf-8")
    runner = CliRunner()
    without = runner.invoke(app, ["quotes", str(article), "--format", "jsonl"])
    with_cues = runner.invoke(
        app, ["quotes", str(article), "--format", "jsonl", "--cues", str(cues)]
    )
    assert without.exit_code == 0 and json.loads(without.stdout)["quotes"] == []
    assert with_cues.exit_code == 0, with_cues.stderr
    quote = json.loads(with_cues.stdout)["quotes"][0]
    assert (quote["cue"]["text"], quote["speaker"]) == ("squawked", "Jan Kamp")
    missing = runner.invoke(app, ["quotes", str(article), "--cues", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1 and "cue file" in missing.stderr


# --- a CLI that feels finished (issue 15) -------------------------------------------------


def test_cli_version_and_short_help(runner) -> None:
    from quotex import __version__

    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0 and version.stdout == f"quotex {__version__}\n"
    short = runner.invoke(app, ["quotes", "-h"])
    assert short.exit_code == 0 and "quotes [OPTIONS] [PATH]..." in short.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_help_names_values_not_python_types(runner, command: str) -> None:
    text = runner.invoke(app, [command, "--help"]).stdout
    for python_type in ("<str>", "<list[str]>", "<int range>", "<path>", "<int>"):
        assert python_type not in text


def test_cli_dask_options_have_their_own_heading(runner) -> None:
    text = runner.invoke(app, ["extract", "--help"]).stdout
    general, dask = text.split("\nDask engine:\n")
    assert "--scheduler URL" in dask and "--partition-size N" in dask
    assert "--scheduler" not in general and "--jobs N" in general
    assert "--scheduler" not in runner.invoke(app, ["speakers", "--help"]).stdout


@pytest.mark.parametrize("command", ["quotes", "speakers", "show"])
def test_cli_terminal_without_input_gets_a_hint_not_a_wait(runner, monkeypatch, command) -> None:
    monkeypatch.setattr("quotex.cli.common.stdin_is_terminal", lambda: True)
    result = runner.invoke(app, [command])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and f"| quotex {command}" in result.stderr


@pytest.mark.model
def test_cli_folder_reads_articles_not_the_readme(runner) -> None:
    result = runner.invoke(app, ["speakers", str(SAMPLES), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    names = {row["speaker"] for row in json.loads(result.stdout)}
    assert "Putin" in " ".join(n for n in names if n)
    assert not names & {"X", "=", "Jane"}  # names the README's descriptions give


def test_html_page_title_is_the_title_field_or_the_id_never_a_folder_path() -> None:
    from quotex.cli.show import page_title
    from quotex.records import DocResult

    assert page_title(DocResult("/home/me/news/a.txt")) == "a.txt"
    assert page_title(DocResult("news/a.txt")) == "news/a.txt"
    assert page_title(DocResult("u1", meta={"title": "NATO and Russia"})) == "NATO and Russia"


def test_pager_gets_less_to_show_colours(monkeypatch) -> None:
    from quotex.cli.show import _less_shows_colours

    monkeypatch.delenv("LESS", raising=False)
    _less_shows_colours()
    assert os.environ["LESS"] == "-R"
    monkeypatch.setenv("LESS", "-FX")
    _less_shows_colours()
    assert os.environ["LESS"] == "-FX -R"
    monkeypatch.setenv("LESS", "-r")
    _less_shows_colours()
    assert os.environ["LESS"] == "-r"


def test_cli_quotes_help_does_not_offer_where(runner) -> None:
    assert "--where" not in runner.invoke(app, ["quotes", "--help"]).stdout
    assert "--where" in runner.invoke(app, ["entities", "--help"]).stdout
