"""Hostile text never reaches a terminal raw: escape sequences, C1 and BiDi controls.

Unit tests of :func:`quotex.terminal.terminal_safe` and the consoles, then the CLI run
in a real pseudo-terminal (``TERM=xterm``, ``COLUMNS=100``), where rich's own styling
sequences are expected and the article's injected ones must be absent.
"""

from __future__ import annotations

import io
import os
import re
import select
import sys
import time
from pathlib import Path

import pytest
from rich.text import Text

from quotex.records import DocResult, Mention, Quote
from quotex.terminal import TerminalStream, terminal_safe

pty = pytest.importorskip("pty", reason="pseudo-terminals need a POSIX system")

ROOT = Path(__file__).resolve().parent.parent
TITLE = "\x1b]0;pwned\x07"  # OSC 0: retitle the window
CLEAR = "\x1b[2J"  # CSI: clear the screen
ALT_SCREEN = "\x1b[?1049h"  # switch to the alternate screen
LINK = "\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\"  # OSC 8 hyperlink
CSI_8BIT = "\x9b31m"  # 8-bit CSI
RLO = "\u202e"  # right-to-left override
HOSTILE = (
    f"{TITLE}“We will {CLEAR}not retreat,” said Anna {ALT_SCREEN}Berg on Monday.\r\n"
    f"Read {LINK} now {CSI_8BIT}red{RLO}txt.exe and \x07\x08\x0b\x0c done.\r\n"
)
INJECTED = [TITLE, CLEAR, ALT_SCREEN, "\x1b]8;;http", CSI_8BIT, RLO, "\x07", "\x08"]
# A file name that retitles the window and clears the screen when printed raw.
HOSTILE_NAME = f"wire{TITLE}{CLEAR}.txt"


# --- the sanitiser -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b]0;x\x07", "␛]0;x␇"),
        ("\x1b[2J\x00\x7f", "␛[2J␀␡"),
        ("a\x9b31m\x9d\x90b", "a�31m��b"),
        ("x\u202eexe.txt\u2066\u200b\ufeff", "x�exe.txt���"),
        ("lone \ud800 surrogate", "lone � surrogate"),
        ("tag\U000e0041s", "tag�s"),
        ("line one\r\nline two\r", "line one \nline two␍"),
        ("keeps\ttabs\nand newlines", "keeps\ttabs\nand newlines"),
        *[(kept, kept) for kept in ["café 東京 \u200d emoji 👍🏽 soft\u00adhyphen"]],
    ],
)
def test_terminal_safe_replaces_each_control_with_one_visible_character(text, shown) -> None:
    assert terminal_safe(text) == shown
    assert len(terminal_safe(text)) == len(text)
    assert terminal_safe(shown) == shown  # idempotent


def test_terminal_safe_inline_also_shows_newlines_and_tabs() -> None:
    assert terminal_safe("a\nb\tc\r\n", inline=True) == "a␊b␉c␍␊"


def test_terminal_safe_returns_ordinary_text_unchanged() -> None:
    text = (ROOT / "samples" / "nato-russia.txt").read_text(encoding="utf-8")
    assert terminal_safe(text) is text


def test_terminal_stream_writes_safe_text_and_reports_the_length_given() -> None:
    buffer = io.StringIO()
    stream = TerminalStream(buffer)
    assert stream.write('{"text": "\x9b2J\u202e"}\r\n') == 18
    assert buffer.getvalue() == '{"text": "�2J�"} \n'


# --- the consoles --------------------------------------------------------------------


def _console_output(printer) -> str:
    from quotex.cli.console import make_console

    buffer = io.StringIO()
    console = make_console(file=buffer, width=100, force_terminal=True, color_system="standard")
    printer(console)
    return buffer.getvalue()


def test_console_neutralises_a_raw_text_printed_by_mistake() -> None:
    shown = _console_output(lambda console: console.print(Text(HOSTILE)))
    for sequence in INJECTED:
        assert sequence not in shown
    assert "␛]0;pwned" in shown


def test_console_keeps_its_own_styles_and_a_plain_string_as_markup_free_text() -> None:
    from quotex.cli.console import echo

    shown = _console_output(lambda console: echo(console, "[bold]x\x1b[2J", style="red"))
    assert "[bold]x␛[2J" in shown and "\x1b[31m" in shown  # rich's own red is there


def test_warn_puts_a_hostile_message_on_one_line(capsys) -> None:
    from quotex.cli import console

    stream = io.StringIO()
    saved = console.err.file
    console.err.file = stream
    try:
        console.warn(f"{HOSTILE_NAME}\nquotex: forged line")
    finally:
        console.err.file = saved
    [line] = stream.getvalue().splitlines()
    assert line == "quotex: wire␛]0;pwned␇␛[2J.txt␊quotex: forged line"


