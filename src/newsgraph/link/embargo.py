"""UN arms-embargo flags: does an arms fact fall under a Security Council regime in
force on its date? The regimes are data (data/embargoes.yaml, with their sources)."""

from __future__ import annotations

import calendar
from functools import cache
from pathlib import Path
from typing import Any

import yaml

_FILE = Path(__file__).parent / "data" / "embargoes.yaml"


@cache
def regimes() -> list[dict[str, Any]]:
    return yaml.safe_load(_FILE.read_text(encoding="utf-8"))["regimes"]


def is_arms(type_: str, mode: str | None, item: str | None) -> bool:
    """AID/military, COOPERATE/military, or an AGREE to supply an item."""
    if type_ == "AID":
        return mode == "military" or item is not None
    if type_ == "COOPERATE":
        return mode == "military"
    return type_ == "AGREE" and item is not None


def flags(type_: str, mode: str | None, item: str | None, source: list[str],
          target: list[str], when: str | None) -> list[dict[str, str]]:
    """One flag per (regime, direction) the fact falls under: supplying a covered
    party ("to") or a covered party supplying ("from"); for a cooperation, both
    sides may supply. Without a date, only regimes never lifted count."""
    if not is_arms(type_, mode, item):
        return []
    sides = [("to", c) for c in target] + [("from", c) for c in source]
    if type_ == "COOPERATE":
        sides += [("from", c) for c in target] + [("to", c) for c in source]
    out = []
    for reg in regimes():
        for direction in ("to", "from"):
            covered = [c for d, c in sides if d == direction and c in reg["parties"]]
            m = _earliest(reg, direction, covered, item, when)
            if m is not None:
                out.append({"regime": reg["regime"], "resolution": str(m["resolution"]),
                            "direction": direction})
    return out


def _earliest(reg: dict[str, Any], direction: str, covered: list[str], item: str | None,
              when: str | None) -> dict[str, Any] | None:
    if not covered:
        return None
    lo, hi = _period(when)
    # A party may leave a regime early (DRC's government since 2008): drop it then.
    ends = reg.get("not_after") or {}
    covered = [c for c in covered if c not in ends or (lo is not None and lo <= str(ends[c]))]
    measures = [m for m in sorted(reg["measures"], key=lambda m: str(m["from"]))
                if direction in m["direction"] and (not m.get("items") or item in m["items"])]
    if not covered or not measures:
        return None
    if lo is None:
        # Undated: only a regime in force without a break since it began can be said
        # to cover the fact (DPRK yes; Iran, lifted in 2020 and reimposed in 2025, no).
        return None if any(m["to"] for m in measures) else measures[0]
    for m in measures:
        start, stop = str(m["from"]), str(m["to"]) if m["to"] else None
        if start <= hi and (stop is None or lo < stop):
            return m
    return None


def _period(when: str | None) -> tuple[str | None, str | None]:
    """First and last day of a YYYY, YYYY-MM or YYYY-MM-DD date."""
    if not when:
        return None, None
    parts = when.split("-")
    if len(parts) == 1:
        return f"{when}-01-01", f"{when}-12-31"
    if len(parts) == 2:
        last = calendar.monthrange(int(parts[0]), int(parts[1]))[1]
        return f"{when}-01", f"{when}-{last:02d}"
    return when, when
