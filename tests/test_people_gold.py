"""The people gold of bench/: well formed, and joined to a corpus's texts for quotex eval."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

BENCH = Path(__file__).parent.parent / "bench"


def _people_gold():
    spec = importlib.util.spec_from_file_location("people_gold", BENCH / "people_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _golds() -> list[dict]:
    with (BENCH / "gold" / "polnear-people-dev.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def test_the_people_gold_is_well_formed() -> None:
    golds = _golds()
    assert len({g["id"] for g in golds}) == len(golds) == 40
    evidence = {"pronoun", "title", "noun", "name", "knowledge", "none"}
    for gold in golds:
        names = [p["name"] for p in gold["people"]]
        assert len(set(names)) == len(names), gold["id"]
        for person in gold["people"]:
            assert person["gender"] in {"female", "male", "unknown"}, person
            assert person["evidence"] in evidence, person
            assert (person["gender"] == "unknown") == (person["evidence"] == "none"), person


def test_people_gold_joins_the_texts_as_eval_gold(tmp_path) -> None:
    golds = _golds()
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": g["id"], "text": "text of " + g["id"]}) + "\n" for g in golds),
        encoding="utf-8",
    )
    out = tmp_path / "people.jsonl"
    _people_gold().main([str(corpus), str(out)])
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [g["id"] for g in golds]
    first, gold = records[0], golds[0]
    assert first["text"] == "text of " + gold["id"]
    females = [p["name"] for p in gold["people"] if p["gender"] == "female"]
    assert first["people_gender"]["female"] == females
    assert sum(len(v) for v in first["people_gender"].values()) == len(gold["people"])


def test_people_gold_refuses_a_corpus_without_the_article(tmp_path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "other", "text": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="is not in"):
        _people_gold().main([str(corpus), str(tmp_path / "out.jsonl")])


def test_the_canadian_sources_gold_is_well_formed() -> None:
    # bench/gold/canadian-sources.jsonl: 80 articles written for quotex, read by hand
    with (BENCH / "gold" / "canadian-sources.jsonl").open(encoding="utf-8") as f:
        golds = [json.loads(line) for line in f]
    assert len({g["id"] for g in golds}) == len(golds) == 80
    evidence = {"pronoun", "title", "noun", "name", "first name list", "none"}
    for gold in golds:
        for kind in ("sources", "people"):
            entries = gold[kind]
            names = [p["name"] for p in entries]
            assert len(set(names)) == len(names), gold["id"]
            for person in entries:
                assert person["name"] in gold["text"], (gold["id"], person)
                assert person["evidence"] in evidence, person
            grouped = gold[f"{kind}_gender"]
            for gender in ("female", "male", "unknown"):
                assert grouped[gender] == [p["name"] for p in entries if p["gender"] == gender]
        people = {p["name"] for p in gold["people"]}
        assert {p["name"] for p in gold["sources"]} <= people, gold["id"]
