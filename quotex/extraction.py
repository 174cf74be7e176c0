"""The library's worker: texts in, ``DocResult`` records out, one streaming pass.

``extract`` handles one text; ``extract_documents`` streams a corpus through one
``nlp.pipe`` (batched, optionally in several processes), keeps input order, passes read
failures through, and reports a document the pipeline fails on as an ``ExtractFailure``
instead of stopping. Texts longer than ``MAX_CHUNK_CHARS`` (or the pipeline's
``max_length``, if smaller) are cut at paragraph breaks into chunks whose results are
joined with global offsets, so memory stays bounded whatever the document's size.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from quotex.components.paragraphs import paragraph_spans
from quotex.io.readers import Document, ReadFailure
from quotex.records import DocResult, Entity, Quote, from_doc

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_BATCH_SIZE = 32
# The parser and NER need roughly 5 MB per 1,000 characters of one Doc; 100,000-character
# chunks keep a process near 600 MB, while news articles (under 50,000) stay whole.
MAX_CHUNK_CHARS = 100_000
# With several processes: documents per task a worker takes (small, so that the workers
# finish together), and tasks read ahead per worker (one running, the next ones waiting).
TASK_DOCS = 4
TASKS_AHEAD = 3


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
            last = bisect_right(bounds, stop) - 1  # the last paragraph end within reach
            if last >= 0 and bounds[last] > start:
                stop = bounds[last]
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
    quotes = [Quote(**{**q.__dict__, "id": f"q{n}"}) for n, q in enumerate(quotes, start=1)]
    merged: dict[tuple[str, str], Entity] = {}
    renamed: dict[tuple[int, str], str] = {}
    for number, part in enumerate(parts):
        for entity in part.entities:
            key = (entity.name, entity.label)
            if key in merged:
                old = merged[key]
                merged[key] = Entity(old.id, old.name, old.label, old.mentions + entity.mentions)
            else:
                merged[key] = Entity(
                    f"e{len(merged) + 1}", entity.name, entity.label, entity.mentions
                )
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


def _require_document(item: object) -> Document | ReadFailure:
    """``item`` if ``extract_documents`` can take it; else a ``TypeError`` saying what it takes."""
    if isinstance(item, Document):
        if not isinstance(item.text, str):
            kind = type(item.text).__name__
            raise TypeError(f"Document {item.id!r} has a {kind} text, not a str; decode it first")
        return item
    if isinstance(item, ReadFailure):
        return item
    raise TypeError(
        "extract_documents() takes Document or ReadFailure items (quotex.io.readers), "
        f"not {type(item).__name__}; for one text call quotex.extract(text)"
    )


def _documents_only(items: Iterable[Document | ReadFailure]) -> Iterable[Document | ReadFailure]:
    """``items``, refused if they are not documents: a list or tuple whole and at once,
    another iterable item by item as it is read."""
    if isinstance(items, str | bytes | bytearray):
        _require_document(items)
    if isinstance(items, list | tuple):
        return [_require_document(item) for item in items]
    return (_require_document(item) for item in items)


def extract(
    text: str,
    nlp: Language | None = None,
    *,
    doc_id: str = "text",
    meta: dict[str, Any] | None = None,
) -> DocResult:
    """Quotes, speakers and entities of one text. Loads the default pipeline if none given.

    Raises ``TypeError`` for a ``text`` that is not a ``str`` (decode bytes first).
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() takes the text as a str, not {type(text).__name__}")
    if nlp is None:
        from quotex.pipeline import load_nlp

        nlp = load_nlp()
    item = next(extract_documents([Document(doc_id, text, meta, doc_id)], nlp))
    if isinstance(item, DocResult):
        return item
    raise ValueError(item.message)


