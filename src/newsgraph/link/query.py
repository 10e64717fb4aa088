"""Reading facts: the contract the CLI and the JSON API build on.

`facts` comes back in one stable order: most independent sources first, then by
id (ascending); `after` continues after a fact id in that order (a keyset cursor).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from ..errors import Errors, NewsgraphError
from ..store.query import check_date, substr_pad
from . import ledger
from .members import claims, mentions

_ORDER = " ORDER BY f.independent_sources DESC, f.id"


@dataclass(frozen=True)
class FactFilter:
    actors: tuple[str, ...] = ()  # all required, as source or target
    types: tuple[str, ...] = ()  # any of these
    contested: bool = False
    embargo: bool = False
    since: str | None = None  # YYYY[-MM[-DD]]: the fact's date, else its first report
    until: str | None = None
    min_sources: int | None = None
    limit: int | None = None
    after: str | None = None  # fact id: continue after it in the stable order


def facts(conn: sqlite3.Connection, f: FactFilter = FactFilter()) -> list[dict[str, Any]]:
    where, args = _where(conn, f)
    sql = "SELECT f.* FROM facts f" + (" WHERE " + " AND ".join(where) if where else "") + _ORDER
    if f.limit is not None:
        sql += " LIMIT ?"
        args.append(f.limit)
    return [_fact(r) for r in conn.execute(sql, args)]


def _where(conn: sqlite3.Connection, f: FactFilter) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    for code in f.actors:
        where.append("EXISTS (SELECT 1 FROM fact_actors x WHERE x.fact_id = f.id AND x.code = ?)")
        args.append(code.upper())
    if f.types:
        where.append(f"f.type IN ({','.join('?' * len(f.types))})")
        args.extend(t.upper() for t in f.types)
    if f.contested:
        where.append("f.contested = 1")
    if f.embargo:
        where.append("f.embargo != '[]'")
    if f.since:
        where.append("substr(f.sort_date || '-99-99', 1, 10) >= ?")
        args.append(check_date(f.since))
    if f.until:
        where.append("substr(f.sort_date || '-00-00', 1, 10) <= ?")
        args.append(substr_pad(check_date(f.until), "-99-99"))
    if f.min_sources is not None:
        where.append("f.independent_sources >= ?")
        args.append(f.min_sources)
    if f.after:
        row = conn.execute("SELECT independent_sources FROM facts WHERE id = ?",
                           (f.after,)).fetchone()
        if row is None:
            raise NewsgraphError(Errors.E020, detail=f.after)
        where.append("(f.independent_sources < ? OR (f.independent_sources = ? AND f.id > ?))")
        args += [row[0], row[0], f.after]
    return where, args


def fact(conn: sqlite3.Connection, fact_id: str) -> dict[str, Any]:
    """One fact (by id or a unique prefix) with its mentions, ledger and stance changes."""
    rows = conn.execute("SELECT * FROM facts f WHERE f.id >= ? AND f.id < ? ORDER BY f.id LIMIT 2",
                        (fact_id.lower(), fact_id.lower() + "g")).fetchall()
    if len(rows) != 1:
        detail = f"fact {fact_id!r}" + (" matches several" if rows else "")
        raise NewsgraphError(Errors.E013, detail=detail)
    out = _fact(rows[0])
    ms = mentions(conn, out["id"])
    cl = claims(conn, ms)
    out["mentions"] = [{k: m[k] for k in ("doc_id", "doc", "event_id", "outlet", "published",
                                          "modality", "evidence")} for m in _by_event(ms)]
    out["ledger"] = [{k: c[k] for k in (
        "claimant", "claimant_text", "stance", "doc_id", "doc", "outlet", "reported",
        "evidence", "answers")} for c in ledger.with_answers(cl)]
    out["stance_changes"] = ledger.stance_changes(cl)
    return out


def contested(conn: sqlite3.Connection, limit: int | None = None) -> list[dict[str, Any]]:
    """Facts with an assertion and a denial by different parties, most reported first."""
    sql = ("SELECT f.* FROM facts f WHERE f.contested = 1"
           " ORDER BY f.reports DESC, f.documents DESC, f.id")
    return [_fact(r) for r in conn.execute(sql + (" LIMIT ?" if limit else ""),
                                            (limit,) if limit else ())]


def timeline(conn: sqlite3.Connection, actor: str) -> list[dict[str, Any]]:
    """The actor's facts as source or target, by date (undated last), with its role."""
    rows = conn.execute(
        "SELECT f.*, group_concat(DISTINCT x.role) AS roles FROM facts f"
        " JOIN fact_actors x ON x.fact_id = f.id WHERE x.code = ? GROUP BY f.id"
        " ORDER BY f.sort_date IS NULL, f.sort_date, f.id", (actor.upper(),)).fetchall()
    return [{**_fact(r), "role": ",".join(sorted(r["roles"].split(",")))} for r in rows]


def documents(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every stored document with the document it copies (null for an original)."""
    rows = conn.execute(
        "SELECT a.name, a.doc_id, a.title, a.outlet, a.published, c.copy_of FROM articles a"
        " LEFT JOIN copies c ON c.doc_id = a.doc_id ORDER BY a.published IS NULL, a.published,"
        " a.name, a.doc_id").fetchall()
    return [{"doc": r["name"], "doc_id": r["doc_id"], "title": r["title"], "outlet": r["outlet"],
             "published": r["published"], "copy_of": r["copy_of"]} for r in rows]


def _fact(r: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": r["id"], "type": r["type"], "mode": r["mode"], "source": json.loads(r["source"]),
        "target": json.loads(r["target"]), "item": r["item"], "quantity": r["quantity"],
        "date": r["date"], "date_precision": r["date_precision"],
        "first_reported": r["first_reported"], "last_reported": r["last_reported"],
        "documents": r["documents"], "independent_sources": r["independent_sources"],
        "contested": bool(r["contested"]), "embargo": json.loads(r["embargo"]),
        "reports": r["reports"],
    }


def with_reports(conn: sqlite3.Connection, f: dict[str, Any]) -> dict[str, Any]:
    """A fact in the `facts --format jsonl` contract: plus `mentions` and `claims`."""
    ms = mentions(conn, f["id"])
    reports = [{k: m[k] for k in ("doc", "event_id", "outlet", "published", "evidence")}
               for m in _by_event(ms)]
    cl = [{"by": c["claimant"], "stance": c["stance"], "doc": c["doc"],
           "reported": c["reported"], "evidence": c["evidence"]}
          for c in ledger.order(claims(conn, ms))]
    return {**f, "mentions": reports, "claims": cl}


def _by_event(ms: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One mention per event (an event reporting two pairs of one fact is one report)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for m in ms:
        if (m["doc_id"], m["event_id"]) not in seen:
            seen.add((m["doc_id"], m["event_id"]))
            out.append(m)
    return out
