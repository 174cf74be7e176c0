"""The mending of the tagger's person labels: quotex/components/people.py, on plain records."""

from __future__ import annotations

import re

import pytest

from quotex.components.people import (
    apposition_head,
    dateline_place,
    language_named_as_person,
    mend_people,
    organisation_named_as_person,
    organisation_tagged_too,
    outlet_named_as_person,
    person_named_as_thing,
    place_after_in,
    place_by_its_region,
    place_demonym,
    place_in_dateline,
    place_named_as_person,
    place_named_whole,
    saint_place,
    tail_of_a_thing,
    who_follows,
)


def _record(entity: str, name: str, label: str, mentions: int = 1) -> dict:
    return {
        "id": entity,
        "name": name,
        "label": label,
        "mentions": [[i, i + 1] for i in range(mentions)],
    }


@pytest.mark.parametrize(
    ("name", "label", "thing"),
    [
        ("Politico", "PERSON", "ORG"),
        ("Twitter", "PERSON", "ORG"),
        ("Michael Fox", "PERSON", None),  # the whole name must be the outlet's
        ("Politico", "ORG", None),  # not tagged a person: nothing to mend
    ],
)
def test_outlet_named_as_person_is_an_organisation(name, label, thing) -> None:
    assert outlet_named_as_person(_record("e1", name, label)) == thing


def test_place_named_as_person_takes_the_label_the_article_mostly_gives_the_word() -> None:
    # "Trump's Indiana chairman" (PERSON once); "Indiana hasn't cast its ballots" (GPE, often)
    person = _record("e2", "Indiana", "PERSON")
    records = [_record("e1", "Indiana", "GPE", mentions=3), person]
    assert place_named_as_person("x", person, records) == "GPE"


@pytest.mark.parametrize(
    ("person", "place"),
    [
        (_record("e2", "Bright", "PERSON", mentions=2), _record("e1", "Bright", "GPE")),
        (_record("e2", "Lee Bright", "PERSON"), _record("e1", "Lee Bright", "GPE", mentions=3)),
        (_record("e2", "Paris", "PERSON"), _record("e1", "Paris", "ORG", mentions=3)),
    ],
)
def test_place_named_as_person_keeps_a_person_named_as_often_or_in_full(person, place) -> None:
    assert place_named_as_person("x", person, [place, person]) is None


def test_mend_people_gives_an_outlet_and_a_place_their_labels() -> None:
    records, _ = mend_people(
        "",
        [
            _record("e1", "Politico", "PERSON"),
            _record("e2", "Indiana", "GPE", mentions=2),
            _record("e3", "Indiana", "PERSON"),
            _record("e4", "Mike Pence", "PERSON"),
        ],
    )
    assert [r["label"] for r in records] == ["ORG", "GPE", "GPE", "PERSON"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("BRAMLEY, England, Nov 21 (Wire) — Kessler Foods will close", "BRAMLEY"),
        ("Headline\n\nWASHINGTON (AP) — The Senate voted", "WASHINGTON"),
        ("SCRANTON, Pa. — Hillary Clinton", "SCRANTON"),
        ("NEW YORK, Nov. 19 (UPI) — A judge", "NEW YORK"),
        ("SELMA, N.C.—The mayor", "SELMA"),
        ("AP — The Senate voted", None),  # too few capitals for a place
        ("TRUMP, CLINTON CLASH - live", None),  # a headline in capitals
        ("WALLACE: Good evening - and welcome", None),  # a transcript's speaker
        ("The mayor of WASHINGTON — said", None),  # not opening a paragraph
    ],
)
def test_dateline_place(text, place) -> None:
    assert dateline_place(text) == place


def test_place_in_dateline_relabels_only_the_person_named_as_the_place() -> None:
    assert place_in_dateline(_record("e1", "Bramley", "PERSON"), "BRAMLEY") == "GPE"
    assert place_in_dateline(_record("e1", "Charlotte Smith", "PERSON"), "CHARLOTTE") is None
    assert place_in_dateline(_record("e1", "Bramley", "ORG"), "BRAMLEY") is None
    assert place_in_dateline(_record("e1", "Bramley", "PERSON"), None) is None
    records, _ = mend_people("BRAMLEY, England (Wire) — x", [_record("e1", "Bramley", "PERSON")])
    assert records[0]["label"] == "GPE"


