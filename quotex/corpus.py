"""The one corpus loop: read the inputs, extract every document, yield what came of it.

Every corpus command (``extract``, ``quotes``, ``entities``, ``show``, ``speakers``) runs
through :class:`Corpus`. Making one resolves the inputs, loads the pipeline and checks
the encoding, so a bad option or a missing model fails before any output is opened;
:meth:`Corpus.results` then streams, in input order:

* a :class:`~quotex.records.DocResult` per document (an :class:`Article`, the result with
  its text, when ``keep_text`` is set), with ``where`` applied to its entities;
* a :class:`~quotex.io.readers.ReadFailure` or :class:`~quotex.extraction.ExtractFailure`
  per document that could not be read or processed; with ``fail_fast`` the next step
  of the stream raises :class:`~quotex.errors.QuotexError`, so the caller reports the
  failure first;
* a :class:`~quotex.engines.dask.PartWritten` per partition a Dask worker wrote itself
  (``output_dir`` runs);
* an :class:`EmptyInput` before the result of a lone empty document, when asked for;
* a :class:`Note` before the result of a document its reader had something to say about
  (a web page with no article text);
* a :class:`~quotex.io.readers.Skipped` first for each file of an input folder that was
  left out (a FIFO, socket or device), so the caller can say so;
* an :class:`AlreadyStored` for documents passed over, unread by the pipeline, because
  their id is in ``skip_ids`` (a resumed store); in such runs a document whose id came
  earlier in the run is a :class:`~quotex.io.readers.ReadFailure` (a store keeps one
  document per id).

:attr:`Corpus.stats` counts documents, quotes, entities and failures as they pass.
Nothing here prints or imports typer or rich: the caller decides what to show. spaCy
and the engines are imported only when a corpus is made.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, TypeAlias

from quotex import stopping
from quotex.engines import Engine
from quotex.errors import InputError, QuotexError, UsageError
from quotex.io.readers import (
    Document,
    ReadFailure,
    Skipped,
    count_documents,
    iter_documents,
    resolve_inputs,
)
from quotex.io.web import DEFAULT_MAX_BYTES, read_url_list
from quotex.io.writers import View
from quotex.pipeline import DEFAULT_MODEL
from quotex.records import DocResult
from quotex.selection import EntityScope, entities_in_scope

if TYPE_CHECKING:
    from quotex.engines.dask import PartWritten
    from quotex.extraction import ExtractFailure

DEFAULT_BATCH_SIZE = 32  # as quotex.extraction.DEFAULT_BATCH_SIZE, without importing spaCy
DEFAULT_PARTITION_SIZE = 64  # as quotex.engines.dask.DEFAULT_PARTITION_SIZE
STOPPED = "stopped at the first failure (--fail-fast)"
DUPLICATE_ID = (
    "id {id!r} was given to an earlier document of this run; a store keeps one document "
    "per id, so give each its own (--id-field)"
)


@dataclass(frozen=True)
class CorpusOptions:
    """What to read and how to run it; every field has the CLI's default."""

    inputs: Sequence[str] = ()
    model: str = DEFAULT_MODEL
    scope: str = "speech"  # what counts as a quotation (quotex.pipeline.SCOPES)
    cues_file: str | None = None  # extra reporting verbs, one lemma a line
    glob: Sequence[str] | None = None
    input_format: str | None = None
    text_format: str | None = None  # "html": the text fields of JSONL/JSON records are HTML
    urls_file: str | None = None  # a --urls file: one http(s) address per line
    max_bytes: int = DEFAULT_MAX_BYTES  # larger web pages are refused unparsed
    text_field: str = "text"
    id_field: str = "id"
    encoding: str = "utf-8"
    batch_size: int = DEFAULT_BATCH_SIZE
    jobs: int = 1
    fail_fast: bool = False
    where: EntityScope = EntityScope.ALL
    # yield an EmptyInput when the only document has no text
    note_lone_empty: bool = False
    # yield each result with its text, as an Article (local engine only)
    keep_text: bool = False
    # every record carries its text (web pages' records always do)
    with_text: bool = False
    engine: Engine | None = None  # None: local, or Dask when a scheduler is given
    scheduler: str | None = None
    partition_size: int = DEFAULT_PARTITION_SIZE
    output_dir: str | None = None  # Dask: workers write their parts here
    view: View = View.EXTRACT  # what the parts in output_dir hold
    # ids not to process (already in the store being resumed); None: process every document
    skip_ids: frozenset[str] | None = None

    @property
    def on_dask(self) -> bool:
        return self.engine is Engine.DASK or self.scheduler is not None


