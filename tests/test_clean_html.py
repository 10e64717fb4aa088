"""HTML cleaning on small pages written for these tests."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from newsgraph.clean.html import clean_html
from newsgraph.clean.html_body import tidy_body
from newsgraph.clean.html_date import plausible, url_date
from newsgraph.errors import NewsgraphError
from newsgraph.evaluate.clean_bench import aggregate, tp_fp_fn

PARAS = [
    "The foreign ministers of the two neighbouring countries met in the border town on Tuesday "
    "to discuss the reopening of three crossings closed since the spring floods.",
    "Officials said the talks covered customs checks, the repair of a damaged bridge and a joint "
    "patrol schedule for the river, which has shifted its course twice in a decade.",
    "A second round is planned for next month, when engineers from both sides will present a "
    "survey of the riverbed and a cost estimate for the bridge works.",
]


def page(head: str = "", body_extra: str = "", tail: str = "") -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ministers meet on border crossings | The Riverside Courier</title>
{head}</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Ministers meet on border crossings</h1>{body_extra}{paras}{tail}</article>
<footer><p>Contact us | Privacy policy | Terms of use</p></footer>
</body></html>""".encode()


def raw(data: bytes, origin: str = "page.html", meta: dict | None = None):
    from newsgraph.model import RawDoc

    return RawDoc(id=hashlib.sha256(data).hexdigest(), origin=origin, name="page",
                  content_type="text/html", data=data, fetched_at="2024-05-01T00:00:00Z",
                  meta=meta or {})


META = """<meta property="og:site_name" content="The Riverside Courier">
<meta name="author" content="Jane Doe">
<meta property="og:title" content="Ministers meet on border crossings">
<link rel="canonical" href="https://courier.example.org/world/ministers-meet">
<meta property="article:published_time" content="2023-03-14T09:30:00+02:00">"""


def test_metadata_and_body():
    a = clean_html(raw(page(head=META)))
    assert a.title == "Ministers meet on border crossings"
    assert a.outlet == "The Riverside Courier"
    assert a.author == "Jane Doe"
    assert a.url == "https://courier.example.org/world/ministers-meet"
    assert (a.published, a.published_source) == ("2023-03-14", "meta")
    assert a.body.startswith("The foreign ministers")  # headline is the title, not body
    assert a.body.rstrip().endswith("cost estimate for the bridge works.")
    for chrome in ("Home", "Sport", "Privacy policy"):
        assert chrome not in a.body


def test_closing_prompts_dropped_and_recorded():
    tail = ("<p>Sign up for our morning newsletter to get the day's headlines in your inbox.</p>"
            "<p>Follow us on Twitter and Facebook.</p>")
    a = clean_html(raw(page(head=META, tail=tail)))
    assert "newsletter" not in a.body and "Follow us" not in a.body
    assert any("newsletter" in r for r in a.removed)


def test_jsonld_article_date_beats_embedded_video_date():
    ld = """<script type="application/ld+json">[
      {"@type": "VideoObject", "uploadDate": "2021-01-02T10:00:00Z"},
      {"@type": "NewsArticle", "datePublished": "2022-07-09T23:10:00+03:00"}]</script>"""
    a = clean_html(raw(page(head=ld)))
    assert (a.published, a.published_source) == ("2022-07-09", "jsonld")  # local day kept


def test_url_date_and_input_meta_override():
    a = clean_html(raw(page(), origin="https://news.example.com/2021/06/30/ministers-meet"))
    assert (a.published, a.published_source) == ("2021-06-30", "url")
    b = clean_html(raw(page(head=META), meta={"published": "2020-02-03", "outlet": "Wire"}))
    assert (b.published, b.published_source, b.outlet) == ("2020-02-03", "input", "Wire")


def test_future_and_ancient_dates_rejected():
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    assert plausible(tomorrow) is None
    assert plausible("1985-06-01") is None
    assert plausible("2019-02-30") is None
    assert url_date("https://x.example/news/20200413/story") == "2020-04-13"
    future = f'<meta property="article:published_time" content="{tomorrow}T08:00:00Z">'
    assert clean_html(raw(page(head=future))).published != tomorrow


