"""Speakers described, not named: "the mayor", "the company", "the statement", "a retiree".

A description names who the article named before with that role ("the minority leader" ←
"Senate Minority Leader Harry Reid"), the organisation of that kind it named ("the company"
← Exxon Mobil), the author of the document it names ("the statement" ← the museum that
issued it), or nobody the article names ("a retiree", "one official"): then the speaker is
unknown. A description of a thing or an event ("demonstrations", "higher rates") is no
speaker at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span

from quotex.components.attribution.syntax import share_head
from quotex.components.resolver.discourse import Discourse
from quotex.gender import noun_gender
from quotex.lexicon import entries, sections
from quotex.names import title_words, titles
from quotex.records import TOGETHER_RULE

ORG_LABELS = frozenset({"ORG", "NORP", "GPE"})
PERSON = "PERSON"
ISSUER_LABELS = ORG_LABELS | {PERSON}  # who can issue a statement, an ad, a letter
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_KIND_LABELS = {"organisation": "ORG"}
INDEFINITE = frozenset({"a", "an", "one", "another", "some", "many", "several", "any"})
DEFINITE = frozenset({"the", "this", "that"})
# Abbreviated titles as they stand before names, and the role words they abbreviate.
ABBREVIATIONS = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "pres": "president",
    "gen": "general",
    "lt": "lieutenant",
    "sec": "secretary",
    "atty": "attorney",
    "supt": "superintendent",
    "const": "constable",
    "sgt": "sergeant",
    "cpl": "corporal",
    "det": "detective",
    "insp": "inspector",
    "coun": "councillor",
}
# How many words of an apposition are read for a role: ", the Senate minority leader,".
APPOSITION_WORDS = 5
# Words inside multiword titles ("secretary of state") that end a role read alone.
TITLE_JOINERS = frozenset({"of", "for", "and", "the", "to", "at", "on", "in"})
# Words that make a longer role of the title after them ("vice president").
ROLE_PREFIXES = frozenset({"vice", "deputy", "assistant", "associate", "lieutenant", "under"})
SENTENCE_ENDS = frozenset('.!?"”:')
# How far before a name its title is read: "Senate Minority Leader Harry Reid".
TITLE_CONTEXT_CHARS = 40


@dataclass(frozen=True)
class Described:
    """What a description refers to: an entity, nobody named (``entity`` None), or a thing
    (``is_thing``). ``rule`` names the rule that decided."""

    entity: str | None
    rule: str
    is_thing: bool = False
    label: str | None = None
    gender: str | None = None  # for ``ranked``: the gender the description shows
    kept: bool = False  # the description itself is the speaker ("the central bank")
    name: str | None = None  # a name the article gave it with no entity ("Clinton campaign")


@cache
def source_nouns(kind: str) -> frozenset[str]:
    """Head nouns of ``kind`` (document, organisation, person) from ``lexicon/sources.txt``."""
    return entries("sources", kind)


@cache
def role_words() -> frozenset[str]:
    """Single role words from the titles list ("mayor", "senator", "leader")."""
    return frozenset(t.rstrip(".") for t in titles() if " " not in t) | frozenset(
        ABBREVIATIONS.values()
    )


def head_word(span: Span) -> str:
    """The description's head noun, lowercase lemma ("the former presidents" → president;
    "one of her ads" → ad)."""
    root = share_head(span.root)
    word = root.lemma_.lower() if root.lemma_ else root.lower_
    if "-" in word and word.endswith("old"):
        return "year-old"  # "the 43-year-old" as one token
    before = [t.lower_ for t in span.doc[max(span.start, root.i - 2) : root.i]]
    if word == "old" and (before == ["year", "-"] or before[-1:] == ["year-"]):
        return "year-old"  # the tokenizer's "43 - year - old"
    return word


def determiner(span: Span) -> str | None:
    first = span[0].lower_
    return first if first in INDEFINITE | DEFINITE else None


def is_possessed(span: Span) -> bool:
    """ "his wife", "her spokesman", "one of her ads": someone's someone, named or not."""
    root = share_head(span.root)
    return any(t.dep_ == "poss" and t.head == root for t in span)


