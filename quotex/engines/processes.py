"""Worker processes for the local engine (``--jobs N``): tasks in, results out, in order.

:func:`ordered_map` forks ``processes`` workers from this process, so each starts with
what the parent has already loaded (the spaCy pipeline, shared copy-on-write) instead of
loading or unpickling its own. Workers take tasks from one queue as they become free, so
a worker that draws short documents is not left idle while the other finishes long ones;
the parent hands results back in task order and keeps at most ``window`` tasks submitted
and not yet yielded, so memory stays bounded however long the stream.

A task that raises re-raises in the parent; a worker that dies (killed, out of memory)
raises ``QuotexError``, and the other workers are stopped. However the stream ends
(exhausted, closed early, an exception, Ctrl-C or SIGTERM in the parent), no worker
outlives it: workers never see Ctrl-C (:mod:`quotex.engines.interrupts`), the parent
stops them, and a worker whose parent was killed outright exits by itself. Fork is
POSIX-only: callers check :func:`can_fork` first.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import queue
import signal
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from quotex.engines.interrupts import deferred_interrupts, worker_signals
from quotex.errors import QuotexError

T = TypeVar("T")
R = TypeVar("R")

# How often the parent, waiting for a result, checks that its workers are alive.
POLL_S = 1.0
# Seconds a worker gets to exit once the stream is over before it is terminated.
JOIN_S = 5.0
_DONE = None  # the sentinel a worker stops at


def can_fork() -> bool:
    """Whether this platform starts processes by ``fork`` (Linux, macOS; not Windows)."""
    return "fork" in multiprocessing.get_all_start_methods()


def ordered_map(
    function: Callable[[T], R], tasks: Iterable[T], *, processes: int, window: int
) -> Iterator[R]:
    """``function(task)`` for each task, computed in ``processes`` forked workers, in order.

    ``function`` and whatever it refers to reach the workers by fork, not by pickling;
    tasks and results are pickled. At most ``window`` tasks are read ahead of the
    consumer. Closing the iterator early stops the workers.
    """
    context = multiprocessing.get_context("fork")
    inbox = context.Queue()
    outbox = context.Queue()
    workers = [
        context.Process(target=_serve, args=(function, inbox, outbox, os.getpid()), daemon=True)
        for _ in range(processes)
    ]
    finished = False
    try:
        _start(workers)
        yield from _in_order(iter(tasks), inbox, outbox, workers, window)
        finished = True
    finally:
        with deferred_interrupts():  # a second Ctrl-C must not leave workers running
            _stop(workers, inbox, outbox, finished=finished)


def _start(workers: list[Any]) -> None:
    """Fork the workers; a Ctrl-C or SIGTERM meanwhile is delivered once all have started."""
    # Objects the parent holds stay where they are: the collector would otherwise write to
    # their pages in every worker and copy them one by one.
    gc.freeze()
    try:
        with deferred_interrupts():  # workers begin with both signals blocked
            for worker in workers:
                worker.start()
    finally:
        gc.unfreeze()


def _in_order(
    tasks: Iterator[Any],
    inbox: Any,
    outbox: Any,
    workers: list[Any],
    window: int,
) -> Iterator[Any]:
    submitted = yielded = 0
    exhausted = False
    done: dict[int, tuple[bool, Any]] = {}
    while True:
        while not exhausted and submitted - yielded < window:
            task = next(tasks, _END)
            if task is _END:
                exhausted = True
            else:
                inbox.put((submitted, task))
                submitted += 1
        if exhausted and yielded == submitted:
            return
        while yielded not in done:
            number, ok, value = _receive(outbox, workers)
            done[number] = (ok, value)
        ok, value = done.pop(yielded)
        yielded += 1
        if not ok:
            raise value
        yield value


_END = object()


def _receive(outbox: Any, workers: list[Any]) -> tuple[int, bool, Any]:
    """The next result any worker sends; ``QuotexError`` if a worker died meanwhile."""
    while True:
        try:
            return outbox.get(timeout=POLL_S)
        except queue.Empty:
            dead = [w for w in workers if not w.is_alive()]
            if dead:
                raise QuotexError(
                    f"a worker process {_how_it_ended(dead[0].exitcode)} before its documents "
                    "were done; run with fewer --jobs or smaller --batch-size if memory is short"
                ) from None


def _how_it_ended(exitcode: int | None) -> str:
    """``was killed (SIGKILL)`` or ``stopped (exit code 9)``: how a worker ended, in words."""
    if exitcode is not None and exitcode < 0:
        try:
            return f"was killed ({signal.Signals(-exitcode).name})"
        except ValueError:
            return f"was killed (signal {-exitcode})"
    return f"stopped (exit code {exitcode})"


def _stop(workers: list[Any], inbox: Any, outbox: Any, *, finished: bool) -> None:
    """Let the workers exit when the stream is done; terminate them when it was abandoned."""
    started = [worker for worker in workers if worker.pid is not None]
    if finished:
        for _ in started:
            inbox.put(_DONE)
        for worker in started:
            worker.join(JOIN_S)
    for worker in started:
        if worker.is_alive():
            worker.terminate()
    for worker in started:
        worker.join(JOIN_S)
        if worker.is_alive():  # SIGTERM is fatal in a worker; this is for one stuck in the kernel
            worker.kill()
            worker.join()
    for channel in (inbox, outbox):
        channel.cancel_join_thread()  # what a terminated worker left unread is dropped
        channel.close()


def _serve(function: Callable[[Any], Any], inbox: Any, outbox: Any, parent: int) -> None:
    """A worker: run tasks until the sentinel; results and exceptions go back numbered.

    It also stops when ``parent`` is gone (killed with SIGKILL, say), rather than wait for
    tasks that will never come.
    """
    # Ctrl-C and SIGTERM are the parent's to handle: it stops the workers itself, and a
    # handler inherited from the parent (the CLI's) must not run here.
    worker_signals()
    while (message := _next_task(inbox, parent)) is not _DONE:
        number, task = message
        try:
            outbox.put((number, True, function(task)))
        except Exception as exc:  # noqa: BLE001  (handed to the parent, which raises it)
            outbox.put((number, False, _picklable(exc)))


def _next_task(inbox: Any, parent: int) -> Any:
    """The next task, or ``_DONE`` when the sentinel comes or the parent has gone."""
    while os.getppid() == parent:
        try:
            return inbox.get(timeout=POLL_S)
        except queue.Empty:
            continue
    return _DONE


def _picklable(exc: Exception) -> Exception:
    """``exc``, or a ``RuntimeError`` with its text where it cannot travel to the parent."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:  # noqa: BLE001
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc
