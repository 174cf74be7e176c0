"""Subject rules (components/attribution/subjects.py) on hand-built parses."""

from __future__ import annotations

import pytest
from handbuilt import marked, parsed, token

from quotex.components.attribution import subjects


def test_nearest_subject_of_two_is_the_nearer() -> None:
    doc = parsed("His final assessment: “It is not quite optimistic,” he said.")
    doc_two = parsed(
        "His final assessment: “It is not quite optimistic,” he said.",
        edit={2: {"dep": "nsubj"}},  # the parser's second subject, "assessment"
    )
    _, inside = marked(doc_two)
    assert subjects.nearest_subject(token(doc_two, "said"), inside).text == "he"
    assert subjects.nearest_subject(token(doc, "said"), {}).text == "he"


def test_nearest_subject_ignores_words_inside_quote_marks() -> None:
    doc = parsed("“We will not retreat,” said Mr. Kamp.", edit={9: {"dep": "dobj"}})
    _, inside = marked(doc)
    assert subjects.nearest_subject(token(doc, "said"), inside) is None


def test_subject_from_head_verb_of_a_conjoined_cue() -> None:
    doc = parsed("She smiled and said the plan failed.")
    assert subjects.subject_from_head_verb(token(doc, "said")).text == "smiled"
    assert subjects.subject_from_head_verb(token(doc, "smiled")) is None
    assert subjects.subject_of(token(doc, "said")).text == "She"


def test_subject_from_statement_issuer() -> None:
    doc = parsed("Clinton issued a statement saying the vote was rigged.")
    assert subjects.subject_from_statement_issuer(token(doc, "saying")).text == "issued"
    assert subjects.subject_of(token(doc, "saying")).text == "Clinton"


def test_subject_from_statement_issuer_of_a_document() -> None:
    doc = parsed("Stanton wrote a letter asking the department to investigate.")
    assert subjects.subject_from_statement_issuer(token(doc, "asking")).text == "wrote"
    assert subjects.subject_of(token(doc, "asking")).text == "Stanton"


def test_subject_from_statement_issuer_needs_a_cue_noun() -> None:
    doc = parsed("They signed a petition calling on him to resign.")
    assert subjects.subject_from_statement_issuer(token(doc, "calling")) is None


def test_subject_from_prepositional_gerund() -> None:
    doc = parsed("He won the nomination by promising the wall would be built.")
    assert subjects.subject_from_prepositional_gerund(token(doc, "promising")).text == "won"
    assert subjects.subject_of(token(doc, "promising")).text == "He"
    assert subjects.subject_from_prepositional_gerund(token(doc, "won")) is None


def test_noun_qualified_by_gerund_speaks() -> None:
    doc = parsed("They signed a petition calling on him to resign.")
    assert subjects.noun_qualified_by_gerund(token(doc, "calling")).text == "petition"
    assert subjects.subject_of(token(doc, "calling")).text == "petition"
    assert subjects.noun_qualified_by_gerund(token(doc, "resign")) is None


def test_recording_of_speaker_speaks_for_the_recording() -> None:
    doc = parsed("She released a clip of McCain saying he will support the nominee.")
    assert subjects.noun_qualified_by_gerund(token(doc, "saying")).text == "McCain"
    # not a document's noun: the noun itself speaks
    doc = parsed("She met a group of Democrats saying he will support the nominee.")
    assert subjects.noun_qualified_by_gerund(token(doc, "saying")).text == "group"


def test_name_before_gerund_is_its_subject() -> None:
    doc = parsed("Trump reminds me of Abraham Lincoln saying that the people cannot be fooled.")
    assert subjects.name_before_gerund(token(doc, "saying")).text == "Lincoln"
    assert subjects.subject_of(token(doc, "saying")).text == "Lincoln"
    # a comma between: the subject of the sentence speaks
    doc = parsed("Trump attacked Clinton, saying she lied.")
    assert subjects.name_before_gerund(token(doc, "saying")) is None
    assert subjects.subject_of(token(doc, "saying")).text == "Trump"


