"""`newsgraph ingest` and `clean` on URLs, a file of URLs, an RSS feed and a WARC file, all
served from 127.0.0.1 by the test; refused without --allow-private."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from ._build import article, long_body, rss, warc
from .conftest import Site


def newsgraph(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsgraph", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=300)


def test_ingest_every_kind_of_input(site: Site, tmp_path: Path) -> None:
    for n in range(1, 4):
        site.page(f"/news/{n}", article(n))
    site.page("/feed.xml", rss([
        {"title": "Wire one", "link": site.url("/news/3"), "description": "teaser"},
        {"title": "Wire two", "link": site.url("/full/4"), "content": long_body(4),
         "pubDate": "Thu, 02 Jul 2020 08:00:00 GMT"},
    ]), "application/rss+xml")
    (tmp_path / "urls.txt").write_text(f"{site.url('/news/2')}\n{site.url('/feed.xml')}\n")
    archive = warc(tmp_path / "crawl.warc.gz", [
        ("response", "https://archive.example/5", "text/html", article(5).encode())])
    db = str(tmp_path / "s.db")

    refused = newsgraph("--db", db, "ingest", "--no-progress", site.url("/news/1"), cwd=tmp_path)
    assert refused.returncode == 1
    assert f"newsgraph: E043 {site.url('/news/1')}: address refused (127.0.0.1 resolves to " \
           "127.0.0.1, loopback; --allow-private allows private addresses)" in refused.stderr

    run = newsgraph("--db", db, "ingest", "--no-progress", "--allow-private", site.url("/news/1"),
                    str(archive), "--urls", str(tmp_path / "urls.txt"), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "5 new documents stored, 0 already stored, 0 failed" in run.stdout
    assert f"note {archive}: 1 HTML responses read; 1 other records skipped (warcinfo 1)" \
        in run.stderr
    with sqlite3.connect(db) as conn:
        urls = sorted(r[0] for r in conn.execute("SELECT url FROM articles"))
        wire = conn.execute("SELECT published, published_source FROM articles WHERE title = "
                            "'Wire two'").fetchone()
    assert urls == sorted([site.url("/news/1"), site.url("/news/2"), site.url("/news/3"),
                           site.url("/full/4"), "https://archive.example/5"])
    assert wire == ("2020-07-02", "input")

    again = newsgraph("--db", db, "ingest", "--no-progress", "--allow-private",
                      "--urls", str(tmp_path / "urls.txt"), cwd=tmp_path)
    assert "0 new documents stored, 3 already stored, 0 failed" in again.stdout


def test_clean_a_url(site: Site, tmp_path: Path) -> None:
    site.page("/a", article(1))
    out = newsgraph("clean", "--allow-private", "--no-robots", site.url("/a"), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    a = json.loads(out.stdout)
    assert (a["url"], a["published"], a["title"]) == (site.url("/a"), "2025-03-04",
                                                      "Talks resume in Geneva")
    assert "/robots.txt" not in [p for p, _ in site.hits]


def test_bad_archives_and_feeds_one_line_each(tmp_path: Path) -> None:
    """A gzip bomb, a truncated .gz feed, a broken WARC record and an entity-bomb feed beside
    good inputs: one catalogue line each, everything good stored."""
    import gzip

    from ._build import jsonl_line

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bomb.html.gz").write_bytes(gzip.compress(b"<p>" + b"a" * 30_000_000, 9))
    whole = gzip.compress(b"".join(jsonl_line(n, words=3000) for n in range(10)))
    (folder / "cut.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    good = warc(tmp_path / "g.warc", [("response", f"https://n.example/{n}", "text/html",
                                       article(n).encode()) for n in range(2)], gz=False)
    data = good.read_bytes()
    cut = data.index(b"WARC/1.0", data.index(b"https://n.example/0"))
    (folder / "broken.warc").write_bytes(data[:cut] + b"garbage\r\n\r\n" + data[cut:])
    (folder / "lol.rss").write_text('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">'
                                    '<!ENTITY b "&a;&a;&a;&a;">]><rss><channel><item><title>&b;'
                                    "</title></item></channel></rss>", "utf-8")
    run = newsgraph("--db", str(tmp_path / "s.db"), "ingest", "--no-progress", str(folder),
                    cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    errors = sorted(line.split(" ", 2)[1] for line in run.stderr.splitlines()
                    if line.startswith("newsgraph: E"))
    assert errors == ["E004", "E008", "E041", "E042"], run.stderr
    kept = sum(1 for line in run.stderr.splitlines() if "note" in line)
    assert kept == 1  # the WARC's warcinfo record, skipped and counted
    stored = int(run.stdout.split(": ", 1)[1].split()[0])
    assert stored >= 2  # the WARC record before the broken one, and the feed lines before the cut
