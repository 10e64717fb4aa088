"""Publication dates: numeric date order, anchors for relative dates, HTML date sources."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from newsgraph.clean import clean
from newsgraph.clean.date_rules import Page, resolve
from newsgraph.clean.dates import numeric_order, parse_date
from newsgraph.clean.html import canonical_url, clean_html, dump_date, page_url, parse
from newsgraph.model import RawDoc

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TODAY = date(2026, 1, 1)

PARAS = "".join(
    f"<p>{p}</p>" for p in [
        "The foreign ministers of the two neighbouring countries met in the border town on "
        "Tuesday to discuss the reopening of three crossings closed since the spring floods.",
        "Officials said the talks covered customs checks, the repair of a damaged bridge and a "
        "joint patrol schedule for the river, which has shifted its course twice in a decade.",
        "A second round is planned for next month, when engineers from both sides will present "
        "a survey of the riverbed and a cost estimate for the bridge works.",
    ])


def _html(head: str = "", body: str = "", url: str = "page.html") -> RawDoc:
    data = (f"<html><head><title>Ministers meet</title>{head}</head><body><article>"
            f"<h1>Ministers meet</h1>{body}{PARAS}</article></body></html>").encode()
    return RawDoc(id=hashlib.sha256(data).hexdigest(), origin=url, name="page",
                  content_type="text/html", data=data, fetched_at="2024-05-01T00:00:00Z")


def _text(path_or_text: Path | str, fetched_at: str = "") -> RawDoc:
    data = (path_or_text.read_bytes() if isinstance(path_or_text, Path)
            else path_or_text.encode())
    return RawDoc(id=hashlib.sha256(data).hexdigest(), origin="dump.txt", name="dump.txt",
                  content_type="text/plain", data=data, fetched_at=fetched_at)


# ------------------------------------------------------------ numeric dates


@pytest.mark.parametrize(("line", "order", "expected"), [
    ("12/03/2025 - 21:40", "dmy", "2025-03-12"),
    ("12/03/2025 - 21:40", "mdy", "2025-12-03"),
    ("25/03/2025", "mdy", "2025-03-25"),  # a component above 12 decides
    ("03/25/2025", "dmy", "2025-03-25"),
    ("12.09.2025 08:15", "mdy", "2025-09-12"),  # dotted is always day first
    ("03/01/2567", "dmy", "2024-01-03"),  # Thai Buddhist era
    ("Published 12-03-2025", "dmy", "2025-03-12"),
    ("১৬:২০, ১৬/০২/২০২০", "dmy", "2020-02-16"),  # Bengali digits
])
def test_numeric_dates_read_in_the_pages_order(line, order, expected):
    assert parse_date(line, "en", None, today=TODAY, order=order) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("۲۹ بهمن ۱۳۹۸ - ۰۶:۵۵", "2020-02-18"),  # Solar Hijri, Persian digits
    ("تاریخ انتشار: ۲۱ ارديبهشت ۱۳۹۹ - ۱۸:۵۹", "2020-05-10"),  # Arabic yeh
    ("1 فروردین 1403", "2024-03-20"),  # the equinox
    ("۳۰ اسفند ۱۳۹۹", "2021-03-20"),  # last day of a leap year
])
def test_solar_hijri_dates(line, expected):
    assert parse_date(line, "fa", None, today=TODAY) == expected


def test_numeric_order_from_the_pages_other_dates_then_place():
    assert numeric_order(["01/02/2025", "28/01/2025"]) == "dmy"
    assert numeric_order(["01/02/2025", "01/28/2025"]) == "mdy"
    assert numeric_order(["01/02/2025", "Posted March 12, 2025"]) == "mdy"
    assert numeric_order(["01/02/2025", "12 March 2025"]) == "dmy"
    assert numeric_order(["01/02/2025"]) == "dmy"  # most of the world
    assert numeric_order(["01/02/2025"], us=True) == "mdy"


# ------------------------------------------------------------ relative and partial dates


@pytest.mark.parametrize("line", [
    "Updated 3 hours ago", "yesterday", "сегодня в 05:46", "vor 23 Minuten",
    "© 2020 Example Inc. All Rights Reserved.",  # a bare year is no day
    "Results 2020 Live Menu",
])
def test_no_publication_date_without_an_anchor_or_a_day(line):
    assert parse_date(line, "en", None, today=TODAY) is None


def test_relative_date_resolved_only_against_the_anchor_given():
    base = datetime(2023, 3, 15, 12, 0)
    assert parse_date("Posted 2 days ago", "en", base, today=TODAY) == "2023-03-13"


def test_dump_with_only_relative_dates_has_no_publication_date():
    dump = ("NEWS SITE\nHome | World | Sport\n\nMinisters meet on border crossings\n"
            "Updated 3 hours ago\n\n" + PARAS.replace("<p>", "").replace("</p>", "\n\n"))
    article = clean(_text(dump, fetched_at=datetime.now().isoformat()))
    assert article.published is None


@pytest.mark.parametrize(("name", "expected"), [
    ("venezuela-detains-colombians.txt", "2025-03-12"),  # 12/03/2025, day first
    ("belarus-russia-drills-poland.txt", "2025-09-12"),  # DD.MM.YYYY
    ("barrot-attaf-johannesburg.txt", "2025-02-21"),  # never the file's date
    ("lavrov-wang-yi-beijing-talks.txt", "2025-06-18"),
])
def test_sample_dumps_dated_from_their_text(name, expected):
    article = clean(_text(EXAMPLES / name, fetched_at=datetime.now().isoformat()))
    assert article.published == expected


def test_clock_above_the_navigation_is_marked_as_header():
    dump = ("Thursday, 10 July 2025\nDANUBE POST\nSerbia | Region | Europe | World | Business\n"
            "\nMinisters meet on border crossings\n\n"
            + PARAS.replace("<p>", "").replace("</p>", "\n\n"))
    a = clean(_text(dump))
    assert (a.published, a.published_source) == ("2025-07-10", "header")


# ------------------------------------------------------------ HTML sources
# Each rule is tested on its own, enabled explicitly: which rules the resolver uses by default
# is decided by cross-validation (clean/data/date_rules.yaml, tests/test_date_cv.py).


def _resolve(raw: RawDoc, *rules: str) -> tuple[str | None, str | None]:
    tree = parse(raw)
    url = page_url(raw) or canonical_url(tree)
    return resolve(Page(tree, url, dump=lambda: dump_date(tree, raw, url)), rules)


def test_url_day_outvoted_by_two_agreeing_sources():
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", '
          '"datePublished": "2020-07-09T10:04:04Z"}</script>')
    stamp = "<div class='display-date'>July 9, 2020 at 6:40 PM EDT</div>"
    url = "https://paper.example.com/politics/story/2020/07/08/abc_story.html"
    assert _resolve(_html(ld, stamp, url), "url_outvoted", "url") == ("2020-07-09", "jsonld")
    # one source against the URL: the URL stays
    assert _resolve(_html(ld, "", url), "url_outvoted", "url") == ("2020-07-08", "url")


def test_meta_timestamp_with_milliseconds_read():
    # htmldate refuses strings of more than 18 digits; the tag is read as JSON-LD is.
    meta = '<meta property="article:published_time" content="2020-05-02T12:54:29.000Z">'
    a = clean_html(_html(meta))
    assert (a.published, a.published_source) == ("2020-05-02", "meta")


def test_unix_time_behind_a_visible_date():
    body = ('<p><span class="timestamp" data-time="1594448702">Jul 10</span></p>'
            '<p>11:25 PM - 10 Jul 2020</p>')
    day, _ = _resolve(_html("", body, "https://social.example.de/post/1"), "epoch")
    assert day == "2020-07-11"  # 06:25 UTC, 08:25 in Berlin; not the crawler's zone


def test_revision_view_dated_by_its_modification():
    ld = ('<script type="application/ld+json">{"@type": "Article", '
          '"datePublished": "2005-07-26T16:22:26-07:00", '
          '"dateModified": "2020-04-07T12:33:32-07:00"}</script>')
    rev = _html(ld, "", "https://wiki.example.org/index.php?title=X&diff=5&oldid=4")
    assert _resolve(rev, "jsonld_local_offset")[0] == "2020-04-07"
    page = _html(ld, "", "https://wiki.example.org/wiki/X")
    assert _resolve(page, "jsonld_local_offset")[0] == "2005-07-26"


def test_utc_timestamp_read_in_the_outlets_zone():
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", '
          '"datePublished": "2020-05-02T02:30:00Z"EXTRA}</script>')
    zones = ("jsonld_country_zone", "jsonld_stated_offset", "jsonld_us_eastern")
    # 02:30 UTC: still 1 May in Toronto (country-code domain) and in New York (English .com).
    plain = ld.replace("EXTRA", "")
    assert _resolve(_html(plain, "", "https://news.example.ca/a"), *zones)[0] == "2020-05-01"
    assert _resolve(_html(plain, "", "https://news.example.com/a"), *zones)[0] == "2020-05-01"
    # A .com page declared in Arabic is not American: the UTC day stands.
    arabic = _html(plain, "", "https://news.example.com/a")
    arabic = replace(arabic, data=arabic.data.replace(b"<html>", b'<html lang="ar">'))
    assert _resolve(arabic, *zones)[0] == "2020-05-02"
    # A .com page whose own timestamps state +05:30 is read at +05:30.
    stated = ld.replace("EXTRA", ', "dateModified": "2020-05-02T09:00:00+05:30"')
    assert _resolve(_html(stated, "", "https://news.example.com/a"), *zones)[0] == "2020-05-02"
    # Without the zone rules (not kept by cross-validation) htmldate's reading stands.
    assert clean_html(_html(plain, "", "https://news.example.ca/a")).published == "2020-05-02"


def test_html_without_date_markup_read_like_a_dump():
    # htmldate knows neither calendar; the page's own date line is read as in a text dump.
    persian = _html("", "<p class='date'>دوشنبه ۲ تير ۱۳۹۹ - 12:09</p>",
                    "https://news.example.ir/a/1")
    assert _resolve(persian, "dump") == ("2020-06-22", "text")
    thai = _html("", "<p class='date'>15 มกราคม 2567 10:30 น.</p>", "https://news.example.co.th/a/1")
    assert _resolve(thai, "dump")[0] == "2024-01-15"


def test_saved_page_without_its_address_uses_its_canonical_url():
    head = '<link rel="canonical" href="https://paper.example.com/2020/07/08/abc_story.html">'
    a = clean_html(_html(head, "", "saved/page.html"))
    assert (a.published, a.published_source) == ("2020-07-08", "url")
    assert a.url == "https://paper.example.com/2020/07/08/abc_story.html"
