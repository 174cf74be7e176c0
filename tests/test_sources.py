"""Each document's sources (people quoted) and organisations, and the gender the article
shows for each person, on short texts with the model."""

from __future__ import annotations

import pytest

from quotex.eval.genders import gender_details, score_genders
from quotex.extraction import extract
from quotex.records import DocResult, Entity, EntityMention, Quote


def sources(nlp, text: str) -> dict[str, tuple[str | None, str]]:
    return {s.name: (s.gender, s.gender_evidence) for s in extract(text, nlp=nlp).sources}


@pytest.mark.parametrize(
    ("text", "name", "gender", "evidence"),
    [
        # a "she" the resolver gives to the person
        (
            "Robin Kowalski runs the clinic. “We are full,” she said.",
            "Robin Kowalski",
            "female",
            "pronoun",
        ),
        # a title before the name
        ("“We will appeal,” said Ms. Lee, whose firm filed the suit.", "Lee", "female", "title"),
        # a gendered noun beside the name
        ("“The vote is close,” said the congresswoman, Jane Roe.", "Jane Roe", "female", "noun"),
        # the first name alone
        (
            "“The bridge must close,” Margaret Okafor told reporters.",
            "Margaret Okafor",
            "female",
            "first name",
        ),
    ],
)
def test_source_gender_as_the_article_shows_it(nlp, text, name, gender, evidence) -> None:
    assert sources(nlp, text)[name] == (gender, evidence)


def test_an_ambiguous_first_name_stays_unknown(nlp) -> None:
    found = sources(nlp, "“The bridge must close,” Jordan Avery told reporters.")
    assert found == {"Jordan Avery": (None, "none")}


def test_organisations_are_not_people(nlp) -> None:
    result = extract("“We will strike on Monday,” the Allied Bakers Union said.", nlp=nlp)
    assert [s.name for s in result.sources] == []
    assert [s.name for s in result.organisations] == ["Allied Bakers Union"]
    record = result.to_dict()
    assert record["organisations"][0] == {
        "name": "Allied Bakers Union",
        "entity": record["organisations"][0]["entity"],
        "quotes": 1,
    }


def test_sources_count_each_persons_quotes_once_per_quote(nlp) -> None:
    text = "“We will win,” said Jan Kamp. “We always do,” Kamp added. Anna Berg said no."
    found = {s.name: s.quotes for s in extract(text, nlp=nlp).sources}
    assert found == {"Jan Kamp": 2, "Anna Berg": 1}


def test_gender_scores_against_gold_lists(nlp) -> None:
    text = "“We are full,” said Ms. Lee. “So are we,” said Mr. Tran. Ellen Kowal agreed."
    result = extract(text, nlp=nlp)
    gold = {"sources_gender": {"female": ["Ann Lee"], "male": ["Bao Tran"], "unknown": []}}
    scores = {k: v.to_dict() for k, v in score_genders(gold, result).items()}
    assert scores["sources female"]["precision"] == 1.0
    assert scores["sources female"]["recall"] == 1.0
    assert scores["sources male"]["f1"] == 1.0
    assert scores["sources women share, gold"]["accuracy"] == 0.5


def _person(eid: str, name: str, gender: str | None) -> Entity:
    return Entity(eid, name, "PERSON", (EntityMention(name, 0, 3, False),), gender, "title")


