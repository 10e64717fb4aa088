"""Disk full (SQLite's page limit) and I/O errors (a file-size limit: writes fail with EFBIG)
on the database: the ingest stops with one clear line, the store stays consistent, and the
next run stores the rest."""

from __future__ import annotations

import pytest

from ._harness import Run, check_store, documents, ingest_in_child, warm, write_corpus

N = 12
CASES = [("pages", 12, "database or disk is full"), ("fsize", 120_000, "disk I/O error")]


def _limit_pages(extra: int):
    def setup(conn) -> None:
        n = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {n + extra}")
    return setup


@pytest.fixture(scope="module", params=CASES, ids=["disk-full", "io-error"])
def failed(request, tmp_path_factory) -> tuple[Run, str]:
    """A store with one document; an ingest of 12 that hits the limit; checks; the same ingest
    again without it. Gives the failed run and the reason it should name."""
    mode, value, reason = request.param
    tmp = tmp_path_factory.mktemp(mode)
    warm(tmp)
    corpus = write_corpus(tmp / "docs", n=N)
    db = tmp / "s.db"
    assert ingest_in_child(db, corpus / "doc00.txt").rc == 0
    run = ingest_in_child(db, corpus, setup=_limit_pages(value) if mode == "pages" else None,
                          fsize=value if mode == "fsize" else None)
    assert run.rc != 0 and run.error, run
    stored = documents(db)
    assert 1 <= len(stored) < N
    check_store(db)
    assert ingest_in_child(db, corpus).rc == 0  # the next run resumes
    assert len(documents(db)) == N
    check_store(db)
    return run, reason


def test_write_failure_leaves_a_consistent_store_and_the_next_run_resumes(failed) -> None:
    assert failed[0].rc != 0  # the checks are the fixture's


def test_write_failure_is_one_clear_line(failed) -> None:
    run, reason = failed
    assert run.rc == 1, run.error
    assert run.error.startswith("E047 ") and run.error.endswith(
        f"database write failed ({reason}); stored documents are intact, run again to resume")
