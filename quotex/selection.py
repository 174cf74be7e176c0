"""Entity mentions inside or outside quotations.

A mention is ``in_quote`` when it lies in someone's words: inside a direct quote or
inside the quote marks of a mixed quote (set by :func:`quotex.records.from_doc`).
:func:`entities_in_scope` keeps the mentions on one side and drops entities left
without any. A quote whose speaker's entity is dropped keeps its ``speaker`` name and
``speaker_mention`` and gets ``speaker_entity`` ``None``, so no id points at an entity
that is not in the result.
"""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum

from quotex.records import DocResult


class EntityScope(StrEnum):
    """Which entity mentions to keep."""

    ALL = "all"
    IN_QUOTE = "in-quote"
    OUTSIDE = "outside"


def entities_in_scope(result: DocResult, scope: EntityScope | str) -> DocResult:
    """``result`` with only the entity mentions in ``scope``.

    An entity keeps its id, name and label, and is dropped when none of its mentions
    are left; a quote's ``speaker_entity`` naming a dropped entity becomes ``None``
    (the rest of the quote is unchanged). ``EntityScope.ALL`` returns ``result`` itself.
    """
    scope = EntityScope(scope)
    if scope is EntityScope.ALL:
        return result
    wanted = scope is EntityScope.IN_QUOTE
    entities = []
    for entity in result.entities:
        mentions = tuple(m for m in entity.mentions if m.in_quote is wanted)
        if mentions:
            entities.append(replace(entity, mentions=mentions))
    kept = {entity.id for entity in entities}
    quotes = tuple(
        quote
        if quote.speaker_entity in kept or quote.speaker_entity is None
        else replace(quote, speaker_entity=None)
        for quote in result.quotes
    )
    return replace(result, quotes=quotes, entities=tuple(entities))
