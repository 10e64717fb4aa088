"""GraphML and GEXF through networkx: actors as nodes, one edge per (source, target, type)
weighted by the number of events or facts, so Gephi shows who does what to whom."""

from __future__ import annotations

import sqlite3
from typing import Any, BinaryIO

import networkx as nx

from ..api import ontology
from .records import Selection, rows


def build(conn: sqlite3.Connection, sel: Selection) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(name="newsgraph", unit=sel.unit)
    for r in rows(conn, sel):
        when = r.get("date") or r.get("published") or r.get("first_reported") or ""
        for s in filter(None, r["source"]):
            for t in filter(None, r["target"]):
                if s != t:
                    _edge(g, s, t, r["type"], when)
    for code in g.nodes:
        info = ontology.actor_info(code)
        g.nodes[code].update(label=info["name"], kind=info["kind"] or "",
                             sector=info["sector"] or "")
    return g


def _edge(g: nx.MultiDiGraph, s: str, t: str, etype: str, when: str) -> None:
    if g.has_edge(s, t, key=etype):
        d: dict[str, Any] = g.edges[s, t, etype]
        d["weight"] += 1
        if when:
            d["first"] = min(d["first"] or when, when)
            d["last"] = max(d["last"], when)
    else:
        g.add_edge(s, t, key=etype, type=etype, quad=ontology.quad(etype) or "", weight=1,
                   first=when, last=when, label=etype)


def write_graphml(conn: sqlite3.Connection, sel: Selection, out: BinaryIO) -> int:
    g = build(conn, sel)
    nx.write_graphml(g, out, encoding="utf-8")
    return g.number_of_edges()


def write_gexf(conn: sqlite3.Connection, sel: Selection, out: BinaryIO) -> int:
    g = build(conn, sel)
    nx.write_gexf(g, out, encoding="utf-8")
    return g.number_of_edges()
