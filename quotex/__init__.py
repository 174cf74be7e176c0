"""quotex: who said what. Quotations, speakers, cues and named entities from news text.

>>> from quotex import extract
>>> result = extract("“We will win,” Putin said.")   # doctest: +SKIP
>>> result.quotes[0].speaker                          # doctest: +SKIP
'Putin'
"""

from typing import TYPE_CHECKING, Any

from quotex.errors import ExitCode, InputError, ModelError, QuotexError, UsageError
from quotex.records import DocResult, Entity, EntityMention, Mention, Quote

if TYPE_CHECKING:
    from quotex.extraction import ExtractFailure, extract, extract_documents

__version__ = "0.1.0"  # the one place; pyproject.toml reads it (dynamic version)

__all__ = [
    "DocResult",
    "Entity",
    "EntityMention",
    "ExitCode",
    "ExtractFailure",
    "InputError",
    "Mention",
    "ModelError",
    "Quote",
    "QuotexError",
    "UsageError",
    "__version__",
    "extract",
    "extract_documents",
]


def __getattr__(name: str) -> Any:
    # spaCy loads only when extraction is asked for, so `quotex --help` stays instant
    if name in ("extract", "extract_documents", "ExtractFailure"):
        from quotex import extraction as module

        return getattr(module, name)
    raise AttributeError(f"module 'quotex' has no attribute {name!r}")
