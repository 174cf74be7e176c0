"""Who a cue's source is: the subject of a cue verb, found through the parse.

``subject_of`` tries the cue's own subject, then climbs to the verb or noun that lends
the cue its subject (``SUBJECT_CLIMBS``), then the rules that end at a noun
(``SUBJECT_NOUNS``), then repairs of the small model's misparses. Each rule is one
function named for what it recognises, with the sentence it was written for.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from spacy.tokens import Token

from quotex.components.attribution.cues import nominal_lemmas
from quotex.components.attribution.syntax import (
    ACL,
    ADVCL,
    ADVMOD,
    AGENT,
    APPOS,
    CCOMP,
    CLAUSE_DEPS,
    COMPOUND,
    CONJ,
    DATELINE_DASHES,
    DOBJ,
    GERUND_TAG,
    INHERIT_SUBJECT_DEPS,
    NOMINAL_POS,
    NOUN_PHRASE_DEPS,
    NOUN_POS,
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    PCOMP,
    POBJ,
    PREP,
    PROPN,
    RELCL,
    SPEAKER_ENTITIES,
    SUBJECT_DEPS,
    TIME_ENTITIES,
    XCOMP,
    lemma,
)
from quotex.components.people import person_nouns
from quotex.lexicon import entries
from quotex.names import title_words

# How many heads ``subject_of`` climbs (conjoined verb → its head → …) before it gives
# up: real chains are two or three links long; longer ones are misparses.
SUBJECT_CLIMB_LIMIT = 4


def nearest_subject(verb: Token, inside: dict[int, int]) -> Token | None:
    """The verb's own subject outside quote marks; of two, the nearest.

    "His final assessment: “It's not quite optimistic,” he said": the parser gives *said*
    two subjects; *he* is the nearer. A relative pronoun is kept as written ("who said"):
    its antecedent names it later.
    """
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i not in inside]
    if not subjects:
        return None
    return min(subjects, key=lambda c: abs(c.i - verb.i))


def name_read_as_auxiliary(verb: Token, inside: dict[int, int]) -> Token | None:
    """name_read_as_auxiliary: "Green Party co-leader Elizabeth May tweeted that …": the
    parser reads the surname "May" as a modal before the verb (and "-" of "co-leader" as
    the subject); a name the tagger marks right before the verb is its subject."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is None or before.head != verb or before.dep_ != "aux" or before.i in inside:
        return None
    return before if before.ent_type_ == "PERSON" else None


# The words that open a pseudo-cleft: "all she could do was shout …", "what he did was say …".
CLEFT_WORDS = frozenset({"all", "what"})


def pseudo_cleft_doer(subject: Token) -> Token | None:
    """pseudo_cleft_doer: "all she could do was shout ''Yessss!''", "What he did was say
    that …": the cue's parsed subject is "all" (or the clause "he did"); who speaks is the
    subject of the clause that says what was done."""
    if subject.lower_ in CLEFT_WORDS:
        clauses = [c for c in subject.children if c.dep_ == RELCL]
    elif subject.dep_ == "csubj" and any(c.lower_ in CLEFT_WORDS for c in subject.children):
        clauses = [subject]
    else:
        return None
    for clause in clauses:
        doer = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
        if doer is not None and doer.pos_ in NOMINAL_POS:
            return doer
    return None


def cleft_hung_on_copula(verb: Token) -> Token | None:
    """ "What he did was say that …" parsed with "was" as the cue's auxiliary and "what he
    did" as the subject of "was": the doer of that clause (``pseudo_cleft_doer``)."""
    for aux in verb.children:
        if aux.dep_ in ("aux", "auxpass") and aux.lemma_ == "be":
            for clause in aux.children:
                if clause.dep_ == "csubj":
                    return pseudo_cleft_doer(clause)
    return None


def subject_parsed_as_object_of_as(verb: Token, inside: dict[int, int]) -> Token | None:
    """ "As Akhil Amar, professor of law at Yale, put it, ''…''": the parser can take
    "As" for a preposition and the speaker for its object; the name is the subject of the
    cue it opens ("As Smith noted", "As the chief executive put it")."""
    for child in verb.children:
        if child.lower_ != "as" or child.i > verb.i or child.dep_ not in ("mark", "prep"):
            continue
        for noun in child.children:
            if noun.dep_ == POBJ and noun.pos_ in NOMINAL_POS and noun.i not in inside:
                return noun
    return None


