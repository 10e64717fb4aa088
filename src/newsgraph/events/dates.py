"""Event dates: a date expression resolved against the publication date.

Returns (date, precision) with date `YYYY-MM-DD` / `YYYY-MM` / `YYYY`. A relative
expression with no publication date stays unknown: never the publication date by default.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
PATTERNS = [
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b", re.I),
    re.compile(rf"\b{_MONTH}(?:\s+of)?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b(?:in|since|during|from|until|by|early|late|mid)[\s-]+{_MONTH}\b", re.I),
    re.compile(rf"\b(?:in|since|during|from|until|by|of)\s+{_YEAR}\b", re.I),
]
ISO = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b")
RELATIVE = re.compile(
    r"\b(?P<which>last|this|next|previous)\s+(?P<unit>week|month|year|"
    + "|".join(WEEKDAYS) + r")\b|\b(?P<word>yesterday|today|tonight)\b|\b(?:on\s+)?(?P<wd>"
    + "|".join(WEEKDAYS) + r")\b", re.I)


def _parse_pub(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _year_for(month: int, pub: date | None) -> int | None:
    """A month named without a year is the latest such month not after publication."""
    if pub is None:
        return None
    return pub.year if month <= pub.month else pub.year - 1


def _absolute(text: str, pub: date | None) -> tuple[str, str] | None:
    m = ISO.search(text)
    if m:
        return m.group(0), "day"
    for pat in PATTERNS:
        m = pat.search(text)
        if not m:
            continue
        g = m.groupdict()
        year = int(g["year"]) if g.get("year") else None
        month = MONTHS[g["month"].lower().rstrip(".")] if g.get("month") else None
        day = int(g["day"]) if g.get("day") else None
        if month is None:
            return (f"{year:04d}", "year") if year else None
        if year is None:
            year = _year_for(month, pub)
            if year is None:
                return None
        if day:
            try:
                return date(year, month, day).isoformat(), "day"
            except ValueError:
                return None
        return f"{year:04d}-{month:02d}", "month"
    return None


def _relative(text: str, pub: date | None) -> tuple[str, str] | None:
    m = RELATIVE.search(text)
    if not m or pub is None:
        return None
    if m.group("word"):
        d = pub - timedelta(days=1) if m.group("word").lower() == "yesterday" else pub
        return d.isoformat(), "day"
    if m.group("wd") or (m.group("unit") and m.group("unit").lower() in WEEKDAYS):
        name = (m.group("wd") or m.group("unit")).lower()
        back = (pub.weekday() - WEEKDAYS[name]) % 7
        which = (m.group("which") or "").lower()
        if which in ("last", "previous") and back == 0:
            back = 7
        if which == "next":
            ahead = (WEEKDAYS[name] - pub.weekday()) % 7 or 7
            return (pub + timedelta(days=ahead)).isoformat(), "day"
        return (pub - timedelta(days=back)).isoformat(), "day"
    which, unit = m.group("which").lower(), m.group("unit").lower()
    step = {"last": -1, "previous": -1, "this": 0, "next": 1}[which]
    if unit == "year":
        return f"{pub.year + step:04d}", "year"
    if unit == "month":
        y, mth = divmod(pub.year * 12 + pub.month - 1 + step, 12)
        return f"{y:04d}-{mth + 1:02d}", "month"
    start = pub + timedelta(weeks=step) - timedelta(days=pub.weekday())
    end = start + timedelta(days=6)
    if start.month == end.month:
        return f"{start.year:04d}-{start.month:02d}", "month"
    return (f"{start.year:04d}", "year") if start.year == end.year else None


def resolve(text: str, published: str | None) -> tuple[str | None, str | None]:
    """Resolve one date expression ("on Friday", "since October 2024", "in 2006")."""
    pub = _parse_pub(published)
    found = _absolute(text, pub) or _relative(text, pub)
    return found if found else (None, None)
