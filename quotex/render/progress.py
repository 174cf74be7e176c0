"""A progress bar for corpus runs, on stderr; used by the CLI only (the library never
imports rich).

:func:`corpus_progress` yields an ``advance`` callable: call it once per document done
(or failed), or with the number of documents done at once. When the bar is off it is a
no-op, so the run loop needs no branches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
)
from rich.text import Text

DESCRIPTION = "documents"
# Redraws per second: enough to look alive, few enough to cost nothing next to spaCy.
REFRESH_PER_SECOND = 4


def _rate(task: Task) -> float | None:
    """Documents per second since the start: results arrive a batch at a time, so a
    short moving window (rich's ``task.speed``) jumps about; the overall mean does not."""
    elapsed = task.elapsed
    if not elapsed or not task.completed:
        return None
    return task.completed / elapsed


class SpeedColumn(ProgressColumn):
    """Documents per second so far."""

    def render(self, task: Task) -> Text:
        rate = _rate(task)
        return Text(
            "? docs/s" if rate is None else f"{rate:.1f} docs/s", style="progress.data.speed"
        )


class EtaColumn(ProgressColumn):
    """Time left at the mean rate so far; the elapsed time when the total is unknown."""

    def render(self, task: Task) -> Text:
        rate = _rate(task)
        if task.total is None:
            seconds, prefix = task.elapsed or 0.0, ""
        elif rate is None:
            return Text("ETA -:--:--", style="progress.remaining")
        else:
            seconds, prefix = max(task.total - task.completed, 0) / rate, "ETA "
        minutes, secs = divmod(int(seconds), 60)
        hours, minutes = divmod(minutes, 60)
        return Text(f"{prefix}{hours}:{minutes:02d}:{secs:02d}", style="progress.remaining")


def _noop(count: int = 1) -> None:
    return None


@contextmanager
def corpus_progress(
    console: Console, total: int | None, *, enabled: bool
) -> Iterator[Callable[..., None]]:
    """A live bar on ``console`` (documents done, docs/s, ETA) while the body runs.

    ``total`` ``None`` (stdin, pipes) shows a count and the elapsed time instead of an ETA.
    Messages printed on ``console`` meanwhile appear above the bar. The bar is removed
    at the end; the caller prints its own summary line.
    """
    if not enabled:
        yield _noop
        return
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        SpeedColumn(),
        EtaColumn(),
        console=console,
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
        refresh_per_second=REFRESH_PER_SECOND,
    )
    with progress:
        task = progress.add_task(DESCRIPTION, total=total)

        def advance(count: int = 1) -> None:
            progress.advance(task, count)

        yield advance
