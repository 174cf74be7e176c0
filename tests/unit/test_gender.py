"""Gender from the article and the first-name list (quotex/gender.py), on plain strings."""

from __future__ import annotations

import re

import pytest

from quotex.first_names import female_share, is_first_name, mostly_a_surname, name_key
from quotex.gender import (
    Gender,
    first_name_gender,
    noun_gender_before,
    pronoun_gender_alone,
    strongest,
    surname_of_another,
    title_gender,
    titled_lone_name,
)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("Hillary Clinton", "female"),
        ("John Kasich", "male"),
        ("Chris Christie", None),  # 0.16 female: under the bar of 0.9 either way
        ("Carol Moseley Braun", None),  # 0.86
        ("Pat Toomey", None),  # 0.38: either
        ("C. Rick Martin", "male"),  # leading_initial: read by "Rick"
        ("J. Edgar Hoover", "male"),
        ("J. Smith", None),  # an initial and a surname: nothing to read
        ("Journalist Jorge Ramos", "male"),  # role_noun_opening: read by "Jorge"
    ],
)
def test_first_name_gender_needs_a_share_of_0_9_either_way(name, value) -> None:
    assert first_name_gender(name).value == value


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("Mélanie Joly", "female"),  # first_name_folded: the list writes "Melanie"
        ("José Ramírez", "male"),  # "Jose"
        ("Zoë Dubois", "female"),
        ("René Lévesque", None),  # "Rene": 0.24 female, under the bar
        ("Marie-Ève Proulx", "female"),  # hyphenated_first_name: by "Marie", 0.96
        ("Jean-Luc Mélenchon", None),  # by "Jean", 0.70: unknown
        ("Mary-Kate Olsen", "female"),
    ],
)
def test_first_name_gender_reads_accents_and_compounds_as_the_list_spells_them(name, value) -> None:
    assert first_name_gender(name).value == value


def test_first_names_fold_accents_for_lookups() -> None:
    assert name_key("Mélanie") == "melanie" and name_key("ANDRÉ") == "andre"
    assert is_first_name("André") and is_first_name("Ted") and not is_first_name("Lévesque")
    assert female_share("Jean-Pierre") == female_share("Jean")
    assert female_share("Ste-Foy") is None


@pytest.mark.parametrize("name", ["Reagan", "Kennedy", "Carol"])
def test_first_name_gender_holds_a_lone_word_to_the_strict_bar(name) -> None:
    assert first_name_gender(name).value is None


@pytest.mark.parametrize(
    ("name", "value"),
    [
        # lone_word_surname: one word alone is a surname unless rarely one (1990 census)
        ("Clinton", None),  # 0.0 female on the list, but a surname 1 in 5 times
        ("Williams", None),
        ("Christie", None),  # 1.0 female on the list
        ("Warren", None),
        ("Hillary", "female"),  # never a surname
        ("David", "male"),  # a first name 85 times as often
        ("Jeb", "male"),  # not in the census: read by the list
    ],
)
def test_lone_word_is_a_surname_unless_rarely_one(name, value) -> None:
    assert first_name_gender(name).value == value
    assert mostly_a_surname(name) is (value is None)


def test_a_full_name_reads_its_first_word_as_a_first_name_surname_or_not() -> None:
    assert first_name_gender("Warren Buffett").value == "male"


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("said Congresswoman Maxine Waters", "Maxine", "female"),
        ("and his spokeswoman, Hope Hicks", "Hope", "female"),
        ("the former first lady Hillary Clinton", "Hillary", "female"),
        ("Patti Davis, Reagan's daughter, attacked Donald Trump", "Donald", None),
        ("Hope Hicks, a spokeswoman for Donald Trump", "Donald", None),
        ("and his granddaughter, Kai Trump", "Kai", "female"),
        ("and her stepson, Alex Hale", "Alex", "male"),
    ],
)
def test_noun_gender_before_needs_the_noun_next_to_the_name(text, name, value) -> None:
    assert noun_gender_before(text, text.index(name)).value == value


