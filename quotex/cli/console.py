"""The CLI's consoles and its one way of printing text that users control.

Document ids, file names, speaker names, quotes and error messages can hold anything:
``[bold]`` or ``:smile:``, and escape sequences that a terminal would obey. Two rules
keep them harmless:

* :func:`echo` prints a ``str`` as a ``rich.text.Text``, so rich never reads it as markup
  or emoji codes; renderables (tables, the article view) build their ``Text`` with
  :func:`quotex.render.safe.user_text`, which also shows control characters as visible
  stand-ins, one for one, so highlights keep their offsets.
* Every console is a :class:`SafeConsole` (made here, by :func:`make_console`), which
  passes every segment it prints through :func:`quotex.terminal.terminal_safe`: text
  that reached a renderable raw by mistake still cannot drive the terminal. rich's own
  styling and cursor sequences are control segments and pass untouched.

Nothing else in quotex makes a console or prints (``tests/test_terminal.py`` checks).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.text import Text

from quotex.terminal import terminal_safe

PREFIX = "quotex: "


class SafeConsole(Console):
    """A ``Console`` that never prints a control character it did not make itself."""

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            if segment.control:  # rich's own cursor moves and the like
                yield segment
            else:
                yield Segment(terminal_safe(segment.text), segment.style)


def make_console(**kwargs: Any) -> Console:
    """A :class:`SafeConsole`; ``kwargs`` as for ``rich.console.Console``."""
    return SafeConsole(**kwargs)


out = make_console(highlight=False, soft_wrap=False)
err = make_console(stderr=True, highlight=False, soft_wrap=True)


def echo(console: Console, text: str | Text, *, style: str = "", end: str = "\n") -> None:
    """Print ``text`` on ``console`` as it is, controls shown as stand-ins, on one line
    (a ``str`` gets ``style``)."""
    if isinstance(text, Text):
        text = text.copy()
        text.plain = terminal_safe(text.plain, inline=True)
    else:
        text = Text(terminal_safe(text, inline=True), style=style)
    console.print(text, end=end)


def warn(message: str) -> None:
    """One ``quotex: message`` line on stderr."""
    echo(err, PREFIX + message)
