"""Body shingles and their MinHash signature (datasketch), the input of copy detection."""

from __future__ import annotations

import re
from functools import cache
from hashlib import blake2b

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param

from .config import params

_WORD = re.compile(r"\w+")


def shingles(body: str, n: int | None = None) -> set[str]:
    """Word n-grams of the lower-cased body: punctuation, quotes and spacing (what
    re-posting sites change) do not matter, word order does."""
    n = n or params()["copies"]["shingle_words"]
    words = _WORD.findall(body.lower())
    return {" ".join(words[i:i + n]) for i in range(max(0, len(words) - n + 1))}


def minhash(sh: set[str]) -> MinHash:
    template = _template(params()["copies"]["num_perm"])
    # The template's permutations, not new ones: drawing them costs more than hashing a body.
    mh = MinHash(num_perm=template.num_perm, seed=1, permutations=template.permutations,
                 scheme=template.scheme)
    mh.update_batch([s.encode("utf-8") for s in sorted(sh)])
    return mh


@cache
def _template(num_perm: int) -> MinHash:
    return MinHash(num_perm=num_perm, seed=1)  # fixed seed: stable buckets


def to_blob(mh: MinHash) -> bytes:
    return mh.hashvalues.astype("<u4").tobytes()


def from_blob(blob: bytes) -> MinHash:
    values = np.frombuffer(blob, dtype="<u4").astype(np.uint64)
    template = _template(len(values))
    return MinHash(num_perm=len(values), seed=1, hashvalues=values.astype(
        template.hashvalues.dtype), permutations=template.permutations, scheme=template.scheme)


def band_shape() -> tuple[int, int]:
    """(bands, rows per band) that datasketch finds best for the configured threshold."""
    c = params()["copies"]
    return _shape(c["lsh_threshold"], c["num_perm"])


@cache
def _shape(threshold: float, num_perm: int) -> tuple[int, int]:
    return _optimal_param(threshold, num_perm, 0.5, 0.5)  # numeric integration: ~0.15 s


def buckets(mh: MinHash) -> list[tuple[int, bytes]]:
    """One 8-byte bucket key per band: documents sharing any key are candidates."""
    b, r = band_shape()
    hv = mh.hashvalues.astype("<u4")
    return [(i, blake2b(hv[i * r:(i + 1) * r].tobytes(), digest_size=8).digest())
            for i in range(b)]


def containment(x: set[str], y: set[str]) -> float:
    """Share of the smaller set found in the larger: a trimmed copy scores 1."""
    small, large = (x, y) if len(x) <= len(y) else (y, x)
    return len(small & large) / len(small) if small else 0.0


def hashed(sh: set[str]) -> np.ndarray:
    """The shingles as sorted distinct 64-bit hashes (this process's str hash): a tenth of
    the memory of the strings, so many more candidates' shingles stay cached (copies.py)."""
    return np.unique(np.fromiter((hash(s) for s in sh), dtype=np.int64, count=len(sh)))


def hashed_containment(x: np.ndarray, y: np.ndarray) -> float:
    """`containment` over hashed shingles; the same figure unless two different shingles
    of the pair share a 64-bit hash (odds below 1e-12 for news-length bodies)."""
    small = min(len(x), len(y))
    return np.intersect1d(x, y, assume_unique=True).size / small if small else 0.0
