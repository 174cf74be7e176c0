"""Titles, works, scare quotes and orphan phrases (components/attribution/not_quotes.py)."""

from __future__ import annotations

import pytest
import spacy
from handbuilt import marked, parsed

from quotex.components.attribution import not_quotes
from quotex.components.attribution.quote import Attribution, MarkedQuote
from quotex.components.quotes import find_marked_regions


def region_of(text: str):
    [region] = find_marked_regions(text)
    return region


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("on “Face the Nation” today", True),
        ("the film “Those Guys Have All the Fun” opened", True),
        ("he said “we will not retreat from this city”", False),
        ("he said “The wards are full tonight and we have no money”", False),
        ("“" + " ".join(["Word"] * 11) + "”", False),  # longer than a title
    ],
)
def test_is_title(text: str, title: bool) -> None:
    assert not_quotes.is_title(text, region_of(text)) is title


def test_is_short_and_ends_clause() -> None:
    text = "a page called “for honest elections” last year"
    region = region_of(text)
    assert not_quotes.is_short(text, region) and not not_quotes.ends_clause(text, region)
    text = "“We will not retreat from this city,” he said"
    region = region_of(text)
    assert not not_quotes.is_short(text, region) and not_quotes.ends_clause(text, region)


def test_in_headline() -> None:
    text = "Paul Ryan Says Trump Remarks Are “Textbook Racism”\n\nHe spoke on Monday."
    assert not_quotes.in_headline(text, region_of(text))
    text = "He said on Monday that it was “Textbook Racism” and left."
    assert not not_quotes.in_headline(text, region_of(text))


def test_title_followed_by_author() -> None:
    doc = parsed("“Pop-up art show opens,” by DNAinfo's Eddie Small")
    regions, _ = marked(doc)
    assert not_quotes.title_followed_by_author(doc, regions[0])
    doc = parsed("“We will not retreat,” said Mr. Kamp.")
    assert not not_quotes.title_followed_by_author(doc, marked(doc)[0][0])


def test_title_qualifying_noun() -> None:
    doc = parsed(
        "“Orange is the New Black” star Dascha Polanco spoke.",
        edit={5: {"dep": "compound", "head": 7}},
    )
    assert not_quotes.title_qualifying_noun(doc[1:6])
    doc = parsed("“Orange is the New Black” star Dascha Polanco spoke.")  # "Black" → "star": nmod
    assert not_quotes.title_qualifying_noun(doc[1:6])
    doc = parsed("“We will not retreat,” said Mr. Kamp.")
    assert not not_quotes.title_qualifying_noun(doc[1:5])


def test_after_preposition_however_parsed() -> None:
    doc = parsed("He said on NBC’s “Meet the Press” that the plan failed.")
    span = doc[6:9]
    assert not not_quotes.object_of_preposition(span)  # parsed as a clause of "said"
    assert not_quotes.after_preposition_word(span)  # but after "NBC’s"
    assert not_quotes.after_preposition(span)


def test_after_preposition_not_after_as() -> None:
    doc = parsed("He described the plan as “a total disaster”.")
    span = doc[6:9]
    assert not not_quotes.object_of_preposition(span)
    assert not not_quotes.after_preposition_word(span)


def marked_quote(doc, governing=None, fragment=True) -> MarkedQuote:
    regions, _ = marked(doc)
    region = regions[0]
    span = doc.char_span(region.start, region.end, alignment_mode="expand")
    return MarkedQuote(region, span, fragment, governing)


def test_scare_quote() -> None:
    doc = parsed("She wrote a page called “for honest elections” last year.")
    quote = marked_quote(doc)
    assert not_quotes.scare_quote(quote)
    assert not_quotes.not_a_quote(quote) == "scare_quote"
    assert not not_quotes.scare_quote(marked_quote(doc, governing=doc[4]))


def test_title_in_running_text() -> None:
    doc = parsed("He said on NBC’s “Meet the Press” that the plan failed.")
    quote = marked_quote(doc, governing=doc[1])
    assert not_quotes.title_in_running_text(quote)  # cued, but after a possessive
    assert not_quotes.not_a_quote(quote) == "title_in_running_text"
    assert not not_quotes.title_in_running_text(marked_quote(doc, doc[1], fragment=False))


def test_work_title() -> None:
    doc = parsed("“Pop-up art show opens,” by DNAinfo's Eddie Small")
    assert not_quotes.not_a_quote(marked_quote(doc, fragment=False)) == "work_title"
    doc = parsed("“We will not retreat,” said Mr. Kamp.")
    assert not_quotes.not_a_quote(marked_quote(doc, fragment=False)) is None


def test_starts_sentence() -> None:
    doc = parsed("“We will not retreat,” said Mr. Kamp.")
    assert not_quotes.starts_sentence(doc, marked(doc)[0][0])
    doc = parsed("He described the plan as “a total disaster”.")
    assert not not_quotes.starts_sentence(doc, marked(doc)[0][0])


def test_is_orphan_phrase() -> None:
    doc = parsed("She wrote a page called “for honest elections” last year.")
    region = marked(doc)[0][0]
    orphan = Attribution("direct", region.start, region.end, regions=[region])
    assert not_quotes.is_orphan_phrase(doc, orphan)
    orphan.speaker = "She"
    assert not not_quotes.is_orphan_phrase(doc, orphan)


@pytest.mark.parametrize(
    ("line", "link"),
    [
        ("READ MORE: Doug Ford says wage cap law was about 'protecting jobs'", True),
        ("WATCH | Premier says the deal is done", True),
        ("Related: Ford says he will call an election", True),
        ("Correction: Ford said the deal was done on Monday", False),  # news, not a link
        ("Ford said: the deal is done", False),
    ],
)
def test_in_link_line(line: str, link: bool) -> None:
    text = f"Nurses voted to strike.\n\n{line}\n\nFord said he was confident."
    doc = spacy.blank("en")(text)
    start = text.index("says" if "says" in line else "said") + 5
    quote = Attribution("indirect", start, start + 8)
    assert not_quotes.in_link_line(doc, quote) is link
    after = Attribution("indirect", text.rindex("he was"), len(text) - 1)
    assert not not_quotes.in_link_line(doc, after)  # the next paragraph reports again