@pytest.mark.parametrize(
    ("name", "label", "place"),
    [
        ("Nova Scotia", "PERSON", "GPE"),  # the first-name list would make it a woman
        ("New York", "PERSON", "GPE"),
        ("Saskatchewan", "PERSON", "GPE"),
        ("Virginia Foxx", "PERSON", None),  # a person named after a place
        ("Jordan", "PERSON", None),  # as often a person's name: not on the list
        ("Ontario", "GPE", None),  # already a place
        ("Ont", "PERSON", "GPE"),  # region_abbreviation: "London, Ont." split at the stop
        ("Que", "PERSON", "GPE"),
        ("Ontt", "PERSON", None),
    ],
)
def test_place_named_whole(name, label, place) -> None:
    assert place_named_whole(_record("e1", name, label)) == place


@pytest.mark.parametrize(
    ("text", "name", "label", "full"),
    [
        # honorific_names_a_person: British copy writes "Ms" without the full stop
        ("Rachel Reeves spoke. “No,” Ms Reeves said.", "Ms Reeves", "WORK_OF_ART", "Rachel Reeves"),
        ("“No,” Ms Reeves said.", "Ms Reeves", "ORG", "Reeves"),  # no full name: the surname
        ("“No,” Mr. Tom Kahn said.", "Mr. Tom Kahn", "GPE", "Tom Kahn"),
        ("Ms. Magazine said so.", "Ms. Magazine", "ORG", None),  # an organisation's word
        ("Miss America said so.", "Miss America", "ORG", None),  # "Miss" opens pageants
        ("“No,” Ms Reeves said.", "Ms Reeves", "PERSON", None),  # a person already
    ],
)
def test_person_named_as_thing_after_an_honorific(text, name, label, full) -> None:
    assert person_named_as_thing(text, _record("e1", name, label)) == full


def test_mend_people_starts_an_honoured_mention_after_its_honorific() -> None:
    text = "“No,” Ms Reeves said."
    start = text.index("Ms")
    record = {"id": "e1", "name": "Ms Reeves", "label": "WORK_OF_ART"}
    records, _ = mend_people(text, [{**record, "mentions": [[start, start + 9]]}])
    assert records[0]["label"] == "PERSON" and records[0]["name"] == "Reeves"
    assert records[0]["mentions"] == [[text.index("Reeves"), start + 9]]


@pytest.mark.parametrize(
    ("after", "head"),
    [
        (", a professor of international economics at Cornell, said", "professor"),
        (", India's defence minister, said", "minister"),
        (", the investment bank, said", "bank"),
        (" said on Monday", None),  # no apposition
        (", who was there, said", None),  # a relative clause, not an apposition
        (", a law firm that has long lobbied", "firm"),  # a relative clause ends it
    ],
)
def test_apposition_head(after, head) -> None:
    assert apposition_head(after) == head


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Eswar Prasad, a professor of economics at Cornell, said it failed.", "Eswar Prasad"),
        ("Eswar Prasad said it failed.", None),  # an uncommon first name and nothing else
        ("Goldman Sachs, the investment bank, said it failed.", None),
        ("Vann R. Newkirk II, a writer for The Atlantic, said it failed.", "Vann R. Newkirk II"),
    ],
)
def test_described_as_a_person_relabels_a_name_tagged_org(text, person) -> None:
    name = text.split(",")[0].split(" said")[0]
    record = {"id": "e1", "name": name, "label": "ORG", "mentions": [[0, len(name)]]}
    assert person_named_as_thing(text, record) == person


