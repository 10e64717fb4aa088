"""The pipeline: read → clean → annotate → extract → store, as one chain of stage functions.

Each stage is a plain function over the immutable records of `model.py`. Errors
are values: a bad file, line or document is reported through `on_error` and the
rest of the batch carries on.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from .errors import Errors, NewsgraphError
from .model import AnnotatedDoc, Article, Event, RawDoc
from .sources import DEFAULT_MAX_BYTES

BATCH_SIZE = 32  # documents cleaned together (lines repeated across a batch are boilerplate)
PARSE_CHUNK = 256  # documents handed to the parser's worker processes at once

OnError = Callable[[NewsgraphError], None]


@dataclass
class IngestSummary:
    read: int = 0  # raw documents read (files, JSONL lines)
    new: int = 0  # stored by this run
    duplicate: int = 0  # same bytes already stored (or twice in this run): skipped
    failed: int = 0  # inputs reported as errors, at any stage
    events: int = 0
    claims: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Something is in the store for this run's inputs."""
        return self.new + self.duplicate > 0

    def line(self) -> str:
        return (
            f"{self.new} new documents stored, {self.duplicate} already stored, "
            f"{self.failed} failed; {self.events} events, {self.claims} claims; "
            f"{self.seconds:.1f} s"
        )


def stderr_errors(err: NewsgraphError) -> None:
    print(f"newsgraph: {err.line()}", file=sys.stderr, flush=True)


# --- stages -----------------------------------------------------------------------------


def read(paths: Iterable[str], max_bytes: int, on_error: OnError) -> Iterator[RawDoc]:
    """Every reader's RawDocs; errors go to `on_error`, notes (what a reader skipped on
    purpose, such as a WARC's request records) to stderr."""
    from .sources import Note, read_paths

    for item in read_paths([str(p) for p in paths], max_bytes):
        if isinstance(item, NewsgraphError):
            on_error(item)
        elif isinstance(item, Note):
            print(f"newsgraph: {item.line()}", file=sys.stderr, flush=True)
        else:
            yield item


def clean(raws: Iterable[RawDoc], on_error: OnError,
          batch_size: int = BATCH_SIZE) -> Iterator[tuple[RawDoc, Article]]:
    """Clean in batches (the cleaner learns a site's repeated lines from its batch)."""
    from . import clean as cleaner

    it = iter(raws)
    while batch := list(islice(it, batch_size)):
        try:
            results = cleaner.clean_batch(batch)
        except Exception:  # a bug on one page must not sink its batch
            results = [_guard(cleaner.clean, raw) for raw in batch]
        for raw, result in zip(batch, results, strict=True):
            if isinstance(result, NewsgraphError):
                on_error(_located(result, raw))
            else:
                yield raw, result


def annotate(pairs: Iterable[tuple[RawDoc, Article]],
             n_process: int) -> Iterator[tuple[RawDoc, AnnotatedDoc]]:
    """Parse with spaCy (n_process workers), a chunk at a time so memory stays bounded
    and documents reach the store while the rest are still being read."""
    from .annotate import annotate_many

    it = iter(pairs)
    while chunk := list(islice(it, PARSE_CHUNK)):
        docs = annotate_many([a for _, a in chunk], n_process=n_process)
        for (raw, _), doc in zip(chunk, docs, strict=True):
            yield raw, doc


def extract(docs: Iterable[tuple[RawDoc, AnnotatedDoc]], on_error: OnError,
            coder: str = "rules", min_confidence: float | None = None
            ) -> Iterator[tuple[RawDoc, AnnotatedDoc, list[Event]]]:
    from . import events

    for raw, doc in docs:
        events_or_error = _guard(events.extract, doc, coder, min_confidence)
        if isinstance(events_or_error, NewsgraphError):
            on_error(_located(events_or_error, raw))
        else:
            yield raw, doc, events_or_error


def process(raws: Iterable[RawDoc], on_error: OnError, n_process: int = 1,
            coder: str = "rules", min_confidence: float | None = None
            ) -> Iterator[tuple[RawDoc, AnnotatedDoc, list[Event]]]:
    """The whole chain after reading: clean → annotate → extract."""
    from . import events

    events.get(coder)  # an unknown coder is a usage error (KeyError), before any work
    raws = iter(raws)
    first = list(islice(raws, BATCH_SIZE + 1))
    if len(first) <= BATCH_SIZE:  # a handful of documents: worker start-up costs more than it saves
        n_process = 1
    pairs = clean(_chain(first, raws), on_error)
    return extract(annotate(pairs, n_process), on_error, coder, min_confidence)


# --- entry points ---------------------------------------------------------------------


