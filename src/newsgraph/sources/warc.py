"""WARC and WARC.gz through warcio: each HTML `response` record is one RawDoc with its target
URI (`meta["url"]`) and capture date (`fetched_at`); other records are skipped and counted."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsgraph.errors import Errors, NewsgraphError
from newsgraph.model import RawDoc
from newsgraph.sources.notes import Note, skipped
from newsgraph.sources.stream import GZIP_ERRORS

HTML_TYPES = ("text/html", "application/xhtml+xml")
# warcio raises these on broken input, and sometimes AttributeError or TypeError deep inside.
_BROKEN = (ArchiveLoadFailed, ValueError, KeyError, IndexError, OSError, AttributeError,
           TypeError, *GZIP_ERRORS)


def read_warc(path: Path, max_bytes: int,
              fetched_at: str = "") -> Iterator[RawDoc | NewsgraphError | Note]:
    """`fetched_at` stands in for a record without a WARC-Date."""
    where = str(path)
    counts: Counter[str] = Counter()
    read = 0
    n = 0  # records read; an error names the record after the last good one
    try:
        with path.open("rb") as fh:
            for rec in ArchiveIterator(fh):
                n += 1
                item = _record(rec, f"{where}#{n}", max_bytes, counts, fetched_at)
                if item is not None:
                    read += isinstance(item, RawDoc)
                    yield item
    except _BROKEN as e:
        yield NewsgraphError(Errors.E041, f"{where}#{n + 1}",
                             f"{type(e).__name__}: {str(e)[:200]}")
    note = skipped(where, read, counts)
    if note:
        yield note


def _record(rec, where: str, max_bytes: int, counts: Counter[str],
            fetched_at: str) -> RawDoc | NewsgraphError | None:
    if rec.rec_type != "response":
        counts[rec.rec_type or "untyped"] += 1
        return None
    http = rec.http_headers
    ctype = (http.get_header("Content-Type") or "") if http else ""
    status = http.get_statuscode() if http else ""
    if ctype.split(";")[0].strip().lower() not in HTML_TYPES:
        counts["response not HTML"] += 1
        return None
    if status and not status.startswith("2"):
        counts[f"response {status}"] += 1
        return None
    data = rec.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return NewsgraphError(Errors.E040, where, f"more than {max_bytes:,} bytes")
    if not data.strip():
        counts["response empty"] += 1
        return None
    uri = rec.rec_headers.get_header("WARC-Target-URI") or ""
    return RawDoc(
        id=hashlib.sha256(data).hexdigest(),
        origin=where,
        name=uri or where,
        content_type="text/html",
        data=data,
        fetched_at=_iso(rec.rec_headers.get_header("WARC-Date") or "") or fetched_at,
        meta={"url": uri} if uri.startswith(("http://", "https://")) else {},
    )


def _iso(warc_date: str) -> str:
    """WARC-Date `2020-06-29T10:00:00Z` in the form the store uses (`+00:00`)."""
    return warc_date.replace("Z", "+00:00") if warc_date else ""
