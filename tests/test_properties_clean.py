"""Property tests: the text cleaner, the HTML cleaner and the date resolver never crash on
arbitrary input; they give an Article (a day or None) or a catalogue error."""

from __future__ import annotations

from datetime import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.clean import clean
from newsgraph.clean.dates import parse_date
from newsgraph.clean.html import parse
from newsgraph.clean.html_date import find_published, plausible
from newsgraph.errors import Errors, NewsgraphError
from newsgraph.model import Article, RawDoc

CODES = {k for k in vars(Errors) if k.startswith("E")}
FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
stamps = st.sampled_from(["2020-06-29T23:30:00-04:00", "2020-06-29T23:30:00Z", "0001-01-01",
                          "1594448702", "29 June 2020", "2099-01-01", "garbage", ""])
texts = st.text(max_size=300)


def _raw(data: bytes, ctype: str, url: str = "page") -> RawDoc:
    return RawDoc("0" * 64, url, "page", ctype, data, "2020-07-01T00:00:00+00:00")


def _clean(raw: RawDoc) -> Article | None:
    try:
        return clean(raw)
    except NewsgraphError as e:
        assert e.code in CODES, e.line()
        return None


@FAST
@given(st.binary(max_size=2000), st.sampled_from(["text/plain", "text/html"]))
def test_cleaner_on_arbitrary_bytes(data: bytes, ctype: str) -> None:
    a = _clean(_raw(data, ctype))
    assert a is None or a.published is None or plausible(a.published) == a.published


@FAST
@given(st.lists(texts, max_size=8), st.lists(stamps, max_size=3), st.sampled_from(
    ["page", "https://news.example.ca/2020/06/29/a", "https://x.example.com/a?diff=1&oldid=2",
     "http://[::1]/", "https://example.org/20201399/"]))
def test_html_pages_built_from_arbitrary_parts(paras, dates, url) -> None:
    head = "".join(f'<meta property="article:published_time" content="{d}">' for d in dates)
    ld = "".join('<script type="application/ld+json">{"@type": "NewsArticle", '
                 f'"datePublished": "{d}"}}</script>' for d in dates)
    body = "".join(f"<p>{p}</p>" for p in paras)
    page = f"<html><head>{head}{ld}</head><body>{body}</body></html>".encode("utf-8",
                                                                         "surrogatepass")
    raw = _raw(page, "text/html", url)
    _clean(raw)
    try:
        tree = parse(raw)
    except NewsgraphError:
        return
    day, source = find_published(tree, None if url == "page" else url)
    assert (day is None) == (source is None)
    assert day is None or plausible(day) == day


@FAST
@given(texts, st.sampled_from([None, "en", "fr", "ru", "th", "fa", "ar", "xx"]),
       st.none() | st.datetimes(datetime(1900, 1, 1), datetime(2100, 1, 1)))
def test_date_parser_on_arbitrary_text(text: str, lang, base) -> None:
    day = parse_date(text, lang, base)
    assert day is None or plausible(day) == day