def test_floating_quantifier_stands_for_the_names_before_it() -> None:
    text = (
        "The lobby found allies, with Donald Trump, Mike Huckabee and Chris Christie all "
        "calling for a strong rule."
    )
    # the parse of a longer sentence: "all" in apposition to Trump, "calling" on "all"
    doc = parsed(
        text,
        edit={
            7: {"dep": "pobj", "head": 5},
            14: {"dep": "appos", "head": 7},
            15: {"dep": "acl", "head": 14},
        },
    )
    assert subjects.noun_qualified_by_gerund(token(doc, "calling")).text == "Trump"


def test_relative_clause_antecedent() -> None:
    doc = parsed("Clinton, who said the plan failed, left.", edit={2: {"dep": "dobj"}})
    assert subjects.relative_clause_antecedent(token(doc, "said")).text == "Clinton"
    assert subjects.subject_of(token(doc, "said")).text == "Clinton"
    assert subjects.relative_clause_antecedent(token(doc, "failed")) is None


def test_relative_pronoun_subject_is_kept_as_written() -> None:
    doc = parsed("Clinton, who said the plan failed, left.")
    assert subjects.subject_of(token(doc, "said")).text == "who"


SALKIN = "Jeffrey Salkin, a rabbi helping refugees, said he was worried."
# the misparse the repair was written for: "Salkin … helping" as a clause left of "said"
SALKIN_MISPARSE = {1: {"head": 5}, 5: {"dep": "ccomp", "head": 8}}


def test_repair_subject_hung_on_clause() -> None:
    doc = parsed(SALKIN, edit=SALKIN_MISPARSE)
    said = token(doc, "said")
    assert subjects.nearest_subject(said, {}) is None
    assert subjects.repair_subject_hung_on_clause(said, {}).text == "Salkin"
    assert subjects.subject_of(said).text == "Salkin"


def test_repair_subject_hung_on_clause_wants_a_proper_noun() -> None:
    doc = parsed(SALKIN, edit={**SALKIN_MISPARSE, 1: {"head": 5, "pos": "NOUN"}})
    assert subjects.repair_subject_hung_on_clause(token(doc, "said"), {}) is None


DATELINE = "WASHINGTON -- President Obama said the talks would go on."


def test_repair_dateline_subject_gives_way_to_its_appositive() -> None:
    doc = parsed(DATELINE, edit={0: {"dep": "nsubj"}, 3: {"dep": "appos", "head": 0}})
    assert subjects.subject_of(token(doc, "said")).text == "Obama"


def test_repair_dateline_subject_keeps_a_subject_without_dash() -> None:
    doc = parsed("Jan Kamp said the plan failed.")
    assert subjects.repair_dateline_subject(token(doc, "Kamp")).text == "Kamp"


def test_title_phrase_names_a_person_when_the_parser_makes_the_title_the_subject() -> None:
    doc = parsed("Court of Appeal Justice Mary Moreau said the law was clear.")
    assert subjects.subject_of(token(doc, "said")).text == "Moreau"


@pytest.mark.parametrize(
    "text",
    ["The wife of Mayor John Tory said she was proud.", "Friends of Jane Doe said she was kind."],
)
def test_title_phrase_keeps_a_person_noun_subject(text) -> None:
    doc = parsed(text)
    assert subjects.subject_of(token(doc, "said")).text in ("wife", "Friends")


def test_name_read_as_auxiliary_is_the_subject() -> None:
    text = (
        "Green Party co-leader Elizabeth May tweeted that both parties were ignoring the"
        " climate crisis."
    )
    doc = parsed(text)  # "May" an aux of "tweeted", "co" and "-" its subjects
    assert subjects.subject_of(token(doc, "tweeted")).text == "May"
    plain = parsed(text, edit={6: {"iob": "O"}})  # no name there: the parser's subject
    assert subjects.name_read_as_auxiliary(token(plain, "tweeted"), {}) is None


