"""The desk's read queries over events, documents, actors, claims and search.

Each list query takes the decoded cursor (`after`, the last row's sort key) and
fetches `limit + 1` rows; every sort ends on a unique column, so pages are stable.
SQL is parameterised throughout; only fixed fragments are joined into it.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from ..store.query import EVENT_WHEN, _claims, _event, event_conditions
from . import ontology

WHEN = EVENT_WHEN
# Undated events sort after dated ones ('~' is above every digit).
EVENT_KEY = f"COALESCE({WHEN}, '~'), e.doc_id, e.evidence_start, e.id"


@dataclass(frozen=True)
class Filter:
    actors: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    doc: str | None = None  # a full doc id
    modality: str | None = None


def event_where(f: Filter) -> tuple[list[str], list[Any]]:
    where, args = event_conditions(f.actors, f.types, f.since, f.until)
    if f.doc:
        where.append("e.doc_id = ?")
        args.append(f.doc)
    if f.modality:
        where.append("e.modality = ?")
        args.append(f.modality)
    return where, args


def _with_claims(conn: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
    claims = _claims(conn, rows)
    out = []
    for r in rows:
        e = _event(r, claims.get((r["doc_id"], r["id"]), []))
        e["title"] = r["title"]
        e["quad"] = ontology.quad(e["type"])
        out.append(e)
    return out


def event_key(e: dict[str, Any]) -> list[Any]:
    return [e["date"] or e["published"] or "~", e["doc_id"], e["evidence"]["start"], e["id"]]


def events(conn: sqlite3.Connection, f: Filter, limit: int,
           after: list[Any] | None = None, iterate: bool = False) -> list[dict[str, Any]]:
    where, args = event_where(f)
    if after:
        where.append(f"({EVENT_KEY}) > (?, ?, ?, ?)")
        args.extend(after)
    sql = ("SELECT e.*, a.name AS doc_name, a.published, a.title FROM events e"
           " JOIN articles a ON a.doc_id = e.doc_id"
           + (" WHERE " + " AND ".join(where) if where else "")
           + f" ORDER BY {EVENT_KEY} LIMIT ?")
    rows = conn.execute(sql, [*args, limit + (0 if iterate else 1)]).fetchall()
    return _with_claims(conn, rows)


def event(conn: sqlite3.Connection, doc_id: str, event_id: str) -> dict[str, Any] | None:
    rows = conn.execute(
        "SELECT e.*, a.name AS doc_name, a.published, a.title FROM events e"
        " JOIN articles a ON a.doc_id = e.doc_id WHERE e.doc_id = ? AND e.id = ?",
        (doc_id, event_id),
    ).fetchall()
    return _with_claims(conn, rows)[0] if rows else None


def documents(conn: sqlite3.Connection, limit: int, after: list[Any] | None,
              outlet: str | None = None) -> list[dict[str, Any]]:
    """Newest publication first; undated documents last."""
    where, args = [], []
    if outlet:
        where.append("a.outlet = ?")
        args.append(outlet)
    if after:
        where.append("(COALESCE(a.published, ''), a.num) < (?, ?)")
        args.extend(after)
    rows = conn.execute(
        "SELECT a.num, a.doc_id, a.name, a.title, a.published, a.outlet, a.url, a.languages,"
        " (SELECT count(*) FROM events e WHERE e.doc_id = a.doc_id) AS events FROM articles a"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY COALESCE(a.published, '') DESC, a.num DESC LIMIT ?",
        [*args, limit + 1],
    ).fetchall()
    return [{**dict(r), "languages": json.loads(r["languages"])} for r in rows]


def doc_key(d: dict[str, Any]) -> list[Any]:
    return [d["published"] or "", d["num"]]


def spans(conn: sqlite3.Connection, doc_id: str) -> list[dict[str, Any]]:
    """Sentences (start, end) and actor mentions of a document, for highlighting."""
    return [dict(r) for r in conn.execute(
        'SELECT start, "end", text, code, actor, kind FROM mentions WHERE doc_id = ? ORDER BY seq',
        (doc_id,),
    )]


def actors(conn: sqlite3.Connection, limit: int, after: list[Any] | None,
           q: str | None = None) -> list[dict[str, Any]]:
    """Actors by how many events they take part in, then code."""
    where, args = [], []
    if after:
        where.append("(-n, code) > (?, ?)")
        args.extend([-after[0], after[1]])
    if q:
        where.append("code LIKE ? ESCAPE '\\'")
        args.append(q.upper().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    rows = conn.execute(
        "SELECT * FROM (SELECT code, count(DISTINCT doc_id || ':' || event_id) AS n,"
        " count(DISTINCT CASE WHEN role = 'source' THEN doc_id || ':' || event_id END) AS src,"
        " count(DISTINCT CASE WHEN role = 'target' THEN doc_id || ':' || event_id END) AS tgt"
        " FROM event_actors GROUP BY code)"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY n DESC, code LIMIT ?",
        [*args, limit + 1],
    ).fetchall()
    return [actor_row(conn, r) for r in rows]


def actor_row(conn: sqlite3.Connection, r: sqlite3.Row) -> dict[str, Any]:
    info = ontology.actor_info(r["code"])
    if info["kind"] is None:  # not in the dictionary: the name most often written
        m = conn.execute("SELECT actor, kind, sector FROM mentions WHERE code = ?"
                         " GROUP BY actor ORDER BY count(*) DESC LIMIT 1", (r["code"],)).fetchone()
        if m:
            info.update(name=m["actor"], kind=m["kind"], sector=m["sector"])
    return {**info, "events": r["n"], "as_source": r["src"], "as_target": r["tgt"]}


def actor_key(a: dict[str, Any]) -> list[Any]:
    return [a["events"], a["code"]]


def actor(conn: sqlite3.Connection, code: str) -> dict[str, Any] | None:
    r = conn.execute(
        "SELECT ? AS code, count(DISTINCT doc_id || ':' || event_id) AS n,"
        " count(DISTINCT CASE WHEN role = 'source' THEN doc_id || ':' || event_id END) AS src,"
        " count(DISTINCT CASE WHEN role = 'target' THEN doc_id || ':' || event_id END) AS tgt"
        " FROM event_actors WHERE code = ?", (code, code),
    ).fetchone()
    if not r["n"]:
        return None
    out = actor_row(conn, r)
    out["by_type"] = {t: n for t, n in conn.execute(
        "SELECT e.type, count(*) FROM events e WHERE EXISTS (SELECT 1 FROM event_actors x"
        " WHERE x.doc_id = e.doc_id AND x.event_id = e.id AND x.code = ?)"
        " GROUP BY e.type ORDER BY count(*) DESC, e.type", (code,))}
    return out


def event_edges(conn: sqlite3.Connection, f: Filter, max_edges: int) -> list[dict[str, Any]]:
    """(source, target, type) edges weighted by the number of events."""
    where, args = event_where(f)
    rows = conn.execute(
        "SELECT s.code AS source, t.code AS target, e.type, count(*) AS weight FROM events e"
        " JOIN articles a ON a.doc_id = e.doc_id"
        " JOIN event_actors s ON s.doc_id = e.doc_id AND s.event_id = e.id AND s.role = 'source'"
        " JOIN event_actors t ON t.doc_id = e.doc_id AND t.event_id = e.id AND t.role = 'target'"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " GROUP BY s.code, t.code, e.type ORDER BY weight DESC, s.code, t.code, e.type LIMIT ?",
        [*args, max_edges],
    ).fetchall()
    return [{"source": r[0], "target": r[1], "type": r[2], "quad": ontology.quad(r[2]),
             "weight": r[3]} for r in rows if r[0] != r[1]]  # the order of schemas.Edge


def nodes_of(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    weight: dict[str, int] = {}
    for e in edges:
        for c in (e["source"], e["target"]):
            weight[c] = weight.get(c, 0) + e["weight"]
    return [{"id": c, "label": ontology.actor_info(c)["name"], "weight": w}
            for c, w in sorted(weight.items(), key=lambda x: (-x[1], x[0]))]


def partners(code: str, edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Who `code` acts with: per partner, counts by type and by quad class."""
    out: dict[str, dict[str, Any]] = {}
    for e in edges:
        if code not in (e["source"], e["target"]):
            continue  # an edge between two others of a multi-actor event
        other = e["target"] if e["source"] == code else e["source"]
        p = out.setdefault(other, {"code": other, "name": ontology.actor_info(other)["name"],
                                   "events": 0, "by_type": {}, "types": [], "cooperation": 0,
                                   "conflict": 0})
        p["events"] += e["weight"]
        p["by_type"][e["type"]] = p["by_type"].get(e["type"], 0) + e["weight"]
        p["types"].append({"type": e["type"], "quad": e["quad"], "events": e["weight"]})
        p["cooperation" if (e["quad"] or "").endswith("cooperation") else "conflict"] += e["weight"]
    return sorted(out.values(), key=lambda p: (-p["events"], p["code"]))