def ingest(
    paths: Iterable[str | Path],
    db: str | Path,
    n_process: int = 2,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_error: OnError = stderr_errors,
    progress: bool = True,
    coder: str = "rules",
    min_confidence: float | None = None,
) -> IngestSummary:
    """Read, clean, annotate, extract and store every document under `paths`.

    Bytes already in the store are skipped before any parsing; each document is
    stored in its own transaction, so an interrupted run loses nothing stored.
    """
    from tqdm import tqdm

    from . import events, link, parallel, store

    events.get(coder)  # an unknown coder is a usage error (KeyError), before any work
    paths = [str(p) for p in paths]
    summary = IngestSummary()
    started = time.perf_counter()
    conn = store.connect(db)
    link.catch_up(conn)  # documents an older store or an interrupted run left unlinked
    bar = tqdm(unit="doc", desc="ingest", disable=None if progress else True,
               file=sys.stderr, dynamic_ncols=True)
    if not bar.disable:
        bar.reset(total=count_inputs(paths, max_bytes))

    def report(err: NewsgraphError) -> None:
        summary.failed += 1
        bar.update(1)
        bar.clear()
        on_error(err)
        bar.refresh()

    def unseen(raws: Iterable[RawDoc]) -> Iterator[RawDoc]:
        seen: set[str] = set()
        for raw in raws:
            summary.read += 1
            if raw.id in seen or store.known(conn, raw.id):
                summary.duplicate += 1
                bar.update(1)
                continue
            seen.add(raw.id)
            yield raw

    try:
        # Workers clean, parse and code; this process alone writes, in input order.
        for raw, doc, evs in parallel.process(unseen(read(paths, max_bytes, report)),
                                              n_process, coder, min_confidence):
            if isinstance(doc, NewsgraphError):
                report(doc)
                continue
            stored = store.add_document(conn, raw, doc, evs)
            if stored is None:  # stored meanwhile by another writer
                summary.duplicate += 1
            else:
                link.link_document(conn, raw.id)  # copies and facts, right after the commit
                summary.new += 1
                summary.events += stored[0]
                summary.claims += stored[1]
            bar.update(1)
    finally:
        bar.close()
        conn.close()
        summary.seconds = time.perf_counter() - started
    return summary


def extract_events(
    paths: Iterable[str | Path],
    n_process: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_error: OnError = stderr_errors,
    coder: str = "rules",
    min_confidence: float | None = None,
) -> Iterator[Event]:
    """Events of every document under `paths` (`-` is stdin), no database."""
    raws = _unique(read(paths, max_bytes, on_error))
    for _raw, _doc, evs in process(raws, on_error, n_process, coder, min_confidence):
        yield from evs


def clean_docs(
    paths: Iterable[str | Path],
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_error: OnError = stderr_errors,
) -> Iterator[Article]:
    """Clean articles of every document under `paths` (`-` is stdin), no database."""
    for _raw, article in clean(_unique(read(paths, max_bytes, on_error)), on_error):
        yield article


# --- helpers ----------------------------------------------------------------------------


def count_inputs(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> int | None:
    """How many documents `read` will give (files, URLs, plus lines of JSONL files), for
    the progress bar; None when it cannot be known cheaply (stdin, gzipped JSONL, WARC,
    feeds, files of URLs)."""
    from .sources.files import iter_files, kind_of
    from .sources.urls import URL_LIST, is_url

    total = 0
    for p in paths:
        if str(p) == "-" or str(p).startswith(URL_LIST):
            return None
        if is_url(str(p)):
            total += 1
            continue
        path = Path(p)
        for f in iter_files(path) if path.is_dir() else [path]:
            kind = kind_of(f)
            if kind in ("warc", "feed") or (kind == "jsonl" and f.suffix.lower() == ".gz"):
                return None
            total += _count_lines(f) if kind == "jsonl" and f.is_file() else 1
    return total


def _count_lines(path: Path) -> int:
    """Non-blank lines, read a megabyte at a time (one line may be larger than memory)."""
    n, pending = 0, False  # pending: the unfinished line so far holds non-blank bytes
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                *done, rest = chunk.split(b"\n")
                for part in done:
                    n += pending or bool(part.strip())
                    pending = False
                pending = pending or bool(rest.strip())
    except OSError:
        return 1
    return n + pending


def _guard(fn, *args):
    """Run one stage on one document; an error (or a bug) becomes a value."""
    try:
        return fn(*args)
    except NewsgraphError as e:
        return e
    except Exception as e:
        return NewsgraphError(Errors.E014, detail=f"{fn.__module__}.{fn.__name__}: "
                              f"{type(e).__name__}: {e}")


def _located(err: NewsgraphError, raw: RawDoc) -> NewsgraphError:
    if not err.path:
        err.path = raw.origin
    return err


def _unique(raws: Iterable[RawDoc]) -> Iterator[RawDoc]:
    """The same bytes twice are one document."""
    seen: set[str] = set()
    for raw in raws:
        if raw.id not in seen:
            seen.add(raw.id)
            yield raw


def _chain(first: list[RawDoc], rest: Iterator[RawDoc]) -> Iterator[RawDoc]:
    yield from first
    yield from rest