def test_quoted_as_saying_takes_the_passive_subject() -> None:
    doc = parsed("Carolyn Rogers was quoted as saying the bank was ready.")
    assert subjects.subject_of(token(doc, "saying")).text == "Rogers"


def test_subject_of_gives_up_after_the_climb_limit(monkeypatch) -> None:
    doc = parsed("She smiled and said the plan failed.")
    monkeypatch.setattr(subjects, "SUBJECT_CLIMB_LIMIT", 1)
    assert subjects.subject_of(token(doc, "said")) is None


def test_inverted_subject_after_closing_mark() -> None:
    doc = parsed("“Meh,” wrote a Trump supporter.", edit={1: {"dep": "intj"}, 7: {"dep": "dobj"}})
    _, inside = marked(doc)
    assert subjects.inverted_subject(token(doc, "wrote"), inside).text == "supporter"


def test_inverted_subject_needs_a_quote_before_the_verb() -> None:
    doc = parsed("Jan Kamp said the plan failed.")
    assert subjects.inverted_subject(token(doc, "said"), {}) is None


def test_passive_agent() -> None:
    doc = parsed("It was reported by the BBC that the talks failed.")
    assert subjects.passive_agent(token(doc, "reported")).text == "BBC"
    assert subjects.passive_agent(token(doc, "failed")) is None


DALEY = "''They were competitors,'' William M. Daley, Obama's former aide, said of them."


def test_repair_subject_after_closing_quote() -> None:
    doc = parsed(DALEY)
    _, inside = marked(doc)
    said = token(doc, "said")
    assert subjects.nearest_subject(said, inside) is None  # the misparse
    assert subjects.repair_subject_after_closing_quote(said, inside).text == "Daley"
    assert subjects.subject_of(said, inside).text == "Daley"


def test_repairs_apply_when_the_cue_hangs_on_the_quotes_verb() -> None:
    # the parse in the full article: "said" conjoined to "were", inside the quote marks
    doc = parsed(DALEY, edit={15: {"head": 2, "dep": "conj"}, 2: {"head": 2, "dep": "ROOT"}})
    _, inside = marked(doc)
    said = token(doc, "said")
    assert subjects.subject_from_head_verb(said).text == "were"  # a verb inside the marks
    assert subjects.subject_of(said, inside).text == "Daley"


def test_repair_subject_after_closing_quote_needs_a_noun_before_the_verb() -> None:
    doc = parsed("“We will not retreat,” said Mr. Kamp.")
    _, inside = marked(doc)
    assert subjects.repair_subject_after_closing_quote(token(doc, "said"), inside) is None


WARREN = "In a call on Dec. 2, Col. Steven Warren, a spokesman in Baghdad, said the raid failed."


def test_repair_subject_in_fronted_phrase() -> None:
    doc = parsed(WARREN)
    said = token(doc, "said")
    assert subjects.nearest_subject(said, {}) is None  # the misparse
    assert subjects.repair_subject_in_fronted_phrase(said, {}).text == "Warren"
    assert subjects.subject_of(said, {}).text == "Warren"


def test_repair_subject_in_fronted_phrase_needs_the_phrase_to_reach_the_verb() -> None:
    doc = parsed(WARREN)  # "Warren, a spokesman in Baghdad," ends before "said", not "failed"
    assert subjects.repair_subject_in_fronted_phrase(token(doc, "failed"), {}) is None


MORIAL = (
    "In a panel in Washington, Marc H. Morial, the chief of the League, forcefully told a woman"
    " that it was wrong."
)


def test_repair_subject_in_fronted_phrase_takes_a_name_parsed_as_a_conjunct() -> None:
    doc = parsed(MORIAL)  # "Morial" a conjunct of "Washington"; "forcefully" before "told"
    told = token(doc, "told")
    assert subjects.nearest_subject(told, {}) is None  # the misparse
    assert subjects.subject_of(told, {}).text == "Morial"


