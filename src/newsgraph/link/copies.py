"""Copies and syndication: candidates from the persisted LSH bands, confirmed by an
exact shingle-containment check; each copy cluster's root is its earliest member.

Clusters are connected components of confirmed pairs and the root is a function of
the members, so the result does not depend on the order documents arrive in.
"""

from __future__ import annotations

import re
import sqlite3

from .config import params
from .shingles import buckets, containment, minhash, shingles, to_blob

# A body that says where it first appeared is the copy, not the original.
_REPOST = re.compile(r"\b(originally (published|appeared)|first (published|appeared)|"
                     r"republished (with|under)|reprinted with permission)\b", re.I)


def link_copies(conn: sqlite3.Connection, doc_id: str, body: str) -> set[str]:
    """Index `doc_id` and record its copies; returns the documents whose root changed."""
    cfg = params()["copies"]
    sh = shingles(body)
    mh = minhash(sh)
    keys = buckets(mh)
    conn.execute("INSERT OR REPLACE INTO doc_signatures(doc_id, minhash, shingles) VALUES (?,?,?)",
                 (doc_id, to_blob(mh), len(sh)))
    if len(sh) < cfg["min_shingles"]:
        return set()
    # One primary-key lookup per band (a row-value IN list would scan the table).
    candidates = sorted({r[0] for band, bucket in keys for r in conn.execute(
        "SELECT doc_id FROM lsh_bands WHERE band = ? AND bucket = ?", (band, bucket))} - {doc_id})
    conn.executemany("INSERT OR IGNORE INTO lsh_bands(band, bucket, doc_id) VALUES (?,?,?)",
                     [(b, k, doc_id) for b, k in keys])
    linked = []
    for other in candidates:
        row = conn.execute("SELECT body FROM articles WHERE doc_id = ?", (other,)).fetchone()
        if row is None:
            continue
        osh = shingles(row[0])
        if min(len(sh), len(osh)) < cfg["min_shingles"]:
            continue
        sim = containment(sh, osh)
        if sim >= cfg["min_containment"]:
            a, b = sorted((doc_id, other))
            conn.execute("INSERT OR REPLACE INTO copy_edges(a, b, similarity) VALUES (?,?,?)",
                         (a, b, round(sim, 4)))
            linked.append(other)
    return _reroot(conn, doc_id, linked) if linked else set()


def root_of(conn: sqlite3.Connection, doc_id: str) -> str:
    row = conn.execute("SELECT copy_of FROM copies WHERE doc_id = ?", (doc_id,)).fetchone()
    return row[0] if row else doc_id


def _original_first(r: sqlite3.Row) -> tuple:
    """The original is the earliest published member (undated ones last); on the same
    day, one that does not say it is a re-post (in its body or in the lines cleaning
    removed), then the fullest text, then doc_id."""
    doc_id, published, text, n = r
    return (published is None, published or "", bool(_REPOST.search(text)), -(n or 0), doc_id)


def _reroot(conn: sqlite3.Connection, doc_id: str, linked: list[str]) -> set[str]:
    roots = {root_of(conn, d) for d in linked} | {doc_id}
    members = set(roots)
    for r in roots:
        members |= {x[0] for x in conn.execute("SELECT doc_id FROM copies WHERE copy_of = ?", (r,))}
    marks = ",".join("?" * len(members))
    dated = conn.execute(
        f"SELECT a.doc_id, a.published, a.body || a.removed, s.shingles FROM articles a"
        f" LEFT JOIN doc_signatures s ON s.doc_id = a.doc_id WHERE a.doc_id IN ({marks})",
        sorted(members),
    ).fetchall()
    root = min(dated, key=_original_first)[0]
    before = {m: root_of(conn, m) for m in members}
    conn.execute(f"DELETE FROM copies WHERE doc_id IN ({marks})", sorted(members))
    conn.executemany("INSERT INTO copies(doc_id, copy_of) VALUES (?, ?)",
                     [(m, root) for m in sorted(members) if m != root])
    return {m for m in members if before[m] != (root if m != root else m)} | {doc_id}