@pytest.mark.parametrize(
    ("text", "name", "person"),
    [
        # role_before_name: a role noun and a comma right before the name
        ("Its chief executive, Rain Newton-Smith, told the BBC.", "Rain Newton-Smith", True),
        ("Their former governor, Eswar Prasad, spoke.", "Eswar Prasad", True),
        ("first lady, U.S. Senate hopeful", "U.S. Senate", False),  # no full name
        ("its rival, Goldman Sachs, said so.", "Goldman Sachs", False),  # no role noun
    ],
)
def test_described_as_a_person_by_a_role_before_the_name(text, name, person) -> None:
    start = text.index(name)
    record = {"id": "e1", "name": name, "label": "ORG", "mentions": [[start, start + len(name)]]}
    assert (person_named_as_thing(text, record) == name) is person


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Pfizer, one of the world's top drug companies, gave money.", "Pfizer", "ORG"),
        ("It hired Akin Gump Strauss Hauer & Feld, a law firm that lobbies.", "Akin Gump", "ORG"),
        ("Beijinger, an English-language magazine, said it was looking.", "Beijinger", "ORG"),
        ("Jane Roe, a company founder, said it failed.", "Jane Roe", None),  # head: founder
        ("Michael Bay, the studio's founder, said it failed.", "Michael Bay", None),
        ("Pfizer said it gave money.", "Pfizer", None),  # no apposition
    ],
)
def test_organisation_named_as_person_reads_the_apposition(text, name, label) -> None:
    start = text.index(name)
    record = {"id": "e1", "name": name, "label": "PERSON", "mentions": [[start, start + len(name)]]}
    assert organisation_named_as_person(text, record) == label
    assert organisation_named_as_person(text, {**record, "label": "ORG"}) is None


@pytest.mark.parametrize(
    ("name", "label", "people"),
    [
        ("Nova Scotians", "PERSON", "NORP"),  # the first-name list would make them a woman
        ("Albertans", "PERSON", "NORP"),
        ("Ontarians", "PERSON", "NORP"),
        ("Quebecers", "PERSON", "NORP"),
        ("Newfoundlanders", "PERSON", "NORP"),
        ("Texans", "PERSON", "NORP"),
        ("Ohioans", "PERSON", "NORP"),
        ("Francis", "PERSON", None),  # "France" and two letters: Pope Francis
        ("Virginia Evans", "PERSON", None),  # a person named after a place
        ("Georgia", "PERSON", None),  # the place itself: place_named_whole's
        ("Albertans", "NORP", None),  # already a people
    ],
)
def test_place_demonym(name, label, people) -> None:
    assert place_demonym(_record("e1", name, label)) == people


def test_person_named_as_thing_leaves_a_places_people_as_tagged() -> None:
    text = "About 140,000 Nova Scotians remain on the wait list."
    record = {"id": "e1", "name": "Nova Scotians", "label": "NORP", "mentions": [[14, 27]]}
    assert person_named_as_thing(text, record) is None  # "Nova" opens women's names too
    record = {**record, "name": "Nova Smith", "label": "ORG"}
    assert person_named_as_thing("Nova Smith said so.", record) == "Nova Smith"


def test_who_names_a_person_the_tagger_called_a_place() -> None:
    text = "Nazem Kadri and Blake Coleman scored. Kadri, who left the game, said he was fine."
    start = text.index("Kadri,")
    record = {"id": "e1", "name": "Kadri", "label": "GPE", "mentions": [[start, start + 5]]}
    assert who_follows(text, record)
    assert person_named_as_thing(text, record) == "Nazem Kadri"  # named in full before
    alone = "Kadri, who left the game briefly, said he was fine."
    assert person_named_as_thing(alone, {**record, "mentions": [[0, 5]]}) is None  # who?
    arena = "at Nazem Kadri Arena. Kadri, who left the game briefly, said he was fine."
    start = arena.index("Kadri,")
    assert person_named_as_thing(arena, {**record, "mentions": [[start, start + 5]]}) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Oilers, who have won four straight, lead.", "Oilers"),  # a team, plural
        ("Utah Jazz, who lost again, fell.", "Utah Jazz"),  # a place's name opens it
        ("Kadri said he was fine.", "Kadri"),  # no relative clause
        ("Kadri, which is a town, grew.", "Kadri"),
    ],
)
def test_who_follows_not_for_teams_places_or_other_clauses(text, name) -> None:
    record = {"id": "e1", "name": name, "label": "ORG", "mentions": [[0, len(name)]]}
    assert not who_follows(text, record)


def test_place_before_title_breaks_a_tie_for_the_place() -> None:
    text = "a home in Surrey, B.C. Surrey Mayor Brenda Locke said"
    place = {"id": "e1", "name": "Surrey", "label": "GPE", "mentions": [[10, 16]]}
    person = {"id": "e2", "name": "Surrey", "label": "PERSON", "mentions": [[23, 29]]}
    assert place_named_as_person(text, person, [place, person]) == "GPE"
    other = "a home in Bright, Ont. Bright said"  # a person who speaks
    place = {**place, "name": "Bright", "mentions": [[10, 16]]}
    person = {**person, "name": "Bright", "mentions": [[23, 29]]}
    assert place_named_as_person(other, person, [place, person]) is None


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("a shooting in Surrey, B.C., on Sunday", "Surrey", "GPE"),
        ("NASHUA, N.H. — The", "NASHUA", "GPE"),
        ("near Fox Creek, Alberta, where", "Fox Creek", "GPE"),
        ("said Bob Casey, Pennsylvania Democrat", "Bob Casey", None),  # a whole name ends
        ("said Bob Casey, who", "Bob Casey", None),
        ("MLA Jennifer Whiteside, B.C.'s minister", "Jennifer Whiteside", None),
        ("in Kamloops, B.C.'s interior", "Kamloops", None),  # the region's, possessive
    ],
)
def test_place_by_its_region(text, name, label) -> None:
    start = text.index(name)
    record = {"id": "e1", "name": name, "label": "PERSON", "mentions": [[start, start + len(name)]]}
    assert place_by_its_region(text, record) == label


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("on a visit to a hospital in Kent, Sir Keir", "Kent", "GPE"),
        ("in Trump's view", "Trump", None),  # a possessive
        ("Kent said so, in Kent", "Kent", None),  # named elsewhere without "in"
        ("in Peter Burrows's book", "Peter Burrows", None),  # one word only
        ("their faith in Jesus", "Jesus", None),  # a person's object
        ("lost confidence in Trudeau", "Trudeau", None),
        # after "north of" or "the community of", before a place's noun
        ("a farm 10 kilometres north of Morris", "Morris", "GPE"),
        ("officers reached the community of Debert", "Debert", "GPE"),
        ("In Surrey, 350 classes are in portables. Surrey school district staff", "Surrey", "GPE"),
        ("a fixture in Bowness Flats", "Bowness Flats", "GPE"),  # a longer name, no first name
        ("a letter to John Smith", "John Smith", None),
        ("the encampment at Victoria Park", "Victoria Park", "GPE"),  # a place's word ends it
        ("a home in Stewart Crossing", "Stewart Crossing", "GPE"),
        ("a call to Victoria Park", "Victoria Park", None),  # no place's preposition
        ("She drove from Moose Jaw with her husband.", "Moose Jaw", "GPE"),  # a journey's
        ("a letter from Moose Jaw", "Moose Jaw", None),  # "from" alone: a sender too
        ("portables.\n\nIn Surrey, classes are full.", "Surrey", "GPE"),  # "In" opening
    ],
)
def test_place_after_in(text, name, label) -> None:
    mentions = [[m.start(), m.end()] for m in re.finditer(name, text)]
    record = {"id": "e1", "name": name, "label": "PERSON", "mentions": mentions}
    assert place_after_in(text, record) == label


@pytest.mark.parametrize(
    ("name", "label", "full"),
    [
        ("NDP MLA Jennifer Whiteside", "ORG", "Jennifer Whiteside"),
        ("Phoenix Mayor Greg Stanton", "ORG", "Greg Stanton"),
        ("Mayor Olivia", "ORG", None),  # one word after the title: no full name
        ("Office of Personnel Management", "ORG", None),  # "of" is no title
        ("Liberal MNA Marwah Rizqy", "ORG", "Marwah Rizqy"),  # any first name after a title
        ("The Late Show With Stephen Colbert", "ORG", None),  # "Late": a modifier
        ("Conservative Solutions PAC", "ORG", None),  # "Conservative": an affiliation
        ("Clinton Foundation", "ORG", None),
    ],
)
def test_title_names_a_person(name, label, full) -> None:
    record = {"id": "e1", "name": name, "label": label, "mentions": [[0, len(name)]]}
    assert person_named_as_thing(name + " said so.", record) == full
    if full:
        records, _ = mend_people(name + " said so.", [record])
        assert records[0]["mentions"] == [[len(name) - len(full), len(name)]]


