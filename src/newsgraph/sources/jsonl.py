"""One article per JSONL line: `id`, `text` or `html`, optional metadata. Read as a stream:
`--max-bytes` limits one line (one article), never the file."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator
from typing import BinaryIO

from newsgraph.errors import Errors, NewsgraphError
from newsgraph.model import RawDoc
from newsgraph.sources.stream import GZIP_ERRORS, bounded_lines, gzip_reason

META_FIELDS = ("url", "title", "published", "outlet", "author")
DEFAULT_LINE_LIMIT = 20_000_000


def read_jsonl(data: bytes, path: str, fetched_at: str,
               max_bytes: int = DEFAULT_LINE_LIMIT) -> Iterator[RawDoc | NewsgraphError]:
    """JSONL already in memory (a small input)."""
    yield from read_jsonl_stream(io.BytesIO(data), path, fetched_at, max_bytes)


def read_jsonl_stream(fh: BinaryIO, path: str, fetched_at: str,
                      max_bytes: int) -> Iterator[RawDoc | NewsgraphError]:
    """Each good line gives a RawDoc; a broken or oversized line gives one error and the
    file goes on; a corrupt or truncated gzip stream ends the file with E008."""
    n = 0
    try:
        for n, line, size in bounded_lines(fh, max_bytes):
            if line is None:
                yield NewsgraphError(Errors.E040, f"{path}:{n}", f"{size:,} bytes > {max_bytes:,}")
            elif line.strip():
                try:
                    yield parse_line(line, path, n, fetched_at)
                except NewsgraphError as e:
                    yield e
    except GZIP_ERRORS as e:
        yield NewsgraphError(Errors.E008, f"{path}:{n + 1}", gzip_reason(e))
    except OSError as e:
        yield NewsgraphError(Errors.E008, f"{path}:{n + 1}", e.strerror or type(e).__name__)


def parse_line(line: bytes, path: str, n: int, fetched_at: str) -> RawDoc:
    where = f"{path}:{n}"
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise NewsgraphError(Errors.E006, path, f"{n}: {_reason(e)}") from e
    except RecursionError as e:
        raise NewsgraphError(Errors.E006, path, f"{n}: nested too deeply") from e
    if not isinstance(obj, dict):
        raise NewsgraphError(Errors.E006, path, f"{n}: not a JSON object")
    body, ctype = obj.get("text"), "text/plain"
    if not (isinstance(body, str) and body.strip()):
        body, ctype = obj.get("html"), "text/html"
    if not (isinstance(body, str) and body.strip()):
        raise NewsgraphError(Errors.E006, path, f"{n}: no 'text' or 'html' string")
    meta = {k: str(obj[k]) for k in META_FIELDS if obj.get(k) not in (None, "")}
    name = str(obj["id"]) if obj.get("id") not in (None, "") else where
    try:
        data = body.encode("utf-8")
    except UnicodeEncodeError as e:  # a lone surrogate escaped in the JSON (\ud800)
        raise NewsgraphError(Errors.E006, path, f"{n}: text is not valid Unicode") from e
    return RawDoc(
        id=hashlib.sha256(line).hexdigest(),
        origin=where,
        name=name,
        content_type=ctype,
        data=data,
        fetched_at=fetched_at,
        meta=meta,
    )


def _reason(e: Exception) -> str:
    if isinstance(e, json.JSONDecodeError):
        return f"invalid JSON: {e.msg}, column {e.colno}"
    return "not UTF-8"
