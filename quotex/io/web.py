"""Fetch a web page over HTTP(S): one request, one retry, a size limit, a clear reason.

:func:`fetch` uses only the standard library (``urllib``): it follows redirects (to
``http``/``https`` addresses only), sends a User-Agent naming quotex, waits at most
``timeout`` seconds for each step, retries once after a connection failure, a timeout or
a server error (5xx, 429), and refuses a body over ``max_bytes`` before it is parsed: by
its ``Content-Length`` when the server sends one, else by stopping the download at the
limit. Every failure is a :class:`FetchError` whose message says why and what to do.
:func:`read_url_list` reads a ``--urls`` file. Nothing here prints or parses HTML, and
``urllib`` is imported on the first fetch (it would add some 20 ms to ``quotex --help``).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quotex import __version__
from quotex.errors import InputError

if TYPE_CHECKING:
    import urllib.error
    import urllib.request
    from email.message import Message

SCHEMES: tuple[str, ...] = ("http", "https")
USER_AGENT = f"quotex/{__version__} (quotation extractor; Python urllib)"
ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"
DEFAULT_TIMEOUT = 20.0  # seconds, for the connection and for each read
DEFAULT_MAX_BYTES = 20_000_000
RETRY_PAUSE = 1.0  # seconds before the one retry
READ_CHUNK = 65_536
# Answers worth one more try: the server may manage next time.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
COMMENT = "#"
# A comment after a URL needs a space before its "#": "https://x/#part" keeps its fragment.
_TRAILING_COMMENT = re.compile(r"\s+#.*$")


class FetchError(Exception):
    """A URL that gave no usable body; the message says why and what to do."""


@dataclass(frozen=True)
class Fetched:
    """A response body and what the server said about it."""

    url: str  # where the body came from, after redirects
    content_type: str  # the media type, lower case, without parameters; "" if none
    charset: str | None  # the charset parameter of Content-Type, if any
    data: bytes


def is_url(given: str) -> bool:
    """Whether an input names an ``http://`` or ``https://`` address."""
    scheme, sep, _ = given.partition("://")
    return bool(sep) and scheme.lower() in SCHEMES


def fetch(
    url: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    retry_pause: float | None = None,
) -> Fetched:
    """The body at ``url`` (see the module docstring); raises :class:`FetchError`.

    ``retry_pause`` defaults to :data:`RETRY_PAUSE`, read at each call.
    """
    try:
        return _fetch_once(url, max_bytes, timeout)
    except _Transient:
        time.sleep(RETRY_PAUSE if retry_pause is None else retry_pause)
    try:
        return _fetch_once(url, max_bytes, timeout)
    except _Transient as exc:
        raise FetchError(f"{exc} (tried twice)") from None


def read_url_list(path: str) -> list[str]:
    """The URLs in a ``--urls`` file: one per line; blank lines and ``#`` comments skipped.

    Raises :class:`InputError` for a file that cannot be read or a line that is not an
    ``http(s)://`` address, naming ``FILE:LINE``.
    """
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise InputError(f"--urls {path}: cannot read it ({reason}); check the path") from None
    urls: list[str] = []
    for number, line in enumerate(lines, start=1):
        line = _TRAILING_COMMENT.sub("", line).strip()
        if not line or line.startswith(COMMENT):
            continue
        if not is_url(line):
            raise InputError(
                f"{path}:{number}: {line!r} is not an http:// or https:// address; "
                "write one URL per line (# starts a comment)"
            )
        urls.append(line)
    return urls


class _Transient(Exception):
    """A failure that one more try may get past."""


def _opener() -> urllib.request.OpenerDirector:
    """urllib's opener, following redirects only to http and https addresses.

    Made for each fetch: it reads the proxy settings of the environment as they are then.
    """
    import urllib.parse
    import urllib.request

    class HttpRedirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(
            self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
        ) -> Any:
            if urllib.parse.urlsplit(newurl).scheme.lower() not in SCHEMES:
                raise FetchError(
                    f"redirected to {newurl}, which is not an http(s) address; "
                    "pass the address of the page itself"
                )
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return urllib.request.build_opener(HttpRedirects)


def _fetch_once(url: str, max_bytes: int, timeout: float) -> Fetched:
    import http.client
    import urllib.error
    import urllib.request

    opener = _opener()
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT})
    try:
        with opener.open(request, timeout=timeout) as response:
            content_type, charset = _content_type(response.headers)
            data = _read_limited(response, max_bytes)
            return Fetched(response.geturl(), content_type, charset, data)
    except urllib.error.HTTPError as exc:
        raise _http_error(exc) from None
    except TimeoutError:
        raise _Transient(f"no answer within {timeout:g} s; try again later") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise _Transient(f"no answer within {timeout:g} s; try again later") from None
        if isinstance(reason, FetchError):
            raise reason from None
        text = getattr(reason, "strerror", None) or str(reason)
        raise _Transient(f"cannot connect ({text}); check the address and the network") from None
    except (http.client.HTTPException, ConnectionError) as exc:
        name = type(exc).__name__
        raise _Transient(f"the connection broke ({name}); try again later") from None
    except ValueError as exc:  # urllib's "unknown url type" and the like
        raise FetchError(f"not a URL urllib can open ({exc}); check the address") from None


def _http_error(exc: urllib.error.HTTPError) -> Exception:
    what = f"HTTP {exc.code} {exc.reason}".strip()
    exc.close()
    if exc.code in RETRY_STATUSES:
        return _Transient(f"the server answered {what}; try again later")
    if exc.code in (401, 403):
        return FetchError(f"the server answered {what}; the page may need a login")
    return FetchError(f"the server answered {what}; check the address")


def _content_type(headers: Message) -> tuple[str, str | None]:
    if headers.get("Content-Type") is None:
        return "", None
    return headers.get_content_type().lower(), headers.get_content_charset()


def _read_limited(response: Any, max_bytes: int) -> bytes:
    """The body, refused by its Content-Length or when the download passes ``max_bytes``."""
    declared = response.headers.get("Content-Length")
    if declared is not None and declared.strip().isdigit() and int(declared) > max_bytes:
        raise FetchError(_too_big(f"{int(declared):,} bytes", max_bytes))
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(READ_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(_too_big(f"over {max_bytes:,} bytes", max_bytes))
        chunks.append(chunk)
    return b"".join(chunks)


def _too_big(size: str, max_bytes: int) -> str:
    return (
        f"the page is {size}, more than --max-bytes {max_bytes:,}; "
        "pass a larger --max-bytes to read it"
    )
