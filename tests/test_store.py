"""The SQLite store: schema, WAL, idempotent writes, atomic documents, queries."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from newsgraph import store
from newsgraph.errors import NewsgraphError
from newsgraph.model import (
    Actor,
    AnnotatedDoc,
    Article,
    Block,
    Claim,
    Event,
    Evidence,
    Mention,
    RawDoc,
    Sentence,
)

BODY = (
    "Ruritania sent artillery shells to Freedonia last week, officials in Sylvania said. "
    "Freedonia denied it. The two governments met in Geneva in March 2024."
)


def make_doc(text: str = BODY, name: str = "a.txt", published: str | None = "2024-05-02"):
    data = text.encode()
    raw = RawDoc(hashlib.sha256(data).hexdigest(), f"/in/{name}", name, "text/plain", data,
                 "2024-05-03T00:00:00+00:00")
    art = Article(raw.id, name, "Shells for Freedonia", text, published, "text", "Wire",
                  None, None, (Block("en", 0, len(text)),))
    ends = [text.index(". ") + 1, text.index("it.") + 3, len(text)]
    starts = [0, ends[0] + 1, ends[1] + 1]
    sents = tuple(Sentence(s, e, text[s:e]) for s, e in zip(starts, ends, strict=True))
    rur = Actor("RUR", "Ruritania", "state")
    fre = Actor("FRE", "Freedonia", "state")
    mentions = (Mention(0, 9, "Ruritania", rur, "name"), Mention(27, 36, "Freedonia", fre, "name"))
    ev = [
        Event("AID", "military", ("RUR",), ("FRE",), "Ruritania", "Freedonia",
              Evidence(name, sents[0].text, 0, ends[0]), item="artillery_ammunition",
              date="2024-04", date_precision="month",
              claims=(Claim("SYL", "asserts", "officials in Sylvania"), Claim("FRE", "denies")),
              confidence=0.8, coder="rules/test"),
        Event("REJECT", "deny", ("FRE",), (), "Freedonia", None,
              Evidence(name, sents[1].text, starts[1], ends[1]), confidence=0.7,
              coder="rules/test"),
        Event("CONSULT", None, ("RUR",), ("FRE",), "The two governments", None,
              Evidence(name, sents[2].text, starts[2], ends[2]), date="2024-03",
              date_precision="month", coder="rules/test"),
    ]
    return raw, AnnotatedDoc(art, sents, mentions), ev


def count(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_new_store_is_wal_with_foreign_keys_and_version(tmp_path):
    conn = store.connect(tmp_path / "s.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.version(conn) == store.SCHEMA_VERSION
    conn.close()
    # Opening again finds the version and changes nothing.
    assert store.db.migrate(store.connect(tmp_path / "s.db")) == store.SCHEMA_VERSION


def test_store_from_a_newer_version_is_refused(tmp_path):
    conn = store.connect(tmp_path / "s.db")
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.close()
    with pytest.raises(NewsgraphError) as err:
        store.connect(tmp_path / "s.db")
    assert err.value.code == "E012"


def test_read_commands_do_not_create_a_store(tmp_path):
    with pytest.raises(NewsgraphError) as err:
        store.connect(tmp_path / "missing.db", create=False)
    assert err.value.code == "E012"
    assert not (tmp_path / "missing.db").exists()


def test_same_bytes_stored_once(tmp_path):
    conn = store.connect(tmp_path / "s.db")
    raw, doc, evs = make_doc()
    again = replace(evs[0], claims=(Claim("FRE", "denies"), Claim("RUR", "concedes")))
    # The same event coded twice is one row holding the claims of both.
    assert store.add_document(conn, raw, doc, [*evs, again]) == (3, 3)
    assert store.known(conn, raw.id)
    assert store.add_document(conn, raw, doc, evs) is None
    assert [c["stance"] for c in store.events(conn, store.EventFilter(types=("AID",)))[0]
            ["claims"]] == ["asserts", "denies", "concedes"]
    counts = {t: count(conn, t) for t in
              ("raw_docs", "articles", "sentences", "mentions", "events", "claims",
               "event_actors", "blocks")}
    assert counts == {"raw_docs": 1, "articles": 1, "sentences": 3, "mentions": 2,
                      "events": 3, "claims": 3, "event_actors": 5, "blocks": 1}


def test_a_failing_document_leaves_nothing_behind(tmp_path):
    conn = store.connect(tmp_path / "s.db")
    raw, doc, evs = make_doc()
    bad = Event("ACCUSE", None, ("RUR",), ("FRE",), None, None, evs[0].evidence,
                claims=(Claim("RUR", "shouts"),))  # violates the stance CHECK constraint
    with pytest.raises(sqlite3.IntegrityError):
        store.add_document(conn, raw, doc, [*evs, bad])
    assert [count(conn, t) for t in ("raw_docs", "articles", "events", "articles_fts")] == [0] * 4
    assert store.add_document(conn, raw, doc, evs)  # and it can be stored afterwards


def test_reader_reads_while_writer_transaction_is_open(tmp_path):
    path = tmp_path / "s.db"
    writer = store.connect(path)
    raw, doc, evs = make_doc()
    store.add_document(writer, raw, doc, evs)
    reader = store.connect(path)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM claims")
    # The reader neither blocks nor sees uncommitted changes.
    assert count(reader, "claims") == 2
    assert len(store.events(reader)) == 3
    writer.execute("COMMIT")
    assert count(reader, "claims") == 0


def test_event_filters(tmp_path):
    conn = store.connect(tmp_path / "s.db")
    store.add_document(conn, *make_doc())
    store.add_document(conn, *make_doc(BODY + " ", name="b.txt", published="2023-01-01"))
    ids = lambda **kw: sorted((e["doc"], e["type"]) for e in  # noqa: E731
                              store.events(conn, store.EventFilter(**kw)))
    assert len(ids()) == 6
    assert ids(types=("aid",)) == [("a.txt", "AID"), ("b.txt", "AID")]
    assert ids(actors=("SYL",)) == []  # a claimant is not a participant
    assert ids(actors=("fre", "RUR"), doc="b.txt") == [("b.txt", "AID"), ("b.txt", "CONSULT")]
    # Dated events by their date (month precision overlaps the day asked for),
    # undated ones by their article's publication date.
    assert ids(since="2024-04-30") == [("a.txt", "AID"), ("a.txt", "REJECT"), ("b.txt", "AID")]
    assert ids(until="2024-03") == [("a.txt", "CONSULT"), ("b.txt", "CONSULT"),
                                    ("b.txt", "REJECT")]
    assert len(store.events(conn, store.EventFilter(limit=2))) == 2


def test_events_come_back_in_the_extract_contract(tmp_path):
    conn = store.connect(tmp_path / "s.db")
    raw, doc, evs = make_doc()
    store.add_document(conn, raw, doc, evs)
    got = {e["id"]: e for e in store.events(conn)}
    for e in evs:
        want = e.to_json()
        row = got[e.id]
        assert {k: row[k] for k in want if k != "claims"} == {k: v for k, v in want.items()
                                                               if k != "claims"}
        assert [{"by": c["by"], "stance": c["stance"]} for c in row["claims"]] == want["claims"]


def test_find_doc_by_name_or_id_prefix(tmp_path):
    conn = store.connect(tmp_path / "s.db")
    raw, doc, evs = make_doc()
    store.add_document(conn, raw, doc, evs)
    assert store.find_doc(conn, "a.txt") == raw.id
    assert store.find_doc(conn, raw.id[:6].upper()) == raw.id
    with pytest.raises(NewsgraphError) as err:
        store.find_doc(conn, "nothing.txt")
    assert err.value.code == "E013"
    a = store.article(conn, raw.id)
    assert a["title"] == "Shells for Freedonia" and len(a["events"]) == 3
    assert a["languages"] == ["en"] and a["sentences"] == 3


def test_search_and_summary(tmp_path):
    conn = store.connect(tmp_path / "s.db")
    store.add_document(conn, *make_doc())
    hits = store.search(conn, "artillery shells")
    assert [h["name"] for h in hits] == ["a.txt"] and "[artillery]" in hits[0]["snippet"]
    assert store.search(conn, 'shells AND "(unbalanced') == []  # not FTS5 syntax: plain words
    assert [h["name"] for h in store.search(conn, 'Freedonia"')] == ["a.txt"]
    assert store.search(conn, "zeppelin") == []
    s = store.summary(conn)
    assert (s["documents"], s["events"], s["claims"]) == (1, 3, 2)
    assert s["by_type"] == {"AID": 1, "CONSULT": 1, "REJECT": 1}
    assert {"source": "RUR", "target": "FRE", "type": "AID", "n": 1} in s["top_pairs"]
    assert s["examples"][0]["evidence"]["text"].startswith("Ruritania sent")


def test_a_crash_mid_document_keeps_what_was_stored_and_nothing_of_the_rest(tmp_path):
    # A process dies (no rollback, no close) while writing its second document.
    script = f"""
import os, sys
sys.path.insert(0, {str(Path(__file__).parent)!r})
from test_store import make_doc, BODY
from newsgraph import store
conn = store.connect({str(tmp_path / "s.db")!r})
store.add_document(conn, *make_doc())
raw, doc, evs = make_doc(BODY + " More.", name="b.txt")
def dying():
    yield evs[0]
    os._exit(3)
store.add_document(conn, raw, doc, dying())
"""
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert run.returncode == 3, run.stderr
    conn = store.connect(tmp_path / "s.db")
    assert [r[0] for r in conn.execute("SELECT name FROM articles")] == ["a.txt"]
    assert count(conn, "events") == 3 and count(conn, "raw_docs") == 1
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert store.add_document(conn, *make_doc(BODY + " More.", name="b.txt"))