def test_organisation_tagged_too_as_often_is_an_organisation() -> None:
    text = "Pfizer says it is ready. Pfizer CEO Albert Bourla agreed."
    org = {"id": "e1", "name": "Pfizer", "label": "ORG", "mentions": [[0, 6]]}
    person = {"id": "e2", "name": "Pfizer", "label": "PERSON", "mentions": [[25, 31]]}
    assert organisation_tagged_too(text, person, [org, person], {}) == "ORG"
    often = "Pfizer says it is ready. Pfizer agreed. Pfizer left."
    twice = {**person, "mentions": [[25, 31], [40, 46]]}  # more often a person
    assert organisation_tagged_too(often, twice, [org, twice], {}) is None
    named = {"Pfizer": {"Ann Pfizer"}}  # someone's surname
    assert organisation_tagged_too(text, person, [org, person], named) is None
    qualifier = "Metrolinx says no. Metrolinx CEO Phil Verster agreed with Metrolinx."
    org = {"id": "e1", "name": "Metrolinx", "label": "ORG", "mentions": [[0, 9]]}
    person = {"id": "e2", "name": "Metrolinx", "label": "PERSON", "mentions": [[19, 28], [58, 67]]}
    assert organisation_tagged_too(qualifier, person, [org, person], {}) == "ORG"  # "… CEO"
    tuttle = "National Review’s Ian Tuttle wrote. Tuttle said so."
    org = {**org, "name": "Tuttle"}
    person = {**person, "name": "Tuttle"}
    assert organisation_tagged_too(tuttle, person, [org, person], {}) is None  # named in full


def test_tail_of_a_thing_takes_the_things_label() -> None:
    leafs = {"id": "e1", "name": "Maple Leafs", "label": "PERSON", "mentions": [[0, 11]]}
    team = {"id": "e2", "name": "Toronto Maple Leafs", "label": "ORG", "mentions": [[20, 39]]}
    assert tail_of_a_thing(leafs, [leafs, team], {"Leafs": {"Maple Leafs"}}) == "ORG"
    headline = {
        **team,
        "name": "Flint Water Response Captures The Difference Between Bernie Sanders",
    }
    bernie = {**leafs, "name": "Bernie Sanders"}
    assert tail_of_a_thing(bernie, [bernie, headline], {}) is None  # a headline, 6 words more
    clinton = {**leafs, "name": "Hillary Clinton"}
    assert (
        tail_of_a_thing(clinton, [clinton, {**team, "name": "Secretary Hillary Clinton"}], {})
        is None
    )
    prasad = {**leafs, "name": "Prasad"}  # one word: maybe a surname
    assert tail_of_a_thing(prasad, [prasad, {**team, "name": "Eswar Prasad"}], {}) is None


@pytest.mark.parametrize(
    ("text", "name", "person"),
    [
        ("His wife, Eleanore, said he died at home.", "Eleanore", "Eleanore"),
        ("Schilling's son, Grant, defended his father.", "Grant", "Grant"),
        ("whose husband, Navy SEAL Ty Woods, was killed", "Navy", None),  # more follows
        ("The firm, Acme, said sales fell.", "Acme", None),  # no kin noun, no first name
    ],
)
def test_given_name_after_kin(text, name, person) -> None:
    start = text.index(name)
    record = {"id": "e1", "name": name, "label": "ORG", "mentions": [[start, start + len(name)]]}
    assert person_named_as_thing(text, record) == person


@pytest.mark.parametrize(
    ("name", "full"),
    [
        ("Jean-François Tremblay", "Jean-François Tremblay"),  # hyphenated_first_name
        ("Marie-Ève Dubois", "Marie-Ève Dubois"),
        ("Coca-Cola Canada", None),  # "Coca" is no first name
        ("Al-Shabaab Media", None),  # "Al" too short to open a compound first name
    ],
)
def test_person_named_as_thing_reads_a_compound_first_name(name: str, full) -> None:
    text = f"Veteran dockworker {name} said morale was high."
    start = text.index(name)
    record = {"id": "e1", "name": name, "label": "ORG", "mentions": [[start, start + len(name)]]}
    assert person_named_as_thing(text, record) == full


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Saint John", "GPE"),
        ("St. Catharines", "GPE"),
        ("Saint-Jérôme", "GPE"),
        ("Ste", "GPE"),  # "Ste. Agathe", its full stop split off
        ("Yves Saint Laurent", None),
        ("Santos", None),
    ],
)
def test_saint_place(name: str, label) -> None:
    assert saint_place(_record("e1", name, "PERSON")) == label
    assert saint_place(_record("e1", name, "GPE")) is None  # already a place


