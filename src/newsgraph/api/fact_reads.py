"""The desk's own read queries over the linking tables (facts, fact_actors, fact_mentions):
an actor's facts with a keyset cursor, the graph weighted by facts, and which facts an
event reports. Rows are shaped by `newsgraph.link.query` so every fact has one form."""

from __future__ import annotations

import sqlite3
from collections import Counter
from typing import Any

from ..link.query import _fact
from . import actor_pages, fact_graph, ontology
from .db import has

FACT_KEY = "COALESCE(f.sort_date, '~'), f.id"
FROM_ALL = "facts f"
COUNT_ACTOR = "SELECT count(*) FROM (SELECT 1 FROM fact_actors WHERE code = ? LIMIT ?)"
RANK = "f.independent_sources DESC, f.id"  # link.query's order of facts
FROM_ACTOR = ("(SELECT DISTINCT fact_id FROM fact_actors WHERE code = ?) y"
              " JOIN facts f ON f.id = y.fact_id")


def _filters(types: tuple[str, ...], since: str | None, until: str | None
             ) -> tuple[list[str], list[Any]]:
    return fact_graph.filters(types, since, until)


def shaped(r: sqlite3.Row) -> dict[str, Any]:
    f = _fact(r)
    f["quad"] = ontology.quad(f["type"])
    return f


def timeline(conn: sqlite3.Connection, code: str, types: tuple[str, ...], since: str | None,
             until: str | None, limit: int, after: list[Any] | None,
             rare: float | None = None) -> list[dict[str, Any]]:
    """The actor's facts by date (undated last), each with its `role`.

    Sorting all of a common actor's facts costs a second on a million-event store; with an
    index on facts(sort_date, id) (`facts_sort`) its facts are found walking that index
    instead, dated ones first, then the undated ones by id."""
    code = code.upper()
    if actor_pages.ready(conn):
        rows = actor_pages.by_date(conn, code, types, since, until, limit + 1, after)
    elif _walkable(conn, code, rare):
        rows = _walk(conn, code, types, since, until, limit + 1, after)
    else:
        where, args = _filters(types, since, until)
        where.insert(0, "x.code = ?")
        args.insert(0, code)
        if after:
            where.append(f"({FACT_KEY}) > (?, ?)")
            args.extend(after)
        rows = conn.execute(
            "SELECT f.* FROM facts f JOIN fact_actors x ON x.fact_id = f.id WHERE "
            + " AND ".join(where) + f" GROUP BY f.id ORDER BY {FACT_KEY} LIMIT ?",
            [*args, limit + 1]).fetchall()
    roles: dict[str, set[str]] = {}
    ids = [r["id"] for r in rows]
    for fid, role in conn.execute(
        f"SELECT fact_id, role FROM fact_actors WHERE code = ? AND fact_id IN"
        f" ({','.join('?' * len(ids))})", [code, *ids]):
        roles.setdefault(fid, set()).add(role)
    out = []
    for r in rows:
        f = shaped(r)
        f["role"] = ",".join(sorted(roles.get(r["id"], ())))
        f["sort_date"] = r["sort_date"]
        out.append(f)
    return out


def _walkable(conn: sqlite3.Connection, code: str, rare: float | None) -> bool:
    if not has(conn, "facts_sort", "index"):
        return False
    total = conn.execute("SELECT max(rowid) FROM facts").fetchone()[0] or 0
    cap = int(total * (RARE if rare is None else rare))
    return conn.execute(COUNT_ACTOR, (code, cap + 1)).fetchone()[0] > cap


def _walk(conn: sqlite3.Connection, code: str, types: tuple[str, ...], since: str | None,
          until: str | None, n: int, after: list[Any] | None) -> list[sqlite3.Row]:
    where, args = _filters(types, since, until)
    where.append("EXISTS (SELECT 1 FROM fact_actors x WHERE x.fact_id = f.id AND x.code = ?)")
    args.append(code)
    rows: list[sqlite3.Row] = []
    if not after or after[0] != "~":
        key = ["(f.sort_date, f.id) > (?, ?)"] if after else []
        rows = conn.execute(
            "SELECT f.* FROM facts f INDEXED BY facts_sort WHERE f.sort_date IS NOT NULL AND "
            + " AND ".join(where + key) + " ORDER BY f.sort_date, f.id LIMIT ?",
            [*args, *(after or []), n]).fetchall()
    if len(rows) < n:
        key = ["f.id > ?"] if after and after[0] == "~" else []
        rows += conn.execute(
            "SELECT f.* FROM facts f WHERE f.sort_date IS NULL AND " + " AND ".join(where + key)
            + " ORDER BY f.id LIMIT ?",
            [*args, *([after[1]] if key else []), n - len(rows)]).fetchall()
    return rows


def timeline_key(f: dict[str, Any]) -> list[Any]:
    return [f["sort_date"] or "~", f["id"]]


