"""Tidy the main text trafilatura extracted: the headline and closing prompts
go, and the rest of an article body split around ad slots comes back.

The headline is `Article.title`, not body text; newsletter, follow and share
prompts after the last paragraph are page furniture. Both rules only look at
the edges of the body, so an article's own text is never cut from the middle.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml
from lxml.html import HtmlElement

_WORD = re.compile(r"\w+")
TAIL_MAX_WORDS = 40  # a closing prompt is short; a real last paragraph may match a word
TITLE_OVERLAP = 0.8  # Jaccard overlap of word sets for a first line to count as the headline
ANCHOR_CHARS = 80  # a paragraph this long identifies the extracted body's container
PEER_MIN_WORDS = 8  # shorter paragraphs in a peer container are captions and labels


@cache
def tail_patterns() -> re.Pattern[str]:
    data = resources.files("newsgraph.clean") / "data" / "html_tail.yaml"
    pats = yaml.safe_load(data.read_text("utf-8"))["tail_patterns"]
    return re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def same_heading(line: str, title: str | None) -> bool:
    """Is `line` the page's headline (allowing small edits: site suffix, punctuation)?"""
    if not title:
        return False
    a, b = set(_words(line)), set(_words(title))
    return bool(a and b) and len(a & b) / len(a | b) >= TITLE_OVERLAP


def tidy_body(text: str, title: str | None) -> tuple[str, tuple[str, ...]]:
    """(body, removed lines). Empty lines go; the headline repeated as the first
    line goes; short closing prompts at the end go."""
    lines = [line.strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    removed: list[str] = []
    if len(lines) > 1 and same_heading(lines[0], title):
        removed.append(lines.pop(0))
    tail = tail_patterns()
    while len(lines) > 1 and len(_words(lines[-1])) < TAIL_MAX_WORDS and tail.search(lines[-1]):
        removed.append(lines.pop())
    return "\n".join(lines), tuple(removed)


def _norm(text: str) -> str:
    return " ".join(_words(text))


def split_body_rest(tree: HtmlElement, body: str) -> tuple[list[str], list[str]]:
    """Paragraphs of the same article in sibling containers the extractor skipped.

    Many sites cut an article body into several containers around ad slots, all
    with the same "...body..." class; extractors keep the first. Returns the
    paragraphs of the other containers that come (before, after) the one the
    body was taken from. Only containers whose class names a body count, so
    teaser grids and comment lists (other classes) stay out.
    """
    long_lines = [line for line in body.split("\n") if len(line) > ANCHOR_CHARS]
    if not long_lines:
        return [], []
    key = _norm(long_lines[0])[:ANCHOR_CHARS]
    anchor = next((p for p in tree.iter("p") if _norm(p.text_content()).startswith(key)), None)
    container = anchor.getparent() if anchor is not None else None
    cls = container.get("class") if container is not None else None
    if not cls or "body" not in cls.lower():
        return [], []
    peers = [e for e in tree.iter(container.tag) if e.get("class") == cls]
    if len(peers) < 2:
        return [], []
    have = _norm(body)
    before: list[str] = []
    after: list[str] = []
    side = before
    for peer in peers:
        if peer is container:
            side = after
            continue
        for p in peer.iter("p"):
            text = " ".join(p.text_content().split())
            norm = _norm(text)
            if len(norm.split()) >= PEER_MIN_WORDS and norm not in have:
                side.append(text)
                have += " " + norm
    return before, after
