"""URLs and files of URLs: each page fetched safely (fetch.py) and read by its content type:
HTML and text pages become RawDocs, an RSS/Atom feed gives its entries."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from newsgraph.errors import Errors, NewsgraphError
from newsgraph.model import RawDoc
from newsgraph.sources.feed import looks_like_feed, read_feed
from newsgraph.sources.fetch import Fetched, Fetcher, FetchPolicy, current
from newsgraph.sources.make import from_bytes
from newsgraph.sources.sniff import sniff_kind

URL_LIST = "@urls:"  # read_paths entry for `--urls FILE`: one URL per line, `#` comments
HTML_TYPES = {"text/html", "application/xhtml+xml"}
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/xml", "text/xml", "application/x-rss+xml"}
_DECLARED = re.compile(rb"<meta[^>]+charset|<\?xml[^>]+encoding", re.I)


def is_url(s: str) -> bool:
    return s.lower().startswith(("http://", "https://"))


class Links:
    """The run's fetcher, made on first use (reading files never opens a connection)."""

    def __init__(self, policy: FetchPolicy | None = None) -> None:
        self.policy = policy
        self._fetcher: Fetcher | None = None

    def get(self, url: str, max_bytes: int) -> Fetched:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.policy or current())
        return self._fetcher.get(url, max_bytes)

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    def __enter__(self) -> Links:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_url(url: str, max_bytes: int, links: Links, meta: dict[str, str] | None = None,
             feeds: bool = True) -> Iterator[RawDoc | NewsgraphError]:
    try:
        got = links.get(url, max_bytes)
    except NewsgraphError as e:
        yield e
        return
    kind = _kind(got)
    if kind == "feed" and feeds:
        yield from read_feed(got.data, url, got.fetched_at, max_bytes,
                             lambda link, m: read_url(link, max_bytes, links, m, feeds=False))
        return
    if kind not in ("html", "text"):
        yield NewsgraphError(Errors.E046, url, f"{got.content_type or 'no content type'}; "
                             "expected an HTML page, a text page or an RSS/Atom feed")
        return
    data = _utf8(got.data, got.charset) if kind == "html" else got.data
    yield from from_bytes(data, url, url, kind, got.fetched_at, {"url": got.url, **(meta or {})})


def read_url_list(path: Path, max_bytes: int, links: Links) -> Iterator[RawDoc | NewsgraphError]:
    try:
        with path.open("r", encoding="utf-8", errors="replace") as fh:
            for n, line in enumerate(fh, start=1):
                url = line.strip()
                if not url or url.startswith("#"):
                    continue
                if not is_url(url):
                    yield NewsgraphError(Errors.E045, f"{path}:{n}", f"not an http(s) URL: "
                                         f"{url[:100]}")
                    continue
                yield from read_url(url, max_bytes, links)
    except OSError as e:
        yield NewsgraphError(Errors.E008, str(path), e.strerror or type(e).__name__)


def _kind(got: Fetched) -> str:
    if got.content_type in HTML_TYPES:
        return "html"
    if got.content_type in FEED_TYPES or got.content_type.endswith("+xml"):
        return "feed" if looks_like_feed(got.data) else "other"
    if got.content_type == "text/plain":
        return "text"
    if got.content_type in ("", "application/octet-stream"):
        return "feed" if looks_like_feed(got.data) else sniff_kind(got.data[:65536])
    return "other"


def _utf8(data: bytes, charset: str | None) -> bytes:
    """A page whose charset only the HTTP header names is stored as UTF-8 (the HTML cleaner
    sees no header); a page that declares its own charset is kept as it came."""
    if not charset or charset in ("utf-8", "utf8") or _DECLARED.search(data[:4096]):
        return data
    try:
        return data.decode(charset).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return data
