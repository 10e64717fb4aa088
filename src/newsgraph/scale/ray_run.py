"""clean → annotate → extract on Ray Data: `map_batches` over an actor pool, one spaCy per
actor, Parquet shards out.

The driver reads and numbers the documents and cuts them into the cleaning batches a local
run would cut (`parallel.BATCH_SIZE`), one dataset row per batch, so every actor runs
`parallel.run_batch` on exactly the batches a local run sees and the shards hold the
records a local run stores. Ray does the scheduling, the queueing and the retries.
"""

from __future__ import annotations

import logging
import pickle
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model import RawDoc
from ..parallel import BATCH_SIZE, run_batch
from .records import document_row, event_rows, mention_rows

TABLES = ("documents", "events", "mentions")  # one folder of Parquet shards each


@dataclass
class RayRun:
    documents: int = 0
    batches: int = 0
    startup_s: float = 0.0  # ray.init: starting (or joining) the cluster
    run_s: float = 0.0  # the stages and writing the shards


class Stages:
    """A Ray actor: loads spaCy and the tables once, then codes cleaning batches."""

    def __init__(self, coder: str = "rules", min_confidence: float | None = None) -> None:
        from ..parallel import _warm

        _warm(coder)
        self.coder, self.min_confidence = coder, min_confidence

    def __call__(self, batch: dict) -> dict:
        rows = []
        for first, payload in zip(batch["first"], batch["raws"], strict=True):
            raws: list[RawDoc] = pickle.loads(payload)
            outcomes = run_batch(raws, self.coder, self.min_confidence)
            rows += [document_row(int(first) + k, raw, o)
                     for k, (raw, o) in enumerate(zip(raws, outcomes, strict=True))]
        return {k: [r[k] for r in rows] for k in rows[0]} if rows else {}


def start(address: str | None = None, num_cpus: int | None = None) -> float:
    """Start Ray here (or join the cluster at `address`); returns the seconds it took."""
    import ray

    started = time.perf_counter()
    if not ray.is_initialized():
        if address:
            ray.init(address=address, include_dashboard=False, log_to_driver=False,
                     logging_level="WARNING")
        else:
            ray.init(num_cpus=num_cpus, include_dashboard=False, log_to_driver=False,
                     logging_level="WARNING")
    return time.perf_counter() - started


def run(raws: Iterable[RawDoc], out: Path, workers: int = 2, coder: str = "rules",
        min_confidence: float | None = None, address: str | None = None,
        log: Callable[[str], None] | None = None) -> RayRun:
    """Code `raws` on Ray and write `out/documents`, `out/events`, `out/mentions`."""
    import ray.data

    summary = RayRun(startup_s=start(address, num_cpus=None if address else workers))
    started = time.perf_counter()
    items = list(_batches(raws))
    summary.batches = len(items)
    summary.documents = sum(n for _, _, n in items)
    if items:
        ray.data.DataContext.get_current().enable_progress_bars = False  # one summary line
        logging.getLogger("ray.data").setLevel(logging.WARNING)
        workers = min(workers, len(items))  # an actor with no batch would only load spaCy
        ds = ray.data.from_items([{"first": f, "raws": p} for f, p, _ in items],
                                 override_num_blocks=len(items))
        docs = ds.map_batches(Stages, batch_size=1, num_cpus=1,
                              compute=ray.data.ActorPoolStrategy(size=workers),
                              fn_constructor_kwargs={"coder": coder,
                                                     "min_confidence": min_confidence})
        docs = docs.materialize()  # coded once, written three ways
        docs.write_parquet(str(out / "documents"))
        docs.flat_map(event_rows).write_parquet(str(out / "events"))
        docs.flat_map(mention_rows).write_parquet(str(out / "mentions"))
    summary.run_s = time.perf_counter() - started
    if log:
        log(f"ray: {summary.documents} documents in {summary.batches} batches on {workers} "
            f"workers: start-up {summary.startup_s:.1f} s, run {summary.run_s:.1f} s")
    return summary


def _batches(raws: Iterable[RawDoc]) -> Iterator[tuple[int, bytes, int]]:
    """(number of the batch's first document, the pickled batch, its size)."""
    batch: list[RawDoc] = []
    seq = 0
    for raw in raws:
        batch.append(raw)
        if len(batch) == BATCH_SIZE:
            yield seq, pickle.dumps(batch), len(batch)
            seq, batch = seq + len(batch), []
    if batch:
        yield seq, pickle.dumps(batch), len(batch)
