"""Finding the two given mentions in a sentence and in its parse."""

from __future__ import annotations

import re


def locate(sentence: str, text: str, near: int | None = None) -> tuple[int, int] | None:
    """Character span of `text` in `sentence` (whitespace- and case-tolerant); when it occurs
    more than once, the occurrence nearest `near`."""
    text = (text or "").strip()
    if not text:
        return None
    pattern = r"\s+".join(re.escape(part) for part in text.split())
    hits = [m.span() for m in re.finditer(pattern, sentence)]
    if not hits:
        hits = [m.span() for m in re.finditer(pattern, sentence, flags=re.IGNORECASE)]
    if not hits:
        return None
    if near is None:
        return hits[0]
    return min(hits, key=lambda h: abs(h[0] - near))


def tokens_in(doc, span: tuple[int, int]) -> list:
    """Tokens of `doc` overlapping a character span (punctuation-only tokens dropped)."""
    start, end = span
    toks = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    return [t for t in toks if not t.is_punct] or toks


def span_root(tokens: list):
    """The token of a span whose head lies outside it (the first one if several)."""
    inside = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return tokens[0]
