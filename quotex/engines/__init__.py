"""Where a corpus is processed: in this process (``local``) or on a Dask cluster (``dask``).

Only the names live here, so the CLI can offer ``--engine`` without importing an engine;
:mod:`quotex.engines.dask` needs the optional ``distributed`` package.
"""

from __future__ import annotations

from enum import StrEnum


class Engine(StrEnum):
    """How a corpus run is executed."""

    LOCAL = "local"
    DASK = "dask"
