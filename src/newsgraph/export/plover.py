"""PLOVER JSON lines: the field names of the PLOVER data format (event, mode, context,
source/src_actor/src_agent, target/tgt_actor/tgt_agent, text), one line per event or
fact, with newsgraph's own fields (claims, evidence span, reports) beside them."""

from __future__ import annotations

import json
import sqlite3
from typing import Any, TextIO

from ..api import ontology
from .records import Selection, doc_meta, rows


def _side(codes: list[str | None], sector: str | None = None) -> dict[str, Any]:
    first = next((c for c in codes if c), None)
    return {"code": first, "actor": ontology.actor_info(first)["name"] if first else None,
            "agent": sector, "all": [c for c in codes if c]}


def record(r: dict[str, Any], meta: dict[str, dict], unit: str) -> dict[str, Any]:
    src, tgt = _side(r["source"]), _side(r["target"])
    out = {
        "id": r["id"] if unit == "facts" else f"{r['doc_id'][:16]}-{r['id']}",
        "date": r["date"], "date_precision": r["date_precision"],
        "event": r["type"], "mode": r["mode"], "context": [],
        "source": src["code"], "src_actor": src["actor"], "src_agent": src["agent"],
        "target": tgt["code"], "tgt_actor": tgt["actor"], "tgt_agent": tgt["agent"],
        "sources": src["all"], "targets": tgt["all"],
        "item": r["item"], "quantity": r["quantity"],
    }
    if unit == "facts":
        out.update(first_reported=r["first_reported"], last_reported=r["last_reported"],
                   independent_sources=r["independent_sources"], documents=r["documents"],
                   contested=r["contested"], embargo=r["embargo"], claims=r["claims"],
                   reports=[{**m, "url": meta.get(m["doc"], {}).get("url")}
                            for m in r["mentions"]],
                   text=r["mentions"][0]["evidence"]["text"] if r["mentions"] else None)
    else:
        m = meta.get(r["doc"], {})
        out.update(modality=r["modality"], claims=r["claims"], text=r["evidence"]["text"],
                   evidence=r["evidence"], doc=r["doc"], doc_id=r["doc_id"],
                   publication_date=r["published"], outlet=m.get("outlet"), url=m.get("url"),
                   coder=r["coder"], confidence=r["confidence"])
    return out


def write(conn: sqlite3.Connection, sel: Selection, out: TextIO) -> int:
    meta = doc_meta(conn)
    n = 0
    for r in rows(conn, sel):
        out.write(json.dumps(record(r, meta, sel.unit), ensure_ascii=False) + "\n")
        n += 1
    return n
