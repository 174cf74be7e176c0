"""Speaker naming and pronoun resolution (components/attribution/speakers.py)."""

from __future__ import annotations

import spacy
from handbuilt import cohere_as_in_the_article, parsed, token

from quotex.components.attribution import speakers
from quotex.components.attribution.quote import Attribution
from quotex.components.attribution.syntax import mention_span
from quotex.components.quotes import MarkedRegion


def entity(eid: str, name: str, label: str, text: str, *forms: str) -> dict:
    """An entity record with a mention at the first occurrence of each form in ``text``."""
    mentions = [[text.index(f), text.index(f) + len(f)] for f in forms]
    return {"id": eid, "name": name, "label": label, "mentions": mentions}


def quote_by(doc, subject_word: str, nth: int = 0, **fields) -> Attribution:
    subject = token(doc, subject_word, nth)
    attr = Attribution("indirect", subject.idx, subject.idx + 1, subject=subject, **fields)
    attr.mention = mention_span(subject)
    return attr


def test_entity_of_a_name_not_of_a_name_qualifying_a_noun() -> None:
    text = "“Meh,” wrote a Trump supporter."
    doc = parsed(text)
    index = speakers.EntityIndex.from_records([entity("e1", "Trump", "ORG", text, "Trump")])
    assert index.entity_of(mention_span(token(doc, "supporter"))) is None
    text = "Jan Kamp said the plan failed."
    doc = parsed(text)
    index = speakers.EntityIndex.from_records(
        [entity("e1", "Jan Kamp", "PERSON", text, "Jan Kamp")]
    )
    assert index.entity_of(mention_span(token(doc, "Kamp"))) == "e1"
    assert index.person_named("Mr. Kamp") == "e1"
    assert index.person_named("the minister") is None


def test_entity_of_an_untagged_name_is_not_the_group_qualifying_it() -> None:
    text = "Oversight Democrat Elijah Cummings said the plan failed."
    doc = parsed(text)
    democrat = entity("e1", "Democrat", "NORP", text, "Democrat")
    index = speakers.EntityIndex.from_records([democrat])
    assert index.entity_of(mention_span(token(doc, "Cummings"))) is None
    cummings = entity("e2", "Elijah Cummings", "PERSON", text, "Cummings")
    cummings["mentions"] = []  # named so elsewhere in the article, untagged here
    index = speakers.EntityIndex.from_records([democrat, cummings])
    assert index.entity_of(mention_span(token(doc, "Cummings"))) == "e2"


def test_entity_of_an_untagged_name_is_the_entity_of_that_name() -> None:
    # untagged_entity_name: "Cohere" is tagged in the headline only, untagged here
    doc = cohere_as_in_the_article()
    headline = {"id": "e1", "name": "Cohere", "label": "ORG", "mentions": [[900, 906]]}
    index = speakers.EntityIndex.from_records([headline])
    assert index.entity_of(mention_span(token(doc, "Cohere"))) == "e1"
    other = {**headline, "name": "Cohere Health"}
    index = speakers.EntityIndex.from_records([other])
    assert index.entity_of(mention_span(token(doc, "Cohere"))) is None  # word for word only


def test_entity_of_a_noun_is_not_a_name_nested_in_its_qualifiers() -> None:
    # qualifiers_of_the_head: "Slate" qualifies "technology", which qualifies "columnist"
    text = "The Slate technology columnist David Auerbach said Twitter is over."
    doc = parsed(text)
    slate = entity("e1", "Slate", "ORG", text, "Slate")
    auerbach = entity("e2", "David Auerbach", "PERSON", text, "David Auerbach")
    index = speakers.EntityIndex.from_records([slate, auerbach])
    assert index.entity_of(mention_span(token(doc, "columnist"))[:4]) is None
    assert speakers.appositive_person(quote_by(doc, "columnist"), index) == "e2"
    # the parser hangs a name before an adjective on the noun as nmod, not compound
    text = "Several Clinton economic advisers said the plan failed."
    doc = parsed(text)
    index = speakers.EntityIndex.from_records([entity("e1", "Clinton", "PERSON", text, "Clinton")])
    assert index.entity_of(mention_span(token(doc, "advisers"))) is None


def test_gender_from_title() -> None:
    text = "Mr. Kamp spoke first. She said the plan failed."
    doc = parsed(text)
    index = speakers.EntityIndex.from_records([entity("e1", "Kamp", "PERSON", text, "Kamp")])
    assert speakers.gender_from_title(doc, "e1", index) == "male"
    text = "Jan Kamp said the plan failed."
    index = speakers.EntityIndex.from_records([entity("e1", "Kamp", "PERSON", text, "Jan Kamp")])
    assert speakers.gender_from_title(parsed(text), "e1", index) is None


