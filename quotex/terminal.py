"""What user text may reach a terminal: every control character made visible, one for one.

Article text, quotes, names, document ids, file names and error messages can hold
escape sequences that a terminal obeys (retitle the window, clear the screen, switch to
the alternate screen, plant OSC 8 links) or characters that reorder what is shown
(BiDi overrides). :func:`terminal_safe` is the one function that neutralises them; the
CLI's consoles pass every segment they print through it, and :class:`TerminalStream`
does the same for JSON or CSV written to a terminal.

Each unsafe code point is replaced by exactly one visible code point, so lengths and
character offsets are unchanged (``quotex show`` highlights still line up):

* C0 controls and DEL become their Unicode control pictures: ESC is ``␛`` (U+241B),
  BEL ``␇``, CR ``␍``, DEL ``␡``. Newline and tab are kept in blocks of text (the
  article, tables); rich expands tabs to spaces. ``inline=True`` (one-line messages,
  titles) shows a newline as ``␊`` too.
* A carriage return right before a newline (CRLF text) becomes a space, so CRLF text
  reads as it would in an editor.
* C1 controls (U+0080–U+009F: 8-bit CSI, OSC, DCS), BiDi embeddings, overrides, isolates
  and marks, invisible format characters (zero-width space, word joiners, invisible
  operators, a BOM inside the text, interlinear annotations, tag characters), the line
  and paragraph separators, and lone surrogates (which cannot be encoded) become
  U+FFFD ``�``. Zero-width joiner and non-joiner are kept: scripts and emoji need them.

Nothing here imports rich; the library may use it.
"""

from __future__ import annotations

import re
from typing import TextIO

REPLACEMENT = "\ufffd"
CONTROL_PICTURES_START = 0x2400  # U+2400 ␀ … U+241F ␟: a picture for each C0 control
DELETE_PICTURE = "\u2421"  # ␡
KEPT_IN_BLOCKS = "\n\t"
# Code points that are neither C0 nor DEL but must not reach a terminal as they are.
_OTHER_UNSAFE = (
    "\u0080-\u009f"  # C1 controls: 8-bit CSI (\x9b), OSC (\x9d), DCS (\x90), ...
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # BiDi marks, embeddings, overrides, isolates
    "\u180e\u200b\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb"  # invisible format characters
    "\u2028\u2029"  # line and paragraph separators
    "\ud800-\udfff"  # lone surrogates (from JSON escapes or surrogateescape decoding)
    "\U000e0000-\U000e007f"  # tag characters: invisible ASCII look-alikes
)  # kept: soft hyphen (harmless, common in web text), ZWJ and ZWNJ (scripts and emoji)
_UNSAFE_BLOCK = re.compile(f"[\x00-\x08\x0b-\x1f\x7f{_OTHER_UNSAFE}]")
_UNSAFE_INLINE = re.compile(f"[\x00-\x1f\x7f{_OTHER_UNSAFE}]")


def _stand_in(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        if char == "\r" and match.re is _UNSAFE_BLOCK and _before_newline(match):
            return " "  # CRLF shows as a line break
        return chr(CONTROL_PICTURES_START + code)
    if code == 0x7F:
        return DELETE_PICTURE
    return REPLACEMENT


def _before_newline(match: re.Match[str]) -> bool:
    return match.string[match.end() : match.end() + 1] == "\n"


def terminal_safe(text: str, *, inline: bool = False) -> str:
    """``text`` with every character a terminal could obey replaced by a visible one.

    The result has the same length as ``text`` (one code point for one), so offsets
    into ``text`` are offsets into the result. ``inline`` also replaces newlines and
    tabs, for text that must stay on one line. Safe to apply twice.
    """
    pattern = _UNSAFE_INLINE if inline else _UNSAFE_BLOCK
    if pattern.search(text) is None:
        return text
    return pattern.sub(_stand_in, text)


class TerminalStream:
    """A text stream that writes :func:`terminal_safe` text to a terminal it wraps.

    Used for JSON, JSON Lines or CSV printed on a terminal: JSON escapes C0 controls but
    not C1 or BiDi characters, and CSV escapes nothing. Files and pipes get the exact text.
    A CR before LF is written as a space (CSV lines end in CRLF): a terminal shows both
    the same.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(terminal_safe(text))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def fileno(self) -> int:
        return self._stream.fileno()

    def isatty(self) -> bool:
        return self._stream.isatty()
