"""FollowTheMoney entities as JSON lines, for Aleph: `{"id", "schema", "properties"}`
with every property a list of strings, as the FtM schema names them.

Written as plain dicts rather than through the `followthemoney` package: that package
would bring its own dependency tree (rigour, ICU bindings, …) into the default install
for what is, on the writing side, a fixed and documented JSON shape.

- an actor: `PublicBody` (a state), `Organization` (an international organisation or a
  group); - an article: `Article` (title, publishedAt, publisher, sourceUrl, bodyText);
- an event or fact: `Event` with `organizer` (its sources), `involved` (its targets),
  `date`, `summary` (the evidence sentence) and `proof` (the articles reporting it).
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any, TextIO

from ..api import ontology
from .records import Selection, doc_meta, rows

PREFIX = "newsgraph"


def _id(kind: str, key: str) -> str:
    return f"{PREFIX}-{kind}-{key}".lower()


def entity(eid: str, schema: str, **props: Any) -> dict[str, Any]:
    return {"id": eid, "schema": schema, "properties": {
        k: [str(v) for v in (vals if isinstance(vals, list) else [vals]) if v not in (None, "")]
        for k, vals in props.items()
        if vals not in (None, "", [])
    }}


def actor(code: str) -> dict[str, Any]:
    info = ontology.actor_info(code)
    schema = "PublicBody" if info["kind"] == "state" else "Organization"
    return entity(_id("actor", code), schema, name=info["name"], alias=code,
                  sector=info["sector"])


def article(m: dict[str, Any]) -> dict[str, Any]:
    return entity(_id("doc", m["doc_id"][:16]), "Article", title=m["title"] or m["name"],
                  fileName=m["name"], publishedAt=m["published"], publisher=m["outlet"],
                  author=m["author"], sourceUrl=m["url"], contentHash=m["doc_id"])


def event(r: dict[str, Any], meta: dict[str, dict], unit: str) -> dict[str, Any]:
    docs = [mm["doc"] for mm in r["mentions"]] if unit == "facts" else [r["doc"]]
    summary = (r["mentions"][0]["evidence"]["text"] if unit == "facts" and r["mentions"]
               else r.get("evidence", {}).get("text"))
    key = r["id"] if unit == "facts" else f"{r['doc_id'][:16]}-{r['id']}"
    name = f"{r['type']}{'/' + r['mode'] if r['mode'] else ''}: " \
           f"{', '.join(filter(None, r['source'])) or '?'} → " \
           f"{', '.join(filter(None, r['target'])) or '?'}"
    return entity(
        _id("fact" if unit == "facts" else "event", key), "Event", name=name,
        date=r["date"] or (r.get("first_reported") if unit == "facts" else r["published"]),
        summary=summary, keywords=[r["type"], r["mode"], r["item"]],
        organizer=[_id("actor", c) for c in r["source"] if c],
        involved=[_id("actor", c) for c in r["target"] if c],
        proof=[_id("doc", meta[d]["doc_id"][:16]) for d in docs if d in meta],
        description=f"{r['quantity']} {r['item']}" if r["quantity"] and r["item"] else None,
    )


def write(conn: sqlite3.Connection, sel: Selection, out: TextIO) -> int:
    meta = doc_meta(conn)
    seen: set[str] = set()
    n = 0

    def emit(e: dict[str, Any]) -> None:
        nonlocal n
        if e["id"] not in seen:
            seen.add(e["id"])
            out.write(json.dumps(e, ensure_ascii=False) + "\n")
            n += 1

    for r in rows(conn, sel):
        for code in [c for c in r["source"] + r["target"] if c]:
            emit(actor(code))
        docs = [m["doc"] for m in r["mentions"]] if sel.unit == "facts" else [r["doc"]]
        for d in docs:
            if d in meta:
                emit(article(meta[d]))
        emit(event(r, meta, sel.unit))
    return n