def test_gender_details_name_each_source_and_person_missed_or_wrong() -> None:
    # quotes of Ann Lee (female), Bo Tran (unknown to quotex) and Cy Ode (not in the gold);
    # Dee Roy is named, never quoted
    people = [
        _person("e1", "Ann Lee", "female"),
        _person("e2", "Bo Tran", None),
        _person("e3", "Cy Ode", "male"),
        _person("e4", "Dee Roy", "female"),
    ]
    quotes = tuple(
        Quote(f"q{i}", "direct", "no", 10 * i, 10 * i + 2, speaker=p.name, speaker_entity=p.id)
        for i, p in enumerate(people[:3])
    )
    result = DocResult("d1", quotes, tuple(people))
    gold = {
        "sources_gender": {"female": ["Ann Lee", "Eve Sun"], "male": ["Bo Tran"], "unknown": []},
        "people_gender": {"female": ["Lee", "Dee Roy"], "male": ["Tran", "Cy Ode"]},
    }
    found = gender_details(gold, result)
    assert found["gender_misses"] == [
        {"kind": "sources", "name": "Eve Sun", "gender": "female", "quotex": None},
        {"kind": "sources", "name": "Bo Tran", "gender": "male", "quotex": "unknown"},
        {"kind": "people", "name": "Tran", "gender": "male", "quotex": "unknown"},
    ]
    assert found["gender_false"] == [
        {"kind": "sources", "name": "Bo Tran", "gender": "unknown", "gold": "male"},
        {"kind": "sources", "name": "Cy Ode", "gender": "male", "gold": None},
        {"kind": "people", "name": "Bo Tran", "gender": "unknown", "gold": "male"},
    ]
    scores = score_genders(gold, result)  # the details are the scores' misses and errors
    for kind in ("sources", "people"):
        for gender in ("female", "male", "unknown"):
            score = scores[f"{kind} {gender}"]
            missed = [
                m for m in found["gender_misses"] if (m["kind"], m["gender"]) == (kind, gender)
            ]
            wrong = [f for f in found["gender_false"] if (f["kind"], f["gender"]) == (kind, gender)]
            assert score.gold - score.gold_matched == len(missed)
            assert score.predicted - score.pred_matched == len(wrong)


def test_sources_of_a_sample_with_women_and_men_match_its_gold(nlp) -> None:
    from tests.conftest import load_sample

    text, gold = load_sample("multi-paragraph.txt")
    scores = {k: v.to_dict() for k, v in score_genders(gold, extract(text, nlp=nlp)).items()}
    for gender in ("female", "male"):
        assert scores[f"sources {gender}"]["f1"] == 1.0, scores[f"sources {gender}"]
    assert scores["sources women share, quotex"]["accuracy"] == 0.5


POSTS = (
    "Republicans offered their prayers:\n\n"
    '<tweet pic="" author="RealBenCarson" timestamp="1449075600" tweet_id="6721">'
    "My thoughts and prayers are with the shooting victims and their families.</tweet>.\n\n"
    '<tweet pic="" author="GovChristie" timestamp="1449075600" tweet_id="6722">'
    "Praying for all those victimized by the shootings in California today.</tweet>.\n\n"
    '<tweet tweet-id="6723"><tweet/>.\n\n'
    '<tweet author="@MissDBunker" datetime="2015-12-02">Scanner: shots fired</tweet>.'
)


def test_embedded_posts_are_their_authors_words(nlp) -> None:
    result = extract(POSTS, nlp=nlp)
    quoted = {q.text: (q.type, q.speaker, q.speaker_mention.text) for q in result.quotes}
    words = "My thoughts and prayers are with the shooting victims and their families."
    assert quoted[words] == ("direct", "Ben Carson", "RealBenCarson")
    assert POSTS[POSTS.index(words) - 1] == ">"  # the quote is the post's words, no markup
    assert quoted["Scanner: shots fired"][2] == "@MissDBunker"  # an account, not a person
    found = sources(nlp, POSTS)
    assert found["Ben Carson"] == ("male", "first name")
    # titled_lone_name: "Gov. Christie" from the handle is a surname, not the woman's name
    assert found["Christie"] == (None, "none")
    assert "MissDBunker" not in found and "@MissDBunker" not in found


def test_a_pages_embedded_tweet_is_its_authors_words(nlp) -> None:
    from quotex.io.html import page_from_html

    page = page_from_html(
        "<!doctype html><html><body><article><h1>Candidates react</h1>"
        "<p>Republican candidates offered their prayers on Wednesday after the shooting in"
        " San Bernardino, which left fourteen people dead.</p>"
        '<blockquote class="twitter-tweet"><p lang="en">My thoughts and prayers are with the'
        " shooting victims and their families.</p>&mdash; Dr. Ben Carson (@RealBenCarson)"
        ' <a href="https://twitter.com/RealBenCarson/status/1">December 2, 2015</a>'
        "</blockquote></article></body></html>"
    )
    result = extract(page.text, nlp=nlp)
    [quote] = [q for q in result.quotes if q.text.startswith("My thoughts")]
    assert (quote.type, quote.speaker) == ("direct", "Ben Carson")
    assert quote.text == "My thoughts and prayers are with the shooting victims and their families."
    assert [(s.name, s.gender) for s in result.sources] == [("Ben Carson", "male")]


