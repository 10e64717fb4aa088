"""Given-actors classification: the PLOVER type of the relation between two given mentions.

`classify(sentence, source_text, target_text)` parses the sentence and reads the relation
off the dependency path between the two mentions (see `rules`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .rules import NONE, classify_parsed
from .spans import locate

__all__ = ["NONE", "classify", "classify_many", "classify_parsed", "spans_of"]


def spans_of(sentence: str, source_text: str, target_text: str):
    src = locate(sentence, source_text)
    tgt = locate(sentence, target_text, near=src[0] if src else None)
    return src, tgt


def classify(sentence: str, source_text: str, target_text: str) -> str:
    """PLOVER type of the relation from `source_text` to `target_text` in `sentence`, or NONE."""
    from ..nlp import english

    src, tgt = spans_of(sentence, source_text, target_text)
    return classify_parsed(english()(sentence), src, tgt)


def classify_many(rows: Iterable, n_process: int = 1, batch_size: int = 64) -> Iterator[str]:
    """Types for many (sentence, source_text, target_text) rows, in order, parsing with
    `nlp.pipe`. Rows may also be dicts with those keys; a row may carry explicit char spans
    as (sentence, (start, end), (start, end))."""
    from ..nlp import english

    rows = [_row(r) for r in rows]
    docs = english().pipe((r[0] for r in rows), n_process=n_process, batch_size=batch_size)
    for (sentence, src, tgt), doc in zip(rows, docs, strict=True):
        if not isinstance(src, tuple) or not isinstance(tgt, tuple):
            src, tgt = spans_of(sentence, src, tgt)
        yield classify_parsed(doc, src, tgt)


def _row(r) -> tuple:
    if isinstance(r, dict):
        return (r["sentence"], r.get("source") or r.get("source_text") or "",
                r.get("target") or r.get("target_text") or "")
    return tuple(r)
