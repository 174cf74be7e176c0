"""Cues and speakers of marked quotes no clause claimed (components/attribution/marked.py)."""

from __future__ import annotations

from handbuilt import marked, parsed, token

from quotex.components.attribution import marked as rules
from quotex.components.attribution.cues import CueWords, find_cues
from quotex.components.attribution.quote import MarkedQuote
from quotex.components.attribution.syntax import region_token_span

WORDS = CueWords.build()


def setup(doc):
    regions, inside = marked(doc)
    cues = find_cues(doc, inside, set(), WORDS.cues)
    return regions, inside, cues


def test_governing_cue_through_verbs_only() -> None:
    doc = parsed(
        "He called the plan “a total disaster” on Monday.", edit={7: {"dep": "oprd", "head": 1}}
    )
    regions, inside, cues = setup(doc)
    span = region_token_span(doc, regions[0])
    assert rules.governing_cue(span, {c.i for c in cues}, inside).text == "called"


def test_governing_cue_not_through_a_noun() -> None:
    doc = parsed("She wrote a page called “for honest elections” last year.")
    regions, inside, cues = setup(doc)
    span = region_token_span(doc, regions[0])
    assert rules.governing_cue(span, {c.i for c in cues}, inside) is None


def test_verb_taking_quote_as_clause() -> None:
    doc = parsed("“The review is welcome,” Hugh Hill said, “but it will not add a nurse.”")
    regions, inside, _ = setup(doc)
    span = region_token_span(doc, regions[0])
    assert rules.verb_taking_quote_as_clause(span, inside).text == "said"
    assert rules.verb_taking_quote_as_clause(region_token_span(doc, regions[1]), inside) is None


def test_cue_in_quote_sentences() -> None:
    doc = parsed("“The review is welcome,” Hugh Hill said, “but it will not add a nurse.”")
    regions, inside, cues = setup(doc)
    second = regions[1]
    span = region_token_span(doc, second)
    assert rules.cue_in_quote_sentences(doc, second, span, cues, inside).text == "said"
    assert rules.cue_in_quote_sentences(doc, second, span, [], inside) is None


def test_reports_else_after_a_colon() -> None:
    # the quote parsed as a sentence of its own: "said" ends its sentence with a colon
    quote_alone = {8: {"head": 9}, 9: {"dep": "ROOT", "head": 9}, 10: {"head": 9}, 11: {"head": 9}}
    doc = parsed("Asked what she wanted, she said: “Peace.”", edit=quote_alone)
    regions, _, _ = setup(doc)
    assert rules.reports_else(token(doc, "said"), region_token_span(doc, regions[0]))
    doc = parsed("“We will not retreat,” said Mr. Kamp.")
    regions, _, _ = setup(doc)
    assert not rules.reports_else(token(doc, "said"), region_token_span(doc, regions[0]))


def test_bare_verb_after_quote() -> None:
    doc = parsed("“Why now?” Mr. Burton fumed.")
    regions, inside, _ = setup(doc)
    assert rules.bare_verb_after_quote(doc, regions[0], inside).text == "fumed"
    assert rules.nearby_cue(doc, regions[0], [], inside).text == "fumed"


def test_bare_verb_after_quote_not_a_verb_with_an_object() -> None:
    doc = parsed("“Why now?” Mr. Burton fumed.", edit={8: {"dep": "dobj"}})
    regions, inside, _ = setup(doc)
    assert rules.bare_verb_after_quote(doc, regions[0], inside) is None


def test_colon_cue() -> None:
    doc = parsed("Jan Kamp said: “We will not retreat from this city.”")
    regions, inside, cues = setup(doc)
    assert rules.colon_cue(doc, regions[0], cues, inside).text == "said"
    assert rules.colon_cue(doc, regions[0], [], inside).text == "said"  # the main verb
    doc = parsed("“Why now?” Mr. Burton fumed.")
    regions, inside, cues = setup(doc)
    assert rules.colon_cue(doc, regions[0], cues, inside) is None


def test_lead_in_hung_on_quote_gives_the_colon_its_verb() -> None:
    doc = parsed("The mayor was blunt: “We need help from Ottawa.”")  # root "need", in the quote
    regions, inside, cues = setup(doc)
    assert rules.colon_cue(doc, regions[0], cues, inside).text == "was"
    assert rules.lead_in_root(doc, 0, 4).text == "was"
    assert rules.lead_in_root(doc, 0, 2) is None  # no verb before the colon


def test_dash_signature_first_needs_a_proper_name() -> None:
    doc = parsed("Readers told us: “I walked to work.” — Priya Nair, Scarborough")
    regions, _, _ = setup(doc)
    assert rules.signed_with_dash(doc, regions[0]).text == "Priya Nair"
    doc = parsed("Readers told us: “We will win.” — that was the message.")
    regions, _, _ = setup(doc)
    assert rules.signed_with_dash(doc, regions[0]) is None


def test_label_speaker_and_its_colon() -> None:
    doc = parsed("WALLACE: “Let us start with the economy.”")
    regions, _, _ = setup(doc)
    mention = rules.label_speaker(doc, regions[0])
    assert mention.text == "WALLACE"
    assert rules.label_colon(mention).text == ":"
    doc = parsed("“Why now?” Mr. Burton fumed.")
    assert rules.label_speaker(doc, setup(doc)[0][0]) is None


def test_dash_speaker() -> None:
    doc = parsed("“We have heard promises before and we want dates.” — Ms. Ellen Marsh")
    regions, _, _ = setup(doc)
    assert rules.dash_speaker(doc, regions[0]).text == "Ms. Ellen Marsh"
    doc = parsed("“Why now?” Mr. Burton fumed.")
    assert rules.dash_speaker(doc, setup(doc)[0][0]) is None


