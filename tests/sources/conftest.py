"""A real HTTP server on 127.0.0.1 (http.server in a thread) whose pages each test sets."""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

ARTICLE = (
    "<html><head><title>Talks resume in Geneva</title>"
    '<meta property="article:published_time" content="2025-03-04T09:00:00+00:00"></head>'
    "<body><nav>Home | World | Sport</nav><article><h1>Talks resume in Geneva</h1>"
    "<p>The foreign ministers of France and Germany met in Geneva on Monday and agreed to "
    "resume talks on the border dispute next month, officials said after the meeting.</p>"
    "<p>The delegations exchanged lists of prisoners and promised a joint statement on trade "
    "before the end of the year, according to a spokesman for the ministry.</p></article>"
    "<footer>Copyright 2025</footer></body></html>"
)


class Site:
    """Routes: path -> (status, headers, body); a list of them is served in turn (retries)."""

    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.routes: dict[str, object] = {}
        self.hits: list[tuple[str, str]] = []  # (path, User-Agent)

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, body: str | bytes, ctype: str = "text/html; charset=utf-8",
             status: int = 200, **headers: str) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = (status, {"Content-Type": ctype, **headers}, data)

    def redirect(self, path: str, to: str, status: int = 302) -> None:
        self.routes[path] = (status, {"Location": to}, b"")

    def sequence(self, path: str, *answers: tuple[int, dict[str, str], bytes]) -> None:
        self.routes[path] = list(answers)

    def gzip_bomb(self, path: str, size: int) -> None:
        body = gzip.compress(b"<p>" + b"a" * size, 9)
        self.routes[path] = (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, body)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            site.hits.append((self.path, self.headers.get("User-Agent", "")))
            route = site.routes.get(self.path)
            if isinstance(route, list):
                route = route.pop(0) if len(route) > 1 else route[0]
            status, headers, body = route or (404, {"Content-Type": "text/plain"}, b"not found")
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


def serve(host: str = "127.0.0.1") -> tuple[ThreadingHTTPServer, Site]:
    server = ThreadingHTTPServer((host, 0), None)  # type: ignore[arg-type]
    site = Site(server.server_address[1])
    site.base = f"http://{host}:{server.server_address[1]}"
    server.RequestHandlerClass = _handler(site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, site


@pytest.fixture
def site() -> Iterator[Site]:
    server, s = serve()
    yield s
    server.shutdown()
    server.server_close()
