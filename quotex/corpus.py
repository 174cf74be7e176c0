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
* an :class:`EmptyInput` before the result of a lone empty document, when asked for.

:attr:`Corpus.stats` counts documents, quotes, entities and failures as they pass.
Nothing here prints or imports typer or rich: the caller decides what to show. spaCy
and the engines are imported only when a corpus is made.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeAlias

from quotex.engines import Engine
from quotex.errors import QuotexError
from quotex.io.readers import (
    Document,
    ReadFailure,
    count_documents,
    iter_documents,
    resolve_inputs,
)
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


@dataclass(frozen=True)
class CorpusOptions:
    """What to read and how to run it; every field has the CLI's default."""

    inputs: Sequence[str] = ()
    model: str = DEFAULT_MODEL
    scope: str = "speech"  # what counts as a quotation (quotex.pipeline.SCOPES)
    glob: Sequence[str] | None = None
    input_format: str | None = None
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
    engine: Engine | None = None  # None: local, or Dask when a scheduler is given
    scheduler: str | None = None
    partition_size: int = DEFAULT_PARTITION_SIZE
    output_dir: str | None = None  # Dask: workers write their parts here
    view: View = View.EXTRACT  # what the parts in output_dir hold

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


@dataclass
class CorpusStats:
    """Running totals of one corpus pass."""

    documents: int = 0
    quotes: int = 0
    entities: int = 0
    failed: list[str] = field(default_factory=list)  # sources, in input order
    started: float = field(default_factory=time.perf_counter)

    @property
    def failures(self) -> int:
        return len(self.failed)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started


Outcome: TypeAlias = "DocResult | Article | ReadFailure | ExtractFailure | PartWritten | EmptyInput"


class Corpus:
    """One pass over the inputs of ``options``; see the module docstring."""

    def __init__(self, options: CorpusOptions) -> None:
        from quotex.pipeline import load_nlp  # looked up now: tests swap in their pipeline

        if options.keep_text and options.on_dask:
            raise ValueError("keep_text needs the local engine")
        self.options = options
        self.sources = resolve_inputs(
            options.inputs, glob=options.glob, input_format=options.input_format
        )
        self.nlp = None if options.on_dask else load_nlp(options.model, scope=options.scope)
        self._documents = iter_documents(
            self.sources,
            text_field=options.text_field,
            id_field=options.id_field,
            encoding=options.encoding,
        )
        self._texts: deque[str] | None = deque() if options.keep_text else None
        self._notes: list[EmptyInput] = []
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
            if not first.text.strip():
                self._notes.append(EmptyInput(first.source or first.id))
        for item in _chain((first, second), documents):
            if self._texts is not None:
                self._texts.append(item.text if isinstance(item, Document) else "")
            yield item

    def _outcomes(self, items: Iterable[Any]) -> Iterator[Outcome]:
        from quotex.extraction import ExtractFailure

        parts = _part_types(self.options)
        stats = self.stats
        for item in items:
            yield from self._notes
            self._notes.clear()
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
            stats.documents += 1
            stats.quotes += len(result.quotes)
            stats.entities += len(result.entities)
            yield result if text is None else Article(text, result)

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
