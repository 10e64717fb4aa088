"""A reader querying in a loop while an ingest writes (another process): no error, and no
document is ever seen partly written."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from pathlib import Path

from ._harness import check_store, ingest_in_child, warm, write_corpus

SNAPSHOT = """SELECT r.id,
  (SELECT count(*) FROM articles a WHERE a.doc_id = r.id),
  (SELECT count(*) FROM sentences s WHERE s.doc_id = r.id),
  (SELECT count(*) FROM mentions m WHERE m.doc_id = r.id),
  (SELECT count(*) FROM events e WHERE e.doc_id = r.id),
  (SELECT count(*) FROM claims c WHERE c.doc_id = r.id)
FROM raw_docs r"""


def test_reader_never_sees_half_a_document(tmp_path: Path) -> None:
    warm(tmp_path)
    corpus = write_corpus(tmp_path / "docs", n=16)
    db = tmp_path / "s.db"
    seen: dict[str, set[tuple[int, ...]]] = {}
    errors: list[BaseException] = []
    reads = 0
    done = threading.Event()

    def reader() -> None:
        nonlocal reads
        while not done.is_set():
            time.sleep(0.002)
            if not db.exists():
                continue
            try:
                conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
                try:
                    conn.execute("BEGIN")  # one snapshot for the whole query
                    for doc, *counts in conn.execute(SNAPSHOT):
                        seen.setdefault(doc, set()).add(tuple(counts))
                    conn.execute("COMMIT")
                    reads += 1
                finally:
                    conn.close()
            except sqlite3.OperationalError as e:
                if "no such table" not in str(e):  # the store is still being created
                    errors.append(e)
            except BaseException as e:  # noqa: BLE001 (any error fails the test)
                errors.append(e)

    t = threading.Thread(target=reader)
    t.start()
    try:
        rc = ingest_in_child(db, corpus).rc
    finally:
        done.set()
        t.join()
    assert rc == 0 and errors == []
    final = {}
    with sqlite3.connect(db) as conn:
        for doc, *counts in conn.execute(SNAPSHOT):
            final[doc] = tuple(counts)
    assert len(final) == 16 and reads > 5, reads
    for doc, views in seen.items():  # every view of a document is the finished document
        assert views == {final[doc]}, (doc, views, final[doc])
    assert len(seen) >= 8  # the reader did watch the ingest, not just its end
    check_store(db)
    assert os.path.getsize(db) > 0
