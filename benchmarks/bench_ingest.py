"""Ingest throughput and peak memory, with spaCy alone over the same texts as the reference.

    .venv/bin/python benchmarks/bench_ingest.py [--words 200000] [--processes 2] [--json]

Builds a corpus of at least `--words` words from the sample corpus (benchmarks/corpus.py),
runs `newsgraph.pipeline.ingest` over it into a fresh SQLite file, then runs
`newsgraph.nlp.stock().pipe` (spaCy as shipped) over the clean bodies that ingest stored,
with the same number of processes. Each measurement runs in its own child process, so the
peak RSS of one (and of its worker processes, sampled from /proc by procstat.py) does not
leak into the other. A third child runs the stages one after the other in one process and
reports the CPU seconds of each (the cost model in docs/scale.md).
Run on demand; it is not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import build_corpus  # noqa: E402
from procstat import Descendants  # noqa: E402

BATCH_SIZE = 16  # texts per spaCy batch, as newsgraph.annotate.annotate_many uses


# --- measurements (each runs in a child process) -------------------------------------------


def _rusage(kids: Descendants) -> dict:
    """Peak RSS (MB) of this process and of its largest worker, and CPU seconds of all."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    workers = kids.summary()
    return {
        "rss_main_mb": round(me.ru_maxrss / 1024, 1),  # Linux reports KiB
        **workers,
        "cpu_s": round(me.ru_utime + me.ru_stime + workers["cpu_workers_s"], 1),
    }


def _bodies(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT body FROM articles ORDER BY num")]


def measure_ingest(corpus: Path, db: Path, processes: int) -> dict:
    from newsgraph.nlp import blas, english
    from newsgraph.pipeline import ingest

    errors: list[str] = []
    started = time.perf_counter()
    with Descendants() as kids:
        summary = ingest([corpus], db, n_process=processes, on_error=lambda e: errors.append(
            e.line()), progress=False)
    wall = time.perf_counter() - started
    bodies = _bodies(db)
    return {
        "wall_s": round(wall, 2),
        "articles": len(bodies),
        "words": sum(len(b.split()) for b in bodies),
        "read": summary.read,
        "new": summary.new,
        "duplicate": summary.duplicate,
        "failed": summary.failed,
        "errors": errors[:5],
        "events": summary.events,
        "claims": summary.claims,
        "blas": blas(),
        "pipes": english().pipe_names,
        **_rusage(kids),
    }


def measure_spacy(db: Path, processes: int) -> dict:
    # spaCy as shipped: not newsgraph.nlp.english(), whose BLAS and morphology are tuned
    from newsgraph.nlp import stock

    texts = _bodies(db)
    started = time.perf_counter()
    with Descendants() as kids:
        nlp = stock()
        loaded = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, n_process=processes,
                                                   batch_size=BATCH_SIZE))
    wall = time.perf_counter() - started
    return {
        "wall_s": round(wall, 2),
        "load_s": round(loaded - started, 2),
        "articles": len(texts),
        "words": sum(len(t.split()) for t in texts),
        "tokens": tokens,
        **_rusage(kids),
    }


def measure_stages(corpus: Path, db: Path) -> dict:
    """CPU seconds of each stage, one after the other in this one process (no workers),
    for the cost model in docs/scale.md."""
    from newsgraph import events, link, pipeline, store
    from newsgraph.annotate import _assemble
    from newsgraph.focus import parse_view
    from newsgraph.nlp import english

    cpu: dict[str, float] = {}

    def timed(name, fn):
        me = resource.getrusage(resource.RUSAGE_SELF)
        before = me.ru_utime + me.ru_stime
        out = fn()
        me = resource.getrusage(resource.RUSAGE_SELF)
        cpu[name] = round(me.ru_utime + me.ru_stime - before, 2)
        return out

    raws = timed("read", lambda: list(pipeline.read([corpus], 1 << 30, lambda e: None)))
    pairs = timed("clean", lambda: list(pipeline.clean(raws, lambda e: None)))
    nlp = timed("load spaCy", english)
    parses = timed("parse (spaCy)", lambda: list(nlp.pipe(
        [parse_view(a) for _, a in pairs], batch_size=BATCH_SIZE)))
    docs = timed("actors", lambda: [_assemble(a, p)
                                    for (_, a), p in zip(pairs, parses, strict=True)])
    evs = timed("code events", lambda: [events.extract(d) for d in docs])
    conn = store.connect(db)
    timed("store", lambda: [store.add_document(conn, r, d, e)
                            for (r, _), d, e in zip(pairs, docs, evs, strict=True)])
    timed("link", lambda: link.catch_up(conn))
    conn.close()
    return {"articles": len(pairs), "cpu_s": cpu}


# --- orchestration ----------------------------------------------------------------------------


def _child(*args: str, env: dict | None = None) -> dict:
    """Run one measurement in a fresh interpreter; its last stdout line is the JSON result."""
    out = subprocess.run([sys.executable, __file__, *args], check=True, text=True,
                         stdout=subprocess.PIPE, env={**os.environ, **(env or {})})
    return json.loads(out.stdout.strip().splitlines()[-1])


