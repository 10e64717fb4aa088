"""The graph weighted by facts, summed from the edge table (`fact_edges`, schema version 3)
instead of joining every matching fact to its two actors (2 s on a million events).

`fact_edges` counts facts per (source, target, type, period), period being the month of the
fact's sort_date. Every filter is exact on those rows (a fact has one source and one target
code, so "all these actors take part" is a test on the edge's two ends), except a
day-precision `since`/`until`, which cuts its month: that month is read from facts.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable
from typing import Any

from ..store.query import check_date, type_date_terms
from .db import has

Edge = tuple[str, str, str]  # (source, target, type)
FromFacts = Callable[[list[str], list[Any]], Counter[Edge]]


def has_edges(conn: sqlite3.Connection) -> bool:
    return has(conn, "fact_edges")


def edge_weights(conn: sqlite3.Connection, actors: tuple[str, ...], types: tuple[str, ...],
                 since: str | None, until: str | None, max_edges: int,
                 from_facts: FromFacts) -> list[tuple[str, str, str, int]]:
    """(source, target, type, facts), heaviest first then by codes and type, at most
    `max_edges`: what the join over facts gives. `from_facts(where, args)` counts the
    edges of the facts matching extra conditions (for the cut months)."""
    codes = sorted({c.upper() for c in actors})
    if len(codes) > 2:
        return []  # no fact has three actors
    where, args = _conditions(types, since, until)
    cut = sorted({b[:7] for b in (since, until) if b and len(check_date(b)) == 10})
    if cut:
        where.append(f"e.period NOT IN ({','.join('?' * len(cut))})")
        args.extend(cut)
    rows_sql, args = _rows(codes, where, args, since, until, by_period=bool(types))
    sql = ("SELECT source, target, type, sum(facts) AS weight FROM (" + rows_sql + ")"
           " GROUP BY source, target, type")
    if not cut:  # SQLite sorts and cuts the page itself
        rows = conn.execute(sql + " ORDER BY weight DESC, source, target, type LIMIT ?",
                            [*args, max_edges]).fetchall()
        return [tuple(r) for r in rows]
    weights: Counter[Edge] = Counter({(r[0], r[1], r[2]): r[3] for r in conn.execute(sql, args)})
    for month in cut:  # its facts whose date the bound cuts, from the facts_sort index
        weights.update(from_facts(
            ["f.sort_date >= ?", "f.sort_date < ?", "substr(f.sort_date, 1, 7) = ?"],
            [month, month[:-1] + chr(ord(month[-1]) + 1), month]))
    ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:max_edges]
    return [(*k, w) for k, w in ranked]


EDGE_ROWS = "SELECT e.source, e.target, e.type, e.facts FROM fact_edges e WHERE "
PERIOD_ROWS = EDGE_ROWS.replace(" WHERE ", " INDEXED BY fact_edges_period WHERE ")


def _rows(codes: list[str], where: list[str], args: list[Any], since: str | None,
          until: str | None, by_period: bool) -> tuple[str, list[Any]]:
    """The edge rows matching the actors and `where`, as a UNION ALL of disjoint branches,
    each one index range: an actor as source, then as target (one OR would make SQLite
    read every row of the type instead); with dates and types but no actor, the months
    from since to until and, apart, the years (instead of every period of the types)."""
    if len(codes) == 1:
        branches = [("e.source = ?", [codes[0]]),
                    ("e.target = ? AND e.source != ?", [codes[0], codes[0]])]
    elif len(codes) == 2:
        branches = [("e.source = ? AND e.target = ?", codes),
                    ("e.source = ? AND e.target = ?", codes[::-1])]
    elif by_period and (since or until):
        lo = since or ""
        hi = (until[:7] if len(until) > 4 else until + "-99") if until else "~"
        branches = [("length(e.period) != 4 AND e.period BETWEEN ? AND ?", [lo[:7], hi]),
                    ("length(e.period) = 4 AND e.period BETWEEN ? AND ?", [lo[:4], hi[:4]])]
    else:
        branches = [("1", [])]
    head = PERIOD_ROWS if by_period and not codes and (since or until) else EDGE_ROWS
    sql = " UNION ALL ".join(head + term + "".join(" AND " + w for w in where)
                             for term, _ in branches)
    return sql, [v for _, bounds in branches for v in (*bounds, *args)]


def _conditions(types: tuple[str, ...], since: str | None,
                until: str | None) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    if since or until:
        where.append("e.period != ''")  # an undated fact is outside every date range
    # The facts' own date tests, on the period: the same answer for every date in it.
    more, args = filters(types, since, until, "e.type", "e.period")
    return where + more, args


def filters(types: tuple[str, ...], since: str | None, until: str | None,
            type_col: str = "f.type", date_col: str = "f.sort_date"
            ) -> tuple[list[str], list[Any]]:
    """WHERE terms for the type and date filters of facts (a fact's date: its sort_date)."""
    return type_date_terms(types, since, until, type_col, date_col)
