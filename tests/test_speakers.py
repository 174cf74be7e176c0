"""Speaker totals, entity scope and the aggregate writers, on records built by hand."""

from __future__ import annotations

import csv
import io
import json

import pytest

from quotex.io.summary import write_summary
from quotex.io.writers import Format
from quotex.records import DocResult, Entity, EntityMention, Mention, Quote
from quotex.render.highlight import UNKNOWN_COLOUR, marks, segments, speaker_colours
from quotex.selection import EntityScope, entities_in_scope
from quotex.tally import SPEAKER_COLUMNS, summarize_speakers


def quote(
    number: int,
    kind: str,
    speaker: str | None,
    entity: str | None = None,
    start: int = 0,
    label: str | None = "PERSON",
) -> Quote:
    return Quote(
        f"q{number}",
        kind,
        "words " * 3,
        start,
        start + 5,
        speaker=speaker,
        speaker_entity=entity,
        cue=Mention("said", start + 6, start + 10),
        speaker_label=label if speaker else None,
    )


def doc(doc_id: str, *quotes: Quote, entities: tuple[Entity, ...] = ()) -> DocResult:
    return DocResult(doc_id, quotes, entities)


PUTIN = Entity("e1", "Vladimir Putin", "PERSON", (EntityMention("Putin", 0, 5),))
NATO = Entity("e2", "NATO", "ORG", (EntityMention("NATO", 0, 4),))


def test_summarize_speakers_counts_quotes_by_type_and_documents() -> None:
    rows = summarize_speakers(
        [
            doc(
                "a",
                quote(1, "direct", "Vladimir Putin", "e1"),
                quote(2, "mixed", "Vladimir Putin", "e1", 20),
                quote(3, "indirect", "NATO", "e2", 40),
                entities=(PUTIN, NATO),
            ),
            doc(
                "b",
                quote(1, "direct", "Vladimir Putin", "e1"),
                quote(2, "direct", "Vladimir Putin", "e1", 20),
                entities=(PUTIN,),
            ),
        ]
    )
    putin, nato = rows
    assert (putin.speaker, putin.label, putin.documents) == ("Vladimir Putin", "PERSON", 2)
    assert putin.by_type == {"direct": 3, "mixed": 1, "indirect": 0}
    assert putin.quotes == 4 and putin.share == pytest.approx(0.8)
    assert (nato.speaker, nato.label, nato.documents, nato.quotes) == ("NATO", "ORG", 1, 1)


def test_summarize_speakers_puts_unknown_last_and_shares_add_up() -> None:
    rows = summarize_speakers(
        [
            doc(
                "a",
                quote(1, "indirect", None),
                quote(2, "indirect", None, start=20),
                quote(3, "direct", "Ann Lee", start=40),
            ),
        ]
    )
    assert [r.speaker for r in rows] == ["Ann Lee", None]
    assert rows[0].label == "PERSON"  # from the quote: no entity in this document
    assert sum(r.share for r in rows) == pytest.approx(1.0)


def test_summarize_speakers_orders_by_quotes_then_name() -> None:
    rows = summarize_speakers(
        [
            doc(
                "a",
                quote(1, "direct", "Zed"),
                quote(2, "direct", "Bea"),
                quote(3, "direct", "Bea"),
                quote(4, "direct", "Abe"),
            )
        ]
    )
    assert [r.speaker for r in rows] == ["Bea", "Abe", "Zed"]


def test_summarize_speakers_counts_a_document_once_per_speaker_even_with_repeated_ids() -> None:
    same = doc("x", quote(1, "direct", "Ann"), quote(2, "direct", "Ann", start=20))
    (row,) = summarize_speakers([same, same])
    assert row.documents == 2 and row.quotes == 4


def test_summarize_speakers_counts_a_person_named_with_a_middle_initial_once() -> None:
    # middle_names_across_documents: "Vladimir V. Putin" in one article is the "Vladimir
    # Putin" of another; an organisation's names are left as they are
    longer = Entity("e1", "Vladimir V. Putin", "PERSON", (EntityMention("Putin", 0, 5),))
    rows = summarize_speakers(
        [
            doc("a", quote(1, "direct", "Vladimir V. Putin", "e1"), entities=(longer,)),
            doc(
                "b",
                quote(1, "mixed", "Vladimir Putin", "e1"),
                quote(2, "direct", "Vladimir Putin", "e1", 20),
                entities=(PUTIN,),
            ),
        ]
    )
    assert [(r.speaker, r.documents, r.quotes) for r in rows] == [("Vladimir Putin", 2, 3)]
    assert rows[0].by_type == {"direct": 2, "mixed": 1, "indirect": 0}


def test_summarize_speakers_of_nothing_is_empty() -> None:
    assert summarize_speakers([]) == []
    assert summarize_speakers([doc("a")]) == []


def test_speaker_row_to_dict_has_the_output_columns() -> None:
    (row,) = summarize_speakers([doc("a", quote(1, "mixed", "Ann"))])
    assert tuple(row.to_dict()) == SPEAKER_COLUMNS
    assert row.to_dict()["share"] == 1.0