def kin_named_before(discourse: Discourse, span: Span) -> str | None:
    """kin_named_before: "his mother" or "her husband" that speaks is the person the article
    named so before: "Ashawasegai hugged his mother, Evelyn Ashawasegai, 71, … His mother
    said she had driven …" is Evelyn Ashawasegai; the latest so named, within the
    possessive's gender ("his" never "her husband"). None where no one was."""
    words = [t.lower_ for t in span]
    if len(words) != 2 or words[0] not in ("his", "her", "their"):
        return None
    phrase = re.compile(rf"\b{words[0]}\s+{re.escape(words[1])},?\s+(?:[\w.'’-]+\s+){{0,3}}$")
    for mention in reversed(discourse.mentions_before(span.start_char)):
        if discourse.labels.get(mention.entity) != PERSON:
            continue
        before = discourse.text[max(0, mention.start - 60) : mention.start].lower()
        if phrase.search(before):
            return mention.entity
    return None


def related_to_a_person(span: Span) -> bool:
    """person_of_a_person: "The wife of Mayor John Tory said she was proud", "a friend of
    hers": a person noun with "of" and a name or a pronoun is someone's someone, as "his
    wife" is, never the one named. "The head of Statistics Canada" is no person's."""
    root = share_head(span.root)
    for prep in root.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and (obj.ent_type_ == PERSON or obj.tag_ == "PRP"):
                    return True
    return False


def speaks(span: Span) -> bool:
    """The description is the subject of a speech or writing verb ("her ad asking …",
    "his statement said"), not of evidence ("his filings show …")."""
    verb = span.root.head
    return verb.lemma_.lower() in entries("reporting_verbs", "speech", "writing")


# A possessive pronoun and the gender of who it names.
POSSESSIVE_GENDERS = {"his": "male", "her": "female"}


def possessive_pronoun(span: Span) -> str | None:
    """The gender of "his" or "her" before the description's noun ("her ads"), else None."""
    root = share_head(span.root)
    for t in span:
        if t.dep_ == "poss" and t.head == root and t.lower_ in POSSESSIVE_GENDERS:
            return POSSESSIVE_GENDERS[t.lower_]
    return None


def kind_of(span: Span) -> str:
    """``document``, ``organisation``, ``anonymous``, ``role``, ``person``, ``group``,
    ``thing`` (never a speaker: "demonstrations", "higher rates") or ``other`` (a source of
    no known kind, kept as written). An anonymous noun that is also a title ("the
    official", "the officer") counts as anonymous."""
    word = head_word(span)
    for kind in ("document", "organisation"):
        if word in source_nouns(kind):
            return kind
    if word in source_nouns("anonymous"):  # "the official" is a title too, but rarely one
        return "anonymous"
    if word in role_words():
        return "role"
    if word in source_nouns("person"):
        return "person"
    if word in entries("groups"):
        return "group"
    if word in source_nouns("thing"):
        return "thing"
    return "other"


def _title_before(text: str, start: int) -> list[str]:
    words = text[max(0, start - TITLE_CONTEXT_CHARS) : start].lower().replace(".", " ").split()
    return [ABBREVIATIONS.get(w, w) for w in words[-4:]]


def role_phrase(span: Span) -> list[str]:
    """The role a description names, as title words: "the vice president" → [vice,
    president]; "the former Florida governor" → [governor]; "the Senate minority leader" →
    [minority, leader]."""
    words: list[str] = []
    for token in reversed(span[: span.root.i - span.start + 1]):
        word = ABBREVIATIONS.get(token.lower_.rstrip("."), token.lower_)
        modifier = word in entries("titles", "modifiers") and word not in ROLE_PREFIXES
        if word not in title_words() or modifier:  # "former", "acting" qualify, "vice" names
            break
        words.insert(0, word)
    return words or [head_word(span)]


def _ends_with(words: list[str], phrase: list[str]) -> bool:
    n = len(phrase)
    if words[-n:] != phrase:
        return False
    # "Vice President Biden" does not hold the role "president"
    return len(words) == n or words[-n - 1] not in ROLE_PREFIXES


def _apposition_words(text: str) -> list[str]:
    """The title words opening an apposition: ", the governor of New Jersey," → [governor]:
    after a determiner, up to the first word that is not a title word ("of" ends it)."""
    words: list[str] = []
    for raw in text.replace(".", " ").split()[:APPOSITION_WORDS]:
        word = ABBREVIATIONS.get(raw, raw)
        if not words and word in DEFINITE | INDEFINITE:
            continue
        if word not in title_words() or word in TITLE_JOINERS:
            break
        words.append(word)
    return words


