"""quotex: who said what. Quotations, speakers, cues and named entities from news text.

One text:

>>> import quotex
>>> result = quotex.extract("“We will win,” Putin said.")   # doctest: +SKIP
>>> result.quotes[0].speaker                                 # doctest: +SKIP
'Putin'

A corpus, in batches through one pipeline, into a table (pandas is not a dependency):

>>> nlp = quotex.load_nlp()                                  # doctest: +SKIP
>>> docs = (quotex.Document(id, text, {"url": url}) for id, text, url in rows)  # doctest: +SKIP
>>> results = list(quotex.extract_documents(docs, nlp))      # doctest: +SKIP
>>> pandas.DataFrame(quotex.quote_rows(results))             # doctest: +SKIP

``extract`` and ``extract_documents`` give :class:`DocResult` records (quotes, entities,
the document's metadata); ``extract_documents`` yields a :class:`ReadFailure` or
:class:`ExtractFailure` in place of a document it could not use, and never raises for
one. ``quote_rows``, ``entity_rows`` and ``source_rows`` flatten results into the CSV
output's columns; ``summarize_speakers`` counts who is quoted. spaCy is imported only
when a pipeline is loaded, so importing quotex is instant.
"""

from typing import TYPE_CHECKING, Any

# The one place the version is written; pyproject.toml reads it (dynamic version). Set
# before the imports below, which read it (the web fetcher's User-Agent).
__version__ = "0.1.0"


from quotex.errors import ExitCode, InputError, ModelError, QuotexError, UsageError
from quotex.io.readers import Document, ReadFailure
from quotex.pipeline import load_nlp
from quotex.records import DocResult, Entity, EntityMention, Mention, Quote
from quotex.rows import entity_rows, quote_rows, source_rows
from quotex.tally import summarize_speakers

if TYPE_CHECKING:
    from quotex.extraction import ExtractFailure, extract, extract_documents

__all__ = [
    "DocResult",
    "Document",
    "Entity",
    "EntityMention",
    "ExitCode",
    "ExtractFailure",
    "InputError",
    "Mention",
    "ModelError",
    "Quote",
    "QuotexError",
    "ReadFailure",
    "UsageError",
    "__version__",
    "entity_rows",
    "extract",
    "extract_documents",
    "load_nlp",
    "quote_rows",
    "source_rows",
    "summarize_speakers",
]
_LAZY = ("extract", "extract_documents", "ExtractFailure")


def __getattr__(name: str) -> Any:
    # spaCy loads only when extraction is asked for, so `quotex --help` stays instant
    if name in _LAZY:
        from quotex import extraction as module

        return getattr(module, name)
    raise AttributeError(f"module 'quotex' has no attribute {name!r}")


def __dir__() -> list[str]:
    # help(quotex) and tab completion list the lazy functions too
    return sorted(set(globals()) | set(_LAZY))
