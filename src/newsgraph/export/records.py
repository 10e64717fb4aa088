"""The rows an export walks: every event or every fact matching a selection, read in
keyset batches so a large store is never held in memory at once."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..api import reads

BATCH = 1000


@dataclass(frozen=True)
class Selection:
    unit: str = "events"  # events | facts
    actors: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None


def events(conn: sqlite3.Connection, sel: Selection) -> Iterator[dict[str, Any]]:
    f = reads.Filter(actors=sel.actors, types=sel.types, since=sel.since, until=sel.until)
    after = None
    while True:
        rows = reads.events(conn, f, BATCH, after, iterate=True)
        yield from rows
        if len(rows) < BATCH:
            return
        after = reads.event_key(rows[-1])


def facts(conn: sqlite3.Connection, sel: Selection) -> Iterator[dict[str, Any]]:
    """Facts with their reports (`mentions`) and `claims` (the `facts --format jsonl` form)."""
    from ..link import query

    after = None
    while True:
        f = query.FactFilter(actors=sel.actors, types=sel.types, since=sel.since,
                             until=sel.until, limit=BATCH, after=after)
        rows = query.facts(conn, f)
        for r in rows:
            yield query.with_reports(conn, r)
        if len(rows) < BATCH:
            return
        after = rows[-1]["id"]


def rows(conn: sqlite3.Connection, sel: Selection) -> Iterator[dict[str, Any]]:
    return facts(conn, sel) if sel.unit == "facts" else events(conn, sel)


def doc_meta(conn: sqlite3.Connection, names: set[str] | None = None) -> dict[str, dict]:
    """name -> url, outlet, title, published of every stored article (for URLs and FtM)."""
    out = {}
    for r in conn.execute("SELECT doc_id, name, url, outlet, title, published, author"
                          " FROM articles"):
        if names is None or r["name"] in names:
            out[r["name"]] = dict(r)
    return out