def test_paragraph_window_start() -> None:
    doc = spacy.blank("en")("A.\n\nB.\n\nC.\n\nD.\n\nE.\n\nF.")
    assert speakers.paragraph_window_start(doc, doc.text.index("F")) == doc.text.index("C")
    assert speakers.paragraph_window_start(doc, doc.text.index("B")) == 0


def test_resolve_he_or_she_to_a_person_of_no_other_gender() -> None:
    text = "Mr. Kamp spoke first. She said the plan failed."
    doc = parsed(text)
    index = speakers.EntityIndex.from_records([entity("e1", "Kamp", "PERSON", text, "Kamp")])
    she = mention_span(token(doc, "She"))
    assert speakers.resolve_he_or_she(doc, she, "female", [], index, {}) == (None, None)
    known = {"e1": "female"}
    assert speakers.resolve_he_or_she(doc, she, "female", [], index, known) == ("Kamp", "e1")


def test_resolve_it_to_the_latest_thing_speaker() -> None:
    text = "The Kremlin said the talks failed. It said the talks would resume."
    doc = parsed(text)
    index = speakers.EntityIndex.from_records([entity("e1", "Kremlin", "ORG", text, "Kremlin")])
    kremlin = quote_by(doc, "Kremlin", speaker="Kremlin", entity="e1")
    it = mention_span(token(doc, "It"))
    assert speakers.is_thing_speaker(kremlin, index)
    assert speakers.resolve_it(doc, it, [kremlin], index) == ("Kremlin", "e1")


def test_resolve_it_never_to_a_person() -> None:
    text = "The Kremlin said the talks failed. It said the talks would resume."
    doc = parsed(text)
    index = speakers.EntityIndex.from_records([entity("e1", "Kremlin", "PERSON", text, "Kremlin")])
    kremlin = quote_by(doc, "Kremlin", speaker="Kremlin", entity="e1")
    assert not speakers.is_thing_speaker(kremlin, index)
    assert speakers.resolve_it(doc, mention_span(token(doc, "It")), [kremlin], index) == (
        None,
        None,
    )


def test_resolve_they_to_a_group_subject() -> None:
    doc = parsed("Voting rights advocates have expressed concern. They cite the new rules.")
    index = speakers.EntityIndex.from_records([])
    they = mention_span(token(doc, "They"))
    assert speakers.resolve_they(doc, they, [], index) == ("Voting rights advocates", None)


def test_resolve_they_to_a_plural_subject_before_it_in_its_sentence() -> None:
    text = "Senate Democrats blocked the bill because they said it was a trap."
    doc = parsed(text)
    index = speakers.EntityIndex.from_records([])
    they = mention_span(token(doc, "they"))
    found = ("Senate Democrats", None)
    assert speakers.plural_subject_before_in_sentence(doc, they, index) == found
    earlier = Attribution("indirect", 0, 1, speaker="the leading candidates")
    assert speakers.resolve_they(doc, they, [earlier], index) == found
    doc = parsed(text, edit={1: {"tag": "NNP", "iob": "O"}})  # "Senate Democrat": one
    they = mention_span(token(doc, "they"))
    assert speakers.plural_subject_before_in_sentence(doc, they, index) == (None, None)


def test_they_is_never_a_person() -> None:
    text = "Mr. Kamp spoke first. She said the plan failed."
    doc = parsed(text)
    index = speakers.EntityIndex.from_records([entity("e1", "Kamp", "PERSON", text, "Kamp")])
    kamp = quote_by(doc, "Kamp", speaker="Kamp", entity="e1")
    assert not speakers.can_be_they(kamp, index)
    kamp.entity = None
    assert not speakers.can_be_they(kamp, index)  # a singular noun
    kamp.mention = None
    assert speakers.can_be_they(kamp, index)


def test_antecedent_of_relative() -> None:
    doc = parsed("Clinton, who said the plan failed, left.")
    assert speakers.antecedent_of_relative(doc[2:3]).text == "Clinton"
    assert speakers.antecedent_of_relative(doc[0:1]) is None


