"""A fact's row in `facts`: its representative type, actors, item and date, report
counts, independent sources after folding copies, contested and embargo flags."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable
from typing import Any

from . import ledger
from .config import item_family
from .embargo import flags
from .members import claims, mentions

_PRECISION = {"day": 0, "month": 1, "year": 2}


def refresh(conn: sqlite3.Connection, fact_ids: Iterable[str]) -> None:
    for fid in sorted(set(fact_ids)):
        ms = mentions(conn, fid)
        if not ms:
            conn.execute("DELETE FROM facts WHERE id = ?", (fid,))
            continue
        row = summarize(fid, ms, claims(conn, ms))
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
            continue
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
    source, target = _orientation(ms)
    date, precision = _date(ms)
    item = _item(ms)
    published = sorted(m["published"] for m in ms if m["published"])
    out = {
        "id": fid, "type": ms[0]["type"], "mode": _most(m["mode"] for m in ms),
        "source": source, "target": target, "item": item,
        "quantity": next((m["quantity"] for m in ms if m["quantity"]), None),
        "date": date, "date_precision": precision,
        "first_reported": published[0] if published else None,
        "last_reported": published[-1] if published else None,
        "documents": len({m["doc_id"] for m in ms}),
        "independent_sources": independent_sources(ms),
        "reports": len({(m["doc_id"], m["event_id"]) for m in ms}),
        "contested": ledger.contested(cl),
    }
    out["embargo"] = flags(out["type"], out["mode"], item, source, target,
                           date or out["first_reported"])
    return out


def independent_sources(ms: list[dict[str, Any]]) -> int:
    """Distinct outlets after folding each copy into its original; a document without
    an outlet counts as its own source."""
    keys = set()
    for m in ms:
        root = m["copy_of"] or m["doc_id"]
        outlet = m["root_outlet"] if m["copy_of"] else m["outlet"]
        keys.add(("outlet", " ".join(outlet.lower().split())) if outlet else ("doc", root))
    return len(keys)


def _orientation(ms: list[dict[str, Any]]) -> tuple[list[str], list[str]]:
    # Every mention of a fact has the same pair (symmetric types stored sorted).
    a, b = ms[0]["a"], ms[0]["b"]
    return [a] if a else [], [b] if b else []


def _date(ms: list[dict[str, Any]]) -> tuple[str | None, str | None]:
    dated = [(m["event_date"], m["date_precision"]) for m in ms if m["event_date"]]
    if not dated:
        return None, None
    counts = Counter(dated)
    best = min(counts, key=lambda d: (_PRECISION.get(d[1] or "", 3), -counts[d], d[0]))
    return best


def _item(ms: list[dict[str, Any]]) -> str | None:
    items = [m["item"] for m in ms if m["item"]]
    specific = [i for i in items if item_family(i) is not None]
    return _most(specific) or _most(items)


def _most(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None
