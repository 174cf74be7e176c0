"""One bad document must not stop a corpus: a component that raises records why and goes on.

spaCy's ``nlp.pipe`` lets an exception in a component's ``__call__`` end the whole
stream. ``@guarded(...)`` on a quotex component's ``__call__`` catches it instead: the
component's outputs (the ``doc._`` extension and the ``doc.spans`` group of the names
given) are left unset, and ``doc._.quotex_error`` holds a one-line message, a plain
string so that ``DocBin`` and ``n_process > 1`` carry it. Later quotex components skip
a doc that already has an error (their input is incomplete); ``records.from_doc``
raises it as a ``ValueError``, which ``extract_documents`` reports as that document's
failure.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

EXT_ERROR = "quotex_error"


def register_error_extension() -> None:
    """Register ``doc._.quotex_error`` (``None`` until a component fails)."""
    if not Doc.has_extension(EXT_ERROR):
        Doc.set_extension(EXT_ERROR, default=None)


register_error_extension()


def guarded(*outputs: str) -> Callable[[Callable[[Any, Doc], Doc]], Callable[[Any, Doc], Doc]]:
    """Decorate a component's ``__call__``; ``outputs`` name its extension and span group."""

    def decorate(call: Callable[[Any, Doc], Doc]) -> Callable[[Any, Doc], Doc]:
        @functools.wraps(call)
        def wrapper(self: Any, doc: Doc) -> Doc:
            if doc._.get(EXT_ERROR):
                return doc
            try:
                return call(self, doc)
            except Exception as exc:  # noqa: BLE001  (reported per document, see module doc)
                for output in outputs:
                    if Doc.has_extension(output):
                        doc._.set(output, None)
                    doc.spans.pop(output, None)
                name = getattr(self, "name", type(self).__name__)
                reason = " ".join(str(exc).split())  # one line, however the message was built
                doc._.set(EXT_ERROR, f"{name} failed: {type(exc).__name__}: {reason}")
                return doc

        return wrapper

    return decorate