def entity_with_role(discourse: Discourse, role: list[str], offset: int) -> str | None:
    """Of the people named before ``offset`` with ``role`` as a title or in apposition, the
    one named last: "the minority leader" ← "Senate Minority Leader Harry Reid"; "the
    governor" ← "Gov. Chris Christie" (abbreviations read in full); never "the president"
    ← "Vice President Joe Biden". A title an organisation's name qualifies comes after a
    bare one (``title_qualified_by_name``)."""
    holders: set[str] = set()
    qualified: set[str] = set()
    earlier = discourse.mentions_before(offset)
    for mention in earlier:
        if discourse.labels.get(mention.entity) != PERSON:
            continue
        before = _title_before(discourse.text, mention.start)
        after = discourse.text[mention.end : mention.end + TITLE_CONTEXT_CHARS].lower()
        apposition = after.startswith(",") and _ends_with(
            _apposition_words(after.split(",")[1]), role
        )
        if apposition or (
            _ends_with(before, role)
            and not title_qualified_by_name(discourse.text, mention.start, len(role))
        ):
            holders.add(mention.entity)
        elif _ends_with(before, role):
            qualified.add(mention.entity)
    # latest_role_holder: of the people titled so, the one named last, titled or not ("Sen.
    # Ted Cruz … Sen. John McCain … Cruz defends … “…,” the senator says" is Cruz)
    for group in (holders, qualified):
        for mention in reversed(earlier):
            if mention.entity in group:
                return mention.entity
    return None


def holder_of_a_like_title(discourse: Discourse, role: list[str], offset: int) -> str | None:
    """like_title: the person named last with a title that holds the role under another
    word (``lexicon/roles.txt``): "Court of King's Bench Justice Gerald Chipeur … The judge
    rejected that account" is Chipeur; "Const. Alex Dunn … the officer said" is Dunn."""
    if len(role) != 1:
        return None
    found = [
        (mention.start, entity)
        for title in sorted(entries("roles", role[0]) if role[0] in sections("roles") else ())
        if (entity := entity_with_role(discourse, [title], offset))
        for mention in discourse.mentions_before(offset)
        if mention.entity == entity
    ]
    return max(found)[1] if found else None


def title_qualified_by_name(text: str, start: int, length: int) -> bool:
    """Whether a name stands before the title of the mention at ``start`` (``length`` title
    words): "World Bank President Jim Yong Kim", "French President François Hollande" hold
    no bare "the president"; "President Obama", "Washington, President Obama", "Recall Sen.
    John McCain" (a capital that opens a sentence) do."""
    words = text[max(0, start - TITLE_CONTEXT_CHARS) : start].split()
    if len(words) <= length + 1:
        return False
    word, previous = words[-length - 1], words[-length - 2]
    plain = ABBREVIATIONS.get(word.lower().rstrip("."), word.lower())
    opens_sentence = previous[-1] in SENTENCE_ENDS
    return (
        word[:1].isupper()
        and word[-1].isalnum()
        and plain not in title_words()
        and not opens_sentence
    )


# What else than a press noun ("the newspaper", "the network") an outlet can be described
# as: "The Times said … the company said".
OUTLET_NOUNS = frozenset({"company", "corporation", "firm", "channel", "station"})


def named_as_outlet(name: str) -> bool:
    """Whether an organisation's name is a news outlet's: it ends as one does ("CBC News",
    "Chicago Sun-Times", "The Baltimore Sun") or is one that ends in no such word ("CNN",
    "Reuters"); ``lexicon/press_names.txt``."""
    lower = name.lower()
    words = lower.replace("-", " ").split()
    whole = lower.removeprefix("the ")
    return whole in entries("press_names", "press_whole") or (
        bool(words) and words[-1] in entries("press_names", "press")
    )


