"""Reading files, folders and stdin into RawDocs; bad inputs become NewsgraphErrors."""

from __future__ import annotations

import os
import sys
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from newsgraph.errors import Errors, NewsgraphError
from newsgraph.model import RawDoc
from newsgraph.sources.feed import FEED_MAX_BYTES, read_feed
from newsgraph.sources.jsonl import read_jsonl_stream
from newsgraph.sources.make import from_bytes
from newsgraph.sources.notes import Note
from newsgraph.sources.sniff import sniff_kind
from newsgraph.sources.stream import GZIP_ERRORS, gzip_reason, open_binary, prefixed
from newsgraph.sources.urls import Links, read_url
from newsgraph.sources.warc import read_warc

# Extension (after an optional .gz) → kind.
KINDS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl",
         ".warc": "warc", ".rss": "feed", ".atom": "feed", ".xml": "feed"}
EXTENSIONS = ".txt, .html, .htm, .jsonl, .warc, .rss, .atom, .xml or their .gz"
Item = RawDoc | NewsgraphError | Note


def kind_of(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return KINDS.get(suffixes[-1]) if suffixes else None


def iter_files(path: Path) -> Iterator[Path]:
    """Files of a folder, recursively, sorted by relative path; unknown kinds are skipped."""
    found = []
    for root, dirs, names in os.walk(path):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(root) / n for n in names if not n.startswith(".")]
    yield from sorted((p for p in found if kind_of(p)), key=lambda p: p.relative_to(path).parts)


def read_file(path: Path, max_bytes: int, links: Links | None = None) -> Iterator[Item]:
    where = str(path)
    kind = kind_of(path)
    if kind is None:
        yield NewsgraphError(Errors.E007, where, f"extension {''.join(path.suffixes) or 'none'}"
                             f"; expected {EXTENSIONS}")
        return
    if kind in ("jsonl", "warc"):  # streams: --max-bytes limits each record, not the file
        yield from _read_stream(path, kind, max_bytes)
        return
    if kind == "feed":
        yield from _read_feed(path, max_bytes, links)
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:  # checked before reading a byte
            raise NewsgraphError(Errors.E004, where, f"{size:,} bytes > {max_bytes:,}")
        data = path.read_bytes()
        if path.suffix.lower() == ".gz" and data:
            data = _gunzip(data, where, max_bytes)
        fetched = datetime.fromtimestamp(path.stat().st_mtime, UTC).isoformat(timespec="seconds")
    except NewsgraphError as e:
        yield e
        return
    except OSError as e:
        yield NewsgraphError(Errors.E008, where, e.strerror or type(e).__name__)
        return
    yield from from_bytes(data, where, path.name, kind, fetched)


def _read_stream(path: Path, kind: str, max_bytes: int) -> Iterator[Item]:
    where = str(path)
    try:
        fetched = _mtime(path)
        if kind == "warc":
            yield from read_warc(path, max_bytes, fetched)
            return
        with open_binary(path) as fh:
            yield from read_jsonl_stream(fh, where, fetched, max_bytes)
    except OSError as e:
        yield NewsgraphError(Errors.E008, where, e.strerror or type(e).__name__)


def _read_feed(path: Path, max_bytes: int, links: Links | None) -> Iterator[Item]:
    where = str(path)
    try:
        with open_binary(path) as fh:
            data = fh.read(FEED_MAX_BYTES + 1)
        fetched = _mtime(path)
    except GZIP_ERRORS as e:
        yield NewsgraphError(Errors.E008, where, gzip_reason(e))
        return
    except OSError as e:
        yield NewsgraphError(Errors.E008, where, e.strerror or type(e).__name__)
        return
    if len(data) > FEED_MAX_BYTES:
        yield NewsgraphError(Errors.E042, where, f"feed larger than {FEED_MAX_BYTES:,} bytes")
        return
    fetch = (lambda url, meta: read_url(url, max_bytes, links, meta, feeds=False)) if links \
        else None
    yield from read_feed(data, where, fetched, max_bytes, fetch)


def _mtime(path: Path) -> str:
    return datetime.fromtimestamp(path.stat().st_mtime, UTC).isoformat(timespec="seconds")


def read_stdin(max_bytes: int) -> Iterator[Item]:
    head = sys.stdin.buffer.read(65536)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    if sniff_kind(head) == "jsonl":  # a feed piped in is read as a stream too
        yield from read_jsonl_stream(prefixed(head, sys.stdin.buffer), "-", now, max_bytes)
        return
    data = head + sys.stdin.buffer.read(max(0, max_bytes + 1 - len(head)))
    if len(data) > max_bytes:
        yield NewsgraphError(Errors.E004, "-", f"stdin longer than {max_bytes:,} bytes")
        return
    yield from from_bytes(data, "-", "stdin", sniff_kind(data), now)


def _gunzip(data: bytes, where: str, max_bytes: int) -> bytes:
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, max_bytes + 1)
    except zlib.error as e:
        raise NewsgraphError(Errors.E008, where, f"corrupt gzip: {e}") from e
    if len(out) > max_bytes:
        raise NewsgraphError(Errors.E004, where, f"more than {max_bytes:,} bytes uncompressed")
    if not d.eof:
        raise NewsgraphError(Errors.E008, where, "truncated gzip")
    return out


__all__ = ["read_file", "read_stdin", "iter_files", "kind_of"]