def claims(conn: sqlite3.Connection, limit: int, after: list[Any] | None,
           stance: str | None = None, by: str | None = None) -> list[dict[str, Any]]:
    key = "COALESCE(a.published, '~'), c.doc_id, c.event_id, c.seq"
    where, args = [], []
    if stance:
        where.append("c.stance = ?")
        args.append(stance)
    if by:
        where.append("c.by_code = ?")
        args.append(by.upper())
    if after:
        where.append(f"({key}) > (?, ?, ?, ?)")
        args.extend(after)
    rows = conn.execute(
        "SELECT c.doc_id, c.event_id, c.seq, c.by_code AS by, c.by_text, c.stance, a.name AS doc,"
        " a.published, a.outlet, e.type, e.source, e.target, e.evidence_text, e.evidence_start,"
        " e.evidence_end FROM claims c JOIN events e ON e.doc_id = c.doc_id AND e.id = c.event_id"
        " JOIN articles a ON a.doc_id = c.doc_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY {key} LIMIT ?", [*args, limit + 1],
    ).fetchall()
    return [{
        **{k: r[k] for k in ("doc_id", "event_id", "seq", "by", "by_text", "stance", "doc",
                             "published", "outlet", "type")},
        "quad": ontology.quad(r["type"]),
        "source": json.loads(r["source"]), "target": json.loads(r["target"]),
        "evidence": {"text": r["evidence_text"], "start": r["evidence_start"],
                     "end": r["evidence_end"]},
    } for r in rows]


