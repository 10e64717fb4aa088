"""Pages in national charsets are decoded right, whether they declare their charset or not."""

from __future__ import annotations

import pytest

from newsgraph.clean import clean
from newsgraph.model import RawDoc
from newsgraph.sources.decode import decode

SAMPLES = {
    "tis-620": "รัฐมนตรีต่างประเทศไทยและกัมพูชาพบกันที่กรุงเทพฯ เมื่อวันจันทร์ที่ผ่านมา",
    "cp1251": "Министры иностранных дел встретились в Минске в понедельник утром.",
    "shift_jis": "日本と韓国の外相は月曜日にソウルで会談し、協力の強化で合意した。",
}


def _raw(data: bytes, ctype: str) -> RawDoc:
    return RawDoc(id="0" * 64, origin="page", name="page", content_type=ctype, data=data,
                  fetched_at="2020-01-01T00:00:00+00:00")


@pytest.mark.parametrize("declared", [True, False], ids=["declared", "undeclared"])
@pytest.mark.parametrize("charset", sorted(SAMPLES))
def test_html_page(charset: str, declared: bool) -> None:
    text = SAMPLES[charset]
    meta = f'<meta charset="{charset}">' if declared else ""
    body = "".join(f"<p>{text}</p>" for _ in range(3))
    page = f"<html><head>{meta}<title>t</title></head><body><article>{body}</article></body>" \
           "</html>"
    assert text in clean(_raw(page.encode(charset), "text/html")).body


@pytest.mark.parametrize("charset", sorted(SAMPLES))
def test_text_dump_without_declaration(charset: str) -> None:
    dump = f"{SAMPLES[charset]}\n" * 3
    assert decode(dump.encode(charset)) == dump
