"""Embedded posts (quotex/posts.py): tweet markup read as its author's words, on strings."""

from __future__ import annotations

import pytest

from quotex.posts import apply, author_name, name_from_handle, named_in_text, rewrite


@pytest.mark.parametrize(
    ("handle", "name"),
    [
        ("RealBenCarson", "Ben Carson"),
        ("realDonaldTrump", "Donald Trump"),
        ("GovMikeHuckabee", "Mike Huckabee"),
        ("LindseyGrahamSC", "Lindsey Graham"),  # a state code after the name
        ("GovernorPataki", "Gov. Pataki"),  # a title before a surname
        ("tedcruz", "Ted Cruz"),  # lowercase_handle: a common first name and a surname
        ("marcorubio", "Marco Rubio"),
        ("foxnews", None),  # "Fox" is no common first name
        ("williams", None),  # a surname made of a first name, not "Will Iams"
        ("robertson", None),
        ("MissDBunker", None),  # one-letter word: not a name
        ("th3j35t3r", None),
        ("SLOStringer", None),  # no first name
        ("NRA", None),
    ],
)
def test_handle_reads_as_name(handle, name) -> None:
    assert name_from_handle(handle) == name


@pytest.mark.parametrize(
    ("handle", "text", "name"),
    [
        ("tedcruz", "Sen. Ted Cruz of Texas spoke.", "Ted Cruz"),
        ("MartinOMalley", "Gov. Martin O’Malley called for action.", "Martin O’Malley"),
        ("SpeakerRyan", "House Speaker Paul Ryan said so.", "Paul Ryan"),
        ("GovChristie", "New Jersey Gov. Chris Christie praised it.", "Chris Christie"),
        # two people share the surname: neither
        ("SenClinton", "Hillary Clinton and Bill Clinton came.", None),
        ("tedcruz", "Nobody named him.", None),
    ],
)
def test_handle_spells_a_name(handle, text, name) -> None:
    assert named_in_text(handle, text) == name


def test_a_signature_names_the_author_and_ends_the_words() -> None:
    words = "I'm thrilled. — Hillary Clinton (@HillaryClinton) July 23, 2016"
    assert author_name("HillaryClinton", words, "") == "Hillary Clinton"
    text = f'<tweet id="1" author="@HillaryClinton" datetime="2016-07-23">{words}</tweet>.'
    assert apply(text, rewrite(text)).strip() == "Hillary Clinton tweeted: “I'm thrilled.”."


def test_an_unknown_account_keeps_its_handle() -> None:
    assert author_name("MissDBunker", "scanner: shots fired", "") == "@MissDBunker"


def test_a_post_reads_as_a_sentence_and_its_inner_marks_as_single() -> None:
    text = (
        'Republicans prayed:\n\n<tweet pic="" author="RealBenCarson" timestamp="1">'
        'My "thoughts" are with them.</tweet>.'
    )
    read = apply(text, rewrite(text))
    assert read == "Republicans prayed:\n\n Ben Carson tweeted: “My 'thoughts' are with them.”."
    handle = next(p for p in rewrite(text) if p.text == "Ben Carson")
    assert text[handle.start : handle.end] == "RealBenCarson"


@pytest.mark.parametrize(
    "text",
    [
        'Before.\n\n<tweet tweet-id="661196115484643328"><tweet/>.\n\nAfter.',
        "Before.\n\n<tweet/>.\n\nAfter.",
    ],
)
def test_an_empty_embed_is_blanked(text) -> None:
    read = apply(text, rewrite(text))
    assert "tweet" not in read and read.split() == ["Before.", ".", "After."]


def test_markup_whose_author_is_no_handle_keeps_its_words_as_plain_text() -> None:
    text = '<tweet author=" that the statement is accurate">Mostly True</tweet>.'
    assert apply(text, rewrite(text)).split() == ["Mostly", "True", "."]


def test_text_without_markup_is_left_alone() -> None:
    assert rewrite("He tweeted: “We won.”") == []


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # a page's embed: the words, then the signature on a line of its own
        (
            "Candidates reacted.\n\nMy thoughts are with the victims.\n\n"
            "— Dr. Ben Carson (@RealBenCarson) December 2, 2015\n\nDemocrats called.",
            "Candidates reacted.\n\n“My thoughts are with the victims.” Dr. Ben Carson "
            "tweeted.\n\nDemocrats called.",
        ),
        # the signature ending the words' own line
        (
            'Enough is "enough". — Martin O’Malley (@MartinOMalley) December 2, 2015',
            "“Enough is 'enough'.” Martin O’Malley tweeted.",
        ),
    ],
)
def test_signed_post(text, read) -> None:
    pieces = rewrite(text)
    assert apply(text, pieces) == read
    signature = next(p for p in pieces if p.text == " tweeted.")
    assert text[signature.start : signature.end].startswith(" (@")


def test_a_dash_and_a_name_without_a_handle_is_no_signature() -> None:
    assert rewrite("The vote was close — Ben Carson (who lost) said so.") == []