# "'s" read as "is" before a participle: the parser's passive of "he's said" (he has said).
CONTRACTED_AUX = frozenset({"'s", "’s"})
# Verbs whose passive a clause can follow ("she's told that …" is she being told).
LISTENER_VERBS = frozenset({"tell", "warn", "remind", "assure", "inform", "ask", "advise"})


def contracted_has_read_as_passive(verb: Token, inside: dict[int, int]) -> Token | None:
    """ "He's said he gets his ideas from Ayn Rand": the parser reads "'s" as "is" and
    "He" as a passive subject; with a clause after the verb (no "to": "he's said to be" is
    passive) and no listener verb ("she's told that …"), "'s" is "has" and "He" speaks."""
    aux = [c for c in verb.children if c.dep_ == "auxpass" and c.lower_ in CONTRACTED_AUX]
    subject = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
    if not aux or subject is None or subject.i in inside or subject.lower_ == "it":
        return None
    if lemma(verb) in LISTENER_VERBS or any(c.dep_ == XCOMP for c in verb.children):
        return None
    return subject if any(c.dep_ == CCOMP for c in verb.children) else None


# How many clause links a reported clause may sit below its reporting verb for a cue
# conjoined to it to be lifted out ("said X would give …, and called …").
REPORTED_CLAUSE_DEPTH = 3
PARTICIPLE_TAG = "VBG"


def cue_hung_in_reported_clause(verb: Token) -> Token | None:
    """ "Sen. Paul said Rubio's plan would give money to immigrants, and called him “…”":
    the parser conjoined the second cue to the reported clause ("give"). After a comma, a
    cue of another verb form than that clause's verb, a participle (", saying …"), or a
    speech verb after a comma or "but" ("said it was too early but added, “…”") shares the
    reporting verb's subject, not the reported clause's."""
    if verb.dep_ not in (CONJ, ADVCL) or verb.head.i == verb.i:
        return None
    head = verb.head
    doc = verb.doc
    comma = any(t.text == "," for t in doc[max(head.i + 1, verb.i - 3) : verb.i])
    speech = lemma(verb) in entries("reporting_verbs", "speech")
    turn = comma or any(t.lower_ == "but" for t in doc[max(head.i + 1, verb.i - 3) : verb.i])
    if verb.dep_ == CONJ and verb.tag_ == head.tag_ and not (turn and speech):
        return None  # "insulted women, and attacked them": one subject
    if verb.dep_ == ADVCL and not comma:
        return None
    if verb.dep_ == ADVCL and verb.tag_ != PARTICIPLE_TAG:
        return None
    node = head
    for _ in range(REPORTED_CLAUSE_DEPTH):
        if node.dep_ == CCOMP:
            reporter = node.head
            if reporter.i < node.i and lemma(reporter) in entries("reporting_verbs"):
                return reporter
            return None
        if node.dep_ not in INHERIT_SUBJECT_DEPS or node.head.i == node.i:
            return None
        node = node.head
    return None


def subject_from_head_verb(verb: Token) -> Token | None:
    """A conjoined, infinitive or adverbial cue shares its head's subject.

    "She smiled and said …", "He wants to say …", "…, adding that …". Of conjoined verbs,
    the nearest one before the cue with a subject of its own lends it ("A group called
    for a boycott, and the League denounced his rhetoric and said …": the League said).
    """
    if verb.dep_ not in INHERIT_SUBJECT_DEPS or verb.head.i == verb.i:
        return None
    reporter = participle_of_the_report(verb)
    if reporter is not None:
        return reporter
    if verb.dep_ == CONJ:
        siblings = [
            c
            for c in verb.head.children
            if c.dep_ == CONJ and c.i < verb.i and any(s.dep_ in SUBJECT_DEPS for s in c.children)
        ]
        if siblings:
            return siblings[-1]
    return verb.head


