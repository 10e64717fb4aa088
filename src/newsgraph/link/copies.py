"""Copies and syndication: candidates from the persisted LSH bands, confirmed by an
exact shingle-containment check; each copy cluster's root is its earliest member.

Clusters are connected components of confirmed pairs and the root is a function of
the members, so the result does not depend on the order documents arrive in.
"""

from __future__ import annotations

import re
import sqlite3
from collections import OrderedDict
from typing import Any

import numpy as np

from .config import params
from .shingles import buckets, hashed, hashed_containment, minhash, shingles, to_blob

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
    # One primary-key lookup per band, in one statement (a row-value IN list would scan).
    lookups = " UNION ".join(["SELECT doc_id FROM lsh_bands WHERE band = ? AND bucket = ?"]
                             * len(keys))
    candidates = sorted({r[0] for r in conn.execute(lookups, [v for k in keys for v in k])}
                        - {doc_id})
    conn.executemany("INSERT OR IGNORE INTO lsh_bands(band, bucket, doc_id) VALUES (?,?,?)",
                     [(b, k, doc_id) for b, k in keys])
    if not candidates:
        return set()
    mine = hashed(sh)
    _SHINGLES.put(f"{doc_id}:{cfg['shingle_words']}", len(sh), mine)
    linked = []
    for other in candidates:
        osh = _shingles_of(conn, other)
        if osh is None or min(len(mine), len(osh)) < cfg["min_shingles"]:
            continue
        sim = hashed_containment(mine, osh)
        if sim >= cfg["min_containment"]:
            a, b = sorted((doc_id, other))
            conn.execute("INSERT OR REPLACE INTO copy_edges(a, b, similarity) VALUES (?,?,?)",
                         (a, b, round(sim, 4)))
            linked.append(other)
    return _reroot(conn, doc_id, linked) if linked else set()


class _Recent:
    """The last `size` values by key: syndicated copies of one story are each other's
    candidates again and again, so their shingles and re-post flags are worked out once.
    Each value carries a check (its shingle count, its text's length) that a stored
    document with the same id would have to match: a stale entry is recomputed."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: OrderedDict[str, tuple[int, Any]] = OrderedDict()

    def get(self, key: str, check: int) -> Any:
        hit = self.items.get(key)
        if hit is None or hit[0] != check:
            return None
        self.items.move_to_end(key)
        return hit[1]

    def put(self, key: str, check: int, value: Any) -> None:
        self.items[key] = (check, value)
        self.items.move_to_end(key)
        if len(self.items) > self.size:
            self.items.popitem(last=False)


_SHINGLES = _Recent(4096)  # a news body's hashed shingles: ~5 kB each
_REPOSTS = _Recent(20_000)


def _shingles_of(conn: sqlite3.Connection, doc_id: str) -> np.ndarray | None:
    key = f"{doc_id}:{params()['copies']['shingle_words']}"  # shingles(body) depends on it
    n = conn.execute("SELECT shingles FROM doc_signatures WHERE doc_id = ?", (doc_id,)).fetchone()
    cached = _SHINGLES.get(key, n[0]) if n else None
    if cached is not None:
        return cached
    row = conn.execute("SELECT body FROM articles WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    sh = shingles(row[0])
    out = hashed(sh)
    _SHINGLES.put(key, len(sh), out)
    return out


def root_of(conn: sqlite3.Connection, doc_id: str) -> str:
    row = conn.execute("SELECT copy_of FROM copies WHERE doc_id = ?", (doc_id,)).fetchone()
    return row[0] if row else doc_id


def _roots(conn: sqlite3.Connection, docs: set[str]) -> dict[str, str]:
    """root_of for each of `docs`, in one query."""
    marks = ",".join("?" * len(docs))
    found = dict(conn.execute(f"SELECT doc_id, copy_of FROM copies WHERE doc_id IN ({marks})",
                              sorted(docs)).fetchall())
    return {d: found.get(d, d) for d in docs}


def _original_first(doc_id: str, published: str | None, reposted: bool, n: int | None) -> tuple:
    """The original is the earliest published member (undated ones last); on the same
    day, one that does not say it is a re-post (in its body or in the lines cleaning
    removed), then the fullest text, then doc_id."""
    return (published is None, published or "", reposted, -(n or 0), doc_id)


def _reposted(conn: sqlite3.Connection, members: list[str]) -> dict[str, bool]:
    marks = ",".join("?" * len(members))
    sizes = dict(conn.execute(f"SELECT doc_id, length(body) + length(removed) FROM articles"
                              f" WHERE doc_id IN ({marks})", members).fetchall())
    out = {d: _REPOSTS.get(d, n) for d, n in sizes.items()}
    todo = sorted(d for d, v in out.items() if v is None)
    if todo:
        for d, text in conn.execute(f"SELECT doc_id, body || removed FROM articles WHERE doc_id"
                                    f" IN ({','.join('?' * len(todo))})", todo):
            out[d] = bool(_REPOST.search(text))
            _REPOSTS.put(d, sizes[d], out[d])
    return out


def _reroot(conn: sqlite3.Connection, doc_id: str, linked: list[str]) -> set[str]:
    roots = set(_roots(conn, set(linked)).values()) | {doc_id}
    rmarks = ",".join("?" * len(roots))
    members = roots | {x[0] for x in conn.execute(
        f"SELECT doc_id FROM copies WHERE copy_of IN ({rmarks})", sorted(roots))}
    marks = ",".join("?" * len(members))
    dated = conn.execute(
        f"SELECT a.doc_id, a.published, s.shingles FROM articles a"
        f" LEFT JOIN doc_signatures s ON s.doc_id = a.doc_id WHERE a.doc_id IN ({marks})",
        sorted(members),
    ).fetchall()
    reposted = _reposted(conn, sorted(members))
    root = min(_original_first(d, p, reposted[d], n) for d, p, n in dated)[-1]
    before = _roots(conn, members)
    conn.execute(f"DELETE FROM copies WHERE doc_id IN ({marks})", sorted(members))
    conn.executemany("INSERT INTO copies(doc_id, copy_of) VALUES (?, ?)",
                     [(m, root) for m in sorted(members) if m != root])
    return {m for m in members if before[m] != (root if m != root else m)} | {doc_id}
