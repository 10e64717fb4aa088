"""Reading the store: events with filters, one document, counts, full-text search.

Events come back as dicts in the `extract` JSON contract (Event.to_json), plus
`doc_id` (the sha256 of the raw bytes) and `published` (the article's date).
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from ..errors import Errors, NewsgraphError

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class EventFilter:
    actors: tuple[str, ...] = ()  # every code must take part (as source or target)
    types: tuple[str, ...] = ()  # any of these PLOVER types
    since: str | None = None  # YYYY[-MM[-DD]]
    until: str | None = None
    doc: str | None = None  # doc id prefix or name
    limit: int | None = None


def check_date(value: str) -> str:
    if not _DATE.match(value):
        raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    return value


EVENT_WHEN = "COALESCE(e.event_date, a.published)"  # an undated event: its article's date


def event_conditions(actors: tuple[str, ...], types: tuple[str, ...], since: str | None,
                     until: str | None) -> tuple[list[str], list[Any]]:
    """WHERE terms (over `events e JOIN articles a`) for the actor, type and date filters
    that `newsgraph events` and the API share. A period's date overlaps [since, until] when
    its last day >= since and its first day <= until."""
    where: list[str] = []
    args: list[Any] = []
    for code in actors:
        where.append(
            "EXISTS (SELECT 1 FROM event_actors x WHERE x.doc_id = e.doc_id"
            " AND x.event_id = e.id AND x.code = ?)"
        )
        args.append(code.upper())
    more, more_args = type_date_terms(types, since, until, "e.type", EVENT_WHEN)
    return where + more, args + more_args


def type_date_terms(types: tuple[str, ...], since: str | None, until: str | None,
                    type_col: str, date_expr: str) -> tuple[list[str], list[Any]]:
    """WHERE terms: the type is one of `types`; the date (YYYY[-MM[-DD]]) overlaps
    [since, until] (its last day >= since, its first day <= until)."""
    where: list[str] = []
    args: list[Any] = []
    if types:
        where.append(f"{type_col} IN ({','.join('?' * len(types))})")
        args.extend(t.upper() for t in types)
    if since:
        where.append(f"substr({date_expr} || '-99-99', 1, 10) >= ?")
        args.append(check_date(since))
    if until:
        where.append(f"substr({date_expr} || '-00-00', 1, 10) <= ?")
        args.append(substr_pad(check_date(until), "-99-99"))
    return where, args


def events(conn: sqlite3.Connection, f: EventFilter = EventFilter()) -> list[dict[str, Any]]:
    """Events matching `f`, oldest first. An event without its own date is
    placed by its article's publication date (it happened no later than that)."""
    where, args = event_conditions(f.actors, f.types, f.since, f.until)
    if f.doc:
        where.append("e.doc_id = ?")
        args.append(find_doc(conn, f.doc))
    sql = (
        "SELECT e.*, a.name AS doc_name, a.published FROM events e"
        " JOIN articles a ON a.doc_id = e.doc_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY {EVENT_WHEN} IS NULL, {EVENT_WHEN}, a.name, e.evidence_start, e.type"
    )
    if f.limit is not None:
        sql += " LIMIT ?"
        args.append(f.limit)
    rows = conn.execute(sql, args).fetchall()
    claims = _claims(conn, rows)
    return [_event(r, claims.get((r["doc_id"], r["id"]), [])) for r in rows]


def substr_pad(date: str, pad: str) -> str:
    return (date + pad)[:10]


def _claims(conn: sqlite3.Connection, rows: list[sqlite3.Row]) -> dict[tuple, list[dict]]:
    out: dict[tuple, list[dict]] = {}
    for doc_id in {r["doc_id"] for r in rows}:
        for c in conn.execute(
            "SELECT event_id, by_code, by_text, stance FROM claims WHERE doc_id = ? ORDER BY seq",
            (doc_id,),
        ):
            out.setdefault((doc_id, c["event_id"]), []).append(
                {"by": c["by_code"], "stance": c["stance"], "by_text": c["by_text"]}
            )
    return out


