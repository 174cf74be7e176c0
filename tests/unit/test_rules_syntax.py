"""Shared token helpers (components/attribution/syntax.py)."""

from __future__ import annotations

import gc
import weakref

from handbuilt import cohere_as_in_the_article, marked, parsed, token

from quotex.components.attribution import syntax


def test_doc_text_is_cached_and_does_not_keep_the_doc_alive() -> None:
    doc = parsed("Jan Kamp said the plan failed.")
    assert syntax.doc_text(doc) == doc.text
    assert syntax.doc_text(doc) is syntax.doc_text(doc)  # built once
    ref = weakref.ref(doc)
    del doc
    gc.collect()
    assert ref() is None


def test_mention_span_keeps_modifiers_and_cuts_appositions() -> None:
    doc = parsed("The moderator, Carl Quintanilla, asked the question.")
    assert syntax.mention_span(token(doc, "moderator")).text == "The moderator"
    doc = parsed("“We will not retreat,” said Mr. Kamp.")
    assert syntax.mention_span(token(doc, "Kamp")).text == "Mr. Kamp"


def test_region_tokens_include_the_marks() -> None:
    doc = parsed("He described the plan as “a total disaster”.")
    regions, inside = marked(doc)
    assert [doc[i].text for i in sorted(inside)] == ["“", "a", "total", "disaster", "”"]
    assert syntax.region_token_span(doc, regions[0]).text == "a total disaster"


def test_char_range() -> None:
    doc = parsed("Jan Kamp said the plan failed.")
    start, end = syntax.char_range(doc, 3, 6)
    assert doc.text[start:end] == "the plan failed"


def test_with_conjuncts_widens_a_speaker_mention_over_joined_names() -> None:
    doc = parsed(
        "Eisenhower and his future secretary of State, John Foster Dulles, criticized the plan."
    )
    mention = syntax.mention_span(token(doc, "Eisenhower"))
    assert mention.text == "Eisenhower"
    widened = syntax.with_conjuncts(mention).text
    assert widened == "Eisenhower and his future secretary of State, John Foster Dulles"
    doc = parsed(
        "Nuclear experts David Albright and Serena Kelleher-Vergantini wrote in September."
    )
    mention = syntax.mention_span(token(doc, "experts"))
    assert mention.text == "Nuclear experts"
    assert syntax.with_conjuncts(mention).text.endswith(
        "David Albright and Serena Kelleher-Vergantini"
    )
    # no conjunction: the mention is left as it is
    doc = parsed("The moderator, Carl Quintanilla, asked the question.")
    mention = syntax.mention_span(token(doc, "moderator"))
    assert syntax.with_conjuncts(mention) == mention


def test_with_conjuncts_widens_a_group_over_the_members_it_lists() -> None:
    doc = parsed(
        "Other prominent Republicans, like Richard Armitage, Henry Paulson and Brent Scowcroft,"
        " have also said they are supporting Clinton."
    )
    mention = syntax.mention_span(token(doc, "Republicans"))
    assert mention.text == "Other prominent Republicans"
    widened = syntax.with_conjuncts(mention).text
    assert widened.endswith("like Richard Armitage, Henry Paulson and Brent Scowcroft")


def test_with_conjuncts_never_reaches_into_quoted_words() -> None:
    doc = parsed("Smith and “the people” said the plan would fail.")
    mention = syntax.mention_span(token(doc, "Smith"))
    assert syntax.with_conjuncts(mention).text == "Smith"


def test_speaking_along_with_joins_the_companion() -> None:
    text = "Ms. Epstein, along with Judge Richard Posner, wrote that the court was friendly."
    doc = parsed(text)  # "along" hangs on "Epstein" here
    head = token(doc, "Epstein")
    assert [t.text for t in syntax.companions(head)] == ["Posner"]
    assert syntax.with_conjuncts(syntax.mention_span(head)).text.endswith("Richard Posner")
    on_verb = parsed(text, edit={3: {"head": 9}})  # or on the verb, after the subject
    assert [t.text for t in syntax.companions(token(on_verb, "Epstein"))] == ["Posner"]
    plain = parsed(text, edit={4: {"dep": "pobj", "head": 9}})  # no "with" under "along"
    assert syntax.companions(token(plain, "Epstein")) == []


TREMBLAY = (
    "At a picket line outside the port's east gate, veteran dockworker Jean-François Tremblay"
    " said morale was high."
)


def test_mention_span_cuts_a_fronted_phrase_the_parser_hung_on_the_name() -> None:
    doc = parsed(TREMBLAY)  # "gate" (and "outside the port's east") hang on "Tremblay"
    mention = syntax.mention_span(token(doc, "Tremblay"))
    assert mention.text == "veteran dockworker Jean-François Tremblay"


def test_mention_span_keeps_a_phrase_before_the_comma_that_names_someone() -> None:
    # "Khizr and Ghazala Khan, the Gold Star parents": a name before the comma stays
    doc = parsed(TREMBLAY, edit={6: {"iob": "B-PERSON"}})
    assert syntax.mention_span(token(doc, "Tremblay")).text.startswith("the port's")


def test_mention_span_cuts_at_the_comma_only_before_a_name() -> None:
    doc = parsed(TREMBLAY, edit={16: {"pos": "NOUN"}})
    assert syntax.mention_span(token(doc, "Tremblay")).text.startswith("the port's")


def test_mention_span_cuts_a_dateline() -> None:
    # as the parser read it in the article: "Cohere" the subject, the dateline its nmod
    doc = cohere_as_in_the_article()
    assert syntax.mention_span(token(doc, "Cohere")).text == "Cohere"
