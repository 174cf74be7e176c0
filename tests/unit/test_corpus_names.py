"""middle_names_across_documents: one person under one name in corpus totals."""

from __future__ import annotations

import pytest

from quotex.corpus_names import corpus_names


def test_names_differing_by_a_middle_initial_or_name_are_one_person() -> None:
    named = corpus_names({"Donald J. Trump": 20, "Donald Trump": 174, "Hillary Clinton": 3})
    assert named["Donald J. Trump"] == named["Donald Trump"] == "Donald Trump"
    assert named["Hillary Clinton"] == "Hillary Clinton"
    # the name most of their quotes carry wins, whichever is longer
    named = corpus_names({"Hillary Rodham Clinton": 14, "Hillary Clinton": 2})
    assert named["Hillary Clinton"] == "Hillary Rodham Clinton"
    # the same generation suffix on both: one person
    assert corpus_names({"Joseph R. Biden Jr.": 2, "Joseph Biden Jr.": 1})["Joseph Biden Jr."] == (
        "Joseph R. Biden Jr."
    )


@pytest.mark.parametrize(
    "quotes",
    [
        # two middles: two people, and the bare name could be either
        {"George W. Bush": 3, "George H.W. Bush": 2, "George Bush": 4},
        # another first name, or a lone surname, is no match
        {"Bill Clinton": 3, "Hillary Clinton": 5, "Clinton": 9},
        # a son is not his father
        {"Donald Trump Jr.": 3, "Donald J. Trump": 5, "Robert F. Kennedy Jr.": 1},
    ],
)
def test_names_that_may_be_other_people_stay_apart(quotes) -> None:
    assert corpus_names(quotes) == {name: name for name in quotes}