def test_passive_subject_of_control_verb() -> None:
    doc = parsed("Mr. Trump was prompted to say the debate was civil.")
    say, prompted = token(doc, "say"), token(doc, "prompted")
    assert subjects.passive_subject_of_control_verb(say, prompted, {}).text == "Trump"
    assert subjects.subject_of(say).text == "Trump"
    assert subjects.passive_subject_of_control_verb(prompted, None, {}) is None


PAUL = 'Paul said the plan would give money to immigrants, and called him "a proponent of amnesty."'
BYRNE = 'Byrne wrote the agents knew to brace for them, saying, "They did not happen every day."'


def test_cue_hung_in_reported_clause() -> None:
    doc = parsed(PAUL)
    called = token(doc, "called")
    assert subjects.cue_hung_in_reported_clause(called).text == "said"
    assert subjects.subject_of(called).text == "Paul"
    doc = parsed(BYRNE)
    saying = token(doc, "saying")
    assert subjects.cue_hung_in_reported_clause(saying).text == "wrote"
    assert subjects.subject_of(saying).text == "Byrne"


def test_cue_hung_in_reported_clause_keeps_a_shared_subject() -> None:
    doc = parsed("Paul said Trump lied and insulted the voters.")
    insulted = token(doc, "insulted")
    assert subjects.cue_hung_in_reported_clause(insulted) is None
    assert subjects.subject_of(insulted).text == "Trump"


def test_cue_hung_in_reported_clause_a_speech_verb_after_but() -> None:
    text = "Suu Kyi said it was too early but added that they had won."
    doc = parsed(text, edit={8: {"head": 4}})  # the news sentence's parse: "added" on "was"
    added = token(doc, "added")
    assert subjects.cue_hung_in_reported_clause(added).text == "said"
    assert subjects.subject_of(added).text == "Kyi"
    doc = parsed(text, edit={8: {"head": 4, "lemma": "sit"}})  # no speech verb: "it" sat
    assert subjects.cue_hung_in_reported_clause(token(doc, "added")) is None


ADL = (
    "In the days before his speech, a group of rabbis called for a boycott, and the prominent"
    " Jewish civil rights organization the Anti-Defamation League strongly denounced Trump's"
    ' rhetoric and said it would "redirect" all of his past donations to the league.'
)


def test_subject_from_the_nearest_conjoined_verb_with_a_subject() -> None:
    doc = parsed(ADL)
    said = token(doc, "said")
    assert said.head.text == "called"  # the parse conjoins "said" to the first verb
    assert subjects.subject_from_head_verb(said).text == "denounced"
    assert subjects.subject_of(said).text == "League"


def test_subject_parsed_as_object_of_as() -> None:
    # the parser can read "As" as a preposition and the speaker as its object
    as_object = {2: {"head": 0, "dep": "pobj"}, 0: {"dep": "prep"}}
    doc = parsed(
        "As Akhil Amar, a professor at Yale, put it, ''Senate Republicans should remember that.''",
        edit=as_object,
    )
    inside = marked(doc)[1]
    assert subjects.subject_of(token(doc, "put"), inside).text == "Amar"
    assert subjects.subject_parsed_as_object_of_as(token(doc, "put"), inside).text == "Amar"
    doc = parsed(
        "As Akhil Amar, a professor at Yale, put it, ''Senate Republicans should remember that.''"
    )
    assert subjects.subject_parsed_as_object_of_as(token(doc, "put"), marked(doc)[1]) is None


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("All she could do was shout ''Yessss!'' at the TV.", "shout"),
        ("What he did was say that the plan failed.", "say"),
    ],
)
def test_pseudo_cleft_doer_speaks(text, cue) -> None:
    # "all she could do was shout …": she shouts, not "all"
    doc = parsed(text)
    assert subjects.subject_of(token(doc, cue), marked(doc)[1]).lower_ in ("she", "he")


COOK = (
    "Perhaps it is a twist of irony, but given the European Union's efforts to collect -- "
    "which Apple's chief executive, Tim Cook, called ''total political crap'' -- one "
    "question that has emerged is whether United States companies may be more inclined to "
    "bring money back home."
)


