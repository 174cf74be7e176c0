"""Pure name helpers: quotex/names.py, and the entity clusterer's rules on plain mentions."""

from __future__ import annotations

import pytest
import spacy
from handbuilt import parsed
from spacy.tokens import Doc, Span

from quotex.components.entities import (
    MentionIn,
    acronym,
    appositive_given_name,
    clean_mention,
    cluster_mentions,
    family_plural,
    find_entities,
    full_names_left_untagged,
    headline_verb,
    kin_before,
    match_keys,
    mention_gender,
    names_conjoined_to_a_person,
    not_a_name,
    surnames_left_untagged,
    team_plural,
    untagged_speakers,
    with_given_names_left_out,
    with_surnames_left_out,
    without_headline_words,
)
from quotex.names import canonical_name, is_pronoun, names_agree, person_name, pronoun_class


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("NATO Secretary General Anders Fogh Rasmussen", "Anders Fogh Rasmussen"),
        ("Mr. Putin's", "Putin"),
        ("President Obama", "Obama"),
        ("Pastor Bradley Cranston", "Bradley Cranston"),  # the news roles are titles too
        ("Fox News Editor Bill Sammon", "Bill Sammon"),
        ("The Huffington Post's Scott Conroy", "Scott Conroy"),  # a possessor qualifies
        ("a senior official", None),
        # surname_like_title: a title word after a first name is a surname
        ("Ku Klux Klan Grand Wizard David Duke", "David Duke"),
        ("Whip Steve Scalise", "Steve Scalise"),
        ("Donald Trump Spokesman", None),
        ("", None),
        # name_particles
        ("President Ursula von der Leyen", "Ursula von der Leyen"),
        ("Mayor Bill de Blasio", "Bill de Blasio"),
        ("Mr. de Blasio", "de Blasio"),
        ("Syrian President Bashar al-Assad", "Bashar al-Assad"),
        ("Mohammed bin Salman's", "Mohammed bin Salman"),
        ("a van der", None),
        # generation_suffix: "King" is a title word, "III" no surname
        ("Martin Luther King III", "Martin Luther King III"),
        ("Robert F. Kennedy Jr.", "Robert F. Kennedy Jr."),
        # role_noun_opening: a person noun capitalised before a name is no part of it
        ("Journalist Jorge Ramos", "Jorge Ramos"),
        ("Moderator Hugh Hewitt", "Hugh Hewitt"),
        ("Paul Farmer", "Paul Farmer"),  # a person noun as the surname stays
        ("Mother Teresa", "Mother Teresa"),  # kinship words open names
        ("Supervisor Jane Kim", "Jane Kim"),  # new titles: supervisor, treasurer, cmdr.
        ("then-Cmdr. Jon Burge", "Jon Burge"),
        # Canadian titles: provincial members, councillors, police ranks, First Nations
        ("MPP Jill Andrew", "Jill Andrew"),
        ("MLA Rachel Notley", "Rachel Notley"),
        ("Coun. Shelley Carroll", "Shelley Carroll"),
        ("Staff Sgt. Eric Bent", "Eric Bent"),
        ("Const. Jane Doe", "Jane Doe"),
        ("Grand Chief Leo Friday", "Leo Friday"),
        ("Elder Jackie Hookimaw", "Jackie Hookimaw"),  # "Elder" is also a man's first name
        ("Larry Elder", "Larry Elder"),  # ... and a surname after a first name
        ("Trustee Deborah Williams", "Deborah Williams"),  # school boards' trustees
        ("Parent Amir Haddad", "Amir Haddad"),  # a role noun, not a kin word opening a name
        ("Quarterback Deshawn Ellis", "Deshawn Ellis"),  # players by position
    ],
)
def test_person_name(mention: str, name: str | None) -> None:
    assert person_name(mention) == name


def test_canonical_name_falls_back_to_the_mention() -> None:
    assert canonical_name("Mr. Kamp") == "Kamp"
    assert canonical_name("the Kremlin's") == "Kremlin"
    assert canonical_name("the minister's") == "the minister"
    assert canonical_name("a senior official") == "a senior official"


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("Vladimir Putin", "Putin", True),
        ("President Putin", "Mr. Putin", True),
        ("the Kremlin", "Kremlin", True),
        ("Hugh Hill", "Jan Kamp", False),
        ("Martin O’Malley", "O'Malley", True),
        ("Bashar al-Assad", "Assad", True),  # name_particles
        ("Bill de Blasio", "De Blasio", True),
        ("Robert F. Kennedy Jr.", "Kennedy", True),  # generation_suffix
        ("Joseph R. Biden Jr.", "Joseph F. Dunford Jr.", False),
        ("Putin", None, False),
    ],
)
def test_names_agree(a: str, b: str | None, agree: bool) -> None:
    assert names_agree(a, b) is agree


def test_pronouns() -> None:
    assert is_pronoun("They") and not is_pronoun("Kamp")
    assert [pronoun_class(w) for w in ("he", "She", "they", "it", "Kamp")] == [
        "male",
        "female",
        "plural",
        "neuter",
        None,
    ]


VOCAB = spacy.blank("en").vocab


def mention(text: str, label: str, start: int = 0) -> MentionIn:
    return MentionIn(text, label, start, start + len(text))


