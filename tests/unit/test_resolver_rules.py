"""The speaker resolver's rules on hand-built discourses and Docs (no model)."""

from __future__ import annotations

import re

import pytest
import spacy
from handbuilt import parsed
from spacy.tokens import Doc

from quotex.components.attribution.syntax import mention_span
from quotex.components.people import (
    full_name_before,
    full_names_by_surname,
    mend_people,
    people_the_tagger_missed,
    person_named_as_thing,
    surname_of_one_person,
    thing_named_as_person,
)
from quotex.components.resolver import (
    Decision,
    confidence,
    in_relative_of_unnamed,
    is_aside,
    named_in_own_clause,
    organisation_for_they,
    person_asked,
    pronoun_subject_above,
    quote_words,
    relative_document_issuer,
    unnamed_gender,
    unnamed_speaker_continues,
)
from quotex.components.resolver.descriptions import (
    document_author,
    entity_with_role,
    holder_of_a_like_title,
    issuer_named_with,
    kin_named_before,
    kind_of,
    named_another_kind,
    named_with_the_same_noun,
    names_the_document,
    organisation_acting_lately,
    organisation_of_kind,
    own_issuer,
    people_named_together,
    related_to_a_person,
    resolve_description,
    role_phrase,
    title_qualified_by_name,
)
from quotex.components.resolver.discourse import (
    Discourse,
    Mention,
    Turn,
    build_discourse,
    lone_paragraphs,
    surname_mentions,
)
from quotex.components.resolver.pronouns import candidates, probability, rank
from quotex.gender import (
    Gender,
    first_name_gender,
    noun_gender,
    noun_gender_before,
    strongest,
    title_gender,
)

VOCAB = spacy.blank("en").vocab


def discourse(text: str, entities: dict[str, tuple[str, str]], mentions: list[tuple]) -> Discourse:
    """A discourse over ``text``: entities id → (name, label); mentions (start, end, id,
    paragraph, sentence, in_quote, subject). Paragraphs start at each blank line."""
    starts = [0] + [i + 2 for i in range(len(text)) if text.startswith("\n\n", i)]
    return Discourse(
        text=text,
        names={k: v[0] for k, v in entities.items()},
        labels={k: v[1] for k, v in entities.items()},
        mentions=[Mention(*m) for m in mentions],
        paragraph_starts=starts,
        sentence_starts=starts,
    )


def description(words, tags, pos, lemmas, deps, heads) -> Doc:
    return Doc(VOCAB, words=words, tags=tags, pos=pos, lemmas=lemmas, deps=deps, heads=heads)


# --------------------------------------------------------------------------- gender


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("Hillary Clinton", "female"),
        ("Bernie Sanders", "male"),
        ("Melanie", "female"),
        ("Rubio", None),
        ("Leslie Smith", None),
        ("Bill de Blasio", "male"),
        ("von Trapp", None),  # "Von" is in the list; a lowercase particle is no first name
    ],
)
def test_first_name_gender_needs_a_clear_share(name, value) -> None:
    assert first_name_gender(name).value == value


def test_title_gender_reads_the_honorific_before_a_name() -> None:
    text = "said Mrs. Clinton and Mr. Trump"
    assert title_gender(text, text.index("Clinton")) == Gender("female", "title")
    assert title_gender(text, text.index("Trump")) == Gender("male", "title")
    assert title_gender(text, 0).value is None
    # lowercase_kin_noun: a lowercase "brother" is a noun, not the title "Brother"
    kin = "Her brother, Daniel Okafor, said so. Brother Daniel prayed."
    assert title_gender(kin, kin.index("Daniel Okafor")).value is None
    assert noun_gender_before(kin, kin.index("Daniel Okafor")) == Gender("male", "noun")
    assert title_gender(kin, kin.index("Daniel prayed")) == Gender("male", "title")


def test_noun_gender_reads_gendered_nouns() -> None:
    assert noun_gender(["the", "congresswoman"]).value == "female"
    assert noun_gender(["the", "actor"]).value == "male"
    assert noun_gender(["the", "senator"]).value is None


def test_strongest_gender_evidence_wins_and_a_split_is_unknown() -> None:
    assert strongest([Gender("male", "first name"), Gender("female", "pronoun")]).value == "female"
    assert strongest([Gender("male", "title"), Gender("female", "title")]).value is None


# --------------------------------------------------------------------------- pronouns

TWO_MEN = "Tom Reed spoke. “We win,” Reed said.\n\nHe met Mark Ellis.\n\n“It fails,” he said."


def reed_then_ellis(text: str, ellis: tuple) -> Discourse:
    """Tom Reed, named twice, speaks in the first paragraph of ``text``; ``ellis`` is the
    mention of Mark Ellis after it."""
    d = discourse(
        text,
        {"e1": ("Tom Reed", "PERSON"), "e2": ("Mark Ellis", "PERSON")},
        [
            (0, 8, "e1", 0, 0, False, True, False, "ROOT"),
            (26, 30, "e1", 0, 0, False, True, False, "ROOT"),
            ellis,
        ],
    )
    d.turns.append(Turn(16, "e1", "Tom Reed", 0))
    return d


def two_men() -> Discourse:
    return reed_then_ellis(TWO_MEN, (45, 55, "e2", 1, 1, False, False))


def test_pronoun_ranker_prefers_the_last_speaker_to_the_last_man_mentioned() -> None:
    ranked = rank(candidates(two_men(), TWO_MEN.index("he said"), "male"))
    assert [c.entity for c in ranked][0] == "e1"
    assert ranked[0].features["last_speaker"] == 1.0
    assert ranked[1].features["mention_recency"] == 1.0  # Ellis was named last


def test_pronoun_candidates_leave_out_the_other_gender() -> None:
    d = two_men()
    d.gender_evidence["e1"] = [Gender("male", "first name")]
    assert candidates(d, TWO_MEN.index("he said"), "female") == [
        c for c in candidates(d, TWO_MEN.index("he said"), "female") if c.entity != "e1"
    ]
    assert all(c.entity != "e1" for c in candidates(d, TWO_MEN.index("he said"), "female"))


CHRIS = "Chris Reed met Hillary Ellis after she spoke."


def chris_and_hillary(weak: list[Gender] = ()) -> Discourse:
    d = discourse(
        CHRIS,
        {"e1": ("Chris Reed", "PERSON"), "e2": ("Hillary Ellis", "PERSON")},
        [(0, 10, "e1", 0, 0, False, True), (15, 28, "e2", 0, 0, False, False)],
    )
    d.gender_evidence["e2"] = [Gender("female", "first name")]
    d.gender_evidence["e1"] = list(weak)
    return d


def test_pronoun_candidates_leave_out_a_first_name_leaning_the_other_way() -> None:
    # name_leans_against: the list gives "Chris" 16% female, under the 0.9 bar of a shown
    # gender but far enough to keep "she" from Chris Reed; "he" may still be Chris Reed
    she = CHRIS.index("she")
    assert [c.entity for c in candidates(chris_and_hillary(), she, "female")] == ["e2"]
    assert [c.entity for c in candidates(chris_and_hillary(), she, "male")] == ["e1"]
    # any sign of the pronoun's gender in the article keeps the person a candidate
    weak = [Gender("female", "noun", weak=True)]
    found = candidates(chris_and_hillary(weak), she, "female")
    assert [c.entity for c in found] == ["e1", "e2"]


LETTERS = "Trump is a con artist.\n\nErnie Helton.\n\nHe knows it is a scam."


def test_pronoun_candidates_leave_out_a_signature_line() -> None:
    # signature_line: "Ernie Helton." signs the letter above; "He" below is not him
    assert sorted(lone_paragraphs(LETTERS, [(0, 22), (24, 37), (39, 61)])) == [(24, 36)]
    d = discourse(
        LETTERS,
        {"e1": ("Donald Trump", "PERSON"), "e2": ("Ernie Helton", "PERSON")},
        [(0, 5, "e1", 0, 0, False, True), (24, 36, "e2", 1, 1, False, False, False, "", True)],
    )
    he = LETTERS.index("He knows")
    assert [c.entity for c in candidates(d, he, "male")] == ["e1"]
    d.mentions[1] = Mention(24, 36, "e2", 1, 1, False, False)  # the same name in a sentence
    assert [c.entity for c in candidates(d, he, "male")] == ["e1", "e2"]


def test_pronoun_candidates_leave_out_people_named_only_after_it() -> None:
    assert candidates(two_men(), 5, "male") == []


