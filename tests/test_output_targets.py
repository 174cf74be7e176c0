"""``-o`` never replaces what it should write into, and never overwrites an input.

Special files are made in ``tmp_path`` (``os.mkfifo``, ``os.mknod`` where allowed, a
bound Unix socket); the machine's ``/dev/null`` and ``/dev/stdout`` are only written
after checking that quotex will write into them, and checked to be unchanged after.
"""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

import quotex.pipeline
from quotex.cli import app
from quotex.errors import OutputError, UsageError
from quotex.io.readers import resolve_inputs
from quotex.io.targets import output_target, refuse_output_over_inputs
from quotex.io.writers import atomic_output

ROOT = Path(__file__).resolve().parent.parent
QUOTED = 'The plan "will not work in any form," said Minister Anna Berg on Monday.\n'
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def read_fifo_in_background(fifo: Path) -> tuple[threading.Thread, list[bytes]]:
    got: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as stream:
            got.append(stream.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader, got


# --- symbolic links ------------------------------------------------------------------


def test_output_through_a_symlink_replaces_its_target_and_keeps_the_link(tmp_path) -> None:
    (tmp_path / "data").mkdir()
    real = tmp_path / "data" / "out.jsonl"
    real.write_text("old")
    real.chmod(0o640)
    link = tmp_path / "link.jsonl"
    link.symlink_to(Path("data") / "out.jsonl")  # relative, as `ln -s` makes them
    with atomic_output(str(link)) as stream:
        stream.write("new")
    assert link.is_symlink() and os.readlink(link) == str(Path("data") / "out.jsonl")
    assert real.read_text() == "new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert leftovers(tmp_path / "data") == ["out.jsonl"]


def test_output_through_a_dangling_symlink_creates_its_target(tmp_path) -> None:
    link = tmp_path / "link.jsonl"
    link.symlink_to(tmp_path / "made.jsonl")
    with atomic_output(link) as stream:
        stream.write("x")
    assert link.is_symlink() and (tmp_path / "made.jsonl").read_text() == "x"


def test_output_through_a_chain_of_links_interrupted_leaves_everything(tmp_path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old")
    (tmp_path / "one").symlink_to("real.txt")
    (tmp_path / "two").symlink_to("one")
    with pytest.raises(KeyboardInterrupt), atomic_output(tmp_path / "two") as stream:
        stream.write("new")
        raise KeyboardInterrupt
    assert real.read_text() == "old" and leftovers(tmp_path) == ["one", "real.txt", "two"]
    assert (tmp_path / "two").is_symlink()


def test_a_symlink_loop_is_an_error(tmp_path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    with pytest.raises(OutputError, match="too many symbolic links"):
        output_target(tmp_path / "a")


# --- special files are written into, never replaced -----------------------------------


@needs_fifo
def test_output_to_a_fifo_writes_into_it_without_a_temp_file(tmp_path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader, got = read_fifo_in_background(fifo)
    with atomic_output(str(fifo)) as stream:
        stream.write("through the pipe\n")
    reader.join(10)
    assert got == [b"through the pipe\n"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert leftovers(tmp_path) == ["pipe"]


@needs_fifo
def test_output_to_a_symlink_to_a_fifo_keeps_both(tmp_path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link"
    link.symlink_to(fifo)
    reader, got = read_fifo_in_background(fifo)
    with pytest.raises(RuntimeError), atomic_output(link) as stream:
        stream.write("part")
        raise RuntimeError("interrupted")
    reader.join(10)
    assert got == [b"part"]  # what was written stays written: a pipe cannot take it back
    assert link.is_symlink() and stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert leftovers(tmp_path) == ["link", "pipe"]


def test_output_to_a_character_device_writes_into_it(tmp_path) -> None:
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of our own
        device.open("w").close()
    except (OSError, AttributeError) as exc:
        pytest.skip(f"cannot make and open a device node here: {exc}")
    with atomic_output(str(device)) as stream:
        stream.write("gone")
    assert stat.S_ISCHR(os.lstat(device).st_mode)
    assert leftovers(tmp_path) == ["null"]


@pytest.fixture()
def no_rename_into_dev(monkeypatch):
    """Fail, instead of renaming, if anything tries to move a file onto a path in /dev:
    a regression must not turn the machine's /dev/null into a file (as root it would)."""
    real_replace, real_rename = os.replace, os.rename

    def guarded(real):
        def move(src, dst, *args, **kwargs):
            if os.path.abspath(os.fspath(dst)).startswith("/dev/"):
                raise AssertionError(f"refused to rename {src} onto {dst}")
            return real(src, dst, *args, **kwargs)

        return move

    monkeypatch.setattr(os, "replace", guarded(real_replace))
    monkeypatch.setattr(os, "rename", guarded(real_rename))


def test_output_to_dev_null_leaves_it_a_character_device(no_rename_into_dev) -> None:
    if not stat.S_ISCHR(os.stat(os.devnull).st_mode):
        pytest.skip("no character device at os.devnull")
    assert not output_target(os.devnull).atomic
    with atomic_output(os.devnull) as stream:
        stream.write("discarded")
    assert stat.S_ISCHR(os.lstat(os.devnull).st_mode)


def test_output_to_a_socket_is_an_error_and_the_socket_stays(tmp_path) -> None:
    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
    except OSError as exc:
        pytest.skip(f"cannot bind a Unix socket here: {exc}")
    try:
        with pytest.raises(OutputError, match="cannot write to"), atomic_output(path) as stream:
            stream.write("x")
        assert stat.S_ISSOCK(os.lstat(path).st_mode)
        assert leftovers(tmp_path) == ["s.sock"]
    finally:
        server.close()


@needs_fifo
def test_a_target_that_becomes_a_fifo_while_writing_is_not_replaced(tmp_path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old")
    with pytest.raises(OutputError, match="no longer a regular file"):
        with atomic_output(target) as stream:
            stream.write("new")
            target.unlink()
            os.mkfifo(target)
    assert stat.S_ISFIFO(os.lstat(target).st_mode)
    assert leftovers(tmp_path) == ["out.jsonl"]


# Run in a child process; renaming onto anything in /dev is refused there too (see above).
WRITE_TO = """
import os, sys
from quotex.io.writers import atomic_output

def refuse(src, dst, *args, **kwargs):
    if os.path.abspath(os.fspath(dst)).startswith("/dev/"):
        raise SystemExit(f"refused to rename {src} onto {dst}")
    return real(src, dst, *args, **kwargs)

real = os.replace
os.replace = os.rename = refuse
with atomic_output(sys.argv[1]) as stream:
    stream.write("written\\n")
"""


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="no /dev/stdout")
def test_output_to_dev_stdout_goes_to_the_pipe_and_leaves_dev_stdout(tmp_path) -> None:
    assert not output_target("/dev/stdout").atomic  # checked before writing
    before = os.lstat("/dev/stdout")
    done = subprocess.run(
        [sys.executable, "-c", WRITE_TO, "/dev/stdout"], capture_output=True, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == b"written\n"
    after = os.lstat("/dev/stdout")
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="no /dev/stdout")
def test_output_to_dev_stdout_appended_to_a_file_keeps_what_was_there(tmp_path) -> None:
    log = tmp_path / "log.txt"
    log.write_text("earlier\n")
    with log.open("a") as stream:
        done = subprocess.run(
            [sys.executable, "-c", WRITE_TO, "/dev/stdout"], stdout=stream, cwd=ROOT
        )
    assert done.returncode == 0
    assert log.read_text() == "earlier\nwritten\n" and leftovers(tmp_path) == ["log.txt"]


@pytest.mark.skipif(not Path("/dev/fd").is_dir(), reason="no /dev/fd")
def test_output_to_dev_fd_of_a_process_substitution_goes_to_the_pipe() -> None:
    read_end, write_end = os.pipe()
    try:
        done = subprocess.run(
            [sys.executable, "-c", WRITE_TO, f"/dev/fd/{write_end}"],
            pass_fds=(write_end,),
            capture_output=True,
            cwd=ROOT,
        )
        os.close(write_end)
        assert done.returncode == 0, done.stderr
        assert os.read(read_end, 100) == b"written\n"
    finally:
        os.close(read_end)


# --- an output that is an input -------------------------------------------------------


def _refused(output: str, inputs: list[str], glob: list[str] | None = None) -> str | None:
    try:
        refuse_output_over_inputs(output, resolve_inputs(inputs, glob=glob), inputs, glob)
    except UsageError as exc:
        return str(exc)
    return None


def test_output_equal_to_an_input_is_refused_in_every_spelling(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(QUOTED)
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.txt").symlink_to("a.txt")
    os.link(tmp_path / "a.txt", tmp_path / "hard.txt")
    for output in ["a.txt", "./a.txt", "sub/../a.txt", str(tmp_path / "a.txt"), "link.txt",
                   "hard.txt"]:  # fmt: skip
        message = _refused(output, ["a.txt"])
        assert message is not None and "is the input a.txt" in message, output
        assert output in message
    assert _refused("b.txt", ["a.txt"]) is None


def test_output_inside_an_input_folder_is_refused_when_it_would_be_read(tmp_path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(QUOTED)
    assert "inside the input folder" in _refused(str(folder / "out.txt"), [str(folder)])
    assert "inside the input folder" in _refused(str(folder / "deep" / "out.html"), [str(folder)])
    assert "inside the input folder" in _refused(str(folder / "out.jsonl"), [str(folder)])
    assert _refused(str(folder / "out.md"), [str(folder)]) is None  # *.txt, *.jsonl, *.html
    assert _refused(str(folder / ".out.txt"), [str(folder)]) is None  # hidden: never read
    assert _refused(str(folder / "out.txt"), [str(folder)], glob=["a*"]) is None
    assert _refused(str(tmp_path / "out.txt"), [str(folder)]) is None


def test_a_device_as_input_and_output_is_no_clash(tmp_path) -> None:
    """Two uses of one FIFO or device are no input destroyed (a device named as an input is
    refused by the reader itself, so a FIFO stands in for it here)."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    written = os.stat(fifo)
    from quotex.io.targets import _same

    assert not _same(written, os.stat(fifo))


@pytest.fixture()
def cli(nlp, monkeypatch):
    monkeypatch.setattr(quotex.pipeline, "load_nlp", lambda model=None, **_: nlp)
    runner = CliRunner()
    return lambda args, **kw: runner.invoke(app, args, catch_exceptions=False, **kw)


@pytest.mark.model
@pytest.mark.parametrize(
    "command",
    [
        ["extract"],
        ["quotes", "--format", "csv"],
        ["entities", "--where", "in-quote"],
        ["speakers", "--format", "json"],
        ["show"],
    ],
    ids=lambda c: c[0],
)
def test_every_command_refuses_an_output_that_is_its_input(cli, tmp_path, command) -> None:
    source = tmp_path / "a.txt"
    source.write_text(QUOTED)
    (tmp_path / "alias.txt").symlink_to(source)
    result = cli([command[0], str(source), *command[1:], "-o", str(tmp_path / "alias.txt")])
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert str(source) in line and "alias.txt" in line
    assert source.read_text() == QUOTED


@pytest.mark.model
def test_output_in_the_input_folder_is_refused_and_elsewhere_written(cli, tmp_path) -> None:
    folder = tmp_path / "samples"
    folder.mkdir()
    (folder / "a.txt").write_text(QUOTED)
    result = cli(["quotes", str(folder), "-o", str(folder / "out.txt")])
    assert result.exit_code == 2 and "inside the input folder" in result.stderr
    assert leftovers(folder) == ["a.txt"]
    result = cli(["quotes", str(folder), "-o", str(folder / "out.jsonl")])  # folders read JSONL
    assert result.exit_code == 2 and "inside the input folder" in result.stderr
    result = cli(["quotes", str(folder), "--format", "json", "-o", str(folder / "out.json")])
    assert result.exit_code == 0, result.stderr
    assert json.loads((folder / "out.json").read_text())[0]["id"] == "a.txt"


@pytest.mark.model
def test_output_over_a_jsonl_input_read_from_stdin_is_refused(cli, tmp_path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "d", "text": QUOTED}) + "\n")
    with corpus.open("rb") as stdin:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "quotex",
                "extract",
                "--input-format",
                "jsonl",
                "-o",
                str(corpus),
            ],  # fmt: skip
            stdin=stdin,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
    assert done.returncode == 2, done.stderr
    assert "is the input stdin" in done.stderr
    assert json.loads(corpus.read_text())["id"] == "d"