def claim_key(c: dict[str, Any]) -> list[Any]:
    return [c["published"] or "~", c["doc_id"], c["event_id"], c["seq"]]


def search(conn: sqlite3.Connection, query: str, limit: int,
           after: list[Any] | None) -> list[dict[str, Any]]:
    """FTS5 matches, best first (bm25 rank, then row number as the tie-break).
    A query that is not valid FTS5 syntax is searched as plain words. Snippets are
    made for the page's rows only (making one costs more than ranking every match)."""
    sql = (
        "SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ?"
        + (" AND (rank, rowid) > (?, ?)" if after else "")
        + " ORDER BY rank, rowid LIMIT ?"
    )
    try:
        ranked = conn.execute(sql, [query, *(after or []), limit + 1]).fetchall()
    except sqlite3.OperationalError:
        words = [w for w in "".join(c if c.isalnum() else " " for c in query).split()]
        if not words:
            return []
        query = " ".join(f'"{w}"' for w in words)
        ranked = conn.execute(sql, [query, *(after or []), limit + 1]).fetchall()
    if not ranked:
        return []
    # The page's snippets in one query (one per row costs 8 times more), then in rank order.
    # FTS5 walks the matches once over the page's span of row numbers (handing it `rowid IN`
    # would restart the match at each row: 2.5 times the cost); the `+` keeps the IN a
    # plain filter, tested before any snippet is made.
    nums = [num for num, _ in ranked]
    rows = {r["num"]: r for r in conn.execute(
        "SELECT a.num, a.doc_id, a.name, a.title, a.published, a.outlet,"
        " snippet(articles_fts, 1, char(2), char(3), ' … ', 16) AS snippet,"
        " (SELECT count(*) FROM events e WHERE e.doc_id = a.doc_id) AS events"
        " FROM articles_fts JOIN articles a ON a.num = articles_fts.rowid"
        " WHERE articles_fts MATCH ? AND articles_fts.rowid BETWEEN ? AND ?"
        f" AND +articles_fts.rowid IN ({','.join('?' * len(nums))})",
        [query, min(nums), max(nums), *nums])}
    return [_hit(rows[num], rank) for num, rank in ranked if num in rows]


def _hit(r: sqlite3.Row, rank: float) -> dict[str, Any]:
    """The snippet as parts: matched words are marked by position, never as HTML."""
    parts = []
    for i, chunk in enumerate(r["snippet"].replace("\x03", "\x02").split("\x02")):
        if chunk:
            parts.append({"text": chunk, "match": i % 2 == 1})
    return {**{k: r[k] for k in ("num", "doc_id", "name", "title", "published", "outlet",
                                 "events")}, "rank": rank, "snippet": parts}


def hit_key(h: dict[str, Any]) -> list[Any]:
    return [h["rank"], h["num"]]


def overview(conn: sqlite3.Connection, linked: bool, top: int) -> dict[str, Any]:
    """The dashboard's counts, cheap on a large store (`newsgraph summary` also computes
    pairs and examples over every event: seconds on a million): top actors by facts when
    linked (else by events), counted over the actor-code indexes."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    by_actor = ("SELECT code, count(*) FROM fact_actors GROUP BY code" if linked else
                "SELECT code, count(*) FROM event_actors GROUP BY code")
    return {
        "documents": one("SELECT count(*) FROM articles"),
        "events": one("SELECT count(*) FROM events"),
        "claims": one("SELECT count(*) FROM claims"),
        "facts": one("SELECT count(*) FROM facts") if linked else None,
        "published": list(conn.execute(
            "SELECT min(published), max(published) FROM articles").fetchone()),
        "by_type": _ranked(conn, "SELECT type, count(*) FROM events GROUP BY type"),
        "top_actors": _ranked(conn, by_actor, top),
        "top_actors_by": "facts" if linked else "events",
    }


def _ranked(conn: sqlite3.Connection, sql: str, top: int | None = None) -> dict[str, int]:
    rows = sorted(conn.execute(sql).fetchall(), key=lambda r: (-r[1], str(r[0])))
    return {str(k): n for k, n in rows[:top]}
