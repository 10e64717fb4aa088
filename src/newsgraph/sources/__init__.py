"""Readers: text/HTML files (optionally gzipped), folders, JSONL (streamed), WARC, RSS/Atom,
URLs, files of URLs and stdin → RawDoc.

Errors are yielded, not raised, so one bad file, line or record never stops a batch; a `Note`
says what a reader skipped on purpose (a WARC's request records, say).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsgraph.errors import Errors, NewsgraphError
from newsgraph.model import RawDoc
from newsgraph.sources.decode import decode
from newsgraph.sources.fetch import FetchPolicy, configure
from newsgraph.sources.files import iter_files, read_file, read_stdin
from newsgraph.sources.notes import Note
from newsgraph.sources.urls import URL_LIST, Links, is_url, read_url, read_url_list

DEFAULT_MAX_BYTES = 20_000_000


def read_paths(
    paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES, policy: FetchPolicy | None = None
) -> Iterator[RawDoc | NewsgraphError | Note]:
    """Files or folders (recursive, sorted), http(s) URLs, `@urls:FILE` (a file of URLs);
    `-` reads stdin. `policy` rules fetching (default: the one `fetch.configure` set)."""
    with Links(policy) as links:
        for p in paths:
            if p == "-":
                yield from read_stdin(max_bytes)
            elif is_url(p):
                yield from read_url(p, max_bytes, links)
            elif p.startswith(URL_LIST):
                yield from read_url_list(Path(p[len(URL_LIST):]), max_bytes, links)
            elif (path := Path(p)).is_dir():
                for f in iter_files(path):
                    yield from read_file(f, max_bytes, links)
            elif path.exists():
                yield from read_file(path, max_bytes, links)
            else:
                yield NewsgraphError(Errors.E008, p, "no such file or directory")


__all__ = ["read_paths", "decode", "DEFAULT_MAX_BYTES", "FetchPolicy", "configure", "Note",
           "URL_LIST"]
