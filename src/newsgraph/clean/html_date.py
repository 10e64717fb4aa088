"""Publication date of an HTML page, and how it was found.

`find_published` trusts plain htmldate unless a rule of `date_rules.py` that fold-wise
cross-validation kept says otherwise. The readers the rules are made of live here: a date
in the URL path, JSON-LD article objects, meta tags as htmldate reads them (and full
timestamps it rejects), a Unix time behind a visible date, a visible date stamped with a
time of day, htmldate's text search newest first. A timestamp with an offset keeps the day
as written; a UTC timestamp may be moved into the outlet's zone (data/html_zones.yaml). A
wiki revision view is dated by its modification. A date after today or before 1990 is not
a publication date.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import warnings
from functools import cache
from importlib import resources
from urllib.parse import parse_qsl, urlsplit
from zoneinfo import ZoneInfo

import yaml
from dateutil import parser as dateutil_parser
from dateutil.parser import UnknownTimezoneWarning
from htmldate import find_date
from htmldate.core import DATE_ATTRIBUTES, examine_header
from htmldate.extractors import extract_url_date
from htmldate.utils import Extractor
from lxml.html import HtmlElement

MIN_DATE = dt.date(1990, 1, 1)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# /20200413/ or /2020-04-13- style path segments htmldate's URL pattern misses.
_URL_COMPACT = re.compile(r"/((?:19|20)\d{2})([01]\d)([0-3]\d)(?:/|[-_.]|$)")
# JSON-LD keys naming the original publication, most specific first.
_LD_KEYS = ("datePublished", "dateCreated")
# An explicit non-UTC offset: the outlet stated its local time.
_LOCAL_OFFSET = re.compile(r"[+-](?!00:?00)\d{2}:?\d{2}$")
_UTC = re.compile(r"(?:Z|[+-]00:?00)$")

_MONTHS = ("jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
           "june|july|august|september|october|november|december")
_TIME = r"\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?"
_DAY_FORMS = (
    rf"\d{{1,2}}\.?\s+(?:{_MONTHS})\.?,?\s+(?:19|20)\d{{2}}",  # 13 Jan 2020
    rf"(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+(?:19|20)\d{{2}}",  # Jan 13, 2020
    r"(?:19|20)\d{2}-\d{1,2}-\d{1,2}",  # 2020-01-13
    r"\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2}",  # 13.01.2020
)
_DAY = "|".join(_DAY_FORMS)
# A date stamped with a time of day is an article timestamp; a bare date in a
# page header is often the site's clock (the crawl day), so it needs the time.
_STAMP = re.compile(
    rf"(?P<d1>{_DAY})\s*(?:,|\||-|–|at|à|um|alle)?\s*{_TIME}|{_TIME}\s*(?:-|–|,|\|)?\s*(?P<d2>{_DAY})",
    re.IGNORECASE,
)


def plausible(day: str | None, today: dt.date | None = None) -> str | None:
    """`day` as YYYY-MM-DD when it is a real date between 1990 and today, else None."""
    if not day:
        return None
    m = _ISO.search(day)
    if not m:
        return None
    try:
        d = dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    today = today or dt.date.today()
    if d < MIN_DATE or d > today:
        return None
    return d.isoformat()


def _parse_any(value: str, dayfirst: bool = False) -> str | None:
    """A day from an ISO string or a looser form ("Tue, Sep 15 2020 10:01:41 EDT")."""
    day = plausible(value)
    if day:
        return day
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unknown zone names: the day is what we want
        try:
            parsed = dateutil_parser.parse(value, fuzzy=True, ignoretz=True, dayfirst=dayfirst)
        except (ValueError, OverflowError):
            return None
    return plausible(parsed.date().isoformat())


def _walk_ld(node: object):
    """Every dict in a JSON-LD structure (@graph, lists, nested objects)."""
    if isinstance(node, dict):
        yield node
        for v in node.values():
            yield from _walk_ld(v)
    elif isinstance(node, list):
        for v in node:
            yield from _walk_ld(v)


def _ld_rank(kind: object) -> int | None:
    """0 for an article, 1 for a web page, None for anything else (an embedded
    video's uploadDate or an organisation's founding date is not the article's)."""
    kinds = kind if isinstance(kind, list) else [kind]
    names = [k for k in kinds if isinstance(k, str)]
    if any(k.endswith(("Article", "Posting", "Report")) for k in names):
        return 0
    if any(k.endswith("WebPage") for k in names):
        return 1
    return None


@cache
def _zones() -> dict[str, str]:
    data = resources.files("newsgraph.clean") / "data" / "html_zones.yaml"
    return yaml.safe_load(data.read_text("utf-8"))["zones"]


def outlet_zone(url: str | None, tree: HtmlElement | None = None) -> dt.tzinfo | None:
    """The outlet's time zone: its country-code domain's; on a generic domain (.com) the
    offset its own timestamps state, else US Eastern for a page not declared in another
    language than English (data/html_zones.yaml)."""
    host = urlsplit(url).hostname if url else None
    tld = host.rsplit(".", 1)[-1] if host else ""
    name = _zones().get(tld)
    if tld not in _GENERIC or tree is None:
        return ZoneInfo(name) if name else None
    stated = _stated_offset(tree)
    if stated is not None:
        return stated
    return ZoneInfo(name) if name and _english_or_undeclared(tree) else None


_GENERIC = ("com", "net", "org", "info", "biz")
_OFFSET = re.compile(r"([+-])(\d{2}):?(\d{2})$")


def _stated_offset(tree: HtmlElement) -> dt.tzinfo | None:
    """The first non-UTC offset written in the page's date metadata (JSON-LD or meta)."""
    values = [e.get("content") or "" for e in tree.iterfind(".//meta[@content]")
              if (e.get("property") or e.get("name") or e.get("itemprop") or "").lower()
              in DATE_ATTRIBUTES]
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        values += re.findall(r'"date(?:Published|Modified|Created)"\s*:\s*"([^"]+)"',
                             script.text_content() or "")
    for value in values:
        m = _LOCAL_OFFSET.search(value.strip()) and _OFFSET.search(value.strip())
        if m:
            minutes = int(m[2]) * 60 + int(m[3])
            if minutes <= 14 * 60:
                return dt.timezone(dt.timedelta(minutes=minutes if m[1] == "+" else -minutes))
    return None


def _english_or_undeclared(tree: HtmlElement) -> bool:
    declared = [*tree.xpath("/html/@lang"), *tree.xpath('//meta[@property="og:locale"]/@content')]
    return not declared or any(str(v).lower().startswith("en") for v in declared)


def _ld_day(value: str, zone: dt.tzinfo | None) -> tuple[str | None, bool]:
    """(day, is it the outlet's local day?) of a JSON-LD timestamp. A UTC
    timestamp ("...Z") is moved into the outlet's zone when its domain tells."""
    value = value.strip()
    if _LOCAL_OFFSET.search(value):
        return _parse_any(value), True
    if zone is not None and _UTC.search(value):
        try:
            stamp = dateutil_parser.isoparse(value)
        except (ValueError, OverflowError):
            try:  # loose forms such as "2020-12-05T23:15:0Z"
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    stamp = dateutil_parser.parse(value)
            except (ValueError, OverflowError):
                return _parse_any(value), False
        if stamp.tzinfo is not None:
            try:
                return plausible(stamp.astimezone(zone).date().isoformat()), True
            except OverflowError:  # "0001-01-01T00:00:00Z" placeholders
                return None, False
    return _parse_any(value), False


def is_revision(url: str | None) -> bool:
    """A wiki revision or diff view (MediaWiki's ?diff= / ?oldid=): the page shows one
    revision, made on its modification day, not the day the page was created."""
    query = urlsplit(url).query if url else ""
    return any(key in ("diff", "oldid") for key, _ in parse_qsl(query, keep_blank_values=True))


def jsonld_date(tree: HtmlElement, url: str | None,
                zone: dt.tzinfo | None) -> tuple[str, bool] | None:
    """(datePublished of the page's article object in JSON-LD, is it the local day?).
    On a revision view, dateModified is the revision's date."""
    keys = ("dateModified", *_LD_KEYS) if is_revision(url) else _LD_KEYS
    found: list[tuple[int, int, str, bool]] = []
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "", strict=False)
        except ValueError:
            continue
        for obj in _walk_ld(data):
            rank = _ld_rank(obj.get("@type"))
            if rank is None:
                continue
            for key in keys:
                value = obj.get(key)
                day, local = _ld_day(value, zone) if isinstance(value, str) else (None, False)
                if day:
                    found.append((rank, len(found), day, local))
                    break
    if not found:
        return None
    best = min(found)
    return best[2], best[3]


