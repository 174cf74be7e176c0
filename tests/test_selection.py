"""``--where`` keeps entity mentions on one side of the quote marks; ids stay consistent."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import quotex.pipeline
from quotex.cli import app
from quotex.records import DocResult, Entity, EntityMention, Mention, Quote
from quotex.selection import EntityScope, entities_in_scope

BERG = Entity("e1", "Anna Berg", "PERSON", (EntityMention("Anna Berg", 40, 49, in_quote=False),))
NATO = Entity("e2", "NATO", "ORG", (EntityMention("NATO", 5, 9, in_quote=True),))
QUOTE = Quote(
    "q1", "direct", "NATO will not work", 1, 20, speaker="Anna Berg",
    speaker_mention=Mention("Anna Berg", 40, 49), speaker_entity="e1",
    cue=Mention("said", 35, 39),
)  # fmt: skip
RESULT = DocResult("d", (QUOTE,), (BERG, NATO))


@pytest.mark.parametrize(
    ("scope", "kept", "speaker_entity"),
    [
        (EntityScope.ALL, ["e1", "e2"], "e1"),
        (EntityScope.IN_QUOTE, ["e2"], None),  # the speaker's entity is dropped: no dangling id
        (EntityScope.OUTSIDE, ["e1"], "e1"),
    ],
)
def test_where_leaves_no_speaker_entity_pointing_at_a_dropped_entity(
    scope, kept, speaker_entity
) -> None:
    result = entities_in_scope(RESULT, scope)
    assert [entity.id for entity in result.entities] == kept
    [quote] = result.quotes
    assert quote.speaker_entity == speaker_entity
    assert quote.speaker == "Anna Berg" and quote.speaker_mention == QUOTE.speaker_mention


@pytest.mark.model
@pytest.mark.parametrize("where", ["in-quote", "outside"])
def test_cli_extract_where_gives_speaker_entity_ids_that_exist(nlp, monkeypatch, where) -> None:
    monkeypatch.setattr(quotex.pipeline, "load_nlp", lambda model=None, **_: nlp)
    text = (
        "“NATO and Russia must talk,” said Anders Fogh Rasmussen in Brussels. "
        "“Moscow will answer,” Vladimir Putin told reporters about NATO.\n"
    )
    result = CliRunner().invoke(app, ["extract", "--where", where, "-f", "jsonl"], input=text)
    assert result.exit_code == 0, result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    ids = {entity["id"] for entity in record["entities"]}
    speakers = [quote["speaker_entity"] for quote in record["quotes"]]
    assert speakers and all(entity is None or entity in ids for entity in speakers)
