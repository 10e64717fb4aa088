"""RSS and Atom through feedparser: an entry's full text when the feed carries it, else the
page at its link (fetched by the caller). A feed that declares XML entities is refused
(entity-expansion bombs such as the billion laughs)."""

from __future__ import annotations

import hashlib
import html
import io
import re
from collections.abc import Callable, Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

import feedparser

from newsgraph.errors import Errors, NewsgraphError
from newsgraph.model import RawDoc

FEED_MAX_BYTES = 64_000_000  # a feed is parsed whole; its entries each meet --max-bytes
FULL_TEXT_MIN_WORDS = 80  # shorter content is a teaser: the linked page is read instead
_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_INTERNAL_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[|<!ENTITY", re.I)
_TAG = re.compile(r"<[^>]*>")
_PAGE = re.compile(r"<html[\s>]|<body[\s>]", re.I)

# Read the page at an entry's link: (url, fields from the feed) -> RawDocs or errors.
FetchLink = Callable[[str, dict[str, str]], Iterator[RawDoc | NewsgraphError]]


def looks_like_feed(data: bytes) -> bool:
    return bool(_ROOT.search(data[:4096]))


def read_feed(data: bytes, where: str, fetched_at: str, max_bytes: int,
              fetch_link: FetchLink | None) -> Iterator[RawDoc | NewsgraphError]:
    root = _ROOT.search(data[:65536])
    prolog = data[: root.start()] if root else data[:65536]
    if _INTERNAL_SUBSET.search(prolog):
        yield NewsgraphError(Errors.E042, where, "declares XML entities; entity expansion refused")
        return
    try:
        parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False,
                                  resolve_relative_uris=False)
    except Exception as e:  # feedparser's own bugs on hostile input
        yield NewsgraphError(Errors.E042, where, f"{type(e).__name__}: {e}")
        return
    if not parsed.entries:
        why = parsed.get("bozo_exception") or "no entries"
        yield NewsgraphError(Errors.E042, where, str(why)[:200])
        return
    for i, entry in enumerate(parsed.entries, start=1):
        yield from _entry(entry, f"{where}#{i}", fetched_at, max_bytes, fetch_link)


def _entry(entry: Any, where: str, fetched_at: str, max_bytes: int,
           fetch_link: FetchLink | None) -> Iterator[RawDoc | NewsgraphError]:
    link = entry.get("link") or ""
    meta = {k: v for k, v in (("url", link), ("title", entry.get("title") or ""),
                              ("published", _day(entry)), ("author", entry.get("author") or ""))
            if v}
    body, ctype = _full_text(entry)
    if body is None and link.startswith(("http://", "https://")) and fetch_link:
        yield from fetch_link(link, meta)
        return
    if body is None:
        body, ctype = entry.get("summary") or "", "text/html"
    if ctype == "text/html" and body.strip() and not _PAGE.search(body[:2000]):
        body = _page(body, meta.get("title", ""))
    data = body.encode("utf-8", "replace")
    if not data.strip():
        yield NewsgraphError(Errors.E042, where, "entry without content or link")
    elif len(data) > max_bytes:
        yield NewsgraphError(Errors.E040, where, f"{len(data):,} bytes > {max_bytes:,}")
    else:
        yield RawDoc(id=hashlib.sha256(data).hexdigest(), origin=where, name=link or where,
                     content_type=ctype, data=data, fetched_at=fetched_at, meta=meta)


def _page(fragment: str, title: str) -> str:
    """An entry's HTML fragment as the page the HTML cleaner expects."""
    safe = html.escape(title)
    return (f"<html><head><meta charset=\"utf-8\"><title>{safe}</title></head><body>"
            f"<article><h1>{safe}</h1>{fragment}</article></body></html>")


def _full_text(entry: Any) -> tuple[str | None, str]:
    """The longest `content` (content:encoded, atom:content) when it is more than a teaser."""
    contents = [c for c in entry.get("content") or [] if isinstance(c.get("value"), str)]
    if not contents:
        return None, ""
    best = max(contents, key=lambda c: len(c["value"]))
    if len(_TAG.sub(" ", best["value"]).split()) < FULL_TEXT_MIN_WORDS:
        return None, ""
    ctype = "text/plain" if best.get("type") == "text/plain" else "text/html"
    return best["value"], ctype


def _day(entry: Any) -> str:
    """The entry's own calendar day (in the offset it is written with), `YYYY-MM-DD`."""
    for key in ("published", "updated", "created"):
        raw = dict.get(entry, key)  # not entry.get: feedparser maps updated→published, warning
        if not isinstance(raw, str) or not raw.strip():
            continue
        for parse in (parsedate_to_datetime, datetime.fromisoformat):
            try:
                return parse(raw.strip()).date().isoformat()
            except (TypeError, ValueError, IndexError, OverflowError):
                continue
        parsed = dict.get(entry, f"{key}_parsed")
        if parsed:
            return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
    return ""
