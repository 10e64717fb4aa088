"""Merging fact mentions into facts, incrementally.

A fact is a connected component of the graph whose edges join compatible mentions
(`mentions.compatible`). Candidates come from the (type, a, b, lo) index within a
date span, never from a scan of the store. Components do not depend on the order
mentions arrive in, and a fact's id is a hash of its earliest member, so ingesting
the same documents in any order gives the same facts with the same ids.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..model import content_id
from .copies import Recent
from .held import held
from .mentions import FactMention, candidate_span, compatible, from_event

_COLS = "doc_id, event_id, a, b, type, mode, item, irrealis, lo, hi, prec, start, deed"


@dataclass
class Touched:
    """The facts one document's mentions touched. `grown` maps each fact that only gained
    new mentions of the document to its id before the document (None: a new fact), so its
    summary can be updated with them alone; `full` are to be summarized from all members
    (a merge, or a mention that was already stored)."""

    grown: dict[str, str | None] = field(default_factory=dict)
    full: set[str] = field(default_factory=set)

    def ids(self) -> set[str]:
        return set(self.grown) | self.full

    def record(self, new: str, joined: list[str], fresh: bool) -> None:
        priors = [self.grown.pop(j, j) for j in joined if j not in self.full]
        full = not fresh or len(joined) > 1 or any(j in self.full for j in joined)
        self.full -= set(joined)
        if full:
            self.grown.pop(new, None)
            self.full.add(new)
        else:
            self.grown[new] = priors[0] if priors else None


def link_events(conn: sqlite3.Connection, doc_id: str) -> Touched:
    """Add the mentions of a stored document's events; returns the facts touched."""
    pub = conn.execute("SELECT published FROM articles WHERE doc_id = ?", (doc_id,)).fetchone()
    published = pub[0] if pub else None
    rows = conn.execute(
        "SELECT * FROM events WHERE doc_id = ? ORDER BY evidence_start, id", (doc_id,)
    ).fetchall()
    spans = tuple((r[0], r[1]) for r in conn.execute(
        'SELECT start, "end" FROM mentions WHERE doc_id = ? AND code IS NOT NULL', (doc_id,)))
    touched = Touched()
    for row in rows:
        for m in from_event(row, published, spans):
            touched.record(*_add(conn, m))
    return touched


def _add(conn: sqlite3.Connection, m: FactMention) -> tuple[str, list[str], bool]:
    """Store `m` in its fact: (the fact's id now, the facts it joined, was `m` new?)."""
    if conn.execute("SELECT 1 FROM fact_mentions WHERE doc_id=? AND event_id=? AND a=? AND b=?",
                    m.key).fetchone():
        return _fact_of(conn, m), [], False
    found: set[str] = set()
    for r in _candidates(conn, m):
        # One compatible member joins its fact: the others of a fact found need no test.
        if r.fact_id not in found and compatible(m, r.mention):
            found.add(r.fact_id)
    joined = sorted(found)
    provisional = joined[0] if joined else content_id("fact", *_order_key(m))
    conn.execute(
        f"INSERT INTO fact_mentions({_COLS}, fact_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (*m.key, m.type, m.mode, m.item, int(m.irrealis), m.lo, m.hi, m.prec, m.start,
         " ".join(sorted(m.deed)), provisional),
    )
    _signatures(conn, m).setdefault(_signature(m), set()).add(provisional)
    if not joined:
        _FIRST.put(provisional, 0, _sort_key(m.published, *m.key))
        return provisional, [], True
    new = _renumber(conn, joined, m)
    _renamed(conn, m, joined, new)
    return new, joined, True


def _fact_of(conn: sqlite3.Connection, m: FactMention) -> str:
    return conn.execute("SELECT fact_id FROM fact_mentions WHERE doc_id=? AND event_id=?"
                        " AND a=? AND b=?", m.key).fetchone()[0]


@dataclass(frozen=True)
class _Candidate:
    fact_id: str
    mention: FactMention


# What `compatible` reads of a member of another document (fact_mentions columns).
_SIG = "mode, item, irrealis, lo, hi, prec, deed"


def _candidates(conn: sqlite3.Connection, m: FactMention) -> list[_Candidate]:
    """The members `compatible` has to look at, one per distinct signature: it reads a
    member's doc and sentence only to see whether `m` shares them, so thousands of
    copies of one report are one candidate. Another document's members come from the
    pair's signatures held in memory; `m`'s own document's from the store."""
    # Undated mentions, and those starting within the span (the old index ranges).
    span = None if m.lo is None else (_shift(m.lo, -candidate_span()[0]),
                                      _shift(m.hi, candidate_span()[1]))
    out = [_Candidate(f, _mention(sig)) for sig, facts in _signatures(conn, m).items()
           if _within(sig[3], span) for f in sorted(facts)]
    # `+`: by the primary key's doc_id prefix, not the pair's whole index range
    own = conn.execute(f"SELECT fact_id, {_SIG}, start FROM fact_mentions WHERE doc_id = ?"
                       " AND +type = ? AND +a = ? AND +b = ?", (m.doc_id, m.type, m.a, m.b))
    out += [_Candidate(r[0], _mention(tuple(r[1:8]), m.doc_id, r[8])) for r in own
            if _within(r[4], span)]
    return out


