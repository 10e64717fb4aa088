"""Coder speed: sentences per second on 2 cores, parsing excluded.

    .venv/bin/python benchmarks/bench_coder.py [--workers 2] [--repeat 3] [--limit N]

Reads the PLV sentences from ../shared/data/plover/PLV_train.tsv. Each worker process
parses its share first (spaCy, and for the rule coder the full `annotate`: sentences and
actor mentions) without timing, then times only the coding step, `--repeat` times:
  classify  `newsgraph.classify.classify_parsed` on the parsed sentence and the two given spans
  rules     `newsgraph.events.extract(doc, coder="rules")` on the pre-annotated doc
Prints sentences/s on the wall clock of the slowest worker (the workers run side by side) and
CPU ms per sentence. Run on demand; not part of the test suite.
"""

from __future__ import annotations

import argparse
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from newsgraph.evaluate.plover import _article, read_plv

PLV = Path(__file__).resolve().parents[2] / "shared" / "data" / "plover" / "PLV_train.tsv"


def _classify_worker(args: tuple[list[dict], int]) -> tuple[int, float, float]:
    from newsgraph.classify import classify_parsed
    from newsgraph.nlp import english

    rows, repeat = args
    docs = list(english().pipe((r["sentence"] for r in rows), batch_size=64))
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for r, doc in zip(rows, docs, strict=True):
            classify_parsed(doc, r["source"], r["target"])
    return len(rows) * repeat, time.perf_counter() - wall, time.process_time() - cpu


def _rules_worker(args: tuple[list[dict], int]) -> tuple[int, float, float]:
    from newsgraph.annotate import annotate_many
    from newsgraph.events import extract

    rows, repeat = args
    docs = list(annotate_many([_article(r["sentence"], f"plv:{i}") for i, r in enumerate(rows)]))
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for doc in docs:
            extract(doc, coder="rules")
    return len(rows) * repeat, time.perf_counter() - wall, time.process_time() - cpu


def run(worker, rows: list[dict], workers: int, repeat: int) -> tuple[float, float]:
    """(sentences/s, CPU ms per sentence) with `workers` processes coding side by side."""
    shares = [rows[i::workers] for i in range(workers)]
    with ProcessPoolExecutor(workers) as pool:
        parts = list(pool.map(worker, [(s, repeat) for s in shares]))
    n = sum(p[0] for p in parts)
    slowest = max(p[1] for p in parts)
    cpu = sum(p[2] for p in parts)
    return n / slowest, 1000 * cpu / n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--tsv", default=str(PLV))
    args = ap.parse_args()
    rows = read_plv(args.tsv, args.limit)
    print(f"{len(rows)} sentences, {args.workers} workers, {args.repeat} repeats, parsing excluded")
    for name, worker in (("classify (given actors)", _classify_worker),
                         ("rules coder (extract)", _rules_worker)):
        rate, ms = run(worker, rows, args.workers, args.repeat)
        print(f"{name:<24} {rate:9.0f} sentences/s   {ms:6.2f} CPU ms/sentence")


if __name__ == "__main__":
    main()
