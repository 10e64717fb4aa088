"""Merging fact mentions into facts, incrementally.

A fact is a connected component of the graph whose edges join compatible mentions
(`mentions.compatible`). Candidates come from the (type, a, b, lo) index within a
date span, never from a scan of the store. Components do not depend on the order
mentions arrive in, and a fact's id is a hash of its earliest member, so ingesting
the same documents in any order gives the same facts with the same ids.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from ..model import content_id
from .mentions import FactMention, candidate_span, compatible, from_event

_COLS = "doc_id, event_id, a, b, type, mode, item, irrealis, lo, hi, prec, start, deed"


def link_events(conn: sqlite3.Connection, doc_id: str) -> set[str]:
    """Add the mentions of a stored document's events; returns the fact ids touched."""
    pub = conn.execute("SELECT published FROM articles WHERE doc_id = ?", (doc_id,)).fetchone()
    published = pub[0] if pub else None
    rows = conn.execute(
        "SELECT * FROM events WHERE doc_id = ? ORDER BY evidence_start, id", (doc_id,)
    ).fetchall()
    spans = tuple((r[0], r[1]) for r in conn.execute(
        'SELECT start, "end" FROM mentions WHERE doc_id = ? AND code IS NOT NULL', (doc_id,)))
    touched: set[str] = set()
    for row in rows:
        for m in from_event(row, published, spans):
            touched.add(_add(conn, m))
    return touched


def _add(conn: sqlite3.Connection, m: FactMention) -> str:
    if conn.execute("SELECT 1 FROM fact_mentions WHERE doc_id=? AND event_id=? AND a=? AND b=?",
                    m.key).fetchone():
        return _fact_of(conn, m)
    found: set[str] = set()
    for r in _candidates(conn, m):
        # One compatible member joins its fact: the others of a fact found need no test.
        if r["fact_id"] not in found and compatible(m, _mention(r)):
            found.add(r["fact_id"])
    joined = sorted(found)
    provisional = joined[0] if joined else content_id("fact", *_order_key(m))
    conn.execute(
        f"INSERT INTO fact_mentions({_COLS}, fact_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (*m.key, m.type, m.mode, m.item, int(m.irrealis), m.lo, m.hi, m.prec, m.start,
         " ".join(sorted(m.deed)), provisional),
    )
    return _renumber(conn, joined or [provisional])


def _fact_of(conn: sqlite3.Connection, m: FactMention) -> str:
    return conn.execute("SELECT fact_id FROM fact_mentions WHERE doc_id=? AND event_id=?"
                        " AND a=? AND b=?", m.key).fetchone()[0]


def _candidates(conn: sqlite3.Connection, m: FactMention) -> list[sqlite3.Row]:
    # `compatible` does not look at the publication date: no join with articles.
    sql = (f"SELECT {_COLS}, fact_id FROM fact_mentions f WHERE f.type = ? AND f.a = ?"
           " AND f.b = ?")
    key = [m.type, m.a, m.b]
    if m.lo is None:  # an undated mention: every mention of the pair
        rows = conn.execute(sql, key).fetchall()
    else:  # two index ranges: undated mentions, and those starting within the span
        below, above = candidate_span()
        rows = conn.execute(sql + " AND f.lo IS NULL", key).fetchall() + conn.execute(
            sql + " AND f.lo BETWEEN ? AND ?",
            [*key, _shift(m.lo, -below), _shift(m.hi, above)]).fetchall()
    return rows


def _mention(r: sqlite3.Row) -> FactMention:
    return FactMention(r["doc_id"], r["event_id"], r["a"], r["b"], r["type"], r["mode"],
                       r["item"], bool(r["irrealis"]), r["lo"], r["hi"], r["prec"],
                       None, r["start"], frozenset(r["deed"].split()))


def _renumber(conn: sqlite3.Connection, fact_ids: list[str]) -> str:
    """Give the union of `fact_ids` the id its members determine; returns it."""
    marks = ",".join("?" * len(fact_ids))
    first = conn.execute(
        "SELECT f.doc_id, f.event_id, f.a, f.b, a.published FROM fact_mentions f"
        f" JOIN articles a ON a.doc_id = f.doc_id WHERE f.fact_id IN ({marks})"
        " ORDER BY a.published IS NULL, a.published, f.doc_id, f.event_id, f.a, f.b LIMIT 1",
        fact_ids,
    ).fetchone()
    new = content_id("fact", first[4], first[0], first[1], first[2], first[3])
    # Only rows whose id changes: rewriting a large fact's unchanged rows on every new
    # report would make a report cost more as its fact grows.
    conn.execute(f"UPDATE fact_mentions SET fact_id = ? WHERE fact_id IN ({marks})"
                 " AND fact_id != ?", [new, *fact_ids, new])
    gone = [f for f in fact_ids if f != new]
    if gone:
        conn.execute(f"DELETE FROM facts WHERE id IN ({','.join('?' * len(gone))})", gone)
    return new


def _order_key(m: FactMention) -> tuple:
    return (m.published, m.doc_id, m.event_id, m.a, m.b)


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
