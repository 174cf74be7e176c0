"""Presentation for the command line: rich renderables, the HTML page, the progress bar.

``tables`` (quotes, entities, speakers, eval scores), ``article`` (the ``quotex show``
view), ``html`` (the same as one HTML page), ``highlight`` (what both views mark, as
plain data) and ``progress`` (the corpus bar on stderr). Only :mod:`quotex.cli` imports
this package; the library never does. Nothing here prints: the CLI hands renderables to
its consoles, and user text always goes into ``Text`` objects, never through markup.
"""
