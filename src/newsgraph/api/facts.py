"""The bridge to the linking stage (`newsgraph.link.query`): facts, the claim ledger and
copies. The desk serves them when that module and its tables are present, and says
so (E035) when the store was not linked; events and documents work either way."""

from __future__ import annotations

import importlib
import sqlite3
from types import ModuleType
from typing import Any

from .failures import ApiError


def module() -> ModuleType | None:
    try:
        return importlib.import_module("newsgraph.link.query")
    except ImportError:
        return None


class Facts:
    def __init__(self) -> None:
        self.q = module()

    def ready(self, conn: sqlite3.Connection) -> bool:
        return self.q is not None and conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'facts'"
        ).fetchone() is not None

    def need(self, conn: sqlite3.Connection) -> ModuleType:
        if not self.ready(conn):
            raise ApiError("E035", "run `newsgraph link` on it" if self.q else
                           "this build has no linking stage")
        assert self.q is not None
        return self.q

    def copy_of(self, conn: sqlite3.Connection, doc_id: str) -> str | None:
        if not self.ready(conn) or self.q is None:
            return None
        has = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'copies'").fetchone()
        if not has:
            return None
        row = conn.execute("SELECT * FROM copies WHERE doc_id = ?", (doc_id,)).fetchone()
        return row["copy_of"] if row and "copy_of" in row.keys() else None

    def count(self, conn: sqlite3.Connection) -> int | None:
        if not self.ready(conn):
            return None
        return conn.execute("SELECT count(*) FROM facts").fetchone()[0]

    def contested(self, conn: sqlite3.Connection, limit: int) -> list[dict[str, Any]]:
        return list(self.need(conn).contested(conn, limit))
