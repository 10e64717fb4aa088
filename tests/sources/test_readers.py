"""Streaming JSONL, WARC and RSS/Atom files: each good record a RawDoc, each bad one a line."""

from __future__ import annotations

import gzip
import tracemalloc
from pathlib import Path

from newsgraph.errors import NewsgraphError
from newsgraph.model import RawDoc
from newsgraph.sources import Note, read_paths

from ._build import article, jsonl_line, long_body, rss, warc


def split(items):
    items = list(items)
    return ([x for x in items if isinstance(x, RawDoc)],
            [x.line() for x in items if isinstance(x, NewsgraphError | Note)])


def test_jsonl_limit_is_per_record_not_per_file(tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    with p.open("wb") as fh:
        for n in range(1, 3001):  # about 2 MB
            fh.write(jsonl_line(n) if n != 1500 else b'{"id": "huge", "text": "' + b"x" * 9000
                     + b'"}\n')
    docs, errs = split(read_paths([str(p)], max_bytes=2000))
    assert p.stat().st_size > 1_000_000 and len(docs) == 2999
    assert errs == [f"E040 {p}:1500: record too large: 9,026 bytes > 2,000 (limit set by "
                    "--max-bytes)"]
    assert docs[1498].origin == f"{p}:1499" and docs[1499].origin == f"{p}:1501"


def test_jsonl_is_read_in_bounded_memory(tmp_path: Path) -> None:
    """A 12 MB feed with 100 KB records: the reader holds one record at a time."""
    p = tmp_path / "big.jsonl.gz"
    with gzip.open(p, "wb", compresslevel=1) as fh:
        for n in range(120):
            fh.write(jsonl_line(n, words=10_000))
    tracemalloc.start()
    n = sum(1 for _ in read_paths([str(p)], max_bytes=200_000))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert n == 120 and peak < 2_000_000, peak


def test_jsonl_broken_and_blank_lines_carry_on(tmp_path: Path) -> None:
    p = tmp_path / "mixed.jsonl"
    p.write_bytes(b'{"id": "a", "text": "one"}\n\n[1, 2]\n{"id": "b", "text": "two"}\r\n{bad')
    docs, errs = split(read_paths([str(p)]))
    assert [d.name for d in docs] == ["a", "b"]
    assert errs == [f"E006 {p}: broken JSONL line 3: not a JSON object",
                    f"E006 {p}: broken JSONL line 5: invalid JSON: Expecting property name "
                    "enclosed in double quotes, column 2"]


def test_truncated_gzip_feed_keeps_what_came_before(tmp_path: Path) -> None:
    p = tmp_path / "cut.jsonl.gz"
    whole = gzip.compress(b"".join(jsonl_line(n, words=2000) for n in range(30)))
    p.write_bytes(whole[: len(whole) // 2])
    docs, errs = split(read_paths([str(p)]))
    assert 5 < len(docs) < 30
    assert errs == [f"E008 {p}:{len(docs) + 1}: cannot read file (truncated gzip)"]


def test_gzip_bomb_text_file(tmp_path: Path) -> None:
    p = tmp_path / "bomb.html.gz"
    p.write_bytes(gzip.compress(b"<p>" + b"a" * 30_000_000, 9))
    assert split(read_paths([str(p)]))[1] == [
        f"E004 {p}: file too large: more than 20,000,000 bytes uncompressed (limit set by "
        "--max-bytes)"]


def test_warc_html_responses_with_uri_and_date(tmp_path: Path) -> None:
    p = warc(tmp_path / "crawl.warc.gz", [
        ("request", "https://news.example/a", "application/http; msgtype=request",
         b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n"),
        ("response", "https://news.example/a", "text/html; charset=utf-8", article(1).encode()),
        ("response", "https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
        ("metadata", "https://news.example/a", "application/json", b'{"via": "test"}'),
        ("response", "https://news.example/b", "text/html", article(2).encode()),
    ])
    docs, notes = split(read_paths([str(p)]))
    assert [d.meta["url"] for d in docs] == ["https://news.example/a", "https://news.example/b"]
    assert {d.fetched_at for d in docs} == {"2020-06-29T10:00:00+00:00"}
    assert docs[0].origin == f"{p}#3" and docs[0].content_type == "text/html"
    assert notes == [f"note {p}: 2 HTML responses read; 4 other records skipped (metadata 1, "
                     "request 1, response not HTML 1, warcinfo 1)"]
    plain = warc(tmp_path / "plain.warc", [("response", "https://x.example/", "text/html",
                                            article(3).encode())], gz=False)
    assert len(split(read_paths([str(plain)]))[0]) == 1


def test_warc_broken_record(tmp_path: Path) -> None:
    good = warc(tmp_path / "g.warc", [
        ("response", f"https://news.example/{n}", "text/html", article(n).encode())
        for n in range(3)], gz=False).read_bytes()
    cut = good.index(b"WARC/1.0", good.index(b"https://news.example/1"))  # third record
    p = tmp_path / "broken.warc"
    p.write_bytes(good[:cut] + b"garbage\r\n\r\n" + good[cut:])
    docs, errs = split(read_paths([str(p)]))
    assert len(docs) == 2
    assert errs[0] == (f"E041 {p}#4: broken web archive (ArchiveLoadFailed: Invalid WARC "
                       "record, first line: garbage\r\n)")
    p.write_bytes(good[: cut + 30])  # cut inside the third record's headers
    docs, errs = split(read_paths([str(p)]))
    assert len(docs) == 2 and errs[0].startswith(f"E041 {p}#4: broken web archive (")


def test_rss_full_text_used_else_link_fetched(tmp_path: Path) -> None:
    p = tmp_path / "wire.rss"
    p.write_bytes(rss([
        {"title": "Full", "link": "https://wire.example/1", "pubDate":
         "Mon, 29 Jun 2020 23:30:00 -0400", "content": long_body(1)},
        {"title": "Teaser", "link": "https://wire.example/2", "description": "short"},
    ]))
    # Fetching the teaser's link goes through the policy: 127.0.0.1 is not wire.example, and
    # wire.example does not resolve here, so the entry is one clear line.
    docs, errs = split(read_paths([str(p)]))
    assert [d.meta for d in docs] == [{"url": "https://wire.example/1", "title": "Full",
                                       "published": "2020-06-29"}]
    assert docs[0].origin == f"{p}#1" and b"round 1" in docs[0].data
    assert len(errs) == 1 and errs[0].startswith("E045 https://wire.example/2: cannot fetch URL")


def test_atom_feed(tmp_path: Path) -> None:
    p = tmp_path / "feed.atom"
    p.write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
        "<entry><title>A</title><link href='https://a.example/1'/>"
        "<published>2021-02-03T23:00:00+09:00</published>"
        f"<content type='html'><![CDATA[{long_body(2)}]]></content></entry></feed>", "utf-8")
    [doc] = split(read_paths([str(p)]))[0]
    assert doc.meta == {"url": "https://a.example/1", "title": "A", "published": "2021-02-03"}


def test_feed_entity_bomb_refused(tmp_path: Path) -> None:
    p = tmp_path / "lol.xml"
    lols = "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    p.write_text(f'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">{lols}]>'
                 "<rss><channel><item><title>&lol9;</title></item></channel></rss>", "utf-8")
    assert split(read_paths([str(p)]))[1] == [
        f"E042 {p}: broken feed (declares XML entities; entity expansion refused)"]


def test_not_a_feed(tmp_path: Path) -> None:
    p = tmp_path / "sitemap.xml"
    p.write_text('<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>', "utf-8")
    [err] = split(read_paths([str(p)]))[1]
    assert err.startswith(f"E042 {p}: broken feed (")
