"""Cross-document evidence (CCNet-style): lines that recur across a batch are furniture.

A site's menu and footer repeat on every page it serves. Syndicated copies of one story
also share lines, so a document whose lines are mostly shared gets no help from the
batch: there the shared lines may be the article itself.
"""

from __future__ import annotations

from collections import Counter

from newsgraph.clean.lines import norm_key, split_lines

MIN_DOCS = 3  # a line must recur in this many documents of the batch
MAX_SHARED = 0.5  # above this share of shared characters a document looks syndicated


def repeated_lines(texts: list[str], min_docs: int = MIN_DOCS) -> dict[str, frozenset[str]]:
    """For each text, the keys of its lines found in at least `min_docs` texts."""
    if len(texts) < min_docs:
        return {}
    keys = {t: {norm_key(ln) for ln in split_lines(t)} - {""} for t in set(texts)}
    counts = Counter(k for ks in keys.values() for k in ks)
    out: dict[str, frozenset[str]] = {}
    for t, ks in keys.items():
        shared = frozenset(k for k in ks if counts[k] >= min_docs)
        total = sum(len(k) for k in ks) or 1
        if sum(len(k) for k in shared) / total <= MAX_SHARED:
            out[t] = shared
    return out