@pytest.mark.parametrize(
    ("text", "name", "value", "evidence"),
    [
        ("Trump spokesman Hope Hicks confirmed it", "Hope Hicks", None, "none"),  # split
        ("said spokesman Josh Earnest", "Josh Earnest", "male", "first name"),  # agrees
        ("said spokesman Dana Perino", "Dana Perino", "male", "noun"),  # name says nothing
        ("said Congressman Paul Ryan", "Paul Ryan", "male", "noun"),  # not a generic noun
        ("said businessman Hope Smith", "Hope Smith", "male", "noun"),
        ("said Alderman Hope Smith", "Hope Smith", None, "none"),  # generic too: split
    ],
)
def test_generic_man_noun_is_weaker_than_a_first_name(text, name, value, evidence) -> None:
    found = strongest(
        [noun_gender_before(text, text.index(name)), first_name_gender(name)],
    )
    assert (found.value, found.evidence) == (value, evidence)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("letters addressed to Mrs. Khan", "female"),
        ("letters addressed to Mr. Khan", "male"),
        ("letters addressed to Mr. and Mrs. Khan", None),  # a couple: nobody's gender
        ("letters addressed to Mr. & Mrs. Khan", None),
        ("letters addressed to Pope Khan", "male"),  # titles only one sex holds
        ("letters addressed to Empress Khan", "female"),
        ("letters addressed to Mme Khan", "female"),  # French and German honorifics
        ("letters addressed to Mlle. Khan", "female"),
        ("letters addressed to Herr Khan", "male"),
        ("letters addressed to Countess Khan", "female"),  # peerage titles
        ("letters addressed to Earl Khan", "male"),
    ],
)
def test_couple_title_shows_no_gender(text, value) -> None:
    assert title_gender(text, text.index("Khan")).value == value


def test_generic_man_noun_yields_to_a_pronoun() -> None:
    spokesman = noun_gender_before("spokesman Hope Hicks", len("spokesman "))
    assert spokesman.weak
    assert strongest([spokesman, Gender("female", "pronoun")]).value == "female"


def sentences_of(text: str) -> list[tuple[int, int]]:
    starts = [0] + [i + 2 for i in range(len(text)) if text.startswith(". ", i)]
    return [(a, b) for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def mentions_of(text: str, name: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(name, text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Obama won his party's nomination. The race was long.", "male"),
        ("Ayotte spoke for an hour. She took no questions.", "female"),
        ("Obama met Clinton. She took no questions.", None),  # two people named
        ("Ayotte spoke. She left. Ayotte came back. He waved.", None),  # split votes
        # generic_he_or_she: "he or she", "his/her" vote for no one
        ("Obama won his race. If one succeeds Obama, he or she will veto.", "male"),
        ("Obama led his party. Obama left his/her office.", "male"),
        # reflexive_pronoun: "himself", "herself" refer back as "he", "she" do
        ("Ayotte described herself as a fiscal hawk.", "female"),
        ("Obama cast himself as the heir.", "male"),
        ("Ayotte asked if one can trust himself or herself, and she left.", "female"),  # a pair
        # appositive_possessive: "her" opening the name's apposition is someone else's
        ("Lund, her attorney, said the charges were false.", None),
        ("Lund said her case was strong.", "female"),
        # own_possessor: a "his" whose noun owns the role is the person's own
        ("Bains, his party's critic for health, argued the plan failed.", "male"),
        ("Bains, his longtime lawyer, argued the plan failed.", None),
        # said_he_or_she: what "said" reports first outweighs the other pronouns
        ("Pothier, who sided with the mayor, said he would not cut her pay.", "male"),
        ("Pothier said the mayor would not cut her pay.", "female"),
    ],
)
def test_pronoun_gender_alone_counts_he_and_she_where_one_person_is_named(text, value) -> None:
    name = re.match(r"\w+", text).group()
    others = [m for other in ("Clinton",) if other != name for m in mentions_of(text, other)]
    found = pronoun_gender_alone(text, sentences_of(text), mentions_of(text, name), others)
    assert found.value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # another person named later in the sentence: the first pronoun still counts
        ("Capt. Pardo said he would not vote for Clinton or Trump.", "male"),
        ("Conason writes in his book that Clinton asked.", "male"),
        # another person between the mention and the pronoun: no vote
        ("Pardo met Clinton, and she left.", None),
    ],
)
def test_first_pronoun_after_a_mention_counts_until_someone_else_is_named(text, value) -> None:
    name = "Conason" if "Conason" in text else "Pardo"
    others = [m for other in ("Clinton", "Trump") for m in mentions_of(text, other)]
    found = pronoun_gender_alone(text, sentences_of(text), mentions_of(text, name), others)
    assert found.value == value


