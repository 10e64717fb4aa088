"""Opening the SQLite store: WAL mode, foreign keys, schema migrations by version.

One process writes (the ingest), any number read: in WAL mode readers never
block the writer and see the last committed document.
"""

from __future__ import annotations

import sqlite3
from importlib.resources import files
from pathlib import Path

from ..errors import Errors, NewsgraphError

SCHEMA_VERSION = 3

# schema.sql marks where each version's additions start, so a step that only adds
# tables is that section of the file itself (the statements are IF NOT EXISTS).
_SECTION = "-- ---- Version {n}:"


def schema_sql() -> str:
    return files("newsgraph.store").joinpath("schema.sql").read_text("utf-8")


def _section(n: int) -> str:
    sql = schema_sql()
    start = sql.index(_SECTION.format(n=n))
    end = sql.find(_SECTION.format(n=n + 1), start)
    return sql[start:] if end < 0 else sql[start:end]


# Steps from version N-1 to N, applied in order to an older store. Version 1 is
# schema.sql itself; when the schema changes, edit schema.sql (so a new store is
# created whole) and add the ALTER/CREATE statements for the step here.
# The desk's read tables start from the facts a store already holds (triggers keep them).
FACT_EDGES_FROM_FACTS = """
INSERT INTO fact_edges(source, target, type, period, facts)
SELECT s.value, t.value, f.type, COALESCE(substr(f.sort_date, 1, 7), ''), count(*)
FROM facts f, json_each(f.source) s, json_each(f.target) t
GROUP BY s.value, t.value, f.type, COALESCE(substr(f.sort_date, 1, 7), '');
"""
ACTOR_FACTS_FROM_FACTS = """
INSERT OR IGNORE INTO actor_facts(code, role, fact_id, sort_key, rank)
SELECT x.value, r.role, f.id, COALESCE(f.sort_date, '~'), -f.independent_sources
FROM facts f, (SELECT 'source' AS role UNION ALL SELECT 'target') r,
json_each(CASE r.role WHEN 'source' THEN f.source ELSE f.target END) x;
"""
MIGRATIONS: dict[int, str] = {
    2: _section(2),  # linking: copies, facts (link/)
    3: _section(3) + FACT_EDGES_FROM_FACTS + ACTOR_FACTS_FROM_FACTS,  # the desk's read tables
}


def connect(path: str | Path, *, create: bool = True) -> sqlite3.Connection:
    """Open (and if needed create or migrate) the store at `path`.

    The connection is in autocommit mode: writers open their own
    transactions (`BEGIN IMMEDIATE`), so a document is stored whole or not at all.
    """
    path = Path(path)
    if not create and not path.exists():
        raise NewsgraphError(
            Errors.E012, path=str(path), detail="no database here; run `newsgraph ingest` first"
        )
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=30.0)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")  # durable at checkpoints; safe in WAL
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=30000")
        migrate(conn)
    except sqlite3.DatabaseError as e:
        raise NewsgraphError(Errors.E012, path=str(path), detail=str(e)) from e
    return conn


def version(conn: sqlite3.Connection) -> int:
    has_meta = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
    ).fetchone()
    if not has_meta:
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the store to SCHEMA_VERSION; returns the version found before."""
    found = version(conn)
    if found == SCHEMA_VERSION:
        return found
    if found > SCHEMA_VERSION:
        raise NewsgraphError(
            Errors.E012,
            detail=f"store has schema version {found}; this newsgraph knows up to {SCHEMA_VERSION}",
        )
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = version(conn)  # another process may have migrated meanwhile
        if found == 0:
            _executescript(conn, schema_sql())
        else:
            for step in range(found + 1, SCHEMA_VERSION + 1):
                _executescript(conn, MIGRATIONS[step])
        conn.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
            (str(SCHEMA_VERSION),),
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return found


def _executescript(conn: sqlite3.Connection, script: str) -> None:
    # sqlite3.executescript would COMMIT our open transaction first; run statement by statement.
    buf = ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            conn.execute(buf)
            buf = ""
    if buf.strip():
        conn.execute(buf)