def _options(original: bool = True, extensive: bool = False) -> Extractor:
    return Extractor(extensive, dt.datetime.now(), dt.datetime(1990, 1, 1), original, "%Y-%m-%d")


def url_date(url: str | None) -> str | None:
    if not url:
        return None
    day = plausible(extract_url_date(url, _options()))
    if day:
        return day
    path = url.split("?", 1)[0]
    m = _URL_COMPACT.search(path)
    return plausible(f"{m[1]}-{m[2]}-{m[3]}") if m else None


_META_STAMP = re.compile(r"(?:19|20)\d{2}-\d{2}-\d{2}T\d{2}:\d{2}")


def meta_date(tree: HtmlElement, zone: dt.tzinfo | None) -> str | None:
    """The publication date in <meta> tags and their kin, as htmldate reads them;
    else a full timestamp in a publication meta tag htmldate rejects (it refuses
    more than 18 digits, so "2020-05-02T02:54:29.000Z" is lost), read as JSON-LD is."""
    try:
        day = plausible(examine_header(tree, _options()))
    except Exception:  # noqa: BLE001 - htmldate chokes on odd markup; a date is optional
        day = None
    if day:
        return day
    for elem in tree.iterfind(".//meta[@content]"):
        key = elem.get("property") or elem.get("name") or elem.get("itemprop") or ""
        content = elem.get("content") or ""
        if key.lower() in DATE_ATTRIBUTES and _META_STAMP.match(content.strip()):
            day = _ld_day(content, zone)[0]
            if day:
                return day
    return None