def test_fragment_attribution_after_the_cues_object() -> None:
    doc = parsed(
        "He called the plan “a total disaster” on Monday.", edit={7: {"dep": "oprd", "head": 1}}
    )
    regions, _, _ = setup(doc)
    span = region_token_span(doc, regions[0])
    attr = rules.fragment_attribution(token(doc, "called"), regions[0], span)
    assert attr.type == "mixed" and doc.text[attr.start : attr.end] == "the plan “a total disaster”"


def test_fragment_attribution_not_after_an_adverbial() -> None:
    doc = parsed("He responded Tuesday to one of his messages by saying, “Go home.”")
    regions, _, _ = setup(doc)
    span = region_token_span(doc, regions[0])
    assert rules.fragment_attribution(token(doc, "responded"), regions[0], span) is None


def test_marked_attribution_with_a_dash_speaker_or_none() -> None:
    doc = parsed("“We have heard promises before and we want dates.” — Ms. Ellen Marsh")
    regions, inside, cues = setup(doc)
    quote = MarkedQuote(regions[0], region_token_span(doc, regions[0]), False, None)
    attr = rules.marked_attribution(quote, cues, inside, WORDS)
    assert (attr.type, attr.mention.text, attr.cue, attr.inherited) == (
        "direct",
        "Ms. Ellen Marsh",
        None,
        False,
    )
    doc = parsed("“Why now?” Mr. Burton fumed.", edit={6: {"dep": "dobj"}})
    regions, inside, cues = setup(doc)
    quote = MarkedQuote(regions[0], region_token_span(doc, regions[0]), False, None)
    assert rules.marked_attribution(quote, cues, inside, WORDS).inherited


def test_cue_tagged_as_noun_after_quote() -> None:
    doc = parsed("“Donald can't win,” the email read.")
    regions, inside, _ = setup(doc)
    mention, cue = rules.cue_tagged_as_noun(doc, regions[0], inside, WORDS)
    assert (mention.text, cue.text) == ("the email", "read")


def test_cue_tagged_as_noun_only_for_a_noun() -> None:
    doc = parsed("“Donald can't win,” the email read.", edit={9: {"pos": "VERB"}})
    regions, inside, _ = setup(doc)
    assert rules.cue_tagged_as_noun(doc, regions[0], inside, WORDS) is None


def test_cue_tagged_as_noun_needs_a_cue_word() -> None:
    doc = parsed("“Donald can't win,” the email read.", edit={9: {"lemma": "table"}})
    regions, inside, _ = setup(doc)
    assert rules.cue_tagged_as_noun(doc, regions[0], inside, WORDS) is None


LAU = (
    "Sam Lau, the party's spokesman, said in a statement. “There are no paper ballots to recount.”"
)


def test_cue_left_without_content_introduces_the_next_quote() -> None:
    doc = parsed(LAU)
    regions, inside, cues = setup(doc)
    found = rules.cue_left_without_content(doc, regions[0], cues, inside, WORDS)
    assert found.text == "said"
    attr = rules.marked_attribution(rules_quote(doc, regions[0], inside), cues, inside, WORDS)
    assert attr.subject.text == "Lau"
    # the cue reports something of its own ("said in a statement that …"): no
    with_object = {9: {"dep": "ccomp"}}  # "in" read as the head of a reported clause
    doc = parsed(LAU, edit=with_object)
    regions, inside, cues = setup(doc)
    assert rules.cue_left_without_content(doc, regions[0], cues, inside, WORDS) is None


def rules_quote(doc, region, inside) -> MarkedQuote:
    return MarkedQuote(region, region_token_span(doc, region), False, None)


def test_cue_in_the_sentence_that_starts_at_the_closing_mark() -> None:
    # the parser ends the quote's last sentence before the mark: "” reacted Trump."
    split = {8: {"head": 8, "dep": "ROOT"}}
    doc = parsed("“What sport is he talking about? Is Obama profiling?” reacted Trump.", edit=split)
    regions, inside, cues = setup(doc)
    assert doc[12].is_sent_start  # the closing mark opens the cue's sentence
    span = region_token_span(doc, regions[0])
    assert rules.cue_in_quote_sentences(doc, regions[0], span, cues, inside).text == "reacted"


def test_cue_tagged_as_noun_before_where_it_was_said() -> None:
    doc = parsed("“It is not,” the Saudis state in the paper, which was shared on Thursday.")
    regions, inside, _ = setup(doc)
    mention, cue = rules.cue_tagged_as_noun(doc, regions[0], inside, WORDS)
    assert (mention.text, cue.text) == ("the Saudis", "state")


def test_cue_parsed_as_a_verb_qualifying_the_speaker() -> None:
    # the parser's "[the 43-year-old [asked in the video]]": *asked* an acl of *old*
    misparse = {13: {"head": 13, "dep": "ROOT"}, 14: {"head": 13, "dep": "acl"}}
    doc = parsed("“What if he had lessons?” the 43-year-old asked in the video.", edit=misparse)
    regions, inside, _ = setup(doc)
    mention, cue = rules.cue_tagged_as_noun(doc, regions[0], inside, WORDS)
    assert (mention.text, cue.text) == ("the 43-year-old", "asked")
    doc = parsed("“What if he had lessons?” the 43-year-old asked in the video.")
    regions, inside, _ = setup(doc)
    assert rules.cue_tagged_as_noun(doc, regions[0], inside, WORDS) is None  # a true verb