def named_another_kind(word: str, name: str) -> bool:
    """named_another_kind: an organisation whose name ends with an organisation noun of
    another kind than the description's ``word`` is not what it describes: "the company"
    is not the "Federal Aviation Administration" nor the "Machinists Union"; "the agency"
    can be the "Federal Aviation Administration" (``lexicon/organisation_kinds.txt``).

    outlet_by_name: a news outlet is of the press kind ("The union … said it was overdue"
    is not "CBC News", to whom a nurse spoke; "the group" is not the "Chicago Sun-Times"),
    and may be "the newspaper", "the network" or "the company"."""
    nouns = source_nouns("organisation")
    if named_as_outlet(name) and word in nouns:
        return word not in entries("organisation_kinds", "press") | OUTLET_NOUNS
    last = name.lower().split()[-1] if name.split() else ""
    if last == word or last not in nouns or word not in nouns:
        return False
    return not any(
        word in kind and last in kind for kind in sections("organisation_kinds").values()
    )


def organisation_of_kind(
    discourse: Discourse, word: str, offset: int, quote: tuple[int, int] | None = None
) -> str | None:
    """ "the company" / "the museum": one whose name holds the word ("the council" ← "St.
    Paul City Council"; of several, the latest that spoke: "The union said" after the
    Canadian Union of Public Employees spoke and its president was named with her council
    of unions), else one that acted lately, else the latest organisation that spoke, else
    the latest one named outside quote marks."""
    orgs = [
        m.entity
        for m in discourse.mentions_before(offset)
        if discourse.labels.get(m.entity) == "ORG"
        and not m.in_quote
        and not named_another_kind(word, discourse.names[m.entity])
    ]
    holding = [e for e in orgs if word in discourse.names[e].lower()]
    if holding:  # of two unions, the one that spoke (holding_spoke)
        spoke = [t.entity for t in discourse.turns if t.entity in holding]
        return spoke[-1] if spoke else holding[-1]
    acting = organisation_acting_lately(discourse, offset, quote, word)
    if acting or not orgs:
        return acting
    spoke = [t.entity for t in discourse.turns if t.entity in orgs]
    return spoke[-1] if spoke else orgs[-1]


# How many sentences back "the company" looks for an organisation that was a subject.
ACTING_SENTENCES = 2
# The clause a noun takes: "raising the odds that the Bank of Canada will cut rates". Its
# subject is what a report is about, not who acts in the article: "…, Statistics Canada
# said Friday, raising the odds that the Bank of Canada will cut … , the agency said" is
# Statistics Canada.
NOUN_CLAUSE = "acl"


def organisation_acting_lately(
    discourse: Discourse, offset: int, quote: tuple[int, int] | None = None, word: str = ""
) -> str | None:
    """ "Twitter acknowledged that the issue remained tricky. “…,” the company said": the
    organisation last the subject of a clause, outside quote marks, in this sentence or
    the ``ACTING_SENTENCES`` before it; one the tagger took for a person or a work counts
    (``repair_organisation_named_otherwise``). One named in the words of the ``quote``
    (start, end), or in those of a quote before, is spoken about: "Kessler will close its
    plant, according to the union"; "Metrolinx says the Eglinton Crosstown LRT will not open
    this year. …, the provincial transit agency said" is Metrolinx.
    With the description's ``word``, one named as another kind is passed over
    (``named_another_kind``)."""
    sentence = discourse.sentence_of(offset)
    for mention in reversed(discourse.mentions_before(offset)):
        if sentence - mention.sentence > ACTING_SENTENCES:
            return None
        if mention.in_quote or not (mention.subject or mention.names_subject):
            continue
        if quote and quote[0] <= mention.start < quote[1]:
            continue
        if mention.clause == NOUN_CLAUSE:  # content_clause_subject: spoken about
            continue
        if any(t.start <= mention.start < (t.end or t.start) for t in discourse.turns):
            continue  # reported_subject: in the words of a quote before, spoken about
        entity = mention.entity
        if word and named_another_kind(word, discourse.names[entity]):
            continue
        if discourse.labels.get(entity) == "ORG" or repair_organisation_named_otherwise(
            discourse, entity
        ):
            return entity
    return None


# Labels the small model gives organisations it does not know: "Black Lives Matter" a
# WORK_OF_ART, "Pfizer" and "Politifact" PERSON.
MISTAKEN_ORG_LABELS = frozenset({PERSON, "WORK_OF_ART", "PRODUCT", "FAC"})


def repair_organisation_named_otherwise(discourse: Discourse, entity: str) -> bool:
    """An entity the tagger did not call an organisation that may be one: "Black Lives
    Matter issued a statement" (a WORK_OF_ART), "Politifact examined the charge" (a
    PERSON the article shows no gender for: no known first name, title or pronoun)."""
    label = discourse.labels.get(entity)
    if label not in MISTAKEN_ORG_LABELS:
        return False
    return label != PERSON or discourse.gender(entity).value is None