def stamped_date(tree: HtmlElement) -> str | None:
    """The first visible date written with a time of day ("13 Jan 2020, 22:11")."""
    body = tree.find(".//body")
    if body is None:
        return None
    for text in body.itertext():
        if len(text) > 300 or not any(c.isdigit() for c in text):
            continue
        m = _STAMP.search(text)
        if m:
            expr = m["d1"] or m["d2"]
            day = _parse_any(expr, dayfirst=not expr[:4].isdigit())
            if day:
                return day
    return None


_EPOCH = re.compile(r"\d{10}(?:\d{3})?")
# Attributes holding a Unix time behind a visible date ("Jul 10" with data-time="1594448702").
_EPOCH_ATTRS = ("data-time", "data-timestamp", "data-time-ms", "data-utime", "data-publish-time")


def epoch_date(tree: HtmlElement, zone: dt.tzinfo | None) -> str | None:
    """The day of the first Unix timestamp carried by a visible date element: exact
    where the visible text was rendered in the crawler's zone. Read in the outlet's
    zone when its domain tells one, else in UTC."""
    zone = zone or dt.UTC
    query = " | ".join(f".//body//*[@{a}]" for a in _EPOCH_ATTRS)
    for elem in tree.xpath(query):
        if not (elem.text_content() or "").strip():
            continue
        for attr in _EPOCH_ATTRS:
            value = (elem.get(attr) or "").strip()
            if _EPOCH.fullmatch(value):
                try:
                    stamp = dt.datetime.fromtimestamp(int(value[:10]), zone)
                except (OverflowError, OSError, ValueError):
                    continue
                return plausible(stamp.date().isoformat())
    return None


def text_date(tree: HtmlElement, url: str | None) -> str | None:
    """htmldate's search of the page text, newest date first (the oldest date on a
    page with no metadata is more often an archive link or a founding year).
    A January 1st there comes from a bare year ("© 2020"): no publication day."""
    today = dt.date.today()
    try:
        day = plausible(find_date(tree, extensive_search=True, original_date=False, url=url,
                                  min_date="1990-01-01", max_date=today.isoformat()))
    except Exception:  # noqa: BLE001 - htmldate chokes on odd markup; a date is optional
        return None
    return None if day and day.endswith("-01-01") else day


def find_published(tree: HtmlElement, url: str | None) -> tuple[str | None, str | None]:
    """The page's publication day and how it was found (url, jsonld, meta, text): plain
    htmldate, overruled only by the rules cross-validation kept (`date_rules.py`)."""
    from newsgraph.clean.date_rules import Page, resolve

    with warnings.catch_warnings():
        # dateutil warns on zone names it does not know ("GST"); the day is all we keep.
        warnings.simplefilter("ignore", UnknownTimezoneWarning)
        return resolve(Page(tree, url))