def test_repair_name_with_finite_acl() -> None:
    # the parser hung "called" on "Cook" as a qualifier: a finite verb after a name
    doc = parsed(COOK)
    assert subjects.subject_of(token(doc, "called"), marked(doc)[1]).text == "Cook"
    # a participle qualifying a common noun names no speaker
    doc = parsed("NBC aired a show called ''Lost'' on Monday.")
    assert subjects.repair_name_with_finite_acl(token(doc, "called")) is None


def test_object_of_control_verb() -> None:
    # who was prompted calls, not what prompted
    doc = parsed("That prompted Rubio to make a joke and call Trump flexible.")
    assert subjects.subject_of(token(doc, "call")).text == "Rubio"
    # "use X to describe": the instrument describes nothing
    doc = parsed("Duterte used an expletive to describe Obama.")
    assert subjects.subject_of(token(doc, "describe")).text == "Duterte"


def test_contracted_has_read_as_passive() -> None:
    # the parser reads "He's said" as a passive ("He is said"): "'s" is "has" here
    doc = parsed("He's said he gets his ideas from a speech.")
    assert subjects.contracted_has_read_as_passive(token(doc, "said"), {}).text == "He"
    assert subjects.subject_of(token(doc, "said")).text == "He"
    # a real passive: "he's said to be" (an infinitive), "he's told that" (a listener)
    for text, verb in (("He's said to be angry.", "said"), ("He's told that he must go.", "told")):
        doc = parsed(text)
        assert subjects.contracted_has_read_as_passive(token(doc, verb), {}) is None
        assert subjects.subject_of(token(doc, verb)) is None


HANNITY = (
    "Hannity said on his show after the senator easily won his primary, remarking that the base"
    " was angry."
)


def test_participle_of_the_report_goes_on_the_speech_verb() -> None:
    doc = parsed(HANNITY)
    assert subjects.subject_of(token(doc, "remarking")).text == "Hannity"
    # a passive speech verb has no speaker to lend: the clause's own subject stays
    passive = {0: {"dep": "nsubjpass"}}
    doc = parsed(HANNITY, edit=passive)
    assert subjects.subject_of(token(doc, "remarking")).text == "senator"


TREMBLAY = (
    "At a picket line outside the port's east gate, veteran dockworker Jean-François Tremblay"
    " said morale was high."
)


def test_repair_subject_takes_a_name_set_off_by_a_comma_in_the_fronted_phrase() -> None:
    doc = parsed(TREMBLAY)  # "Tremblay" the object of "outside"; "said" has no subject
    said = token(doc, "said")
    assert subjects.nearest_subject(said, {}) is None  # the misparse
    assert subjects.repair_subject_in_fronted_phrase(said, {}).text == "Tremblay"


def test_repair_subject_needs_the_comma_to_open_the_names_phrase() -> None:
    # "dockworker" read as no part of the name's phrase: no comma opens it
    doc = parsed(TREMBLAY, edit={12: {"dep": "dobj"}})
    assert subjects.repair_subject_in_fronted_phrase(token(doc, "said"), {}) is None


MITCHELL = (
    "Alouettes quarterback Tre'Von Mitchell, who threw for 4,100 yards in his first full"
    " season as a starter, said he had never played a game colder than minus-five."
)


def test_repair_subject_takes_a_name_read_as_the_object_of_its_role() -> None:
    # role_read_as_verb: "quarterback" parsed as a verb, "Mitchell" its object
    doc = parsed(MITCHELL)
    said = token(doc, "said")
    assert subjects.nearest_subject(said, {}) is None  # the misparse
    assert subjects.repair_subject_in_fronted_phrase(said, {}).text == "Mitchell"
    # an object that names no person is no speaker ("amplifies Sanders' message")
    unnamed = parsed(MITCHELL, edit={3: {"iob": "O"}, 4: {"iob": "O"}})
    assert subjects.repair_subject_in_fronted_phrase(token(unnamed, "said"), {}) is None
