"""One entry point for every export format (the CLI and the API both call `export`)."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Callable
from typing import BinaryIO

from . import cameo, ftm, graph, plover
from .records import Selection

FORMATS: dict[str, tuple[str, Callable]] = {
    "plover-jsonl": ("text", plover.write),
    "cameo-csv": ("text", cameo.write),
    "graphml": ("bytes", graph.write_graphml),
    "gexf": ("bytes", graph.write_gexf),
    "ftm": ("text", ftm.write),
}
MEDIA = {"plover-jsonl": ("application/x-ndjson", "jsonl"), "cameo-csv": ("text/csv", "csv"),
         "graphml": ("application/graphml+xml", "graphml"), "gexf": ("application/gexf+xml",
                                                                     "gexf"),
         "ftm": ("application/x-ndjson", "ftm.json")}
ROW_FORMATS = ("plover-jsonl", "cameo-csv")


def default_unit(fmt: str, linked: bool) -> str:
    """Row formats hold events (the coded records); graphs and FtM hold facts when the
    store is linked, so a report repeated by ten outlets is one edge weight, not ten."""
    return "facts" if linked and fmt not in ROW_FORMATS else "events"


def export(conn: sqlite3.Connection, fmt: str, sel: Selection, out: BinaryIO) -> int:
    """Write `fmt` to the binary stream `out`; returns the number of records (edges for
    the graph formats)."""
    kind, write = FORMATS[fmt]
    if kind == "bytes":
        return write(conn, sel, out)
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    try:
        return write(conn, sel, text)
    finally:
        text.flush()
        text.detach()
