"""PLOVER -> CAMEO codes through the derived reverse table (data/cameo_reverse.yaml),
and a GDELT-style CSV with both codes, one row per event (or fact)."""

from __future__ import annotations

import csv
import sqlite3
from functools import cache
from importlib import resources
from typing import Any, TextIO

import yaml

from ..api import ontology
from .records import Selection, doc_meta, rows

QUAD_CLASS = {"verbal-cooperation": 1, "material-cooperation": 2, "verbal-conflict": 3,
              "material-conflict": 4}
COLUMNS = ("GLOBALEVENTID", "SQLDATE", "DatePrecision", "Actor1Code", "Actor1Name",
           "Actor2Code", "Actor2Name", "EventCode", "EventBaseCode", "EventRootCode",
           "CAMEOMatch", "PloverType", "PloverMode", "QuadClass", "Item", "Quantity",
           "Modality", "NumMentions", "NumSources", "NumArticles", "PublishedDate", "Outlet",
           "SOURCEURL", "Evidence")


@cache
def table() -> dict[str, Any]:
    path = resources.files("newsgraph.export") / "data" / "cameo_reverse.yaml"
    return yaml.safe_load(path.read_text("utf-8"))["types"]


def cameo(ptype: str, mode: str | None) -> tuple[str, str]:
    """(CAMEO code, how it was found: mode | context | type) for a PLOVER type and mode."""
    t = table().get(ptype)
    if t is None:
        return "", "none"
    if mode and mode in t["modes"]:
        return t["modes"][mode]["code"], "mode"
    if mode and mode in t["contexts"]:
        return t["contexts"][mode]["code"], "context"
    return t["code"], "type"


def write(conn: sqlite3.Connection, sel: Selection, out: TextIO) -> int:
    w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    meta = doc_meta(conn)
    n = 0
    for r in rows(conn, sel):
        w.writerow(row(r, meta, sel.unit))
        n += 1
    return n


def row(r: dict[str, Any], meta: dict[str, dict], unit: str) -> dict[str, Any]:
    code, how = cameo(r["type"], r["mode"])
    src, tgt = r["source"] or [""], r["target"] or [""]
    if unit == "facts":
        first = r["mentions"][0] if r["mentions"] else {}
        doc, when = first.get("doc"), r["date"] or r["first_reported"]
        counts = (r["reports"], r["independent_sources"], r["documents"])
        ev, modality = first.get("evidence", {}).get("text", ""), ""
    else:
        doc, when = r["doc"], r["date"] or r["published"]
        counts = (1, 1, 1)
        ev, modality = r["evidence"]["text"], r["modality"]
    m = meta.get(doc or "", {})
    return {
        "GLOBALEVENTID": r["id"] if unit == "facts" else f"{r['doc_id'][:16]}-{r['id']}",
        "SQLDATE": (when or "").replace("-", ""),
        "DatePrecision": r["date_precision"] or ("publication" if when else ""),
        "Actor1Code": src[0] or "", "Actor1Name": ontology.actor_info(src[0])["name"]
        if src[0] else "", "Actor2Code": tgt[0] or "",
        "Actor2Name": ontology.actor_info(tgt[0])["name"] if tgt[0] else "",
        "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": code[:2],
        "CAMEOMatch": how, "PloverType": r["type"], "PloverMode": r["mode"] or "",
        "QuadClass": QUAD_CLASS.get(ontology.quad(r["type"]) or "", ""),
        "Item": r["item"] or "", "Quantity": r["quantity"] or "", "Modality": modality,
        "NumMentions": counts[0], "NumSources": counts[1], "NumArticles": counts[2],
        "PublishedDate": m.get("published") or "", "Outlet": m.get("outlet") or "",
        "SOURCEURL": m.get("url") or "", "Evidence": ev,
    }