def graph(conn: sqlite3.Connection, actors: tuple[str, ...], types: tuple[str, ...],
          since: str | None, until: str | None, max_edges: int) -> list[dict[str, Any]]:
    """Actors as nodes, (source, target, type) edges weighted by the number of facts:
    summed from the edge table (fact_graph.py), or on a store not yet upgraded to it
    (the desk only reads), by joining the facts to their actors."""
    if fact_graph.has_edges(conn):
        def cut(where: list[str], args: list[Any]) -> Counter:
            rows = graph_from_facts(conn, actors, types, since, until, -1, where, args)
            return Counter({(r[0], r[1], r[2]): r[3] for r in rows})

        rows = fact_graph.edge_weights(conn, actors, types, since, until, max_edges, cut)
    else:
        rows = graph_from_facts(conn, actors, types, since, until, max_edges)
    return [{"source": s, "target": t, "type": ty, "quad": ontology.quad(ty), "weight": w}
            for s, t, ty, w in rows if s != t]


def graph_from_facts(conn: sqlite3.Connection, actors: tuple[str, ...], types: tuple[str, ...],
                     since: str | None, until: str | None, max_edges: int,
                     more: list[str] = (), more_args: list[Any] = ()) -> list[tuple]:
    """(source, target, type, facts) over the facts matching the filters and `more`."""
    where, args = _filters(types, since, until)
    where += more
    args += more_args
    # Start from the smaller of the actor's rows (fact_actors by code) and the type's
    # facts (facts_type), not from every fact.
    drive = bool(actors)
    if actors and types:
        n_type = conn.execute(f"SELECT count(*) FROM facts WHERE type IN"
                              f" ({','.join('?' * len(types))})",
                              [t.upper() for t in types]).fetchone()[0]
        drive = conn.execute(COUNT_ACTOR, (actors[0].upper(), n_type + 1)).fetchone()[0] <= n_type
    for code in actors[1 if drive else 0:]:
        where.append("EXISTS (SELECT 1 FROM fact_actors x WHERE x.fact_id = f.id AND x.code = ?)")
        args.append(code.upper())
    if drive:
        args.insert(0, actors[0].upper())
    rows = conn.execute(
        f"SELECT s.code AS source, t.code AS target, f.type, count(*) AS weight FROM"
        f" {FROM_ACTOR if drive else FROM_ALL}"
        " JOIN fact_actors s ON s.fact_id = f.id AND s.role = 'source'"
        " JOIN fact_actors t ON t.fact_id = f.id AND t.role = 'target'"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " GROUP BY s.code, t.code, f.type ORDER BY weight DESC, s.code, t.code, f.type LIMIT ?",
        [*args, max_edges],
    ).fetchall()
    return [tuple(r) for r in rows]


RARE = 0.003  # in fewer than 0.3% of the facts (measured crossover): read the actor's rows


def facts(conn: sqlite3.Connection, f: Any, rare: float = RARE) -> list[dict[str, Any]]:
    """`link.query.facts`, in its order and shape, planned by how common the first actor
    is: the ranking index finds a common actor's facts quickly, but would walk every fact
    to find a rare one's; those are read from the actor's index rows and sorted instead."""
    from ..link import query

    total = conn.execute("SELECT max(rowid) FROM facts").fetchone()[0] or 0
    cap = int(total * rare)
    limit = f.limit if f.limit is not None else -1
    if f.actors and actor_pages.ready(conn):
        return [query._fact(r) for r in actor_pages.by_rank(conn, f, limit)]
    if f.actors:
        code = f.actors[0].upper()
        n = conn.execute(COUNT_ACTOR, (code, cap + 1)).fetchone()[0]
        if n <= cap:
            where, args = query._where(conn, f)
            rows = conn.execute(
                f"SELECT f.* FROM {FROM_ACTOR} WHERE " + " AND ".join(where)
                + f" ORDER BY {RANK} LIMIT ?", [code, *args, limit]).fetchall()
            return [query._fact(r) for r in rows]
    elif len(f.types) == 1 and actor_pages.ready(conn):
        pass  # facts_type_rank (version 3) has one type's facts in this order
    elif f.types:
        # SQLite would read every fact of a common type through facts_type and sort them;
        # walking the ranking index and skipping other types stops after one page.
        n = conn.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM facts WHERE type IN"
            f" ({','.join('?' * len(f.types))}) LIMIT ?)",
            [*(t.upper() for t in f.types), cap + 1]).fetchone()[0]
        if n > cap:
            where, args = query._where(conn, f)
            try:
                rows = conn.execute(
                    "SELECT f.* FROM facts f INDEXED BY facts_rank WHERE " + " AND ".join(where)
                    + f" ORDER BY {RANK} LIMIT ?", [*args, limit]).fetchall()
            except sqlite3.OperationalError:  # the index was renamed: let SQLite plan
                return query.facts(conn, f)
            return [query._fact(r) for r in rows]
    return query.facts(conn, f)


def facts_of_events(conn: sqlite3.Connection, doc_id: str) -> dict[str, list[str]]:
    """event id -> the facts it reports (an event with several pairs reports several)."""
    out: dict[str, list[str]] = {}
    for r in conn.execute("SELECT DISTINCT event_id, fact_id FROM fact_mentions WHERE doc_id = ?"
                          " ORDER BY event_id, fact_id", (doc_id,)):
        out.setdefault(r[0], []).append(r[1])
    return out
