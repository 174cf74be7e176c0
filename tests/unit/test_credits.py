"""The page's credits (quotex/credits.py): bylines, photo credits and wire lines."""

from __future__ import annotations

import pytest

from quotex.credits import credit_regions, in_credit


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("By Alyssa Fenwick Transportation Reporter", "By Alyssa Fenwick Transportation Reporter"),
        (
            "Rachel Cormier · CBC News · Posted: Mar 14, 2024",
            "Rachel Cormier · CBC News · Posted: Mar 14, 2024",
        ),
        (
            "— With files from Ben Costa and The Canadian Press",
            "— With files from Ben Costa and The Canadian Press",
        ),
        (
            "(Reporting by David Bailey; Editing by Cynthia Osterman.)",
            "(Reporting by David Bailey; Editing by Cynthia Osterman.)",
        ),
        (
            "Ford spoke in Mississauga. (Marcus Oliveira/The Canadian Press)",
            "(Marcus Oliveira/The Canadian Press)",
        ),
        (
            "Noah was killed in 2022. (Submitted by Doreen Sinclair)",
            "(Submitted by Doreen Sinclair)",
        ),
        ("Contributing: Jane Roe, USA TODAY", "Contributing: Jane Roe, USA TODAY"),
        ("Kelsey Arnason | Winnipeg Free Press", "Kelsey Arnason | Winnipeg Free Press"),
    ],
)
def test_credit_regions(text: str, credit: str) -> None:
    assert [text[a:b] for a, b in credit_regions(text)] == [credit]


@pytest.mark.parametrize(
    "text",
    [
        "By Monday, 300 homes were lost.",  # a sentence, no byline
        "By the time Ford spoke, the crowd had left and the police had closed the road again.",
        "He said the plan (and/or the budget) would pass.",  # no names around the slash
        "The vote was 5-2 (Jane Roe and John Doe against).",
        "WATCH | Premier says the deal is done",  # a link line, no byline
    ],
)
def test_no_credit_in_running_text(text: str) -> None:
    assert credit_regions(text) == []


def test_in_credit() -> None:
    text = "Nurses strike\n\nBy Jane Roe\n\nJane Roe of the union said no."
    regions = credit_regions(text)
    assert in_credit(regions, text.index("Jane Roe"))
    assert not in_credit(regions, text.rindex("Jane Roe"))