def test_appositive_person() -> None:
    text = "The moderator, Carl Quintanilla, asked the question."
    doc = parsed(text)
    index = speakers.EntityIndex.from_records(
        [entity("e1", "Carl Quintanilla", "PERSON", text, "Carl Quintanilla")]
    )
    assert speakers.appositive_person(quote_by(doc, "moderator"), index) == "e1"
    assert speakers.appositive_person(quote_by(doc, "question"), index) is None


def test_appositive_after_modifier_names_the_description() -> None:
    text = "A spokesman for Mr. Cruz, Rick Tyler, said the campaign had raised more money."
    doc = parsed(text)
    people = [entity("e1", "Cruz", "PERSON", text, "Cruz")]
    people.append(entity("e2", "Rick Tyler", "PERSON", text, "Rick Tyler"))
    index = speakers.EntityIndex.from_records(people)
    assert [t.text for t in speakers.closing_appositives(token(doc, "spokesman"))] == ["Tyler"]
    assert speakers.appositive_person(quote_by(doc, "spokesman"), index) == "e2"
    # the name of a description in the modifier is that description's, not the speaker's
    text = "A spokesman for the candidate, Donald Trump, said the campaign had raised more money."
    doc = parsed(text)
    assert speakers.closing_appositives(token(doc, "spokesman")) == []


def split_quote():
    doc = parsed("“The review is welcome,” Hugh Hill said, “but it will not add a nurse.”")
    first = Attribution("direct", 1, 22, cue=doc[9:10], subject=token(doc, "Hill"))
    second = Attribution("direct", 43, 71, inherited=True)
    return doc, first, second


def test_same_turn_shares_the_cue() -> None:
    doc, first, second = split_quote()
    first.mention = mention_span(first.subject)
    assert speakers.same_turn(doc, first, second)
    first.mention = None
    assert not speakers.same_turn(doc, first, second)


def test_resolve_speakers_continues_the_turn() -> None:
    doc, first, second = split_quote()
    index = speakers.EntityIndex.from_records(
        [entity("e1", "Hugh Hill", "PERSON", doc.text, "Hugh Hill")]
    )
    speakers.resolve_speakers(doc, [second, first], index)
    assert (first.speaker, first.entity, first.mention.text) == ("Hugh Hill", "e1", "Hugh Hill")
    assert (second.speaker, second.mention.text, second.cue.text) == (
        "Hugh Hill",
        "Hugh Hill",
        "said",
    )


def test_end_turns_at_paragraph_gaps() -> None:
    doc = spacy.blank("en")("“A b.”\n\n“C d.”\n\nNo quote.\n\n“E f.”")
    text = doc.text
    attrs = [
        Attribution("direct", text.index(w), text.index(w) + 4, inherited=True)
        for w in ("A b.", "C d.", "E f.")
    ]
    attrs[0].inherited = False
    speakers.end_turns_at_paragraph_gaps(doc, attrs)
    assert [a.inherited for a in attrs] == [False, True, False]


def test_end_unclosed_quote_at_speaker() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("“We will fight. Kamp said it twice.")
    text = doc.text
    region = MarkedRegion(0, 1, len(text), len(text), closed=False)
    attr = Attribution("direct", 1, len(text), entity="e1", regions=[region])
    index = speakers.EntityIndex.from_records([entity("e1", "Kamp", "PERSON", text, "Kamp")])
    speakers.end_unclosed_quote_at_speaker(doc, attr, index)
    assert text[attr.start : attr.end] == "We will fight."
    closed = Attribution("direct", 1, len(text), entity="e1", regions=[MarkedRegion(0, 1, 5, 6)])
    speakers.end_unclosed_quote_at_speaker(doc, closed, index)
    assert closed.end == len(text)


def test_entity_of_a_share_is_of_the_noun_it_shares_not_its_possessor() -> None:
    text = "One of Trump's aides said the plan failed."
    doc = parsed(text)
    index = speakers.EntityIndex.from_records([entity("e1", "Trump", "PERSON", text, "Trump")])
    mention = mention_span(token(doc, "One"))
    assert mention.text == "One of Trump's aides"
    assert index.entity_of(mention) is None  # an aide, not Trump


def test_they_led_by_he_is_the_person_he_is() -> None:
    text = "Tom Reed spoke. He and his partner came because they wanted to win."
    doc = parsed(text)
    index = speakers.EntityIndex.from_records(
        [entity("e1", "Tom Reed", "PERSON", text, "Tom Reed")]
    )
    reed = quote_by(doc, "Reed", speaker="Tom Reed", entity="e1")
    they = mention_span(token(doc, "they"))
    assert speakers.resolve_they(doc, they, [reed], index, {}) == ("Tom Reed", "e1")
