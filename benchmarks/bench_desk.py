"""Latency of the desk's API on a large store, with 8 concurrent clients, while an ingest writes.

    .venv/bin/python benchmarks/bench_desk.py [--db STORE] [--events 1000000] [--clients 8]
                                              [--requests 400] [--no-writer] [--json]

Builds the synthetic store (benchmarks/desk_store.py) when `--db` does not exist, starts
`newsgraph serve` on a free loopback port, starts `newsgraph ingest` over a copy of the
sample corpus into the same store (the writer; it also links each document), and sends
`--requests` requests per endpoint from `--clients` threads, each with its own keep-alive
connection. Prints p50/p95/max per endpoint and the server's CPU ms per request. Run on
demand; not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import build_corpus  # noqa: E402
from desk_store import build  # noqa: E402

from newsgraph.store import connect  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph", "--db", str(db), "serve",
                             "--port", str(port)], stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(url + "/api/v1/facts?limit=1", timeout=5).status_code == 200:
                return proc, url
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("serve did not start")


def workload(db: Path, n: int, rng: random.Random) -> dict[str, list[str]]:
    """`n` request paths per endpoint, drawn from what the store holds."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    facts = [r[0] for r in conn.execute("SELECT id FROM facts ORDER BY random() LIMIT 2000")]
    actors = [r[0] for r in conn.execute(
        "SELECT code FROM fact_actors GROUP BY code ORDER BY count(*) DESC LIMIT 40")]
    body = conn.execute("SELECT body FROM articles ORDER BY random() LIMIT 200").fetchall()
    words = sorted({w.strip(".").lower() for (b,) in body for w in b.split() if len(w) > 4})
    types = ["AID", "ACCUSE", "SANCTION", "CONSULT", "ASSAULT"]
    conn.close()
    pick = rng.choice
    return {
        "facts list": [f"/api/v1/facts?limit=50&actor={pick(actors)}" if i % 2 else
                       f"/api/v1/facts?limit=50&type={pick(types)}" for i in range(n)],
        "fact page": [f"/api/v1/facts/{pick(facts)}" for _ in range(n)],
        "actor timeline": [f"/api/v1/actors/{pick(actors)}/facts?limit=50" for _ in range(n)],
        "graph": [f"/api/v1/graph?actor={pick(actors)}&type={pick(types)}" if i % 2 else
                  f"/api/v1/graph?since=2025-{1 + i % 12:02d}&until=2025-{1 + i % 12:02d}"
                  f"&type={pick(types)}" for i in range(n)],
        "search": [f"/api/v1/search?q={pick(words)}+{pick(words)}&limit=20" if i % 2 else
                   f"/api/v1/search?q={pick(words)}&limit=20" for i in range(n)],
    }


def run(url: str, paths: list[str], clients: int) -> tuple[list[float], int]:
    """Latencies (ms) of `paths` sent by `clients` threads; and the count of non-200s."""
    lat: list[float] = []
    bad = 0
    lock = threading.Lock()
    todo = iter(paths)

    def worker() -> None:
        nonlocal bad
        with httpx.Client(base_url=url, timeout=60) as c:
            while True:
                with lock:
                    path = next(todo, None)
                if path is None:
                    return
                t = time.perf_counter()
                r = c.get(path)
                ms = (time.perf_counter() - t) * 1000
                with lock:
                    lat.append(ms)
                    bad += r.status_code != 200

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return lat, bad


def server_cpu(pid: int) -> float:
    """CPU seconds the server has used (user + system): per request, the figure a busy
    machine does not inflate the way it inflates latency."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pct(xs: list[float], p: float) -> float:
    return statistics.quantiles(xs, n=100)[int(p) - 1] if len(xs) > 1 else xs[0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "desk-bench.db")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--no-writer", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    if not a.db.exists():
        build(a.db, a.events)
    # The desk only reads: bring an older store to this schema (its read tables) first,
    # as the next ingest would.
    connect(a.db).close()
    rng = random.Random(7)
    loads = workload(a.db, a.requests, rng)
    proc, url = serve(a.db)
    writer = None
    tmp = tempfile.TemporaryDirectory(prefix="desk-bench-")
    try:
        if not a.no_writer:
            build_corpus(Path(tmp.name), words=2_000_000)
            writer = subprocess.Popen(
                [sys.executable, "-m", "newsgraph", "--db", str(a.db), "ingest", tmp.name,
                 "--processes", "1", "--no-progress"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                env={**os.environ, "PYTHONUNBUFFERED": "1"})
            time.sleep(15)  # past spaCy's start-up: documents are being stored
        for paths in loads.values():  # one warm-up pass (page cache, actor dictionary)
            run(url, paths[:16], a.clients)
        results = {}
        for name, paths in loads.items():
            cpu = server_cpu(proc.pid)
            lat, bad = run(url, paths, a.clients)
            cpu = server_cpu(proc.pid) - cpu
            results[name] = {"p50_ms": round(pct(lat, 50), 1), "p95_ms": round(pct(lat, 95), 1),
                             "max_ms": round(max(lat), 1), "requests": len(lat), "errors": bad,
                             "server_cpu_ms": round(1000 * cpu / len(lat), 1)}
        writing = writer is not None and writer.poll() is None
    finally:
        if writer is not None:
            writer.terminate()
            writer.wait()
        proc.terminate()
        proc.wait()
        tmp.cleanup()
    conn = sqlite3.connect(a.db)
    size = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("events", "facts", "articles")}
    conn.close()
    out = {"store": size, "clients": a.clients, "writer_running_throughout": writing,
           "load_average": [round(x, 2) for x in os.getloadavg()], "endpoints": results}
    if a.json:
        print(json.dumps(out))
        return 0
    print(f"store: {size['events']:,} events, {size['facts']:,} facts, "
          f"{size['articles']:,} documents; {a.clients} clients; "
          f"ingest writing throughout: {writing}; load average {out['load_average']}")
    print(f"{'endpoint':<16}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'requests':>10}{'non-200':>9}"
          f"{'server CPU ms/req':>19}")
    for name, r in results.items():
        print(f"{name:<16}{r['p50_ms']:>9}{r['p95_ms']:>9}{r['max_ms']:>9}{r['requests']:>10}"
              f"{r['errors']:>9}{r['server_cpu_ms']:>19}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