@pytest.fixture
def rows() -> list[dict]:
    return [
        r.to_dict()
        for r in summarize_speakers(
            [
                doc("a", quote(1, "direct", "=cmd()"), quote(2, "indirect", None, start=20)),
            ]
        )
    ]


def test_write_summary_csv_escapes_formulas_and_leaves_unknown_empty(rows: list[dict]) -> None:
    stream = io.StringIO()
    write_summary(rows, SPEAKER_COLUMNS, Format.CSV, stream)
    table = list(csv.reader(io.StringIO(stream.getvalue())))
    assert table[0] == list(SPEAKER_COLUMNS)
    assert table[1][:3] == ["'=cmd()", "PERSON", "1"]
    assert table[2][0] == ""


def test_write_summary_raw_csv_keeps_cells(rows: list[dict]) -> None:
    stream = io.StringIO()
    write_summary(rows, SPEAKER_COLUMNS, Format.CSV, stream, raw_csv=True)
    assert stream.getvalue().splitlines()[1].startswith("=cmd(),")


@pytest.mark.parametrize("fmt", [Format.JSON, Format.JSONL])
def test_write_summary_json_round_trips(rows: list[dict], fmt: Format) -> None:
    stream = io.StringIO()
    write_summary(rows, SPEAKER_COLUMNS, fmt, stream)
    text = stream.getvalue()
    loaded = json.loads(text) if fmt is Format.JSON else [json.loads(x) for x in text.splitlines()]
    assert loaded == rows


def test_write_summary_refuses_table() -> None:
    with pytest.raises(ValueError, match="renders"):
        write_summary([], SPEAKER_COLUMNS, Format.TABLE, io.StringIO())


SCOPED = doc(
    "a",
    entities=(
        Entity(
            "e1",
            "Russia",
            "GPE",
            (
                EntityMention("Russia", 0, 6, in_quote=True),
                EntityMention("Russia", 10, 16, in_quote=False),
            ),
        ),
        Entity("e2", "NATO", "ORG", (EntityMention("NATO", 20, 24, in_quote=False),)),
        Entity("e3", "Kremlin", "ORG", (EntityMention("Kremlin", 30, 37, in_quote=True),)),
    ),
)


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        (EntityScope.ALL, {"e1": [0, 10], "e2": [20], "e3": [30]}),
        (EntityScope.IN_QUOTE, {"e1": [0], "e3": [30]}),
        ("outside", {"e1": [10], "e2": [20]}),
    ],
)
def test_entities_in_scope_keeps_mentions_on_one_side(
    scope: str, expected: dict[str, list[int]]
) -> None:
    kept = entities_in_scope(SCOPED, scope)
    assert {e.id: [m.start for m in e.mentions] for e in kept.entities} == expected
    assert kept.quotes == SCOPED.quotes


def test_entities_in_scope_refuses_an_unknown_scope() -> None:
    with pytest.raises(ValueError):
        entities_in_scope(SCOPED, "inside-ish")


def test_speaker_colours_follow_first_quotes_and_grey_the_unknown() -> None:
    result = doc(
        "a",
        quote(2, "direct", "Bea", start=30),
        quote(1, "direct", None, start=0),
        quote(3, "direct", "Abe", start=50),
        quote(4, "direct", "Bea", start=70),
    )
    colours = speaker_colours(result)
    assert list(colours) == ["(unknown)", "Bea", "Abe"]
    assert colours["(unknown)"] == UNKNOWN_COLOUR
    assert len({colours["Bea"], colours["Abe"], UNKNOWN_COLOUR}) == 3


def test_marks_drop_what_lies_outside_the_text_and_segments_cover_it() -> None:
    text = "“Hi,” Ann said."
    result = doc(
        "a",
        Quote(
            "q1", "direct", "Hi,", 1, 4, "Ann", Mention("Ann", 6, 9), None, Mention("said", 10, 14)
        ),
        entities=(
            Entity(
                "e1", "Ann", "PERSON", (EntityMention("Ann", 6, 9), EntityMention("Ann", 60, 63))
            ),
        ),
    )
    found = marks(result, len(text))
    assert sorted((m.kind, m.start) for m in found) == [
        ("cue", 10),
        ("entity", 6),
        ("quote", 1),
        ("speaker", 6),
    ]
    pieces = list(segments(text, found))
    assert "".join(text[s.start : s.end] for s in pieces) == text
    assert [text[s.start : s.end] for s in pieces if s.quote] == ["Hi,"]


def test_speakers_count_people_and_organisations_not_nouns() -> None:
    rows = summarize_speakers(
        [
            doc(
                "a",
                quote(1, "direct", "Ann Lee"),
                quote(2, "indirect", "figures", label=None),
                quote(3, "indirect", "Kessler", label="ORG"),
            )
        ]
    )
    assert [(r.speaker, r.label, r.quotes) for r in rows] == [
        ("Ann Lee", "PERSON", 1),
        ("Kessler", "ORG", 1),
        (None, None, 1),
    ]
