"""Schema versions 2 and 3: a version-1 store is upgraded in place and its documents linked
by the next ingest; linking state lives in the file, so a new process continues."""

from __future__ import annotations

import sqlite3

from conftest import connect, ingest, write_jsonl

from newsgraph.link import query
from newsgraph.store import SCHEMA_VERSION
from newsgraph.store.db import schema_sql

V1_STORY = {"id": "v1-doc", "outlet": "Old Wire", "published": "2024-05-02",
            "text": "Germany sent air defence systems to Ukraine on Monday, the German defence "
                    "ministry said. Russia condemned the delivery."}
NEW_STORY = {"id": "v2-doc", "outlet": "New Wire", "published": "2024-05-03",
             "text": "Germany delivered air defence systems to Ukraine on Monday, Berlin said."}


def test_version_1_store_is_upgraded_and_linked_on_next_ingest(tmp_path):
    db = tmp_path / "old.db"
    ingest(db, write_jsonl(tmp_path / "a.jsonl", [V1_STORY]))
    # Make it a real version-1 file: only the version-1 tables, version 1 in meta.
    conn = sqlite3.connect(db)
    v2 = schema_sql().split("-- ---- Version 2:")[1]
    for table in ("fact_edges", "fact_actors", "facts", "fact_mentions", "copies", "copy_edges",
                  "lsh_bands", "doc_signatures"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.execute("DELETE FROM meta WHERE key = 'linked_num'")
    conn.commit()
    conn.close()
    assert "fact_mentions" in v2
    upgraded = connect(db)
    assert upgraded.execute("SELECT value FROM meta WHERE key = 'schema_version'"
                            ).fetchone()[0] == str(SCHEMA_VERSION) == "3"
    assert query.facts(upgraded) == []  # tables there, nothing linked yet
    ingest(db, write_jsonl(tmp_path / "b.jsonl", [NEW_STORY]))
    facts = query.facts(connect(db), query.FactFilter(actors=("DEU", "UKR"), types=("AID",)))
    assert facts and {m["doc"] for m in query.fact(connect(db), facts[0]["id"])["mentions"]} == {
        "v1-doc", "v2-doc"}


def test_filters_and_keyset_paging(tmp_path):
    db = tmp_path / "p.db"
    ingest(db, write_jsonl(tmp_path / "a.jsonl", [V1_STORY, NEW_STORY]))
    conn = connect(db)
    every = query.facts(conn)
    assert len(every) >= 2
    page, seen = query.facts(conn, query.FactFilter(limit=1)), []
    while page:
        seen += page
        page = query.facts(conn, query.FactFilter(limit=1, after=page[-1]["id"]))
    assert seen == every
    assert all(f["independent_sources"] >= 2
               for f in query.facts(conn, query.FactFilter(min_sources=2)))
    assert query.facts(conn, query.FactFilter(since="2025")) == []
    assert all("DEU" in f["source"] + f["target"] for f in query.timeline(conn, "deu"))