def extract_documents(
    items: Iterable[Document | ReadFailure],
    nlp: Language,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
) -> Iterator[Item]:
    """Stream results in input order; failures are yielded, never raised.

    A document longer than one chunk is processed on its own, chunk by chunk, when the
    stream reaches it, so its memory is one chunk's whatever ``batch_size`` is. With
    ``n_process > 1`` the documents go to that many worker processes forked from this one
    (:func:`_extract_in_processes`), where the platform can fork. An item that is not a
    ``Document`` or ``ReadFailure`` raises ``TypeError``.
    """
    from quotex.engines.processes import can_fork

    items = _documents_only(items)
    if n_process > 1 and can_fork():
        return _extract_in_processes(items, nlp, batch_size=batch_size, n_process=n_process)
    return _extract_here(items, nlp, batch_size=batch_size, n_process=n_process)


def _extract_in_processes(
    items: Iterable[Document | ReadFailure], nlp: Language, *, batch_size: int, n_process: int
) -> Iterator[Item]:
    """``extract_documents`` in ``n_process`` forked workers; records come back, not Docs.

    Each worker starts with this process's pipeline (no load, no pickling) and turns its
    documents into records itself, so only texts go out and small records come back.
    Documents travel in tasks of at most ``TASK_DOCS`` (and ``batch_size``), taken by
    whichever worker is free, so the workers finish together.
    """
    from quotex.engines.processes import ordered_map

    def work(task: list[Document | ReadFailure]) -> list[Item]:
        return list(_extract_here(task, nlp, batch_size=batch_size, n_process=1))

    tasks = _tasks(items, min(batch_size, TASK_DOCS))
    pool = ordered_map(work, tasks, processes=n_process, window=TASKS_AHEAD * n_process)
    with closing(pool):  # the workers stop when this stream is closed, not when it is collected
        for results in pool:
            yield from results


def _tasks(
    items: Iterable[Document | ReadFailure], size: int
) -> Iterator[list[Document | ReadFailure]]:
    """Lists of ``size`` items, or fewer where their texts reach ``MAX_CHUNK_CHARS``."""
    task: list[Document | ReadFailure] = []
    chars = 0
    for item in items:
        task.append(item)
        chars += len(item.text) if isinstance(item, Document) else 0
        if len(task) >= size or chars >= MAX_CHUNK_CHARS:
            yield task
            task, chars = [], 0
    if task:
        yield task


def _extract_here(
    items: Iterable[Document | ReadFailure], nlp: Language, *, batch_size: int, n_process: int
) -> Iterator[Item]:
    """``extract_documents`` through one ``nlp.pipe`` (spaCy's own processes if asked)."""
    limit = min(nlp.max_length, MAX_CHUNK_CHARS)

    def tasks() -> Iterator[tuple[str, int]]:
        for number, item in enumerate(pending_source):
            if isinstance(item, Document) and len(item.text) > limit:
                item = _extract_long(item, nlp, limit)
            pending[number] = item
            yield (item.text if isinstance(item, Document) else ""), number

    pending: dict[int, Item | Document] = {}
    pending_source = iter(items)
    stream = nlp.pipe(tasks(), as_tuples=True, batch_size=batch_size, n_process=n_process)
    for doc, number in stream:
        item = pending.pop(number)
        yield _result(doc, item) if isinstance(item, Document) else item


def _result(doc: Any, item: Document, offset: int = 0) -> DocResult | ExtractFailure:
    try:
        return from_doc(doc, item.id, item.meta, offset)
    except Exception as exc:  # noqa: BLE001  (one bad document must not stop a corpus)
        return ExtractFailure(item.source or item.id, f"not processed: {exc}")


def _extract_long(item: Document, nlp: Language, limit: int) -> DocResult | ExtractFailure:
    """One long document, chunk by chunk (``batch_size=1``), joined with global offsets."""
    chunks = chunk_text(item.text, limit)
    parts: list[DocResult] = []
    pieces = nlp.pipe((piece for _, piece in chunks), batch_size=1)
    for (offset, _), doc in zip(chunks, pieces, strict=True):
        part = _result(doc, item, offset)
        if isinstance(part, ExtractFailure):
            return part
        parts.append(part)
    return _merge(item.id, item.meta, parts)
