"""Run a corpus on a Dask cluster: partitions of documents out, plain records back.

The client reads the inputs (read failures stay here, in their place in the stream), cuts
the documents into partitions of ``partition_size`` (and at most ``MAX_PARTITION_CHARS``
characters), and keeps at most ``max_in_flight`` of them submitted and not yet yielded,
so memory stays bounded however long the corpus. Each worker process loads the spaCy
pipeline once per model (:func:`_worker_nlp`) and runs :func:`quotex.extraction.
extract_documents` on a partition; records travel as ``DocResult.to_dict()`` dicts, never
as spaCy objects.

:func:`run_on_dask` yields what :func:`~quotex.extraction.extract_documents` yields, in
input order. With ``output_dir`` each worker writes its partition as
``part-NNNNN.jsonl`` (temp file + rename, under a name fixed by the partition's index, so
a retried partition overwrites its own part) and only counts and failures come back: the
stream then yields the failures and one :class:`PartWritten` per partition, in order,
and ``manifest.json`` is written when the run ends.

Faults: a task whose worker dies is rescheduled by Dask on another worker; a task that
raises is retried ``retries`` times. Results are keyed by partition index, so a document
is never lost or written twice.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import signal
import threading
import uuid
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quotex.engines.interrupts import deferred_interrupts
from quotex.errors import OutputError, QuotexError, UsageError
from quotex.extraction import DEFAULT_BATCH_SIZE, ExtractFailure, Item
from quotex.io.readers import Document, ReadFailure
from quotex.io.writers import Format, View, atomic_output, make_writer
from quotex.records import DocResult
from quotex.selection import EntityScope, entities_in_scope

if TYPE_CHECKING:
    from distributed import Client
    from spacy.language import Language

INSTALL_HINT = "pip install 'quotex[dask]'"
DEFAULT_PARTITION_SIZE = 64
# A partition travels through the scheduler in one message; a few MB keeps it cheap even
# when documents are long (long documents are chunked again on the worker).
MAX_PARTITION_CHARS = 2_000_000
DEFAULT_RETRIES = 2
CONNECT_TIMEOUT_S = 10.0
WORKER_WAIT_S = 60.0
ABANDON_S = 0.5  # a worker of an abandoned run gets this long to stop before it is killed
LOOPBACK = "127.0.0.1"
MALLOC_TRIM = "MALLOC_TRIM_THRESHOLD_"
PART_NAME = "part-{:05d}.jsonl"
PART_GLOB = "part-*.jsonl"
MANIFEST_NAME = "manifest.json"
# Per-document outcomes as they travel back from a worker.
OK, FAILED = "ok", "failed"

# Per worker process: the loaded pipelines, and a lock because Dask may run several
# tasks of one worker in threads while a spaCy pipeline is not meant to be shared so.
_NLP: dict[str, Language] = {}
_LOADS: dict[str, int] = {}
_NLP_LOCK = threading.Lock()


@dataclass(frozen=True)
class PartWritten:
    """A partition a worker wrote as its own part file (``output_dir`` runs)."""

    index: int
    file: str
    documents: int
    quotes: int
    entities: int


@dataclass(frozen=True)
class _Partition:
    """Documents to send (``docs``) and the read failures in their input places.

    ``slots`` lists the partition's items in input order: a ``ReadFailure``, or ``None``
    where the next result of ``docs`` goes.
    """

    index: int
    slots: tuple[ReadFailure | None, ...]
    docs: tuple[tuple[str, str, dict[str, Any] | None, str], ...]


def require_distributed() -> None:
    """Raise ``UsageError`` saying how to install ``distributed`` when it is missing."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise UsageError(f"the Dask engine needs the distributed package; {INSTALL_HINT}") from None