# Clauses a participle's head may sit in while the participle goes on the report around them.
ASIDE_CLAUSE_DEPS = frozenset({ADVCL, RELCL})


def participle_of_the_report(verb: Token) -> Token | None:
    """ "“…,” Hannity said … after the first-term senator easily won his primary,
    remarking that …": the parser hangs the participle on the verb of the clause between
    (*won*); after a comma it goes on the speech verb that clause hangs from (*said*)."""
    head = verb.head
    if verb.dep_ != ADVCL or verb.tag_ != GERUND_TAG or verb.i == 0:
        return None
    if verb.doc[verb.i - 1].text != "," or head.dep_ not in ASIDE_CLAUSE_DEPS:
        return None
    speech = entries("reporting_verbs", "speech", "writing")
    reporter = head.head
    if lemma(head) in speech or lemma(reporter) not in speech or reporter.i > verb.i:
        return None
    if not any(c.dep_ == "nsubj" for c in reporter.children):  # "has been criticized"
        return None
    return reporter


def subject_from_statement_issuer(verb: Token) -> Token | None:
    """ "Clinton issued a statement saying …", "Stanton wrote a letter asking …": the
    participle of a cue noun or of a document's noun speaks for its issuer (the verb the
    noun is the object of)."""
    if verb.dep_ != ACL:
        return None
    noun = verb.head
    if lemma(noun) in nominal_lemmas():
        return noun.head
    issued = noun.dep_ in OBJECT_DEPS and lemma(noun.head) in entries("cue_roles", "issuing")
    if issued and lemma(noun) in entries("sources", "document"):
        return noun.head
    return None


def subject_from_prepositional_gerund(verb: Token) -> Token | None:
    """ "won the nomination by promising …": the one who won promised."""
    if verb.dep_ == PCOMP and verb.head.dep_ == PREP and verb.head.head.i != verb.i:
        return verb.head.head
    return None


def relative_clause_antecedent(verb: Token) -> Token | None:
    """ "the senator, whose aide said …" with no subject found: the noun the clause qualifies."""
    return verb.head if verb.dep_ == RELCL else None


def name_before_gerund(verb: Token) -> Token | None:
    """name_before_gerund: a gerund right after a name the parser made an object, with no
    comma between, has that name for its subject: "Trump reminds me of Abraham Lincoln
    saying that …", "Voters recalled Obama saying …" (not "Trump attacked Clinton, saying
    …", where the subject speaks)."""
    if verb.tag_ != GERUND_TAG or verb.dep_ != ADVCL or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.pos_ == PROPN and before.dep_ in ("dobj", "pobj"):
        return before
    return None


# Quantifiers a parser hangs a gerund on, standing for the names before them: "with Donald
# Trump, Mike Huckabee and Chris Christie all calling for …".
FLOATING_QUANTIFIERS = frozenset({"all", "both", "each"})


def noun_qualified_by_gerund(verb: Token) -> Token | None:
    """ "a petition calling on him to resign", "911 calls saying …": the noun speaks (the
    names before "all" or "both", floating_quantifier);
    recording_of_speaker: but for the person a recording is of ("a clip of McCain saying
    he will support the nominee", "video of Clinton telling donors …")."""
    head = verb.head
    if verb.dep_ == ACL and head.lower_ in FLOATING_QUANTIFIERS and head.dep_ == "appos":
        head = head.head  # floating_quantifier: "Trump, Huckabee and Christie all calling"
    if verb.dep_ == ACL and verb.tag_ == GERUND_TAG and head.pos_ in NOUN_POS:
        return _recorded_person(head) or head
    return None


def _recorded_person(noun: Token) -> Token | None:
    """The name in "of NAME" after a document's noun ("a clip of McCain"), if any."""
    if lemma(noun) not in entries("sources", "document"):
        return None
    for prep in noun.children:
        if prep.dep_ == PREP and prep.lower_ == "of":
            named = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == PROPN]
            if named:
                return named[0]
    return None


PAST_TAG = "VBD"


