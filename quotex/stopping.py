"""A stop asked for by a signal, for loops to act on when the signal's own exception was lost.

The CLI's signal handler raises ``KeyboardInterrupt`` where the main thread happens to be.
When that is inside a weak-reference callback or a ``__del__`` (spaCy and the Doc caches
run them all the time), Python prints "Exception ignored" and goes on, and the run would
finish as if no signal had come. The handler also calls :func:`request`; the corpus loop
calls :func:`check` between documents and raises the lost interrupt there.
"""

from __future__ import annotations

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