def test_article_text_keeps_highlights_aligned_after_replacements() -> None:
    from quotex.render.article import article_text

    start = HOSTILE.index("not retreat")
    end = HOSTILE.index(",”")
    quote = Quote("q1", "direct", HOSTILE[start:end], start, end, speaker="Anna Berg")
    cue = HOSTILE.index("said")
    quote = Quote(
        "q1",
        "direct",
        HOSTILE[start:end],
        start,
        end,
        speaker="Anna Berg",
        cue=Mention("said", cue, cue + 4),
    )
    article = article_text(HOSTILE, DocResult("d", (quote,)))
    assert len(article.plain) == len(HOSTILE)
    styled = {article.plain[s.start : s.end]: str(s.style) for s in article.spans}
    assert styled["not retreat"].startswith("italic")
    assert styled["said"] == "underline"
    assert "␛[2J" in article.plain and "\x1b" not in article.plain


def test_no_console_is_made_outside_the_console_module() -> None:
    """Every printing path is the one in ``quotex/cli/console.py``: lint the sources."""
    allowed = {ROOT / "quotex" / "cli" / "console.py"}
    forbidden = re.compile(
        r"\bConsole\(|(?<![.\w])print\(|typer\.echo|click\.echo|sys\.std(out|err)\.write"
    )
    offenders = []
    for path in sorted((ROOT / "quotex").rglob("*.py")):
        if path in allowed:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if forbidden.search(code) and "terminal-safe:" not in line:
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


# --- the CLI in a pseudo-terminal ----------------------------------------------------


def run_in_terminal(args: list[str], cwd: Path, timeout: float = 120) -> tuple[int, bytes]:
    """Run ``python -m quotex ARGS`` with stdout and stderr on a pseudo-terminal."""
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100", "LINES": "40"}
    for name in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        env.pop(name, None)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    pid, fd = pty.fork()
    if pid == 0:  # the child: its stdin, stdout and stderr are the terminal
        try:
            os.chdir(cwd)
            os.execve(sys.executable, [sys.executable, "-m", "quotex", *args], env)
        finally:
            os._exit(127)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    else:
        os.kill(pid, 9)
    os.close(fd)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), b"".join(chunks)


def assert_nothing_injected(shown: bytes) -> None:
    for sequence in INJECTED:
        assert sequence.encode("utf-8") not in shown, sequence
    assert "␛".encode() in shown


@pytest.fixture
def hostile_file(tmp_path) -> Path:
    path = tmp_path / HOSTILE_NAME
    path.write_text(HOSTILE, encoding="utf-8")
    return path


@pytest.mark.model
def test_show_in_a_terminal_shows_the_article_escapes_as_pictures(hostile_file) -> None:
    code, shown = run_in_terminal(["show", hostile_file.name], hostile_file.parent)
    assert code == 0, shown
    assert_nothing_injected(shown)
    assert b"Anna" in shown and b"\x1b[" in shown  # styled by rich itself


@pytest.mark.model
def test_quotes_table_in_a_terminal_shows_escapes_as_pictures(hostile_file) -> None:
    args = ["quotes", hostile_file.name, "--format", "table"]
    code, shown = run_in_terminal(args, hostile_file.parent)
    assert code == 0, shown
    assert_nothing_injected(shown)
    assert b"not retreat" in shown


@pytest.mark.model
def test_jsonl_on_a_terminal_shows_c1_and_bidi_controls_as_replacements(tmp_path) -> None:
    import json

    corpus = tmp_path / "c.jsonl"
    record = {"id": f"id{CSI_8BIT}{RLO}", "text": HOSTILE}
    corpus.write_text(json.dumps(record) + "\n", encoding="utf-8")
    code, shown = run_in_terminal(["quotes", corpus.name, "--format", "jsonl"], tmp_path)
    assert code == 0, shown
    for sequence in INJECTED:
        assert sequence.encode("utf-8") not in shown, sequence
    assert '"id": "id�31m�"'.encode() in shown


def test_error_naming_a_file_with_escapes_shows_them_as_pictures(tmp_path) -> None:
    code, shown = run_in_terminal(["quotes", f"missing{TITLE}{CLEAR}.txt"], tmp_path)
    assert code == 1
    assert_nothing_injected(shown)
    assert "no such file or folder: missing␛]0;pwned␇␛[2J.txt".encode() in shown
