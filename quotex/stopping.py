"""A stop asked for by a signal, for loops to act on when the signal's own exception was lost.

The CLI's signal handler raises ``KeyboardInterrupt`` where the main thread happens to be.
When that is inside a weak-reference callback or a ``__del__`` (spaCy and the Doc caches
run them all the time), Python prints "Exception ignored" and goes on, and the run would
finish as if no signal had come. The handler also calls :func:`request`; the corpus loop
calls :func:`check` between documents and raises the lost interrupt there, and
:func:`quiet_lost_interrupts` keeps Python from printing the lost one's traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

_requested: list[int] = []


def request(signum: int) -> None:
    """Note that ``signum`` asked the run to stop."""
    _requested.append(signum)


def clear() -> None:
    """Forget earlier stops (a new run starts)."""
    _requested.clear()


def check() -> None:
    """Raise ``KeyboardInterrupt`` if a stop was asked for."""
    if _requested:
        raise KeyboardInterrupt


@contextmanager
def quiet_lost_interrupts() -> Iterator[None]:
    """lost_interrupt_unprinted: while the block runs, a ``KeyboardInterrupt`` that Python
    could not raise (it came inside a weak-reference callback or a ``__del__``) after a
    stop was asked for is dropped silently, not printed as "Exception ignored … Traceback":
    :func:`check` raises it where it can be. Any other unraisable exception is printed as
    before."""
    previous = sys.unraisablehook

    def hook(unraisable: sys.UnraisableHookArgs) -> None:
        if _requested and unraisable.exc_type is not None:
            if issubclass(unraisable.exc_type, KeyboardInterrupt):
                return
        previous(unraisable)

    sys.unraisablehook = hook
    try:
        yield
    finally:
        sys.unraisablehook = previous