MOVED_ON = (
    "Tom Reed spoke. “We win,” Reed said.\n\nMark Ellis shook his head.\n\n“It fails,” he said."
)


def moved_on(clause: str = "ROOT") -> Discourse:
    """Reed spoke; then the article turns to Ellis, the subject of a sentence of his own."""
    return reed_then_ellis(MOVED_ON, (38, 48, "e2", 1, 1, False, True, False, clause))


def test_pronoun_features_see_the_article_move_on_from_the_last_speaker() -> None:
    offset = MOVED_ON.index("he said")
    found = {c.entity: c.features for c in candidates(moved_on(), offset, "male")}
    assert (found["e2"]["latest_subject"], found["e1"]["latest_subject"]) == (1.0, 0.0)
    assert found["e2"]["named_since_last_quote"] == 1.0
    assert found["e1"]["named_since_last_quote"] == 0.0  # named in the sentence of its quote
    assert found["e1"]["last_speaker"] == 1.0
    assert rank(candidates(moved_on(), offset, "male"))[0].entity == "e2"
    # "the plan Mark Ellis unveiled": the subject of a relative clause
    found = {c.entity: c.features for c in candidates(moved_on("relcl"), offset, "male")}
    assert (found["e2"]["latest_subject"], found["e1"]["latest_subject"]) == (0.0, 1.0)


def test_build_discourse_tells_a_main_subject_from_a_relative_clauses() -> None:
    words = ["Reed", "attacked", "the", "plan", "which", "Ellis", "unveiled", "."]
    doc = Doc(
        VOCAB,
        words=words,
        heads=[1, 1, 3, 1, 6, 6, 3, 1],
        deps=["nsubj", "ROOT", "det", "dobj", "dobj", "nsubj", "relcl", "punct"],
        ents=["B-PERSON", "O", "O", "O", "O", "B-PERSON", "O", "O"],
    )
    people = [
        {"id": "e1", "name": "Reed", "label": "PERSON", "mentions": [[0, 4]]},
        {
            "id": "e2",
            "name": "Ellis",
            "label": "PERSON",
            "mentions": [[doc[5].idx, doc[6].idx - 1]],
        },
    ]
    found = build_discourse(doc, people, []).mentions
    assert [(m.subject, m.main_subject) for m in found] == [(True, True), (True, False)]


@pytest.mark.parametrize(("pos", "subject"), [("NOUN", True), ("PROPN", False)])
def test_build_discourse_reads_a_name_in_apposition_to_the_subject_as_the_subject(
    pos, subject
) -> None:
    # appositive_subject: "Leafs coach Martin Shaw was pleased" (the parser makes "coach"
    # the subject, the name its apposition); a proper noun the name is in apposition to
    # ("Leafs Shaw", a PROPN subject) is someone else's name, so the name is no subject
    words = ["Leafs", "coach", "Martin", "Shaw", "was", "pleased", "."]
    doc = Doc(
        VOCAB,
        words=words,
        heads=[1, 4, 3, 1, 4, 4, 4],
        deps=["compound", "nsubj", "compound", "appos", "ROOT", "acomp", "punct"],
        pos=["PROPN", pos, "PROPN", "PROPN", "AUX", "ADJ", "PUNCT"],
        ents=["O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"],
    )
    start = doc[2].idx
    shaw = {"id": "e1", "name": "Martin Shaw", "label": "PERSON", "mentions": [[start, start + 11]]}
    (found,) = build_discourse(doc, [shaw], []).mentions
    assert (found.subject, found.main_subject) == (subject, subject)


def test_quote_words_leave_out_who_introduced_the_quote() -> None:
    text = "Sen. Ann Hall scolded him: “It is wrong,” she said. Tom Reed will lose, he said."
    d = discourse(text, {"e1": ("Ann Hall", "PERSON")}, [(5, 13, "e1", 0, 0, False, True)])
    d.marked = [(text.index("“"), text.index("”") + 1)]
    scolded = {"start": 0, "end": text.index(" she")}
    assert quote_words(d, scolded) == (text.index("“"), scolded["end"])
    she = text.index("she said")
    assert [c.entity for c in candidates(d, she, "female", quote_words(d, scolded))] == ["e1"]
    unmarked = {"start": text.index("Tom"), "end": text.index(", he")}
    assert quote_words(d, unmarked) == (unmarked["start"], unmarked["end"])


def test_probability_of_a_lone_candidate_is_one() -> None:
    ranked = rank(candidates(two_men(), 20, "male"))
    assert len(ranked) == 1 and probability(ranked) == pytest.approx(1.0)


