"""The local engine's worker processes: results in task order, a task's error raised in the
parent, a dead worker reported, an abandoned stream stops its workers. No model needed."""

from __future__ import annotations

import os
import time

import pytest

import quotex.engines.processes as processes
from quotex.errors import QuotexError

pytestmark = pytest.mark.skipif(not processes.can_fork(), reason="fork only")


def slow_square(n: int) -> tuple[int, int]:
    time.sleep(0.02 * (n % 3))  # tasks finish out of order
    return n * n, os.getpid()


def test_ordered_map_keeps_task_order_across_workers() -> None:
    results = list(processes.ordered_map(slow_square, range(30), processes=2, window=4))
    assert [square for square, _ in results] == [n * n for n in range(30)]
    assert len({pid for _, pid in results} - {os.getpid()}) == 2


def test_ordered_map_reads_at_most_a_window_ahead() -> None:
    read = 0

    def tasks():
        nonlocal read
        for n in range(100):
            read += 1
            yield n

    stream = processes.ordered_map(slow_square, tasks(), processes=2, window=3)
    next(stream)
    assert read <= 3 + 1
    stream.close()


def test_ordered_map_raises_a_tasks_error_in_the_parent() -> None:
    def fail_at_three(n: int) -> int:
        if n == 3:
            raise ValueError("three")
        return n

    stream = processes.ordered_map(fail_at_three, range(6), processes=2, window=2)
    assert [next(stream) for _ in range(3)] == [0, 1, 2]
    with pytest.raises(ValueError, match="three"):
        next(stream)


def test_ordered_map_reports_a_worker_that_died(monkeypatch) -> None:
    monkeypatch.setattr(processes, "POLL_S", 0.05)

    def die_at_two(n: int) -> int:
        if n == 2:
            os._exit(9)
        return n

    with pytest.raises(QuotexError, match="exit code 9"):
        list(processes.ordered_map(die_at_two, range(4), processes=2, window=4))


def test_ordered_map_closed_early_stops_its_workers(monkeypatch) -> None:
    stopped: list[bool] = []
    real = processes._stop

    def forever(n: int) -> int:
        if n > 0:
            time.sleep(60)
        return n

    def stop(workers, *args, **kwargs):
        real(workers, *args, **kwargs)
        stopped.extend(not w.is_alive() for w in workers)

    monkeypatch.setattr(processes, "_stop", stop)
    stream = processes.ordered_map(forever, range(5), processes=2, window=4)
    assert next(stream) == 0
    stream.close()
    assert stopped == [True, True]
