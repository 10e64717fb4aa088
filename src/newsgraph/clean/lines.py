"""Features of one line of a page dump and its context-free class (jusText-style).

Classes: "bad" (page furniture, recorded with a reason), "good" (prose), "near" (prose-ish
but short) and "short" — the last two are settled by their neighbours (see `context.py`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from newsgraph.clean import vocab

# Scripts written without spaces between words: length is measured in characters.
_NO_SPACE = re.compile(r"[\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff"
                       r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# A word: letters with their combining marks (Indic vowel signs are marks, not \w).
_LETTER = (r"(?:[^\W\d_]|[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f"
           r"\u0900-\u0dff\u0e31-\u0e3a\u0e47-\u0e4e])")
_WORD = re.compile(rf"{_LETTER}+(?:['’-]{_LETTER}+)*")
# Two or more spaces (incl. no-break and other Unicode spaces), tabs, pipes, bullets.
_SEGMENT_SEP = re.compile(r"(?:[\s\u00a0\u2000-\u200b\u3000]{2,}|\t|\s*[|•·»]\s*)")
_TRACKING_ID = re.compile(r"^(?=[^\s]*\d)(?=[^\s]*[A-Za-z])[A-Za-z0-9_-]{16,}$")
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_REPEATED_UNIT = re.compile(r"^(.{3,}?)\1+$", re.S)
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
_TRUNCATED = re.compile(r"[\w,;:’'\-\u00c0-\u024f](?:\.\.\.|…)\s*$")
_GLUE = re.compile(r"(?:[a-z]{3}|(?<=[a-z]{3})[’'”)?!])[A-Z](?=[a-z]*\s|\s)")
_SENTENCE_END = re.compile(r"[.!?…。！？\u0e2f\"”’)]$")

GOOD_CHARS, NEAR_CHARS = 150, 50  # jusText uses 200/70 on HTML paragraphs; dump lines are shorter
GOOD_STOP, NEAR_STOP = 0.30, 0.20


@dataclass(frozen=True)
class Line:
    i: int  # position among the non-empty lines
    text: str  # whitespace-collapsed
    raw: str  # as in the dump (keeps wide spacing)
    n_chars: int
    n_words: int
    stop_density: float
    caps_ratio: float  # share of words starting upper-case
    no_space_script: bool
    label: str  # bad | good | near | short
    why: str = ""  # reason for "bad"

    @property
    def key(self) -> str:
        return norm_key(self.text)


def norm_key(text: str) -> str:
    """Comparison key: case- and spacing-insensitive, trailing colon dropped."""
    return " ".join(text.lower().split()).rstrip(":").strip()


def split_lines(text: str) -> list[str]:
    return [ln for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if ln.strip()]


def stop_density(words: list[str]) -> float:
    """Highest stop-word share over the languages we have lists for (language-agnostic)."""
    if not words:
        return 0.0
    index = vocab.stopword_index()
    counts: Counter[str] = Counter()
    for w in words:
        counts.update(index.get(w.lower(), ()))
    return max(counts.values(), default=0) / len(words)


def features(i: int, raw: str) -> Line:
    line = _features(raw)
    return line if line.i == i else replace(line, i=i)


# A line's features and class depend on its text alone, and a feed repeats lines: a site's
# furniture on every page, a syndicated story's paragraphs in every copy. So each distinct
# line is measured once per process (a few MB at most; Line is frozen, safe to share).
@lru_cache(maxsize=8192)
def _features(raw: str) -> Line:
    text = " ".join(raw.split())
    words = _WORD.findall(text)
    no_space = len(_NO_SPACE.findall(text)) > 0.3 * max(1, len(text.replace(" ", "")))
    caps = sum(w[0].isupper() for w in words) / len(words) if words else 0.0
    line = Line(0, text, raw, len(text), len(words),
                stop_density(words), caps, no_space, label="short")
    why = bad_reason(line)
    if why:
        return _with(line, "bad", why)
    return _with(line, prose_label(line))


def prose_label(line: Line) -> str:
    if line.no_space_script:
        # Thai, CJK...: no word boundaries, so characters carry the information.
        if line.n_chars >= 60:
            return "good"
        return "near" if line.n_chars >= 20 else "short"
    if line.n_chars < NEAR_CHARS or line.n_words < 5:
        return "short"
    if line.n_chars >= GOOD_CHARS and line.stop_density >= GOOD_STOP:
        return "good"
    if line.stop_density >= NEAR_STOP:
        return "near"
    return "short" if line.n_chars < GOOD_CHARS else "bad_lowstop"


def bad_reason(line: Line) -> str:
    """Why a line is furniture whatever its neighbours, or "" when it may be prose."""
    text, key = line.text, line.key
    bp = vocab.boilerplate()
    letters = sum(c.isalpha() for c in text)
    if letters == 0 or (len(text) <= 2 and not line.no_space_script):
        return "lone characters"
    if key in bp["chrome"]:
        return "page chrome"
    if line.n_chars < 140 and key.startswith(tuple(bp["prompts"])):
        return "prompt"
    if any(p in key for p in bp["legal"]):
        return "legal notice"
    if _TRACKING_ID.match(text) or _URL.match(text):
        return "tracking id or url"
    if _REPEATED_UNIT.match(text):
        return "repeated ad"
    if is_nav_bar(line.raw):
        return "navigation bar"
    if is_glued_card(text):
        return "teaser card"  # "Headline In Title CaseFirst sentence…": a card of a list
    if line.n_chars <= 320 and _TRUNCATED.search(text):
        return "truncated teaser"  # "… Georgescu was...": a link to another article
    return ""


def is_glued_card(text: str) -> bool:
    """A dump glues a card's Title-Case headline to its teaser: "…Bull Elk PoachedMichigan…"."""
    m = _GLUE.search(text[:160])
    if not m:
        return False
    head = _WORD.findall(text[:m.start() + 1])
    return len(head) >= 4 and sum(w[0].isupper() for w in head) >= 0.8 * len(head)


def is_nav_bar(raw: str) -> bool:
    """Several short capitalised items separated by wide spaces, pipes or bullets."""
    parts = [p.strip() for p in _SEGMENT_SEP.split(raw.strip()) if p.strip()]
    if len(parts) < 3:
        return False
    short = [p for p in parts if len(p.split()) <= 3 and len(p) <= 30]
    capital = [p for p in short if not p[0].isalpha() or p[0].isupper() or not p[0].islower()]
    return len(short) >= 0.8 * len(parts) and len(capital) >= 0.8 * len(parts)


def has_clock(text: str) -> bool:
    return bool(_CLOCK.search(text))


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip()))


def duplicate_keys(lines: list[Line]) -> set[str]:
    """Keys of lines that occur more than once in the document."""
    counts = Counter(ln.key for ln in lines)
    return {k for k, n in counts.items() if n > 1}


def _with(line: Line, label: str, why: str = "") -> Line:
    if label == "bad_lowstop":
        label, why = "bad", "no stop words"
    return Line(line.i, line.text, line.raw, line.n_chars, line.n_words, line.stop_density,
                line.caps_ratio, line.no_space_script, label, why)