def test_cluster_mentions_by_surname_and_first_name() -> None:
    clusters = cluster_mentions(
        [
            mention("Vladimir Putin", "PERSON", 0),
            mention("Sergei Putin", "PERSON", 20),
            mention("Putin", "PERSON", 40),  # the latest match wins
        ]
    )
    assert [[m.start for m in c.mentions] for c in clusters] == [[0], [20, 40]]
    assert clusters[1].name == "Sergei Putin"


def test_cluster_mentions_gives_a_bare_surname_to_who_is_no_ones_relative() -> None:
    # relative_keeps_no_surname: "Leslie Feist … her father, the painter Harold Feist, …
    # Feist says" is Leslie, though Harold was named last
    text = "Leslie Feist laughs. Her father, the painter Harold Feist, died. Feist says so."
    at = [text.index("Leslie"), text.index("Harold"), text.rindex("Feist")]
    leslie = MentionIn("Leslie Feist", "PERSON", at[0], at[0] + 12)
    harold = MentionIn("Harold Feist", "PERSON", at[1], at[1] + 12, kin=kin_before(text, at[1]))
    bare = MentionIn("Feist", "PERSON", at[2], at[2] + 5)
    assert harold.kin and not kin_before(text, at[0])
    clusters = cluster_mentions([leslie, harold, bare])
    assert [[m.start for m in c.mentions] for c in clusters] == [[at[0], at[2]], [at[1]]]
    # without the family word the latest match wins, as before
    plain = MentionIn("Harold Feist", "PERSON", at[1], at[1] + 12)
    clusters = cluster_mentions([leslie, plain, bare])
    assert [[m.start for m in c.mentions] for c in clusters] == [[at[0]], [at[1], at[2]]]


@pytest.mark.parametrize(
    ("before", "kin"),
    [
        ("her father, the painter ", True),
        ("Dorothy Woods, whose husband, Navy SEAL ", True),
        ("Trump's daughter ", True),
        ("his wife, ", True),
        ("the painter ", False),
        ("Ms. Lee met her lawyer, ", False),
        ("her father, a man who knew ", False),  # more than three words between
    ],
)
def test_kin_before(before: str, kin: bool) -> None:
    assert kin_before(before + "Harold Feist", len(before)) is kin


def test_full_names_left_untagged() -> None:
    # untagged_full_name: "Connor McDavid" untagged after the dateline; "McDavid" tagged later
    text = "EDMONTON — Connor McDavid scored. McDavid said it was easy. Go Edmonton McDavid."
    doc = spacy.blank("en")(text)
    doc.ents = [Span(doc, 6, 7, label="PERSON")]
    for t in doc:
        t.pos_ = "PROPN" if t.text[:1].isupper() else "VERB"
    found = full_names_left_untagged(doc, list(doc.ents))
    assert [(s.text, s.label_) for s in found] == [("Connor McDavid", "PERSON")]  # not "Edmonton"


def test_cluster_mentions_reads_a_surname_through_its_particle() -> None:
    clusters = cluster_mentions(
        [mention("Bashar al-Assad", "PERSON"), mention("Assad", "PERSON", 30)]
    )
    assert len(clusters) == 1 and clusters[0].name == "Bashar al-Assad"


def test_untagged_speakers_are_people_with_their_bare_surnames() -> None:
    # untagged_speaker: the tagger left "Mikel Arteta" untagged; he is the subject of "said"
    doc = parsed("Mikel Arteta said Arsenal lost. Arteta was angry.")
    assert [(s.text, s.start) for s in untagged_speakers(doc)] == [
        ("Mikel Arteta", 0),
        ("Arteta", 6),
    ]
    clusters = [c for c, _ in find_entities(doc) if c.label == "PERSON"]
    assert [(c.name, len(c.mentions)) for c in clusters] == [("Mikel Arteta", 2)]
    # the subject of a verb that reports nothing is not read so
    assert untagged_speakers(parsed("Mikel Arteta bought Arsenal.")) == []


def test_cluster_mentions_reads_the_surname_before_a_generation_suffix() -> None:
    clusters = cluster_mentions(
        [
            mention("Joseph F. Dunford Jr.", "PERSON"),
            mention("Joseph R. Biden Jr.", "PERSON", 30),
            mention("Biden", "PERSON", 60),
        ]
    )
    assert starts(clusters) == [[0], [30, 60]]


def test_clean_mention_ends_with_the_name_after_a_particle() -> None:
    # the tagger's "Ursula von der" before "Leyen" (tagged GPE) is "Ursula von der Leyen"
    words = ["Ursula", "von", "der", "Leyen", "said", "so", "."]
    doc = Doc(
        VOCAB,
        words=words,
        pos=["PROPN", "ADP", "PROPN", "PROPN", "VERB", "ADV", "PUNCT"],
        ents=["B-PERSON", "I-PERSON", "I-PERSON", "B-GPE", "O", "O", "O"],
    )
    assert clean_mention(doc.ents[0]).text == "Ursula von der Leyen"
    doc = Doc(VOCAB, words=words, pos=["PROPN", "ADP", "PROPN", "PROPN", "VERB", "ADV", "PUNCT"])
    doc.ents = [Span(doc, 0, 2, label="PERSON")]  # "Ursula von" before "der Leyen"
    assert clean_mention(doc.ents[0]).text == "Ursula von der Leyen"


