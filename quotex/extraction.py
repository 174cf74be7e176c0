"""The library's worker: texts in, ``DocResult`` records out, one streaming pass.

``extract`` handles one text; ``extract_documents`` streams a corpus through one
``nlp.pipe`` (batched, optionally in several processes), keeps input order, passes read
failures through, and reports a document the pipeline fails on as an ``ExtractFailure``
instead of stopping. Texts longer than ``MAX_CHUNK_CHARS`` (or the pipeline's
``max_length``, if smaller) are cut at paragraph breaks into chunks whose results are
joined with global offsets, so memory stays bounded whatever the document's size.
Every text goes through the pipeline composed (NFC, :mod:`quotex.normalize`), its
results mapped back to the text as given, so attribution does not depend on how the text
was normalized; a text holding a lone surrogate is a failure naming its offset.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from quotex.components.paragraphs import paragraph_spans
from quotex.components.quotes import find_marked_regions
from quotex.io.readers import Document, ReadFailure
from quotex.normalize import Alignment, prepare, restore
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
# Where a sentence ends: its punctuation, any closing marks or brackets, then space.
_SENTENCE_END = re.compile(r"[.!?][\"'”’»)\]]*\s+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class ExtractFailure:
    """A document the pipeline could not process."""

    source: str
    message: str


Item = DocResult | ReadFailure | ExtractFailure


def chunk_text(text: str, limit: int) -> list[tuple[int, str]]:
    """(offset, piece) chunks of at most ``limit`` characters, cut at paragraph breaks.

    A paragraph longer than the limit is cut where no quote is open: at the last sentence
    end outside quote marks, else at the last space outside them, else (a quote longer
    than the limit) at the last space before the limit, or hard.
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
                stop = _cut_inside_paragraph(text, start, stop)
        chunks.append((start, text[start:stop]))
        start = stop
    return chunks


def _cut_inside_paragraph(text: str, start: int, stop: int) -> int:
    """Where to end a chunk of one paragraph running from ``start`` past ``stop``.

    ``start`` is a cut outside quotes (or the paragraph's start), so the quote marks of
    ``text[start:stop]`` pair as they do in the whole paragraph; a quote still open at
    ``stop`` is a region to the window's end, and no cut falls inside it.
    """
    window = text[start:stop]
    regions = find_marked_regions(window)
    opens = [r.open for r in regions]
    reach = list(accumulate((r.close for r in regions), max))  # furthest close so far

    def outside(cut: int) -> bool:
        k = bisect_left(opens, cut) - 1  # the last region opening before the cut
        return k < 0 or reach[k] <= cut

    for pattern in (_SENTENCE_END, _SPACE):
        cuts = [m.end() for m in pattern.finditer(window) if 0 < m.end() < len(window)]
        cut = next((c for c in reversed(cuts) if outside(c)), None)
        if cut is not None:
            return start + cut
    space = text.rfind(" ", start + 1, stop)
    return space if space > start else stop


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
    model: str | None = None,
    scope: str | None = None,
) -> DocResult:
    """Quotes, speakers and entities of one text, as a :class:`~quotex.records.DocResult`.

    Without ``nlp``, the pipeline of ``model`` (default: the English one quotex ships
    with) and ``scope`` (``"speech"``, or ``"all"`` for beliefs and stances too) is loaded
    on the first call and reused by every later one in the process. ``doc_id`` and
    ``meta`` are carried into the result. Raises ``TypeError`` for a ``text`` that is not
    a ``str`` (decode bytes first) and ``ValueError`` when the pipeline fails on it.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() takes the text as a str, not {type(text).__name__}")
    if nlp is None:
        from quotex.pipeline import DEFAULT_MODEL, DEFAULT_SCOPE, cached_nlp

        nlp = cached_nlp(model or DEFAULT_MODEL, scope=scope or DEFAULT_SCOPE)
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
            text = ""
            if isinstance(item, Document):
                try:
                    prepared = prepare(item.text)
                except ValueError as exc:  # a lone surrogate: spaCy would fail on it deep inside
                    item = ExtractFailure(item.source or item.id, f"not processed: {exc}")
                else:
                    if len(prepared.text) > limit:
                        item = _extract_long(item, prepared.text, nlp, limit, prepared.alignment)
                    else:
                        text = prepared.text
                        if prepared.alignment is not None:
                            alignments[number] = prepared.alignment
            pending[number] = item
            yield text, number

    pending: dict[int, Item | Document] = {}
    alignments: dict[int, Alignment] = {}  # documents the pipeline saw composed (NFC)
    pending_source = iter(items)
    stream = nlp.pipe(tasks(), as_tuples=True, batch_size=batch_size, n_process=n_process)
    for doc, number in stream:
        item = pending.pop(number)
        if isinstance(item, Document):
            yield _result(doc, item, alignment=alignments.pop(number, None))
        else:
            yield item


def _result(
    doc: Any, item: Document, offset: int = 0, alignment: Alignment | None = None
) -> DocResult | ExtractFailure:
    """The records of ``doc``; with ``alignment``, moved from the NFC text to ``item.text``."""
    try:
        return restore(from_doc(doc, item.id, item.meta, offset), item.text, alignment)
    except Exception as exc:  # noqa: BLE001  (one bad document must not stop a corpus)
        return ExtractFailure(item.source or item.id, f"not processed: {exc}")


def _extract_long(
    item: Document, text: str, nlp: Language, limit: int, alignment: Alignment | None = None
) -> DocResult | ExtractFailure:
    """One long document, chunk by chunk (``batch_size=1``), joined with global offsets.

    ``text`` is what the pipeline reads (the NFC form); ``alignment`` leads back to
    ``item.text``.
    """
    chunks = chunk_text(text, limit)
    parts: list[DocResult] = []
    pieces = nlp.pipe((piece for _, piece in chunks), batch_size=1)
    for (offset, _), doc in zip(chunks, pieces, strict=True):
        part = _result(doc, item, offset)
        if isinstance(part, ExtractFailure):
            return part
        parts.append(part)
    return restore(_merge(item.id, item.meta, parts), item.text, alignment)
