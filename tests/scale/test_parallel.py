"""The local parallel pipeline stores exactly what one process stores."""

from __future__ import annotations

import json
import sqlite3

import pytest

from newsgraph import parallel, pipeline

from ._dump import build_corpus, dump


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    info = build_corpus(tmp_path_factory.mktemp("scale") / "in", words=14_000)
    assert info.docs > 1 + parallel.BATCH_SIZE  # more than one batch: the workers run
    return info


def test_two_workers_store_byte_for_byte_what_one_process_stores(corpus, tmp_path):
    info = corpus
    runs = {}
    for n in (1, 2):
        db = tmp_path / f"s{n}.db"
        s = pipeline.ingest([info.path], db, n_process=n, progress=False)
        assert s.new == info.docs and s.failed == 0 and s.events > 0
        runs[n] = dump(db)
    assert runs[1] == runs[2]
    tables = json.loads(runs[2])
    assert tables["events"] and tables["facts"] and tables["copies"]


def test_errors_come_back_from_workers_and_the_rest_is_stored(corpus, tmp_path):
    info = corpus
    (info.path / "zz-empty.txt").write_bytes(b"")
    (info.path / "zz-binary.txt").write_bytes(b"\x00\x01\x02" * 200)
    errors = []
    s = pipeline.ingest([info.path], tmp_path / "s.db", n_process=2, progress=False,
                        on_error=errors.append)
    assert s.new == info.docs and s.failed == 2
    assert sorted(e.code for e in errors) == ["E001", "E002"]
    (info.path / "zz-empty.txt").unlink()
    (info.path / "zz-binary.txt").unlink()
    with sqlite3.connect(tmp_path / "s.db") as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == info.docs


def test_a_run_abandoned_midway_leaves_no_worker_behind(corpus):
    import multiprocessing

    from newsgraph.pipeline import read

    run = parallel.process(read([corpus.path], 1 << 30, lambda e: None), workers=2)
    raw, doc, _ = next(run)
    assert doc.article.body and multiprocessing.active_children()
    run.close()  # as when the writer fails or the user presses Ctrl-C
    assert multiprocessing.active_children() == []