@pytest.mark.parametrize(
    ("text", "clinton", "value"),
    [
        # named_before_in_sentence: "she" may be Clinton's, who is female or not shown
        ("Clinton testified, Biden stayed out and she did well.", "female", None),
        ("Clinton testified, Biden stayed out and she did well.", None, None),
        # Clinton, shown female, cannot be the "he": it is Biden's
        ("Clinton testified, Biden stayed out and he did well.", "female", "male"),
        # Clinton shown male could be the "he": no vote for Biden
        ("Clinton praised Biden, who said he did well.", "male", None),
    ],
)
def test_a_pronoun_after_a_second_person_named_counts_only_where_the_first_cannot_take_it(
    text, clinton, value
) -> None:
    others = mentions_of(text, "Clinton")
    genders = {start: clinton for start, _ in others}
    found = pronoun_gender_alone(
        text, sentences_of(text), mentions_of(text, "Biden"), others, other_genders=genders
    )
    assert found.value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("In his speech, Graham urged Republicans to act. Graham left.", "male"),
        ("During her campaign, Governor Graham issued a statement.", "female"),
        # another person named before the subject: the pronoun could be theirs
        ("After his meeting with Clinton, Graham left.", None),
        # the phrase does not open the sentence
        ("Voters cheered in his hometown, Graham said.", None),
    ],
)
def test_fronted_possessive_is_the_subjects(text, value) -> None:
    others = mentions_of(text, "Clinton")
    found = pronoun_gender_alone(text, sentences_of(text), mentions_of(text, "Graham"), others)
    assert found.value == value


def test_pronouns_inside_quote_marks_are_no_evidence() -> None:
    text = "Ayotte spoke. “She is wrong,” Ayotte said of her rival. Ayotte said she left."
    quoted = [(text.index("“"), text.index("”") + 1)]
    mentions = mentions_of(text, "Ayotte")
    # outside the quote: "her rival", "she left" (female); inside: "She" would make it 3
    found = pronoun_gender_alone(text, sentences_of(text), mentions, [], quoted)
    assert found.value == "female"
    he = text.replace("her rival", "his rival").replace("she left", "he left")
    found = pronoun_gender_alone(he, sentences_of(he), mentions_of(he, "Ayotte"), [], quoted)
    assert found.value == "male"


def test_her_as_an_object_is_no_evidence() -> None:
    text = "Obama backed her up. Obama spoke. He left."
    mentions = mentions_of(text, "Obama")
    # "her" counted, then split 1 female to 1 male: unknown
    assert pronoun_gender_alone(text, sentences_of(text), mentions, []).value is None
    objects = frozenset({text.index("her")})
    assert pronoun_gender_alone(text, sentences_of(text), mentions, [], (), objects).value == "male"


@pytest.mark.parametrize(
    ("text", "name", "titled"),
    [
        ("Gov. Christie spoke.", "Christie", True),
        ("Sen. Kelly voted.", "Kelly", True),
        ("Melanie voted.", "Melanie", False),  # a first name alone
        ("“He loves us,” Melanie said.", "Melanie", False),  # "us" is no title
        ("Gov. Chris Christie spoke.", "Chris Christie", False),  # not a lone word
    ],
)
def test_titled_lone_name_is_a_surname(text, name, titled) -> None:
    start = text.index(name.split()[0])
    assert titled_lone_name(text, name, [(start, start + len(name))]) is titled


@pytest.mark.parametrize(
    ("name", "surname"),
    [
        ("Clinton", True),  # ends "Hillary Clinton"
        ("clinton", True),
        ("Hillary", False),  # a first name of one of them
        ("Bill Clinton", False),  # not a lone word
        ("Melanie", False),
    ],
)
def test_surname_of_another(name, surname) -> None:
    assert surname_of_another(name, ["Hillary Clinton", "Clinton", name]) is surname