def repair_name_with_finite_acl(verb: Token) -> Token | None:
    """ "-- which Apple's chief executive, Tim Cook, called ''total political crap'' --":
    the parser hung the past-tense cue on the name as if it qualified it ("a show called
    ''Lost''" has a participle, VBN, and a common noun); a name before a finite verb is its
    subject."""
    head = verb.head
    if verb.dep_ == ACL and verb.tag_ == PAST_TAG and head.pos_ == PROPN and head.i < verb.i:
        return head
    return None


def repair_subject_hung_on_clause(verb: Token, inside: dict[int, int]) -> Token | None:
    """ "Jeffrey Salkin, a rabbi helping …, said he …": the parser made the subject's noun
    phrase a clause of its own (its head "rabbi", Salkin that clause's subject)."""
    for child in verb.lefts:
        if child.dep_ in CLAUSE_DEPS and child.i not in inside:
            inner = next((c for c in child.lefts if c.dep_ in SUBJECT_DEPS), None)
            if inner is not None and inner.pos_ == PROPN:
                return inner
    return None


# How far before its verb a closing quote mark may sit for the noun phrase between them to
# be the verb's subject: a name and an appositive ("Daley, Obama's former chief of staff,").
AFTER_QUOTE_SPAN = 20
PROPER_TAG = "NNP"
SENTENCE_ENDS = frozenset({".", "!", "?"})
QUOTE_CLOSING_PUNCT = frozenset({",", "?", "!"})  # “…,” NAME said: a quote handed to its speaker


def repair_subject_after_closing_quote(verb: Token, inside: dict[int, int]) -> Token | None:
    """ "''They were professionals,'' William M. Daley, Obama's former chief of staff, said":
    the parser hung the name on the quote's words and left *said* without a subject; the
    noun phrase between the closing quote mark and the verb speaks (its head: the last of
    its compounds; a capitalised word even when tagged an adjective: "Trump, 70, told")."""
    doc = verb.doc
    first = max(0, verb.i - AFTER_QUOTE_SPAN)
    mark = next((i for i in range(verb.i - 1, first - 1, -1) if i in inside), None)
    if mark is None or not doc[mark].is_quote or doc[mark - 1].text not in QUOTE_CLOSING_PUNCT:
        return None
    between = doc[mark + 1 : verb.i]
    if not between or any(t.text in SENTENCE_ENDS for t in between):
        return None
    noun = next((t for t in between if not t.is_punct and not t.is_space), None)
    if noun is None:
        return None
    while noun.dep_ == COMPOUND and mark < noun.head.i < verb.i and noun.head.i > noun.i:
        noun = noun.head
    named = noun.tag_ == PROPER_TAG or noun.ent_type_ in SPEAKER_ENTITIES or noun.is_title
    if not (noun.pos_ in NOUN_POS or named) or noun.ent_type_ in TIME_ENTITIES:
        return None
    return noun


def repair_subject_in_fronted_phrase(verb: Token, inside: dict[int, int]) -> Token | None:
    """ "In a call on Dec. 2, Col. Steven H. Warren, a military spokesman, said …": the
    parser made the name an appositive of the date (or a conjunct of a place: "In a panel
    in Washington, Marc H. Morial, the chief executive of the League, forcefully told …")
    and left the verb without a subject; a named appositive or conjunct whose phrase ends
    right before the verb (its adverbs aside) speaks. So does a name the parser made the
    object of the fronted phrase's preposition when a comma sets it off (name_after_fronted_
    comma: "At a picket line outside the port's east gate, veteran dockworker Jean-François
    Tremblay said morale was high")."""
    for token in verb.doc[verb.sent.start : verb.i]:
        if token.i in inside:
            continue
        if token.dep_ not in FRONTED_NAME_DEPS and not (
            token.dep_ == POBJ and _set_off_by_comma(token)
        ):
            # role_read_as_verb: "Alouettes quarterback Tre'Von Mitchell, who threw …, said
            # he …" ("quarterback" parsed as a verb, the name its object)
            if not (
                token.dep_ == DOBJ
                and token.ent_type_ == "PERSON"
                and token.head.lower_ in person_nouns()
            ):
                continue
        if token.ent_type_ not in SPEAKER_ENTITIES:
            continue
        after = token.right_edge.i + 1
        while (
            after < verb.i and after not in inside and _between_name_and_verb(verb.doc[after], verb)
        ):
            after += 1
        if after == verb.i:
            return token
    return None