def starts(clusters) -> list[list[int]]:
    return [[m.start for m in c.mentions] for c in clusters]


def test_cluster_mentions_joins_a_lone_first_word_of_one_name() -> None:
    # given_or_family_name: "Xi Jinping" … "Mr. Xi", "Ivanka Trump" … "Ivanka"
    clusters = cluster_mentions([mention("Xi Jinping", "PERSON"), mention("Mr. Xi", "PERSON", 30)])
    assert starts(clusters) == [[0, 30]] and clusters[0].name == "Xi Jinping"
    # two names begin with it: nobody's
    clusters = cluster_mentions(
        [
            mention("George Bush", "PERSON"),
            mention("George Pataki", "PERSON", 20),
            mention("George", "PERSON", 40),
        ]
    )
    assert starts(clusters) == [[0], [20], [40]]
    # a surname goes first: "Lee" after "Bill Lee" and "Lee Bright" is Bill Lee
    clusters = cluster_mentions(
        [
            mention("Bill Lee", "PERSON"),
            mention("Lee Bright", "PERSON", 20),
            mention("Lee", "PERSON", 40),
        ]
    )
    assert starts(clusters) == [[0, 40], [20]]
    # nor against the gender the mention shows
    ms = MentionIn("Ms. Xi", "PERSON", 30, 36, gender="female")
    xi = MentionIn("Xi Jinping", "PERSON", 0, 10, gender="male")
    assert starts(cluster_mentions([xi, ms])) == [[0], [30]]


def test_cluster_mentions_joins_a_full_name_to_its_given_name_named_before() -> None:
    # given_name_before: a headline's "Hillary" … "Hillary Clinton" … "Clinton"
    clusters = cluster_mentions(
        [
            mention("Hillary", "PERSON"),
            mention("Hillary Clinton", "PERSON", 20),
            mention("Clinton", "PERSON", 50),
        ]
    )
    assert starts(clusters) == [[0, 20, 50]] and clusters[0].name == "Hillary Clinton"
    # a word off the first-name list: "Obama" … "Obama Speech" (a headline fragment)
    clusters = cluster_mentions([mention("Obama", "PERSON"), mention("Obama Speech", "PERSON", 20)])
    assert starts(clusters) == [[0], [20]]
    # nor against the gender the full name shows
    jane = MentionIn("Jane", "PERSON", 0, 4, gender="female")
    mr = MentionIn("Mr. Jane Doe", "PERSON", 20, 32, gender="male")
    assert starts(cluster_mentions([jane, mr])) == [[0], [20]]


def test_cluster_mentions_takes_a_surname_tagged_as_org() -> None:
    clusters = cluster_mentions(
        [mention("Anders Rasmussen", "PERSON"), mention("Rasmussen", "ORG", 30)]
    )
    assert len(clusters) == 1 and clusters[0].label == "PERSON"


def test_cluster_mentions_takes_a_full_name_tagged_otherwise_either_way() -> None:
    for first, second in (("PERSON", "ORG"), ("ORG", "PERSON")):
        clusters = cluster_mentions(
            [mention("Carly Fiorina", first), mention("Carly Fiorina", second, 30)]
        )
        assert len(clusters) == 1 and clusters[0].label == "PERSON"
    clusters = cluster_mentions([mention("Fox News", "ORG"), mention("Fox", "PERSON", 30)])
    assert [c.label for c in clusters] == ["ORG", "PERSON"]  # one word is no full name


def test_cluster_mentions_by_acronym_within_a_label_group() -> None:
    clusters = cluster_mentions(
        [mention("United States", "GPE"), mention("US", "GPE", 30), mention("US", "ORG", 50)]
    )
    assert [len(c.mentions) for c in clusters] == [2, 1]
    assert acronym("European Union") == "EU"


def test_cluster_mentions_places_share_a_group() -> None:
    clusters = cluster_mentions([mention("Kremlin", "ORG"), mention("Kremlin", "FAC", 20)])
    assert len(clusters) == 2  # ORG and FAC are different groups
    clusters = cluster_mentions([mention("Kremlin", "FAC"), mention("Kremlin", "GPE", 20)])
    assert len(clusters) == 1


def test_cluster_mentions_keeps_another_first_name_apart() -> None:
    clusters = cluster_mentions(
        [
            mention("Hillary Clinton", "PERSON", 0),
            mention("Clinton", "PERSON", 20),
            mention("Bill Clinton", "PERSON", 40),
        ]
    )
    assert [c.name for c in clusters] == ["Hillary Clinton", "Bill Clinton"]


def test_cluster_mentions_keeps_another_gender_apart() -> None:
    clusters = cluster_mentions(
        [
            MentionIn("Obama", "PERSON", 0, 5, "male"),  # "Mr. Obama"
            MentionIn("Michelle Obama", "PERSON", 20, 34, "female"),
            MentionIn("Obama", "PERSON", 40, 45, "male"),
        ]
    )
    assert [[m.start for m in c.mentions] for c in clusters] == [[0, 40], [20]]


def test_cluster_mentions_gives_a_bare_surname_to_whoever_it_named_before() -> None:
    clusters = cluster_mentions(
        [
            mention("Hillary Clinton", "PERSON", 0),
            mention("Clinton", "PERSON", 20),
            mention("Bill Clinton", "PERSON", 40),
            mention("Clinton", "PERSON", 60),
        ]
    )
    assert [[m.start for m in c.mentions] for c in clusters] == [[0, 20, 60], [40]]


