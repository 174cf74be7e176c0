"""Ctrl-C and SIGTERM around worker processes: held while workers start or stop, never
seen by a worker.

Both engines start and stop worker processes the same way:

* :func:`deferred_interrupts` wraps what must not stop halfway (forking the local pool,
  starting a Dask cluster, shutting either down). A SIGINT or SIGTERM that comes meanwhile
  is held and delivered when the block ends, to whatever handler was there before (the
  CLI's, or Python's ``KeyboardInterrupt``), so one Ctrl-C is enough and a half-started
  cluster is never left for ``atexit`` to trip over. The signals in ``mask`` are also
  blocked in this thread while the block runs, so a process or thread started inside
  begins with them blocked: a terminal's Ctrl-C, which reaches the whole process group,
  then never raises ``KeyboardInterrupt`` inside a worker (no tracebacks from workers);
  the parent alone decides how the run ends and stops its workers itself.
* :func:`worker_signals` is the first thing a forked worker does: Ctrl-C ignored, SIGTERM
  fatal (the parent's ``terminate()``), then the mask lifted.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

Handler = Any  # what signal.signal returns: a function, SIG_DFL, SIG_IGN or None

INTERRUPTS: tuple[signal.Signals, ...] = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def deferred_interrupts(*, mask: Iterable[int] = INTERRUPTS) -> Iterator[None]:
    """Hold SIGINT and SIGTERM for the block; deliver the first that came when it ends.

    Handlers can only be swapped in the main thread; elsewhere only ``mask`` applies.
    Nested blocks are fine: the inner one hands a held signal to the outer one.
    """
    held: list[int] = []
    holding = True
    swapped: dict[int, Handler] = {}

    def hold(signum: int, frame: FrameType | None) -> None:
        if holding:
            held.append(signum)
        else:  # came as the block ended: as if no block had been there
            _deliver(swapped[signum], signum, frame)

    if threading.current_thread() is threading.main_thread():
        swapped = {signum: signal.signal(signum, hold) for signum in INTERRUPTS}
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, set(mask))
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)  # what waited there is held now
        holding = False
        for signum, handler in swapped.items():
            if handler is not None:  # None: not set from Python (at interpreter exit, say)
                signal.signal(signum, handler)
        if held:
            signal.raise_signal(held[0])


def _deliver(handler: Handler, signum: int, frame: FrameType | None) -> None:
    """Do what ``handler`` (a function, ``SIG_DFL`` or ``SIG_IGN``) does with ``signum``."""
    if callable(handler):
        handler(signum, frame)
    elif handler == signal.SIG_DFL:
        signal.signal(signum, signal.SIG_DFL)
        signal.raise_signal(signum)


def worker_signals() -> None:
    """In a freshly forked worker: ignore Ctrl-C, die of SIGTERM, then unblock both.

    A Ctrl-C that reached the worker while they were blocked is dropped with it.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, set(INTERRUPTS))
