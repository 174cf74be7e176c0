"""The article in a web page: its main text as paragraphs, and what the page says of itself.

:func:`page_from_html` hands the markup to trafilatura (imported here, on the first page,
so that ``quotex --help`` and plain-text runs never pay for it), which drops navigation,
footers, scripts, comments and related-story lists and decodes entities. The text is
rebuilt from trafilatura's element tree, one paragraph (``<p>``, heading, list item, table
row, block quote) per block, with a blank line between blocks, as quotex's sentence
splitter expects; a ``<br>`` inside a paragraph stays a line break.
:func:`looks_like_html` tells a page from text by its first bytes, and :func:`decode_html`
chooses a page's encoding: byte-order mark, then the charset the server or the page
declares, then the caller's.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

HTML_SUFFIXES: tuple[str, ...] = (".html", ".htm")
# What a page may say of itself, in the order records list it.
META_KEYS: tuple[str, ...] = ("title", "author", "date", "url", "sitename", "language")
MISSING_MODULE = (
    "reading HTML needs trafilatura, which is not installed; "
    "reinstall quotex (pip install quotex) or pip install trafilatura lxml_html_clean"
)
# A page opens with a doctype or <html>, after whitespace, a BOM, an XML declaration or
# comments (browsers' "Save as" puts a <!-- saved from url --> comment first).
_HTML_START = re.compile(
    r"\A(?:\s|\ufeff|<\?xml[^>]*>|<!--.*?-->)*<(?:!doctype\s+html|html[\s>])",
    re.IGNORECASE | re.DOTALL,
)
SNIFF_BYTES = 4096
_WIDE_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
# Labels that mean windows-1252 on the web (WHATWG Encoding), which Python reads stricter.
_WEB_ALIASES: dict[str, str] = {"iso8859-1": "cp1252", "ascii": "cp1252"}
# Elements of trafilatura's tree that hold blocks, and the blocks that are one paragraph.
_BLOCKS = frozenset({"p", "head", "list", "item", "quote", "table", "row", "div", "code"})
_CONTAINERS = frozenset({"list", "table", "quote", "div", "item"})
_LINE_BREAK = "lb"
_ROW = "row"
_CELL = "cell"
CELL_SEPARATOR = " | "
_SPACES = re.compile(r"[^\S\n]+")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Page:
    """The main text of a page (paragraphs separated by blank lines) and its metadata.

    ``text`` is empty when the page holds no article text (a login wall, an index page,
    a page whose text scripts fill in). ``meta`` has only the keys of :data:`META_KEYS`
    the page gave.
    """

    text: str
    meta: dict[str, str] = field(default_factory=dict)


def looks_like_html(data: bytes | str) -> bool:
    """Whether ``data`` opens as an HTML page (``<!DOCTYPE html`` or ``<html``)."""
    head = data[:SNIFF_BYTES]
    if isinstance(head, bytes):
        # An ASCII-compatible reading shows the opening tags; wide encodings carry a BOM.
        wide = next((name for bom, name in _WIDE_BOMS if head.startswith(bom)), None)
        head = head.decode(wide or "latin-1", errors="replace").removeprefix("\ufeff")
        head = head.removeprefix(codecs.BOM_UTF8.decode("latin-1"))
    return _HTML_START.match(head) is not None


def declared_charset(data: bytes) -> str | None:
    """The Python codec of the charset a page's ``<meta>`` declares, if it names one."""
    found = _META_CHARSET.search(data[:SNIFF_BYTES])
    return codec_name(found.group(1).decode("ascii")) if found else None


def codec_name(label: str | None) -> str | None:
    """The Python codec for a web charset label, or ``None`` when Python has none."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    return _WEB_ALIASES.get(name, name)


def page_from_html(markup: str, url: str | None = None) -> Page:
    """The article of an HTML page: its paragraphs and metadata (see :class:`Page`).

    ``url`` is where the page came from; it is the ``url`` of the metadata when the page
    does not name its own (a canonical link). Raises :class:`ImportError` with
    :data:`MISSING_MODULE` when trafilatura is missing. Never touches the network.
    """
    try:
        import trafilatura
    except ImportError:  # pragma: no cover  (a default dependency; a broken install)
        raise ImportError(MISSING_MODULE) from None
    tree = trafilatura.load_html(markup)
    if tree is None:
        return Page("", _meta({}, url, None))
    language = tree.get("lang") or tree.get("xml:lang") or tree.get(_XML_LANG)
    found = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        # Measured on tests/data: the same article text as the defaults on news pages,
        # while login walls and index pages give nothing instead of their menus.
        favor_precision=True,
        include_comments=False,
        include_images=False,
        include_links=False,
    )
    if found is None:
        return Page("", _meta({}, url, language))
    text = "\n\n".join(_paragraphs(found.body)) if found.body is not None else ""
    return Page(text, _meta(found.as_dict(), url, language))


def _meta(found: dict[str, Any], url: str | None, language: str | None) -> dict[str, str]:
    meta = {key: found.get(key) for key in META_KEYS}
    meta["url"] = meta["url"] or url
    meta["language"] = meta["language"] or language
    return {key: str(value).strip() for key, value in meta.items() if value and str(value).strip()}


def _paragraphs(element: Any) -> Iterator[str]:
    """The text of each block inside ``element``, whitespace tidied, empty ones left out.

    Text loose in a container (a quote holding text and paragraphs) is a block of its own.
    """
    loose = [element.text or ""]
    for child in element:
        if child.tag in _BLOCKS:
            yield from _block(" ".join(loose))
            loose = []
            if child.tag in _CONTAINERS and any(c.tag in _BLOCKS for c in child):
                yield from _paragraphs(child)
            elif child.tag == _ROW:
                cells = (_tidy(_inline_text(cell)) for cell in child if cell.tag == _CELL)
                yield from _block(CELL_SEPARATOR.join(cell for cell in cells if cell))
            else:
                yield from _block(_inline_text(child))
        elif child.tag == _LINE_BREAK:
            loose.append("\n")
        elif isinstance(child.tag, str):
            loose.append(_inline_text(child))
        loose.append(child.tail or "")
    yield from _block(" ".join(loose))


def _block(text: str) -> Iterator[str]:
    tidy = _tidy(text)
    if tidy:
        yield tidy


def _inline_text(element: Any) -> str:
    """The text of a block; a line break (``<lb/>``, from ``<br>``) as a newline."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == _LINE_BREAK:
            parts.append("\n")
        elif isinstance(child.tag, str):
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _tidy(text: str) -> str:
    """Runs of spaces as one space, no blank lines inside a block, no edge whitespace."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
