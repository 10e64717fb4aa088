"""An event as fact mentions: one per (source, target) pair, with a date interval,
and the pairwise test of whether two mentions can be reports of one deed."""

from __future__ import annotations

import calendar
import json
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from ..events.ontology import symmetric
from .config import items_compatible, params
from .deed import deed_words, same_deed

IRREALIS = frozenset({"hypothetical", "future"})


@dataclass(frozen=True)
class FactMention:
    doc_id: str
    event_id: str
    a: str  # source code (the smaller code for symmetric types)
    b: str  # target code, '' when the event has none
    type: str
    mode: str | None
    item: str | None
    irrealis: bool
    lo: str | None  # ISO day; None when nothing dates the report
    hi: str | None
    prec: str  # day | month | year | pub | none
    published: str | None = None  # the article's date (orders members for the fact id)
    start: int = 0  # the evidence sentence's offset in the body
    deed: frozenset[str] = frozenset()  # its deed words (deed.py)

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.doc_id, self.event_id, self.a, self.b)


@cache
def _symmetric() -> frozenset[str]:
    return symmetric()


def from_event(row: sqlite3.Row, published: str | None,
               actor_spans: tuple[tuple[int, int], ...] = ()) -> list[FactMention]:
    """The mentions of one stored event row (events table); `actor_spans` are the
    document's actor mentions (body offsets), left out of the deed words."""
    lo, hi, prec = interval(row["event_date"], row["date_precision"], published)
    start, end = row["evidence_start"], row["evidence_end"]
    inside = tuple((s - start, e - start) for s, e in actor_spans if start <= s < end)
    deed = deed_words(row["evidence_text"], inside)
    sources = [c for c in json.loads(row["source"]) if c] or [""]
    targets = [c for c in json.loads(row["target"]) if c] or [""]
    out = []
    for s in sources:
        for t in targets:
            if s == t or not (s or t):
                continue
            a, b = (min(s, t), max(s, t)) if row["type"] in _symmetric() and s and t else (s, t)
            out.append(FactMention(row["doc_id"], row["id"], a, b, row["type"], row["mode"],
                                   row["item"], row["modality"] in IRREALIS, lo, hi, prec,
                                   published, row["evidence_start"], deed))
    return sorted(set(out), key=lambda m: m.key)


def interval(event_date: str | None, precision: str | None,
             published: str | None) -> tuple[str | None, str | None, str]:
    """The days an event can have happened on: its own date at its precision, else
    the days before the article's publication, else unknown."""
    if event_date:
        parts = [int(p) for p in event_date.split("-")]
        if len(parts) == 3:
            d = date(*parts)
            return d.isoformat(), d.isoformat(), "day"
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return (date(parts[0], parts[1], 1).isoformat(),
                    date(parts[0], parts[1], last).isoformat(), "month")
        return f"{parts[0]:04d}-01-01", f"{parts[0]:04d}-12-31", "year"
    if published:
        p = date.fromisoformat(published[:10])
        back = timedelta(days=params()["facts"]["pub_lookback"])
        return (p - back).isoformat(), p.isoformat(), "pub"
    return None, None, "none"


def compatible(x: FactMention, y: FactMention) -> bool:
    """Can x and y report one deed? Same type and pair (the index guarantees it),
    same reality, no conflicting mode or item, dates that fit together, and (unless
    one sentence tells both) a deed word in common."""
    if x.irrealis != y.irrealis:
        return False
    if x.mode and y.mode and x.mode != y.mode:
        return False
    if not (items_compatible(x.item, y.item) and dates_compatible(x, y)):
        return False
    one_sentence = x.doc_id == y.doc_id and x.start == y.start
    return one_sentence or not params()["facts"]["deed_words"] or same_deed(x.deed, y.deed)


def dates_compatible(x: FactMention, y: FactMention) -> bool:
    if x.prec == "none" or y.prec == "none":
        return True  # nothing says they differ
    if "year" in (x.prec, y.prec):
        return x.prec == y.prec and x.lo == y.lo  # a year-level aggregate is its own fact
    if x.prec == y.prec == "month":
        return x.lo == y.lo
    gap = (max(date.fromisoformat(x.lo), date.fromisoformat(y.lo))
           - min(date.fromisoformat(x.hi), date.fromisoformat(y.hi))).days
    window = 0 if "month" in (x.prec, y.prec) else params()["facts"]["day_window"]
    return gap <= window


def candidate_span() -> tuple[int, int]:
    """How far (days) below and above a mention's interval a compatible mention's
    `lo` can lie: the longest interval (a year) plus the window."""
    w = params()["facts"]["day_window"]
    return 366 + w, w
