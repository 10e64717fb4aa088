"""Parquet shards into the store through its normal write path, then linking.

Documents go in by their number in the run (`seq`), one transaction each with
`store.add_document`, each linked right after, as `pipeline.ingest` does: the store ends up
as a local ingest of the same inputs leaves it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..errors import NewsgraphError
from ..pipeline import IngestSummary, OnError, stderr_errors
from .records import from_row


def shard_files(paths: Iterable[str | Path]) -> list[Path]:
    """The documents' Parquet files under each path (a run folder, its `documents` folder
    or single files)."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_file():
            files.append(p)
        else:
            root = p / "documents" if (p / "documents").is_dir() else p
            files += sorted(root.rglob("*.parquet"))
    return files


def load(paths: Iterable[str | Path], db: str | Path,
         on_error: OnError = stderr_errors) -> IngestSummary:
    import time

    import pyarrow.dataset as pads

    from .. import link, store

    started = time.perf_counter()
    summary = IngestSummary()
    files = shard_files(paths)
    conn = store.connect(db)
    try:
        link.catch_up(conn)
        if files:
            table = pads.dataset([str(f) for f in files], format="parquet").to_table()
            table = table.sort_by("seq")
            for batch in table.to_batches(max_chunksize=256):
                for row in batch.to_pylist():
                    _load_one(conn, row, summary, on_error)
    finally:
        conn.close()
        summary.seconds = time.perf_counter() - started
    return summary


def _load_one(conn, row: dict, summary: IngestSummary, on_error: OnError) -> None:
    from .. import link, store

    summary.read += 1
    if store.known(conn, row["doc_id"]):
        summary.duplicate += 1
        return
    raw, doc, events = from_row(row)
    if isinstance(doc, NewsgraphError):
        summary.failed += 1
        on_error(doc)
        return
    stored = store.add_document(conn, raw, doc, events)
    if stored is None:
        summary.duplicate += 1
        return
    link.link_document(conn, raw.id)
    summary.new += 1
    summary.events += stored[0]
    summary.claims += stored[1]
