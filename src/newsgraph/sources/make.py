"""Bytes of one input (a file, stdin, a fetched page) → RawDoc, after the checks every input
gets: empty, binary, undecodable text."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from newsgraph.errors import Errors, NewsgraphError
from newsgraph.model import RawDoc
from newsgraph.sources.decode import binary_kind, decode
from newsgraph.sources.jsonl import read_jsonl

CONTENT_TYPES = {"text": "text/plain", "html": "text/html"}


def from_bytes(
    data: bytes, where: str, name: str, kind: str, fetched_at: str,
    meta: dict[str, str] | None = None,
) -> Iterator[RawDoc | NewsgraphError]:
    """One input's bytes → a RawDoc (or a JSONL input's RawDocs), or the error that stops it."""
    if not data.strip():
        yield NewsgraphError(Errors.E002, where)
        return
    what = binary_kind(data)
    if what:
        yield NewsgraphError(Errors.E001, where, what)
        return
    if kind == "jsonl":
        yield from read_jsonl(data, where, fetched_at, max_bytes=len(data))
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
        meta=meta or {},
    )
