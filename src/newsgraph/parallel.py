"""clean → annotate → extract in worker processes, results back in input order.

The unit of work is one cleaning batch (the cleaner learns a site's repeated lines from
its batch), so a run with N workers sees exactly the batches a one-process run sees and
gives the same records. Workers load spaCy once and send back records without the spaCy
Doc (the store needs none of it), which is most of what makes this cheaper than
`nlp.pipe(n_process=N)`. At most `workers * INFLIGHT` batches are out at once: a slow
writer stops the reading instead of filling memory.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from itertools import chain, islice

from .errors import NewsgraphError
from .model import AnnotatedDoc, Event, RawDoc

BATCH_SIZE = 32  # as pipeline.BATCH_SIZE: a cleaning batch
INFLIGHT = 2  # batches queued per worker, so no worker waits for the writer


@dataclass(frozen=True)
class Failed:
    """A NewsgraphError in a form that pickles whatever its text holds."""

    code: str
    path: str
    reason: str

    def error(self) -> NewsgraphError:
        err = NewsgraphError.__new__(NewsgraphError)
        err.code, err.path, err.reason = self.code, self.path, self.reason
        Exception.__init__(err, err.line())
        return err


Outcome = tuple[AnnotatedDoc, list[Event]] | Failed


def run_batch(raws: list[RawDoc], coder: str = "rules",
              min_confidence: float | None = None) -> list[Outcome]:
    """One cleaning batch through the chain: one outcome per raw document, in order."""
    from . import clean as cleaner
    from . import events
    from .annotate import annotate_many
    from .pipeline import _guard, _located

    try:
        cleaned = cleaner.clean_batch(raws)
    except Exception:  # a bug on one page must not sink its batch
        cleaned = [_guard(cleaner.clean, raw) for raw in raws]
    out: list = list(cleaned)
    ok = [i for i, a in enumerate(cleaned) if not isinstance(a, NewsgraphError)]
    for i, doc in zip(ok, annotate_many([cleaned[i] for i in ok]), strict=True):
        out[i] = _guard(events.extract, doc, coder, min_confidence)
        if not isinstance(out[i], NewsgraphError):
            out[i] = (replace(doc, parse=None), out[i])
    return [Failed(e.code, e.path, e.reason) if isinstance(x, NewsgraphError)
            and (e := _located(x, raw)) else x for x, raw in zip(out, raws, strict=True)]


def process(raws: Iterable[RawDoc], workers: int = 2, coder: str = "rules",
            min_confidence: float | None = None
            ) -> Iterator[tuple[RawDoc, AnnotatedDoc | NewsgraphError, list[Event]]]:
    """(raw, annotated doc or error, events) for every raw document, in input order.
    `workers <= 1`, or a handful of documents (start-up would cost more than it saves),
    runs in this process."""
    raws = iter(raws)
    first = list(islice(raws, BATCH_SIZE + 1))
    workers = workers if len(first) > BATCH_SIZE else 1
    batches = _batches(chain(first, raws))
    if workers <= 1:
        for batch in batches:
            yield from _pair(batch, run_batch(batch, coder, min_confidence))
        return
    # Fork, as nlp.pipe(n_process) does: spaCy and the tables are loaded once, here, and
    # shared copy-on-write; spawn would also re-run the caller's unguarded __main__.
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    _warm(coder)
    pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_worker_init,
                               initargs=(coder,))
    try:
        pending: deque[tuple[list[RawDoc], Future]] = deque()
        for batch in batches:
            pending.append((batch, pool.submit(run_batch, batch, coder, min_confidence)))
            if len(pending) >= workers * INFLIGHT:
                batch, fut = pending.popleft()
                yield from _pair(batch, fut.result())
        while pending:
            batch, fut = pending.popleft()
            yield from _pair(batch, fut.result())
    finally:  # interrupted or abandoned: queued batches are dropped, not coded
        pool.shutdown(wait=True, cancel_futures=True)


def _pair(batch: list[RawDoc], outcomes: list[Outcome]
          ) -> Iterator[tuple[RawDoc, AnnotatedDoc | NewsgraphError, list[Event]]]:
    for raw, o in zip(batch, outcomes, strict=True):
        yield (raw, o.error(), []) if isinstance(o, Failed) else (raw, o[0], o[1])


def _batches(raws: Iterable[RawDoc]) -> Iterator[list[RawDoc]]:
    it = iter(raws)
    while batch := list(islice(it, BATCH_SIZE)):
        yield batch


WARM_TEXT = b"""Russia and Iran sign drone deal
By Staff Writer
14 March 2025
MOSCOW - Russia sent drones to Iran on Tuesday, officials said.
"""


def _worker_init(coder: str) -> None:
    """Ctrl-C is the writer's to handle; a worker whose parent is killed exits too
    (Linux), instead of waiting on its queue forever."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the pool's own checks remain
    _warm(coder)


def _warm(coder: str) -> None:
    """Load spaCy, the dictionaries, the cleaner's date patterns and the coder's tables
    once, before workers fork, so none of them pays it again."""
    import hashlib

    for raw in (RawDoc(hashlib.sha256(WARM_TEXT).hexdigest(), "warm.txt", "warm.txt",
                       "text/plain", WARM_TEXT, "2025-03-14T00:00:00Z"),):
        run_batch([raw], coder)
