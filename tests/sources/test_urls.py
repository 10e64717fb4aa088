"""URLs, files of URLs and feeds served from 127.0.0.1, read through `read_paths`."""

from __future__ import annotations

from pathlib import Path

from newsgraph.clean import clean
from newsgraph.sources import URL_LIST, FetchPolicy, read_paths

from ._build import article, long_body, rss
from .conftest import Site
from .test_readers import split

OPEN = FetchPolicy(allow_private=True, backoff=0.01)


def test_url_read_as_html_with_its_address(site: Site) -> None:
    site.page("/a.html", article(1))
    [doc] = split(read_paths([site.url("/a.html")], policy=OPEN))[0]
    assert (doc.origin, doc.name, doc.content_type) == (site.url("/a.html"),) * 2 + ("text/html",)
    assert doc.meta == {"url": site.url("/a.html")}


def test_url_refused_without_allow_private(site: Site) -> None:
    site.page("/a.html", article(1))
    assert split(read_paths([site.url("/a.html")], policy=FetchPolicy()))[1] == [
        f"E043 {site.url('/a.html')}: address refused (127.0.0.1 resolves to 127.0.0.1, "
        "loopback; --allow-private allows private addresses)"]


def test_file_of_urls(site: Site, tmp_path: Path) -> None:
    site.page("/1", article(1))
    site.page("/2", "Plain text report from the wire.\n", "text/plain")
    site.page("/img", b"\x89PNG\r\n\x1a\n", "image/png")
    lst = tmp_path / "urls.txt"
    lst.write_text(f"# today\n{site.url('/1')}\n\n{site.url('/2')}\nnot a url\n"
                   f"{site.url('/img')}\n{site.url('/missing')}\n", "utf-8")
    docs, errs = split(read_paths([f"{URL_LIST}{lst}"], policy=OPEN))
    assert [d.content_type for d in docs] == ["text/html", "text/plain"]
    assert errs == [
        f"E045 {lst}:5: cannot fetch URL (not an http(s) URL: not a url)",
        f"E046 {site.url('/img')}: unsupported content (image/png; expected an HTML page, a "
        "text page or an RSS/Atom feed)",
        f"E045 {site.url('/missing')}: cannot fetch URL (HTTP 404)",
    ]


def test_feed_url_full_text_and_linked_pages(site: Site) -> None:
    site.page("/story", article(7))
    site.page("/feed", rss([
        {"title": "Full", "link": site.url("/full"), "content": long_body(1),
         "pubDate": "Tue, 30 Jun 2020 01:00:00 +0300"},
        {"title": "Linked", "link": site.url("/story"), "description": "a teaser",
         "pubDate": "Wed, 01 Jul 2020 09:00:00 GMT"},
    ]), "application/rss+xml")
    docs, errs = split(read_paths([site.url("/feed")], policy=OPEN))
    assert errs == []
    assert [(d.origin, d.meta["published"]) for d in docs] == [
        (f"{site.url('/feed')}#1", "2020-06-30"), (site.url("/story"), "2020-07-01")]
    assert docs[1].meta["title"] == "Linked" and b"report 7" in docs[1].data
    assert "/full" not in [p for p, _ in site.hits]  # full text: the link is not fetched


def test_http_charset_when_the_page_declares_none(site: Site) -> None:
    text = "Министры иностранных дел России и Беларуси встретились в Минске в понедельник."
    page = f"<html><head><title>Минск</title></head><body><article><p>{text}</p><p>{text}</p>" \
           "</article></body></html>"
    site.page("/ru", page.encode("cp1251"), "text/html; charset=windows-1251")
    [doc] = split(read_paths([site.url("/ru")], policy=OPEN))[0]
    assert text in clean(doc).body