@contextmanager
def connect(scheduler: str | None = None, *, n_workers: int = 1) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of a local cluster of ``n_workers``.

    The local cluster runs one single-threaded worker process per job and is shut down
    on exit. Raises ``QuotexError`` when the scheduler cannot be reached or no worker
    joins it within ``WORKER_WAIT_S``.
    """
    require_distributed()
    if scheduler is None:
        with _local_cluster(n_workers) as cluster, _closing_client(cluster) as client:
            yield client
        return
    with _closing_client(scheduler) as client:
        try:
            client.wait_for_workers(1, timeout=WORKER_WAIT_S)
        except (OSError, TimeoutError):
            raise QuotexError(
                f"no Dask worker joined the scheduler at {scheduler} within "
                f"{WORKER_WAIT_S:.0f} s; start one with `dask worker {scheduler}`"
            ) from None
        yield client


@contextmanager
def _closing_client(address: Any) -> Iterator[Client]:
    """A client of ``address`` (a scheduler's, or a cluster object), closed on the way out.

    Made and closed with Ctrl-C and SIGTERM held (:mod:`quotex.engines.interrupts`), so a
    signal never leaves a half-made client or cuts its closing short.
    """
    from distributed import Client

    with deferred_interrupts(mask=()):
        try:
            client = Client(address, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise QuotexError(
                f"cannot reach the Dask scheduler at {address} ({_reason(exc)}); check the "
                "address and that `dask scheduler` is running there"
            ) from None
    try:
        yield client
    finally:
        with deferred_interrupts(mask=()):
            client.close()


@contextmanager
def _local_cluster(n_workers: int) -> Iterator[Any]:
    """``n_workers`` single-threaded worker processes on the loopback, shut down on exit."""
    import logging
    from multiprocessing import resource_tracker

    import dask
    from distributed import LocalCluster

    # Dask starts workers with MALLOC_TRIM_THRESHOLD_ set, to hand memory back to the OS
    # sooner; spaCy's many small allocations then run about 20% slower
    # (bench/dask_speed.py), so a cluster of our own goes without it.
    environ = {
        key: value
        for key, value in dask.config.get("distributed.nanny.pre-spawn-environ", {}).items()
        if key != MALLOC_TRIM
    }
    # The scheduler serves HTTP even without a dashboard: on a free port, not 8787, so
    # another cluster on this machine is no reason for a warning. Ctrl-C waits until the
    # cluster is up (it is then shut down in order, not left half-made for atexit), and
    # the workers start with it blocked: the terminal sends it to them too, and it is the
    # client's to act on. Worker logs stop short of errors: a task's failure comes back
    # to the client, and a shutdown mid-task makes workers log lost connections.
    # (multiprocessing's resource tracker, started on the first spawn, unblocks SIGINT
    # in the thread that starts it, which would then pass on an open mask: start it now.)
    resource_tracker.ensure_running()
    with (
        dask.config.set({"distributed.nanny.pre-spawn-environ": environ}),
        deferred_interrupts(mask=(signal.SIGINT,)),
    ):
        cluster = LocalCluster(
            n_workers=n_workers,
            threads_per_worker=1,
            processes=True,
            host=LOOPBACK,
            dashboard_address=f"{LOOPBACK}:0",
            silence_logs=logging.CRITICAL,
        )
    try:
        yield cluster
    except BaseException:
        with deferred_interrupts(mask=()):
            _stop_workers_now(cluster)
            cluster.close()
        raise
    with deferred_interrupts(mask=()):
        cluster.close()


def _stop_workers_now(cluster: Any) -> None:
    """Stop a local cluster's worker processes within about ``ABANDON_S`` seconds.

    For a run that ended early (an error, Ctrl-C, a closed pipe): a graceful close waits
    up to 5 s for each worker's running task, whose result nobody wants now. Closing
    each nanny first, with a short timeout, kills its worker process (and keeps the
    nanny from starting another); ``cluster.close()`` then has only the scheduler left.
    """

    async def stop() -> None:
        nannies = list(cluster.workers.values())
        await asyncio.gather(
            *(nanny.close(timeout=ABANDON_S) for nanny in nannies), return_exceptions=True
        )

    with suppress(Exception):  # whatever is left, cluster.close() stops the slow way
        cluster.sync(stop)


def run_on_dask(
    items: Iterable[Document | ReadFailure],
    client: Client,
    *,
    model: str,
    scope: str = "speech",
    batch_size: int = DEFAULT_BATCH_SIZE,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    max_in_flight: int | None = None,
    retries: int = DEFAULT_RETRIES,
    output_dir: str | Path | None = None,
    view: View = View.EXTRACT,
    where: EntityScope = EntityScope.ALL,
) -> Iterator[Item | PartWritten]:
    """Process ``items`` on the cluster of ``client``; yield results in input order.

    Without ``output_dir``: what ``extract_documents`` yields (``view`` and ``where`` are
    the caller's to apply). With it: failures and a ``PartWritten`` per partition, the
    parts holding ``view`` of each result with ``where`` applied; ``manifest.json`` is
    written once the stream is exhausted (not when it is abandoned). ``max_in_flight``
    defaults to twice the cluster's threads.
    """
    folder = _prepare_output_dir(output_dir) if output_dir is not None else None
    if max_in_flight is None:
        max_in_flight = max(2, 2 * sum(client.nthreads().values()))
    settings = {
        "model": model,
        "scope": scope,
        "batch_size": batch_size,
        "folder": None if folder is None else str(folder),
        "view": str(view),
        "where": str(where),
    }
    stream = _ordered(
        _partitions(items, partition_size),
        client,
        settings,
        retries,
        max_in_flight,
        buffered_counts=folder is None,
    )
    with closing(stream):  # what is still in flight is cancelled now, while the client is open
        yield from _outcomes(stream, folder, view)


def _outcomes(
    stream: Iterator[tuple[_Partition, Any]], folder: Path | None, view: View
) -> Iterator[Item | PartWritten]:
    """What :func:`run_on_dask` yields, from the workers' outputs in partition order."""
    if folder is None:
        for partition, outcomes in stream:
            yield from _merge(partition, outcomes)
        return
    parts: list[PartWritten] = []
    failures: list[ReadFailure | ExtractFailure] = []
    for partition, summary in stream:
        for item in _merge(partition, summary["outcomes"]):
            if item is not None:
                failures.append(item)
                yield item
        part = PartWritten(
            partition.index,
            summary["file"],
            summary["documents"],
            summary["quotes"],
            summary["entities"],
        )
        parts.append(part)
        yield part
    _write_manifest(folder, parts, failures, view)


def worker_models() -> dict[str, int]:
    """In a worker process: how many times each model was loaded (for checks and tests)."""
    return dict(_LOADS)


# --- the client side -----------------------------------------------------------


def _partitions(items: Iterable[Document | ReadFailure], size: int) -> Iterator[_Partition]:
    slots: list[ReadFailure | None] = []
    docs: list[tuple[str, str, dict[str, Any] | None, str]] = []
    chars = 0
    index = itertools.count()
    for item in items:
        if isinstance(item, ReadFailure):
            slots.append(item)
            continue
        slots.append(None)
        docs.append((item.id, item.text, item.meta, item.source))
        chars += len(item.text)
        if len(docs) >= size or chars >= MAX_PARTITION_CHARS:
            yield _Partition(next(index), tuple(slots), tuple(docs))
            slots, docs, chars = [], [], 0
    if slots:
        yield _Partition(next(index), tuple(slots), tuple(docs))


def _ordered(
    partitions: Iterator[_Partition],
    client: Client,
    settings: dict[str, Any],
    retries: int,
    window: int,
    *,
    buffered_counts: bool,
) -> Iterator[tuple[_Partition, Any]]:
    """(partition, worker output) in partition order, at most ``window`` outstanding.

    Finished partitions wait in a reorder buffer until their predecessors are out; when
    ``buffered_counts`` (results, not just counts, come back) they count against the
    window, so memory holds at most ``window`` partitions' results.
    """
    from distributed import as_completed

    token = uuid.uuid4().hex[:12]
    running: dict[Any, _Partition] = {}
    done: dict[int, tuple[_Partition, Any]] = {}
    finished = as_completed(loop=client.loop)
    next_out = 0
    exhausted = False
    try:
        while True:
            while not exhausted and len(running) + buffered_counts * len(done) < window:
                partition = next(partitions, None)
                if partition is None:
                    exhausted = True
                elif partition.docs:
                    future = client.submit(
                        _process_partition,
                        partition.index,
                        partition.docs,
                        settings,
                        retries=retries,
                        key=f"quotex-{token}-{partition.index:05d}",
                    )
                    running[future] = partition
                    finished.add(future)
                else:  # read failures only: nothing to send
                    done[partition.index] = (partition, _empty_output(settings, partition))
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            if not running:
                if exhausted:
                    return
                continue
            future = next(finished)
            partition = running.pop(future)
            done[partition.index] = (partition, _result(future, partition.index))
            future.release()
    finally:
        if running:
            # (a client closed before this stream was, by a caller, has nothing to cancel)
            with deferred_interrupts(mask=()), suppress(RuntimeError):
                client.cancel(list(running))


def _result(future: Any, index: int) -> Any:
    try:
        return future.result()
    except QuotexError:
        raise
    except Exception as exc:  # noqa: BLE001  (KilledWorker, a broken worker, ...)
        raise QuotexError(
            f"partition {index} failed on the cluster ({type(exc).__name__}: {exc}); "
            "check the workers' logs, or run without --scheduler/--engine dask"
        ) from exc


def _empty_output(settings: dict[str, Any], partition: _Partition) -> Any:
    if settings["folder"] is None:
        return []
    return _write_part(
        Path(settings["folder"]),
        partition.index,
        [],
        View(settings["view"]),
        EntityScope(settings["where"]),
    )


def _merge(partition: _Partition, outcomes: list[Any]) -> Iterator[Any]:
    """The partition's items in input order: read failures in place, outcomes decoded."""
    decoded = iter(outcomes)
    for slot in partition.slots:
        yield slot if slot is not None else _decode(next(decoded))


def _decode(outcome: Any) -> DocResult | ExtractFailure | None:
    if outcome is None:  # written to a part file
        return None
    if outcome[0] == OK:
        return DocResult.from_dict(outcome[1])
    return ExtractFailure(outcome[1], outcome[2])


def _prepare_output_dir(output_dir: str | Path) -> Path:
    folder = Path(output_dir).resolve()
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"--output-dir {output_dir} is a file; give a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"cannot create folder {output_dir} ({_reason(exc)}); choose a folder you may write"
        ) from None
    if (folder / MANIFEST_NAME).exists() or next(folder.glob(PART_GLOB), None):
        raise OutputError(
            f"{output_dir} already holds the parts of a run; choose an empty folder or remove them"
        )
    return folder


def _write_manifest(
    folder: Path, parts: list[PartWritten], failures: list[ReadFailure | ExtractFailure], view: View
) -> None:
    manifest = {
        "view": str(view),
        "documents": sum(p.documents for p in parts),
        "parts": [
            {"file": p.file, "documents": p.documents, "quotes": p.quotes, "entities": p.entities}
            for p in parts
        ],
        "failures": [{"source": f.source, "message": f.message} for f in failures],
    }
    with atomic_output(folder / MANIFEST_NAME) as stream:
        stream.write(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


# --- the worker side -----------------------------------------------------------


def _worker_nlp(model: str, scope: str = "speech") -> Language:
    """The pipeline for ``model`` in this process, loaded on first use; call under the lock."""
    key = model if scope == "speech" else f"{model} (scope {scope})"
    if key not in _NLP:
        from quotex.pipeline import load_nlp

        _NLP[key] = load_nlp(model, scope=scope)
        _LOADS[model] = _LOADS.get(model, 0) + 1
    return _NLP[key]


def _process_partition(
    index: int, docs: tuple[tuple[str, str, Any, str], ...], settings: dict[str, Any]
) -> Any:
    """Run on a worker: outcomes per document, or a part file and its summary."""
    from quotex.extraction import extract_documents

    documents = [Document(*doc) for doc in docs]
    with _NLP_LOCK:
        nlp = _worker_nlp(settings["model"], settings.get("scope", "speech"))
        items = list(extract_documents(documents, nlp, batch_size=settings["batch_size"]))
    if settings["folder"] is None:
        return [
            (OK, item.to_dict())
            if isinstance(item, DocResult)
            else (FAILED, item.source, item.message)
            for item in items
        ]
    return _write_part(
        Path(settings["folder"]),
        index,
        items,
        View(settings["view"]),
        EntityScope(settings["where"]),
    )


def _write_part(
    folder: Path, index: int, items: list[Any], view: View, where: EntityScope
) -> dict[str, Any]:
    """Write a partition's results as ``part-NNNNN.jsonl`` (atomically); return a summary."""
    name = PART_NAME.format(index)
    outcomes: list[Any] = []
    quotes = entities = 0
    with atomic_output(folder / name) as stream, make_writer(Format.JSONL, stream, view) as writer:
        for item in items:
            if not isinstance(item, DocResult):
                outcomes.append((FAILED, item.source, item.message))
                continue
            item = entities_in_scope(item, where)
            quotes += len(item.quotes)
            entities += len(item.entities)
            writer.write(item)
            outcomes.append(None)
    return {
        "file": name,
        "documents": outcomes.count(None),
        "quotes": quotes,
        "entities": entities,
        "outcomes": outcomes,
    }
