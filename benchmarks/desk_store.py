"""A synthetic store for the desk benchmark: N events (10 per article) and their facts.

    .venv/bin/python benchmarks/desk_store.py OUT.db [--events 1000000] [--seed 1]

Rows are written straight into the schema (the pipeline would take hours for a million
events); the shapes follow what ingest and linking write: actor codes from the actor
dictionary with a Zipf-like skew (a few states take part in most events), two reports per
fact on average, claims on one event in five, article bodies of pseudo-words for FTS5.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
EVENTS_PER_DOC = 10


def actor_codes() -> list[str]:
    from newsgraph.actors.dictionary import codes

    return sorted(codes())


def words(rng: random.Random, n: int) -> list[str]:
    letters = "abcdefghijklmnoprstuvwy"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(n)]


def by_name(conn, table: str, names: tuple[str, ...]):
    """An INSERT naming `names`, plus a filler for any other NOT NULL column without a
    default (the linking schema grows columns; the benchmark only needs these)."""
    cols = conn.execute(f"PRAGMA table_info({table})").fetchall()
    extra = [(c[1], 0 if "INT" in (c[2] or "").upper() else "") for c in cols
             if c[1] not in names and c[3] and c[4] is None]
    all_names = [*names, *(n for n, _ in extra)]
    sql = f"INSERT INTO {table} ({', '.join(all_names)}) VALUES ({', '.join('?' * len(all_names))})"
    return sql, lambda *vals: (*vals, *(v for _, v in extra))


def build(path: Path, n_events: int, seed: int = 1) -> None:
    from newsgraph.store import connect

    rng = random.Random(seed)
    codes = actor_codes()
    weights = [1 / (i + 1) ** 1.1 for i in range(len(codes))]
    vocab = words(rng, 5000)
    conn = connect(path)  # the real schema, migrations applied
    conn.execute("PRAGMA synchronous=OFF")
    n_docs = n_events // EVENTS_PER_DOC
    fm_sql, fm_row = by_name(conn, "fact_mentions", (
        "doc_id", "event_id", "a", "b", "type", "mode", "item", "irrealis", "lo", "hi", "prec",
        "fact_id", "start"))
    fact_no = 0
    open_facts: list[tuple[str, str, str, str, str]] = []  # facts later reports may join
    started = time.perf_counter()
    conn.execute("BEGIN")
    for d in range(n_docs):
        doc_id = f"{d:064x}"
        day = f"2025-{1 + d % 12:02d}-{1 + d % 28:02d}"
        sentences = [" ".join(rng.choices(vocab, k=rng.randint(12, 24))).capitalize() + "."
                     for _ in range(EVENTS_PER_DOC)]
        body = " ".join(sentences)
        conn.execute("INSERT INTO raw_docs VALUES (?,?,?,?,?,?,?)",
                     (doc_id, f"synthetic/{d}.txt", f"doc-{d}.txt", "text/plain",
                      "2025-12-01T00:00:00Z", len(body), "{}"))
        conn.execute("INSERT INTO articles(doc_id, name, title, body, published, "
                     "published_source, outlet, author, url, languages, removed, ingested_at)"
                     " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                     (doc_id, f"doc-{d}.txt", sentences[0][:60], body, day, "text",
                      f"outlet-{d % 400}", None, f"https://outlet{d % 400}.example/{d}",
                      '["en"]', "[]", "2025-12-01T00:00:00Z"))
        pos = 0
        ev_rows, ea_rows, cl_rows, fm_rows = [], [], [], []
        for k, sent in enumerate(sentences):
            start, end = pos, pos + len(sent)
            pos = end + 1
            join = None
            if open_facts and rng.random() < 0.5:  # another report of a recent fact: ~2 per fact
                join = rng.choice(open_facts[-200:])
                etype, s, t = join[1:4]
            else:
                s, t = rng.choices(codes, weights, k=2)
                if s == t:
                    t = codes[(codes.index(t) + 1) % len(codes)]
                etype = rng.choice(TYPES)
            eid = f"{d:010x}{k:06x}"
            ev_rows.append((doc_id, eid, etype, None, json.dumps([s]), json.dumps([t]), s, t,
                            None, None, None, None, day[:7], "month", "asserted", 0.7,
                            "synthetic/1", sent, start, end))
            ea_rows += [(doc_id, eid, "source", s), (doc_id, eid, "target", t)]
            if k % 5 == 0:
                cl_rows.append((doc_id, eid, 0, s, s, rng.choice(["asserts", "denies"])))
            if join is None:
                fid = f"{fact_no:016x}"
                fact_no += 1
                open_facts.append((fid, etype, s, t, day))
                conn.execute(
                    "INSERT INTO facts VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (fid, etype, None, json.dumps([s]), json.dumps([t]), None, None, day[:7],
                     "month", day, day, 1, rng.randint(1, 5), 1, int(k % 7 == 0), "[]",
                     day[:7]))
                conn.executemany("INSERT INTO fact_actors VALUES (?,?,?)",
                                 [(fid, "source", s), (fid, "target", t)])
            else:
                fid = join[0]
                conn.execute("UPDATE facts SET reports = reports + 1, documents = documents + 1,"
                             " last_reported = ? WHERE id = ?", (day, fid))
            fm_rows.append((doc_id, eid, s, t, etype, None, None, 0, day, day, "month", fid,
                            start))
        conn.executemany("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                         ev_rows)
        conn.executemany("INSERT INTO event_actors VALUES (?,?,?,?)", ea_rows)
        conn.executemany("INSERT INTO claims VALUES (?,?,?,?,?,?)", cl_rows)
        conn.executemany(fm_sql, [fm_row(*r) for r in fm_rows])
        if d % 2000 == 1999:
            conn.execute("COMMIT")
            conn.execute("BEGIN")
            print(f"\r{(d + 1) * EVENTS_PER_DOC:,} events, {fact_no:,} facts, "
                  f"{time.perf_counter() - started:.0f} s", end="", file=sys.stderr)
    # Mark every row as linked, so the next ingest does not re-link the synthetic documents.
    conn.execute("INSERT OR REPLACE INTO meta VALUES"
                 " ('linked_num', (SELECT max(num) FROM articles))")
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    print(f"\n{path}: {n_events:,} events, {fact_no:,} facts, {n_docs:,} documents",
          file=sys.stderr)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    if a.out.exists():
        print(f"{a.out} exists", file=sys.stderr)
        return 1
    build(a.out, a.events, a.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
