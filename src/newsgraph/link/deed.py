"""What deed a sentence tells, as a set of word stems, so that two reports of one
pair and type in different sentences are merged only when they share one (a bus
ambush, a roadside bomb and a convoy attack told in one paragraph stay apart)."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache, lru_cache
from pathlib import Path

import yaml

_WORD = re.compile(r"(?<![\w'’-])([A-Za-z][A-Za-z'’-]{2,})")
_DATA = Path(__file__).parent / "data" / "deed_words.yaml"


@cache
def _generic() -> frozenset[str]:
    data = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    words = set(data["generic"]) | set(data["function"])
    return frozenset(stem(w) for w in words) | frozenset(words)


def stem(word: str) -> str:
    """A crude English stem: enough for missiles/missile, attacked/attack, supplies/supply."""
    w = word.lower().replace("’", "'").removesuffix("'s")
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4 and not w.endswith("ss"):
            return w[: len(w) - len(suffix)] + repl
    return w


# A pure function of its arguments: every copy of a report has the same evidence sentence
# and actor spans, so its words are stemmed once (a frozenset is safe to share).
@lru_cache(maxsize=20_000)
def deed_words(sentence: str, actor_spans: tuple[tuple[int, int], ...] = ()) -> frozenset[str]:
    """Stems of the sentence's words that are not generic and not inside an actor
    mention (`actor_spans`: offsets into the sentence)."""
    generic = _generic()
    starts, ends = _merged(actor_spans)
    out = set()
    for m in _WORD.finditer(sentence):
        i = bisect_right(starts, m.start()) - 1  # the last span starting at or before it
        if i >= 0 and m.start() < ends[i]:
            continue
        w = m.group(1).lower()
        if w in generic:
            continue
        st = stem(w)
        if st not in generic:
            out.add(st)
    return frozenset(out)


def _merged(spans: tuple[tuple[int, int], ...]) -> tuple[list[int], list[int]]:
    """Overlapping spans joined, as sorted starts and their ends (for a bisect)."""
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(x for x in spans if x[0] < x[1]):
        if starts and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def same_deed(x: frozenset[str], y: frozenset[str]) -> bool:
    """Nothing to compare (a bare "Tehran repudiated these claims.") is no evidence
    against; otherwise one shared stem."""
    return not x or not y or bool(x & y)
