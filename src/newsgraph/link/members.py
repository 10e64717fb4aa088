"""Reading a fact's members: its mentions with their events and documents, and the
claims those events carry, as plain dicts (shared by the summary and the queries)."""

from __future__ import annotations

import sqlite3
from typing import Any


def mentions(conn: sqlite3.Connection, fact_id: str,
             doc_id: str | None = None) -> list[dict[str, Any]]:
    """The fact's members in time order (only those of `doc_id` if given)."""
    rows = conn.execute(
        "SELECT f.doc_id, f.event_id, f.a, f.b, e.type, e.mode, e.item, e.quantity,"
        " e.event_date, e.date_precision, e.modality, e.evidence_text, e.evidence_start,"
        " e.evidence_end, a.name, a.outlet, a.published, c.copy_of,"
        " COALESCE(r.outlet, a.outlet) AS root_outlet"
        " FROM fact_mentions f JOIN events e ON e.doc_id = f.doc_id AND e.id = f.event_id"
        " JOIN articles a ON a.doc_id = f.doc_id"
        " LEFT JOIN copies c ON c.doc_id = f.doc_id"
        " LEFT JOIN articles r ON r.doc_id = c.copy_of"
        # With `doc_id`, the primary key's doc_id prefix (not the fact's whole index range).
        + (" WHERE f.doc_id = ? AND +f.fact_id = ?" if doc_id else " WHERE f.fact_id = ?") +
        " ORDER BY a.published IS NULL, a.published, a.name, f.doc_id, e.evidence_start,"
        " f.event_id",
        (doc_id, fact_id) if doc_id else (fact_id,),
    ).fetchall()
    return [{
        "doc_id": r["doc_id"], "doc": r["name"], "event_id": r["event_id"],
        "a": r["a"], "b": r["b"], "type": r["type"], "mode": r["mode"], "item": r["item"],
        "quantity": r["quantity"], "event_date": r["event_date"],
        "date_precision": r["date_precision"], "modality": r["modality"],
        "outlet": r["outlet"], "published": r["published"], "copy_of": r["copy_of"],
        "root_outlet": r["root_outlet"],
        "evidence": {"text": r["evidence_text"], "start": r["evidence_start"],
                     "end": r["evidence_end"]},
    } for r in rows]


def claims(conn: sqlite3.Connection, members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every claim on the members' events (an event with two pairs is read once)."""
    by_event = _claims_of(conn, sorted({m["doc_id"] for m in members}))
    out = []
    seen: set[tuple[str, str]] = set()
    for m in members:
        key = (m["doc_id"], m["event_id"])
        if key in seen:
            continue
        seen.add(key)
        for c in by_event.get(key, ()):
            out.append({"claimant": c[0], "claimant_text": c[1],
                        "stance": c[2], "doc_id": m["doc_id"], "doc": m["doc"],
                        "outlet": m["outlet"], "reported": m["published"],
                        "event_id": m["event_id"], "evidence": m["evidence"]})
    return out


def _claims_of(conn: sqlite3.Connection, docs: list[str]) -> dict[tuple[str, str], list[tuple]]:
    """(doc_id, event_id) -> its claims (by, by_text, stance) in order, for all of `docs`
    in a few queries rather than one per event."""
    out: dict[tuple[str, str], list[tuple]] = {}
    for i in range(0, len(docs), 500):
        chunk = docs[i:i + 500]
        for r in conn.execute(
            "SELECT doc_id, event_id, by_code, by_text, stance FROM claims WHERE doc_id IN"
            f" ({','.join('?' * len(chunk))}) ORDER BY doc_id, event_id, seq", chunk,
        ):
            out.setdefault((r[0], r[1]), []).append((r[2], r[3], r[4]))
    return out
