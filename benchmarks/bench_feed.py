"""Reading and ingesting a large JSONL feed: throughput and peak memory.

    .venv/bin/python benchmarks/bench_feed.py [--read-mb 1000] [--ingest-mb 5] [--gz] [--json]

Builds a JSONL feed of about `--read-mb` MB from the sample corpus in examples/ (each line one
article, each copy with its own id so its bytes differ), then, each in its own child process:
  read    streams the feed through `newsgraph.sources.read_paths` (one RawDoc at a time);
  ingest  runs `newsgraph.pipeline.ingest` (read → clean → parse → code → SQLite) over the
          first `--ingest-mb` MB, 2 parser processes.
Peak RSS is the child's ru_maxrss (and, for ingest, its largest worker's). Run on demand; it
is not part of the test suite.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def articles() -> list[tuple[str, str, str]]:
    """(name, field, content) of every text and HTML article of the sample corpus."""
    out = []
    for p in sorted(EXAMPLES.rglob("*")):
        if p.suffix in (".txt", ".html") and p.name != "README.txt":
            out.append((p.stem, "html" if p.suffix == ".html" else "text",
                        p.read_text("utf-8", errors="replace")))
    return out


def build_feed(path: Path, mb: float, gz: bool) -> tuple[int, int]:
    """Lines and bytes (uncompressed) written."""
    arts = articles()
    target = int(mb * 1_000_000)
    n = size = 0
    opener = gzip.open if gz else open
    with opener(path, "wb") as fh:
        while size < target:
            name, field, content = arts[n % len(arts)]
            line = json.dumps({"id": f"{n:07d}-{name}", field: content,
                               "url": f"https://bench.example/{n}/{name}"}).encode() + b"\n"
            fh.write(line)
            n += 1
            size += len(line)
    return n, size


def _peak() -> dict:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"rss_mb": me.ru_maxrss / 1024, "worker_rss_mb": kids.ru_maxrss / 1024,
            "cpu_s": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime}


def child_read(feed: str) -> dict:
    from newsgraph.model import RawDoc
    from newsgraph.sources import read_paths

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    docs = errors = 0
    for item in read_paths([feed]):
        if isinstance(item, RawDoc):
            docs += 1
        else:
            errors += 1
    return {"docs": docs, "errors": errors, "seconds": time.perf_counter() - started,
            "rss_before_mb": before, **_peak()}


def child_ingest(feed: str, db: str) -> dict:
    from newsgraph.pipeline import ingest

    started = time.perf_counter()
    s = ingest([feed], db, n_process=2, progress=False, on_error=lambda e: None)
    return {"docs": s.new, "failed": s.failed, "events": s.events,
            "seconds": time.perf_counter() - started, **_peak()}


def run_child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--read-mb", type=float, default=1000)
    ap.add_argument("--ingest-mb", type=float, default=5)
    ap.add_argument("--gz", action="store_true", help="gzip the feed")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        print(json.dumps(child_read(*rest) if kind == "read" else child_ingest(*rest)))
        return 0
    with tempfile.TemporaryDirectory() as d:
        suffix = ".jsonl.gz" if args.gz else ".jsonl"
        big, small = Path(d) / f"big{suffix}", Path(d) / f"small{suffix}"
        lines, size = build_feed(big, args.read_mb, args.gz)
        read = run_child("read", str(big))
        read.update(lines=lines, mb=size / 1e6, mb_per_s=size / 1e6 / read["seconds"])
        report = {"read": read}
        if args.ingest_mb > 0:
            lines, size = build_feed(small, args.ingest_mb, args.gz)
            ingest = run_child("ingest", str(small), str(Path(d) / "s.db"))
            ingest.update(lines=lines, mb=size / 1e6, docs_per_s=ingest["docs"] /
                          ingest["seconds"], mb_per_s=size / 1e6 / ingest["seconds"])
            report["ingest"] = ingest
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        r = report["read"]
        print(f"read:   {r['mb']:.0f} MB, {r['docs']:,} lines in {r['seconds']:.1f} s "
              f"({r['mb_per_s']:.0f} MB/s); peak RSS {r['rss_mb']:.0f} MB "
              f"({r['rss_before_mb']:.0f} MB before reading)")
        if "ingest" in report:
            i = report["ingest"]
            print(f"ingest: {i['mb']:.1f} MB, {i['docs']:,} documents in {i['seconds']:.1f} s "
                  f"({i['docs_per_s']:.1f} docs/s, {i['mb_per_s']:.2f} MB/s); peak RSS "
                  f"{i['rss_mb']:.0f} MB main + {i['worker_rss_mb']:.0f} MB largest worker")
    return 0


if __name__ == "__main__":
    sys.exit(main())
