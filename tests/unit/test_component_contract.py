"""The spaCy contract of the attributor, on a hand-built parse: quote spans with getters
over the plain records, DocBin round trips, a clear error without its inputs."""

from __future__ import annotations

import pytest
import spacy
from handbuilt import VOCAB, parsed
from spacy.tokens import DocBin

from quotex.components.attribution import Attributor, attribute, quote_record
from quotex.components.entities import EntityLinker
from quotex.components.quotes import QuoteFinder
from quotex.pipeline import add_title_abbreviations

TEXT = "“We will not retreat,” said Mr. Kamp."


def annotate(doc, **config):
    for component in (QuoteFinder(), EntityLinker(), Attributor(**config)):
        doc = component(doc)
    return doc


def test_quotes_are_spans_with_getters_over_the_records() -> None:
    doc = annotate(parsed(TEXT))
    [span] = doc.spans["quotex_quotes"]
    assert (span.label_, span.text) == ("direct", "We will not retreat,")
    assert (span._.speaker, span._.speaker_entity) == ("Kamp", "e1")
    assert (span._.cue.text, span._.speaker_mention.text) == ("said", "Mr. Kamp")
    assert quote_record(span) is doc._.quotex_quotes[0]


def test_span_getters_follow_an_edit_of_the_records() -> None:
    doc = annotate(parsed(TEXT))
    doc._.quotex_quotes[0]["speaker"] = "Jan Kamp"
    doc._.quotex_quotes[0]["cue"] = None
    [span] = doc.spans["quotex_quotes"]
    assert span._.speaker == "Jan Kamp" and span._.cue is None


def test_quote_spans_survive_a_docbin_round_trip() -> None:
    doc = annotate(parsed(TEXT))
    stored = DocBin(store_user_data=True)
    stored.add(doc)
    [back] = DocBin().from_bytes(stored.to_bytes()).get_docs(VOCAB)
    [span] = back.spans["quotex_quotes"]
    assert (span.label_, span._.speaker, span._.cue.text) == ("direct", "Kamp", "said")


def test_attributor_without_its_inputs_names_them() -> None:
    with pytest.raises(ValueError, match="quotex_quotes and quotex_entities"):
        Attributor()(parsed(TEXT))
    with pytest.raises(ValueError, match="needs quotex_entities"):
        Attributor()(QuoteFinder()(parsed(TEXT)))


def test_extra_cues_make_a_verb_a_cue() -> None:
    text = "Jan Kamp said the plan failed."
    doc = parsed(text, edit={2: {"lemma": "bloviate"}})
    doc = QuoteFinder()(EntityLinker()(doc))
    assert attribute(doc) == []
    [record] = attribute(doc, extra_cues=["bloviate"])
    assert text[record["start"] : record["end"]] == "the plan failed"


def test_factory_config_takes_extra_cues() -> None:
    import quotex.components.attribution  # noqa: F401  (registers the factory)

    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("quotex_attribution", config={"extra_cues": ["bloviate"]})
    assert pipe.extra_cues == ("bloviate",)


def test_title_abbreviations_stay_one_token() -> None:
    nlp = spacy.blank("en")
    text = "said Air Force 1st Lt. Tyler Livingston and Police Sgt. Mary Lee."
    assert "Lt" in [t.text for t in nlp(text)]  # spaCy alone splits off the full stop
    add_title_abbreviations(nlp)
    words = [t.text for t in nlp(text)]
    assert "Lt." in words and "Sgt." in words and words[-1] == "."
