"""Writing records as JSON lines, CSV or a fixed-width table."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

# Flat columns for CSV and tables of events (lists joined with ";").
EVENT_COLUMNS = (
    "id", "doc", "date", "type", "mode", "source", "target", "source_text", "target_text",
    "item", "quantity", "date_precision", "modality", "claims", "confidence", "coder",
    "evidence", "evidence_start", "evidence_end", "published", "doc_id",
)
EVENT_TABLE = ("id", "doc", "date", "type", "mode", "source", "target", "item", "claims",
               "evidence")


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += 1
    return n


def flat_event(e: dict[str, Any]) -> dict[str, Any]:
    """An event dict (extract contract) as one flat row."""
    return {
        **{k: v for k, v in e.items() if k not in ("evidence", "claims")},
        "source": ";".join(c or "" for c in e["source"]),
        "target": ";".join(c or "" for c in e["target"]),
        "claims": ";".join(f"{c['by'] or '?'}:{c['stance']}" for c in e["claims"]),
        "evidence": e["evidence"]["text"],
        "evidence_start": e["evidence"]["start"],
        "evidence_end": e["evidence"]["end"],
    }


def write_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str], out: TextIO) -> int:
    w = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    n = 0
    for r in rows:
        w.writerow(r)
        n += 1
    return n


def write_table(
    rows: Sequence[dict[str, Any]], columns: Sequence[str], out: TextIO, width: int | None = None
) -> int:
    """Columns sized to their content (at most 24 characters); the last column takes
    what is left of the terminal's width, or all it needs when output is not a terminal."""
    if width is None and out.isatty():
        width = shutil.get_terminal_size((120, 24)).columns
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    sizes = [min(max([len(c)] + [len(row[i]) for row in cells]), 24)
             for i, c in enumerate(columns)]
    used = sum(sizes[:-1]) + 2 * (len(columns) - 1)
    if width:
        sizes[-1] = max(20, width - used)
    else:
        sizes[-1] = max([len(columns[-1])] + [len(row[-1]) for row in cells])
    out.write(_line([c.upper() for c in columns], sizes) + "\n")
    for row in cells:
        out.write(_line(row, sizes) + "\n")
    return len(rows)


def _cell(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.2f}"
    return " ".join(str(v).split())


def _line(cells: Sequence[str], sizes: Sequence[int]) -> str:
    parts = [c if len(c) <= n else c[: n - 1] + "…" for c, n in zip(cells, sizes, strict=True)]
    return "  ".join(p.ljust(n) for p, n in zip(parts, sizes, strict=True)).rstrip()