def test_people_of_an_article_with_a_title_case_headline(nlp) -> None:
    # a headline's given name is the body's full name (given_name_before, after the verb
    # "Slam" is cut), and a role noun before a name is no part of it (role_noun_opening)
    text = (
        "Senators Slam Hillary Over Emails\n\n"
        "Hillary Clinton defended her record on Tuesday.\n\n"
        "“I did nothing wrong,” Clinton said at a rally in Iowa. "
        "Journalist Jorge Ramos asked her about the server."
    )
    people = {e.name: e.gender for e in extract(text, nlp=nlp).entities if e.label == "PERSON"}
    assert people == {"Hillary Clinton": "female", "Jorge Ramos": "male"}


def test_a_relative_who_shares_the_surname_does_not_take_it(nlp) -> None:
    # relative_keeps_no_surname: "Feist says" after "her father, the painter Harold Feist"
    text = (
        "Leslie Feist is laughing about the piano.\n\n"
        "Her new album was written after her father, the painter Harold Feist, died.\n\n"
        "“Those two things happened within weeks of each other,” Feist says."
    )
    result = extract(text, nlp=nlp)
    assert [q.speaker for q in result.quotes] == ["Leslie Feist"]
    assert {s.name: s.gender for s in result.sources} == {"Leslie Feist": "female"}


def test_a_link_line_reports_nothing_here(nlp) -> None:
    # link_line: a headline of another story between paragraphs is no quote of this one
    text = (
        "Ontario nurses vote to strike\n\n"
        "“Our members are exhausted,” ONA president Erin Ariss told Global News.\n\n"
        "READ MORE: Doug Ford says wage cap law was about 'protecting jobs'\n\n"
        "Ariss said the union would give notice before any job action."
    )
    result = extract(text, nlp=nlp)
    assert {q.speaker for q in result.quotes} == {"Erin Ariss"}
    assert [s.name for s in result.sources] == ["Erin Ariss"]


def test_the_judge_is_the_justice_and_a_saints_town_no_one(nlp) -> None:
    # like_title: "The judge" is the one titled "Justice", not the constable named last;
    # saint_place: "Saint John" is a town, whoever "he" is
    text = (
        "Court of King's Bench Justice Gerald Chipeur found Const. Alex Dunn guilty.\n\n"
        "The judge rejected Dunn's account, saying the video was clear.\n\n"
        "Dunn's lawyer said the goods were diverted to Halifax and Saint John. "
        "“We will appeal,” he said."
    )
    result = extract(text, nlp=nlp)
    judge = [
        q for q in result.quotes if q.speaker_mention and q.speaker_mention.text == "The judge"
    ]
    assert judge and all(q.speaker == "Gerald Chipeur" for q in judge)
    people = {e.name for e in result.entities if e.label == "PERSON"}
    assert "Saint John" not in people


def test_a_full_name_after_a_dateline_and_a_hyphenated_first_name(nlp) -> None:
    # untagged_full_name: "Connor McDavid" left untagged after the dateline;
    # hyphenated_first_name and name_after_fronted_comma: "Jean-François Tremblay" (ORG)
    text = (
        "EDMONTON — Connor McDavid scored in overtime.\n\n"
        "“Leo made a great play,” McDavid said.\n\n"
        "At a picket line outside the port's east gate, veteran dockworker Jean-François "
        "Tremblay said morale was high."
    )
    result = extract(text, nlp=nlp)
    assert {s.name: s.gender for s in result.sources} == {
        "Connor McDavid": "male",
        "Jean-François Tremblay": None,  # "Jean" is 0.70 male: unknown at 0.9
    }


def test_the_pages_credits_name_no_people(nlp) -> None:
    # byline, photo_credit, files_from: the people who made the page, not in the story
    text = (
        "Toronto renters face record increases\n\n"
        "Lauren Pelley · CBC News · Posted: Mar 03, 2024 4:00 AM EST\n\n"
        "Tenant organizer Geordie Dent speaks at a rally. (Evan Mitsui/CBC)\n\n"
        "“People are being told to leave,” said Geordie Dent, who leads the federation.\n\n"
        "— With files from Ben Costa"
    )
    result = extract(text, nlp=nlp)
    people = {e.name for e in result.entities if e.label == "PERSON"}
    assert people == {"Geordie Dent"}
    assert [s.name for s in result.sources] == ["Geordie Dent"]
