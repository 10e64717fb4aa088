"""Readers: good inputs become RawDocs, each bad input one exact error line, batch goes on."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from pathlib import Path

from newsgraph.errors import NewsgraphError
from newsgraph.model import RawDoc
from newsgraph.sources import read_paths

PROSE = "The ministers met in Geneva on Monday and agreed to resume talks next month.\n"


def _split(items):
    items = list(items)
    return ([x for x in items if isinstance(x, RawDoc)],
            [x.line() for x in items if isinstance(x, NewsgraphError)])


def test_text_file_is_read_with_hash_and_name(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(PROSE, "utf-8")
    [doc] = read_paths([str(p)])
    assert doc.id == hashlib.sha256(PROSE.encode()).hexdigest()
    assert (doc.name, doc.origin, doc.content_type) == ("a.txt", str(p), "text/plain")


def test_binary_file(tmp_path: Path) -> None:
    p = tmp_path / "photo.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert _split(read_paths([str(p)]))[1] == [f"E001 {p}: binary file, not text or HTML (PNG)"]
    q = tmp_path / "nul.txt"
    q.write_bytes(b"abc\x00def")
    assert _split(read_paths([str(q)]))[1] == [
        f"E001 {q}: binary file, not text or HTML (NUL bytes)"]


def test_empty_file(tmp_path: Path) -> None:
    p = tmp_path / "empty.txt"
    p.write_bytes(b"  \n\n")
    assert _split(read_paths([str(p)]))[1] == [f"E002 {p}: empty file"]


def test_undecodable_bytes(tmp_path: Path) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(b"Hello \x81\x8d\x8f\x90 world \x9d and more text here.")
    assert _split(read_paths([str(p)]))[1] == [
        f"E003 {p}: cannot decode bytes as text (not UTF-8 (byte 0x81 at offset 6) "
        "and not plausible single-byte text)"]


def test_plausible_cp1252_is_decoded_not_rejected(tmp_path: Path) -> None:
    from newsgraph.sources import decode

    p = tmp_path / "latin.txt"
    p.write_bytes("Le café de Montréal a rouvert ses portes.".encode("cp1252"))
    [doc] = read_paths([str(p)])
    assert decode(doc.data) == "Le café de Montréal a rouvert ses portes."


def test_too_large_small_limit(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text("a" * 101, "utf-8")
    assert _split(read_paths([str(p)], max_bytes=100))[1] == [
        f"E004 {p}: file too large: 101 bytes > 100 (limit set by --max-bytes)"]


def test_50_mb_sparse_file_default_limit(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    with p.open("wb") as f:
        f.truncate(50_000_000)  # sparse: no disk used, and never read
    assert _split(read_paths([str(p)]))[1] == [
        f"E004 {p}: file too large: 50,000,000 bytes > 20,000,000 (limit set by --max-bytes)"]


def test_gzip_over_limit_when_decompressed(tmp_path: Path) -> None:
    p = tmp_path / "bomb.txt.gz"
    p.write_bytes(gzip.compress(b"a" * 5000))
    assert _split(read_paths([str(p)], max_bytes=1000))[1] == [
        f"E004 {p}: file too large: more than 1,000 bytes uncompressed (limit set by --max-bytes)"]


def test_broken_jsonl_line_among_good_ones(tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    good1 = {"id": "a1", "text": PROSE, "url": "https://example.org/a1", "published": "2024-05-01",
             "outlet": "Example Times", "title": "Talks resume"}
    good3 = {"id": "a3", "html": "<html><body><p>Hello</p></body></html>"}
    lines = [json.dumps(good1), '{"id": "a2", "text": "unterminated', json.dumps(good3),
             '{"id": "a4"}']
    p.write_text("\n".join(lines) + "\n", "utf-8")
    docs, errors = _split(read_paths([str(p)]))
    assert errors == [
        f"E006 {p}: broken JSONL line 2: invalid JSON: Unterminated string starting at, "
        "column 22",
        f"E006 {p}: broken JSONL line 4: no 'text' or 'html' string",
    ]
    assert [(d.name, d.origin, d.content_type) for d in docs] == [
        ("a1", f"{p}:1", "text/plain"), ("a3", f"{p}:3", "text/html")]
    assert docs[0].id == hashlib.sha256(lines[0].encode()).hexdigest()
    assert docs[0].meta == {"url": "https://example.org/a1", "title": "Talks resume",
                            "published": "2024-05-01", "outlet": "Example Times"}
    assert docs[0].data == PROSE.encode()


def test_unsupported_extension_named_vs_in_folder(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"whatever")
    (tmp_path / "a.txt").write_text(PROSE, "utf-8")
    assert _split(read_paths([str(tmp_path / "notes.pdf")]))[1] == [
        f"E007 {tmp_path / 'notes.pdf'}: unsupported file type (extension .pdf; "
        "expected .txt, .html, .htm, .jsonl, .warc, .rss, .atom, .xml or their .gz)"]
    docs, errors = _split(read_paths([str(tmp_path)]))
    assert errors == [] and [d.name for d in docs] == ["a.txt"]


def test_unreadable_and_missing(tmp_path: Path) -> None:
    missing = tmp_path / "gone.txt"
    assert _split(read_paths([str(missing)]))[1] == [
        f"E008 {missing}: cannot read file (no such file or directory)"]
    corrupt = tmp_path / "broken.html.gz"
    corrupt.write_bytes(b"\x1f\x8b\x08\x00garbage-not-deflate")
    [line] = _split(read_paths([str(corrupt)]))[1]
    assert line.startswith(f"E008 {corrupt}: cannot read file (corrupt gzip")


def test_folder_batch_goes_on_in_sorted_order(tmp_path: Path) -> None:
    sub = tmp_path / "b"
    sub.mkdir()
    (tmp_path / "c.txt").write_text(PROSE, "utf-8")
    (tmp_path / "a.txt").write_bytes(b"")
    (sub / "page.html.gz").write_bytes(gzip.compress(b"<html><body><p>Hi</p></body></html>"))
    (sub / "page.htm").write_bytes(b"<html><body><p>Hi there</p></body></html>")
    (sub / "skip.csv").write_text("x,y", "utf-8")
    docs, errors = _split(read_paths([str(tmp_path)]))
    assert errors == [f"E002 {tmp_path / 'a.txt'}: empty file"]
    assert [(d.name, d.content_type) for d in docs] == [
        ("page.htm", "text/html"), ("page.html.gz", "text/html"), ("c.txt", "text/plain")]
    assert docs[1].data.startswith(b"<html>")


def test_stdin_sniffs_jsonl_html_and_text() -> None:
    code = ("import sys; from newsgraph.sources import read_paths\n"
            "for d in read_paths(['-']): print(d.name, d.content_type)")
    def run(data: bytes) -> str:
        return subprocess.run([sys.executable, "-c", code], input=data, capture_output=True,
                              check=True).stdout.decode().strip()
    assert run(b'{"id": "x1", "text": "Hello world"}\n') == "x1 text/plain"
    assert run(b"<!DOCTYPE html><html><body>Hi</body></html>") == "stdin text/html"
    assert run(PROSE.encode()) == "stdin text/plain"
