"""Quote marks to quoted regions: pairing “ ” " « » „ ‘ ’ `` '' as real archives use them.

``find_marked_regions`` is pure and total: any string in, a list of regions out, never
an exception. Rules:

* Double marks pair left to right. A straight ``"`` (or ``''``) opens when no quote is
  open and closes when one is; a curly ``“`` closes an open quote when it is followed by
  a space or the end (the ``“…“`` typo), otherwise it is ignored as nested.
* A quote opened by a typographic mark closes with the marks of its style: ``“`` with
  ``”``, ``„`` with ``“`` or ``”`` (German, Polish), ``«`` with ``»``, and ``»`` (which
  opens before a word) with ``«`` or ``»`` (German, Swedish). A closing mark of another
  style closes it as before (``“We will win," he said.``), except where a closer of its
  own style follows in the paragraph before the style opens again and the mark is
  ``»`` inside ``„…“``, a straight ``"`` opening an inner quote (``“He called it
  "absurd,"”``) or an inch mark after a digit (``“The 12" pipe”``).
* Single marks are quotes only outside a double quote, and only when both marks are
  found in the paragraph: ``‘`` or ``'`` opening after a space, ``’`` or ``'`` closing
  before a non-letter. ``it’s`` and ``Russia’s`` are apostrophes, never marks.
* A quote still open at the end of a paragraph continues when the next paragraph opens
  with a mark (the news convention for a quote over several paragraphs) and is not a
  transcript's next turn (``"PENCE: …``); otherwise it ends at the paragraph end and is
  flagged ``closed=False``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from quotex.components.guard import guarded
from quotex.components.paragraphs import paragraph_spans
from quotex.components.text import doc_text

COMPONENT = "quotex_quotes"
SPAN_KEY = "quotex_marked"
EXT_REGIONS = "quotex_marked"

DOUBLE_OPENERS = frozenset({"“", "„", "«", "``"})
DOUBLE_CLOSERS = frozenset({"”", "»"})
DOUBLE_EITHER = frozenset({'"', "''"})
SINGLE_OPENERS = frozenset({"‘", "‹"})
SINGLE_CLOSERS = frozenset({"’", "›"})
SINGLE_EITHER = frozenset({"'"})
PARAGRAPH_OPENERS = DOUBLE_OPENERS | DOUBLE_EITHER
# The closing marks of each typographic style, by opening mark. A quote opened by a
# straight mark or `` closes with any closing mark, as archives mix them.
OWN_CLOSERS: dict[str, str] = {"“": "”", "„": "“”", "«": "»", "»": "«»"}
WORD_OPENERS = frozenset({"»"})  # open only before a word: German »Ja«, Swedish »Ja»
_MARKS = re.compile(r"``|''|[“”„«»\"‘’‹›']")
_TURN_LABEL = re.compile(r"[A-Z][A-Z.'’ -]{1,40}:\s")  # "PENCE: ", "JAKE TAPPER: "
_OPEN_CONTEXT = "([{—–-/"  # characters after which a mark opens a quote


@dataclass(frozen=True)
class MarkedRegion:
    """Text between quote marks. ``start:end`` is the content, stripped of space."""

    open: int  # offset of the opening mark (== start when the mark is missing)
    start: int
    end: int
    close: int  # offset just past the closing mark (== end when unclosed)
    closed: bool = True
    paragraphs: int = 1  # how many paragraphs the quote runs over

    def to_list(self) -> list[int]:
        return [self.open, self.start, self.end, self.close, int(self.closed), self.paragraphs]

    @classmethod
    def from_list(cls, values: list[int]) -> MarkedRegion:
        o, s, e, c, closed, paras = values
        return cls(o, s, e, c, bool(closed), paras)


def _left_flanking(text: str, start: int, end: int) -> bool:
    """True when a mark at ``text[start:end]`` looks like an opener."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return (before.isspace() or before in _OPEN_CONTEXT) and not after.isspace()


def _right_flanking(text: str, start: int, end: int) -> bool:
    """True when a mark looks like a closer: no space before it, a non-letter after."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _has_words(text: str, start: int, end: int) -> bool:
    return any(ch.isalnum() for ch in text[start:end])


@dataclass
class _Open:
    first: int  # offset of the first opening mark
    content_start: int
    straight: bool  # opened by " or '': only marks of that style reopen it
    mark: str = '"'  # the mark that opened it, which chooses its closing marks
    inner: bool = False  # a straight quote is open inside this typographic one
    paragraphs: int = 1
    skip_at: int = -1  # offset of a paragraph's reopening mark, not a new quote


def _single_regions(text: str, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """Single-mark quotes in text[start:end] (outside double quotes): (open, s, e, close)."""
    found: list[tuple[int, int, int, int]] = []
    opened: int | None = None
    for m in _MARKS.finditer(text, start, end):
        mark = m.group()
        if mark not in SINGLE_OPENERS | SINGLE_CLOSERS | SINGLE_EITHER:
            continue
        a, b = m.start(), m.end()
        if opened is None:
            if mark not in SINGLE_CLOSERS and _left_flanking(text, a, b) and text[b].isalnum():
                opened = a
        elif mark not in SINGLE_OPENERS and _right_flanking(text, a, b):
            # "rock 'n' roll": one letter between single marks is an elision, not a quote
            if sum(ch.isalnum() for ch in text[opened + 1 : a]) > 1:
                found.append((opened, opened + 1, a, b))
            opened = None
    return found


def _paragraph_opens_quote(text: str, start: int) -> bool:
    """True when the paragraph at ``start`` begins with an opening double mark."""
    m = _MARKS.match(text, start)
    return m is not None and _opens(text, m.group(), m.start(), m.end())


def _paragraph_continues_quote(text: str, start: int, straight: bool) -> bool:
    """True when the paragraph at ``start`` reopens a quote left open: it begins with an
    opening double mark of the same style (straight or curly) as the open quote's, and not
    with a transcript's next speaker (``"PENCE: Well, …``)."""
    m = _MARKS.match(text, start)
    if not _paragraph_opens_quote(text, start) or _TURN_LABEL.match(text, m.end()):
        return False
    return (m.group() in DOUBLE_EITHER) == straight  # the same style of marks reopens it


