"""Whether the store has been linked (schema version 2: the facts tables), so the desk
serves facts, the claim ledger and copies; events and documents work either way."""

from __future__ import annotations

import sqlite3

from .db import has
from .failures import ApiError


def linked(conn: sqlite3.Connection) -> bool:
    return has(conn, "facts")


def need(conn: sqlite3.Connection) -> None:
    if not linked(conn):
        raise ApiError("E035", "this store has no facts tables; ingest it with this version")


def copy_of(conn: sqlite3.Connection, doc_id: str) -> str | None:
    if not linked(conn):
        return None
    row = conn.execute("SELECT copy_of FROM copies WHERE doc_id = ?", (doc_id,)).fetchone()
    return row[0] if row else None


def count(conn: sqlite3.Connection) -> int | None:
    return conn.execute("SELECT count(*) FROM facts").fetchone()[0] if linked(conn) else None