def test_person_named_as_thing_leaves_a_saints_town_a_place() -> None:
    text = "Goods were diverted to Halifax and Saint John."
    start = text.index("Saint")
    record = {"id": "e1", "name": "Saint John", "label": "GPE", "mentions": [[start, start + 10]]}
    assert person_named_as_thing(text, record) is None  # "Saint" is on the first-name list


@pytest.mark.parametrize(
    ("text", "name", "label", "full"),
    [
        # said_he_or_she: an organisation does not report "he"
        (
            "Gurpreet Dhaliwal said he woke to the sound.",
            "Gurpreet Dhaliwal",
            "ORG",
            "Gurpreet Dhaliwal",
        ),
        (
            "A woman who gave her name as Shannon said she slept in a car.",
            "Shannon",
            "ORG",
            "Shannon",
        ),
        ("Sen. Ted Cruz of Texas said he would vote no.", "Texas", "GPE", None),  # the senator
        ("Gurpreet Dhaliwal said it would close.", "Gurpreet Dhaliwal", "ORG", None),
        # age_or_who: an age or a "who" clause after a name the tagger called a thing
        (
            "Ifeoma Nwosu, who has held season tickets, cheered.",
            "Ifeoma Nwosu",
            "GPE",
            "Ifeoma Nwosu",
        ),
        ("Kwame Osei, 24, was laid off.", "Kwame Osei", "ORG", "Kwame Osei"),
        # the "who" of a person before the preposition: "the director at …, who"
        (
            "Ann Lee, the director at Publishers Weekly, who read it, spoke.",
            "Publishers Weekly",
            "ORG",
            None,
        ),
        ("Nova Scotia, who knew?", "Nova Scotia", "GPE", None),  # a province, "Nova" or not
    ],
)
def test_person_named_as_thing_by_what_follows_the_name(text, name, label, full) -> None:
    start = text.index(name)
    record = {"id": "e1", "name": name, "label": label, "mentions": [[start, start + len(name)]]}
    assert person_named_as_thing(text, record) == full


def test_a_bare_surname_joins_a_person_found_under_another_label() -> None:
    # "Gurpreet Dhaliwal" (ORG) is a person by said_he_or_she; "Dhaliwal" (ORG) is his
    text = "Gurpreet Dhaliwal said he woke up. “I ran,” Dhaliwal said."
    full = {"id": "e1", "name": "Gurpreet Dhaliwal", "label": "ORG", "mentions": [[0, 17]]}
    at = text.rindex("Dhaliwal")
    bare = {"id": "e2", "name": "Dhaliwal", "label": "ORG", "mentions": [[at, at + 8]]}
    records, renamed = mend_people(text, [full, bare])
    assert [(r["name"], r["label"], len(r["mentions"])) for r in records] == [
        ("Gurpreet Dhaliwal", "PERSON", 2)
    ]
    assert renamed == {"e1": "e1", "e2": "e1"}


def test_a_name_with_an_age_keeps_its_place_word() -> None:
    # "Park" ends places' names too; "Jun Park, 24," is a person's
    text = "Jun Park, 24, who was laid off, said he applied."
    record = {"id": "e1", "name": "Jun Park", "label": "PERSON", "mentions": [[0, 8]]}
    records, _ = mend_people(text, [record])
    assert records[0]["label"] == "PERSON"
    records, _ = mend_people("A walk in Jun Park was calm.", [{**record, "mentions": [[10, 18]]}])
    assert records[0]["label"] == "FAC"


def test_language_named_as_person() -> None:
    # language_as_person: "teaches Grade 4 French immersion" tags "French" a person
    record = _record("e1", "French", "PERSON")
    assert language_named_as_person(record, {}) == "LANGUAGE"
    assert language_named_as_person(record, {"French": {"Judith French"}}) is None  # a surname
    assert language_named_as_person(_record("e1", "Frank", "PERSON"), {}) is None