def _opens(text: str, mark: str, a: int, b: int) -> bool:
    if mark in DOUBLE_OPENERS:
        return True
    if mark in WORD_OPENERS:
        return _left_flanking(text, a, b)
    if a > 0 and text[a - 1] == "=":
        return False  # markup left in scraped text: author="JebBush"
    return mark in DOUBLE_EITHER and (_left_flanking(text, a, b) or not _right_flanking(text, a, b))


def _closes_any(text: str, mark: str, a: int, b: int) -> bool:
    """Whether ``mark`` can close a quote whatever opened it."""
    if mark in DOUBLE_CLOSERS or mark in DOUBLE_EITHER:
        return True
    # “…“: a curly opener used as the closing mark, recognised by what follows it
    return mark == "“" and _right_flanking(text, a, b)


class _Ahead:
    """The next offset of any of some marks in one paragraph, from a moving position.

    Positions only grow within a paragraph, so a found offset stays the answer until the
    position passes it: looking ahead costs one scan of the paragraph per set of marks.
    """

    def __init__(self, text: str, end: int) -> None:
        self.text, self.end = text, end
        self.found: dict[str, int] = {}

    def next(self, marks: str, at: int) -> int:
        """Offset of the next of ``marks`` at or after ``at``; the paragraph end if none."""
        pos = self.found.get(marks)
        if pos is None or pos < at:
            hits = (self.text.find(m, at, self.end) for m in marks)
            pos = min((h for h in hits if h != -1), default=self.end)
            self.found[marks] = pos
        return pos


def _closes(text: str, mark: str, a: int, b: int, current: _Open, ahead: _Ahead) -> bool:
    """Whether ``mark`` at ``a:b`` closes the open quote ``current``.

    Notes an inner straight quote on ``current`` as it opens and closes.
    """
    own = OWN_CLOSERS.get(current.mark)
    if own is None:
        return _closes_any(text, mark, a, b)
    if mark in own or (mark == "“" == current.mark and _right_flanking(text, a, b)):
        return True
    if not _closes_any(text, mark, a, b):
        return False
    if current.inner:  # the end of a "word" quoted inside: “He called it "absurd",”
        current.inner = False
        return False
    # A mark of another style closes the quote (“We will win," he said.) unless a closer
    # of the quote's own style follows before the paragraph ends or the style reopens and
    # the mark opens an inner quote or, after a digit, is an inch mark (“The 12" pipe”).
    close = ahead.next(own, b)
    reopen = ahead.end if current.mark in own else ahead.next(current.mark, b)
    if close == ahead.end or reopen < close:
        return True
    if mark not in DOUBLE_EITHER:
        return False  # » inside „…“
    if _left_flanking(text, a, b):
        current.inner = True
        return False
    return not text[a - 1].isdigit()


def find_marked_regions(text: str) -> list[MarkedRegion]:
    """All quoted regions of ``text`` in order; never raises."""
    raw: list[tuple[int, int, int, int, bool, int]] = []
    paragraphs = paragraph_spans(text)
    current: _Open | None = None
    for index, (p_start, p_end) in enumerate(paragraphs):
        outside_from = p_start  # where the last double quote ended, for single marks
        ahead = _Ahead(text, p_end)
        for m in _MARKS.finditer(text, p_start, p_end):
            mark, a, b = m.group(), m.start(), m.end()
            if current is None:
                if _opens(text, mark, a, b):
                    raw.extend((*r, True, 1) for r in _single_regions(text, outside_from, a))
                    current = _Open(a, b, mark in DOUBLE_EITHER, mark)
            elif a == current.skip_at:
                continue
            elif _closes(text, mark, a, b, current, ahead):
                raw.append((current.first, current.content_start, a, b, True, current.paragraphs))
                current, outside_from = None, b
        if current is None:
            raw.extend((*r, True, 1) for r in _single_regions(text, outside_from, p_end))
            continue
        nxt = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
        if nxt is not None and _paragraph_continues_quote(text, nxt, current.straight):
            current.paragraphs += 1
            current.skip_at = nxt
        else:
            raw.append(
                (current.first, current.content_start, p_end, p_end, False, current.paragraphs)
            )
            current = None
    regions: list[MarkedRegion] = []
    for o, s, e, c, closed, paras in sorted(raw):
        s, e = _strip(text, s, e)
        if _has_words(text, s, e):
            regions.append(MarkedRegion(o, s, e, c, closed, paras))
    return regions


class QuoteFinder:
    """Finds quoted regions and stores them on the doc (spans and plain offsets)."""

    def __init__(self, name: str = COMPONENT) -> None:
        self.name = name
        if not Doc.has_extension(EXT_REGIONS):
            Doc.set_extension(EXT_REGIONS, default=None)

    @guarded(EXT_REGIONS, SPAN_KEY)
    def __call__(self, doc: Doc) -> Doc:
        regions = find_marked_regions(doc_text(doc))
        doc._.set(EXT_REGIONS, [r.to_list() for r in regions])
        spans: list[Span] = []
        for region in regions:
            span = doc.char_span(region.start, region.end, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc


@Language.factory(COMPONENT, assigns=[f"doc._.{EXT_REGIONS}", "doc.spans"], default_config={})
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    """Factory for the quote-mark finder; needs only the tokenizer."""
    return QuoteFinder(name)