# Dependencies by which a document's noun names its issuer: "the PPIC poll", "Quinnipiac's
# poll"; and prepositions that do: "a report by Human Rights Watch".
ISSUER_DEPS = frozenset({"compound", "poss", "nmod"})
ISSUER_PREPOSITIONS = frozenset({"by", "from"})


def issuer_by_verb(noun) -> list:
    """ "Sanders is releasing a new ad", "the parents have filed a lawsuit": the subjects
    of the issuing verb a document's noun is the object of (lexicon/cue_roles.txt)."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in entries("cue_roles", "issuing"):
        return []
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return [t for s in subjects for t in (s, *(c for c in s.children if c.dep_ == "conj"))]


def entity_at(discourse: Discourse, offset: int) -> str | None:
    """The entity with a mention at character ``offset``, or None."""
    for mention in discourse.mentions:
        if mention.start <= offset < mention.end:
            return mention.entity
    return None


def issuers(span: Span) -> list:
    """The words naming who issued an earlier mention of the document ``span`` names,
    latest mention first: "the PPIC poll", "Quinnipiac's poll", "a report by Human Rights
    Watch", "Sanders is releasing a new ad"."""
    doc, word = span.doc, span.root.lemma_.lower()
    found = []
    for token in reversed(doc[: span.start]):
        if token.lemma_.lower() != word or token.pos_ not in ("NOUN", "PROPN"):
            continue
        found.extend(issuer_words(token))
        found.extend(issuer_by_verb(token))
    return found


def issuer_words(noun) -> list:
    """The words a document's noun names its issuer with: "the PPIC poll", "Quinnipiac's
    poll", "a report by Human Rights Watch", "a letter signed by 50 officials", "a
    statement from the group's president, Dan Kelly" (issuer_in_apposition)."""
    found = [c for c in noun.lefts if c.dep_ in ISSUER_DEPS]
    for prep in noun.rights:
        if prep.lower_ in ISSUER_PREPOSITIONS:
            for obj in prep.children:
                if obj.dep_ == "pobj":  # and who it is: "from its president, Dan Kelly"
                    found.extend([obj, *(c for c in obj.rights if c.dep_ == "appos")])
        if prep.dep_ == "acl":  # "a court document filed by state attorney Dave Aronberg"
            for agent in prep.children:
                if agent.dep_ == "agent":
                    found.extend(c for c in agent.children if c.dep_ == "pobj")
    return found


def own_issuer(discourse: Discourse, span: Span) -> str | None:
    """issuer_named_here: the person or organisation a document's own words name ("according
    to calculations by Amy Glasmeier", "a new Quinnipiac poll"), also where it is "a"
    document and so no earlier one."""
    for child in issuer_words(span.root):
        entity = entity_at(discourse, child.idx)
        if entity and discourse.labels.get(entity) in ISSUER_LABELS:
            return entity
    return None


def issuer_named_with(discourse: Discourse, span: Span) -> str | None:
    """ "The PPIC poll shows … according to the poll": the organisation or person named
    with an earlier mention of the same document ("the PPIC poll", "Quinnipiac's poll", "a
    report by Human Rights Watch")."""
    for child in issuers(span):
        entity = entity_at(discourse, child.idx)
        if entity and discourse.labels.get(entity) in ISSUER_LABELS:
            return entity
    return None


def issuer_described(span: Span) -> Described | None:
    """The issuer of the document when the article names it with a noun: "The Trump
    campaign sent a fundraising email … the email said" → "Trump campaign"; "a group of
    black parents sent a letter … the letter reads" → nobody named. None when the issuer
    is a name or a pronoun, or none is found."""
    for child in issuers(span):
        if child.pos_ != "NOUN" or child.dep_ in ISSUER_DEPS:  # "a fundraising email"
            continue
        named = _name_qualified(child)
        if named is not None:
            return Described(None, "document author", label="ORG", name=named)
        if not any(t.pos_ == "PROPN" or t.ent_type_ for t in child.subtree):
            return Described(None, "unnamed")
    return None


# How many sentences back "the campaign" looks for "The Clinton campaign".
SAME_NOUN_SENTENCES = 6
NAME_QUALIFIER_DEPS = frozenset({"compound", "poss", "amod", "nmod"})


