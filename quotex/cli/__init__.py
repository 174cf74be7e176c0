"""The command line: a thin Typer layer over the library.

``common`` holds the Typer :data:`app`, the shared options and the error policy;
``console`` the one way of printing user text; each command group is a module that
registers on ``app``: ``extract`` (extract, quotes, entities), ``eval``, ``show``
(show, speakers) and ``report``. Commands validate options and call a plain typed worker; spaCy is
imported only inside workers, so ``quotex --help`` is instant.
"""

# Importing a command module registers its commands; `quotex --help` lists them in this order.
from quotex.cli import extract  # noqa: F401, I001  (extract, quotes, entities)
from quotex.cli import eval  # noqa: F401  (eval)
from quotex.cli import show  # noqa: F401  (show, speakers)
from quotex.cli import report  # noqa: F401  (report)
from quotex.cli.common import app, main

__all__ = ["app", "main"]
