"""kill -9 of an ingest at 20 points spread over its run (inside transactions too), then the
same ingest again: every document stored exactly once, no orphan rows, integrity ok."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from ._harness import check_store, documents, ingest_in_child, warm, write_corpus

POINTS = 20


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    warm(folder)
    return write_corpus(folder / "docs", n=6)


@pytest.fixture(scope="module")
def whole(corpus: Path, tmp_path_factory) -> tuple[int, dict[str, int], list[str]]:
    """A run without a crash: its statement count and the store it leaves."""
    db = tmp_path_factory.mktemp("whole") / "s.db"
    run = ingest_in_child(db, corpus)
    assert (run.rc, run.error) == (0, "")
    return run.statements, check_store(db), documents(db)


def test_whole_run_baseline(whole) -> None:
    statements, counts, docs = whole
    assert statements > 100 and len(docs) == 6 and counts["events"] > 0


@pytest.mark.parametrize("point", range(1, POINTS + 1))
def test_kill_then_ingest_again(point: int, corpus: Path, whole, tmp_path: Path) -> None:
    statements, counts, docs = whole
    kill_at = max(1, point * statements // (POINTS + 1))
    db = tmp_path / "s.db"
    assert ingest_in_child(db, corpus, kill_at=kill_at).rc == -signal.SIGKILL
    if db.exists():
        partial = check_store(db) if documents_table(db) else {}
        assert partial.get("raw_docs", 0) <= len(docs)
    assert ingest_in_child(db, corpus).rc == 0
    assert documents(db) == docs  # each exactly once
    assert check_store(db) == counts  # the same rows as a run that never crashed


def documents_table(db: Path) -> bool:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'raw_docs'").fetchone() \
            is not None
    finally:
        conn.close()