def test_surname_mentions_recover_a_bare_surname_the_linker_dropped() -> None:
    words = ["Bernie", "Sanders", "spoke", ".", "Sanders", "was", "not", "impressed", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O", "O", "O", "O"]
    doc = Doc(VOCAB, words=words, ents=ents)
    sanders = {"id": "e1", "name": "Bernie Sanders", "label": "PERSON", "mentions": [[0, 14]]}
    start = doc[4].idx
    assert surname_mentions(doc, [sanders]) == [(sanders, start, start + len("Sanders"))]
    jane = {"id": "e2", "name": "Jane Sanders", "label": "PERSON", "mentions": []}
    assert surname_mentions(doc, [sanders, jane]) == []  # whose surname is it?
    linked = {**sanders, "mentions": [[0, 14], [start, start + 7]]}
    assert surname_mentions(doc, [linked]) == []


def test_surname_mentions_give_a_shared_surname_to_who_is_no_ones_relative() -> None:
    text = "Dorothy Woods, whose husband, Navy SEAL Ty Woods, died, spoke. Woods said no."
    doc = spacy.blank("en")(text)
    dorothy = {"id": "e1", "name": "Dorothy Woods", "label": "PERSON", "mentions": [[0, 13]]}
    ty = text.index("Ty Woods")
    husband = {"id": "e2", "name": "Ty Woods", "label": "PERSON", "mentions": [[ty, ty + 8]]}
    bare = text.rindex("Woods")
    # relative_keeps_no_surname: the husband, named as such, keeps the first name
    assert [m[0]["id"] for m in surname_mentions(doc, [dorothy, husband]) if m[1] == bare] == ["e1"]


@pytest.mark.parametrize(
    ("name", "label", "full"),
    [
        ("Carly Fiorina", "ORG", "Carly Fiorina"),
        ("National Review’s Ian Tuttle", "ORG", "Ian Tuttle"),
        ("Carly Fiorina", "PERSON", None),  # the tagger was right: nothing to mend
        ("Clinton Foundation", "ORG", None),  # an organisation word ends it
        ("Washington Post", "ORG", None),
        ("Austin Energy", "ORG", None),
        ("Victoria Police", "ORG", None),
        ("Virginia Beach", "GPE", None),  # a place word ends it
        ("Fox Sanders", "ORG", None),  # "Fox" is too rare a first name
        ("Virginia AFL-CIO", "ORG", None),  # an acronym is no surname
        ("Carly Fiorina to Rubio", "ORG", None),  # not a name from end to end
    ],
)
def test_person_named_as_thing_reads_a_full_name_the_tagger_called_an_organisation(
    name, label, full
) -> None:
    record = {"id": "e1", "name": name, "label": label, "mentions": []}
    assert person_named_as_thing("", record) == full


@pytest.mark.parametrize(
    ("name", "label", "thing"),
    [
        ("Hermenegildo Galeana Street", "PERSON", "FAC"),
        ("Obama White House", "PERSON", "ORG"),
        ("Citizens United", "PERSON", "ORG"),
        ("Michael Bay", "PERSON", None),  # a common first name: a person
        ("Marjorie Merriweather Post", "PERSON", None),
        ("Galeana Street", "GPE", None),  # not tagged a person: nothing to mend
        ("Robert McDonough", "PERSON", None),
        ("Nova Scotia Government", "PERSON", "ORG"),  # "Nova" a first name, but a place's
        ("Georgia Bay", "PERSON", "FAC"),
        ("Virginia Foxx", "PERSON", None),  # no organisation or place word: a person
        ("Eglinton Crosstown LRT", "PERSON", "ORG"),  # acronym_ending
        ("Indiana GOP", "PERSON", "ORG"),
        ("Louis XIV", "PERSON", None),  # a roman numeral
        ("CHRIS WALLACE", "PERSON", None),  # a name in capitals
        ("Kingston Road LRT", "PERSON", "ORG"),  # a first name opens it, an acronym ends it
        ("Alderwood Residential", "PERSON", "ORG"),  # a landlord's company
        ("Starlight Properties", "PERSON", "ORG"),
        ("Alberta Energy Regulator", "PERSON", "ORG"),  # not a woman by "Alberta"
        ("Fairy Creek", "PERSON", "FAC"),
        ("Keno Ridge", "PERSON", "FAC"),
        ("Jane Roe QC", "PERSON", None),  # honours after a name
        ("Bonnie Crombie MPP", "PERSON", None),  # a title after a name
    ],
)
def test_thing_named_as_person_reads_an_organisation_or_place_word(name, label, thing) -> None:
    assert thing_named_as_person({"id": "e1", "name": name, "label": label}) == thing


def test_full_name_before_finds_a_bare_surname_named_in_full_elsewhere() -> None:
    text = "In her room, Deborah Jordan Reynolds - his girlfriend - spoke. Reynolds says so."
    assert full_name_before(text, "Reynolds") == "Deborah Jordan Reynolds"
    assert full_name_before("Marine John “Tig” Tiegen spoke.", "Tiegen") == "John “Tig” Tiegen"
    assert full_name_before("When Reynolds spoke, Acme Reynolds fell.", "Reynolds") is None
    reynolds = {"id": "e1", "name": "Reynolds", "label": "ORG", "mentions": []}
    assert person_named_as_thing(text, reynolds) == "Deborah Jordan Reynolds"


def test_surname_of_one_person_is_a_surname_the_tagger_called_a_thing() -> None:
    # surname_tagged_as_thing: "Sanders" (WORK_OF_ART) after "Bernie Sanders" is he
    def entity(eid: str, name: str, label: str) -> dict:
        return {"id": eid, "name": name, "label": label, "mentions": []}

    def surname_of_one_person_in(record: dict, entities: list[dict]) -> str | None:
        return surname_of_one_person(record, full_names_by_surname(entities))

    bernie = entity("e1", "Bernie Sanders", "PERSON")
    sanders = entity("e2", "Sanders", "WORK_OF_ART")
    assert surname_of_one_person_in(sanders, [bernie, sanders]) == "Bernie Sanders"
    # not an outlet, a group, a surname two people share, nor a person already
    bloomberg = entity("e3", "Bloomberg", "ORG")
    michael = entity("e4", "Michael Bloomberg", "PERSON")
    assert surname_of_one_person_in(bloomberg, [michael, bloomberg]) is None
    republicans = entity("e5", "Republicans", "NORP")
    log_cabin = entity("e6", "Log Cabin Republicans", "PERSON")
    assert surname_of_one_person_in(republicans, [log_cabin, republicans]) is None
    jane = entity("e7", "Jane Sanders", "PERSON")
    assert surname_of_one_person_in(sanders, [bernie, jane, sanders]) is None
    assert surname_of_one_person_in(entity("e8", "Sanders", "PERSON"), [bernie]) is None


@pytest.mark.parametrize(
    ("thing", "people", "full"),
    [
        # compound_surname_as_place: a surname of two words the tagger called a thing
        (("St. Louis", "GPE"), ["Martin St. Louis"], "Martin St. Louis"),
        (("Le Pen", "ORG"), ["Marine Le Pen", "Emmanuel Macron"], "Marine Le Pen"),
        (("Le Pen", "ORG"), ["Marine Le Pen", "Marion Le Pen"], None),  # two people
        (("New York", "GPE"), ["Ann York"], None),  # not the person's whole surname
        (("Louis Vuitton", "ORG"), ["Martin St. Louis"], None),
    ],
)
def test_surname_of_one_person_of_two_words(thing, people, full) -> None:
    entities = [
        {"id": f"e{i}", "name": n, "label": "PERSON", "mentions": []} for i, n in enumerate(people)
    ]
    record = {"id": "t", "name": thing[0], "label": thing[1], "mentions": []}
    assert surname_of_one_person(record, full_names_by_surname(entities)) == full


def test_full_name_before_reads_a_possessive_as_the_end_of_a_name() -> None:
    # possessive_full_name: "Donald Trump's speech" names Donald Trump, whose bare "Trump"
    # the tagger may call an organisation; a title-case headline's run is no name
    assert full_name_before("Rabbis boycott Donald Trump's speech.", "Trump") == "Donald Trump"
    assert full_name_before("George H.W. Bush’s war.", "Bush") == "George H.W. Bush"
    headline = "Hillary Clinton Wins Delaware’s Primary."
    assert full_name_before(headline, "Delaware") is None
    assert full_name_before("Alan Grayson’s Senate bid.", "Senate") is None


def test_people_the_tagger_missed_are_people_and_their_surnames_join_them() -> None:
    text = "Carly Fiorina spoke. Fiorina left. Fiorina won. Michelle Obama and Obama met."
    entities = [
        {"id": "e1", "name": "Carly Fiorina", "label": "ORG", "mentions": [[0, 13]]},
        {"id": "e2", "name": "Fiorina", "label": "ORG", "mentions": [[21, 28]]},
        {"id": "e3", "name": "Fiorina", "label": "PERSON", "mentions": [[35, 42]]},
        {"id": "e4", "name": "Michelle Obama", "label": "PERSON", "mentions": [[48, 62]]},
        {"id": "e5", "name": "Obama", "label": "PERSON", "mentions": [[67, 72]]},
    ]
    records, aliases = people_the_tagger_missed(text, entities)
    assert [r["label"] for r in records] == ["PERSON"] * 5
    assert records[1]["name"] == "Carly Fiorina"
    # the linker kept "Obama" from Michelle Obama on purpose; that stays
    assert aliases == {"e2": "e1", "e3": "e1"}


def test_build_discourse_makes_a_person_tagged_org_a_she_candidate() -> None:
    words = ["Carly", "Fiorina", "spoke", ".", "“", "No", ",", "”", "she", "said", "."]
    ents = ["B-ORG", "I-ORG"] + ["O"] * 9
    doc = Doc(VOCAB, words=words, ents=ents)
    fiorina = {"id": "e1", "name": "Carly Fiorina", "label": "ORG", "mentions": [[0, 13]]}
    d = build_discourse(doc, mend_people(doc.text, [fiorina])[0], [])
    assert d.labels["e1"] == "PERSON" and d.gender("e1").value == "female"
    assert [c.entity for c in candidates(d, doc[8].idx, "female")] == ["e1"]
    fox = {**fiorina, "name": "Fox News"}
    d = build_discourse(doc, mend_people(doc.text, [fox])[0], [])
    assert candidates(d, doc[8].idx, "female") == []


def test_mend_people_joins_the_aliases_and_numbers_the_entities_again() -> None:
    text = "Carly Fiorina spoke. Acme Inc. fell. Fiorina left."
    entities = [
        {"id": "e1", "name": "Carly Fiorina", "label": "ORG", "mentions": [[0, 13]]},
        {"id": "e2", "name": "Acme Inc.", "label": "ORG", "mentions": [[21, 30]]},
        {"id": "e3", "name": "Fiorina", "label": "ORG", "mentions": [[37, 44]]},
    ]
    records, renamed = mend_people(text, entities)
    assert [(r["id"], r["name"], r["label"]) for r in records] == [
        ("e1", "Carly Fiorina", "PERSON"),
        ("e2", "Acme Inc.", "ORG"),
    ]
    assert records[0]["mentions"] == [[0, 13], [37, 44]]
    assert renamed == {"e1": "e1", "e2": "e2", "e3": "e1"}


@pytest.mark.parametrize(("possessor", "value"), [("whose", None), ("the", "male")])
def test_build_discourse_reads_no_gender_from_a_relatives_apposition(possessor, value) -> None:
    # "Dorothy Woods, whose husband, died": the husband is someone else
    words = ["Dorothy", "Woods", ",", possessor, "husband", ",", "died", "."]
    doc = Doc(
        VOCAB,
        words=words,
        heads=[1, 6, 1, 4, 1, 1, 6, 6],
        deps=["compound", "nsubj", "punct", "poss", "appos", "punct", "ROOT", "punct"],
        pos=["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "PUNCT"],
        ents=["B-PERSON", "I-PERSON"] + ["O"] * 6,
    )
    woods = {"id": "e1", "name": "Woods", "label": "PERSON", "mentions": [[0, 13]]}
    d = build_discourse(doc, [woods], [])
    assert d.gender("e1").value == value


@pytest.mark.parametrize(("possessor", "value"), [("whose", None), ("the", "male")])
def test_build_discourse_reads_no_gender_through_a_chain_of_possessors(possessor, value) -> None:
    # "Jamie Woods, whose son's case, closed": the son is someone else; "the son's case" is
    # read as before (its nouns: son, case)
    words = ["Jamie", "Woods", ",", possessor, "son", "'s", "case", ",", "closed", "."]
    doc = Doc(
        VOCAB,
        words=words,
        heads=[1, 8, 1, 4, 6, 4, 1, 1, 8, 8],
        deps=[
            "compound",
            "nsubj",
            "punct",
            "poss",
            "poss",
            "case",
            "appos",
            "punct",
            "ROOT",
            "punct",
        ],
        pos=["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PART", "NOUN", "PUNCT", "VERB", "PUNCT"],
        ents=["B-PERSON", "I-PERSON"] + ["O"] * 8,
    )
    woods = {"id": "e1", "name": "Jamie Woods", "label": "PERSON", "mentions": [[0, 11]]}
    d = build_discourse(doc, [woods], [])
    assert d.gender("e1").value == value


@pytest.mark.parametrize(("joined", "value"), [(True, None), (False, "male")])
def test_build_discourse_reads_no_gender_from_an_apposition_listed_with_people(
    joined, value
) -> None:
    # listed_with_people: "We met Lee Ping, businessman and candidate Jo Shreve." The
    # parser hangs "businessman" on Ping; joined by "and" to Shreve, it is Shreve's
    words = ["We", "met", "Lee", "Ping", ",", "businessman", "and", "candidate", "Jo", "Shreve"]
    conj = "conj" if joined else "appos"
    doc = Doc(
        VOCAB,
        words=words + ["."],
        heads=[1, 1, 3, 1, 3, 3, 5, 9, 9, 5, 1],
        deps=["nsubj", "ROOT", "compound", "dobj", "punct", "appos", "cc", "compound"]
        + ["compound", conj, "punct"],
        pos=["PRON", "VERB", "PROPN", "PROPN", "PUNCT", "NOUN", "CCONJ", "NOUN"]
        + ["PROPN", "PROPN", "PUNCT"],
        ents=["O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O"],
    )
    ping = {"id": "e1", "name": "Lee Ping", "label": "PERSON", "mentions": [[7, 15]]}
    d = build_discourse(doc, [ping], [])
    assert d.gender("e1").value == value


def test_build_discourse_reads_no_first_name_in_another_persons_surname() -> None:
    # "Rand Paul ... Paul spoke": the lone "Paul" may be Ron Paul's surname, not a first
    # name ("Paul" is far more often a first name than a surname, so alone it reads as one)
    words = ["Rand", "Paul", "met", "Paul", "."]
    doc = Doc(
        VOCAB,
        words=words,
        heads=[1, 2, 2, 2, 2],
        deps=["compound", "nsubj", "ROOT", "dobj", "punct"],
        pos=["PROPN", "PROPN", "VERB", "PROPN", "PUNCT"],
    )
    rand = {"id": "e1", "name": "Rand Paul", "label": "PERSON", "mentions": [[0, 9]]}
    lone = {"id": "e2", "name": "Paul", "label": "PERSON", "mentions": [[14, 18]]}
    d = build_discourse(doc, [rand, lone], [])
    assert d.gender("e1").value == "male" and d.gender("e2").value is None
    alone = build_discourse(doc, [lone], [])  # no other Paul: read as a first name
    assert alone.gender("e2").value == "male"


def test_build_discourse_reads_a_lone_surname_as_no_first_name() -> None:
    # lone_word_surname: "Clinton met reporters": "Clinton" is a surname 1 time in 5
    words = ["Clinton", "met", "reporters", "."]
    doc = Doc(
        VOCAB,
        words=words,
        heads=[1, 1, 1, 1],
        deps=["nsubj", "ROOT", "dobj", "punct"],
        pos=["PROPN", "VERB", "NOUN", "PUNCT"],
    )
    lone = {"id": "e1", "name": "Clinton", "label": "PERSON", "mentions": [[0, 7]]}
    assert build_discourse(doc, [lone], []).gender("e1").value is None


# --------------------------------------------------------------------------- descriptions

MINORITY = "Senate Minority Leader Harry Reid met Gov. Chris Christie.\n\n“Deal,” the leader said."


def test_entity_with_role_reads_titles_and_abbreviations() -> None:
    d = discourse(
        MINORITY,
        {"e1": ("Harry Reid", "PERSON"), "e2": ("Chris Christie", "PERSON")},
        [(23, 33, "e1", 0, 0, False, True), (43, 57, "e2", 0, 0, False, False)],
    )
    offset = MINORITY.index("the leader")
    assert entity_with_role(d, ["minority", "leader"], offset) == "e1"
    assert entity_with_role(d, ["governor"], offset) == "e2"
    assert entity_with_role(d, ["mayor"], offset) is None


JUDGE = (
    "Court of King's Bench Justice Gerald Chipeur convicted Const. Alex Dunn.\n\n"
    "The judge rejected Dunn's account."
)


def test_holder_of_a_like_title_reads_justice_as_judge() -> None:
    chipeur, dunn = JUDGE.index("Gerald"), JUDGE.index("Alex")
    d = discourse(
        JUDGE,
        {"e1": ("Gerald Chipeur", "PERSON"), "e2": ("Alex Dunn", "PERSON")},
        [
            (chipeur, chipeur + 14, "e1", 0, 0, False, True),
            (dunn, dunn + 9, "e2", 0, 0, False, False),
        ],
    )
    offset = JUDGE.index("The judge")
    assert entity_with_role(d, ["judge"], offset) is None  # titled "Justice", not "Judge"
    assert holder_of_a_like_title(d, ["judge"], offset) == "e1"
    assert holder_of_a_like_title(d, ["officer"], offset) == "e2"  # "Const." read in full
    assert holder_of_a_like_title(d, ["mayor"], offset) is None  # no like title listed


def test_entity_with_role_never_takes_a_longer_title_for_the_shorter() -> None:
    text = "Vice President Joe Biden spoke.\n\n“Deal,” the president said."
    d = discourse(text, {"e1": ("Joe Biden", "PERSON")}, [(15, 24, "e1", 0, 0, False, True)])
    offset = text.index("the president")
    assert entity_with_role(d, ["president"], offset) is None
    assert entity_with_role(d, ["vice", "president"], offset) == "e1"


def test_entity_with_role_reads_an_apposition() -> None:
    text = "Chris Christie, the governor of New Jersey, spoke.\n\n“No,” the governor said."
    d = discourse(text, {"e1": ("Chris Christie", "PERSON")}, [(0, 14, "e1", 0, 0, False, True)])
    assert entity_with_role(d, ["governor"], text.index("the governor said")) == "e1"
    assert entity_with_role(d, ["jersey"], text.index("the governor said")) is None


@pytest.mark.parametrize(
    ("words", "tags", "pos", "deps", "heads", "phrase"),
    [
        (
            ["the", "vice", "president"],
            ["DT", "NN", "NN"],
            ["DET", "NOUN", "NOUN"],
            ["det", "compound", "ROOT"],
            [2, 2, 2],
            ["vice", "president"],
        ),
        (
            ["the", "former", "Florida", "governor"],
            ["DT", "JJ", "NNP", "NN"],
            ["DET", "ADJ", "PROPN", "NOUN"],
            ["det", "amod", "compound", "ROOT"],
            [3, 3, 3, 3],
            ["governor"],
        ),
    ],
)
def test_role_phrase_keeps_the_title_words_of_a_description(words, tags, pos, deps, heads, phrase):
    doc = description(words, tags, pos, [w.lower() for w in words], deps, heads)
    assert role_phrase(doc[:]) == phrase


def test_organisation_of_kind_prefers_a_name_holding_the_word() -> None:
    text = "St. Paul City Council and Exxon Mobil met.\n\nThe council said no."
    d = discourse(
        text,
        {"e1": ("St. Paul City Council", "ORG"), "e2": ("Exxon Mobil", "ORG")},
        [(0, 21, "e1", 0, 0, False, True), (26, 37, "e2", 0, 0, False, True)],
    )
    assert organisation_of_kind(d, "council", text.index("The council")) == "e1"
    assert organisation_of_kind(d, "company", text.index("The council")) == "e2"


def test_holding_spoke_prefers_the_organisation_that_spoke() -> None:
    text = "CUPE spoke. Its council of unions met.\n\nThe union said no."
    d = discourse(
        text,
        {"e1": ("Canadian Union of Public Employees", "ORG"), "e2": ("Council of Unions", "ORG")},
        [(0, 4, "e1", 0, 0, False, False), (12, 37, "e2", 0, 1, False, False)],
    )
    at = text.index("The union")
    assert organisation_of_kind(d, "union", at) == "e2"  # the latest holding the word
    d.turns.append(Turn(0, "e1", "Canadian Union of Public Employees", 0))
    assert organisation_of_kind(d, "union", at) == "e1"  # the one that spoke


def test_organisation_acting_lately_beats_one_that_spoke_before() -> None:
    text = "Exxon Mobil spoke. Twitter acknowledged it. The company said no."
    d = discourse(
        text,
        {"e1": ("Exxon Mobil", "ORG"), "e2": ("Twitter", "ORG")},
        [(0, 11, "e1", 0, 0, False, True), (19, 26, "e2", 0, 1, False, True)],
    )
    d.sentence_starts = [0, 19, 44]
    d.turns.append(Turn(0, "e1", "Exxon Mobil", 0))
    at = text.index("The company")
    assert organisation_acting_lately(d, at) == "e2"
    assert organisation_of_kind(d, "company", at) == "e2"
    d.mentions[1] = Mention(19, 26, "e2", 0, 1, False, False)  # Twitter only mentioned
    assert organisation_acting_lately(d, at) == "e1"


def test_reported_subject_is_spoken_about_not_acting() -> None:
    text = "Metrolinx says the LRT will not open. The agency said tests failed."
    d = discourse(
        text,
        {"e1": ("Metrolinx", "ORG"), "e2": ("LRT", "ORG")},
        [(0, 9, "e1", 0, 0, False, True, False, "ROOT"), (19, 22, "e2", 0, 0, False, True)],
    )
    d.sentence_starts = [0, 38]
    at = text.index("The agency")
    assert organisation_acting_lately(d, at) == "e2"  # no quote known: the latest subject
    d.turns.append(Turn(15, "e1", "Metrolinx", 0, cue=10, end=36))
    assert organisation_acting_lately(d, at) == "e1"


def test_content_clause_subject_is_spoken_about_not_acting() -> None:
    text = "StatCan said so, raising the odds that BoC will cut. The agency said no."
    d = discourse(
        text,
        {"e1": ("StatCan", "ORG"), "e2": ("BoC", "ORG")},
        [
            (0, 7, "e1", 0, 0, False, True, False, "ROOT"),
            (39, 42, "e2", 0, 0, False, True, False, "acl"),  # "the odds that BoC will cut"
        ],
    )
    d.sentence_starts = [0, 54]
    at = text.index("The agency")
    assert organisation_acting_lately(d, at) == "e1"
    d.mentions[1] = Mention(39, 42, "e2", 0, 0, False, True, False, "ccomp")
    assert organisation_acting_lately(d, at) == "e2"  # the latest that acted


@pytest.mark.parametrize(
    ("word", "name", "other"),
    [
        ("company", "Federal Aviation Administration", True),
        ("company", "Machinists Union", True),
        ("agency", "Federal Aviation Administration", False),  # kinds of one section
        ("party", "Democratic National Committee", False),
        ("council", "St. Paul City Council", False),
        ("company", "Boeing", False),  # no organisation noun in the name
        ("union", "CBC News", True),  # outlet_by_name: an outlet is of the press kind
        ("group", "Chicago Sun-Times", True),  # the word after the hyphen
        ("group", "CNN", True),  # a whole outlet name
        ("newspaper", "The Baltimore Sun", False),
        ("network", "CNN", False),
        ("company", "The New York Times", False),  # an outlet is a company too
        ("union", "Teamsters", False),  # no outlet, no noun: any kind
    ],
)
def test_named_another_kind(word, name, other) -> None:
    assert named_another_kind(word, name) is other


def test_the_company_is_not_an_organisation_named_as_another_kind() -> None:
    text = "Boeing fell. The Federal Aviation Administration spoke. The company said no."
    d = discourse(
        text,
        {"e1": ("Boeing", "ORG"), "e2": ("Federal Aviation Administration", "ORG")},
        [(0, 6, "e1", 0, 0, False, True), (17, 48, "e2", 0, 1, False, True)],
    )
    d.sentence_starts = [0, 13, 56]
    at = text.index("The company")
    assert organisation_acting_lately(d, at) == "e2"  # the subject last, of any kind
    assert organisation_acting_lately(d, at, None, "company") == "e1"
    assert organisation_of_kind(d, "company", at) == "e1"
    assert organisation_of_kind(d, "agency", at) == "e2"


def test_issuer_named_with_an_earlier_mention_of_the_document() -> None:
    text = "The PPIC poll shows a tie. Clinton leads, according to the poll."
    doc = parsed(text)
    d = discourse(text, {"e1": ("PPIC", "ORG")}, [(4, 8, "e1", 0, 0, False, False)])
    assert issuer_named_with(d, doc[-3:-1]) == "e1"  # "the poll"
    d = discourse(text, {}, [])
    assert issuer_named_with(d, doc[-3:-1]) is None


def test_issuer_in_apposition_to_the_noun_after_from() -> None:
    text = "Rates will rise, according to a statement from its president, Dan Kelly."
    doc = parsed(text)
    start = text.index("Dan Kelly")
    d = discourse(
        text, {"e1": ("Dan Kelly", "PERSON")}, [(start, start + 9, "e1", 0, 0, False, False)]
    )
    assert own_issuer(d, doc[6:8]) == "e1"  # "a statement"
    assert own_issuer(discourse(text, {}, []), doc[6:8]) is None


def test_issuer_named_as_the_subject_of_an_issuing_verb() -> None:
    text = "Sanders is releasing a new ad. The ad says no."
    doc = parsed(text)
    d = discourse(text, {"e1": ("Bernie Sanders", "PERSON")}, [(0, 7, "e1", 0, 0, False, True)])
    assert issuer_named_with(d, doc[7:9]) == "e1"  # "The ad"
    doc = parsed(text, edit={2: {"lemma": "watch"}})  # "is watching a new ad": no issuer
    assert issuer_named_with(d, doc[7:9]) is None


def test_named_with_the_same_noun() -> None:
    doc = parsed("The Clinton campaign suggested a deal. The campaign said no.")
    assert named_with_the_same_noun(doc[7:9]) == "Clinton campaign"  # "The campaign"
    doc = parsed("The Trump campaign said no.")
    assert named_with_the_same_noun(doc[0:3]) == "Trump campaign"
    doc = parsed("The PPIC poll shows a tie. Clinton leads, according to the poll.")
    assert named_with_the_same_noun(doc[4:6]) is None  # "a tie": no "tie" named before


def test_document_author_is_the_last_speaker_whose_sentence_names_it() -> None:
    text = "The museum said in a statement that it would close. The statement added more."
    museum = {"e1": ("Holocaust Memorial Museum", "ORG")}
    d = discourse(text, museum, [(0, 10, "e1", 0, 0, False, True)])
    statement = parsed(text)[11:13]
    assert document_author(d, statement) is None  # nobody spoke yet
    d.turns.append(Turn(text.index("that"), "e1", "Holocaust Memorial Museum", 0, cue=11))
    assert document_author(d, statement) == "e1"  # "said in a statement"
    text = "The museum said it would close. The statement added more."
    statement = parsed(text)[7:9]
    for name, label, author in [
        ("Holocaust Memorial Museum", "ORG", "e1"),
        ("Ann Lee", "PERSON", None),
    ]:
        d = discourse(text, {"e1": (name, label)}, [(0, 10, "e1", 0, 0, False, True)])
        d.turns.append(Turn(text.index("it"), "e1", name, 0, cue=11))
        # an organisation speaks through its documents; a person must be said to issue it
        assert document_author(d, statement) == author


def test_document_author_through_the_verb_that_made_the_document() -> None:
    text = "Abedin emailed supporters on Monday. The email said more."
    d = discourse(text, {"e1": ("Huma Abedin", "PERSON")}, [(0, 6, "e1", 0, 0, False, True)])
    d.turns.append(Turn(0, "e1", "Huma Abedin", 0))  # no cue: the turn's start is read
    assert document_author(d, parsed(text)[6:8]) == "e1"  # "emailed" makes an email


@pytest.mark.parametrize(
    ("text", "noun", "named"),
    [
        ("The museum said in a statement that it would close. The statement added more.",
         "statement", True),
        ("Abedin emailed supporters on Monday. The email said more.", "email", True),
        ("The museum said it would close. The statement added more.", "statement", False),
        ("Abedin emailed supporters on Monday. The email said more.", "report", False),
    ],
)  # fmt: skip
def test_names_the_document(text: str, noun: str, named: bool) -> None:
    first = parsed(text)[0].sent  # the sentence of the turn, not the one naming the noun
    assert names_the_document(first, noun) is named


@pytest.mark.parametrize(
    ("words", "tags", "pos", "lemmas", "kind"),
    [
        (["the", "statement"], ["DT", "NN"], ["DET", "NOUN"], ["the", "statement"], "document"),
        (["the", "company"], ["DT", "NN"], ["DET", "NOUN"], ["the", "company"], "organisation"),
        (["the", "mayor"], ["DT", "NN"], ["DET", "NOUN"], ["the", "mayor"], "role"),
        (["a", "retiree"], ["DT", "NN"], ["DET", "NOUN"], ["a", "retiree"], "anonymous"),
        (["the", "index"], ["DT", "NN"], ["DET", "NOUN"], ["the", "index"], "other"),
        (["the", "actress"], ["DT", "NN"], ["DET", "NOUN"], ["the", "actress"], "person"),
        (["the", "airline"], ["DT", "NN"], ["DET", "NOUN"], ["the", "airline"], "organisation"),
        (["the", "developer"], ["DT", "NN"], ["DET", "NOUN"], ["the", "developer"], "other"),
        (["higher", "rates"], ["JJR", "NNS"], ["ADJ", "NOUN"], ["high", "rate"], "thing"),
        (["protest", "signs"], ["NN", "NNS"], ["NOUN", "NOUN"], ["protest", "sign"], "thing"),
    ],
)
def test_kind_of_a_description_by_its_head_noun(words, tags, pos, lemmas, kind) -> None:
    doc = description(words, tags, pos, lemmas, ["det", "ROOT"], [1, 1])
    assert kind_of(doc[:]) == kind


def test_an_indefinite_person_is_unnamed_and_a_thing_is_no_speaker() -> None:
    d = discourse("x", {}, [])
    official = description(
        ["a", "official"], ["DT", "NN"], ["DET", "NOUN"], ["a", "official"], ["det", "ROOT"], [1, 1]
    )
    found = resolve_description(d, official[:])
    assert (found.entity, found.rule, found.label, found.kept) == (None, "unnamed", "PERSON", False)
    rates = description(
        ["higher", "rates"],
        ["JJR", "NNS"],
        ["ADJ", "NOUN"],
        ["high", "rate"],
        ["amod", "ROOT"],
        [1, 1],
    )
    assert resolve_description(d, rates[:]).is_thing


def test_organisation_for_they_takes_the_group_that_acted() -> None:
    text = "The Teamsters union voted to strike. “We waited,” they said."
    d = discourse(text, {"e1": ("Teamsters", "ORG")}, [(4, 13, "e1", 0, 0, False, False, True)])
    assert organisation_for_they(d, text.index("they")) == "e1"
    d.mentions[0] = Mention(4, 13, "e1", 0, 0, False, False, False)
    assert organisation_for_they(d, text.index("they")) is None


def test_confidence_comes_from_the_rule_and_the_rankers_probability() -> None:
    assert confidence(Decision("Jan Kamp", "e1", "name")) > 0.9
    sure = confidence(Decision("Jan Kamp", "e1", "pronoun", probability=0.99))
    unsure = confidence(Decision("Jan Kamp", "e1", "pronoun", probability=0.3))
    assert sure > unsure


def test_kind_of_an_anonymous_noun_that_is_also_a_title_is_anonymous() -> None:
    official = description(
        ["the", "official"],
        ["DT", "NN"],
        ["DET", "NOUN"],
        ["the", "official"],
        ["det", "ROOT"],
        [1, 1],
    )
    assert kind_of(official[:]) == "anonymous"
    found = resolve_description(discourse("x", {"e1": ("Adam Schiff", "PERSON")}, []), official[:])
    assert (found.entity, found.rule) == (None, "unnamed")


TOGETHER = "Bob Goodlatte and Trey Gowdy sent a letter. The two lawmakers argue otherwise."


def test_a_plural_description_names_the_people_named_together() -> None:
    doc = parsed(TOGETHER)
    people = {"e1": ("Bob Goodlatte", "PERSON"), "e2": ("Trey Gowdy", "PERSON")}
    d = discourse(
        TOGETHER, people, [(0, 13, "e1", 0, 0, False, True), (18, 28, "e2", 0, 0, False, False)]
    )
    found = resolve_description(d, doc[9:12])  # "The two lawmakers"
    assert (found.name, found.rule) == ("Bob Goodlatte and Trey Gowdy", "people named together")
    alone = discourse(TOGETHER, people, [(0, 13, "e1", 0, 0, False, True)])
    assert resolve_description(alone, doc[9:12]).rule == "group"


HEAVYWEIGHTS = (
    "Felicia Wong, president of the Roosevelt Institute, a progressive think tank, and Stan "
    "Greenberg applauded. The progressive heavyweights wrote a statement."
)


def test_people_named_together_where_the_second_hangs_on_the_first_ones_apposition() -> None:
    text = HEAVYWEIGHTS
    d = discourse(
        text,
        {"e1": ("Felicia Wong", "PERSON"), "e2": ("Stan Greenberg", "PERSON")},
        [
            (0, 12, "e1", 0, 0, False, True),
            (text.index("Stan"), text.index(" applauded"), "e2", 0, 0, False, False),
        ],
    )
    doc = parsed(text, edit={16: {"head": 12}})  # Greenberg a conjunct of "tank"
    assert people_named_together(d, doc[19:22]) == ["e1", "e2"]


def test_entity_with_role_takes_a_bare_title_before_one_a_name_qualifies() -> None:
    text = (
        "President Obama spoke. He golfed with World Bank President Jim Kim."
        "\n\n“Yes,” the president said."
    )
    kim = text.index("Jim Kim")
    people = {"e1": ("Obama", "PERSON"), "e2": ("Jim Kim", "PERSON")}
    both = [(10, 15, "e1", 0, 0, False, True), (kim, kim + 7, "e2", 0, 1, False, False)]
    offset = text.index("the president")
    assert entity_with_role(discourse(text, people, both), ["president"], offset) == "e1"
    assert entity_with_role(discourse(text, people, both[1:]), ["president"], offset) == "e2"


@pytest.mark.parametrize(
    ("text", "qualified"),
    [
        ("He golfed with World Bank President Jim Kim", True),
        ("He met French President François Hollande", True),
        ("It was mild in Washington, President Barack Obama", False),
        ("It was mild. Recall Sen. John McCain", False),
        ("He said former President Bill Clinton", False),
    ],
)
def test_title_qualified_by_name(text, qualified) -> None:
    name = " ".join(text.split()[-2:])
    assert title_qualified_by_name(text, text.index(name), 1) is qualified


@pytest.mark.parametrize(
    ("label", "evidence", "found"),
    [
        ("PERSON", [], "e1"),  # "Politifact": no sign of a person
        ("WORK_OF_ART", [], "e1"),  # "Black Lives Matter"
        ("PERSON", [Gender("male", "title")], None),  # "Mr. Pfeffer" is a man
        ("GPE", [], None),
    ],
)
def test_organisation_acting_lately_takes_one_the_tagger_named_otherwise(
    label, evidence, found
) -> None:
    text = "Politifact examined the charge. The news service pointed to a report."
    d = discourse(text, {"e1": ("Politifact", label)}, [(0, 10, "e1", 0, 0, False, True)])
    d.sentence_starts = [0, text.index("The news")]
    d.gender_evidence["e1"] = evidence
    assert organisation_acting_lately(d, text.index("The news")) == found
    assert organisation_of_kind(d, "service", text.index("The news")) == found


def test_a_document_issued_by_a_described_issuer_is_theirs() -> None:
    text = "The Trump campaign sent a fundraising email. The email said no."
    d = discourse(text, {"e1": ("Jacob Leibenluft", "PERSON")}, [])
    d.turns.append(Turn(0, "e1", "Jacob Leibenluft", 0))  # an earlier speaker nearby
    found = resolve_description(d, parsed(text)[8:10])  # "The email"
    assert (found.entity, found.name, found.rule) == (None, "Trump campaign", "document author")
    text = "A group of parents sent a letter. The letter reads well."
    found = resolve_description(d, parsed(text)[8:10])  # "The letter"
    assert (found.entity, found.name, found.rule) == (None, None, "unnamed")


def test_organisation_acting_lately_is_not_one_the_quote_speaks_about() -> None:
    text = "Kessler will close its plant, according to the union."
    d = discourse(text, {"e1": ("Kessler", "ORG")}, [(0, 7, "e1", 0, 0, False, True)])
    at = text.index("the union")
    assert organisation_acting_lately(d, at) == "e1"
    assert organisation_acting_lately(d, at, (0, 28)) is None


def test_relative_document_issuer() -> None:
    text = "Sanders is releasing a new ad that urges voters to send a message."
    doc = parsed(text)
    d = discourse(text, {"e1": ("Bernie Sanders", "PERSON")}, [(0, 7, "e1", 0, 0, False, True)])
    that = text.index("that")
    assert relative_document_issuer(doc, d, (that, that + 4)) == "e1"
    doc = parsed(text, edit={2: {"lemma": "watch"}})  # "is watching a new ad that urges"
    assert relative_document_issuer(doc, d, (that, that + 4)) is None


INTRODUCED = "Tom Reed spoke.\n\nFormer Rep. Mark Ellis was for Kasich, he said."


@pytest.mark.parametrize(("subject", "kept"), [(True, True), (False, False)])
def test_pronoun_candidates_keep_a_person_first_named_as_subject_in_the_quote(
    subject, kept
) -> None:
    """Ellis, first named as the subject of the unmarked words of the quote ("Former Rep.
    Mark Ellis was for Kasich, he said"), speaks of himself; named there only as an object
    ("Reed beat Mark Ellis, he said"), he is spoken about."""
    ellis = INTRODUCED.index("Mark Ellis")
    words = (INTRODUCED.index("Former"), INTRODUCED.index(", he"))
    d = discourse(
        INTRODUCED,
        {"e1": ("Tom Reed", "PERSON"), "e2": ("Mark Ellis", "PERSON")},
        [
            (0, 8, "e1", 0, 0, False, True, False, "ROOT"),
            (ellis, ellis + 10, "e2", 1, 1, False, subject, False, "ROOT" if subject else ""),
        ],
    )
    found = {c.entity for c in candidates(d, INTRODUCED.index("he said"), "male", words)}
    assert ("e2" in found) == kept
    assert "e1" in found


SIDE_CLAUSE = "Tom Reed spoke.\n\nAsked about the event that Mark Ellis wins, he said “No.”"


@pytest.mark.parametrize(("clause", "subordinate"), [("relcl", 1.0), ("ROOT", 0.0)])
def test_pronoun_features_see_a_subject_of_a_side_clause_in_the_pronouns_sentence(
    clause, subordinate
) -> None:
    """same_sentence, subordinate_subject_here: Ellis, the subject of "that Mark Ellis
    wins", is named in the sentence of "he said" and only as a side clause's subject."""
    ellis = SIDE_CLAUSE.index("Mark Ellis")
    d = discourse(
        SIDE_CLAUSE,
        {"e1": ("Tom Reed", "PERSON"), "e2": ("Mark Ellis", "PERSON")},
        [
            (0, 8, "e1", 0, 0, False, True, False, "ROOT"),
            (ellis, ellis + 10, "e2", 1, 1, False, True, False, clause),
        ],
    )
    offset = SIDE_CLAUSE.index("he said")
    found = {c.entity: c.features for c in candidates(d, offset, "male")}
    assert found["e2"]["same_sentence"] == 1.0
    assert found["e2"]["subordinate_subject_here"] == subordinate
    assert (found["e1"]["same_sentence"], found["e1"]["subordinate_subject_here"]) == (0.0, 0.0)


def test_a_quote_in_a_relative_clause_is_no_turn_for_he_said() -> None:
    # "Tom Reed … Mark Ellis, who called it a hoax, …  “It fails,” he said": Ellis's aside
    # (the resolver's "relative" rule) does not make him the last speaker
    d = two_men()
    d.turns.append(Turn(50, "e2", "Mark Ellis", 1, aside=True))
    offset = TWO_MEN.index("he said")
    found = {c.entity: c.features for c in candidates(d, offset, "male")}
    assert found["e1"]["last_speaker"] == 1.0
    assert found["e2"]["last_speaker"] == 0.0
    assert [t.entity for t in d.spoken_turns] == ["e1"]
    d.turns[-1] = Turn(50, "e2", "Mark Ellis", 1)  # said in a clause of its own: a turn
    assert {c.entity: c.features for c in candidates(d, offset, "male")}["e2"][
        "last_speaker"
    ] == 1.0


def test_only_an_indirect_quote_in_a_relative_clause_is_an_aside() -> None:
    relative = Decision("Donald Trump", "e1", "relative")
    assert is_aside({"type": "indirect"}, relative)
    assert not is_aside({"type": "direct"}, relative)  # "who told Congress: “…”"
    assert not is_aside({"type": "indirect"}, Decision("Donald Trump", "e1", "name"))


def test_an_age_split_by_the_tokenizer_is_a_person() -> None:
    # "the 43-year-old" comes as "the 43 - year - old", headed by "old"
    words = ["the", "43", "-", "year", "-", "old"]
    doc = description(
        words,
        ["DT", "CD", "HYPH", "NN", "HYPH", "JJ"],
        ["DET", "NUM", "PUNCT", "NOUN", "PUNCT", "ADJ"],
        ["the", "43", "-", "year", "-", "old"],
        ["det", "nummod", "punct", "npadvmod", "punct", "ROOT"],
        [5, 3, 3, 5, 5, 5],
    )
    assert kind_of(doc[:]) == "person"
    old = description(
        ["the", "old"], ["DT", "JJ"], ["DET", "ADJ"], ["the", "old"], ["det", "ROOT"], [1, 1]
    )
    assert kind_of(old[:]) != "person"


def test_full_name_before_stops_at_the_end_of_a_sentence() -> None:
    text = "The front-runner, Donald Trump. But Democrats met George H.W. Bush."
    assert full_name_before(text, "Democrats") is None  # not "Donald Trump. But Democrats"
    assert full_name_before(text, "Bush") == "George H.W. Bush"  # initials go on


def test_entity_with_role_takes_the_holder_named_last() -> None:
    # both are senators; Reed is named again after Ellis's titled mention
    text = "Sen. Tom Reed spoke. Sen. Ann Ellis left. Reed stayed. “No,” the senator said."
    d = discourse(
        text,
        {"e1": ("Tom Reed", "PERSON"), "e2": ("Ann Ellis", "PERSON")},
        [
            (5, 13, "e1", 0, 0, False, True),
            (26, 34, "e2", 0, 1, False, True),
            (41, 45, "e1", 0, 2, False, True),
        ],
    )
    assert entity_with_role(d, ["senator"], text.index("the senator")) == "e1"


def test_a_share_of_her_documents_is_ranked_as_her() -> None:
    doc = parsed("One of her ads said the judge was unfit.")
    mention = mention_span(doc[0])
    assert mention.text == "One of her ads"  # quantity_of: not "One" alone
    assert kind_of(mention) == "document"
    d = discourse(doc.text, {}, [])
    found = resolve_description(d, mention)
    assert (found.rule, found.gender) == ("ranked", "female")
    # evidence, not speech: the filings are the source, as written
    doc = parsed("His filings show a surplus.")
    found = resolve_description(d, mention_span(doc[1]))
    assert found.rule == "as written"


@pytest.mark.parametrize(
    ("text", "issuer", "document"),
    [
        (
            "Wages rose, according to calculations by Amy Glasmeier.",
            "Amy Glasmeier",
            "calculations",
        ),
        (
            "The plan failed, according to a document filed by Dave Aronberg.",
            "Dave Aronberg",
            "document",
        ),
    ],
)
def test_a_document_its_own_words_name_the_issuer_of_is_theirs(text, issuer, document) -> None:
    doc = parsed(text)
    start = text.index(issuer)
    d = discourse(
        text,
        {"e1": (issuer, "PERSON")},
        [(start, start + len(issuer), "e1", 0, 0, False, False)],
    )
    mention = mention_span(doc[[t.text for t in doc].index(document)])
    found = resolve_description(d, mention)
    assert (found.entity, found.rule) == ("e1", "document author")
    bare = discourse(text, {}, [])  # the issuer no entity: the document as written
    assert resolve_description(bare, mention).rule == "as written"


def test_person_asked_keeps_the_turn_of_a_question_nobody_asked() -> None:
    # asked_keeps_the_turn: the question is nobody's, but Trump, who was asked, answers
    text = "Trump, when asked about his errors, changed the subject."
    doc = parsed(text)
    people = [{"id": "e1", "name": "Donald Trump", "label": "PERSON", "mentions": [[0, 5]]}]
    discourse = build_discourse(doc, people, [])
    asked = text.index("asked")
    record = {"cue": [asked, asked + 5], "speaker_mention": None}
    assert person_asked(doc, discourse, record) == "e1"
    # a question with its asker named is theirs: no turn taken for anyone else
    assert person_asked(doc, discourse, {**record, "speaker_mention": [0, 5]}) is None
    said = text.index("changed")
    assert person_asked(doc, discourse, {**record, "cue": [said, said + 7]}) is None


def _above(text: str, pronoun: str, kind: str = "male") -> tuple[int, str] | None:
    at = text.rindex(pronoun)  # the pronoun is the first word of ``pronoun``
    found = pronoun_subject_above(parsed(text), (at, at + len(pronoun.split()[0])), kind)
    return None if found is None else (found.i, found.text)


def test_pronoun_subject_above_is_where_a_clauses_pronoun_is_resolved() -> None:
    # same_pronoun_above: "but he said" stands for the "He" of "He agreed", not for Trump,
    # named in between; "He" itself, and "it", have no such subject above
    text = "He agreed that Trump may struggle, but he said it will change."
    assert _above(text, "he said") == (0, "He")
    assert _above(text, "he said", "female") is None
    assert _above(text, "He agreed") is None
    assert _above(text, "it will", "neuter") is None
    # a relative clause under the subject "He": not Netanyahu, its object
    assert _above("He visited Netanyahu in Israel, where he met reporters.", "he met") == (0, "He")
    # the nearest subject above decides: "who" (Ryan), so the ranker chooses
    assert _above("He echoed Ryan, who said it when asked if he would run.", "he would") is None


@pytest.mark.parametrize(
    ("text", "pronoun", "names", "bound"),
    [
        ("He said Nunberg was bound by an agreement.", "He", ["Nunberg"], {"Nunberg"}),
        # a name before the pronoun is no object of it
        ("Sobin would have voted for Clinton, he says.", "he", ["Sobin", "Clinton"], set()),
        # three clauses down: "he" may well be Clinton
        (
            "He wants to avoid that, recalling how the campaign exploited Clinton's remark.",
            "He",
            ["Clinton"],
            set(),
        ),
        # the one a relative clause describes is not its subject "he"
        (
            "He lambasted the deal negotiated by Obama, who he noted was in his final year.",
            "he",
            ["Obama"],
            {"Obama"},
        ),
        (
            "He praised Obama, who said he was tired.",
            "he",
            ["Obama"],
            set(),
        ),  # "he" hangs on "was": Obama may be he
        # conjoined_clause_name: a clause of its own joined to the pronoun's: Prager may be he
        (
            "He admits that they have a point, but Prager thinks they are wrong.",
            "He",
            ["Prager"],
            set(),
        ),
    ],
)
def test_named_in_own_clause_is_no_candidate(text, pronoun, names, bound) -> None:
    doc = parsed(text)
    people = [
        {"id": name, "name": name, "label": "PERSON", "mentions": [[at, at + len(name)]]}
        for name in names
        for at in [text.index(name)]
    ]
    discourse = build_discourse(doc, people, [])
    at = re.search(rf"\b{pronoun}\b", text).start()
    assert named_in_own_clause(doc, discourse, (at, at + len(pronoun))) == bound


def test_person_of_a_person_is_someone_elses_not_the_last_woman_named() -> None:
    doc = parsed("The wife of Mayor John Tory said she was proud.")
    wife = mention_span(doc[1])
    assert wife.text == "The wife" and related_to_a_person(wife)
    d = discourse(doc.text, {"e1": ("Chrystia Freeland", "PERSON")}, [])
    found = resolve_description(d, wife)
    assert (found.entity, found.rule, found.label) == (None, "unnamed", "PERSON")
    friends = parsed("Friends of Jane Doe said she was kind.")
    assert related_to_a_person(mention_span(friends[0]))
    alone = parsed(
        "Friends of Jane Doe said she was kind.", edit={3: {"iob": "O"}, 2: {"iob": "O"}}
    )
    assert not related_to_a_person(mention_span(alone[0]))  # "of" no name: nobody's


NEIGHBOUR = (
    "Sgt. Tammy Lobb said two died. A neighbour said she heard six shots.\n\n"
    "“I thought it was fireworks,” she said."
)


def _neighbour(unnamed: str | None, named_between: bool = False) -> Discourse:
    mentions = [(5, 15, "e1", 0, 0, False, True)]
    if named_between:  # "Lobb" again after the neighbour spoke
        mentions.append(
            (NEIGHBOUR.index("six"), NEIGHBOUR.index("six") + 3, "e1", 0, 1, False, False)
        )
    d = discourse(NEIGHBOUR, {"e1": ("Tammy Lobb", "PERSON")}, mentions)
    d.sentence_starts = [0, NEIGHBOUR.index("A neighbour"), NEIGHBOUR.index("“")]
    d.turns.append(Turn(24, "e1", "Tammy Lobb", 0, cue=NEIGHBOUR.index("said")))
    cue = NEIGHBOUR.index("said she")
    d.turns.append(Turn(cue + 5, None, None, 0, cue=cue, unnamed=unnamed))
    return d


def test_unnamed_speaker_continues_takes_a_pronoun_after_a_described_speaker() -> None:
    she = NEIGHBOUR.rindex("she")
    assert unnamed_speaker_continues(_neighbour(""), (she, she + 3), "female")
    assert not unnamed_speaker_continues(_neighbour(None), (she, she + 3), "female")  # named
    assert not unnamed_speaker_continues(_neighbour("male"), (she, she + 3), "female")  # a man
    assert not unnamed_speaker_continues(_neighbour("", True), (she, she + 3), "female")


def test_unnamed_gender_is_the_descriptions() -> None:
    d = discourse("A woman said so.", {}, [])
    record = {"speaker_mention": [0, 7]}
    assert unnamed_gender(d, record, Decision(None, None, "unnamed", "PERSON")) == "female"
    record = {"speaker_mention": [0, 7]}
    assert (
        unnamed_gender(d, {"speaker_mention": [0, 1]}, Decision(None, None, "unnamed", "PERSON"))
        == ""
    )
    assert unnamed_gender(d, record, Decision("Jan Kamp", "e1", "name", "PERSON")) is None


RESIDENT = (
    "One resident, who did not want her name used because she fears retaliation, said the"
    " offer was low."
)


def test_in_relative_of_unnamed() -> None:
    # pronoun_in_relative_of_unnamed: "she" is the resident's, who is never named
    doc = parsed(RESIDENT)
    she = RESIDENT.index("she")
    assert in_relative_of_unnamed(doc, (she, she + 3))
    # without "one" or "a" the description may be someone named before ("The premier,
    # who said he …"): here "One" read as no part of it
    bare = parsed(RESIDENT, edit={0: {"head": 15}})
    assert not in_relative_of_unnamed(bare, (she, she + 3))
    named = parsed(RESIDENT, edit={1: {"pos": "PROPN"}})
    assert not in_relative_of_unnamed(named, (she, she + 3))  # a name: the ranker decides
    her = RESIDENT.index("her")
    assert in_relative_of_unnamed(doc, (her, her + 3))


MOTHER = "Ashawasegai hugged his mother, Evelyn Ashawasegai, 71.\n\nHis mother said she drove."


def test_kin_named_before() -> None:
    # kin_named_before: "His mother said" is the mother named so before
    evelyn = MOTHER.index("Evelyn")
    d = discourse(
        MOTHER,
        {"e1": ("Dale Ashawasegai", "PERSON"), "e2": ("Evelyn Ashawasegai", "PERSON")},
        [(0, 11, "e1", 0, 0, False, True), (evelyn, evelyn + 18, "e2", 0, 0, False, False)],
    )
    doc = spacy.blank("en")(MOTHER)
    at = MOTHER.rindex("His")
    assert kin_named_before(d, doc.char_span(at, at + len("His mother"))) == "e2"
    assert kin_named_before(d, doc.char_span(at, at + len("His"))) is None  # no kin noun
    father = spacy.blank("en")(MOTHER.replace("His mother said", "His father said"))
    assert kin_named_before(d, father.char_span(at, at + len("His father"))) is None