def _rates(m: dict) -> dict:
    wall = m["wall_s"] or float("nan")
    return {**m, "articles_per_s": round(m["articles"] / wall, 2),
            "words_per_s": round(m["words"] / wall, 1),
            # Words per CPU second (main + workers): steadier than wall time on a busy machine.
            "words_per_cpu_s": round(m["words"] / (m["cpu_s"] or float("nan")), 1)}


def run(words: int, processes: int, parse_less: bool = False, stages: bool = True) -> dict:
    import spacy

    load_before = os.getloadavg()[0]
    env = {"NEWSGRAPH_PARSE_LESS": "1" if parse_less else "0"}
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp:
        info = build_corpus(Path(tmp) / "corpus", words=words)
        db = Path(tmp) / "bench.db"
        ingest = _rates(_child("--phase", "ingest", "--corpus", str(info.path), "--db", str(db),
                               "--processes", str(processes), env=env))
        reference = _rates(_child("--phase", "spacy", "--db", str(db),
                                  "--processes", str(processes)))
        profile = _child("--phase", "stages", "--corpus", str(info.path), "--db",
                         str(Path(tmp) / "stages.db"), env=env) if stages else None
    return {
        "corpus": {"files": info.files, "articles": info.docs, "words": info.words,
                   "megabytes": round(info.bytes / 1e6, 2)},
        "processes": processes,
        "parse_less": parse_less,
        "cpus": os.cpu_count(),
        "load_avg_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "newsgraph": ingest,
        "spacy_alone": reference,
        "stages": profile,
        "ratio_words_per_s": round(ingest["words_per_s"] / reference["words_per_s"], 3),
        "ratio_words_per_cpu_s": round(
            ingest["words_per_cpu_s"] / reference["words_per_cpu_s"], 3),
    }


def table(r: dict) -> str:
    c, ng, sp = r["corpus"], r["newsgraph"], r["spacy_alone"]
    rows = [("newsgraph ingest", ng), ("spaCy pipe alone", sp)]
    head = (f"{'':18} {'wall s':>8} {'articles':>9} {'articles/s':>11} {'words/s':>9} "
            f"{'CPU s':>7} {'words/CPU s':>12} {'RSS main MB':>12} {'RSS worker MB':>14}")
    lines = [
        f"corpus: {c['articles']} articles in {c['files']} files, {c['words']:,} words, "
        f"{c['megabytes']} MB; {r['processes']} processes on {r['cpus']} CPUs "
        f"(1-min load {r['load_avg_1min'][0]} before, {r['load_avg_1min'][1]} after); "
        f"Python {r['python']}, spaCy {r['spacy']}",
        f"clean bodies: {ng['words']:,} words (words/s below count these)",
        "",
        head,
    ]
    for name, m in rows:
        lines.append(f"{name:18} {m['wall_s']:>8.1f} {m['articles']:>9} "
                     f"{m['articles_per_s']:>11.2f} {m['words_per_s']:>9,.0f} {m['cpu_s']:>7.1f} "
                     f"{m['words_per_cpu_s']:>12,.0f} "
                     f"{m['rss_main_mb']:>12.0f} {m['rss_worker_mb']:>14.0f}")
    lines += [
        "",
        f"ratio newsgraph/spaCy: {r['ratio_words_per_s']:.2f} in words/s, "
        f"{r['ratio_words_per_cpu_s']:.2f} in words/CPU s "
        f"(spaCy model load, {sp['load_s']:.1f} s, counted in both)",
        f"ingest: {ng['new']} stored, {ng['duplicate']} duplicates, {ng['failed']} failed; "
        f"{ng['events']} events, {ng['claims']} claims",
        f"newsgraph's spaCy: {' '.join(ng['pipes'])}; matrix products by {ng['blas']} "
        f"(spaCy alone: stock pipeline, blis)",
    ]
    lines += [f"  error: {e}" for e in ng["errors"]]
    lines.append(f"peak RSS per worker, MB: newsgraph {ng['rss_workers_mb']}, "
                 f"spaCy {sp['rss_workers_mb']}")
    if r["stages"]:
        n = r["stages"]["articles"]
        lines += ["", f"CPU s per 1,000 articles, stages run one after the other in one "
                      f"process ({n} articles):"]
        lines += [f"  {k:16} {v / n * 1000:8.1f}" for k, v in r["stages"]["cpu_s"].items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--words", type=int, default=200_000, help="corpus size (default 200000)")
    p.add_argument("--processes", type=int, default=2, help="worker processes (default 2)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--parse-less", action="store_true",
                   help="ingest with the parse-less first pass (NEWSGRAPH_PARSE_LESS=1)")
    p.add_argument("--no-stages", action="store_true", help="skip the per-stage CPU profile")
    p.add_argument("--phase", choices=["ingest", "spacy", "stages"], help=argparse.SUPPRESS)
    p.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.phase == "ingest":
        print(json.dumps(measure_ingest(a.corpus, a.db, a.processes)))
    elif a.phase == "spacy":
        print(json.dumps(measure_spacy(a.db, a.processes)))
    elif a.phase == "stages":
        print(json.dumps(measure_stages(a.corpus, a.db)))
    else:
        result = run(a.words, a.processes, a.parse_less, not a.no_stages)
        print(json.dumps(result, indent=2) if a.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