FRONTED_NAME_DEPS = frozenset({APPOS, CONJ})


# The words a name's noun phrase may open with after the comma: "veteran dockworker".
NAME_PHRASE_DEPS = frozenset({COMPOUND, "amod", "punct"})


def _set_off_by_comma(name: Token) -> bool:
    """Whether a comma opens the name's phrase: ", veteran dockworker Jean-François
    Tremblay" (its role words and the hyphens of its name between)."""
    doc = name.doc
    i = name.i - 1
    while i > name.sent.start and doc[i].text != "," and doc[i].dep_ in NAME_PHRASE_DEPS:
        i -= 1
    return doc[i].text == ","


def _between_name_and_verb(token: Token, verb: Token) -> bool:
    return token.is_punct or (token.dep_ == ADVMOD and token.head == verb)


def repair_dateline_subject(subject: Token) -> Token:
    """ "WASHINGTON -- President Obama … said": the parser makes the dateline the subject
    and the speaker its appositive; the appositive speaks."""
    doc = subject.doc
    after = doc[subject.i + 1] if subject.i + 1 < len(doc) else None
    if subject.text.isupper() and after is not None and after.text in DATELINE_DASHES:
        appos = next((c for c in subject.rights if c.dep_ == APPOS), None)
        if appos is not None:
            return appos
    return subject


def name_closing_title_phrase(subject: Token) -> Token:
    """title_phrase_names_a_person: "Court of King's Bench Justice Shauna McCarthy handed
    down the sentence, calling …", "Chief of Police Myron Demkiw said …": the parser makes
    the title's first noun the subject and the name the object of its "of"; the name
    speaks. The subject must be a capitalised title or organisation word and every word
    after "of" capitalised, so "The wife of Mayor John Tory said" and "Friends of Jane Doe
    said" keep their subject."""
    if not subject.text[:1].isupper() or subject.lower_ not in _title_phrase_heads():
        return subject
    doc = subject.doc
    for prep in subject.rights:
        if prep.dep_ != PREP or prep.lower_ != "of":
            continue
        name = next((c for c in prep.children if c.dep_ == POBJ), None)
        if (
            name is not None
            and name.ent_type_ == "PERSON"
            and name.right_edge.i == name.i
            and all(t.text[:1].isupper() for t in doc[prep.i + 1 : name.i + 1] if t.is_alpha)
        ):
            return name
    return subject


@cache
def _title_phrase_heads() -> frozenset[str]:
    return title_words() | entries("name_words", "organisation")


def passive_subject_of_control_verb(
    verb: Token, head: Token | None, inside: dict[int, int]
) -> Token | None:
    """ "Mr. Trump was prompted to say …", "she was asked to explain …": a cue infinitive
    under a passive verb takes that verb's passive subject (who was prompted says); so
    does a gerund after "as" (quoted_as_saying: "Carolyn Rogers was quoted as saying the
    bank was ready")."""
    as_gerund = verb.dep_ == PCOMP and verb.head.lower_ == "as"
    if head is None or not (verb.dep_ == XCOMP or as_gerund):
        return None
    passive = [c for c in head.children if c.dep_ in PASSIVE_SUBJECT_DEPS and c.i not in inside]
    return passive[0] if passive else None


# Verbs whose object does what their infinitive says ("prompted Rubio to call …"); not
# "used an expletive to describe …" (the expletive describes nothing).
OBJECT_CONTROL_VERBS = frozenset(
    {
        "prompt", "ask", "urge", "tell", "lead", "force", "push", "press", "encourage",
        "persuade", "convince", "invite", "allow", "get", "cause", "inspire", "challenge",
        "dare", "pressure", "spur", "move", "compel", "drive", "provoke",
    }
)  # fmt: skip


