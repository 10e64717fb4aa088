"""The fetcher against a real server on 127.0.0.1: limits, retries, robots.txt, SSRF refusal."""

from __future__ import annotations

import ipaddress
import time

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.sources.fetch import USER_AGENT, Fetcher, FetchPolicy
from newsgraph.sources.netguard import refused_kind, resolve

from .conftest import ARTICLE, Site, serve

OPEN = FetchPolicy(allow_private=True, backoff=0.01, timeout=2.0)


def get(site_or_url, policy: FetchPolicy = OPEN, max_bytes: int = 1_000_000, path: str = "/"):
    url = site_or_url if isinstance(site_or_url, str) else site_or_url.url(path)
    with Fetcher(policy) as f:
        return f.get(url, max_bytes)


def error(*args, **kwargs) -> str:
    with pytest.raises(NewsgraphError) as e:
        get(*args, **kwargs)
    return e.value.line()


def test_page_fetched_with_user_agent(site: Site) -> None:
    site.page("/a.html", ARTICLE)
    got = get(site, path="/a.html")
    assert (got.status, got.content_type, got.charset) == (200, "text/html", "utf-8")
    assert got.data == ARTICLE.encode()
    assert ("/a.html", USER_AGENT) in site.hits and USER_AGENT.startswith("newsgraph/")


def test_loopback_refused_without_allow_private(site: Site) -> None:
    site.page("/a.html", ARTICLE)
    line = error(site, FetchPolicy(), path="/a.html")
    assert line == (f"E043 {site.url('/a.html')}: address refused (127.0.0.1 resolves to "
                    "127.0.0.1, loopback; --allow-private allows private addresses)")
    assert site.hits == []  # refused before any connection, robots.txt included


@pytest.mark.parametrize(("address", "kind"), [
    ("127.0.0.1", "loopback"), ("10.1.2.3", "private"), ("192.168.0.1", "private"),
    ("172.16.5.4", "private"), ("169.254.169.254", "link-local"), ("0.0.0.0", "unspecified"),
    ("::1", "loopback"), ("fe80::1", "link-local"), ("fc00::1", "private"),
    ("::ffff:127.0.0.1", "loopback"), ("100.64.0.1", "not global"), ("224.0.0.1", "multicast"),
    ("93.184.215.14", None), ("2606:4700::1111", None),
])
def test_address_kinds(address: str, kind: str | None) -> None:
    assert refused_kind(ipaddress.ip_address(address)) == kind


def test_names_are_checked_after_resolution() -> None:
    with pytest.raises(NewsgraphError) as e:
        resolve("http://localhost:9/x", allow_private=False)
    assert e.value.code == "E043" and "localhost resolves to" in e.value.reason
    assert resolve("http://localhost:9/x", allow_private=True) in ("127.0.0.1", "::1")


def test_redirect_to_a_refused_address_is_checked_on_the_hop(site: Site) -> None:
    """Only 127.0.0.1 is allowed here; the redirect to 127.0.0.2 is refused when followed."""
    other, there = serve("127.0.0.2")
    try:
        there.page("/secret", "internal")
        site.redirect("/go", there.url("/secret"))
        policy = FetchPolicy(allow_networks=("127.0.0.1/32",), backoff=0.01)
        line = error(site, policy, path="/go")
        assert line.startswith(f"E043 {there.url('/secret')}: address refused (127.0.0.2 ")
        assert there.hits == []
    finally:
        other.shutdown()
        other.server_close()


def test_redirects_followed_and_limited(site: Site) -> None:
    site.page("/end", ARTICLE)
    site.redirect("/r1", "/r2", 301)
    site.redirect("/r2", site.url("/end"), 307)
    assert get(site, path="/r1").url == site.url("/end")
    site.redirect("/loop", "/loop")
    assert error(site, path="/loop") == (
        f"E045 {site.url('/loop')}: cannot fetch URL (more than 5 redirects)")


def test_size_cap_declared_and_streamed(site: Site) -> None:
    site.page("/big", "x" * 5000)
    assert error(site, max_bytes=1000, path="/big") == (
        f"E040 {site.url('/big')}: record too large: 5,000 bytes declared > 1,000 "
        "(limit set by --max-bytes)")


