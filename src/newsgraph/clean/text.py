"""Cleaning a plain-text page dump: body lines, title, date, outlet and author.

1. Every line gets features and a context-free class (`lines.py`).
2. Document-level evidence: repeated lines (captions, the title twice), lines repeated across
   the batch, terminator headings, date lines, bylines.
3. Neighbours settle the undecided lines and the body is the densest run (`context.py`).
4. Metadata comes from the lines around the body (`meta.py`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsgraph.clean import vocab
from newsgraph.clean.byline import credit, dateline_marker, parse_byline
from newsgraph.clean.context import body_region, resolve, trim
from newsgraph.clean.dates import looks_like_date_line
from newsgraph.clean.lines import Line, duplicate_keys, features, split_lines
from newsgraph.clean.meta import find_metadata
from newsgraph.errors import Errors, NewsgraphError
from newsgraph.language import detect_blocks
from newsgraph.model import Article, RawDoc

# Reasons that make a line metadata rather than furniture: kept for metadata, never body.
SOFT_REPEAT_CHARS = 100
_EMBED_SIGNATURE = re.compile(r"\(@\w{1,30}\)")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?\s*$")  # a short line that is still a sentence


def clean_text(raw: RawDoc, text: str, repeated: frozenset[str] = frozenset()) -> Article:
    """`repeated`: keys of lines that recur across documents of the batch (site furniture)."""
    lines = classify(text, repeated)
    lines = resolve(lines)
    start, end = trim(lines, *body_region(lines))
    if start == end:
        start, end, lines = _fallback(lines)
    meta = find_metadata(lines, start, end, raw)
    body_idx = [ln.i for ln in lines[start:end] if ln.label == "good" and ln.i not in meta.used]
    texts = {i: lines[i].text for i in body_idx}
    if body_idx and meta.first_line is not None:
        texts[body_idx[0]] = meta.first_line
    body = "\n\n".join(t for t in texts.values() if t.strip())
    if not body.strip():
        raise NewsgraphError(Errors.E009, raw.origin)
    kept = set(body_idx)
    return Article(
        doc_id=raw.id,
        name=raw.name,
        title=meta.title,
        body=body,
        published=meta.published,
        published_source=meta.published_source,
        outlet=meta.outlet,
        author=meta.author,
        url=raw.meta.get("url"),
        blocks=detect_blocks(body),
        removed=tuple(ln.text for ln in lines if ln.i not in kept),
    )


def classify(text: str, repeated: frozenset[str] = frozenset()) -> list[Line]:
    """Context-free classes plus document-level evidence, before neighbours are consulted."""
    lines = [features(i, r) for i, r in enumerate(split_lines(text))]
    dups = duplicate_keys(lines)
    terminators = vocab.boilerplate()["terminators"]
    comments = vocab.boilerplate()["comment_headings"]
    ad_units = {_ad_unit(ln.text) for ln in lines if ln.why == "repeated ad"}
    out = []
    for ln in lines:
        why = ""
        if vocab.terminator_pattern().fullmatch(ln.key) or ln.key in comments:
            why = "comments heading"
        elif ln.key in terminators:
            why = "terminator heading"
        elif ln.label == "bad" and not (ln.why == "lone characters"
                                        and looks_like_date_line(ln.text)):
            pass
        elif ln.label != "good" and _EMBED_SIGNATURE.search(ln.text):
            why = "embedded post"  # "— Jane Roe (@jroe) November 18, 2019" closes a tweet
        elif ln.label != "good" and looks_like_date_line(ln.text):
            why = "date line"
        elif ln.key in dups:
            why = "repeated line"
        elif ln.key in repeated:
            why = "repeated across batch"
        elif ln.key in ad_units:
            why = "repeated ad"
        elif parse_byline(ln.text) or dateline_marker(ln.text):
            why = "byline"
        elif credit(ln.text):
            why = "credit"
        if why == "repeated line" and ln.n_chars < SOFT_REPEAT_CHARS and ln.n_words >= 5 \
                and ln.stop_density >= 0.25:
            # A short repeated line may be an interview's recurring question: let the
            # neighbours decide when it reads as a sentence.
            out.append(replace(ln, label="short", why=why))
            continue
        out.append(replace(ln, label="bad", why=why) if why else ln)
    return out


def _ad_unit(text: str) -> str:
    """The repeating unit of "Electric Scooter XElectric Scooter X…"."""
    for size in range(3, len(text) // 2 + 1):
        unit = text[:size]
        if len(text) % size == 0 and unit * (len(text) // size) == text:
            return " ".join(unit.lower().split()).rstrip(":").strip()
    return ""


def _fallback(lines: list[Line]) -> tuple[int, int, list[Line]]:
    """No prose region (a short feed item): keep sentence-like lines that are not furniture."""
    soft = ("by context", "no stop words", "")
    keep = [ln.i for ln in lines if ln.why in soft and (
        ln.n_words >= 5 or (ln.n_words >= 3 and _SENTENCE_END.search(ln.text)))]
    if not keep:
        return 0, 0, lines
    lines = [replace(ln, label="good") if ln.i in keep else ln for ln in lines]
    return keep[0], keep[-1] + 1, lines
