"""Byte streams read in bounded pieces: (gzipped) files, stdin with a peeked head, records."""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

# What a broken gzip stream raises while it is being read.
GZIP_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error)
SKIP_CHUNK = 1 << 20


def gzip_reason(e: BaseException) -> str:
    """`truncated gzip` or `corrupt gzip: ...`, as E008 says it for a whole .gz file."""
    if isinstance(e, EOFError):
        return "truncated gzip"
    return f"corrupt gzip: {e}"


def open_binary(path: Path) -> BinaryIO:
    """The file's bytes, decompressed on the fly when it ends in .gz."""
    if path.suffix.lower() == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def bounded_lines(fh: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line without its end, size without the newline) for each line; the line
    is None when it is longer than `max_bytes` (its bytes are skipped, never held), so memory
    stays bounded."""
    n = 0
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        n += 1
        if line.endswith(b"\n") or len(line) <= max_bytes:
            yield n, line.rstrip(b"\r\n"), len(line) - line.endswith(b"\n")
            continue
        size = len(line)
        while True:  # the rest of an oversized line, a megabyte at a time
            chunk = fh.readline(SKIP_CHUNK)
            size += len(chunk)
            if not chunk or chunk.endswith(b"\n"):
                break
        yield n, None, size - chunk.endswith(b"\n")


class _Prefixed(io.RawIOBase):
    """`head` then the rest of `rest`: a stream whose first bytes were already read."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(b), len(self._head))
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(b))
        b[: len(data)] = data
        return len(data)


def prefixed(head: bytes, rest: BinaryIO) -> BinaryIO:
    return io.BufferedReader(_Prefixed(head, rest))  # type: ignore[return-value]
