"""One actor's facts, a page at a time, from `actor_facts` (schema version 3): its rows
are in the orders the desk pages by, so a page is one index range plus a lookup per
fact, whether the actor takes part in ten facts or in a third of the store."""

from __future__ import annotations

import dataclasses
import sqlite3
from typing import Any

from ..errors import Errors, NewsgraphError
from .db import has
from .fact_graph import filters


def ready(conn: sqlite3.Connection) -> bool:
    return has(conn, "actor_facts")


def by_date(conn: sqlite3.Connection, code: str, types: tuple[str, ...], since: str | None,
            until: str | None, n: int, after: list[Any] | None) -> list[sqlite3.Row]:
    """The actor's first `n` facts after `after` in (sort_date, undated last; id) order."""
    where, args = filters(types, since, until)
    if after:
        where.insert(0, "(x.sort_key, x.fact_id) > (?, ?)")
        args[:0] = after
    return _page(conn, BY_DATE, code, where, args, n)


def by_rank(conn: sqlite3.Connection, f: Any, n: int) -> list[sqlite3.Row]:
    """`link.query.facts` for a filter naming an actor: its facts with the most
    independent sources first, then by id, continuing after the fact `f.after`."""
    from ..link import query

    where, args = query._where(conn, dataclasses.replace(f, after=None))
    if f.after:
        row = conn.execute("SELECT independent_sources FROM facts WHERE id = ?",
                           (f.after,)).fetchone()
        if row is None:
            raise NewsgraphError(Errors.E020, detail=f.after)
        where.insert(0, "(x.rank, x.fact_id) > (?, ?)")
        args[:0] = [-row[0], f.after]
    return _page(conn, BY_RANK, f.actors[0].upper(), where, args, n)


# (index, order): grouping in index order keeps the walk streaming and reads a fact once
# even if the actor held both roles; LIMIT stops it after the page.
BY_DATE = ("actor_facts_timeline", "x.sort_key, x.fact_id")
BY_RANK = ("actor_facts_rank", "x.rank, x.fact_id")


def _page(conn: sqlite3.Connection, plan: tuple[str, str], code: str, where: list[str],
          args: list[Any], n: int) -> list[sqlite3.Row]:
    index, order = plan  # fixed fragments, never values
    return conn.execute(
        "SELECT f.* FROM actor_facts x INDEXED BY " + index + " JOIN facts f ON f.id = x.fact_id"
        " WHERE x.code = ?" + "".join(" AND " + w for w in where)
        + " GROUP BY " + order + " ORDER BY " + order + " LIMIT ?", [code, *args, n]).fetchall()
