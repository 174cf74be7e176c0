"""The speaker resolver on short texts, with the model: each rule of
``quotex.components.resolver`` on the case it was written for."""

from __future__ import annotations

import pytest

from quotex.extraction import extract

pytestmark = pytest.mark.model


def speakers(nlp, text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract(text, nlp=nlp).quotes]


def test_resolver_pronoun_is_the_last_speaker_not_the_last_man_mentioned(nlp) -> None:
    text = (
        "Senator Tom Reed spoke to reporters on Monday. “We will win this fight,” Reed said.\n\n"
        "He attacked the plan of Governor Mark Ellis, which Ellis unveiled in March.\n\n"
        "“It is a disaster for working families,” he said."
    )
    found = dict(speakers(nlp, text))
    assert found["It is a disaster for working families,"] == "Tom Reed"


def test_resolver_she_is_never_a_man(nlp) -> None:
    text = (
        "Maria Lopez, a nurse from Ohio, joined the rally. Bernie Sanders spoke after her "
        "and said the hospitals needed money.\n\n"
        "“We are tired of waiting,” she said."
    )
    assert dict(speakers(nlp, text))["We are tired of waiting,"] == "Maria Lopez"


def test_resolver_she_can_be_a_woman_called_spokesman(nlp) -> None:
    # generic_man_noun: "spokesman" does not make Hope Hicks a man, so "she" is hers
    text = (
        "Dahlys Hamilton is listed as the chairman of the coalition. Trump spokesman Hope "
        "Hicks confirmed that the group was created independently.\n\n"
        "“They are not affiliated with the campaign,” she said."
    )
    assert dict(speakers(nlp, text))["They are not affiliated with the campaign,"] == "Hope Hicks"


def test_resolver_he_is_not_the_man_named_in_his_own_clause(nlp) -> None:
    # named_in_own_clause: "He said Nunberg was bound" cannot be Nunberg
    text = (
        "The dispute with Sam Nunberg became public after Nunberg filed a petition. Nunberg "
        "said he had been bullied.\n\n"
        "Trump's attorney, Alan Garten, said Nunberg was “looking for free publicity.” "
        "He said Nunberg was bound by an agreement that is “standard practice for all "
        "major businesses.”"
    )
    found = [who for quote, who in speakers(nlp, text) if "standard practice" in quote]
    assert found == ["Alan Garten"]


def test_resolver_a_role_names_the_person_titled_with_it(nlp) -> None:
    text = (
        "Senate Minority Leader Harry Reid met Senator John Cornyn on Tuesday. "
        "Cornyn said the talks were long.\n\n"
        "“We have a deal,” the minority leader said."
    )
    assert dict(speakers(nlp, text))["We have a deal,"] == "Harry Reid"


def test_resolver_a_statement_is_its_issuers(nlp) -> None:
    text = (
        "The Holocaust Memorial Museum said on Monday that the exhibit would close.\n\n"
        "“We regret the decision,” the statement said."
    )
    found = dict(speakers(nlp, text))
    assert found["We regret the decision,"] == "Holocaust Memorial Museum"


def test_resolver_a_continuation_paragraph_keeps_the_resolved_speaker(nlp) -> None:
    text = (
        "Anna Berg, the mayor, spoke after Paul Novak. “The budget is balanced,” she said.\n\n"
        "“And it will stay balanced.”"
    )
    found = extract(text, nlp=nlp).quotes
    assert [q.speaker for q in found] == ["Anna Berg", "Anna Berg"]
    assert found[1].speaker_rule == "continuation"


def test_resolver_they_for_an_organisation(nlp) -> None:
    text = (
        "The Teamsters union voted on Friday to strike.\n\n“We have waited long enough,” they said."
    )
    found = dict(speakers(nlp, text))
    assert found["We have waited long enough,"] == "Teamsters"


def test_resolver_an_unnamed_person_has_no_speaker_but_keeps_the_mention(nlp) -> None:
    text = "“The wards are full,” a retired nurse said."
    quote = extract(text, nlp=nlp).quotes[0]
    assert quote.speaker is None
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "a retired nurse"
    assert quote.speaker_label == "PERSON"


def test_resolver_every_quote_has_a_rule_and_a_confidence(nlp) -> None:
    text = "“We will win,” said Jan Kamp. He added that the vote was close."
    for quote in extract(text, nlp=nlp).quotes:
        assert quote.speaker_rule
        assert quote.confidence is not None and 0.0 <= quote.confidence <= 1.0
    assert extract(text, nlp=nlp).quotes[0].speaker_label == "PERSON"


def test_resolver_it_after_a_described_organisation_is_that_organisation(nlp) -> None:
    text = (
        "NATO met on Thursday. The transatlantic alliance says it has made enough "
        "statements to that effect."
    )
    found = {q.text: q.speaker for q in extract(text, nlp=nlp).quotes}
    assert "NATO" in found.values()
    assert "the transatlantic alliance" not in found.values()
