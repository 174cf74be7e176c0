"""Ending a run with worker processes: a closed pipe, Ctrl-C, SIGTERM, a killed worker.

The first tests need no model: the held-signal block (:mod:`quotex.engines.interrupts`)
and the local pool. The others run ``python -m quotex`` with ``--jobs 2`` (and one on a
local Dask cluster) in a session of its own, end it the way a user or a system would, and
check the exit code, stderr, the ``-o`` folder and that no process of that session is
left. A run of the test corpus takes far longer than the tests wait, so every signal
lands mid-run; deadlines are generous for a loaded machine, and everything is polled.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import quotex.engines.processes as processes
from quotex import stopping
from quotex.engines.interrupts import deferred_interrupts

HAS_PROC = Path("/proc/self/stat").exists()
START_S = 90  # model load and workers (a Dask cluster too) on a busy 2-core machine
EXIT_S = 15  # from the signal or the closed pipe to the end of the run
GONE_S = 5  # for the last worker process to disappear once the run has ended
DOCS = 3000  # far more than a test waits for
TEXT = (
    '"The plan will not work in any form," said Minister Anna Berg on Monday. '
    "Officials in Oslo said talks on the budget would resume next week."
)


# --- without a model ------------------------------------------------------------------


def test_deferred_interrupts_delivers_a_held_signal_when_the_block_ends() -> None:
    # Python's own SIGINT handler, whatever the test run inherited (a job started in the
    # background by a non-interactive shell inherits SIGINT ignored)
    inherited = signal.signal(signal.SIGINT, signal.default_int_handler)
    reached_end = False
    try:
        with pytest.raises(KeyboardInterrupt):
            with deferred_interrupts():
                signal.raise_signal(signal.SIGINT)
                reached_end = True  # the block was not cut short
    finally:
        signal.signal(signal.SIGINT, inherited)
    assert reached_end


class _InterruptedInDel:
    """Raises the KeyboardInterrupt a signal handler would, inside ``__del__``."""

    def __del__(self) -> None:
        raise KeyboardInterrupt


def test_a_lost_interrupt_after_a_stop_prints_no_traceback(monkeypatch) -> None:
    # lost_interrupt_unprinted: Python cannot raise it in __del__; once a stop was asked
    # for it is dropped silently (stopping.check raises it later), otherwise it goes to the
    # hook that prints "Exception ignored … Traceback" (here one that records it)
    printed: list[type] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda u: printed.append(u.exc_type))
    stopping.clear()
    try:
        with stopping.quiet_lost_interrupts():
            stopping.request(signal.SIGINT)
            _InterruptedInDel()  # deleted at once: its KeyboardInterrupt is unraisable
            assert printed == []
            with pytest.raises(KeyboardInterrupt):
                stopping.check()
            stopping.clear()
            _InterruptedInDel()
            assert printed == [KeyboardInterrupt]
    finally:
        stopping.clear()


def test_deferred_interrupts_restores_the_handlers_it_found() -> None:
    before = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    with deferred_interrupts():
        pass
    assert {s: signal.getsignal(s) for s in before} == before


def test_deferred_interrupts_blocks_the_signals_in_threads_started_inside() -> None:
    masks: list[set[int]] = []

    def record() -> None:
        masks.append(signal.pthread_sigmask(signal.SIG_BLOCK, set()))

    with deferred_interrupts():
        thread = threading.Thread(target=record)
        thread.start()
        thread.join()
    assert {signal.SIGINT, signal.SIGTERM} <= masks[0]
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, set())


@pytest.mark.skipif(not processes.can_fork(), reason="fork only")
def test_ordered_map_interrupted_in_the_consumer_leaves_no_worker() -> None:
    before = set(multiprocessing.active_children())
    with pytest.raises(KeyboardInterrupt):
        for n in processes.ordered_map(abs, range(100), processes=2, window=4):
            if n == 3:
                raise KeyboardInterrupt
    assert set(multiprocessing.active_children()) <= before


def test_a_worker_stops_waiting_for_tasks_once_its_parent_is_gone() -> None:
    never_fed = multiprocessing.get_context("fork").Queue()
    assert processes._next_task(never_fed, parent=-1) is None  # the stop sentinel


@pytest.mark.parametrize(
    ("exitcode", "said"),
    [(-9, "was killed (SIGKILL)"), (-15, "was killed (SIGTERM)"), (1, "stopped (exit code 1)")],
)
def test_a_dead_worker_is_named_by_how_it_ended(exitcode: int, said: str) -> None:
    assert processes._how_it_ended(exitcode) == said


# --- the CLI in a process of its own ----------------------------------------------------


def session_processes(session: int) -> set[int]:
    """Live processes (not zombies) of ``session``: the run and whatever it started."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # it ended meanwhile
            continue
        state, _ppid, _group, sid = stat.rsplit(")", 1)[1].split()[:4]
        if int(sid) == session and state != "Z":
            found.add(int(entry.name))
    return found


def wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"no {what} within {seconds} s"
        time.sleep(0.05)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    lines = (json.dumps({"id": f"d{n}", "text": f"{TEXT} Item {n}."}) for n in range(DOCS))
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def start(args: list[str], folder: Path, **kwargs) -> subprocess.Popen:
    """``python -m quotex ARGS`` in ``folder``, in a session (and process group) of its own."""
    return subprocess.Popen(
        [sys.executable, "-m", "quotex", *args],
        cwd=folder,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        **kwargs,
    )


def finish(process: subprocess.Popen) -> tuple[int, str, float]:
    """Exit code, stderr and seconds until the run ended; the session is checked empty."""
    began = time.monotonic()
    try:
        _, errors = process.communicate(timeout=EXIT_S)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"the run did not end within {EXIT_S} s")
    took = time.monotonic() - began
    wait_for(lambda: not session_processes(process.pid), GONE_S, "end of every worker")
    return process.returncode, errors, took


def writing_began(folder: Path) -> bool:
    """Whether ``-o out.jsonl`` has records in its temporary file (8 KB of them)."""
    return any(temp.stat().st_size for temp in folder.glob(".out.jsonl.*.tmp"))


def workers_of(process: subprocess.Popen, count: int) -> Callable[[], bool]:
    return lambda: len(session_processes(process.pid) - {process.pid}) >= count


JOBS = ["--jobs", "2"]
DASK = ["--engine", "dask", "--jobs", "2"]
needs_proc = pytest.mark.skipif(not HAS_PROC, reason="looks for leftover workers in /proc")


@needs_proc
@pytest.mark.model
@pytest.mark.parametrize("command", ["quotes", "extract"])
def test_jobs_2_piped_into_a_reader_that_leaves_exits_0_and_leaves_no_worker(
    corpus: Path, command: str
) -> None:
    process = start([command, corpus.name, *JOBS], corpus.parent, stdout=subprocess.PIPE)
    assert process.stdout.readline().startswith('{"id": "d0"')
    assert workers_of(process, 2)()
    process.stdout.close()  # what `| head -1` does
    code, errors, _ = finish(process)
    assert code == 0
    assert errors == ""


@needs_proc
@pytest.mark.model
@pytest.mark.parametrize(
    ("engine", "signum", "code", "said"),
    [
        (JOBS, signal.SIGINT, 130, "interrupted"),
        (JOBS, signal.SIGTERM, 143, "terminated (SIGTERM)"),
        (DASK, signal.SIGINT, 130, "interrupted"),
    ],
    ids=["jobs-SIGINT", "jobs-SIGTERM", "dask-SIGINT"],
)
def test_signal_mid_run_exits_130_or_143_with_one_line_and_leaves_nothing(
    corpus: Path, engine: list[str], signum: int, code: int, said: str
) -> None:
    if engine is DASK:
        pytest.importorskip("distributed")
    folder = corpus.parent
    (folder / "out.jsonl").write_text("kept\n")  # an earlier output stays as it was
    process = start(
        ["quotes", corpus.name, *engine, "-o", "out.jsonl"], folder, stdout=subprocess.DEVNULL
    )
    wait_for(lambda: writing_began(folder) or process.poll() is not None, START_S, "output")
    assert process.poll() is None and workers_of(process, 2)()
    if signum == signal.SIGINT:
        os.killpg(process.pid, signum)  # Ctrl-C: the terminal signals the whole group
    else:
        process.send_signal(signum)  # kill PID: the parent alone
    returncode, errors, took = finish(process)
    assert returncode == code, errors
    assert errors == f"quotex: {said}; out.jsonl was not written\n"
    assert sorted(p.name for p in folder.iterdir()) == ["corpus.jsonl", "out.jsonl"]
    assert (folder / "out.jsonl").read_text() == "kept\n"
    assert took < EXIT_S


@needs_proc
@pytest.mark.model
def test_a_killed_worker_ends_the_run_with_one_line_and_exit_1(corpus: Path) -> None:
    folder = corpus.parent
    process = start(
        ["quotes", corpus.name, *JOBS, "-o", "out.jsonl"], folder, stdout=subprocess.DEVNULL
    )
    wait_for(lambda: writing_began(folder) or process.poll() is not None, START_S, "output")
    workers = session_processes(process.pid) - {process.pid}
    assert process.poll() is None and len(workers) >= 2
    os.kill(min(workers), signal.SIGKILL)
    returncode, errors, _ = finish(process)
    assert returncode == 1
    assert errors.count("\n") == 1 and "was killed (SIGKILL)" in errors
    assert sorted(p.name for p in folder.iterdir()) == ["corpus.jsonl"]
