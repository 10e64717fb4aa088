"""Test inputs built in code: WARC files (warcio's writer), RSS/Atom feeds, JSONL feeds."""

from __future__ import annotations

import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .conftest import ARTICLE


def warc(path: Path, records: list[tuple[str, str, str, bytes]], gz: bool = True) -> Path:
    """records: (type, uri, content type, body); `response` records get HTTP headers."""
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "newsgraph tests"}))
        for rtype, uri, ctype, body in records:
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1") \
                if rtype == "response" else None
            rec = w.create_warc_record(uri, rtype, payload=io.BytesIO(body), http_headers=http,
                                       warc_content_type=None if http else ctype)
            rec.rec_headers.replace_header("WARC-Date", "2020-06-29T10:00:00Z")
            w.write_record(rec)
    return path


def article(n: int) -> str:
    return ARTICLE.replace("Geneva on Monday", f"Geneva on Monday (report {n})")


def rss(items: list[dict[str, str]]) -> bytes:
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
           "<channel><title>Wire</title><link>https://wire.example/</link>"]
    for it in items:
        out.append("<item>")
        for key in ("title", "link", "pubDate", "description"):
            if key in it:
                out.append(f"<{key}>{it[key]}</{key}>")
        if "content" in it:
            out.append(f"<content:encoded><![CDATA[{it['content']}]]></content:encoded>")
        out.append("</item>")
    out.append("</channel></rss>")
    return "\n".join(out).encode("utf-8")


def long_body(n: int) -> str:
    return "<p>" + " ".join(f"The envoys of both states met again, round {n}." for _ in range(12)) \
        + "</p>"


def jsonl_line(n: int, words: int = 50) -> bytes:
    text = " ".join(f"word{n}x{i}" for i in range(words))
    return json.dumps({"id": f"doc{n}", "text": text}).encode() + b"\n"