def named_with_the_same_noun(span: Span) -> str | None:
    """ "The Clinton campaign suggested … the campaign said" → "Clinton campaign": an
    earlier noun phrase with the description's noun, qualified by a proper name ("China's
    foreign ministry", "Australian Olympic team"), names it; the determiner is left out."""
    doc, root = span.doc, span.root
    own = _name_qualified(root)
    if own is not None:  # "The Trump campaign" names itself
        return own
    first = doc[span.start].sent.start
    for _ in range(SAME_NOUN_SENTENCES):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    for token in reversed(doc[first : span.start]):
        if token.lower_ == root.lower_ and token.pos_ in ("NOUN", "PROPN"):
            named = _name_qualified(token)
            if named is not None:
                return named
    return None


def _name_qualified(noun) -> str | None:
    """ "China's foreign ministry" for *ministry*: the noun with the qualifiers before it,
    when one of them holds a proper name; no determiner."""
    qualifiers = [c for c in noun.lefts if c.dep_ in NAME_QUALIFIER_DEPS]
    if not any(t.pos_ == "PROPN" or t.ent_type_ for c in qualifiers for t in c.subtree):
        return None
    words = noun.doc[min(c.left_edge.i for c in qualifiers) : noun.i + 1]
    if words[0].lower_ in DEFINITE | INDEFINITE:
        words = words[1:]
    return words.text


def names_the_document(sentence: Span, noun: str) -> bool:
    """Whether ``sentence`` names the document ``noun`` (a lemma): the noun itself ("said in
    a statement"), or a verb the noun is made from ("emailed" for *email*, "filed" for
    *filing*, "ruled" for *ruling*: the verb without its final e starts the noun)."""
    for token in sentence:
        word = token.lemma_.lower()
        if token.pos_ in ("NOUN", "PROPN") and word == noun:
            return True
        stem = word[:-1] if word.endswith("e") else word
        if token.pos_ == "VERB" and len(stem) >= MIN_STEM and noun.startswith(stem):
            return True
    return False


# The shortest verb stem that may make a document's noun ("fil" → filing, "rul" → ruling).
MIN_STEM = 3


def document_author(discourse: Discourse, span: Span) -> str | None:
    """ "the statement said": who spoke last before it, within two paragraphs ("the museum
    said on Monday … “…,” the statement said"). document_named_by_last_speaker: an
    organisation speaks through its documents, but a person or a place that spoke last is
    the author only when the sentence of their cue names the document or the act that made
    it ("Abedin emailed supporters … The email goes on"). Not "…, said Brigid Harrison.
    According to the exit polls …": nothing ties the polls to her."""
    offset, noun = span.start_char, span.root.lemma_.lower()
    for turn in reversed(discourse.turns):
        label = discourse.labels.get(turn.entity) if turn.entity else None
        if label in ORG_LABELS | {PERSON}:
            if discourse.paragraph_of(offset) - turn.paragraph > 2:
                return None
            if label == "ORG":
                return turn.entity
            where = turn.start if turn.cue is None else turn.cue
            cue = span.doc.char_span(where, where + 1, alignment_mode="expand")
            return turn.entity if cue is not None and names_the_document(cue.sent, noun) else None
    return None


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CONJ = "conj"
# How many sentences back "the two lawmakers" looks for the people named together: a
# paragraph of the letter or statement they signed may stand between.
TOGETHER_SENTENCES = 5


def sentences_back(span: Span, n: int) -> int:
    """The first token of the sentence ``n`` sentences before the one ``span`` starts in."""
    doc = span.doc
    first = doc[span.start].sent.start
    for _ in range(n):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    return first


def _person_at(discourse: Discourse, offset: int) -> str | None:
    for mention in discourse.mentions:
        if mention.start <= offset < mention.end and not mention.in_quote:
            return mention.entity if discourse.labels.get(mention.entity) == PERSON else None
    return None


def people_named_together(discourse: Discourse, span: Span) -> list[str]:
    """ "Goodlatte and Committee Chairman Trey Gowdy sent a letter … The two lawmakers
    argue": the people last named together as the subject of a clause ("X and Y"), in this
    sentence or the ``TOGETHER_SENTENCES`` before it; empty when there are none."""
    doc = span.doc
    for token in reversed(doc[sentences_back(span, TOGETHER_SENTENCES) : span.start]):
        if token.dep_ not in SUBJECT_DEPS or not _person_at(discourse, token.idx):
            continue
        people = [_person_at(discourse, t.idx) for t in (token, *repair_conjoined(token))]
        named = list(dict.fromkeys(p for p in people if p))
        if len(named) > 1:
            return named
    return []


