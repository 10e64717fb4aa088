"""The pipeline as a library: ingest summary, no re-parsing of known bytes, no-database paths."""

from __future__ import annotations

import sqlite3

import pytest

from _corpus import GOOD_NAMES, write_bad, write_good
from newsgraph import pipeline
from newsgraph.errors import NewsgraphError
from newsgraph.model import Article, Event

STATES = ["France", "Germany", "Poland", "Japan", "India", "Brazil", "Kenya"]


def test_ingest_summary_and_errors_by_callback(tmp_path):
    corpus = write_bad(write_good(tmp_path / "in"))
    errors = []
    s = pipeline.ingest([corpus], tmp_path / "s.db", n_process=1, on_error=errors.append,
                        progress=False)
    assert (s.read, s.new, s.duplicate, s.failed) == (7, 5, 1, 6)  # malformed.html is read
    assert len(errors) == 6 and all(e.path for e in errors)
    assert s.ok and s.events > 0 and s.seconds > 0
    with sqlite3.connect(tmp_path / "s.db") as conn:
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == s.events
        assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == s.claims


def test_known_bytes_are_skipped_before_cleaning(tmp_path):
    corpus = write_good(tmp_path / "in")
    db = tmp_path / "s.db"
    first = pipeline.ingest([corpus], db, n_process=1, progress=False)
    assert first.new == 4
    seen = []
    again = pipeline.ingest([corpus], db, n_process=1, progress=False, on_error=seen.append)
    assert (again.read, again.new, again.duplicate, again.events) == (4, 0, 4, 0)
    assert seen == []


def test_a_corrupt_store_file_is_an_e012_error(tmp_path):
    db = tmp_path / "s.db"
    db.write_bytes(b"this is not a database" * 100)
    with pytest.raises(NewsgraphError) as err:
        pipeline.ingest([write_good(tmp_path / "in")], db, n_process=1, progress=False)
    assert err.value.code == "E012"


def test_extract_events_and_clean_docs_need_no_database(tmp_path):
    corpus = write_good(tmp_path / "in")
    articles = list(pipeline.clean_docs([corpus]))
    assert all(isinstance(a, Article) for a in articles)
    assert {a.name for a in articles} == GOOD_NAMES
    events = list(pipeline.extract_events([corpus]))
    assert events and all(isinstance(e, Event) for e in events)
    assert {e.evidence.doc for e in events} <= GOOD_NAMES
    assert list(tmp_path.glob("*.db")) == []


def test_many_documents_go_through_batches_and_two_processes(tmp_path):
    # More than one cleaning batch, so the parser runs with two worker processes.
    folder = write_good(tmp_path / "in")
    pairs = [(a, b) for a in STATES for b in STATES if a != b][: pipeline.BATCH_SIZE + 3]
    for i, (a, b) in enumerate(pairs):
        (folder / f"copy-{i:02}.txt").write_text(
            f"{a} sends {i + 5} helicopters to {b}\n"
            f"{a} will deliver {i + 5} military helicopters to {b} next month, the government"
            f" of {a} said on Tuesday.\n"
            f"The foreign minister of {b} thanked {a} for its support during talks held on"
            f" day {i + 1} of the visit.\n"
        )
    s = pipeline.ingest([folder], tmp_path / "s.db", n_process=2, progress=False)
    assert (s.new, s.failed) == (pipeline.BATCH_SIZE + 7, 0)
    with sqlite3.connect(tmp_path / "s.db") as conn:
        per_doc = conn.execute(
            "SELECT a.name, count(e.id) FROM articles a LEFT JOIN events e USING (doc_id)"
            " WHERE a.name LIKE 'copy-%' GROUP BY a.name"
        ).fetchall()
    # Each copy is coded like the original: order was kept across processes.
    assert len({n for _, n in per_doc}) == 1 and per_doc[0][1] > 0
