"""Settling short lines by their neighbours and finding the body region.

jusText's context rule: a short or near-good line between prose is prose, next to furniture
it is furniture. The body is then the densest contiguous run of lines (maximum-sum
subarray): prose adds its length, furniture subtracts, and a terminator heading
("Related articles", "Tags") all but cuts the page in two.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsgraph.clean.lines import Line

BAD_LINE_COST = 40  # characters of prose one furniture line outweighs
TERMINATOR_COST = 300  # "Related articles": a box inside the article is crossed by more prose
COMMENTS_COST = 800
DATE_LINE_COST = 150  # timestamps between paragraphs mark comments or news lists


_DIGIT = re.compile(r"\d")
ROW_CHARS = 200
_FULL_STOP = re.compile(r"[.!?…。！？][\"'”’]?$")
_BULLET = re.compile(r"^[-*•+·▪–»>]")
_LIST_ITEM = re.compile(r"^(?:\d{1,3}[.)]|[-*•+·▪–])\s+\S")


def introduced_lists(lines: list[Line]) -> list[str]:
    """Labels where a list announced by a prose line ending in ":" keeps its items: an item is
    short, but the sentence before it says it belongs to the text."""
    labels = [ln.label for ln in lines]
    i = 0
    while i < len(lines):
        if _introduces(lines[i]):
            j, gap = i + 1, 0
            while j < len(lines) and gap <= 1:
                ln = lines[j]
                if _LIST_ITEM.match(ln.text) and labels[j] != "bad":
                    labels[j], gap = "good", 0
                elif _LIST_ITEM.match(ln.text) and ln.why == "no stop words":
                    labels[j], gap = "good", 0
                elif (_data_row(ln) and gap == 0) or (j == i + 1 and ln.why == "navigation bar"):
                    # a row right after the previous one (the first may be the header row)
                    labels[j], gap = "good", 0
                else:
                    gap += 1
                j += 1
            i = j
        else:
            i += 1
    return labels


PROSE_RUN = 3  # consecutive near lines that each end a sentence are a paragraph split up


def prose_runs(lines: list[Line], labels: list[str]) -> list[str]:
    """Labels where a run of near lines that all end a sentence is prose: a page that sets
    each sentence or short paragraph on its own line has no long line to vouch for them,
    while menus and headline lists rarely end their items with a full stop."""
    out = list(labels)
    run: list[int] = []
    for i in range(len(lines) + 1):
        if i < len(lines) and lines[i].why == "lone characters":
            continue  # an image or a spacer between paragraphs
        if i < len(lines) and labels[i] == "near" and _FULL_STOP.search(lines[i].text) \
                and not _BULLET.match(lines[i].text):
            run.append(i)
            continue
        if len(run) >= PROSE_RUN:
            for j in run:
                out[j] = "good"
        run = []
    return out


def _introduces(line: Line) -> bool:
    """A sentence ending in ":" ("The tour dates:", "Standings after 36 races:")."""
    if not line.text.endswith(":"):
        return False
    return line.label in ("good", "near") or (line.why == "date line" and line.n_words >= 5)


def _data_row(line: Line) -> bool:
    """A row of an announced table or schedule: short, carrying figures, and furniture only
    for looking like a menu or lacking stop words ("June 9 -- Arena, Tampa, FL")."""
    if line.n_chars > ROW_CHARS or not _DIGIT.search(line.text):
        return False
    return line.label in ("short", "near") or line.why in ("navigation bar", "no stop words")


def resolve(lines: list[Line]) -> list[Line]:
    """Turn every "short"/"near" label into "good" or "bad" using the neighbours."""
    labels = prose_runs(lines, introduced_lists(lines))

    def neighbour(i: int, step: int, skip_near: bool) -> str:
        j = i + step
        while 0 <= j < len(labels):
            lab = labels[j]
            if lab == "good" or lab == "bad" or (lab == "near" and not skip_near):
                return lab
            j += step
        return "bad"  # the page edge counts as furniture

    out = list(labels)
    for i, lab in enumerate(labels):
        if lab != "short":
            continue
        prev, nxt = neighbour(i, -1, True), neighbour(i, 1, True)
        if prev == nxt:
            out[i] = prev
        elif prev == "bad":
            out[i] = "good" if neighbour(i, -1, False) == "near" else "bad"
        else:
            out[i] = "good" if neighbour(i, 1, False) == "near" else "bad"
    for i, lab in enumerate(labels):
        if lab == "near":
            prev, nxt = neighbour(i, -1, True), neighbour(i, 1, True)
            out[i] = "bad" if prev == nxt == "bad" else "good"
    return [
        ln if ln.label == lab else replace(ln, label=lab, why=_promoted(ln) if lab == "good"
                                           else ln.why or "by context")
        for ln, lab in zip(lines, out, strict=True)
    ]


HEADER_BONUS = 250  # prose right under a byline or date line opens an article
HEADER_CUES = 3
AFTER_END = 0.2  # prose after a comments heading is mostly comments: a long thread under
# a one-paragraph post ("open thread") must not outweigh the post
FOOTER_START, FOOTER_FLOOR = 0.6, 0.4  # prose in the last 40% of a page counts less


def _promoted(line: Line) -> str:
    return "promoted short" if line.label == "short" else ""


def trim(lines: list[Line], start: int, end: int) -> tuple[int, int]:
    """A body neither starts nor ends on a short line its neighbours vouched for."""
    while start < end and (lines[start].label != "good" or lines[start].why == "promoted short"):
        start += 1
    while end > start and (lines[end - 1].label != "good"
                           or lines[end - 1].why == "promoted short"):
        end -= 1
    return start, end


def weight(line: Line, pos: float = 0.0, after_header: bool = False,
           after_end: bool = False) -> float:
    """What a line adds to a candidate body; `pos` is its relative position in the page,
    `after_end` says a comments heading came before it."""
    if line.label == "good":
        # Characters of space-less scripts carry about a word each; count them up.
        w = line.n_chars * (3 if line.no_space_script else 1) * (AFTER_END if after_end else 1)
        if pos > FOOTER_START:
            w *= 1 - (1 - FOOTER_FLOOR) * (pos - FOOTER_START) / (1 - FOOTER_START)
        return w + (HEADER_BONUS if after_header else 0)
    if line.why == "comments heading":
        return -COMMENTS_COST
    if line.why == "terminator heading":
        return -TERMINATOR_COST
    if line.why == "date line":
        return -DATE_LINE_COST
    return -BAD_LINE_COST


def body_region(lines: list[Line]) -> tuple[int, int]:
    """[start, end) of the maximum-weight contiguous run (Kadane); (0, 0) when no prose."""
    best, best_span = 0.0, (0, 0)
    run, start, after_end, begun = 0.0, 0, False, False
    n = max(1, len(lines) - 1)
    # Only the page's first few datelines/bylines head the article; later ones head comments.
    cues = [ln.i for ln in lines if ln.why in ("date line", "byline")][:HEADER_CUES]
    opened = {next((j for j in range(c + 1, min(c + 4, len(lines)))
                    if lines[j].label == "good"), -1) for c in cues}
    for i, ln in enumerate(lines):
        if run <= 0:
            run, start = 0.0, i
        # A "Comments" link in a menu or share widget closes nothing: only a heading after
        # the article has begun (prose under its byline or date, if the page has one) does.
        after_end = after_end or (begun and ln.why == "comments heading")
        begun = begun or (ln.label == "good" and (i in opened or not cues))
        # under a comments heading a dateline opens a reply, not the article
        run += weight(ln, i / n, i in opened and not after_end, after_end)
        if run > best:
            best, best_span = run, (start, i + 1)
    return best_span
