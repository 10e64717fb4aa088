"""The stages on Ray Data with 1 and then 2 workers (actors), over the same corpus, in one
Ray session: scaling efficiency, with Ray's own start-up timed apart.

    .venv/bin/python benchmarks/bench_ray.py [--words 100000] [--workers 1 2] [--json]

Needs the extra: pip install 'newsgraph[ray]'. The driver reads the corpus once; each run
codes it with `newsgraph.scale.ray_run.run` (actor start-up, which loads spaCy, is inside
the run) and writes Parquet shards to a temporary folder. Efficiency from 1 to N workers is
(wall of 1 / wall of N) / N; the same from CPU seconds of the actors is printed too, as
the steadier figure on a shared machine. Run on demand; it is not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import build_corpus  # noqa: E402
from procstat import Descendants  # noqa: E402


def _raylet_cpu(kids: Descendants) -> float:
    """CPU seconds of the Ray actors that coded (the busy ray:: worker processes)."""
    return round(sum(c for p, c in kids.cpu_s.items()
                     if kids.names.get(p, "").startswith("ray::") and c >= 1.0), 1)


def run(words: int, workers: list[int]) -> dict:
    import ray
    import ray.data

    from newsgraph import pipeline
    from newsgraph.scale import ray_run

    load = [round(os.getloadavg()[0], 2)]
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-ray-") as tmp:
        info = build_corpus(Path(tmp) / "corpus", words=words)
        raws = list(pipeline.read([info.path], 1 << 30, lambda e: None))
        with Descendants(interval=0.5) as kids:
            startup = ray_run.start(num_cpus=max(workers))
            ray.data.DataContext.get_current().enable_progress_bars = False
            runs = []
            for n in workers:
                before = _raylet_cpu(kids)
                started = time.perf_counter()
                r = ray_run.run(raws, Path(tmp) / f"shards-{n}", workers=n)
                wall = time.perf_counter() - started
                kids.sample()
                runs.append({"workers": n, "wall_s": round(wall, 2), "documents": r.documents,
                             "actor_cpu_s": round(_raylet_cpu(kids) - before, 1)})
            ray.shutdown()
        load.append(round(os.getloadavg()[0], 2))
    base = runs[0]
    for r in runs:
        k = r["workers"] / base["workers"]
        r["docs_per_s"] = round(r["documents"] / r["wall_s"], 2)
        r["efficiency"] = round(base["wall_s"] / r["wall_s"] / k, 3)
        # Cores the actors actually got, and the work efficiency: extra CPU seconds that
        # more actors cost (their start-up, Ray's overhead) whatever the machine's load.
        r["cores_used"] = round(r["actor_cpu_s"] / r["wall_s"], 2)
        r["cpu_efficiency"] = round(base["actor_cpu_s"] / r["actor_cpu_s"], 3)
    return {"corpus": {"articles": info.docs, "words": info.words}, "cpus": os.cpu_count(),
            "load_avg_1min": load, "ray_startup_s": round(startup, 2), "ray": ray.__version__,
            "runs": runs}


def table(r: dict) -> str:
    lines = [f"corpus: {r['corpus']['articles']} articles, {r['corpus']['words']:,} words; "
             f"{r['cpus']} CPUs (1-min load {r['load_avg_1min'][0]} before, "
             f"{r['load_avg_1min'][1]} after); Ray {r['ray']}",
             f"Ray start-up (ray.init, local): {r['ray_startup_s']:.1f} s, not in the runs",
             "", f"{'workers':>8} {'wall s':>8} {'docs/s':>8} {'actor CPU s':>12} "
             f"{'cores used':>11} {'efficiency':>11} {'CPU efficiency':>15}"]
    lines += [f"{x['workers']:>8} {x['wall_s']:>8.1f} {x['docs_per_s']:>8.2f} "
              f"{x['actor_cpu_s']:>12.1f} {x['cores_used']:>11.2f} {x['efficiency']:>11.2f} "
              f"{x['cpu_efficiency']:>15.2f}" for x in r["runs"]]
    lines += ["efficiency: (wall with the first count / wall with this count) / (ratio of "
              "worker counts); 1.0 is linear.",
              "CPU efficiency: actor CPU s with the first count / with this count: below 1.0 "
              "by what more actors cost in work; wall efficiency falls further when the "
              "machine cannot give them the cores (cores used)."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--words", type=int, default=100_000, help="corpus size (default 100000)")
    p.add_argument("--workers", type=int, nargs="+", default=[1, 2],
                   help="actor counts to run, in order (default: 1 2)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    a = p.parse_args(argv)
    result = run(a.words, a.workers)
    print(json.dumps(result, indent=2) if a.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
