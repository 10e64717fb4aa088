"""Title, publication date, outlet and author from the lines around the body.

The header zone runs from the title down to the body: a date there is the article's; a
clock above the title is page chrome. Bylines and credits are looked for from the title to
a few lines past the body; a wire marker opening the body is the strongest outlet cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

from newsgraph.clean.byline import (
    copyright_owner,
    credit,
    dateline_marker,
    masthead,
    parse_byline,
    wire_marker,
)
from newsgraph.clean.dates import (
    looks_like_date_line,
    newest_year,
    not_publication,
    numeric_order,
    parse_date,
    wire_day,
)
from newsgraph.clean.lines import Line
from newsgraph.language import paragraph_language
from newsgraph.model import RawDoc

HEADER_SCAN = 15  # lines above the body searched for the title
TAIL_SCAN = 6  # lines below the body searched for bylines and credits
MASTHEAD_SCAN = 4  # a site's name in capitals sits in the first lines of the page
NEAR_SCAN = 25  # lines around the body start searched for a dateline
MAX_DATED_CHARS = 160  # a longer line is prose, whatever dates it mentions
_NOT_TITLE = {"page chrome", "prompt", "navigation bar", "legal notice", "terminator heading",
              "comments heading", "lone characters", "tracking id or url", "repeated ad",
              "truncated teaser", "teaser card", "embedded post",
              "date line", "byline", "credit", "repeated across batch"}
_INNER_BREAK = re.compile(r"[a-z\u00e0-\u024f]{2,}[.!?][\"”’]?\s+[A-Z\u00c0-\u024f]")
_CONTACT = re.compile(r"@\w|://|www\.|\.(?:com|org|net)\b", re.I)
# US time zones next to a date: the page writes month first ("03/12/2025" is 12 March).
_US_CUE = re.compile(r"\b(?:[ECMP][SD]T|ET|PT)\b")
_CLOCK = re.compile(r"(?<!\d)[0-2]?\d[:h][0-5]\d(?!\d)")
_DATE_CUE = re.compile(
    r"^(?:published|updated|posted|last updated|first published|date|created|modified)\b", re.I)


@dataclass
class Meta:
    title: str | None = None
    published: str | None = None
    published_source: str | None = None  # text, or header for the page's own clock
    outlet: str | None = None
    author: str | None = None
    used: set[int] = field(default_factory=set)  # body-region lines that are metadata
    first_line: str | None = None  # the first body line without its wire marker


def find_metadata(lines: list[Line], start: int, end: int, raw: RawDoc) -> Meta:
    meta = Meta()
    title_at = _find_title(lines, start, end)
    if title_at is not None:
        meta.title = lines[title_at].text
        meta.used.add(title_at)
    top = title_at if title_at is not None else max(0, start - 5)
    meta.published, meta.published_source = _find_date(lines, top, start, end, raw)
    _find_outlet(lines, top, start, end, meta)
    return meta


def headline_like(line: Line) -> bool:
    if line.no_space_script:
        return 10 <= line.n_chars <= 160
    return (3 <= line.n_words <= 30 and line.n_chars <= 220 and line.text[-1] not in ":,;"
            and not _INNER_BREAK.search(line.text) and not _CONTACT.search(line.text))


def _find_title(lines: list[Line], start: int, end: int) -> int | None:
    good = [ln for ln in lines[start:end] if ln.label == "good"]
    # A bilingual page: the headline opening the English block is the title (it is the
    # block the English parser reads); other blocks keep their own headlines as body text.
    for k in range(1, len(good) - 1):
        if headline_like(good[k]) and good[k + 1].n_chars > good[k].n_chars \
                and paragraph_language(good[k].text) == "en" \
                and paragraph_language(good[k + 1].text) == "en" \
                and paragraph_language(good[k - 1].text) not in ("en", None):
            return good[k].i
    found = []
    for j in range(start - 1, max(-1, start - 1 - HEADER_SCAN), -1):
        ln = lines[j]
        if ln.why in _NOT_TITLE or not headline_like(ln):
            continue
        if ln.text.endswith((".", "!", "?")) and (ln.label == "good" or ln.why == "repeated line"):
            continue  # prose left out of the body, or a repeated photo caption
        found.append(ln)
        if len(found) == 2:
            break
    if found:
        # A sentence-case standfirst right under a Title-Case headline: the headline.
        if len(found) == 2 and found[1].i == found[0].i - 1 and found[1].caps_ratio >= 0.6 \
                and found[0].caps_ratio < 0.6:
            return found[1].i
        return found[0].i
    if len(good) > 1 and headline_like(good[0]) and good[1].n_chars > good[0].n_chars \
            and not good[0].text.endswith((".", "!", "?")):
        return good[0].i
    return None


def _find_date(lines: list[Line], top: int, start: int, end: int,
               raw: RawDoc) -> tuple[str | None, str | None]:
    """(day, "text") from the article's own datelines, else (day, "header") from the site's
    clock above the headline, else (None, None)."""
    lang = next((paragraph_language(ln.text) for ln in lines[start:end] if ln.label == "good"),
                None)
    # A dateline sits right above or below the headline; a clock further up is page chrome.
    # There a date may share its line with a byline or a "|"-separated credit.
    header = [ln for ln in lines[max(0, top - 2):min(end, start + 3)]
              if _dated(ln) and ln.i != top and not _chrome_clock(lines, ln, top)]
    header.sort(key=lambda ln: abs(ln.i - start))  # the dateline nearest the body first
    # Then a dateline under the lede or photo, or further up the header.
    near = [ln for ln in lines[max(0, start - NEAR_SCAN):min(end, start + NEAR_SCAN)]
            if ln.why == "date line" and ln not in header and not _chrome_clock(lines, ln, top)]
    near.sort(key=lambda ln: (ln.i < top - 2, abs(ln.i - start)))
    # "Published: April 24, 2020 | Updated: ..." anywhere, even where it was read as body.
    cued = [ln for ln in lines if _DATE_CUE.match(ln.text) and ln.n_chars <= MAX_DATED_CHARS
            and not _quoted_post(ln) and ln not in header and ln not in near]
    tail = [ln for ln in lines[end:end + TAIL_SCAN]
            if looks_like_date_line(ln.text) and not _quoted_post(ln)]
    # Last, a date stamped with a time of day anywhere above the body's end ("22:30, 9 MAY
    # 2020"): an article's timestamp, where a clock in the page header would sit above
    # the navigation. The nearest to the body first.
    seen = {ln.i for ln in header + near + cued + tail}
    stamped = sorted((ln for ln in lines[:end] if ln.why == "date line" and ln.i not in seen
                      and _CLOCK.search(ln.text) and not _chrome_clock(lines, ln, top)
                      and not _page_top(ln, top)), key=lambda ln: abs(ln.i - start))
    dated = [ln.text for ln in lines if ln.why == "date line" or looks_like_date_line(ln.text)]
    host = urlsplit(raw.meta.get("url") or "").hostname or ""
    order = numeric_order(dated, us=host.endswith(".us") or bool(_US_CUE.search(" ".join(dated))))
    # Then any date line above the body's end, the nearest first.
    seen |= {ln.i for ln in stamped}
    anywhere = sorted((ln for ln in lines[:end] if ln.why == "date line" and ln.i not in seen
                       and not _chrome_clock(lines, ln, top) and not _page_top(ln, top)),
                      key=lambda ln: abs(ln.i - start))
    # A relative expression ("3 hours ago", "heute") is no publication date (no anchor):
    # the only time a dump carries is when its file was written, not when it was shown.
    for ln in header + near + cued + tail + stamped + anywhere:
        found = _read(ln, lang, order)
        if found:
            return found, "text"
    # A wire dateline without a year opening the body ("MOSCOW, June 29 (Reuters) -").
    anchor = _year_anchor(lines, raw)
    for ln in lines[start:min(end, start + 2)]:
        found = wire_day(ln.text, lang, anchor) if ln.label == "good" else None
        if found:
            return found, "text"
    # Last, the site's clock ("/ martes 17 de marzo de 2020" above the menu): the day the
    # page was served, which on a page showing no other date is the nearest to its
    # publication. It never outranks a dateline: a stale clock may be years off.
    clocks = [ln for ln in lines[:top] if ln.why == "date line" and ln.i not in seen]
    for ln in clocks:
        found = _read(ln, lang, order)
        if found:
            return found, "header"
    return None, None


def _year_anchor(lines: list[Line], raw: RawDoc) -> datetime:
    """Where a yearless day is looked back from: when the file was fetched, or the end of
    the newest year the page writes in its date lines and copyright notice, if earlier."""
    try:
        fetched = datetime.fromisoformat(raw.fetched_at.replace("Z", "+00:00"))
    except ValueError:
        fetched = datetime.now(UTC)
    fetched = fetched.replace(tzinfo=None)
    year = newest_year([ln.text for ln in lines if ln.why == "date line"
                        or _COPYRIGHT_MARK.search(ln.text)])
    return datetime(year, 12, 31) if year and year < fetched.year else fetched


_COPYRIGHT_MARK = re.compile(r"©|\(c\)|copyright", re.I)


def _read(ln: Line, lang: str | None, order: str) -> str | None:
    if not_publication(ln.text):
        return None
    return parse_date(ln.text, [lang, paragraph_language(ln.text)], None, order=order)


def _dated(ln: Line) -> bool:
    """A line of the header zone that may carry the date: a date line, a byline or credit
    ("By Jane Roe | 26/11/2020 20:02"), a short line of furniture; not prose."""
    if ln.why == "date line":
        return True
    if _quoted_post(ln):
        return False
    if ln.n_chars > MAX_DATED_CHARS or not any(c.isdigit() for c in ln.text):
        return False
    return ln.label != "good" or looks_like_date_line(ln.text)


def _quoted_post(ln: Line) -> bool:
    """"— Jane Roe (@jroe) January 2, 2020" closes a quoted post: its date is the post's."""
    return ln.why == "embedded post" and ln.text.lstrip()[:1] in "—–-"