def _event(r: sqlite3.Row, claims: list[dict]) -> dict[str, Any]:
    return {
        "id": r["id"],
        "doc": r["doc_name"],
        "type": r["type"],
        "mode": r["mode"],
        "source": json.loads(r["source"]),
        "target": json.loads(r["target"]),
        "source_text": r["source_text"],
        "target_text": r["target_text"],
        "item": r["item"],
        "quantity": r["quantity"],
        "date": r["event_date"],
        "date_precision": r["date_precision"],
        "modality": r["modality"],
        "claims": claims,
        "evidence": {"text": r["evidence_text"], "start": r["evidence_start"],
                     "end": r["evidence_end"]},
        "confidence": round(r["confidence"], 3),
        "coder": r["coder"],
        "doc_id": r["doc_id"],
        "published": r["published"],
    }


def find_doc(conn: sqlite3.Connection, key: str) -> str:
    """The doc id for an exact name, an id prefix (at least 4 hex digits) or a name prefix."""
    ids = [r[0] for r in conn.execute("SELECT doc_id FROM articles WHERE name = ?", (key,))]
    if not ids and len(key) >= 4 and re.fullmatch(r"[0-9a-fA-F]+", key):
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT doc_id FROM articles WHERE doc_id >= ? AND doc_id < ? LIMIT 6",
                (key.lower(), key.lower() + "g"),
            )
        ]
    if not ids and key:
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT doc_id FROM articles WHERE substr(name, 1, ?) = ? LIMIT 6",
                (len(key), key),
            )
        ]
    if len(ids) == 1:
        return ids[0]
    if not ids:
        raise NewsgraphError(Errors.E013, detail=key)
    names = ", ".join(
        f"{r[0]} ({r[1][:12]})"
        for r in conn.execute(
            f"SELECT name, doc_id FROM articles WHERE doc_id IN ({','.join('?' * len(ids))})"
            " ORDER BY name LIMIT 5", ids,
        )
    )
    raise NewsgraphError(Errors.E013, detail=f"{key!r} matches several: {names}"
                         + (", …" if len(ids) > 5 else ""))


def article(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any]:
    """The stored article with its raw origin, blocks and events (each with claims)."""
    r = conn.execute(
        "SELECT a.*, r.origin, r.content_type, r.size, r.fetched_at FROM articles a"
        " JOIN raw_docs r ON r.id = a.doc_id WHERE a.doc_id = ?",
        (doc_id,),
    ).fetchone()
    if r is None:
        raise NewsgraphError(Errors.E013, detail=doc_id)
    out = {k: r[k] for k in r.keys() if k not in ("num", "languages", "removed")}
    out["languages"] = json.loads(r["languages"])
    out["removed"] = json.loads(r["removed"])
    out["blocks"] = [
        dict(b)
        for b in conn.execute(
            'SELECT lang, start, "end" FROM blocks WHERE doc_id = ? ORDER BY seq', (doc_id,)
        )
    ]
    out["sentences"] = conn.execute(
        "SELECT count(*) FROM sentences WHERE doc_id = ?", (doc_id,)
    ).fetchone()[0]
    out["events"] = _doc_events(conn, doc_id)
    return out


def _doc_events(conn: sqlite3.Connection, doc_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT e.*, a.name AS doc_name, a.published FROM events e"
        " JOIN articles a ON a.doc_id = e.doc_id WHERE e.doc_id = ?"
        " ORDER BY e.evidence_start, e.type",
        (doc_id,),
    ).fetchall()
    claims = _claims(conn, rows)
    return [_event(r, claims.get((r["doc_id"], r["id"]), [])) for r in rows]