def repair_conjoined(subject) -> list:
    """The words conjoined with a subject, also where the small model hangs the second one
    on the first one's apposition: "Felicia Wong, president of the Roosevelt Institute, a
    progressive think tank, and Stan Greenberg applauded" (Greenberg a conjunct of
    "tank")."""
    return [t for t in subject.subtree if t.dep_ == CONJ]


def names_together(discourse: Discourse, people: list[str]) -> str:
    """ "Bob Goodlatte and Trey Gowdy"; "A, B and C"."""
    names = [discourse.names[e] for e in people]
    return ", ".join(names[:-1]) + " and " + names[-1]


def resolve_description(
    discourse: Discourse, span: Span, quote: tuple[int, int] | None = None
) -> Described:
    """What the description ``span`` (a speaker mention naming no entity) of the quote
    whose words stand at ``quote`` (start, end) refers to."""
    kind = kind_of(span)
    word = head_word(span)
    definite = determiner(span) in DEFINITE
    if kind == "thing":
        return Described(None, "thing", is_thing=True)
    plural = span.root.tag_ in PLURAL_TAGS
    if definite and (plural or any(t.like_num for t in span)) and kind != "group":
        # "the two lawmakers", "the committee chairmen", "the two"
        people = people_named_together(discourse, span)
        if people:
            name = names_together(discourse, people)
            return Described(None, TOGETHER_RULE, label=PERSON, name=name)
    if kind in ("group", "other") or (plural and kind in ("role", "person", "anonymous")):
        return Described(None, "group" if kind != "other" else "as written", kept=True)
    if kind == "document":
        issuer = own_issuer(discourse, span)
        if issuer:
            return Described(issuer, "document author", label=discourse.labels[issuer])
        owner_gender = possessive_pronoun(span)
        if owner_gender and speaks(span):
            # possessed_document: "one of her ads asking …" is hers, ranked as "her" would be
            return Described(None, "ranked", label=PERSON, gender=owner_gender)
    persons = kind in ("role", "person", "anonymous")
    named = kin_named_before(discourse, span) if persons and is_possessed(span) else None
    if named:
        return Described(named, "kin named before", label=PERSON)
    if is_possessed(span) or not definite or (persons and related_to_a_person(span)):
        if persons:  # "a retiree", "his wife", "the wife of John Tory": nobody named
            return Described(None, "unnamed", label=PERSON)
        return Described(None, "as written", label=_KIND_LABELS.get(kind), kept=True)
    if kind in ("role", "anonymous"):
        entity = entity_with_role(discourse, role_phrase(span), span.start_char)
        entity = entity or holder_of_a_like_title(discourse, role_phrase(span), span.start_char)
        if entity:
            return Described(entity, "role", label=PERSON)
    if kind == "anonymous":  # "the official", "the man": nobody named unless titled so
        return Described(None, "unnamed", label=PERSON)
    if kind in ("role", "person"):  # "the billionaire businessman": ranked as "he" would be
        words = [t.lower_ for t in span if t.pos_ in ("NOUN", "PROPN")]
        shown = noun_gender(words)  # "the spokesman" may be a woman (generic_man_noun)
        return Described(None, "ranked", label=PERSON, gender=None if shown.weak else shown.value)
    if kind == "organisation":
        entity = organisation_of_kind(discourse, word, span.start_char, quote)
        named = named_with_the_same_noun(span)
        if named and not (entity and word in discourse.names[entity].lower()):
            return Described(None, "organisation", label="ORG", name=named)
        if entity:
            return Described(entity, "organisation", label=discourse.labels[entity])
    if kind == "document":
        entity = issuer_named_with(discourse, span)
        described = None if entity else issuer_described(span)
        if described is not None:
            return described
        entity = entity or document_author(discourse, span)
        if entity:
            return Described(entity, "document author", label=discourse.labels[entity])
    # "the central bank", "the report": a source the article names only so
    return Described(None, "as written", label=_KIND_LABELS.get(kind), kept=True)
