"""One article per JSONL line: `id`, `text` or `html`, optional metadata."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator

from newsgraph.errors import Errors, NewsgraphError
from newsgraph.model import RawDoc

META_FIELDS = ("url", "title", "published", "outlet", "author")


def read_jsonl(data: bytes, path: str, fetched_at: str) -> Iterator[RawDoc | NewsgraphError]:
    """Each good line gives a RawDoc; a broken line gives E006 and the file goes on."""
    for n, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield parse_line(line, path, n, fetched_at)
        except NewsgraphError as e:
            yield e


def parse_line(line: bytes, path: str, n: int, fetched_at: str) -> RawDoc:
    where = f"{path}:{n}"
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise NewsgraphError(Errors.E006, path, f"{n}: {_reason(e)}") from e
    if not isinstance(obj, dict):
        raise NewsgraphError(Errors.E006, path, f"{n}: not a JSON object")
    body, ctype = obj.get("text"), "text/plain"
    if not (isinstance(body, str) and body.strip()):
        body, ctype = obj.get("html"), "text/html"
    if not (isinstance(body, str) and body.strip()):
        raise NewsgraphError(Errors.E006, path, f"{n}: no 'text' or 'html' string")
    meta = {k: str(obj[k]) for k in META_FIELDS if obj.get(k) not in (None, "")}
    name = str(obj["id"]) if obj.get("id") not in (None, "") else where
    return RawDoc(
        id=hashlib.sha256(line).hexdigest(),
        origin=where,
        name=name,
        content_type=ctype,
        data=body.encode("utf-8"),
        fetched_at=fetched_at,
        meta=meta,
    )


def _reason(e: Exception) -> str:
    if isinstance(e, json.JSONDecodeError):
        return f"invalid JSON: {e.msg}, column {e.colno}"
    return "not UTF-8"
