"""Linking speed and memory: documents/s at growing store sizes, parsing excluded.

    .venv/bin/python benchmarks/bench_link.py [--docs 10000] [--block 1000] [--db PATH]

Writes synthetic documents straight to a fresh store (`store.add_document`, no cleaning
or parsing) and times `link.link_document` on each: a 150-word body drawn from a
20,000-word vocabulary (so bodies share few shingles, as real news does), every tenth
document a copy of an earlier one under other page chrome, three events per document
between 60 actors over 16 types, dated over three years. Prints, per block of documents,
documents/s, wall and CPU ms per document (the cost of one more document as the store
grows) and peak RSS so far, then totals and the store's size. Run on demand; not part of
the test suite.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import resource
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from newsgraph import link, store
from newsgraph.model import AnnotatedDoc, Article, Block, Claim, Event, Evidence, RawDoc

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


def synthetic(i: int, rng: random.Random, vocab: list[str], actors: list[str],
              bodies: list[str]) -> tuple[RawDoc, AnnotatedDoc, list[Event]]:
    if bodies and i % 10 == 9:  # a syndicated copy
        body = "Home | World | Sign in\n" + rng.choice(bodies) + "\nOriginally published by Wire."
    else:
        body = " ".join(rng.choice(vocab) for _ in range(150)) + "."
        bodies.append(body)
        if len(bodies) > 2000:
            bodies.pop(0)
    name = f"doc-{i}"
    data = (name + body).encode()
    raw = RawDoc(hashlib.sha256(data).hexdigest(), name, name, "text/plain", data,
                 "2025-01-01T00:00:00Z")
    published = (date(2023, 1, 1) + timedelta(days=rng.randrange(1095))).isoformat()
    art = Article(raw.id, name, name, body, published, "input", f"outlet-{i % 300}", None,
                  None, (Block("en", 0, len(body)),))
    events = []
    for k in range(3):
        s, t = rng.sample(actors, 2)
        dated = rng.random() < 0.5
        events.append(Event(
            rng.choice(TYPES), None, (s,), (t,), s, t, Evidence(name, body[:80], k, 80),
            date=published if dated else None, date_precision="day" if dated else None,
            claims=(Claim(rng.choice(actors), rng.choice(("asserts", "denies"))),),
            confidence=0.9, coder="bench"))
    return raw, AnnotatedDoc(art, (), ()), events


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--block", type=int, default=1_000)
    ap.add_argument("--db", type=Path)
    args = ap.parse_args()
    rng = random.Random(7)
    vocab = [f"w{n}" for n in range(20_000)]
    actors = [f"A{n:02d}" for n in range(60)]
    path = args.db or Path(tempfile.mkdtemp()) / "bench_link.db"
    conn = store.connect(path)
    bodies: list[str] = []
    print(f"{'documents':>10} {'docs/s':>8} {'ms/doc':>8} {'CPU ms/doc':>10} {'peak RSS MB':>11}")
    linked = 0.0
    for start in range(0, args.docs, args.block):
        block = cpu = 0.0
        for i in range(start, min(start + args.block, args.docs)):
            raw, doc, evs = synthetic(i, rng, vocab, actors, bodies)
            store.add_document(conn, raw, doc, evs)
            t, c = time.perf_counter(), time.process_time()
            link.link_document(conn, raw.id)
            block += time.perf_counter() - t
            cpu += time.process_time() - c
        n = min(start + args.block, args.docs) - start
        linked += block
        # CPU time is the steadier figure on a shared machine (wall time waits for others)
        print(f"{start + n:>10} {n / block:>8.1f} {1000 * block / n:>8.2f}"
              f" {1000 * cpu / n:>10.2f} {_rss():>11.0f}", flush=True)
    rss = _rss()
    facts = conn.execute("SELECT count(*) FROM facts").fetchone()[0]
    copies = conn.execute("SELECT count(*) FROM copies").fetchone()[0]
    print(f"{args.docs} documents linked in {linked:.1f} s ({args.docs / linked:.1f} docs/s);"
          f" {facts} facts, {copies} copies; peak RSS {rss:.0f} MB;"
          f" store {path.stat().st_size / 1e6:.0f} MB")


def _rss() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
