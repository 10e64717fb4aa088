"""Publication dates written in a text line, in any language dateparser knows.

Relative expressions ("3 hours ago") are resolved against the anchor the caller gives (the
time the page was fetched), never against another date on the page (dateparser's
`search_dates` would anchor them to the previous absolute date unless RELATIVE_BASE is set);
with no anchor they are no date at all. Thai Buddhist-era years are converted. Numeric
dates: dotted ones ("12.09.2025") are day first; slashed ones are decided by a component
above 12, else by the caller's `order` ("dmy" or "mdy", see `numeric_order`). A date in the
future or before `min_year` is not a publication date.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from functools import lru_cache

_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d|25\d\d)(?!\d)")
# A Solar Hijri year (1399 SH is 2020) in Arabic-script text.
_SH_YEAR = re.compile(r"[\u0600-\u06ff].*(?<!\d)1[34]\d\d(?!\d)"
                      r"|(?<!\d)1[34]\d\d(?!\d).*[\u0600-\u06ff]")
# 2020-08-18, 2020/08/18, 2020.08.18 and the spaced "2020. 08. 18." of Hungarian and Korean.
_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)([-/.]|\.\s)(\d{1,2})\2(\d{1,2})(?!\d)")
_DIGITS = re.compile(r"\d")
_DOTTED = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20|25)\d\d)(?![\d.])")
# Years 25xx are Thai Buddhist era (03/01/2567 is 3 January 2024).
_SLASHED = re.compile(r"(?<![\d/.-])(\d{1,2})([/-])(\d{1,2})\2((?:19|20|25)\d\d)(?![\d/])")
# "March 12, 2025" (month first, as in the US) and "12 March 2025" (day first).
_WORD_MDY = re.compile(r"(?<!\d\s)\b[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,\s+(?:19|20)\d\d\b")
_WORD_DMY = re.compile(r"\b\d{1,2}(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?[^\W\d_]{3,}\.?,?\s+"
                       r"(?:de\s+)?(?:19|20)\d\d\b")


@lru_cache(maxsize=1)
def _vocab() -> dict:
    from importlib import resources

    import yaml

    path = resources.files("newsgraph.clean") / "data" / "dates.yaml"
    return yaml.safe_load(path.read_text("utf-8"))


def ascii_digits(text: str) -> str:
    """Digits of any script (Persian ۱۳۹۹, Bengali ২০২০, Arabic-Indic ٢٠٢٠) as ASCII."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() and not c.isascii() else c
                   for c in text)


def looks_like_date_line(text: str) -> bool:
    """A short line carrying a year, a clock or a relative-date word."""
    text = ascii_digits(text)
    if len(text) > 90 or len(text.split()) > 14 or not _DIGITS.search(text) and not _relative(text):
        return False
    if re.search(r"[$€£¥₹]\s?\d|\d\s?[$€£¥₹]|%", text):
        return False  # a price or a percentage
    tokens = text.split()
    if len(text) > 40 and sum(bool(_DIGITS.search(t)) for t in tokens) < 0.2 * len(tokens):
        return False  # a headline that mentions a year
    return bool(_YEAR.search(text) or _SH_YEAR.search(text) or _relative(text)
                or re.search(r"\d{1,2}[./]\d{1,2}", text))


def not_publication(text: str) -> bool:
    """A line dating something other than the article: a member's joining day, a birth,
    an expiry ("Joined May 11, 2017")."""
    return bool(_not_publication_pattern().search(text.lower()))


@lru_cache(maxsize=1)
def _not_publication_pattern() -> re.Pattern[str]:
    cues = _vocab()["not_publication_cues"]
    return re.compile("|".join(rf"(?<!\w){re.escape(c)}(?!\w)" for c in cues))


_NO_SPACES = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff]")


def _relative(text: str) -> bool:
    return bool(_relative_pattern().search(text.lower()))


@lru_cache(maxsize=1)
def _relative_pattern() -> re.Pattern[str]:
    # Cues are whole words, except in scripts written without spaces (CJK, Thai).
    parts = [re.escape(c) if _NO_SPACES.search(c) else rf"(?<!\w){re.escape(c)}(?!\w)"
             for c in _vocab()["relative_cues"]]
    return re.compile("|".join(parts))


