"""Tests for quotex.eval: each matching and scoring rule on small hand-built documents."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

from quotex.errors import InputError
from quotex.eval import (
    LABEL_MAP,
    EvalReport,
    Score,
    cue_right,
    load_gold,
    names_agree,
    score_document,
    score_documents,
    speaker_right,
    trim_span,
)
from quotex.records import DocResult, Entity, EntityMention, Mention, Quote


def gold_quote(text: str, quote: str, type_: str = "direct", **fields: Any) -> dict[str, Any]:
    """A gold quote whose offsets are found in ``text`` (first occurrence)."""
    start = text.index(quote)
    out = {"quote": quote, "quote_start": start, "quote_end": start + len(quote), "type": type_}
    out.update({"speaker": None, "cue": None, "cue_start": None, "cue_end": None})
    out.update(fields)
    return out


def span_of(text: str, part: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def mention(text: str, part: str) -> Mention:
    start, end = span_of(text, part)
    return Mention(part, start, end)


def pred(
    text: str, start: int, end: int, type_: str = "direct", qid: str = "q", **fields: Any
) -> Quote:
    return Quote(id=qid, type=type_, text=text[start:end], start=start, end=end, **fields)


def pred_of(text: str, part: str, type_: str = "direct", **fields: Any) -> Quote:
    return pred(text, *span_of(text, part), type_=type_, **fields)


def doc(text: str, quotes: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"id": "d1", "text": text, "quotes": quotes, **extra}


def result(*quotes: Quote, entities: tuple[Entity, ...] = ()) -> DocResult:
    return DocResult(id="d1", quotes=quotes, entities=entities)


def scores(gold: dict[str, Any], res: DocResult, mode: str = "lenient", group: str = "all"):
    evaluation = score_document(gold, res)
    assert evaluation.quotes is not None
    return getattr(evaluation.quotes, mode)[group]


# --------------------------------------------------------------------------- trimming


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("“Hello, world,”", "Hello, world"),
        ("''Yes.''", "Yes"),
        ("``No!''", "No"),
        ("  «Non»  ", "Non"),
        ("— and so on –", "and so on"),
        ("‘It’s fine…’", "It’s fine"),
        ("„Ja“", "Ja"),
        ("“.”", ""),
    ],
)
def test_trim_span_strips_marks_spaces_and_edge_punctuation(raw: str, expected: str) -> None:
    start, end = trim_span(raw, 0, len(raw))
    assert raw[start:end] == expected


def test_quote_with_marks_and_comma_matches_bare_gold_strictly() -> None:
    text = "“We will not back down,” the minister said."
    gold = doc(text, [gold_quote(text, "We will not back down")])
    res = result(pred_of(text, "“We will not back down,”"))
    strict = scores(gold, res, mode="strict")
    assert (strict.pred_matched, strict.gold_matched) == (1, 1)


# --------------------------------------------------------------------------- belongs / found

LETTERS = "x" * 10 + "G" * 10 + "y" * 10  # gold is the G run: characters 10..20


@pytest.mark.parametrize(
    ("start", "end", "belongs"),
    [
        (0, 20, True),  # 10 of 20 characters held: exactly half
        (1, 20, True),  # 10 of 19: just over half
        (0, 21, False),  # 10 of 21: just under half
    ],
)
def test_prediction_belongs_when_gold_holds_half(start: int, end: int, belongs: bool) -> None:
    gold = doc(LETTERS, [gold_quote(LETTERS, "G" * 10)])
    score = scores(gold, result(pred(LETTERS, start, end)))
    assert score.predicted == 1
    assert score.pred_matched == int(belongs)
    assert score.gold_matched == int(belongs)  # when it belongs it covers all ten


@pytest.mark.parametrize(("covered", "found"), [(10, True), (9, False)])
def test_gold_found_when_half_covered(covered: int, found: bool) -> None:
    text = "x" * 5 + "G" * 20 + "y" * 5
    gold = doc(text, [gold_quote(text, "G" * 20)])
    score = scores(gold, result(pred(text, 5, 5 + covered)))
    assert score.pred_matched == 1  # fully inside the gold either way
    assert score.gold_matched == int(found)


def test_prediction_belongs_to_the_gold_holding_most_of_it() -> None:
    text = "AAAAAAAAAA BBBBBBBBBB"
    gold = doc(text, [gold_quote(text, "AAAAAAAAAA"), gold_quote(text, "BBBBBBBBBB")])
    evaluation = score_document(gold, result(pred(text, 3, 21)))
    assert evaluation.quotes is not None
    assert evaluation.quotes.lenient["all"].gold_matched == 1
    assert [m["text"] for m in evaluation.details["misses"]] == ["AAAAAAAAAA"]


DISCONTINUOUS = "“We will win this race,” he said, “and we will win it big.”"


def discontinuous_gold() -> dict[str, Any]:
    text = DISCONTINUOUS
    first, second = (
        span_of(text, "“We will win this race,”"),
        span_of(text, "“and we will win it big.”"),
    )
    quote = gold_quote(text, text, quote_spans=[list(first), list(second)])
    return doc(text, [quote])


def test_discontinuous_gold_found_by_two_fragment_predictions() -> None:
    text = DISCONTINUOUS
    res = result(pred_of(text, "We will win this race"), pred_of(text, "and we will win it big"))
    score = scores(discontinuous_gold(), res, mode="strict")
    assert (score.predicted, score.pred_matched, score.gold_matched) == (2, 2, 1)


def test_discontinuous_gold_coverage_counts_fragment_characters_only() -> None:
    # 22 of the 43 fragment characters: found, though under half of the covering span.
    text = DISCONTINUOUS
    score = scores(discontinuous_gold(), result(pred_of(text, "and we will win it big")))
    assert (score.pred_matched, score.gold_matched) == (1, 1)
    short = scores(discontinuous_gold(), result(pred_of(text, "We will win")))
    assert (short.pred_matched, short.gold_matched) == (1, 0)


def test_prediction_on_the_interruption_is_false() -> None:
    text = DISCONTINUOUS
    score = scores(discontinuous_gold(), result(pred_of(text, "he said")))
    assert (score.predicted, score.pred_matched) == (1, 0)


MIXED = "Putin said the mass protests held in the capital on Saturday were “a provocation”."
MIXED_CONTENT = "the mass protests held in the capital on Saturday were “a provocation”"


@pytest.mark.parametrize(("with_quoted_spans", "found"), [(True, True), (False, False)])
def test_mixed_gold_found_via_its_quoted_words(with_quoted_spans: bool, found: bool) -> None:
    extra = {"quoted_spans": [list(span_of(MIXED, "a provocation"))]} if with_quoted_spans else {}
    gold = doc(MIXED, [gold_quote(MIXED, MIXED_CONTENT, "mixed", **extra)])
    score = scores(gold, result(pred_of(MIXED, "“a provocation”")), group="direct+mixed")
    assert score.pred_matched == 1
    assert score.gold_matched == int(found)


# --------------------------------------------------------------------------- groups, strict

INDIRECT = "The minister said that the talks would resume in the spring."


def test_direct_prediction_on_indirect_gold_counts_only_in_all() -> None:
    gold = doc(
        INDIRECT, [gold_quote(INDIRECT, "that the talks would resume in the spring", "indirect")]
    )
    res = result(pred_of(INDIRECT, "the talks would resume in the spring", "direct"))
    evaluation = score_document(gold, res)
    assert evaluation.quotes is not None
    lenient = evaluation.quotes.lenient
    assert lenient["direct+mixed"] == Score(gold=0, predicted=1, pred_matched=0, gold_matched=0)
    assert lenient["indirect"] == Score(gold=1, predicted=0, pred_matched=0, gold_matched=0)
    assert lenient["all"] == Score(gold=1, predicted=1, pred_matched=1, gold_matched=1)


def test_indirect_prediction_finds_indirect_gold_in_its_group() -> None:
    gold = doc(
        INDIRECT, [gold_quote(INDIRECT, "that the talks would resume in the spring", "indirect")]
    )
    res = result(pred_of(INDIRECT, "the talks would resume in the spring", "indirect"))
    score = scores(gold, res, group="indirect")
    assert (score.gold, score.gold_matched, score.pred_matched) == (1, 1, 1)


def test_strict_needs_eighty_percent_where_lenient_needs_half() -> None:
    text = "x" * 10 + "G" * 10 + "y" * 10
    gold = doc(text, [gold_quote(text, "G" * 10)])
    # Inside the gold, covering 6 of 10: found leniently, not strictly.
    inside = result(pred(text, 10, 16))
    assert scores(gold, inside).gold_matched == 1
    assert scores(gold, inside, "strict") == Score(1, 1, 1, 0)
    # 10 of 14 characters held (0.71): belongs leniently, false strictly.
    spill = result(pred(text, 10, 24))
    assert scores(gold, spill) == Score(1, 1, 1, 1)
    assert scores(gold, spill, "strict") == Score(1, 1, 0, 0)


# --------------------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("Vladimir Putin", "Putin", True),
        ("Mr. Putin", "Vladimir Putin", True),
        ("Putin's", "Putin", True),
        ("Dr Smith", "smith", True),
        ("The White House", "white house", True),
        ("NATO Secretary General Anders Fogh Rasmussen", "Anders Fogh", True),
        ("Hillary Clinton", "Bill Clinton", True),  # same surname: the rule is lenient
        ("Martin O’Malley", "Martin O'Malley", True),  # typographic apostrophe
        ("O’Malley’s", "O'Malley", True),
        ("O’Malley", "Malley", False),
        ("Obama", "Putin", False),
        ("US officials", "Russia", False),
        ("the", "The", False),  # nothing left after normalising
        ("Mr.", "Mr. Obama", False),  # a bare title is no name
    ],
)
def test_names_agree_by_surname_or_containment(a: str, b: str, agree: bool) -> None:
    assert names_agree(a, b) is agree
    assert names_agree(b, a) is agree


SPEAKERS = "NATO chief Anders Fogh Rasmussen spoke. Later he added: “We agree.” Lavrov nodded."


HE = (SPEAKERS.index(" he ") + 1, SPEAKERS.index(" he ") + 3)


def seed_gold() -> dict[str, Any]:
    """A seed-style gold quote: resolved name, pronoun mention."""
    start, end = HE
    return gold_quote(
        SPEAKERS,
        "We agree.",
        speaker="Anders Fogh Rasmussen",
        speaker_resolved="Anders Fogh Rasmussen",
        speaker_mention_start=start,
        speaker_mention_end=end,
    )


@pytest.mark.parametrize(
    ("speaker", "right"),
    [("Rasmussen", True), ("Mr Rasmussen", True), ("he", False), ("Lavrov", False), (None, False)],
)
def test_speaker_with_resolved_gold_needs_the_name(speaker: str | None, right: bool) -> None:
    he = Mention("he", *HE)
    quote = pred_of(SPEAKERS, "We agree", speaker=speaker, speaker_mention=he)
    assert speaker_right(seed_gold(), quote) is right


CLINTON = "Former Secretary of State Hillary Clinton said the plan would fail. Obama agreed."


def polnear_gold(**fields: Any) -> dict[str, Any]:
    start, end = span_of(CLINTON, "Former Secretary of State Hillary Clinton")
    base = {"speaker": CLINTON[start:end], "speaker_start": start, "speaker_end": end}
    base["speaker_spans"] = [[start, end]]
    base["speaker_is_pronoun"] = False
    return gold_quote(CLINTON, "the plan would fail", "indirect", **{**base, **fields})


@pytest.mark.parametrize(
    ("speaker", "mention_text", "right"),
    [
        ("Hillary Clinton", "Hillary Clinton", True),  # names agree and span overlaps
        ("Secretary of State", "Secretary of State", True),  # span overlaps only
        ("Clinton", "Obama", True),  # names agree only
        ("Obama", "Obama", False),  # neither
        ("she", "Hillary Clinton", False),  # a bare pronoun is never a name
        (None, None, False),
    ],
)
def test_speaker_without_resolved_name_needs_span_or_name(
    speaker: str | None, mention_text: str | None, right: bool
) -> None:
    found = mention(CLINTON, mention_text) if mention_text else None
    quote = pred_of(
        CLINTON, "the plan would fail", "indirect", speaker=speaker, speaker_mention=found
    )
    assert speaker_right(polnear_gold(), quote) is right


@pytest.mark.parametrize(("speaker", "right"), [(None, True), ("Obama", False)])
def test_null_gold_speaker_wants_null_prediction(speaker: str | None, right: bool) -> None:
    gold = polnear_gold(speaker=None, speaker_start=None, speaker_end=None, speaker_spans=[])
    quote = pred_of(CLINTON, "the plan would fail", "indirect", speaker=speaker)
    assert speaker_right(gold, quote) is right


PRONOUN = "Hillary Clinton spoke in Iowa. She said the plan would fail."


def pronoun_gold(text: str, words: str, pronoun: str, **fields: Any) -> dict[str, Any]:
    """A gold indirect quote of ``words`` whose source is ``pronoun`` (its first place)."""
    start, end = span_of(text, pronoun)
    return gold_quote(
        text,
        words,
        "indirect",
        speaker=pronoun,
        speaker_start=start,
        speaker_end=end,
        speaker_is_pronoun=True,
        **fields,
    )


@pytest.mark.parametrize(
    ("speaker", "mention_text", "right"),
    [
        ("Hillary Clinton", "She", True),  # resolved the pronoun: trusted
        ("Hillary Clinton", "Hillary Clinton", False),  # another mention than the gold one
        ("She", "She", False),  # unresolved
    ],
)
def test_pronoun_gold_speaker_matched_by_mention_overlap(
    speaker: str, mention_text: str, right: bool
) -> None:
    gold = pronoun_gold(PRONOUN, "the plan would fail", "She")
    found = mention(PRONOUN, mention_text)
    quote = pred_of(
        PRONOUN, "the plan would fail", "indirect", speaker=speaker, speaker_mention=found
    )
    assert speaker_right(gold, quote) is right


@pytest.mark.parametrize(
    ("speaker", "entity", "right"),
    [
        (None, None, True),  # nobody named: null is right
        ("Hillary Clinton", "e1", False),  # a named person is not the one never named
    ],
)
def test_pronoun_of_a_person_never_named_wants_null(speaker, entity, right) -> None:
    text = "Hillary Clinton spoke. A spokesman said it was fine. He said the plan would fail."
    gold = pronoun_gold(text, "the plan would fail", "He", speaker_unnamed=True)
    found = mention(text, "He")
    quote = pred_of(
        text,
        "the plan would fail",
        "indirect",
        speaker=speaker,
        speaker_mention=found,
        speaker_entity=entity,
    )
    assert speaker_right(gold, quote) is right


def test_pronoun_gold_speaker_is_not_matched_by_name() -> None:
    text = "The Queen arrived. Her aide said the visit would go ahead."
    gold = pronoun_gold(text, "the visit would go ahead", "Her")
    elsewhere = mention(text, "The Queen")
    quote = pred_of(
        text, "the visit would go ahead", speaker="Her Majesty", speaker_mention=elsewhere
    )
    assert speaker_right(gold, quote) is False


def test_speaker_accuracy_judges_the_prediction_overlapping_most() -> None:
    text = "x" * 5 + "G" * 20 + "y" * 5
    gold = doc(text, [gold_quote(text, "G" * 20, speaker="Putin", speaker_resolved="Putin")])
    small = pred(text, 5, 10, speaker="Lavrov", qid="a")
    large = pred(text, 10, 25, speaker="Vladimir Putin", qid="b")
    evaluation = score_document(gold, result(small, large))
    assert evaluation.quotes is not None
    assert evaluation.quotes.speaker["all"].to_dict() == {"total": 1, "correct": 1, "accuracy": 1.0}
    assert evaluation.details["speaker_errors"] == []

    wrong = score_document(gold, result(replace(small, end=25)))
    assert wrong.quotes is not None and wrong.quotes.speaker["all"].correct == 0
    assert wrong.details["speaker_errors"] == [
        {"quote": "G" * 20, "gold_speaker": "Putin", "predicted_speaker": "Lavrov"}
    ]


def test_speaker_accuracy_counts_only_found_gold() -> None:
    text = "x" * 5 + "G" * 20 + "y" * 5
    gold = doc(text, [gold_quote(text, "G" * 20, speaker="Putin", speaker_resolved="Putin")])
    evaluation = score_document(gold, result(pred(text, 5, 8, speaker="Putin")))
    assert evaluation.quotes is not None
    assert evaluation.quotes.speaker["all"].total == 0
    assert evaluation.quotes.speaker["all"].accuracy is None


# --------------------------------------------------------------------------- cues

CUE_TEXT = "“Enough,” she told reporters on Monday."


@pytest.mark.parametrize(
    ("cue_text", "right"), [("told", True), ("reporters", False), (None, False)]
)
def test_cue_right_when_spans_overlap(cue_text: str | None, right: bool) -> None:
    start, end = span_of(CUE_TEXT, "told")
    gold = gold_quote(CUE_TEXT, "Enough", cue="told", cue_start=start, cue_end=end)
    cue = mention(CUE_TEXT, cue_text) if cue_text else None
    assert cue_right(gold, pred_of(CUE_TEXT, "Enough", cue=cue)) is right


def test_cue_accuracy_skips_gold_without_cue() -> None:
    start, end = span_of(CUE_TEXT, "told")
    with_cue = doc(
        CUE_TEXT, [gold_quote(CUE_TEXT, "Enough", cue="told", cue_start=start, cue_end=end)]
    )
    without = doc(CUE_TEXT, [gold_quote(CUE_TEXT, "Enough")])
    res = result(pred_of(CUE_TEXT, "Enough", cue=mention(CUE_TEXT, "told")))
    judged = score_document(with_cue, res).quotes
    skipped = score_document(without, res).quotes
    assert judged is not None and skipped is not None
    assert (judged.cue["all"].total, judged.cue["all"].correct) == (1, 1)
    assert skipped.cue["all"].total == 0


# --------------------------------------------------------------------------- optional gold


def test_optional_gold_is_neither_required_nor_an_error() -> None:
    text = "AAAAAAAAAA BBBBBBBBBB"
    gold = doc(
        text, [gold_quote(text, "AAAAAAAAAA"), gold_quote(text, "BBBBBBBBBB", optional=True)]
    )
    hit_optional = scores(gold, result(pred_of(text, "BBBBBBBBBB")))
    assert hit_optional == Score(gold=1, predicted=0, pred_matched=0, gold_matched=0)
    evaluation = score_document(gold, result())
    assert [m["text"] for m in evaluation.details["misses"]] == ["AAAAAAAAAA"]


# --------------------------------------------------------------------------- entities

ENT_TEXT = "Merkel met Siemens staff in Berlin on Monday, said a German official."


def ent(label: str, part: str, *more: str) -> Entity:
    mentions = tuple(EntityMention(p, *span_of(ENT_TEXT, p)) for p in (part, *more))
    return Entity(id=f"e-{part}", name=part, label=label, mentions=mentions)


def ent_gold(*entities: tuple[str, str]) -> dict[str, Any]:
    golds = []
    for label, part in entities:
        start, end = span_of(ENT_TEXT, part)
        golds.append({"text": part, "start": start, "end": end, "label": label})
    return {"id": "d1", "text": ENT_TEXT, "entities": golds}


@pytest.mark.parametrize(
    ("ontonotes", "conll"),
    [
        ("PERSON", "PER"),
        ("ORG", "ORG"),
        ("GPE", "LOC"),
        ("LOC", "LOC"),
        ("FAC", "LOC"),
        ("NORP", "MISC"),
        ("EVENT", "MISC"),
        ("LAW", "MISC"),
        ("PRODUCT", "MISC"),
        ("WORK_OF_ART", "MISC"),
        ("LANGUAGE", "MISC"),
    ],
)
def test_entity_labels_map_to_conll(ontonotes: str, conll: str) -> None:
    assert LABEL_MAP[ontonotes] == conll
    evaluation = score_document(
        ent_gold((conll, "Berlin")), result(entities=(ent(ontonotes, "Berlin"),))
    )
    assert evaluation.entities is not None
    assert evaluation.entities.typed == Score(1, 1, 1, 1)


@pytest.mark.parametrize("label", ["DATE", "CARDINAL", "MONEY", "PERCENT"])
def test_entity_unmapped_labels_are_not_predictions(label: str) -> None:
    evaluation = score_document(ent_gold(), result(entities=(ent(label, "Monday"),)))
    assert evaluation.entities is not None
    assert evaluation.entities.span.predicted == 0


def test_entity_span_scores_ignore_label_typed_do_not() -> None:
    gold = ent_gold(("MISC", "German"), ("PER", "Merkel"), ("ORG", "Siemens"))
    res = result(
        entities=(
            ent("GPE", "German"),  # right span, wrong label
            ent("PERSON", "Merkel"),  # right
            ent("ORG", "Siemens staff"),  # wrong span
        )
    )
    evaluation = score_document(gold, res)
    assert evaluation.entities is not None
    assert evaluation.entities.span == Score(3, 3, 2, 2)
    assert evaluation.entities.typed == Score(3, 3, 1, 1)
    by_label = evaluation.entities.by_label
    assert by_label["PER"].f1 == 1.0
    assert by_label["MISC"] == Score(1, 0, 0, 0)
    assert by_label["LOC"] == Score(0, 1, 0, 0)
    assert by_label["ORG"].f1 == 0.0


def test_entity_every_mention_is_a_prediction() -> None:
    text_gold = ent_gold(("LOC", "Berlin"))
    res = result(entities=(ent("GPE", "Berlin", "Monday"),))
    evaluation = score_document(text_gold, res)
    assert evaluation.entities is not None
    assert evaluation.entities.typed == Score(1, 2, 1, 1)


# --------------------------------------------------------------------------- corpus, empty


def test_empty_inputs_give_none_not_division_by_zero() -> None:
    report = score_documents([])
    assert report == EvalReport(documents=0)
    assert json.loads(json.dumps(report.to_dict())) == {
        "documents": 0,
        "quotes": None,
        "entities": None,
        "details": [],
    }
    empty = scores(doc("Nothing here.", []), result())
    assert (empty.precision, empty.recall, empty.f1) == (None, None, None)


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (Score(gold=3), (None, 0.0, 0.0)),
        (Score(predicted=2), (0.0, None, 0.0)),
        (Score(4, 2, 1, 2), (0.5, 0.5, 0.5)),
        (Score(4, 4, 0, 0), (0.0, 0.0, 0.0)),
    ],
)
def test_score_ratios(score: Score, expected: tuple[float | None, ...]) -> None:
    assert (score.precision, score.recall, score.f1) == expected


def test_score_documents_sums_counts_and_keeps_details() -> None:
    text = "AAAAAAAAAA BBBBBBBBBB"
    gold = doc(text, [gold_quote(text, "AAAAAAAAAA"), gold_quote(text, "BBBBBBBBBB", "indirect")])
    other = {**gold, "id": "d2"}
    ner = {**ent_gold(("PER", "Merkel")), "id": "d3"}
    report = score_documents(
        [
            (gold, result(pred_of(text, "AAAAAAAAAA"), pred_of(text, " ", speaker="he"))),
            (other, result(pred_of(text, "BBBBBBBBBB", "indirect"))),
            (ner, result(entities=(ent("PERSON", "Merkel"),))),
        ]
    )
    assert report.documents == 3
    assert report.quotes is not None and report.entities is not None
    assert report.quotes.lenient["all"] == Score(
        gold=4, predicted=3, pred_matched=2, gold_matched=2
    )
    assert report.quotes.lenient["indirect"] == Score(2, 1, 1, 1)
    assert report.entities.typed == Score(1, 1, 1, 1)
    assert [d["id"] for d in report.details] == ["d1", "d2", "d3"]
    assert report.details[0]["false_quotes"] == [{"text": " ", "type": "direct", "speaker": "he"}]
    assert [m["type"] for m in report.details[1]["misses"]] == ["direct"]
    data = json.loads(json.dumps(report.to_dict()))
    assert set(data) == {"documents", "quotes", "entities", "details"}
    assert set(data["quotes"]) == {
        "lenient",
        "strict",
        "speaker",
        "cue",
        "speaker_sources",
        "calibration",
    }
    assert set(data["quotes"]["lenient"]) == {"direct+mixed", "indirect", "all"}
    assert data["quotes"]["lenient"]["all"]["f1"] == pytest.approx(4 / 7)  # P 2/3, R 2/4
    assert set(data["entities"]) == {"span", "typed", "by_label"}


def test_document_without_quotes_key_is_not_scored_for_quotes() -> None:
    evaluation = score_document(ent_gold(), result(pred_of(ENT_TEXT, "Merkel met")))
    assert evaluation.quotes is None
    assert evaluation.details["false_quotes"] == []


def test_details_clip_long_quotes_to_120_characters() -> None:
    text = "w" * 300
    evaluation = score_document(doc(text, [gold_quote(text, text)]), result())
    miss = evaluation.details["misses"][0]
    assert len(miss["text"]) == 120 and miss["text"].endswith("…")


def test_gold_without_text_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no 'text'"):
        score_document({"id": "d1", "quotes": []}, result())


# --------------------------------------------------------------------------- load_gold


def test_load_gold_streams_lines_and_skips_blank_ones(tmp_path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "text": "x", "quotes": []}\n\n{"id": "b", "text": "y"}\n')
    assert [d["id"] for d in load_gold(path)] == ["a", "b"]


@pytest.mark.parametrize("bad", ["{not json", "[1, 2]", '{"text": "no id"}'])
def test_load_gold_names_file_and_line_of_a_bad_line(tmp_path, bad: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "text": "x"}\n' + bad + "\n")
    docs = load_gold(path)
    assert next(docs)["id"] == "a"
    with pytest.raises(InputError, match=r"gold\.jsonl:2"):
        next(docs)


def test_load_gold_missing_file_is_an_input_error(tmp_path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        list(load_gold(tmp_path / "absent.jsonl"))


def test_load_gold_undecodable_file_is_an_input_error(tmp_path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_bytes(b'{"id": "\xff"}\n')
    with pytest.raises(InputError, match="not UTF-8"):
        list(load_gold(path))


def test_calibration_bands_count_speakers_by_their_confidence() -> None:
    from quotex.eval.quotes import _by_confidence, _Pred
    from quotex.records import Quote

    def verdict(confidence: float, right: bool):
        quote = Quote("q1", "direct", "x", 0, 1, speaker="A", confidence=confidence)
        return (0, _Pred("direct", ((0, 1),), quote), right)

    bands = _by_confidence([verdict(0.95, True), verdict(0.93, False), verdict(0.5, True)])
    assert bands["0.9+"].to_dict()["accuracy"] == 0.5
    assert bands["0.9+"].to_dict()["mean_confidence"] == pytest.approx(0.94)
    assert bands["<0.7"].total == 1 and "0.7-0.9" not in bands


def test_source_kind_of_gold_speakers() -> None:
    from quotex.eval.quotes import source_kind

    assert source_kind({"speaker": "he", "speaker_resolved": "Harry Reid"}) == "pronoun"
    assert source_kind({"speaker": "the leader", "speaker_resolved": "Harry Reid"}) == "description"
    assert source_kind({"speaker": "Mr. Reid", "speaker_resolved": "Harry Reid"}) == "named"
    assert source_kind({"speaker": "Harry Reid"}) == "named"