def _page_top(ln: Line, top: int) -> bool:
    """The first lines of the page, well above the headline: the site's "today" banner."""
    return ln.i < MASTHEAD_SCAN and ln.i < top - 2


def _chrome_clock(lines: list[Line], ln: Line, top: int) -> bool:
    """A date above the site's navigation is the page's clock, not the article's date."""
    return ln.i < top and any(x.why == "navigation bar" for x in lines[ln.i + 1:top])


def _find_outlet(lines: list[Line], top: int, start: int, end: int, meta: Meta) -> None:
    """Strongest cue first: a wire marker opening the body, a dateline's marker, a byline,
    a republication credit, the copyright notice, the masthead."""
    first = next((ln for ln in lines[start:end] if ln.label == "good" and ln.i not in meta.used),
                 None)
    marker = wire_marker(first.text) if first else None
    if marker:
        meta.outlet, meta.first_line = marker
    zone = lines[top:end + TAIL_SCAN]
    for ln in lines[top:start + 2]:
        meta.outlet = meta.outlet or dateline_marker(ln.text)
    for ln in zone:
        if ln.why == "byline" or (start <= ln.i < end and ln.n_chars <= 100):
            found = parse_byline(ln.text)
            if found:
                outlet, author = found
                meta.outlet = meta.outlet or outlet
                meta.author = meta.author or author
                if start <= ln.i < end:
                    meta.used.add(ln.i)
    for ln in zone:
        name = credit(ln.text) if ln.why == "credit" or start <= ln.i < end else None
        if name:
            meta.outlet = meta.outlet or name
            if start <= ln.i < end:
                meta.used.add(ln.i)
    for ln in lines[end:]:
        meta.outlet = meta.outlet or copyright_owner(ln.text)
    for ln in lines[:min(MASTHEAD_SCAN, top)]:
        meta.outlet = meta.outlet or masthead(ln.text)
