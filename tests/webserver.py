"""A web server on 127.0.0.1 for tests: routes of canned answers, started and stopped by
the test that uses it. Nothing leaves the machine."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    """What the server answers on one path.

    ``failures`` first answers (``status_first``) come before the real one; ``delay`` is
    waited before answering; ``length`` overrides the Content-Length sent (``None``: the
    body's; ``-1``: none, the body runs to the end of the connection).
    """

    body: bytes = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    location: str | None = None
    failures: int = 0
    status_first: int = 503
    delay: float = 0.0
    length: int | None = None


@dataclass
class Site:
    """The routes and what the server has seen."""

    routes: dict[str, Answer] = field(default_factory=dict)
    hits: Counter = field(default_factory=Counter)
    agents: list[str] = field(default_factory=list)
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"  # one request per connection; a body may run to close

        def do_GET(self) -> None:  # noqa: N802  (the name http.server calls)
            site.hits[self.path] += 1
            site.agents.append(self.headers.get("User-Agent", ""))
            answer = site.routes.get(self.path)
            if answer is None:
                self.send_error(404, "Not Found")
                return
            if answer.delay:
                time.sleep(answer.delay)
            if site.hits[self.path] <= answer.failures:
                self.send_error(answer.status_first)
                return
            self.send_response(answer.status)
            if answer.location:
                self.send_header("Location", answer.location)
            if answer.content_type:
                self.send_header("Content-Type", answer.content_type)
            length = len(answer.body) if answer.length is None else answer.length
            if length >= 0:
                self.send_header("Content-Length", str(length))
            self.end_headers()
            try:
                self.wfile.write(answer.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading (a body over its limit)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass  # no request lines on the test's stderr

    return Handler


@contextmanager
def serve(routes: dict[str, Answer]) -> Iterator[Site]:
    """A server on 127.0.0.1 (a free port) answering ``routes``, for the ``with`` body."""
    site = Site(dict(routes))
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
