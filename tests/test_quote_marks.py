"""The quote-mark finder on hand-written strings: pairing, apostrophes, unmatched marks."""

from __future__ import annotations

import pytest

from quotex.components.quotes import find_marked_regions


def contents(text: str) -> list[str]:
    return [text[r.start : r.end] for r in find_marked_regions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will win,” he said.", ["We will win,"]),
        ('"We will win," he said.', ["We will win,"]),
        ("«Nous gagnerons», a-t-il dit.", ["Nous gagnerons"]),
        ("„Wir gewinnen“, sagte er.", ["Wir gewinnen"]),
        ("``We will win,'' he said.", ["We will win,"]),
        ("''We will win,'' he said.", ["We will win,"]),
        ("“We will win,“ he said.", ["We will win,"]),
        ("He called it ‘a disgrace’ on Monday.", ["a disgrace"]),
        ("He called it 'a disgrace' on Monday.", ["a disgrace"]),
        ("“A ‘nested’ word,” she said.", ["A ‘nested’ word,"]),
    ],
)
def test_quotes_pair_every_mark_style(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It’s Russia’s turn, and the leaders’ meeting is on.",
        "It's Russia's turn, and the leaders' meeting is on.",
        "Rock 'n' roll in the '90s.",
        "",
        '""""""""""' * 50,
    ],
)
def test_quotes_apostrophes_and_empty_marks_are_not_quotes(text: str) -> None:
    assert contents(text) == []


def test_quotes_unclosed_mark_runs_to_paragraph_end() -> None:
    text = "“We will never agree to this, he said.\n\nThe talks ended."
    (region,) = find_marked_regions(text)
    assert text[region.start : region.end] == "We will never agree to this, he said."
    assert region.closed is False


def test_quotes_reopened_paragraphs_form_one_quote() -> None:
    text = "“First part.\n\n“Second part.\n\n“Last part,” she said.\n\nNext story."
    (region,) = find_marked_regions(text)
    assert text[region.start : region.end].startswith("First part.")
    assert text[region.start : region.end].endswith("Last part,")
    assert region.paragraphs == 3
    assert region.closed is True


def test_quotes_a_transcript_turn_is_not_reopened_by_the_next_speaker() -> None:
    text = (
        '"WALLACE: Let us start with the news.\n\n'
        '"PENCE: Well, the question is why.\n\n"And that is all I will say."'
    )
    regions = find_marked_regions(text)
    assert [text[r.start : r.end] for r in regions] == [
        "WALLACE: Let us start with the news.",
        'PENCE: Well, the question is why.\n\n"And that is all I will say.',
    ]
    assert [r.closed for r in regions] == [False, True]


def test_quotes_a_quote_is_reopened_only_by_marks_of_its_own_style() -> None:
    text = '"Melanie thought it was outrageous.\n\n“It never crossed my mind,” she said.'
    regions = find_marked_regions(text)
    assert [text[r.start : r.end] for r in regions] == [
        "Melanie thought it was outrageous.",
        "It never crossed my mind,",
    ]


def test_quotes_regions_keep_valid_offsets_in_odd_arrangements() -> None:
    text = "“a ” b “ c “ d ” ” \" ' ‘ ’ « » „ “" * 20 + "\n“open"
    for region in find_marked_regions(text):
        assert 0 <= region.open <= region.start <= region.end <= region.close <= len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('“He called it "absurd" and left,” she said.', ['He called it "absurd" and left,']),
        ('“The 12" pipe burst,” he said.', ['The 12" pipe burst,']),
        ("„Er sagte: »Nein«“, berichtete sie.", ["Er sagte: »Nein«"]),
        ("„Wir gewinnen“, sagte er. „Nein“, sagte sie.", ["Wir gewinnen", "Nein"]),
        ("„Wygramy”, powiedział. „Nie”, odparła.", ["Wygramy", "Nie"]),
        ("»Wir gewinnen«, sagte er. »Nein«, sagte sie.", ["Wir gewinnen", "Nein"]),
        ("»Vi vinner», sa han. »Nej», sa hon.", ["Vi vinner", "Nej"]),
        ("«Nous gagnerons», a-t-il dit. «Non», dit-elle.", ["Nous gagnerons", "Non"]),
    ],
    ids=[
        "straight-inner-quote-in-curly",
        "inch-mark-in-curly",
        "guillemets-in-german",
        "german-low-high",
        "polish-low-high",
        "german-guillemets",
        "swedish-guillemets",
        "french-guillemets",
    ],
)
def test_quotes_close_with_marks_of_their_opening_style(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('“We will win," he said. "No," she said.', ["We will win,", "No,"]),
        ('“We will win," he said. “No,” she said.', ["We will win,", "No,"]),
        ('“A," he said. "B.”', ["A,", "B."]),
        ('“A "b" c.\n\nNext “para,” he said.', ["A", "para,"]),
    ],
    ids=["no-curly-closer-follows", "curly-reopens-first", "mixed-archive-style", "paragraph"],
)
def test_quotes_a_straight_mark_still_closes_a_curly_quote_typed_mixed(
    text: str, expected: list[str]
) -> None:
    assert contents(text) == expected


@pytest.mark.parametrize("text", ["Home » News » Politics", "Prices: 10 » 20 » 30."])
def test_quotes_a_guillemet_between_spaces_opens_nothing(text: str) -> None:
    assert contents(text) == []
