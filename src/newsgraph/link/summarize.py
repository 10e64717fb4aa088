"""A fact's row in `facts`: its representative type, actors, item and date, report
counts, independent sources after folding copies, contested and embargo flags."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .config import item_family
from .copies import Recent
from .embargo import flags
from .held import held
from .members import claims, mentions

_PRECISION = {"day": 0, "month": 1, "year": 2}


def refresh(conn: sqlite3.Connection, fact_ids: Iterable[str], doc_id: str | None = None,
            grown: dict[str, str | None] | None = None) -> None:
    """Rewrite the rows of `fact_ids`. A fact in `grown` (new id -> id before `doc_id`,
    see facts.Touched) has only gained mentions of `doc_id`: its running counts, when
    this connection holds them, are updated with those mentions alone."""
    states = held(conn).states
    for fid in sorted(set(fact_ids)):
        state = _grown(conn, states, fid, doc_id, grown or {})
        if state is None:
            ms = mentions(conn, fid)
            if not ms:
                states.pop(fid)
                conn.execute("DELETE FROM facts WHERE id = ?", (fid,))
                continue
            state = Summary.of(ms, claims(conn, ms))
        states.put(fid, 0, state)
        _write(conn, fid, state.row(fid))


def _grown(conn: sqlite3.Connection, states: Recent, fid: str, doc_id: str | None,
           grown: dict[str, str | None]) -> Summary | None:
    if doc_id is None or fid not in grown:
        return None
    before = grown[fid]
    state = Summary() if before is None else states.pop(before)
    if state is None:
        return None
    ms = mentions(conn, fid, doc_id)
    state.add(ms, claims(conn, ms))
    return state


def _write(conn: sqlite3.Connection, fid: str, row: dict[str, Any]) -> None:
    indexed = (row["type"], json.dumps(row["source"]), json.dumps(row["target"]),
               row["date"] or row["first_reported"], row["independent_sources"])
    rest = (row["mode"], row["item"], row["quantity"], row["date"], row["date_precision"],
            row["first_reported"], row["last_reported"], row["documents"], row["reports"],
            int(row["contested"]), json.dumps(row["embargo"]))
    old = conn.execute("SELECT type, source, target, sort_date, independent_sources"
                       " FROM facts WHERE id = ?", (fid,)).fetchone()
    if old is not None and tuple(old) == indexed:
        # What the actor and graph tables are kept by is unchanged (the common case:
        # one more report of a known fact): update the row in place.
        conn.execute(f"UPDATE facts SET {', '.join(c + ' = ?' for c in _REST)} WHERE id = ?",
                     (*rest, fid))
        return
    conn.execute("DELETE FROM facts WHERE id = ?", (fid,))
    conn.execute(
        f"INSERT INTO facts(id, {', '.join(_INDEXED + _REST)})"
        f" VALUES ({','.join('?' * (1 + len(_INDEXED) + len(_REST)))})",
        (fid, *indexed, *rest))
    conn.executemany(
        "INSERT OR IGNORE INTO fact_actors(fact_id, role, code) VALUES (?,?,?)",
        [(fid, "source", c) for c in row["source"]]
        + [(fid, "target", c) for c in row["target"]],
    )


_INDEXED = ("type", "source", "target", "sort_date", "independent_sources")
_REST = ("mode", "item", "quantity", "date", "date_precision", "first_reported",
         "last_reported", "documents", "reports", "contested", "embargo")


def summarize(fid: str, ms: list[dict[str, Any]], cl: list[dict[str, Any]]) -> dict[str, Any]:
    return Summary.of(ms, cl).row(fid)


@dataclass
class Summary:
    """What a fact's row is worked out from, as counts that one more document's mentions
    update: a report of a fact told 3,000 times costs what the second report does."""

    type: str = ""
    a: str = ""
    b: str = ""
    modes: Counter = field(default_factory=Counter)
    items: Counter = field(default_factory=Counter)
    dates: Counter = field(default_factory=Counter)  # (event_date, precision)
    quantity: tuple | None = None  # (member order, quantity) of the first with one
    first: str | None = None
    last: str | None = None
    documents: int = 0
    reports: int = 0
    sources: set = field(default_factory=set)  # independent_sources' keys
    asserting: set = field(default_factory=set)  # claimants asserting or conceding
    denying: set = field(default_factory=set)

    @classmethod
    def of(cls, ms: list[dict[str, Any]], cl: list[dict[str, Any]]) -> Summary:
        out = cls()
        out.add(ms, cl)
        return out

    def add(self, ms: list[dict[str, Any]], cl: list[dict[str, Any]]) -> None:
        """Count mentions of documents not counted yet (members.mentions rows) and their
        claims (members.claims)."""
        if ms and not self.type:
            self.type, self.a, self.b = ms[0]["type"], ms[0]["a"], ms[0]["b"]
        self.modes.update(m["mode"] for m in ms if m["mode"])
        self.items.update(m["item"] for m in ms if m["item"])
        self.dates.update((m["event_date"], m["date_precision"]) for m in ms if m["event_date"])
        for m in ms:
            if m["quantity"] and (self.quantity is None or _order(m) < self.quantity[0]):
                self.quantity = (_order(m), m["quantity"])
            if m["published"]:
                self.first = min(self.first or m["published"], m["published"])
                self.last = max(self.last or m["published"], m["published"])
        self.documents += len({m["doc_id"] for m in ms})
        self.reports += len({(m["doc_id"], m["event_id"]) for m in ms})
        self.sources |= _source_keys(ms)
        self.asserting |= {c["claimant"] for c in cl if c["stance"] in ("asserts", "concedes")}
        self.denying |= {c["claimant"] for c in cl if c["stance"] == "denies"}

    def row(self, fid: str) -> dict[str, Any]:
        source, target = ([self.a] if self.a else []), ([self.b] if self.b else [])
        date, precision = _date(self.dates)
        item = _item(self.items)
        out = {
            "id": fid, "type": self.type, "mode": _most(self.modes),
            "source": source, "target": target, "item": item,
            "quantity": self.quantity[1] if self.quantity else None,
            "date": date, "date_precision": precision,
            "first_reported": self.first, "last_reported": self.last,
            "documents": self.documents, "independent_sources": len(self.sources),
            "reports": self.reports,
            "contested": any(a != d for a in self.asserting for d in self.denying),
        }
        out["embargo"] = flags(out["type"], out["mode"], item, source, target,
                               date or out["first_reported"])
        return out


def _order(m: dict[str, Any]) -> tuple:
    """members.mentions' order: published (undated last), name, doc_id, offset, event."""
    return (m["published"] is None, m["published"] or "", m["doc"], m["doc_id"],
            m["evidence"]["start"], m["event_id"])


def independent_sources(ms: list[dict[str, Any]]) -> int:
    """Distinct outlets after folding each copy into its original; a document without
    an outlet counts as its own source."""
    return len(_source_keys(ms))


def _source_keys(ms: list[dict[str, Any]]) -> set[tuple[str, str]]:
    keys = set()
    for m in ms:
        root = m["copy_of"] or m["doc_id"]
        outlet = m["root_outlet"] if m["copy_of"] else m["outlet"]
        keys.add(("outlet", " ".join(outlet.lower().split())) if outlet else ("doc", root))
    return keys


def _date(dated: Counter) -> tuple[str | None, str | None]:
    """The most precise (event_date, precision), then the most told, then the earliest."""
    if not dated:
        return None, None
    return min(dated, key=lambda d: (_PRECISION.get(d[1] or "", 3), -dated[d], d[0]))


def _item(items: Counter) -> str | None:
    specific = Counter({i: n for i, n in items.items() if item_family(i) is not None})
    return _most(specific) or _most(items)


def _most(counts: Counter) -> str | None:
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None
