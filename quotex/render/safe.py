"""User text as rich ``Text``: never markup, controls shown as visible stand-ins.

Every renderable in :mod:`quotex.render` builds text that came from a document, a file
name, a gold file or the model with :func:`user_text`, never with ``Text(...)`` or a
markup string: rich would drop some control characters silently (shifting offsets) and
print the others raw. See :mod:`quotex.terminal` for what is replaced and by what.
"""

from __future__ import annotations

from rich.text import Text

from quotex.terminal import terminal_safe


def user_text(text: str, style: str = "", *, inline: bool = False) -> Text:
    """``text`` as a ``Text`` with ``style``, terminal-safe, one character for one.

    Line breaks and tabs are kept (rich wraps lines and expands tabs); ``inline`` shows
    them as pictures too, for text that must stay on one line.
    """
    return Text(terminal_safe(text, inline=inline), style=style)
