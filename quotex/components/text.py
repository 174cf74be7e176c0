"""Fast reads of a Doc that every component shares: its text, built once (spaCy joins every
token again on each ``doc.text``), and the tokens with a given tag, read from its arrays."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Token

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


def tokens_with(doc: Doc, attr: str, values: frozenset[str]) -> list[Token]:
    """The tokens whose ``attr`` ("POS", "DEP", "LOWER", …) is one of ``values``, in order,
    read from the Doc's arrays: far faster than building every Token to look at it."""
    wanted = {doc.vocab.strings[v] for v in values}
    return [doc[i] for i, v in enumerate(doc.to_array(attr).tolist()) if v in wanted]


class LowercaseWords:
    """The words the text writes in lowercase somewhere ("said", "speech"): ``word in
    LowercaseWords(doc)`` looks the word's hash up among the Doc's spellings, read once
    from its arrays, without decoding them.

    >>> import spacy
    >>> words = LowercaseWords(spacy.blank("en")("Trump Said he said so."))
    >>> ("said" in words, "Said" in words, "trump" in words)
    (True, False, False)
    """

    def __init__(self, doc: Doc) -> None:
        self._strings = doc.vocab.strings
        self._spellings = frozenset(doc.to_array("ORTH").tolist())

    def __contains__(self, word: str) -> bool:
        return word.islower() and self._strings[word] in self._spellings
