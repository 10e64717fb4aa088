"""Publication-date rules that may overrule htmldate, each a plain function of one page.

The resolver (`html_date.find_published`) asks plain `htmldate.find_date` first in spirit:
a rule speaks only when it is kept in `data/date_rules.yaml`, and the list there is what
fold-wise cross-validation on the visible pages kept (`evaluate/date_cv.py`): a rule stays
only when it beats htmldate on every fold. Kept rules are tried in the order of `RULES`;
the first that gives a day wins, else htmldate's day stands (and `dump` fills in a page
htmldate finds no date on).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import yaml
from htmldate import find_date
from lxml.html import HtmlElement

from newsgraph.clean import html_date as hd

Found = tuple[str | None, str | None]  # (day, published_source)


@dataclass
class Page:
    """One page and what several rules share, computed once."""

    tree: HtmlElement
    url: str | None
    dump: Callable[[], tuple[str | None, str | None]] | None = None  # the text cleaner's date

    @cached_property
    def url_day(self) -> str | None:
        return hd.url_date(self.url)

    @cached_property
    def tld(self) -> str:
        host = urlsplit(self.url).hostname if self.url else None
        return host.rsplit(".", 1)[-1] if host else ""

    @cached_property
    def zone(self) -> dt.tzinfo | None:
        return hd.outlet_zone(self.url, self.tree)

    @cached_property
    def ld_plain(self) -> tuple[str, bool] | None:
        return hd.jsonld_date(self.tree, self.url, None)

    @cached_property
    def meta(self) -> str | None:
        return hd.meta_date(self.tree, self.zone)

    @cached_property
    def htmldate(self) -> str | None:
        """Plain htmldate, as a user of the library would call it."""
        try:
            day = find_date(deepcopy(self.tree), original_date=True, extensive_search=True,
                            url=self.url, min_date="1990-01-01",
                            max_date=dt.date.today().isoformat())
        except Exception:  # noqa: BLE001 - htmldate chokes on odd markup; a date is optional
            return None
        return hd.plausible(day)

    def ld_in(self, zone: dt.tzinfo | None) -> str | None:
        """JSON-LD's day when read in `zone` moved it (a UTC stamp put into local time)."""
        if zone is None:
            return None
        found = hd.jsonld_date(self.tree, self.url, zone)
        return found[0] if found and found[1] and not (self.ld_plain and self.ld_plain[1]) \
            else None

    @cached_property
    def has_markup_date(self) -> bool:
        return bool(self.url_day or self.ld_plain or self.meta)


def _url_outvoted(p: Page) -> Found:
    """The URL's day loses when two other sources agree on another day."""
    if not p.url_day:
        return None, None
    others = [("jsonld", p.ld_plain[0] if p.ld_plain else None), ("meta", p.meta),
              ("text", hd.stamped_date(p.tree))]
    votes = Counter(d for _, d in others if d and d != p.url_day)
    if not votes or votes.most_common(1)[0][1] < 2:
        return None, None
    won = votes.most_common(1)[0][0]
    return won, next(src for src, d in others if d == won)


def _country_zone(p: Page) -> dt.tzinfo | None:
    name = _zone_names().get(p.tld)
    return ZoneInfo(name) if name and p.tld not in hd._GENERIC else None


def _stated_zone(p: Page) -> dt.tzinfo | None:
    return hd._stated_offset(p.tree) if p.tld in hd._GENERIC else None


def _eastern_zone(p: Page) -> dt.tzinfo | None:
    name = _zone_names().get(p.tld)
    if p.tld not in hd._GENERIC or not name or hd._stated_offset(p.tree) is not None:
        return None
    return ZoneInfo(name) if hd._english_or_undeclared(p.tree) else None


@cache
def _zone_names() -> dict[str, str]:
    return hd._zones()


Rule = Callable[[Page], Found]


def _as(source: str, day: Callable[[Page], str | None]) -> Rule:
    def rule(p: Page) -> Found:
        found = day(p)
        return (found, source) if found else (None, None)
    return rule


def _no_markup(day: Callable[[Page], str | None]) -> Callable[[Page], str | None]:
    """A text rule speaks only on a page without URL, JSON-LD or meta dates."""
    return lambda p: None if p.has_markup_date else day(p)


def _dump(p: Page) -> Found:
    return p.dump() if p.dump else (None, None)


# name -> (rule, "override" | "fallback"), in precedence order. An override beats htmldate when
# it speaks; a fallback speaks only where htmldate finds no date.
RULES: dict[str, tuple[Rule, str]] = {
    "url_outvoted": (_url_outvoted, "override"),
    "url": (_as("url", lambda p: p.url_day), "override"),
    "jsonld_local_offset": (_as("jsonld", lambda p: p.ld_plain[0] if p.ld_plain and
                                p.ld_plain[1] else None), "override"),
    "jsonld_country_zone": (_as("jsonld", lambda p: p.ld_in(_country_zone(p))), "override"),
    "jsonld_stated_offset": (_as("jsonld", lambda p: p.ld_in(_stated_zone(p))), "override"),
    "jsonld_us_eastern": (_as("jsonld", lambda p: p.ld_in(_eastern_zone(p))), "override"),
    "meta": (_as("meta", lambda p: p.meta), "override"),
    "jsonld_utc": (_as("jsonld", lambda p: p.ld_plain[0] if p.ld_plain and not p.meta
                       else None), "override"),
    "epoch": (_as("text", _no_markup(lambda p: hd.epoch_date(p.tree, p.zone))), "override"),
    "stamped": (_as("text", _no_markup(lambda p: hd.stamped_date(p.tree))), "override"),
    "text_newest": (_as("text", _no_markup(lambda p: hd.text_date(deepcopy(p.tree), p.url))),
                    "override"),
    "dump": (_dump, "fallback"),
}


def answer(name: str, p: Page) -> Found:
    """(day, published_source) of one rule on one page; (None, None) when it is silent."""
    return RULES[name][0](p)


def is_fallback(name: str) -> bool:
    return RULES[name][1] == "fallback"


@cache
def kept() -> tuple[str, ...]:
    """The rules cross-validation kept, in precedence order."""
    data = resources.files("newsgraph.clean") / "data" / "date_rules.yaml"
    names = set(yaml.safe_load(data.read_text("utf-8"))["keep"] or [])
    return tuple(n for n in RULES if n in names)


def htmldate_source(p: Page, day: str) -> str:
    """Where htmldate's day most likely came from, in newsgraph's `published_source` terms."""
    if day == p.url_day:
        return "url"
    if p.ld_plain and day == p.ld_plain[0]:
        return "jsonld"
    return "meta" if day == p.meta else "text"


def resolve(p: Page, rules: tuple[str, ...] | None = None) -> tuple[str | None, str | None]:
    """The page's day: the first kept override rule that speaks, else htmldate, else a kept
    fallback rule."""
    rules = kept() if rules is None else rules
    for name in rules:
        if not is_fallback(name):
            day, source = answer(name, p)
            if day:
                return day, source
    if p.htmldate:
        return p.htmldate, htmldate_source(p, p.htmldate)
    for name in rules:
        if is_fallback(name):
            day, source = answer(name, p)
            if day:
                return day, source
    return None, None
