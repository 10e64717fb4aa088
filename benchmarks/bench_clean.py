"""Cleaning throughput: pages per second on the benchmark pages, HTML and text dumps.

    .venv/bin/python benchmarks/bench_clean.py [--workers 2] [--repeat 1]

Loads the 181 article-extraction pages and the 200 htmldate pages from
../shared/data, renders text dumps of them up front (not timed), then times
`clean_html` over the HTML pages and `newsgraph.clean.clean` over the dumps in
a pool of `--workers` processes. Prints pages/s (wall clock) and the CPU
seconds per page the workers spent. Run on demand; not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate.clean_bench import body_pages, date_pages, to_raw
from newsgraph.model import RawDoc

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def _clean_one(raw: RawDoc) -> int:
    try:
        if raw.content_type == "text/html":
            from newsgraph.clean.html import clean_html

            return len(clean_html(raw).body)
        from newsgraph.clean import clean

        return len(clean(raw).body)
    except NewsgraphError:
        return 0


def _warm(_: int) -> None:  # import the libraries in each worker before timing
    import newsgraph.clean  # noqa: F401
    import newsgraph.clean.html  # noqa: F401


def run(raws: list[RawDoc], workers: int) -> tuple[float, float]:
    """(wall seconds, worker CPU seconds) to clean `raws`."""
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(_warm, range(workers)))
        cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        list(pool.map(_clean_one, raws, chunksize=4))
        wall = time.perf_counter() - t0
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)  # children are reaped at pool exit
    return wall, (cpu1.ru_utime + cpu1.ru_stime) - (cpu0.ru_utime + cpu0.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=1, help="pass over the pages this many times")
    args = ap.parse_args()
    pages = (body_pages(SHARED / "article-extraction-benchmark")
             + date_pages(SHARED / "htmldate-mediacloud-2020"))
    html = [to_raw(p, "html") for p in pages] * args.repeat
    text = [to_raw(p, "text") for p in pages] * args.repeat
    mb_html = sum(len(r.data) for r in html) / 1e6
    mb_text = sum(len(r.data) for r in text) / 1e6
    print(f"{len(html)} pages, {args.workers} workers, {os.cpu_count()} CPUs visible")
    for name, raws, mb in (("html", html, mb_html), ("text dumps", text, mb_text)):
        wall, cpu = run(raws, args.workers)
        print(f"{name:<11} {len(raws) / wall:7.1f} pages/s  {mb / wall:6.2f} MB/s  "
              f"({wall:.1f} s wall, {1000 * cpu / len(raws):.0f} ms CPU per page, "
              f"{mb:.1f} MB in)")


if __name__ == "__main__":
    main()