def test_mention_gender_from_title_noun_or_first_name() -> None:
    words = ["Mr.", "Obama", "and", "first", "lady", "Michelle", "Obama", "met", "John", "Wray"]
    ents = ["O", "B-PERSON", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON"]
    doc = Doc(VOCAB, words=words, ents=ents)
    assert [mention_gender(doc.text, e) for e in doc.ents] == ["male", "female", "male"]


def test_cluster_mentions_joins_a_headline_descriptor_to_the_name() -> None:
    clusters = cluster_mentions(
        [
            mention("Widow Dorothy Woods", "PERSON", 0),  # a headline in title case
            mention("Dorothy Woods", "PERSON", 40),
            mention("Woods", "PERSON", 80),
        ]
    )
    assert len(clusters) == 1
    assert clusters[0].name == "Dorothy Woods"  # the role word is no part of the name
    # a longer name with a first name before it is the name
    clusters = cluster_mentions(
        [mention("Anders Fogh Rasmussen", "PERSON"), mention("Fogh Rasmussen", "PERSON", 40)]
    )
    assert len(clusters) == 1 and clusters[0].name == "Anders Fogh Rasmussen"
    # two first names stay two people
    clusters = cluster_mentions(
        [mention("Bill Clinton", "PERSON"), mention("Hillary Clinton", "PERSON", 40)]
    )
    assert len(clusters) == 2


@pytest.mark.parametrize(
    ("words", "label", "name"),
    [
        # a title-case headline the tagger read as one person
        (["Hillary", "Clinton", "Slams", "Donald", "Trump"], "PERSON", "Hillary Clinton"),
        (["Denounces", "Clinton"], "PERSON", "Clinton"),
        (["Dennis", "Prager", "Tells"], "PERSON", "Dennis Prager"),
        (["George", "Lopez", "On", "Why", "Blacks"], "PERSON", "George Lopez"),
        (["Gorka", "Slam", "Clinton"], "PERSON", "Gorka"),  # plural_headline_verb
        # a name that is no verb stays whole
        (["Marine", "Le", "Pen"], "PERSON", "Marine Le Pen"),
        (["Will", "Smith"], "PERSON", "Will Smith"),  # "Will" a name, no "be" after it
    ],
)
def test_clean_mention_cuts_a_person_at_a_headline_verb(words, label, name) -> None:
    doc = Doc(VOCAB, words=words)
    ent = Span(doc, 0, len(doc), label=label)
    assert clean_mention(ent).text == name


@pytest.mark.parametrize(
    ("words", "name"),
    [
        # photo_credit: the tagger ran a person across a photo credit's slash
        (["Evan", "Mitsui", "/", "CBC"], "Evan Mitsui"),
        (["Carlos", "Barria", "/", "Reuters"], "Carlos Barria"),
        (["Reuters", "/", "Carlos", "Barria"], "Carlos Barria"),  # the side with a first name
        (["Mitsui", "/", "Barria"], "Mitsui"),  # neither: the side before
    ],
)
def test_clean_mention_keeps_one_side_of_a_slash(words, name) -> None:
    doc = Doc(VOCAB, words=words, spaces=[w not in {"Mitsui", "Reuters", "/"} for w in words])
    assert clean_mention(Span(doc, 0, len(doc), label="PERSON")).text == name


def test_clean_mention_reaches_left_over_names_but_not_over_a_headline_verb() -> None:
    words = ["Another", "GOP", "Figure", "Endorses", "Hillary", "Clinton"]
    doc = Doc(VOCAB, words=words, pos=["DET", *["PROPN"] * 5])
    assert clean_mention(Span(doc, 5, 6, label="PERSON")).text == "Hillary Clinton"
    assert clean_mention(Span(doc, 4, 6, label="PERSON")).text == "Hillary Clinton"


def test_headline_verb_is_a_capitalised_third_person_speech_verb() -> None:
    assert headline_verb("Slams") and headline_verb("Denounces") and headline_verb("Says")
    assert headline_verb("Endorses") and headline_verb("Praises")  # verbs that report too
    assert not headline_verb("slams")  # not in a title-case headline
    assert not headline_verb("Pen") and not headline_verb("Post")


@pytest.mark.parametrize(
    "words",
    [
        ["lone", "wolf"],
        ["telenovela"],
        ["pro", "-", "Clinton"],
        ["Will", "Twitter", "Be", "Next"],
        ["COVID-19"],  # code_name
        ["Omicron", "BA.2"],
    ],
)
def test_clean_mention_drops_what_no_name_is_written_as(words) -> None:
    doc = Doc(VOCAB, words=words, spaces=[w != "pro" and w != "-" for w in words])
    assert clean_mention(Span(doc, 0, len(doc), label="PERSON")) is None
    assert clean_mention(Span(doc, 0, len(doc), label="ORG")) is not None  # people only


@pytest.mark.parametrize(
    ("mention", "form"),
    [
        ("Putin", "Vladimir Putin"),  # a surname
        ("Mr. Putin", "Putin"),
        ("the Kremlin", "Kremlin"),  # the words
        ("US", "United States"),  # an acronym, either way round
        ("United States", "US"),
    ],
)
def test_match_keys_are_shared_by_mentions_of_one_entity(mention, form) -> None:
    assert match_keys(mention) & match_keys(form, as_form=True)


def test_cluster_mentions_tests_only_clusters_sharing_a_key() -> None:
    mentions = [
        MentionIn("Vladimir Putin", "PERSON", 0, 14),
        MentionIn("NATO", "ORG", 20, 24),
        MentionIn("United States", "GPE", 30, 43),
        MentionIn("Putin", "PERSON", 50, 55),
        MentionIn("US", "GPE", 60, 62),
        MentionIn("Lavrov", "PERSON", 70, 76),
    ]
    clusters = cluster_mentions(mentions)
    assert [sorted(m.text for m in c.mentions) for c in clusters] == [
        ["Putin", "Vladimir Putin"], ["NATO"], ["US", "United States"], ["Lavrov"],
    ]  # fmt: skip


def test_family_plural_is_no_person() -> None:
    # family_plural: "the Clintons" after "Hillary Clinton"; not "the Sanders" (no Sander)
    words = ["Hillary", "Clinton", "met", "the", "Clintons", "and", "the", "Sanders", "."]
    doc = Doc(VOCAB, words=words)
    clintons, sanders = Span(doc, 4, 5, label="PERSON"), Span(doc, 7, 8, label="PERSON")
    assert family_plural(clintons, {"Clinton"})
    assert not family_plural(sanders, {"Clinton"})
    assert not family_plural(Span(doc, 4, 5, label="ORG"), {"Clinton"})
    # without "the" it may be a name: "Clintons" alone, as a headline writes it
    assert not family_plural(Span(doc, 4, 5, label="PERSON"), set())


def test_clean_mention_drops_a_games_score() -> None:
    words = ["the", "Montreal", "Canadiens", "4", "-", "3", "on"]
    doc = Doc(VOCAB, words=words, spaces=[True, True, True, False, False, True, False])
    assert clean_mention(Span(doc, 1, 6, label="PERSON")).text == "Montreal Canadiens"  # score_tail
    names = Doc(VOCAB, words=["Jean", "-", "Luc", "Picard"], spaces=[False, False, True, False])
    assert clean_mention(Span(names, 0, 4, label="PERSON")).text == "Jean-Luc Picard"


def test_surname_left_out_joins_the_mention_it_ends() -> None:
    words = [
        "critic",
        "Jasraj",
        "Singh",
        "Hallan",
        "said",
        ".",
        "Mr.",
        "Hallan",
        "and",
        "Trump",
        "Tower",
    ]
    pos = [
        "NOUN",
        "PROPN",
        "PROPN",
        "PROPN",
        "VERB",
        "PUNCT",
        "PROPN",
        "PROPN",
        "CCONJ",
        "PROPN",
        "PROPN",
    ]
    doc = Doc(VOCAB, words=words, pos=pos)
    first, again = Span(doc, 1, 3, label="PERSON"), Span(doc, 7, 8, label="PERSON")
    trump = Span(doc, 9, 10, label="PERSON")
    found = with_surnames_left_out([first, again, trump])
    assert [s.text for s in found] == ["Jasraj Singh Hallan", "Hallan", "Trump"]  # no "Tower"


def test_appositive_given_name_left_untagged() -> None:
    words = ["His", "wife", ",", "Eleanore", ",", "said", "so", "."]
    heads = [1, 5, 1, 1, 1, 5, 5, 5]
    deps = ["poss", "nsubj", "punct", "appos", "punct", "ROOT", "advmod", "punct"]
    pos = ["PRON", "NOUN", "PUNCT", "PROPN", "PUNCT", "VERB", "ADV", "PUNCT"]
    lemmas = ["his", "wife", ",", "Eleanore", ",", "say", "so", "."]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    found = appositive_given_name(doc[3])
    assert found is not None and found.text == "Eleanore" and found.label_ == "PERSON"
    plain = Doc(
        VOCAB,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        lemmas=[*lemmas[:5], "sit", *lemmas[6:]],
    )
    assert appositive_given_name(plain[3]) is None  # the noun does not speak


def test_team_plural_is_no_person() -> None:
    words = ["The", "Bruins", "lost", "as", "the", "Sanders", "campaign", "and", "the", "Clintons"]
    doc = Doc(VOCAB, words=words)
    bruins, sanders = Span(doc, 1, 2, label="PERSON"), Span(doc, 5, 6, label="PERSON")
    assert team_plural(bruins, {"Clinton", "Sanders"})
    assert not team_plural(sanders, {"Clinton", "Sanders"})  # Bernie Sanders, named in full
    assert not team_plural(Span(doc, 9, 10, label="PERSON"), {"Clinton"})  # family_plural's
    assert not team_plural(Span(doc, 1, 2, label="ORG"), set())
    words = ["beat", "the", "Montreal", "Canadiens", "and", "the", "Rev.", "Al", "Sharpton"]
    doc = Doc(VOCAB, words=words)
    assert team_plural(Span(doc, 2, 4, label="PERSON"), set())
    assert not team_plural(Span(doc, 6, 9, label="PERSON"), set())  # no plural
    doc = Doc(VOCAB, words=["met", "the", "Bill", "Evans"])
    assert not team_plural(Span(doc, 2, 4, label="PERSON"), set())  # a first name opens it
    # team_role_after: before a team's role word, no "the" needed
    doc = Doc(VOCAB, words=["said", "Alouettes", "head", "coach", "Doucet", "and", "Evans", "said"])
    assert team_plural(Span(doc, 1, 2, label="PERSON"), set())
    assert not team_plural(Span(doc, 6, 7, label="PERSON"), set())  # no role word after it
    # a province's name opening a plural: "Saskatchewan Roughriders"
    doc = Doc(VOCAB, words=["beat", "Saskatchewan", "Roughriders", "twice"])
    assert team_plural(Span(doc, 1, 3, label="PERSON"), set())


def test_clean_mention_keeps_a_name_with_a_word_of_digits() -> None:
    doc = Doc(VOCAB, words=["50", "Cent"])
    assert clean_mention(Span(doc, 0, 2, label="PERSON")).text == "50 Cent"


def test_clean_mention_drops_a_hashtag() -> None:
    # hashtag: "#SanBernardino" tagged PERSON is a topic; the same words untagged by "#" stay
    words = ["Praying", "for", "#", "SanBernardino", "and", "Jeb", "Bush", "."]
    doc = Doc(
        VOCAB, words=words, pos=["VERB", "ADP", "SYM", "PROPN", "CCONJ", "PROPN", "PROPN", "PUNCT"]
    )
    doc.ents = [Span(doc, 3, 4, label="PERSON"), Span(doc, 5, 7, label="PERSON")]
    assert clean_mention(doc.ents[0]) is None
    assert clean_mention(doc.ents[1]).text == "Jeb Bush"


def _people(words: list[str], ents: list[tuple[int, int]]) -> list[str]:
    doc = Doc(VOCAB, words=words)
    spans = [Span(doc, a, b, label="PERSON") for a, b in ents]
    return [s.text for s in without_headline_words(doc, spans)]


def test_headline_words_around_a_name_are_cut() -> None:
    # headline_words_in_name: "said" is written in lowercase, and "Trump" is Donald Trump's
    words = ["Trump", "Said", "It", ".", "Donald", "Trump", "said", "so", "."]
    assert _people(words, [(0, 2), (4, 6)]) == ["Trump", "Donald Trump"]
    # "price" is a common word here, but no one else is named "Tom"
    words = ["Tom", "Price", "said", "the", "price", "rose", "."]
    assert _people(words, [(0, 2)]) == ["Tom Price"]
    # a first name is never cut ("will" is common): "Will Hurd" stays with "Hurd" named
    words = ["Will", "Hurd", "said", "he", "will", "go", ".", "Hurd", "left", "."]
    assert _people(words, [(0, 2), (7, 8)]) == ["Will Hurd", "Hurd"]
    # a name's particle is no headline word: "de Blasio" beside "Bill de Blasio" stays whole
    words = ["Bill", "de", "Blasio", "spoke", ".", "Then", "de", "Blasio", "said", "no", "."]
    assert _people(words, [(0, 3), (6, 8)]) == ["Bill de Blasio", "de Blasio"]
    # the same name twice is no other person: "Win Htein" keeps its "Win"
    words = ["Win", "Htein", "said", "we", "win", ".", "Win", "Htein", "left", "."]
    assert _people(words, [(0, 2), (6, 8)]) == ["Win Htein", "Win Htein"]


def test_headline_words_only_the_headline_writes_are_cut() -> None:
    # headline_only_word: "Hid" and "Past" are written nowhere below the headline, and a
    # title word ("Health") is cut last; "Clinton" is Hillary Clinton's surname
    words = ["Clinton", "Hid", "Past", "Health", "Problems", "\n\n"]
    words += ["Hillary", "Clinton", "’s", "health", "was", "fine", "."]
    assert _people(words, [(0, 4), (6, 8)]) == ["Clinton", "Hillary Clinton"]
    # below the headline, a word written once is no headline word
    words = ["Hillary", "Clinton", "spoke", ".", "Clinton", "Hid", "it", "."]
    assert _people(words, [(0, 2), (4, 6)]) == ["Hillary Clinton", "Clinton Hid"]
    # a generation suffix is part of a name: "Donald Trump Jr." is not his father
    words = ["Donald", "Trump", "Jr", "Speaks", "\n\n", "Donald", "Trump", "spoke", "."]
    assert _people(words, [(0, 3), (5, 7)]) == ["Donald Trump Jr", "Donald Trump"]
    # nor in a first line that is no title-case headline but the first paragraph
    words = ["Talks", "with", "his", "counterpart", "Sergei", "Lavrov", "failed", ".", "\n\n"]
    words += ["Lavrov", "said", "no", "."]
    assert _people(words, [(4, 6), (9, 10)]) == ["Sergei Lavrov", "Lavrov"]
    # a title word opens a name: "Health Secretary Tom Price" is not cut from the front
    words = ["Health", "Secretary", "Tom", "Price", "Quits", "\n\n", "Tom", "Price", "left"]
    words += [",", "his", "health", "fine", "."]
    assert _people(words, [(0, 4), (6, 8)]) == ["Health Secretary Tom Price", "Tom Price"]


def test_clean_mention_drops_a_court_case_party() -> None:
    # case_party: "Ashcroft v. Iqbal" names a case; "Clinton vs. Trump" two rivals
    doc = Doc(VOCAB, words=["in", "Ashcroft", "v.", "Iqbal", "and", "Clinton", "vs.", "Trump"])
    doc.ents = [Span(doc, i, i + 1, label="PERSON") for i in (1, 3, 5, 7)]
    assert [clean_mention(e) is None for e in doc.ents] == [True, True, False, False]


@pytest.mark.parametrize(
    ("text", "ent", "name"),
    [
        # lowercase_tail: a tagger's run into lowercase words ends before them
        ("said Juan Manriquez of Chicago", (1, 4), "Juan Manriquez"),
        ("Robert Barr - won the seat", (0, 4), "Robert Barr"),
        # a compound adjective's suffix goes with its hyphen; a name's hyphenated part stays
        ("the Donald Trump-led field", (1, 5), "Donald Trump"),
        ("said Ban Ki-moon today", (1, 5), "Ban Ki-moon"),
    ],
)
def test_clean_mention_ends_before_a_lowercase_tail(text, ent, name) -> None:
    nlp = spacy.blank("en")
    doc = nlp(text)
    doc.ents = [Span(doc, *ent, label="PERSON")]
    assert clean_mention(doc.ents[0]).text == name


@pytest.mark.parametrize(
    ("words", "name"),
    [
        # headline_verb_in_name: a plain-form verb after a capitalised subject opens no name
        (["Senators", "Slam", "Hillary", "Over", "Emails"], "Hillary"),
        # not after a lowercase word: no title-case headline
        (["they", "Slam", "Hillary", "today"], "Slam Hillary"),
    ],
)
def test_clean_mention_drops_a_leading_headline_verb_after_its_subject(words, name) -> None:
    doc = Doc(VOCAB, words=words)
    doc.ents = [Span(doc, 1, 3, label="PERSON")]
    assert clean_mention(doc.ents[0]).text == name


def test_clean_mention_drops_a_footers_follow() -> None:
    # follow_footer: "Follow Pam Key on Twitter" tagged as one person names Pam Key
    doc = Doc(VOCAB, words=["Follow", "Pam", "Key", "on", "Twitter", "."])
    doc.ents = [Span(doc, 0, 3, label="PERSON")]
    assert clean_mention(doc.ents[0]).text == "Pam Key"


@pytest.mark.parametrize(
    ("text", "junk"),
    [
        ("lone wolf", True),  # lowercase_person
        ("COVID-19", True),  # code_name
        ("Dad", True),  # family_call: "“Dad always said …”"
        ("Grandma", True),
        ("Son", False),  # a surname too (Son Heung-min)
        ("MLA", True),  # title_alone
        ("King", False),  # a title in capitals only
        ("Niigaan Sinclair", False),
        ("50 Cent", False),
    ],
)
def test_not_a_name(text: str, junk: bool) -> None:
    assert not_a_name(text) is junk


KADRI = "Nazem Kadri and Jonathan Huberdeau scored for the Flames."


def test_names_conjoined_to_a_person() -> None:
    # conjoined_name: the tagger left "Nazem Kadri" untagged in the article
    doc = parsed(KADRI, edit={0: {"iob": "O"}, 1: {"iob": "O"}})
    assert [(s.text, s.label_) for s in names_conjoined_to_a_person(doc)] == [
        ("Nazem Kadri", "PERSON")
    ]
    assert names_conjoined_to_a_person(parsed(KADRI)) == []  # tagged: nothing to add
    # a team after "the": "the Montreal Alouettes and the Saskatchewan Roughriders"
    text = "Fans of the Montreal Alouettes and the Calgary Stampeders cheered ."
    teams = _tagged(text, [(7, 9, "PERSON")], {"Montreal", "Alouettes", "Calgary", "Stampeders"})
    teams[4].dep_, teams[4].head = "conj", teams[8]
    teams[3].dep_, teams[3].head = "compound", teams[4]
    assert names_conjoined_to_a_person(teams) == []
    # one word alone is no full name ("Ottawa and Justin Trudeau")
    lone = parsed(KADRI, edit={0: {"iob": "O", "dep": "nmod"}, 1: {"iob": "O"}})
    assert names_conjoined_to_a_person(lone) == []


def _tagged(text: str, ents: list[tuple[int, int, str]], proper: set[str]) -> Doc:
    """A blank-model Doc of ``text`` with entity spans (token start, end, label) and the
    words in ``proper`` tagged as proper nouns, the rest as verbs."""
    doc = spacy.blank("en")(text)
    for t in doc:
        t.pos_ = "PROPN" if t.text in proper else "VERB"
    doc.ents = [Span(doc, a, b, label=label) for a, b, label in ents]
    return doc


def test_with_given_names_left_out() -> None:
    # given_name_left_out: "Doreen" untagged before "Sinclair" (tagged ORG)
    text = "Noah Sinclair died . Doreen Sinclair said the family will push ."
    doc = _tagged(text, [(0, 2, "PERSON"), (5, 6, "ORG")], {"Noah", "Sinclair", "Doreen"})
    spans = [Span(doc, 0, 2, label="PERSON"), Span(doc, 5, 6, label="ORG")]
    grown = with_given_names_left_out(doc, spans)
    assert [(s.text, s.label_) for s in grown] == [
        ("Noah Sinclair", "PERSON"),
        ("Doreen Sinclair", "PERSON"),
    ]
    # a word the text also writes in lowercase is no given name ("will", "Will")
    text = "Noah Sinclair died . Will Sinclair run ? He will ."
    doc = _tagged(text, [(0, 2, "PERSON"), (5, 6, "PERSON")], {"Noah", "Sinclair", "Will"})
    spans = [Span(doc, 0, 2, label="PERSON"), Span(doc, 5, 6, label="PERSON")]
    assert [s.text for s in with_given_names_left_out(doc, spans)] == ["Noah Sinclair", "Sinclair"]


def test_surnames_left_untagged() -> None:
    # untagged_surname: "Hemsworth" alone, untagged, is Gord Hemsworth
    text = "For Gord Hemsworth it hurts . Hemsworth lost his home . The Hemsworth family left ."
    proper = {"Gord", "Hemsworth"}
    doc = _tagged(text, [(1, 3, "PERSON")], proper)
    doc[12].head, doc[12].dep_ = doc[13], "compound"  # "Hemsworth" qualifies "family"
    spans = [Span(doc, 1, 3, label="PERSON")]
    found = surnames_left_untagged(doc, spans)
    assert [(s.start, s.text) for s in found] == [(6, "Hemsworth")]  # not "Hemsworth family"
    # a surname two people share names neither
    text = "Gord Hemsworth and Ann Hemsworth spoke . Hemsworth left ."
    doc = _tagged(text, [(0, 2, "PERSON"), (3, 5, "PERSON")], {"Gord", "Ann", "Hemsworth"})
    spans = [Span(doc, 0, 2, label="PERSON"), Span(doc, 3, 5, label="PERSON")]
    assert surnames_left_untagged(doc, spans) == []


SANDHU = "Harjeet Sandhu, a nurse at the hospital, said the ward was full."


def test_untagged_speakers_take_a_name_off_the_list_with_a_persons_apposition() -> None:
    # apposed_person: "Harjeet" is off the first-name list; "a nurse" says it is a person
    assert [s.text for s in untagged_speakers(parsed(SANDHU))] == ["Harjeet Sandhu"]
    bare = parsed(SANDHU, edit={4: {"dep": "npadvmod"}})  # no apposition: no person
    assert untagged_speakers(bare) == []


@pytest.mark.parametrize(
    ("text", "tagged", "mention"),
    [
        # hyphenated_name_parts: the tagger began or ended inside a hyphenated name
        ("Marie-Claude Béland , a spokesperson , said no .", (2, 4), "Marie-Claude Béland"),
        ("Dr. Ji-woo Kwan , an archaeologist , said no .", (1, 2), "Ji-woo"),
        ("Dr. Jean-Claude Van Damme said no .", (1, 2), "Jean-Claude"),
        ("A Trump-led coalition said no .", (1, 2), "Trump"),  # an adjective, no name
        ("The Clinton-Trump race was close .", (1, 2), "Clinton"),
        ("BCTF president Robin Sandhu-Grewal said no .", (2, 4), "Robin Sandhu-Grewal"),
    ],
)
def test_clean_mention_takes_a_hyphenated_name_whole(text, tagged, mention) -> None:
    doc = spacy.blank("en")(text)
    ent = Span(doc, *tagged, label="PERSON")
    assert clean_mention(ent).text == mention


def test_given_name_after_a_title_before_a_surname_tagged_as_an_organisation() -> None:
    # "West Island Liberal MNA Anand Raghavan said …": only "Raghavan" tagged, as an ORG
    text = "Liberal MNA Anand Raghavan said he would raise it ."
    doc = _tagged(text, [(3, 4, "ORG")], {"Liberal", "MNA", "Anand", "Raghavan"})
    grown = with_given_names_left_out(doc, [Span(doc, 3, 4, label="ORG")])
    assert [(s.text, s.label_) for s in grown] == [("Anand Raghavan", "PERSON")]


def test_with_surnames_left_out_over_a_surname_tagged_apart() -> None:
    # "Dr. Ji-woo" PERSON, "Kwan" ORG after it, "Kwan said" PERSON later
    text = "Dr. Ji-woo Kwan , an archaeologist , spoke . Kwan said no ."
    proper = {"Ji", "woo", "Kwan"}
    doc = _tagged(text, [(1, 4, "PERSON"), (4, 5, "ORG"), (11, 12, "PERSON")], proper)
    spans = [Span(doc, 1, 4, label="PERSON"), Span(doc, 4, 5, label="ORG")]
    spans.append(Span(doc, 11, 12, label="PERSON"))
    assert with_surnames_left_out(spans)[0].text == "Ji-woo Kwan"
    # an untitled, unhyphenated name the tagger ended does not take an organisation's word
    text = "Bear Stearns fell . Stearns said no ."
    doc = _tagged(text, [(0, 1, "PERSON"), (1, 2, "ORG"), (5, 6, "PERSON")], {"Bear", "Stearns"})
    spans = [Span(doc, 0, 1, label="PERSON"), Span(doc, 1, 2, label="ORG")]
    spans.append(Span(doc, 5, 6, label="PERSON"))
    assert with_surnames_left_out(spans)[0].text == "Bear"