def numeric_order(texts: list[str], lang: str | None = None, us: bool = False) -> str:
    """How a page writes its all-number dates, "dmy" or "mdy": its unambiguous slashed
    dates (a component above 12) decide, else its dates with month names ("March 12, 2025"
    is American), else the place: month first for US pages (`us`), day first elsewhere,
    and for English with no other cue (most of the world writes day first)."""
    dmy = mdy = 0
    for text in texts:
        for m in _SLASHED.finditer(text):
            a, b = int(m[1]), int(m[3])
            dmy += a > 12 >= b
            mdy += b > 12 >= a
    if dmy != mdy:
        return "dmy" if dmy > mdy else "mdy"
    for text in texts:
        mdy += len(_WORD_MDY.findall(text))
        dmy += len(_WORD_DMY.findall(text))
    if dmy != mdy:
        return "dmy" if dmy > mdy else "mdy"
    return "mdy" if us else "dmy"


def parse_date(
    text: str, lang: str | list[str | None] | None, base: datetime | None,
    today: date | None = None, order: str = "dmy",
) -> str | None:
    """First plausible publication date in `text` as YYYY-MM-DD, or None. `lang` may list
    languages to try in order (a short line's own language is often unsure). `base` anchors
    relative expressions; None means there is no anchor, so they give no date. `order` reads
    an ambiguous slashed date ("03/04/2025")."""
    langs = tuple(lang) if isinstance(lang, list) else (lang,)
    return _first_date(ascii_digits(text), langs, base, today or date.today(), order)


# A pure function of its arguments (today's date among them), and date lines recur: every
# page of a site's day carries the same one, every copy of a story its dateline. So each
# is read once per process instead of through dateparser again.
@lru_cache(maxsize=8192)
def _first_date(text: str, langs: tuple[str | None, ...], base: datetime | None, today: date,
                order: str) -> str | None:
    for found in _candidates(text, langs, base, order):
        if date(_vocab()["min_year"], 1, 1) <= found <= today:
            return found.isoformat()
    return None


def _candidates(text: str, langs: tuple[str | None, ...], base: datetime | None,
                order: str):
    m = _ISO.search(text)
    if m:
        d = _safe_date(int(m[1]), int(m[3]), int(m[4]))
        if d:
            yield d
    for m in _DOTTED.finditer(text):  # 12.09.2025: day first wherever dots are used
        d = _safe_date(_ce(int(m[3])), int(m[2]), int(m[1]))
        if d:
            yield d
    for m in _SLASHED.finditer(text):
        a, b, y = int(m[1]), int(m[3]), _ce(int(m[4]))
        day_first = a > 12 or (b <= 12 and order != "mdy")
        d = _safe_date(y, b, a) if day_first else _safe_date(y, a, b)
        if d:
            yield d
    for pat in _vocab()["ymd_patterns"]:
        for m in re.finditer(pat, text):
            d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
            if d:
                yield d
    thai = _thai(text)
    if thai:
        yield thai
    jalali = _jalali(text)
    if jalali:
        yield jalali
    for lang in dict.fromkeys([*langs, None]):
        yield from _spans(text, lang, base)
    if (_relative(text) and base is not None) or _YEAR.search(text):
        yield from _dateparser(text, langs[0], base)


# "3 mars 2024", "March 3, 2024", "3. März 2024", "03/12/2021": a day, a month and a year.
_SPAN = re.compile(
    r"(?<![\d.])(?:\d{1,2}(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?[^\W\d_]{3,}\.?,?\s+(?:de\s+)?\d{4}"
    r"|[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{4})(?!\d)")


def _spans(text: str, lang: str | None, base: datetime | None):
    """Day-month-year spans parsed alone: whole-line search is confused by labels such as
    "Mis à jour le". All-number spans were read before, in the page's order."""
    import dateparser

    settings = {"RETURN_AS_TIMEZONE_AWARE": False, "REQUIRE_PARTS": ["day", "month", "year"]}
    if base is not None:
        settings["RELATIVE_BASE"] = base.replace(tzinfo=None)
    for m in _SPAN.finditer(text):
        if _SLASHED.fullmatch(m.group()):
            continue
        try:
            dt = dateparser.parse(m.group(), languages=[lang] if lang else None,
                                  settings=settings)
        except Exception:  # dateparser raises assorted errors on odd input
            dt = None
        if dt:
            d = _safe_date(dt.year, dt.month, dt.day)
            if d:
                yield d


# "MOSCOW, June 29 (Reuters) -", "BEIJING, 29 juin (Xinhua) --", "МОСКВА, 29 июня. /ТАСС/.":
# a wire dateline names the place (in capitals, or followed by the agency) and the day only.
_WIRE_DATELINE = re.compile(
    r"^\s*(?P<place>[^\W\d_][^\W\d_'’.-]*(?:[ /'’.-][^\W\d_]+){0,4}),\s+"
    r"(?P<day>\d{1,2}\.?\s+[^\W\d_]{3,}\.?|[^\W\d_]{3,}\.?\s+\d{1,2})"
    r"(?P<rest>[.,]?\s*(?:\(|/|—|–|-))")