def summary(conn: sqlite3.Connection, top: int = 10) -> dict[str, Any]:
    """Counts for an overview: documents, events by type, top actors and pairs, claims."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    pairs = conn.execute(
        "SELECT s.code AS source, t.code AS target, e.type, count(*) AS n FROM events e"
        " JOIN event_actors s ON s.doc_id = e.doc_id AND s.event_id = e.id AND s.role = 'source'"
        " JOIN event_actors t ON t.doc_id = e.doc_id AND t.event_id = e.id AND t.role = 'target'"
        " GROUP BY s.code, t.code, e.type ORDER BY n DESC, s.code, t.code LIMIT ?",
        (top,),
    ).fetchall()
    return {
        "documents": one("SELECT count(*) FROM articles"),
        "documents_with_events": one("SELECT count(DISTINCT doc_id) FROM events"),
        "sentences": one("SELECT count(*) FROM sentences"),
        "events": one("SELECT count(*) FROM events"),
        "claims": one("SELECT count(*) FROM claims"),
        "published": list(conn.execute(
            "SELECT min(published), max(published) FROM articles"
        ).fetchone()),
        "languages": _counts(conn, "SELECT lang, count(DISTINCT doc_id) FROM blocks GROUP BY lang"),
        "by_type": _counts(conn, "SELECT type, count(*) FROM events GROUP BY type"),
        "by_modality": _counts(conn, "SELECT modality, count(*) FROM events GROUP BY modality"),
        "claims_by_stance": _counts(conn, "SELECT stance, count(*) FROM claims GROUP BY stance"),
        "top_actors": _counts(
            conn,
            "SELECT code, count(DISTINCT doc_id || event_id) FROM event_actors GROUP BY code",
            top,
        ),
        "top_pairs": [dict(p) for p in pairs],
        "arms_transfers": _counts(
            conn,
            "SELECT item, count(*) FROM events WHERE type = 'AID' AND item IS NOT NULL"
            " GROUP BY item",
        ),
        "examples": _examples(conn),
    }


def _counts(conn: sqlite3.Connection, sql: str, top: int | None = None) -> dict[str, int]:
    rows = sorted(conn.execute(sql).fetchall(), key=lambda r: (-r[1], str(r[0])))
    return {str(k): n for k, n in rows[:top]}


def _examples(conn: sqlite3.Connection, n: int = 5) -> list[dict[str, Any]]:
    """For each of the `n` most frequent types, its most confident asserted event
    between two known actors, preferring one that carries a claim."""
    rows = conn.execute(
        "WITH ranked AS ("
        "  SELECT e.*, count(*) OVER (PARTITION BY e.type) AS type_n,"
        "   row_number() OVER (PARTITION BY e.type ORDER BY"
        "    EXISTS (SELECT 1 FROM claims c WHERE c.doc_id = e.doc_id AND c.event_id = e.id)"
        "    DESC, e.confidence DESC, e.doc_id, e.evidence_start) AS rank_in_type"
        "  FROM events e"
        "  WHERE e.source != '[]' AND e.target != '[]' AND e.modality = 'asserted')"
        " SELECT r.*, a.name AS doc_name, a.published FROM ranked r"
        " JOIN articles a ON a.doc_id = r.doc_id WHERE r.rank_in_type = 1"
        " ORDER BY r.type_n DESC, r.type LIMIT ?",
        (n,),
    ).fetchall()
    claims = _claims(conn, rows)
    return [_event(r, claims.get((r["doc_id"], r["id"]), [])) for r in rows]


def search(conn: sqlite3.Connection, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Articles matching an FTS5 query, best first, with a snippet. A query that
    is not valid FTS5 syntax is searched as plain words."""
    sql = (
        "SELECT a.doc_id, a.name, a.title, a.published, a.outlet,"
        " snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet,"
        " (SELECT count(*) FROM events e WHERE e.doc_id = a.doc_id) AS events"
        " FROM articles_fts JOIN articles a ON a.num = articles_fts.rowid"
        " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
    )
    try:
        rows = conn.execute(sql, (query, limit)).fetchall()
    except sqlite3.OperationalError:
        words = re.findall(r"\w+", query)
        if not words:
            return []
        rows = conn.execute(sql, (" ".join(f'"{w}"' for w in words), limit)).fetchall()
    return [dict(r) for r in rows]
