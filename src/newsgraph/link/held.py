"""What the linker keeps in memory between documents, for one connection: each fact's
running counts (summarize.py) and each actor pair's distinct member signatures
(facts.py), so a new report is matched and summed without reading every earlier one.

Held only while nothing else writes: another connection's commit (PRAGMA data_version
changes) or a rollback or a relink (`forget`) drops it all, and it is read back from
the store as needed.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from .copies import Recent


@dataclass
class Held:
    version: int
    states: Recent = field(default_factory=lambda: Recent(20_000))  # fact id -> Summary
    pairs: Recent = field(default_factory=lambda: Recent(4_096))  # (type, a, b) -> signatures


_HELD: tuple[sqlite3.Connection, Held] | None = None


def held(conn: sqlite3.Connection) -> Held:
    global _HELD
    version = conn.execute("PRAGMA data_version").fetchone()[0]
    if _HELD is None or _HELD[0] is not conn or _HELD[1].version != version:
        _HELD = (conn, Held(version))
    return _HELD[1]


def forget() -> None:
    global _HELD
    _HELD = None
