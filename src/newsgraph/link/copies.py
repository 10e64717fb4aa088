"""Copies and syndication: candidates from the persisted LSH bands, confirmed by an
exact shingle-containment check; each copy cluster's root is its earliest member.

Clusters are connected components of confirmed pairs and the root is a function of
the members, so the result does not depend on the order documents arrive in. Only the
edges a cluster needs are confirmed and kept (`copy_edges` is a spanning graph, not every
pair): a new copy of a story costs the same however many copies came before.
"""

from __future__ import annotations

import re
import sqlite3
from collections import OrderedDict
from hashlib import blake2b
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
    twin = _twin(conn, doc_id, sh) if len(sh) >= cfg["min_shingles"] else None
    mh = None
    if twin is None or not _copy_signature(conn, doc_id, twin, len(sh)):
        mh = minhash(sh)
        conn.execute("INSERT OR REPLACE INTO doc_signatures(doc_id, minhash, shingles)"
                     " VALUES (?,?,?)", (doc_id, to_blob(mh), len(sh)))
    if twin is not None:
        # The same shingles as a stored document: the same candidates and containments,
        # so exactly its cluster. It stays out of the bands (its twin already leads there),
        # so the 900th copy of a wire story costs what the 2nd does.
        _edge(conn, doc_id, twin, 1.0)
        return _join(conn, doc_id, [twin])
    if mh is None or len(sh) < cfg["min_shingles"]:
        return set()
    keys = buckets(mh)
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
    linked = _confirmed(conn, doc_id, mine, candidates)
    return _join(conn, doc_id, linked) if linked else set()


# lsh_bands rows with this band hold a body's exact shingle-set fingerprint (`bucket`)
# and the first document stored with it; MinHash bands are numbered from 0.
EXACT_BAND = -1


def _twin(conn: sqlite3.Connection, doc_id: str, sh: set[str]) -> str | None:
    """An earlier document with exactly these shingles, else None (and `doc_id` becomes
    the one later documents with them are matched to)."""
    fp = blake2b("\n".join(sorted(sh)).encode("utf-8"), digest_size=16).digest()
    row = conn.execute("SELECT doc_id FROM lsh_bands WHERE band = ? AND bucket = ?"
                       " AND doc_id != ? LIMIT 1", (EXACT_BAND, fp, doc_id)).fetchone()
    if row is not None:
        return row[0]
    conn.execute("INSERT OR IGNORE INTO lsh_bands(band, bucket, doc_id) VALUES (?,?,?)",
                 (EXACT_BAND, fp, doc_id))
    return None


def _copy_signature(conn: sqlite3.Connection, doc_id: str, twin: str, n: int) -> bool:
    """Store `twin`'s MinHash signature as `doc_id`'s: the same shingle set hashes to the
    same signature, and hashing it again (a SHA-1 per shingle) was most of a copy's cost.
    False, storing nothing, when the twin has no signature of the configured size."""
    row = conn.execute("SELECT minhash FROM doc_signatures WHERE doc_id = ?", (twin,)).fetchone()
    if row is None or len(row[0]) != 4 * params()["copies"]["num_perm"]:  # to_blob: uint32s
        return False
    conn.execute("INSERT OR REPLACE INTO doc_signatures(doc_id, minhash, shingles) VALUES (?,?,?)",
                 (doc_id, row[0], n))
    return True


def _confirmed(conn: sqlite3.Connection, doc_id: str, mine: np.ndarray,
               candidates: list[str]) -> list[str]:
    """One confirmed copy per cluster among the candidates: joining a cluster takes one
    edge, so the rest of its members are not compared (clusters are the same)."""
    cfg = params()["copies"]
    by_root: dict[str, list[str]] = {}
    for other, root in sorted(_roots(conn, set(candidates)).items()):
        by_root.setdefault(root, []).append(other)
    linked = []
    for members in by_root.values():
        for other in members:
            osh = _shingles_of(conn, other)
            if osh is None or min(len(mine), len(osh)) < cfg["min_shingles"]:
                continue
            sim = hashed_containment(mine, osh)
            if sim >= cfg["min_containment"]:
                _edge(conn, doc_id, other, sim)
                linked.append(other)
                break
    return linked


def _edge(conn: sqlite3.Connection, x: str, y: str, sim: float) -> None:
    a, b = sorted((x, y))
    conn.execute("INSERT OR REPLACE INTO copy_edges(a, b, similarity) VALUES (?,?,?)",
                 (a, b, round(sim, 4)))


class Recent:
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

    def pop(self, key: str) -> Any:
        hit = self.items.pop(key, None)
        return None if hit is None else hit[1]

    def put(self, key: str, check: int, value: Any) -> None:
        self.items[key] = (check, value)
        self.items.move_to_end(key)
        if len(self.items) > self.size:
            self.items.popitem(last=False)


_SHINGLES = Recent(4096)  # a news body's hashed shingles: ~5 kB each
_REPOSTS = Recent(20_000)


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


def _join(conn: sqlite3.Connection, doc_id: str, linked: list[str]) -> set[str]:
    """Put `doc_id` in one cluster with the clusters of `linked`; returns the documents
    whose root changed. Each root is the earliest of its cluster, so the merged cluster's
    root is the earliest of those roots and `doc_id`: the members are not read, and only
    those of a cluster whose root is no longer the earliest are rewritten."""
    roots = set(_roots(conn, {*linked, doc_id}).values())
    rmarks = ",".join("?" * len(roots))
    dated = conn.execute(
        f"SELECT a.doc_id, a.published, s.shingles FROM articles a"
        f" LEFT JOIN doc_signatures s ON s.doc_id = a.doc_id WHERE a.doc_id IN ({rmarks})",
        sorted(roots),
    ).fetchall()
    reposted = _reposted(conn, sorted(roots))
    root = min(_original_first(d, p, reposted[d], n) for d, p, n in dated)[-1]
    old = sorted(roots - {root})
    changed = {doc_id}
    if old:
        marks = ",".join("?" * len(old))
        changed |= set(old) | {r[0] for r in conn.execute(
            f"SELECT doc_id FROM copies WHERE copy_of IN ({marks})", old)}
        conn.execute(f"UPDATE copies SET copy_of = ? WHERE copy_of IN ({marks})", [root, *old])
    conn.execute("DELETE FROM copies WHERE doc_id = ?", (root,))
    conn.executemany("INSERT OR REPLACE INTO copies(doc_id, copy_of) VALUES (?, ?)",
                     [(m, root) for m in sorted({*old, doc_id}) if m != root])
    return changed
