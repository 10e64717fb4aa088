"""Property tests: arbitrary bytes and structures given to the JSONL, WARC and RSS readers
never crash them; every item is a RawDoc, a Note or a catalogue error."""

from __future__ import annotations

import gzip
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.errors import Errors, NewsgraphError
from newsgraph.model import RawDoc
from newsgraph.sources import Note, read_paths

from ._build import rss

CODES = {k for k in vars(Errors) if k.startswith("E")}
FAST = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


def read_as(name: str, data: bytes, max_bytes: int = 5000) -> list:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / name
        path.write_bytes(data)
        items = list(read_paths([str(path)], max_bytes=max_bytes))
    for item in items:
        assert isinstance(item, RawDoc | Note | NewsgraphError), item
        if isinstance(item, NewsgraphError):
            assert item.code in CODES, item.line()
        if isinstance(item, RawDoc):
            assert len(item.data) <= max_bytes
    return items


@FAST
@given(st.binary(max_size=3000), st.sampled_from(["f.jsonl", "f.warc", "f.rss", "f.atom",
                                                  "f.jsonl.gz", "f.warc.gz", "f.xml"]))
def test_arbitrary_bytes_under_any_reader(data: bytes, name: str) -> None:
    read_as(name, data)


@FAST
@given(st.binary(max_size=3000), st.sampled_from(["f.jsonl.gz", "f.warc.gz", "f.rss.gz"]))
def test_arbitrary_bytes_validly_gzipped(data: bytes, name: str) -> None:
    read_as(name, gzip.compress(data))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=20)
records = st.dictionaries(st.sampled_from(["id", "text", "html", "url", "title", "published",
                                           "outlet", "author", "x"]), json_values, max_size=6)


@FAST
@given(st.lists(records | json_values, max_size=12), st.integers(50, 2000))
def test_jsonl_of_arbitrary_json(lines: list, max_bytes: int) -> None:
    data = b"\n".join(json.dumps(x).encode() for x in lines)
    items = read_as("f.jsonl", data, max_bytes)
    assert len(items) <= max(1, len(lines))


@FAST
@given(st.lists(st.tuples(st.sampled_from(["response", "request", "resource", "metadata"]),
                          st.text(max_size=40), st.sampled_from(["text/html", "image/png",
                                                                 "text/plain", "", "x/y"]),
                          st.binary(max_size=800)), max_size=5), st.booleans())
def test_warc_of_arbitrary_records(recs: list, gz: bool) -> None:
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for rtype, uri, ctype, body in recs:
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1") \
            if rtype == "response" else None
        w.write_record(w.create_warc_record(uri or "urn:x", rtype, payload=io.BytesIO(body),
                                            http_headers=http))
    items = read_as("f.warc.gz" if gz else "f.warc", buf.getvalue())
    assert sum(isinstance(i, RawDoc) for i in items) <= len(recs)


xml_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=200)


@FAST
@given(st.lists(st.fixed_dictionaries({}, optional={
    "title": xml_text, "link": st.sampled_from(["", "urn:x", "mailto:a@b", "not a url"]),
    "pubDate": xml_text | st.sampled_from(["Mon, 29 Jun 2020 23:30:00 -0400", "2020-13-45"]),
    "description": xml_text, "content": xml_text}), max_size=5))
def test_rss_of_arbitrary_entries(items: list) -> None:
    escaped = [{k: v.replace("&", "&amp;").replace("<", "&lt;") if k != "content" else
                v.replace("]]>", "") for k, v in it.items()} for it in items]
    read_as("f.rss", rss(escaped))
