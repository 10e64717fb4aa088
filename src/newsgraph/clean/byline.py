"""Outlet and author from bylines, wire markers and republication credits in text."""

from __future__ import annotations

import re
from functools import lru_cache

from newsgraph.clean import vocab

# "Reuters staff", "AP reporters": the outlet's name followed by a generic noun.
_STAFF = re.compile(r"\s+(?:staff|reporters?|correspondents?|desk|team|wire)$", re.I)
_DATELINE_ONLY = re.compile(
    r"^[A-Z][\w .,'/-]{1,40}\s\((?P<outlet>[A-Za-z][\w .&-]{1,30})\)\s*[-–—:]?$")
_COPYRIGHT = re.compile(
    r"(?i:copyright|©|\(c\))(?:\s*(?i:©|\(c\)))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?,?\s*"
    r"(?P<owner>(?:The )?[A-Z][\w&'-]*(?: [A-Z][\w&'-]*){0,4})")
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z\u00c0-\u024f][\w.'’&-]*|[a-z][\w-]*\.[a-z]{2,}|of|the|and|de|al)$")


@lru_cache(maxsize=1)
def _patterns() -> dict:
    w = vocab.wire()
    prefixes = "|".join(sorted((re.escape(p) for p in w["byline_prefixes"]), key=len, reverse=True))
    aliases = {}
    for canon, names in w["outlets"].items():
        for n in [canon, *names]:
            aliases[n.lower()] = canon
    return {
        "byline": re.compile(rf"^(?:{prefixes})\b\s*:?\s*(?P<name>.+?)\s*$", re.I),
        "credits": [re.compile(p, re.I) for p in w["credit_patterns"]],
        "wire": re.compile(w["wire_marker"]),
        "aliases": aliases,
        "org_words": {x.lower() for x in w["org_words"]},
        "suffixes": {x.lower() for x in w["generic_suffixes"]},
    }


def known_outlet(name: str) -> str | None:
    """Canonical name when `name` is a known outlet, optionally followed by "News" & co."""
    p = _patterns()
    words = name.strip(" .,:;-").lower().split()
    while words:
        canon = p["aliases"].get(" ".join(words))
        if canon:
            return canon
        if words[-1] not in p["suffixes"]:
            return None
        words = words[:-1]
    return None


def parse_byline(text: str) -> tuple[str | None, str | None] | None:
    """(outlet, author) for a byline line such as "By: ATN News" or "By Jane Roe, Reuters";
    None when the line is not a byline."""
    if len(text) > 100:
        return None
    m = _patterns()["byline"].match(text.strip())
    if not m:
        return None
    outlet = author = None
    for part in re.split(r"\s*(?:,|;|\||/| and | for | - | – | — )\s*", m["name"]):
        part = _STAFF.sub("", part.strip(" .")).strip()
        if not part or not _name_like(part):
            if part and outlet is None and author is None:
                return None  # "By contrast, ..." is prose, not a byline
            continue
        kind = _kind(part)
        if kind == "outlet" and outlet is None:
            outlet = known_outlet(part) or part
        elif kind == "person" and author is None:
            author = part
    if outlet is None and author is None:
        return None
    return outlet, author


def credit(text: str) -> str | None:
    """Outlet of a republication credit: "originally published on journaldequebec.com"."""
    if len(text) > 160:
        return None
    for pat in _patterns()["credits"]:
        m = pat.search(text.strip())
        if m:
            name = m["outlet"].rstrip(".")
            return known_outlet(name) or name
    return None


def dateline_marker(text: str) -> str | None:
    """Outlet of a line holding only a dateline and a wire marker: "Berlin/Kyiv (dpa) -"."""
    m = _DATELINE_ONLY.match(text.strip())
    if not m:
        return None
    return known_outlet(m["outlet"]) or (m["outlet"] if m["outlet"].isupper() else None) \
        or (m["outlet"] if m["outlet"].islower() and len(m["outlet"]) <= 5 else None)


def copyright_owner(text: str) -> str | None:
    """Outlet named in a copyright notice: "Copyright (c) 2025 The Seoul Ledger."."""
    m = _COPYRIGHT.search(text)
    if not m:
        return None
    name = m["owner"].strip(" .,")
    return known_outlet(name) or (name if 1 <= len(name.split()) <= 5 else None)


def masthead(text: str) -> str | None:
    """A site's name set in capitals at the top of a page: "EASTERN FLANK DAILY"."""
    words = text.split()
    if not 2 <= len(words) <= 5 or not text.isupper() or any(c.isdigit() for c in text):
        return None
    if not all(w.isalpha() for w in words):
        return None
    return known_outlet(text) or " ".join(w.capitalize() if w.lower() != "the" or i == 0
                                          else w.lower() for i, w in enumerate(words))


def wire_marker(text: str) -> tuple[str, str] | None:
    """(outlet, text without a leading bare marker) for "(MENAFN) ...", "MOSCOW (Reuters) - ...".
    A dateline is kept in the text; only a bare opening marker is removed."""
    m = _patterns()["wire"].match(text)
    if not m:
        return None
    name = m["outlet"].strip()
    outlet = known_outlet(name)
    if outlet is None and not (name.isupper() and 2 <= len(name) <= 8):
        return None  # "(centre)" or "(EU)" in prose is not a wire marker
    if outlet is None and name.lower() in {"eu", "un", "us", "uk"}:
        return None
    rest = text if m["dateline"] else text[m.end():]
    return outlet or name, rest


def _name_like(part: str) -> bool:
    toks = part.split()
    return 1 <= len(toks) <= 6 and all(_NAME_TOKEN.match(t) for t in toks)


def _kind(part: str) -> str:
    p = _patterns()
    if known_outlet(part):
        return "outlet"
    toks = part.split()
    if "." in part and " " not in part:
        return "outlet"  # a domain
    if any(t.lower() in p["org_words"] for t in toks):
        return "outlet"
    if len(toks) == 1 and part.isupper() and len(part) >= 2:
        return "outlet"  # an acronym
    return "person" if len(toks) >= 2 else "unknown"