def test_gzip_bomb_meets_the_same_cap(site: Site) -> None:
    site.gzip_bomb("/bomb", 50_000_000)  # 50 MB of 'a' in about 50 KB
    line = error(site, max_bytes=1_000_000, path="/bomb")
    assert line == (f"E040 {site.url('/bomb')}: record too large: more than 1,000,000 bytes "
                    "(limit set by --max-bytes)")


def test_retries_with_backoff_then_success(site: Site) -> None:
    busy = (503, {"Content-Type": "text/plain", "Retry-After": "0"}, b"busy")
    site.sequence("/flaky", busy, busy, (200, {"Content-Type": "text/html"}, ARTICLE.encode()))
    started = time.monotonic()
    assert get(site, FetchPolicy(allow_private=True, backoff=0.05), path="/flaky").status == 200
    assert time.monotonic() - started >= 0.05 + 0.1  # slept 0.05 then 0.1
    assert [p for p, _ in site.hits].count("/flaky") == 3


def test_retries_give_up(site: Site) -> None:
    site.page("/down", "no", "text/plain", status=503)
    assert error(site, path="/down") == f"E045 {site.url('/down')}: cannot fetch URL (HTTP 503)"
    assert [p for p, _ in site.hits].count("/down") == 3  # 1 + 2 retries


def test_unreachable_site(site: Site) -> None:
    closed = serve()  # a port nobody listens on any more
    closed[0].shutdown()
    closed[0].server_close()
    line = error(closed[1].url("/x"), FetchPolicy(allow_private=True, retries=0, timeout=0.5))
    assert line.startswith(f"E045 {closed[1].url('/x')}: cannot fetch URL (robots.txt: cannot "
                           "fetch URL (ConnectError")
    no_robots = FetchPolicy(allow_private=True, retries=0, timeout=0.5, robots=False)
    assert error(closed[1].url("/x"), no_robots).startswith(
        f"E045 {closed[1].url('/x')}: cannot fetch URL (ConnectError")


def test_robots_txt_respected_unless_told(site: Site) -> None:
    site.page("/robots.txt", "User-agent: newsgraph\nDisallow: /private/\n", "text/plain")
    site.page("/private/a.html", ARTICLE)
    site.page("/public/a.html", ARTICLE)
    with Fetcher(OPEN) as f:
        assert f.get(site.url("/public/a.html"), 1000).status == 200
        with pytest.raises(NewsgraphError) as e:
            f.get(site.url("/private/a.html"), 1000)
    assert e.value.line() == (
        f"E044 {site.url('/private/a.html')}: disallowed by robots.txt (this path is "
        "disallowed for newsgraph; --no-robots ignores it)")
    no_robots = FetchPolicy(allow_private=True, robots=False)
    assert get(site, no_robots, path="/private/a.html").status == 200
    assert [p for p, _ in site.hits].count("/robots.txt") == 1  # once per site and run


def test_robots_txt_5xx_disallows(site: Site) -> None:
    site.page("/robots.txt", "oops", "text/plain", status=500)
    site.page("/a.html", ARTICLE)
    assert error(site, path="/a.html").startswith(
        f"E044 {site.url('/a.html')}: disallowed by robots.txt (robots.txt answered HTTP 500")


def test_only_http_urls() -> None:
    for url in ("file:///etc/passwd", "ftp://example.org/x", "gopher://x"):
        assert error(url).endswith("cannot fetch URL (only http:// and https:// URLs are fetched)")


@pytest.mark.parametrize("url", ["http://[::1]:9/", "http://0x7f000001/", "http://2130706433/",
                                 "http://127.1/", "http://0177.0.0.1/",
                                 "http://[::ffff:127.0.0.1]/", "http://169.254.169.254/latest/"])
def test_address_spellings_are_refused_after_resolution(url: str) -> None:
    with pytest.raises(NewsgraphError) as e:
        resolve(url, allow_private=False)
    assert e.value.code == "E043"
