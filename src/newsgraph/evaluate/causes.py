"""Why events were missed or wrongly found, and how well confidence predicts correctness.

A gold event is located by its evidence snippet: an extracted event whose sentence contains
the snippet (or is contained in it) is "about the same sentence". From that:

- a missed gold event is `no event` (nothing extracted from its sentence), `type wrong`
  (something else was coded there), `actor not found` (the right type, a side unresolved or
  missing) or `actor wrong` (the right type with other actors);
- a false event is `invented event` (no gold event in its sentence), `type wrong`,
  `actor not found` or `actor wrong`, the same way round.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from ..model import Event

BANDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 1.01)


def normalize(text: str | None) -> str:
    """For comparing snippets and fields: one space, straight quotes, case folded."""
    text = (text or "").replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().casefold()


def _same_sentence(snippet: str, sentence: str) -> bool:
    a, b = normalize(snippet), normalize(sentence)
    return bool(a and b) and (a in b or b in a)


def _unresolved(key: tuple) -> bool:
    return any(isinstance(x, str) and x.startswith("?") for x in key[1:])


def causes(gold_events: list[dict], extracted: list[Event], missed: Iterable[tuple],
           false: Iterable[tuple], expand: Callable, keys_of: Callable) -> dict[str, Counter]:
    """Counters {"missed": cause -> n, "false": cause -> n} for one document."""
    gold_keys = [(g, expand(g["type"], g.get("source"), g.get("target"))) for g in gold_events]
    ext_keys = [(e, keys_of(e)[0]) for e in extracted]
    out = {"missed": Counter(), "false": Counter()}
    for k in missed:
        snippets = [g.get("evidence") or "" for g, ks in gold_keys if k in ks]
        near = [(e, ks) for e, ks in ext_keys
                if any(_same_sentence(s, e.evidence.text) for s in snippets)]
        same_type = [ks for e, ks in near if e.type == k[0]]
        if not near:
            cause = "no event"
        elif not same_type:
            cause = "type wrong"
        elif any(_unresolved(x) or None in x[1:] for ks in same_type for x in ks):
            cause = "actor not found"
        else:
            cause = "actor wrong"
        out["missed"][cause] += 1
    for k in false:
        sentences = [e.evidence.text for e, ks in ext_keys if k in ks]
        near = [g for g, _ in gold_keys
                if any(_same_sentence(g.get("evidence") or "", s) for s in sentences)]
        if not near:
            cause = "invented event"
        elif not any(g["type"] == k[0] for g in near):
            cause = "type wrong"
        elif _unresolved(k):
            cause = "actor not found"
        else:
            cause = "actor wrong"
        out["false"][cause] += 1
    return out


def calibration(judged: Iterable[tuple[float, bool]]) -> list[dict]:
    """Share of correct events per confidence band (events scored neither way left out)."""
    rows = []
    judged = list(judged)
    for lo, hi in zip(BANDS, BANDS[1:], strict=False):
        inside = [ok for c, ok in judged if lo <= c < hi]
        if inside:
            rows.append({"band": f"{lo:.1f}-{min(hi, 1.0):.1f}", "events": len(inside),
                         "correct": round(sum(inside) / len(inside), 3)})
    return rows
