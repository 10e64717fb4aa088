"""`newsgraph ingest --engine ray`: read here, code on Ray, load the shards into the store."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import NewsgraphError
from ..model import RawDoc
from ..pipeline import IngestSummary, OnError, read, stderr_errors
from ..sources import DEFAULT_MAX_BYTES


def ingest(paths: Iterable[str | Path], db: str | Path, shards: str | Path,
           workers: int = 2, address: str | None = None,
           max_bytes: int = DEFAULT_MAX_BYTES, on_error: OnError = stderr_errors,
           coder: str = "rules", min_confidence: float | None = None,
           log=None) -> IngestSummary:
    """As `pipeline.ingest`, with the stages on Ray and their records kept as Parquet
    shards under `shards` (a new folder)."""
    from .. import events, store
    from .load import load
    from .ray_run import run

    events.get(coder)  # an unknown coder is a usage error, before Ray starts
    started = time.perf_counter()
    shards = Path(shards)
    if shards.exists() and any(shards.iterdir()):  # shards of two runs would load as one
        raise FileExistsError(f"shard folder is not empty: {shards}")
    failed: list[NewsgraphError] = []
    skipped = [0]

    def report(err: NewsgraphError) -> None:
        failed.append(err)
        on_error(err)

    # The driver reads every input before the run (it numbers them and cuts the cleaning
    # batches); for an archive larger than the driver's memory, run it a slice at a time.
    conn = store.connect(db)  # bytes already stored are not sent to Ray
    try:
        raws = list(_unseen(read([str(p) for p in paths], max_bytes, report), conn, skipped))
    finally:
        conn.close()
    run(raws, shards, workers, coder, min_confidence, address, log)
    summary = load([shards], db, on_error)
    summary.failed += len(failed)
    summary.read += len(failed) + skipped[0]
    summary.duplicate += skipped[0]
    summary.seconds = time.perf_counter() - started
    return summary


def _unseen(raws: Iterable[RawDoc], conn, skipped: list[int]) -> Iterator[RawDoc]:
    from .. import store

    seen: set[str] = set()
    for raw in raws:
        if raw.id in seen or store.known(conn, raw.id):
            skipped[0] += 1
            continue
        seen.add(raw.id)
        yield raw
