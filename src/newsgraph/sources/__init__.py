"""Readers: text/HTML files (optionally gzipped), folders, JSONL and stdin → RawDoc.

Errors are yielded, not raised, so one bad file never stops a batch.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsgraph.errors import Errors, NewsgraphError
from newsgraph.model import RawDoc
from newsgraph.sources.decode import decode
from newsgraph.sources.files import iter_files, read_file, read_stdin

DEFAULT_MAX_BYTES = 20_000_000


def read_paths(
    paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawDoc | NewsgraphError]:
    """Files or folders (recursive, sorted); `-` reads stdin."""
    for p in paths:
        if p == "-":
            yield from read_stdin(max_bytes)
            continue
        path = Path(p)
        if path.is_dir():
            for f in iter_files(path):
                yield from read_file(f, max_bytes)
        elif path.exists():
            yield from read_file(path, max_bytes)
        else:
            yield NewsgraphError(Errors.E008, p, "no such file or directory")


__all__ = ["read_paths", "decode", "DEFAULT_MAX_BYTES"]