def _within(lo: str | None, span: tuple[str, str] | None) -> bool:
    return span is None or lo is None or span[0] <= lo <= span[1]


def _signatures(conn: sqlite3.Connection, m: FactMention) -> dict[tuple, set[str]]:
    """(type, a, b)'s distinct signatures -> the facts holding a member with it; read
    from the store once, then kept up to date by `_remember` and `_renamed`."""
    pairs = held(conn).pairs
    key = f"{m.type}\x00{m.a}\x00{m.b}"
    sigs = pairs.get(key, 0)
    if sigs is None:
        sigs = {}
        for r in conn.execute(f"SELECT DISTINCT fact_id, {_SIG} FROM fact_mentions"
                              " WHERE type = ? AND a = ? AND b = ?", (m.type, m.a, m.b)):
            sigs.setdefault(tuple(r[1:]), set()).add(r[0])
        pairs.put(key, 0, sigs)
    return sigs


def _signature(m: FactMention) -> tuple:
    return (m.mode, m.item, int(m.irrealis), m.lo, m.hi, m.prec, " ".join(sorted(m.deed)))


def _mention(sig: tuple, doc_id: str = "", start: int = -1) -> FactMention:
    # Another document's member stands in under no doc id: `compatible` only compares it.
    mode, item, irrealis, lo, hi, prec, deed = sig
    return FactMention(doc_id, "", "", "", "", mode, item, bool(irrealis), lo, hi, prec, None,
                       start, frozenset(deed.split()))


def _renamed(conn: sqlite3.Connection, m: FactMention, old: list[str], new: str) -> None:
    """The held signatures of `m`'s pair after facts `old` became `new`."""
    gone = set(old) - {new}
    if gone:
        for facts in _signatures(conn, m).values():
            if facts & gone:
                facts -= gone
                facts.add(new)


def _renumber(conn: sqlite3.Connection, fact_ids: list[str], m: FactMention) -> str:
    """Give the union of `fact_ids` (with `m`, just stored) the id its members determine;
    returns it. The id is that of the earliest member, so a fact `m` alone joins is
    renamed only if `m` comes first, and its members are not read."""
    known = _FIRST.get(fact_ids[0], 0) if len(fact_ids) == 1 else None
    if known is not None and _is_member(conn, known, fact_ids[0]):
        first = min(known, _sort_key(m.published, *m.key))
    else:
        marks = ",".join("?" * len(fact_ids))
        row = conn.execute(
            "SELECT a.published, f.doc_id, f.event_id, f.a, f.b FROM fact_mentions f"
            f" JOIN articles a ON a.doc_id = f.doc_id WHERE f.fact_id IN ({marks})"
            " ORDER BY a.published IS NULL, a.published, f.doc_id, f.event_id, f.a, f.b LIMIT 1",
            fact_ids,
        ).fetchone()
        first = _sort_key(*row)
    new = _id_of(first)
    _FIRST.put(new, 0, first)
    marks = ",".join("?" * len(fact_ids))
    # Only rows whose id changes: rewriting a large fact's unchanged rows on every new
    # report would make a report cost more as its fact grows.
    if fact_ids != [new]:
        conn.execute(f"UPDATE fact_mentions SET fact_id = ? WHERE fact_id IN ({marks})"
                     " AND fact_id != ?", [new, *fact_ids, new])
    gone = [f for f in fact_ids if f != new]
    if gone:
        conn.execute(f"DELETE FROM facts WHERE id IN ({','.join('?' * len(gone))})", gone)
    return new


# fact id -> the sort key of its earliest member (the id is a hash of it): a fact is
# renamed only when a new member sorts before it.
_FIRST = Recent(200_000)


def _sort_key(published: str | None, doc_id: str, event_id: str, a: str, b: str) -> tuple:
    """As ORDER BY published IS NULL, published, doc_id, event_id, a, b (str order is
    SQLite's binary order)."""
    return (published is None, published or "", doc_id, event_id, a, b)


def _id_of(first: tuple) -> str:
    return content_id("fact", None if first[0] else first[1], *first[2:])


def _is_member(conn: sqlite3.Connection, key: tuple, fact_id: str) -> bool:
    """Is the remembered earliest member still in the fact (not deleted with its document)?"""
    doc_id, event_id, a, b = key[2:]
    return conn.execute("SELECT 1 FROM fact_mentions WHERE doc_id=? AND event_id=? AND a=?"
                        " AND b=? AND fact_id=?", (doc_id, event_id, a, b, fact_id)
                        ).fetchone() is not None


def _order_key(m: FactMention) -> tuple:
    return (m.published, m.doc_id, m.event_id, m.a, m.b)


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