@pytest.mark.parametrize("data", [
    b"",
    b"<html><body><div></div></body></html>",
    b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
    b"<html><body><p>unclosed <b><i><div></p></html",
    b"\x00\x01\x02<<<>>>",
])
def test_malformed_or_empty_html_is_e005(data):
    with pytest.raises(NewsgraphError) as err:
        clean_html(raw(data, origin="broken.html"))
    line = err.value.line()
    assert line.startswith("E005 broken.html: ") and "\n" not in line


def test_tidy_body_keeps_middle_and_wire_copyright():
    text = "Headline here\nFirst para.\nSubscribe to our newsletter\nLast para.\n© Reuters"
    body, removed = tidy_body(text, "Headline here")
    assert body == "First para.\nSubscribe to our newsletter\nLast para.\n© Reuters"
    assert removed == ("Headline here",)


def test_shingle_metric_matches_the_benchmark_definition():
    gold = "one two three four five"
    assert tp_fp_fn(gold, gold) == (1.0, 0.0, 0.0)
    tp, fp, fn = tp_fp_fn(gold, "one two three four six")  # shingles: 2 gold, 2 pred, 1 shared
    assert (tp, fp, fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    # An empty prediction adds no precision term, only a zero recall.
    scores = aggregate([tp_fp_fn(gold, gold), tp_fp_fn(gold, "")])
    assert scores["precision"] == 1.0 and scores["recall"] == 0.5


def test_utc_timestamp_read_as_the_outlets_local_day():
    ld = """<script type="application/ld+json">
      {"@type": "NewsArticle", "datePublished": "2022-07-09T23:10:00Z"}</script>"""
    from newsgraph.clean.date_rules import Page, resolve
    from newsgraph.clean.html import parse

    italian = raw(page(head=ld), origin="https://giornale.example.it/esteri/articolo")
    tree = parse(italian)
    assert resolve(Page(tree, italian.origin), ("jsonld_country_zone",)) == ("2022-07-10",
                                                                             "jsonld")
    generic = raw(page(head=ld), origin="https://news.example.com/world/story")
    assert resolve(Page(parse(generic), generic.origin), ("jsonld_country_zone",))[0] \
        == "2022-07-09"  # no country, no zone: the UTC day


def test_body_split_around_an_ad_slot_is_joined_but_teasers_are_not():
    more = ("Engineers from both sides walked the riverbank on Wednesday and marked the places "
            "where the new pylons would stand, a local official said.")
    teaser = "Flood warnings issued for three districts as heavy rain continues across the region"
    html = f"""<html><head><title>Ministers meet on border crossings</title></head><body>
<article><h1>Ministers meet on border crossings</h1>
<div class="article-body">{"".join(f"<p>{p}</p>" for p in PARAS)}</div>
<div class="ad-slot"><span>Advertisement</span></div>
<div class="article-body"><p>{more}</p></div></article>
<aside><div class="teaser"><p>{teaser}</p></div><div class="teaser"><p>{teaser}.</p></div></aside>
</body></html>""".encode()
    a = clean_html(raw(html))
    assert a.body.index(PARAS[2]) < a.body.index(more)
    assert "Flood warnings" not in a.body and "Advertisement" not in a.body


def test_bot_walls_are_named_in_the_error():
    incapsula = (b'<html><head><META NAME="robots" CONTENT="noindex,nofollow"></head><body>'
                 b'<iframe src="/_Incapsula_Resource?SWUDNSAI=31">Request unsuccessful. '
                 b'Incapsula incident ID: 1234-5678</iframe></body></html>')
    with pytest.raises(NewsgraphError) as err:
        clean_html(raw(incapsula, "wall.html"))
    assert err.value.line().startswith("E005 wall.html:") and "Incapsula" in err.value.line()
    scripts = b"<html><head><script>" + b"var a=1;" * 500 + b"</script></head><body></body></html>"
    with pytest.raises(NewsgraphError, match="drawn by scripts"):
        clean_html(raw(scripts, "js.html"))
    # A real article on a protected site carries the wall's script and is kept.
    protected = page(head='<script src="/_Incapsula_Resource?SWJIYLWA=5074"></script>')
    assert clean_html(raw(protected)).body.startswith("The foreign ministers")
