"""The library's worker: texts in, ``DocResult`` records out, one streaming pass.

``extract`` handles one text; ``extract_documents`` streams a corpus through one
``nlp.pipe`` (batched, optionally in several processes), keeps input order, passes read
failures through, and reports a document the pipeline fails on as an ``ExtractFailure``
instead of stopping. Texts longer than the pipeline's ``max_length`` are cut at
paragraph breaks into chunks whose results are joined with global offsets.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from quotex.components.paragraphs import paragraph_spans
from quotex.io.readers import Document, ReadFailure
from quotex.records import DocResult, Entity, Quote, from_doc

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_BATCH_SIZE = 32
UNUSED_COMPONENTS = ()  # every component of the default pipeline feeds quotex


@dataclass(frozen=True)
class ExtractFailure:
    """A document the pipeline could not process."""

    source: str
    message: str


Item = DocResult | ReadFailure | ExtractFailure


def chunk_text(text: str, limit: int) -> list[tuple[int, str]]:
    """(offset, piece) chunks of at most ``limit`` characters, cut at paragraph breaks.

    A paragraph longer than the limit is cut at the last space before it (or hard).
    """
    if len(text) <= limit:
        return [(0, text)]
    chunks: list[tuple[int, str]] = []
    start = 0
    bounds = [end for _, end in paragraph_spans(text)]
    while start < len(text):
        stop = min(start + limit, len(text))
        if stop < len(text):
            fitting = [b for b in bounds if start < b <= stop]
            if fitting:
                stop = fitting[-1]
            else:
                space = text.rfind(" ", start + 1, stop)
                stop = space if space > start else stop
        chunks.append((start, text[start:stop]))
        start = stop
    return chunks


def _merge(doc_id: str, meta: dict[str, Any] | None, parts: list[DocResult]) -> DocResult:
    """One result from the results of a document's chunks; entities joined by name."""
    if len(parts) == 1:
        return parts[0]
    quotes = [q for part in parts for q in part.quotes]
    quotes = [
        Quote(**{**q.__dict__, "id": f"q{n}"}) for n, q in enumerate(quotes, start=1)
    ]
    merged: dict[tuple[str, str], Entity] = {}
    renamed: dict[tuple[int, str], str] = {}
    for number, part in enumerate(parts):
        for entity in part.entities:
            key = (entity.name, entity.label)
            if key in merged:
                old = merged[key]
                merged[key] = Entity(old.id, old.name, old.label, old.mentions + entity.mentions)
            else:
                merged[key] = Entity(f"e{len(merged) + 1}", entity.name, entity.label,
                                     entity.mentions)
            renamed[(number, entity.id)] = merged[key].id
    offsets = [0]
    for part in parts[:-1]:
        offsets.append(offsets[-1] + len(part.quotes))
    fixed = []
    for q in quotes:
        part_no = next(i for i in reversed(range(len(parts))) if int(q.id[1:]) > offsets[i])
        entity = renamed.get((part_no, q.speaker_entity)) if q.speaker_entity else None
        fixed.append(Quote(**{**q.__dict__, "speaker_entity": entity}))
    return DocResult(doc_id, tuple(fixed), tuple(merged.values()), meta)


def extract(text: str, nlp: Language | None = None, *, doc_id: str = "text",
            meta: dict[str, Any] | None = None) -> DocResult:
    """Quotes, speakers and entities of one text. Loads the default pipeline if none given."""
    if nlp is None:
        from quotex.pipeline import load_nlp

        nlp = load_nlp()
    item = next(extract_documents([Document(doc_id, text, meta, doc_id)], nlp))
    if isinstance(item, DocResult):
        return item
    raise ValueError(item.message)


def extract_documents(items: Iterable[Document | ReadFailure], nlp: Language, *,
                      batch_size: int = DEFAULT_BATCH_SIZE,
                      n_process: int = 1) -> Iterator[Item]:
    """Stream results in input order; failures are yielded, never raised."""
    limit = nlp.max_length

    def tasks() -> Iterator[tuple[str, tuple[int, int, int]]]:
        for number, item in enumerate(pending_source):
            pending[number] = item
            if isinstance(item, ReadFailure):
                yield "", (number, -1, 0)
                continue
            chunks = chunk_text(item.text, limit)
            for part, (offset, piece) in enumerate(chunks):
                yield piece, (number, part, offset if part < len(chunks) - 1 else -2 - offset)

    pending: dict[int, Document | ReadFailure] = {}
    pending_source = iter(items)
    parts: list[DocResult] = []
    failed: str | None = None
    stream = nlp.pipe(tasks(), as_tuples=True, batch_size=batch_size, n_process=n_process)
    for doc, (number, part, coded) in stream:
        item = pending[number]
        if isinstance(item, ReadFailure):
            del pending[number]
            yield item
            continue
        last = coded < 0
        offset = -2 - coded if last else coded
        try:
            parts.append(from_doc(doc, item.id, item.meta, offset))
        except Exception as exc:  # noqa: BLE001  (one bad document must not stop a corpus)
            failed = failed or str(exc)
        if last:
            del pending[number]
            if failed:
                yield ExtractFailure(item.source or item.id, f"not processed: {failed}")
            else:
                yield _merge(item.id, item.meta, parts)
            parts, failed = [], None
