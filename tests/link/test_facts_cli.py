"""The facts commands as filters: tables, JSON lines, CSV, and errors."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

from conftest import ingest, write_jsonl
from test_facts import STORIES

sys.path.insert(0, str(Path(__file__).parents[1]))
from _corpus import newsgraph  # noqa: E402


def test_facts_commands(tmp_path):
    db = tmp_path / "c.db"
    ingest(db, write_jsonl(tmp_path / "s.jsonl", STORIES))
    out = newsgraph("facts", "--actor", "RUS", "--type", "ASSAULT", "--format", "jsonl", db=db)
    assert out.returncode == 0, out.stderr
    facts = [json.loads(x) for x in out.stdout.splitlines()]
    assert len(facts) == 2
    for key in ("id", "type", "mode", "source", "target", "item", "quantity", "date",
                "date_precision", "first_reported", "last_reported", "documents",
                "independent_sources", "contested", "embargo", "mentions", "claims"):
        assert key in facts[0]
    assert facts[0]["mentions"][0]["evidence"]["text"]
    table = newsgraph("facts", "--min-sources", "2", db=db)
    assert table.returncode == 0 and facts[0]["id"] in table.stdout
    rows = list(csv.DictReader(io.StringIO(newsgraph("facts", "--format", "csv", db=db).stdout)))
    assert {r["id"] for r in rows} >= {f["id"] for f in facts}
    one = newsgraph("fact", facts[0]["id"][:8], db=db)
    assert one.returncode == 0 and "reports:" in one.stdout and "Kharkiv" in one.stdout
    assert json.loads(newsgraph("fact", facts[0]["id"], "--format", "json", db=db).stdout)[
        "ledger"] is not None
    assert newsgraph("contested", db=db).returncode == 0
    tl = newsgraph("timeline", "UKR", "--format", "jsonl", db=db)
    dates = [(f["date"] or f["first_reported"]) for f in map(json.loads, tl.stdout.splitlines())]
    assert dates == sorted(dates, key=lambda d: (d is None, d or ""))
    docs = [json.loads(x) for x in newsgraph("documents", "--format", "jsonl", db=db).stdout
            .splitlines()]
    assert {d["doc"] for d in docs} == {"strike-1", "strike-1b", "strike-2"}
    assert all(set(d) == {"doc", "doc_id", "title", "outlet", "published", "copy_of"}
               for d in docs)
    missing = newsgraph("fact", "ffffffffff", db=db)
    assert missing.returncode == 1 and "E013" in missing.stderr
    bad = newsgraph("facts", "--after", "nope", db=db)
    assert bad.returncode == 1 and "E020" in bad.stderr