_AGENCY = re.compile(r"[.,]?\s*(?:\(\s*[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*)?\s*\)|/\s*[A-ZА-Я]{2,})")


def wire_day(text: str, lang: str | None, anchor: datetime) -> str | None:
    """The day of a yearless wire dateline opening `text`: the latest such day on or before
    `anchor` (the page's newest year, or when the file was fetched)."""
    import dateparser

    text = ascii_digits(text)
    m = _WIRE_DATELINE.match(text)
    if not m or not (m["place"].isupper() or _AGENCY.match(text, m.start("rest"))):
        return None
    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"],
                "RELATIVE_BASE": anchor.replace(tzinfo=None), "RETURN_AS_TIMEZONE_AWARE": False}
    try:
        found = dateparser.parse(m["day"], languages=[lang] if lang else None, settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if found is None or found > anchor.replace(tzinfo=None):
        return None
    day = _safe_date(found.year, found.month, found.day)
    return day.isoformat() if day and day.year >= _vocab()["min_year"] else None


def newest_year(texts: list[str]) -> int | None:
    """The latest plausible year written in `texts` (date lines, a copyright notice)."""
    years = [int(y) for t in texts for y in _YEAR.findall(ascii_digits(t))
             if _vocab()["min_year"] <= int(y) <= date.today().year]
    return max(years, default=None)


def _thai(text: str) -> date | None:
    v = _vocab()
    for month, names in v["thai_months"].items():
        for name in names:
            m = re.search(rf"(\d{{1,2}})\s*{re.escape(name)}\s*(\d{{4}})", text)
            if m:
                year = int(m[2])
                year -= v["buddhist_era_offset"] if year > 2400 else 0
                return _safe_date(year, int(month), int(m[1]))
    return None


_PERSIAN_LETTERS = str.maketrans({"ي": "ی", "ك": "ک", "\u200c": " "})


def _jalali(text: str) -> date | None:
    """"۲۹ بهمن ۱۳۹۸" (digits made ASCII before): a Solar Hijri day, month and year."""
    if not re.search(r"[\u0600-\u06ff]", text):
        return None
    text = text.translate(_PERSIAN_LETTERS)
    for month, names in _vocab()["jalali_months"].items():
        for name in names:
            m = re.search(rf"(?<!\d)(\d{{1,2}})\s+{name}\s+(1[34]\d\d)(?!\d)", text)
            if m and 1 <= int(m[1]) <= 31:
                return jalali_to_gregorian(int(m[2]), int(month), int(m[1]))
    return None


def jalali_to_gregorian(jy: int, jm: int, jd: int) -> date | None:
    """A Solar Hijri date as a Gregorian one (the 33-year arithmetic rule, exact for
    1178-1633 SH). Farvardin 1 is the day of the March equinox."""
    if not (1 <= jm <= 12 and 1 <= jd <= (31 if jm <= 6 else 30)):
        return None
    jy += 1595
    days = (-355668 + 365 * jy + (jy // 33) * 8 + ((jy % 33) + 3) // 4 + jd
            + ((jm - 1) * 31 if jm < 7 else (jm - 7) * 30 + 186))
    gy = 400 * (days // 146097)
    days %= 146097
    if days > 36524:
        days -= 1
        gy += 100 * (days // 36524)
        days %= 36524
        if days >= 365:
            days += 1
    gy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        gy += (days - 1) // 365
        days = (days - 1) % 365
    return date(gy, 1, 1) + timedelta(days=days)


def _dateparser(text: str, lang: str | None, base: datetime | None):
    from dateparser.search import search_dates

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = base.replace(tzinfo=None)
    try:
        hits = search_dates(text, languages=[lang] if lang else None, settings=settings) or []
    except Exception:  # dateparser raises assorted errors on odd input; no date then
        return
    # Absolute dates first: "Mis à jour le 3 mars 2024" also yields "jour" as today.
    hits.sort(key=lambda h: not re.search(r"\d{4}", h[0]))
    for found, dt in hits:
        if _relative(found):
            if base is None:
                continue  # no anchor: "3 hours ago" would become today
        elif not _YEAR.search(found) or len(re.findall(r"\d+", found)) < 2:
            continue  # a bare weekday, month or year ("© 2020") would borrow the rest from now
        year = dt.year
        if year > 2400 and (lang == "th" or re.search(r"[\u0e00-\u0e7f]", text)):
            year -= _vocab()["buddhist_era_offset"]
        d = _safe_date(year, dt.month, dt.day)
        if d:
            yield d


def _ce(year: int) -> int:
    """A Buddhist-era year (BE = CE + 543) as the common era; others unchanged."""
    return year - _vocab()["buddhist_era_offset"] if year > 2400 else year


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None
