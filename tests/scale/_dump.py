"""A store as one JSON text: every table's rows in a fixed order, timestamps left out."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))
from corpus import build_corpus  # noqa: E402,F401  (the benchmark's corpus builder)

TABLES = ("raw_docs", "articles", "blocks", "sentences", "mentions", "events", "event_actors",
          "claims", "copies", "copy_edges", "facts", "fact_mentions", "fact_actors")


def dump(db: Path, tables: tuple[str, ...] = TABLES) -> str:
    with sqlite3.connect(db) as conn:
        out = {}
        for t in tables:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({t})")
                    if not r[1].endswith("_at")]
            q = ", ".join(f'"{c}"' for c in cols)
            out[t] = conn.execute(f"SELECT {q} FROM {t} ORDER BY {q}").fetchall()
    return json.dumps(out, ensure_ascii=False, sort_keys=True)
