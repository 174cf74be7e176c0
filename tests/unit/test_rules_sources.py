"""Cue nouns, source phrases and transcript turns (components/attribution/sources.py)."""

from __future__ import annotations

from handbuilt import marked, parsed, token

from quotex.components.attribution import sources


def quoted(doc, attr) -> str:
    return doc.text[attr.start : attr.end]


def test_nominal_attribution_of_a_possessed_claim() -> None:
    doc = parsed("Hamann's claim that the site was losing money was false.")
    regions, inside = marked(doc)
    [attr] = sources.nominal_attributions(doc, regions, inside)
    assert quoted(doc, attr) == "the site was losing money"
    assert (attr.cue.text, attr.subject.text) == ("claim", "Hamann")


def test_nominal_attribution_needs_a_source() -> None:
    doc = parsed("Hamann rejected the claim that the site was losing money.")
    assert sources.that_clause_of(token(doc, "claim")).text == "losing"
    assert sources.source_of_noun(token(doc, "claim")) is None
    assert sources.nominal_attributions(doc, *marked(doc)) == []


def test_according_to_and_in_evidence_phrases() -> None:
    doc = parsed("According to the police, the man fled.")
    acc, source, cue = sources.according_to(token(doc, "According"))
    assert (source.text, cue.text) == ("police", "According to")
    doc = parsed("In the latest survey, 71 percent back the plan.")
    _, source, cue = sources.in_evidence(token(doc, "In"))
    assert (source.text, cue.text) == ("survey", "In")
    assert sources.according_to(token(doc, "In")) is None


def test_cue_in_evidence_clause_leaves_the_report_to_its_named_subject() -> None:
    doc = parsed("In her annual report, Shelley Spence found the ministry overpaid.")
    assert sources.in_evidence(token(doc, "In")) is None  # Spence "found" it
    doc = parsed("In the latest poll, 79 percent of Democrats said they were satisfied.")
    _, source, _ = sources.in_evidence(token(doc, "In"))
    assert source.text == "poll"  # respondents the poll reports


def test_according_content_after_an_opening_phrase() -> None:
    doc = parsed("According to the police, the man fled.")
    assert doc[slice(*sources.according_content(token(doc, "According")))].text == "the man fled"


def test_according_content_before_a_closing_phrase() -> None:
    doc = parsed("The man fled, according to the police.")
    assert doc[slice(*sources.according_content(token(doc, "according")))].text == "The man fled"


def test_according_content_of_the_clause_around_the_phrase() -> None:
    doc = parsed(
        "G4S receives, according to one report, $234 million a year.",
        edit={1: {"pos": "VERB", "tag": "VBZ"}, 3: {"head": 1}},
    )
    start, end = sources.according_content(token(doc, "according"))
    assert doc[start:end].text == "G4S receives, according to one report, $234 million a year"


def test_according_content_skips_a_dateline() -> None:
    doc = parsed("BRAMLEY, England (Wire) — Kessler will close the plant, according to the union.")
    assert sources.is_dateline(doc[0:6])
    assert not sources.is_dateline(doc[7:12])
    start, end = sources.according_content(token(doc, "according"))
    assert doc[start:end].text == "Kessler will close the plant"


def test_according_attribution() -> None:
    doc = parsed("The man fled, according to the police.")
    regions, inside = marked(doc)
    [(acc, source, cue)] = sources.according_phrases(doc, inside)
    attr = sources.according_attribution(acc, source, cue, regions, inside)
    assert (attr.type, quoted(doc, attr), attr.subject.text) == (
        "indirect",
        "The man fled",
        "police",
    )


def test_transcript_turn_of_a_speaker_label() -> None:
    doc = parsed("TAPPER: Do you think the plan will work?", edit={0: {"pos": "PROPN"}})
    [turn] = sources.transcript_turns(doc, {})
    assert (turn.mention.text, turn.cue.text, quoted(doc, turn)) == (
        "TAPPER",
        ":",
        "Do you think the plan will work?",
    )


def test_transcript_turn_needs_a_proper_noun_label() -> None:
    doc = parsed("TAPPER: Do you think the plan will work?")  # the model's NOUN
    assert sources.transcript_turns(doc, {}) == []


def test_a_surname_in_capitals_is_a_speaker_label_whatever_its_tag() -> None:
    text = (
        "Donald Trump released a video.\n\n"
        "TRUMP: The deaths make clear how much more work we have to do."
    )
    doc = parsed(text)  # the model's NOUN (and ORG) for "TRUMP"
    [turn] = sources.transcript_turns(doc, {})
    assert turn.mention.text == "TRUMP" and quoted(doc, turn).startswith("The deaths")
    assert sources.surname_in_capitals(doc, turn.mention)
    assert not sources.surname_in_capitals(doc, doc[0:1])  # not in capitals


def test_a_place_is_not_a_speaker_label() -> None:
    doc = parsed("Iowa: The caucus starts at seven tonight.")
    assert not sources.names_a_speaker(doc[0:1])
    assert sources.transcript_turns(doc, {}) == []


def test_a_roster_is_not_a_turn() -> None:
    doc = parsed("STAFF: Tim Albrecht, Brad Anderson, Rob Barron, Sam Clovis.")
    assert sources.is_name_list(doc[2:])
    assert not sources.is_name_list(parsed("TAPPER: Do you think the plan will work?")[2:])


def test_a_poll_is_a_source_only_where_evidence_counts() -> None:
    doc = parsed("In the latest survey, 71 percent back the plan.")
    assert len(sources.according_phrases(doc, {})) == 1  # --scope all
    assert sources.according_phrases(doc, {}, evidence=False) == []  # --scope speech
    doc = parsed("According to the police, the man fled.")  # speech either way
    assert len(sources.according_phrases(doc, {}, evidence=False)) == 1