def object_of_control_verb(verb: Token, head: Token | None, inside: dict[int, int]) -> Token | None:
    """object_of_control_verb: "That prompted Rubio to make a joke and call Trump “very
    flexible”", "asked him to explain": a cue infinitive after its head verb's object has
    that object for subject (who was prompted calls), not the head verb's subject."""
    if head is None or verb.dep_ != XCOMP or lemma(head) not in OBJECT_CONTROL_VERBS:
        return None
    objects = [
        c
        for c in head.children
        if c.dep_ == "dobj" and c.i < verb.i and c.i not in inside and c.pos_ in NOMINAL_POS
    ]
    return objects[0] if objects else None


# Tried in order when a verb has no subject of its own: each returns the token to look
# at next (whose subject the cue shares), or None.
SUBJECT_CLIMBS: tuple[Callable[[Token], Token | None], ...] = (
    cue_hung_in_reported_clause,
    subject_from_head_verb,
    subject_from_statement_issuer,
    subject_from_prepositional_gerund,
)
# Then these, each returning the speaking noun itself.
SUBJECT_NOUNS: tuple[Callable[[Token], Token | None], ...] = (
    relative_clause_antecedent,
    noun_qualified_by_gerund,
    repair_name_with_finite_acl,
)


def subject_repairs(verb: Token, inside: dict[int, int]) -> Token | None:
    """The repairs of misparses that find a subjectless cue's speaker, in order."""
    hung = repair_subject_hung_on_clause(verb, inside)
    hung = hung or repair_subject_after_closing_quote(verb, inside)
    return hung or repair_subject_in_fronted_phrase(verb, inside)


def subject_of(verb: Token, inside: dict[int, int] | None = None) -> Token | None:
    """The subject of a cue verb, looking through conjunction, xcomp, relative clauses,
    prepositions ("won by promising …") and the noun a gerund qualifies ("calls saying …").

    Words inside quote marks are never the subject ("“The ferries left,” she said" can
    come parsed with two subjects).
    """
    inside = inside or {}
    for _ in range(SUBJECT_CLIMB_LIMIT):
        subject = (
            name_read_as_auxiliary(verb, inside)
            or nearest_subject(verb, inside)
            or subject_parsed_as_object_of_as(verb, inside)
            or contracted_has_read_as_passive(verb, inside)
            or cleft_hung_on_copula(verb)
            or name_before_gerund(verb)
        )
        if subject is not None:
            subject = repair_dateline_subject(pseudo_cleft_doer(subject) or subject)
            return name_closing_title_phrase(subject)
        head = next((h for h in (rule(verb) for rule in SUBJECT_CLIMBS) if h is not None), None)
        controlled = passive_subject_of_control_verb(verb, head, inside) or object_of_control_verb(
            verb, head, inside
        )
        if controlled is not None:
            return controlled
        if head is not None and head.i in inside:  # "''…,'' Daley … said": the parser
            repaired = subject_repairs(verb, inside)  # conjoined the cue to the quote's verb
            if repaired is not None:
                return repaired
        if head is None:
            noun = next((n for n in (rule(verb) for rule in SUBJECT_NOUNS) if n is not None), None)
            return noun if noun is not None else subject_repairs(verb, inside)
        verb = head
    return None


def inverted_subject(verb: Token, inside: dict[int, int]) -> Token | None:
    """``"Meh," wrote a Trump supporter``: after a closing quote mark, the noun phrase right
    after the verb is its subject, however the parser attached it."""
    doc = verb.doc
    before = doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.text == "," and verb.i > 1:
        before = doc[verb.i - 2]
    if before is None or not before.is_quote or verb.i + 1 >= len(doc):
        return None
    head = doc[verb.i + 1]
    while head.dep_ in NOUN_PHRASE_DEPS and head.head.i > head.i:
        head = head.head
    if head.pos_ not in NOUN_POS or head.i in inside:
        return None
    return head if head.ent_type_ not in TIME_ENTITIES else None


def has_subject(verb: Token, inside: dict[int, int]) -> bool:
    """Whether the cue has a source: a subject, or an inverted one after a quote."""
    return subject_of(verb, inside) is not None or inverted_subject(verb, inside) is not None


def passive_agent(verb: Token) -> Token | None:
    """ "It was reported by X that …": X, the agent of a passive report."""
    for child in verb.children:
        if child.dep_ == AGENT:
            return next((c for c in child.children if c.dep_ == POBJ), None)
    return None