@dataclass(frozen=True)
class Article:
    """A document's result with the text it was extracted from (``keep_text`` runs)."""

    text: str
    result: DocResult


@dataclass(frozen=True)
class EmptyInput:
    """The only document has no text (empty or whitespace): its record will be empty."""

    source: str


@dataclass(frozen=True)
class Note:
    """Something to tell the user about a document that is still processed."""

    source: str
    message: str


@dataclass(frozen=True)
class AlreadyStored:
    """``count`` documents passed over because the store already holds their ids."""

    count: int


@dataclass
class CorpusStats:
    """Running totals of one corpus pass."""

    documents: int = 0
    quotes: int = 0
    entities: int = 0
    stored: int = 0  # passed over: already in the store
    failed: list[str] = field(default_factory=list)  # sources, in input order
    started: float = field(default_factory=time.perf_counter)

    @property
    def failures(self) -> int:
        return len(self.failed)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started


Outcome: TypeAlias = (
    "DocResult | Article | ReadFailure | ExtractFailure | PartWritten | EmptyInput | Skipped"
    " | Note | AlreadyStored"
)


class Corpus:
    """One pass over the inputs of ``options``; see the module docstring."""

    def __init__(self, options: CorpusOptions) -> None:
        from quotex.pipeline import load_nlp  # looked up now: tests swap in their pipeline

        if options.keep_text and options.on_dask:
            raise ValueError("keep_text needs the local engine")
        if options.cues_file and options.on_dask:
            raise UsageError("--cues works with the local engine only; leave out --engine dask")
        if options.with_text and options.output_dir is not None:
            raise ValueError("with_text needs the records back; leave out output_dir")
        self.options = options
        skipped: list[Skipped] = []
        inputs = list(options.inputs)
        if options.urls_file is not None:
            urls = read_url_list(options.urls_file)
            if not urls and not inputs:  # no input at all would mean stdin
                raise InputError(
                    f"--urls {options.urls_file}: no URLs in it; write one http(s) address per line"
                )
            inputs += urls
        self.sources = resolve_inputs(
            inputs,
            glob=options.glob,
            input_format=options.input_format,
            skipped=skipped,
            text_format=options.text_format,
        )
        self.nlp = (
            None
            if options.on_dask
            else load_nlp(options.model, scope=options.scope, cues_file=options.cues_file)
        )
        self._documents = iter_documents(
            self.sources,
            text_field=options.text_field,
            id_field=options.id_field,
            encoding=options.encoding,
            max_bytes=options.max_bytes,
        )
        # The text of each document in flight, for the records that carry it (None for the
        # others); none when Dask workers write the records themselves.
        self._texts: deque[str | None] | None = None if options.output_dir else deque()
        self._notes: list[EmptyInput | Skipped | Note] = list(skipped)
        self._passed_over = 0  # skip_ids met since the last outcome
        self.stats = CorpusStats()

    def count(self) -> int | None:
        """How many documents the inputs hold, or ``None`` when that cannot be known."""
        return count_documents(self.sources)

    @contextmanager
    def results(self) -> Iterator[Iterator[Outcome]]:
        """The stream of outcomes (once per corpus); a Dask cluster lives as long as the
        ``with``."""
        self.stats = CorpusStats()
        with self._engine(self._read()) as items:
            yield self._outcomes(items)

    def _read(self) -> Iterator[Document | ReadFailure]:
        """The documents, noting texts and a lone empty document as they are taken."""
        documents = self._documents
        first = next(documents, None)
        second = next(documents, None) if first is not None else None
        if self.options.note_lone_empty and second is None and isinstance(first, Document):
            if not first.text.strip() and first.note is None:
                self._notes.append(EmptyInput(first.source or first.id))
        options = self.options
        for item in self._unstored(_chain((first, second), documents)):
            if isinstance(item, Document) and item.note is not None:
                self._notes.append(Note(item.source or item.id, item.note))
            if self._texts is not None:
                keep = isinstance(item, Document) and (
                    options.keep_text or options.with_text or item.with_text
                )
                self._texts.append(item.text if keep else None)
            yield item

    def _unstored(
        self, items: Iterator[Document | ReadFailure]
    ) -> Iterator[Document | ReadFailure]:
        """``items`` less the documents in ``skip_ids``, counted; a repeated id a failure."""
        skip = self.options.skip_ids
        if skip is None:
            yield from items
            return
        seen: set[str] = set()
        for item in items:
            if isinstance(item, Document):
                if item.id in skip:
                    self._passed_over += 1
                    continue
                if item.id in seen:
                    yield ReadFailure(item.source or item.id, DUPLICATE_ID.format(id=item.id))
                    continue
                seen.add(item.id)
            yield item

    def _passed(self) -> Iterator[AlreadyStored]:
        if self._passed_over:
            self.stats.stored += self._passed_over
            yield AlreadyStored(self._passed_over)
            self._passed_over = 0

    def _outcomes(self, items: Iterable[Any]) -> Iterator[Outcome]:
        from quotex.extraction import ExtractFailure

        parts = _part_types(self.options)
        stats = self.stats
        for item in items:
            stopping.check()  # a signal whose KeyboardInterrupt was lost on the way
            yield from self._notes
            self._notes.clear()
            yield from self._passed()
            if isinstance(item, parts):  # --output-dir: a worker wrote these documents itself
                stats.documents += item.documents
                stats.quotes += item.quotes
                stats.entities += item.entities
                yield item
                continue
            # one text per document, in input order (keep_text runs are local: no parts)
            text = self._texts.popleft() if self._texts is not None else None
            if isinstance(item, ReadFailure | ExtractFailure):
                stats.failed.append(item.source)
                yield item
                if self.options.fail_fast:
                    raise QuotexError(STOPPED)
                continue
            result = entities_in_scope(item, self.options.where)
            if text is not None:
                result = replace(result, text=text)
            stats.documents += 1
            stats.quotes += len(result.quotes)
            stats.entities += len(result.entities)
            yield Article(text or "", result) if self.options.keep_text else result
        yield from self._notes  # inputs that held no document at all
        self._notes.clear()
        yield from self._passed()

    @contextmanager
    def _engine(self, documents: Iterator[Document | ReadFailure]) -> Iterator[Iterator[Any]]:
        """The results of the engine the options choose, in input order."""
        options = self.options
        if not options.on_dask:
            from quotex.extraction import extract_documents

            results = extract_documents(
                documents, self.nlp, batch_size=options.batch_size, n_process=options.jobs
            )
            try:
                yield results
            finally:
                # Worker processes stop now, even while an exception holds on to the stream.
                getattr(results, "close", lambda: None)()
            return
        import logging

        from quotex.engines.dask import connect, run_on_dask

        logging.getLogger("distributed").setLevel(logging.ERROR)  # no cluster chatter on stderr
        with connect(options.scheduler, n_workers=options.jobs) as client:
            results = run_on_dask(
                documents,
                client,
                model=options.model,
                scope=options.scope,
                batch_size=options.batch_size,
                partition_size=options.partition_size,
                output_dir=options.output_dir,
                view=options.view,
                where=options.where,
            )
            try:
                yield results
            finally:
                results.close()  # cancels what is still in flight while the client is open


def _chain(head: Iterable[Any], rest: Iterator[Any]) -> Iterator[Any]:
    yield from (item for item in head if item is not None)
    yield from rest


def _part_types(options: CorpusOptions) -> tuple[type, ...]:
    """``(PartWritten,)`` on Dask; nothing locally, where the engine module is not needed."""
    if not options.on_dask:
        return ()
    from quotex.engines.dask import PartWritten

    return (PartWritten,)


def is_failure(item: object) -> bool:
    """Whether a stream item is a document that could not be read or processed."""
    from quotex.extraction import ExtractFailure

    return isinstance(item, ReadFailure | ExtractFailure)
