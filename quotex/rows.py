"""Flat rows of results, one per quote, entity or source: what CSV writes and pandas reads.

:func:`quote_rows`, :func:`entity_rows` and :func:`source_rows` turn
:class:`~quotex.records.DocResult` records into dicts with exactly the columns of the
CSV output, so that ``pandas.DataFrame(quote_rows(results))`` needs no glue: ids and
texts are ``str``, offsets and counts ``int``, ``confidence`` a ``float``, and anything
absent ``None``.

Columns are ``doc_id``, then the document's metadata fields (the JSONL fields besides
the text and id, in the document's order), then the quote's or entity's own columns
(:data:`QUOTE_COLUMNS`, :data:`ENTITY_COLUMNS`). A metadata value that is a list or an
object becomes its JSON text; a metadata field named like one of quotex's own columns
(``type``, ``text``, ``id``, …) is renamed ``meta_<name>`` (:func:`meta_column`), so it
never hides a quotex value. ``speaker_entity`` of a quote is the ``entity_id`` of an
entity row of the same ``doc_id``: the two tables join on ``(doc_id, speaker_entity)``
= ``(doc_id, entity_id)``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from quotex.records import PERSON, DocResult, Entity, Mention, Quote, credited

DOC_ID = "doc_id"
QUOTE_COLUMNS: tuple[str, ...] = (
    "quote_id",
    "type",
    "speaker",
    "speaker_entity",
    "speaker_label",
    "speaker_rule",
    "confidence",
    "speaker_mention",
    "cue",
    "start",
    "end",
    "text",
)
ENTITY_COLUMNS: tuple[str, ...] = (
    "entity_id",
    "name",
    "label",
    "gender",
    "gender_evidence",
    "mentions",
    "in_quote",
    "texts",
    "first_start",
)
SOURCE_COLUMNS: tuple[str, ...] = (
    "kind",
    "name",
    "entity",
    "gender",
    "gender_evidence",
    "quotes",
)
PERSON_KIND = "person"
ORGANISATION_KIND = "organisation"
TEXTS_SEPARATOR = " | "
META_PREFIX = "meta_"
# Names a metadata field may not take as it is: quotex's own columns in CSV, rows and the
# SQLite store (whose documents table has id and text).
RESERVED: frozenset[str] = frozenset(
    {DOC_ID, "id", *QUOTE_COLUMNS, *ENTITY_COLUMNS, *SOURCE_COLUMNS}
)


def meta_column(field: str) -> str:
    """The column a metadata field goes to: its name, or ``meta_<name>`` when quotex uses
    that name itself (``type`` becomes ``meta_type``)."""
    return META_PREFIX + field if field in RESERVED or field.startswith(META_PREFIX) else field


def meta_value(value: Any) -> Any:
    """A metadata value as a cell: ``str``, numbers, ``bool`` and ``None`` as they are,
    lists and objects as their JSON text."""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def meta_cells(result: DocResult) -> dict[str, Any]:
    """The document's metadata as ``{column: cell}``, in the document's order."""
    return {meta_column(key): meta_value(value) for key, value in (result.meta or {}).items()}


def quote_row(result: DocResult, quote: Quote) -> dict[str, Any]:
    """One quote of ``result`` as a flat row (see the module docstring)."""
    return {
        DOC_ID: result.id,
        **meta_cells(result),
        "quote_id": quote.id,
        "type": quote.type,
        "speaker": quote.speaker,
        "speaker_entity": quote.speaker_entity,
        "speaker_label": quote.speaker_label,
        "speaker_rule": quote.speaker_rule,
        "confidence": quote.confidence,
        "speaker_mention": _text(quote.speaker_mention),
        "cue": _text(quote.cue),
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
    }


def entity_row(result: DocResult, entity: Entity) -> dict[str, Any]:
    """One entity of ``result`` as a flat row: its mention count, how many lie in quotes,
    its distinct spellings (joined by ``" | "``) and its first offset."""
    texts = dict.fromkeys(m.text for m in entity.mentions)  # distinct, in first-seen order
    starts = [m.start for m in entity.mentions]
    return {
        DOC_ID: result.id,
        **meta_cells(result),
        "entity_id": entity.id,
        "name": entity.name,
        "label": entity.label,
        "gender": entity.gender,
        "gender_evidence": entity.gender_evidence,
        "mentions": len(entity.mentions),
        "in_quote": sum(1 for m in entity.mentions if m.in_quote),
        "texts": TEXTS_SEPARATOR.join(texts),
        "first_start": min(starts) if starts else None,
    }


def quote_rows(results: Iterable[DocResult]) -> Iterator[dict[str, Any]]:
    """A flat row per quote of ``results``, in order: ``pandas.DataFrame(quote_rows(r))``.

    Items that are not a ``DocResult`` (the failures ``extract_documents`` yields) are
    passed over.
    """
    for result in results:
        if isinstance(result, DocResult):
            yield from (quote_row(result, quote) for quote in result.quotes)


def entity_rows(results: Iterable[DocResult]) -> Iterator[dict[str, Any]]:
    """A flat row per entity of ``results``, in order; joins the quote rows on
    ``(doc_id, entity_id)`` = ``(doc_id, speaker_entity)``. Failures are passed over."""
    for result in results:
        if isinstance(result, DocResult):
            yield from (entity_row(result, entity) for entity in result.entities)


def source_cells(result: DocResult) -> Iterator[dict[str, Any]]:
    """The people (``DocResult.sources``, with their gender) and then the organisations
    (``.organisations``, gender ``None``) quoted in ``result``, as :data:`SOURCE_COLUMNS`."""
    for kind, sources in ((PERSON_KIND, result.sources), (ORGANISATION_KIND, result.organisations)):
        for source in sources:
            person = kind == PERSON_KIND
            yield {
                "kind": kind,
                "name": source.name,
                "entity": source.entity,
                "gender": source.gender if person else None,
                "gender_evidence": source.gender_evidence if person else None,
                "quotes": source.quotes,
            }


def quote_source_cells(result: DocResult) -> Iterator[dict[str, Any]]:
    """One row per quote and source it counts for (``records.credited``): ``quote_id``,
    and the ``kind`` and ``name`` of the source row of :func:`source_cells` it counts in.
    A quote of "McCarthy and Scalise" counts for both; a quote of no source for none."""
    seen: set[tuple[str, tuple[str, str]]] = set()
    for quote, credit in credited(result):
        if (quote.id, credit.key) in seen:
            continue
        seen.add((quote.id, credit.key))
        yield {
            "quote_id": quote.id,
            "kind": PERSON_KIND if credit.label == PERSON else ORGANISATION_KIND,
            "name": credit.entity.name if credit.entity else credit.name,
        }


def source_rows(results: Iterable[DocResult]) -> Iterator[dict[str, Any]]:
    """A flat row per source of ``results``: ``doc_id``, the metadata columns, then
    :data:`SOURCE_COLUMNS` (people first, then organisations, each most quoted first).
    ``entity`` joins the entity rows on ``(doc_id, entity_id)``. Failures are passed over."""
    for result in results:
        if isinstance(result, DocResult):
            meta = meta_cells(result)
            yield from ({DOC_ID: result.id, **meta, **cells} for cells in source_cells(result))


def _text(mention: Mention | None) -> str | None:
    return mention.text if mention is not None else None
