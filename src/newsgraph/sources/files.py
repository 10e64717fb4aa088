"""Reading files, folders and stdin into RawDocs; bad inputs become NewsgraphErrors."""

from __future__ import annotations

import hashlib
import os
import sys
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from newsgraph.errors import Errors, NewsgraphError
from newsgraph.model import RawDoc
from newsgraph.sources.decode import binary_kind, decode
from newsgraph.sources.jsonl import read_jsonl
from newsgraph.sources.sniff import sniff_kind

# Extension (after an optional .gz) → kind.
KINDS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
CONTENT_TYPES = {"text": "text/plain", "html": "text/html"}


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


def read_file(path: Path, max_bytes: int) -> Iterator[RawDoc | NewsgraphError]:
    where = str(path)
    kind = kind_of(path)
    if kind is None:
        yield NewsgraphError(Errors.E007, where, f"extension {''.join(path.suffixes) or 'none'}"
                             "; expected .txt, .html, .htm, .jsonl or their .gz")
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


def read_stdin(max_bytes: int) -> Iterator[RawDoc | NewsgraphError]:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield NewsgraphError(Errors.E004, "-", f"stdin longer than {max_bytes:,} bytes")
        return
    now = datetime.now(UTC).isoformat(timespec="seconds")
    yield from from_bytes(data, "-", "stdin", sniff_kind(data), now)


def from_bytes(
    data: bytes, where: str, name: str, kind: str, fetched_at: str
) -> Iterator[RawDoc | NewsgraphError]:
    if not data.strip():
        yield NewsgraphError(Errors.E002, where)
        return
    what = binary_kind(data)
    if what:
        yield NewsgraphError(Errors.E001, where, what)
        return
    if kind == "jsonl":
        yield from read_jsonl(data, where, fetched_at)
        return
    if kind == "text":
        try:
            decode(data, where)
        except NewsgraphError as e:
            yield e
            return
    yield RawDoc(
        id=hashlib.sha256(data).hexdigest(),
        origin=where,
        name=name,
        content_type=CONTENT_TYPES[kind],
        data=data,
        fetched_at=fetched_at,
    )


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
