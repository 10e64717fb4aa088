"""Benchmark corpora built from the sample corpus in examples/.

Each copy of an article gets a unique tracking line (text dumps), a unique comment and
meta tag (HTML) or a unique id (JSONL lines), so its bytes — and its raw-doc id — differ
and ingest's dedupe keeps every copy. Files are named `COPY-ARTICLE_name`, so in the
reader's sorted order the copies of one article sit a full round apart: a cleaning batch
never holds three copies of a page, and the body is not mistaken for repeated site
furniture.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ARTICLE_SUFFIXES = {".txt", ".html", ".htm", ".jsonl"}


@dataclass(frozen=True)
class CorpusInfo:
    path: Path
    files: int
    docs: int  # articles: files, plus one per JSONL line beyond the first
    words: int  # whitespace words of the visible text (tags stripped)
    bytes: int


def example_files(src: Path = EXAMPLES) -> list[Path]:
    """The article files of the sample corpus (gold, README and friends excluded)."""
    def is_article(p: Path) -> bool:
        suffixes = [s.lower() for s in p.suffixes]
        if suffixes and suffixes[-1] == ".gz":
            suffixes = suffixes[:-1]
        return bool(suffixes) and suffixes[-1] in ARTICLE_SUFFIXES

    return sorted(p for p in src.rglob("*") if p.is_file() and is_article(p))


def visible_words(markup_or_text: str, is_html: bool) -> int:
    if is_html:
        markup_or_text = re.sub(r"(?is)<(head|script|style)\b.*?</\1>", " ", markup_or_text)
        markup_or_text = html.unescape(re.sub(r"<[^>]+>", " ", markup_or_text))
    return len(markup_or_text.split())


def _is_html(path: Path) -> bool:
    return any(s.lower() in (".html", ".htm") for s in path.suffixes)


def _vary_html(markup: str, tag: str) -> str:
    mark = f'<!-- {tag} --><meta name="x-bench-copy" content="{tag}">'
    head = re.search(r"(?i)<head[^>]*>", markup)
    if head:
        return markup[: head.end()] + mark + markup[head.end():]
    return mark + markup


def _vary_text(text: str, tag: str) -> str:
    # A tracking id line, like the ones scrapers leave at the foot of a page.
    digest = hashlib.sha1(tag.encode()).hexdigest()[:8].upper()
    return text.rstrip("\n") + f"\n\nREF{tag.replace('-', '')}ID{digest}\n"


def _copy(path: Path, tag: str) -> tuple[bytes, int, int]:
    """(bytes of the varied copy, articles in it, visible words in it)."""
    data = path.read_bytes()
    gz = path.suffix.lower() == ".gz"
    text = (gzip.decompress(data) if gz else data).decode("utf-8")
    if path.name.lower().endswith((".jsonl", ".jsonl.gz")):
        lines, words = [], 0
        for line in text.splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            rec["id"] = f"{tag}_{rec['id']}"
            if "text" in rec:
                rec["text"] = _vary_text(rec["text"], tag)
                words += visible_words(rec["text"], False)
            else:
                rec["html"] = _vary_html(rec["html"], tag)
                words += visible_words(rec["html"], True)
            lines.append(json.dumps(rec, ensure_ascii=False))
        out, n = "\n".join(lines) + "\n", len(lines)
    elif _is_html(path):
        out, n = _vary_html(text, tag), 1
        words = visible_words(out, True)
    else:
        out, n = _vary_text(text, tag), 1
        words = visible_words(out, False)
    raw = out.encode("utf-8")
    return (gzip.compress(raw, mtime=0) if gz else raw), n, words


def build_corpus(out: Path, words: int = 200_000, src: Path = EXAMPLES) -> CorpusInfo:
    """Write copies of the sample corpus into `out` until it holds at least `words` words."""
    files = example_files(src)
    if not files:
        raise FileNotFoundError(f"no example articles under {src}")
    out.mkdir(parents=True, exist_ok=True)
    n_files = n_docs = n_words = n_bytes = 0
    copy = 0
    while n_words < words:
        for j, path in enumerate(files):
            tag = f"{copy:05d}-{j:02d}"
            data, docs, w = _copy(path, tag)
            (out / f"{tag}_{path.name}").write_bytes(data)
            n_files, n_docs, n_words, n_bytes = n_files + 1, n_docs + docs, n_words + w, \
                n_bytes + len(data)
            if n_words >= words:
                break
        copy += 1
    return CorpusInfo(out, n_files, n_docs, n_words, n_bytes)
