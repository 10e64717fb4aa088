"""Read-only connections to the store, one per worker thread.

The desk never writes through these: `mode=ro` plus `query_only` means a bug in a
route cannot change the store, and WAL lets an ingest commit while we read.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from ..errors import Errors, NewsgraphError


class ReadConn(sqlite3.Connection):
    """A connection that remembers which tables and indexes it has seen exist: the routes
    ask on every request (a store may be migrated under a running desk), and reading
    sqlite_master each time cost more than some of their queries."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.present: set[tuple[str, str]] = set()


def has(conn: sqlite3.Connection, name: str, kind: str = "table") -> bool:
    """Whether the store has table (or index) `name`. Only a yes is remembered: nothing
    drops these, but an ingest's migration can add them while we serve."""
    present = getattr(conn, "present", None)
    if present is not None and (kind, name) in present:
        return True
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?",
                         (kind, name)).fetchone() is not None
    if found and present is not None:
        present.add((kind, name))
    return found


class Reader:
    """Hands each thread its own read-only connection (sqlite3 connections are not
    safe to share between threads running queries at the same time)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).resolve()
        if not self.path.is_file():
            raise NewsgraphError(Errors.E012, path=str(path),
                                 detail="no database here; run `newsgraph ingest` first")
        self._local = threading.local()

    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True,
                                   check_same_thread=False, timeout=30.0, factory=ReadConn)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA query_only=ON")
            conn.execute("PRAGMA busy_timeout=30000")
            self._local.conn = conn
        return conn

    def has_table(self, name: str) -> bool:
        return has(self.conn(), name)
