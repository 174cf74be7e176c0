"""The CLI's two consoles and its one way of printing text that users control.

Document ids, file names, speaker names, quotes and error messages can hold anything,
``[bold]`` or ``:smile:`` included; :func:`echo` prints them as a ``rich.text.Text``, so
rich never reads them as markup or emoji codes. Every message of the CLI goes through
:func:`echo` or :func:`warn`; renderables (tables, the article view) build their own
``Text`` objects in :mod:`quotex.render`.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

PREFIX = "quotex: "

out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def echo(console: Console, text: str | Text, *, style: str = "", end: str = "\n") -> None:
    """Print ``text`` on ``console`` exactly as it is (a ``str`` gets ``style``)."""
    console.print(text if isinstance(text, Text) else Text(text, style=style), end=end)


def warn(message: str) -> None:
    """One ``quotex: message`` line on stderr."""
    echo(err, PREFIX + message)
