"""A Doc's text, built once: spaCy joins every token again on each ``doc.text``."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.tokens import Doc

# Docs whose text was built: the rules read the text hundreds of times per document
# (caching it made the attributor about ten times faster), and each component once.
# Weak keys: a cached text never keeps its Doc alive.
_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc and dropped with it.

    >>> import spacy
    >>> doc = spacy.blank("en")("Putin spoke.")
    >>> doc_text(doc) is doc_text(doc)
    True
    """
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text
