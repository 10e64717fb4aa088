"""Reading and ingesting a large JSONL feed: throughput and peak memory.

    .venv/bin/python benchmarks/bench_feed.py [--read-mb 1000] [--ingest-mb 5] [--gz] [--json]

Builds a JSONL feed of about `--read-mb` MB from the sample corpus in examples/ (each line one
article, each copy with its own id so its bytes differ), then, each in its own child process:
  read    streams the feed through `newsgraph.sources.read_paths` (one RawDoc at a time);
  ingest  runs `newsgraph.pipeline.ingest` (read → clean → parse → code → SQLite) over the
          first `--ingest-mb` MB, 2 parser processes.
Peak RSS is the child's ru_maxrss (and, for ingest, its largest worker's). With `--progress N`
the ingest prints a line every N seconds while it runs: documents stored (counted through a
read-only connection), documents/s overall and since the last line, and the current and peak
RSS of the ingest process and of each worker (sampled from /proc by procstat.py), so a run too
long to wait for still shows its rate and whether memory is flat or growing. `--read-mb 0`
skips the read measurement. Run on demand; it is not part of the test suite.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from procstat import Descendants  # noqa: E402

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


def run_ingest_logged(feed: str, db: str, every: float) -> dict:
    """`run_child("ingest", ...)`, printing a progress line every `every` seconds."""
    child = subprocess.Popen([sys.executable, __file__, "--child", "ingest", feed, db],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    started, last = time.perf_counter(), (0.0, 0)
    with Descendants(root=child.pid, interval=1.0) as kids:
        while child.poll() is None:
            time.sleep(min(every, 5.0))
            now = time.perf_counter() - started
            if now - last[0] >= every:
                docs = _stored(db)
                print(_progress_line(now, docs, last, child.pid, kids), flush=True)
                last = (now, docs)
    out = child.stdout.read() if child.stdout else ""
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, "ingest child")
    return json.loads(out.strip().splitlines()[-1])


def _stored(db: str) -> int:
    """Documents committed so far (0 before the store exists)."""
    import sqlite3

    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def _rss_mb(pid: int) -> tuple[float, float]:
    """(current VmRSS, peak VmHWM) of a process in MB; zeros once it has gone."""
    got = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(("VmRSS:", "VmHWM:")):
                got[line[:5]] = int(line.split()[1]) / 1024
    except OSError:
        pass
    return got.get("VmRSS", 0.0), got.get("VmHWM", 0.0)


def _pss_mb(pid: int) -> float:
    """Proportional set size in MB: pages shared with the forked workers counted once
    between them, so main + workers adds up to what the ingest really holds."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _progress_line(now: float, docs: int, last: tuple[float, int], pid: int,
                   kids: Descendants) -> str:
    rate = docs / now if now else 0.0
    recent = (docs - last[1]) / (now - last[0]) if now > last[0] else 0.0
    main_rss, main_peak = _rss_mb(pid)
    busy = [w for w in sorted(kids.cpu_s) if _rss_mb(w)[1] > 50]
    workers = " ".join(f"{_rss_mb(w)[0]:.0f}/{_rss_mb(w)[1]:.0f}" for w in busy)
    pss = sum(_pss_mb(x) for x in [pid, *busy])
    load = os.getloadavg()[0]
    return (f"{time.strftime('%H:%M:%S')} {now:7.0f} s {docs:7,} docs {rate:6.2f} docs/s "
            f"(last {recent:6.2f}); RSS MB now/peak main {main_rss:.0f}/{main_peak:.0f} "
            f"workers {workers}; PSS all {pss:.0f} MB; load {load:.1f}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--read-mb", type=float, default=1000)
    ap.add_argument("--ingest-mb", type=float, default=5)
    ap.add_argument("--gz", action="store_true", help="gzip the feed")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--progress", type=float, default=0,
                    help="print ingest progress and RSS every N seconds")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        print(json.dumps(child_read(*rest) if kind == "read" else child_ingest(*rest)))
        return 0
    with tempfile.TemporaryDirectory() as d:
        suffix = ".jsonl.gz" if args.gz else ".jsonl"
        big, small = Path(d) / f"big{suffix}", Path(d) / f"small{suffix}"
        report: dict = {}
        if args.read_mb > 0:
            lines, size = build_feed(big, args.read_mb, args.gz)
            read = run_child("read", str(big))
            read.update(lines=lines, mb=size / 1e6, mb_per_s=size / 1e6 / read["seconds"])
            report["read"] = read
        if args.ingest_mb > 0:
            lines, size = build_feed(small, args.ingest_mb, args.gz)
            if args.progress:
                print(f"ingest: {lines:,} lines, {size / 1e6:.1f} MB", flush=True)
                ingest = run_ingest_logged(str(small), str(Path(d) / "s.db"), args.progress)
            else:
                ingest = run_child("ingest", str(small), str(Path(d) / "s.db"))
            ingest.update(lines=lines, mb=size / 1e6, docs_per_s=ingest["docs"] /
                          ingest["seconds"], mb_per_s=size / 1e6 / ingest["seconds"])
            report["ingest"] = ingest
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        if "read" in report:
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
