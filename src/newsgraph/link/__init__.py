"""Linking: copies and syndication, facts (canonical events) with their claim
ledger, independent sources and UN arms-embargo flags.

`link_document` runs right after a document is stored (pipeline.ingest); `catch_up`
links whatever an older store or an interrupted run left unlinked. Each document is
linked in one transaction and only against candidates from the indexes.
"""

from __future__ import annotations

import sqlite3

from ..store.write import transaction
from .copies import link_copies
from .facts import link_events
from .held import forget
from .summarize import refresh

_MARK = "linked_num"  # meta key: articles.num of the last linked document


def link_document(conn: sqlite3.Connection, doc_id: str) -> int:
    """Link one stored document; returns the number of facts it touched. A write SQLite
    refuses (disk full, I/O error) is one E047 line, as for the document's own rows."""
    try:
        with transaction(conn, doc_id):
            return _link(conn, doc_id)
    except BaseException:
        forget()  # the held fact counts may include what was rolled back
        raise


def catch_up(conn: sqlite3.Connection) -> int:
    """Link every stored document after the last linked one; returns how many."""
    rows = conn.execute("SELECT doc_id FROM articles WHERE num > ? ORDER BY num",
                        (_linked_upto(conn),)).fetchall()
    for r in rows:
        link_document(conn, r[0])
    return len(rows)


def relink(conn: sqlite3.Connection) -> int:
    """Drop every link and link the whole store again (after a parameter change)."""
    forget()
    with transaction(conn, "relink"):
        for table in ("facts", "fact_mentions", "copies", "copy_edges", "lsh_bands",
                      "doc_signatures"):
            conn.execute(f"DELETE FROM {table}")
        conn.execute("DELETE FROM meta WHERE key = ?", (_MARK,))
    return catch_up(conn)


def _link(conn: sqlite3.Connection, doc_id: str) -> int:
    row = conn.execute("SELECT num, body FROM articles WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is None:
        return 0
    touched = link_events(conn, doc_id)
    rerooted = sorted(link_copies(conn, doc_id, row["body"]) - {doc_id})
    if rerooted:  # their facts' source counts change: summarized again from all members
        marks = ",".join("?" * len(rerooted))
        touched.full |= {r[0] for r in conn.execute(
            f"SELECT DISTINCT fact_id FROM fact_mentions WHERE doc_id IN ({marks})", rerooted)}
    grown = {f: before for f, before in touched.grown.items() if f not in touched.full}
    refresh(conn, touched.ids(), doc_id, grown)
    conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE"
                 " SET value = max(CAST(value AS INTEGER), excluded.value)",
                 (_MARK, str(row["num"])))
    return len(touched.ids())


def _linked_upto(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (_MARK,)).fetchone()
    return int(row[0]) if row else 0


__all__ = ["catch_up", "link_document", "relink"]
