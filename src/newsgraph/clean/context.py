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


_LIST_ITEM = re.compile(r"^(?:\d{1,3}[.)]|[-*•+·▪–])\s+\S")


def introduced_lists(lines: list[Line]) -> list[str]:
    """Labels where a list announced by a prose line ending in ":" keeps its items: an item is
    short, but the sentence before it says it belongs to the text."""
    labels = [ln.label for ln in lines]
    i = 0
    while i < len(lines):
        if labels[i] in ("good", "near") and lines[i].text.endswith(":"):
            j, gap = i + 1, 0
            while j < len(lines) and gap <= 1:
                ln = lines[j]
                if _LIST_ITEM.match(ln.text) and labels[j] != "bad":
                    labels[j], gap = "good", 0
                elif _LIST_ITEM.match(ln.text) and ln.why == "no stop words":
                    labels[j], gap = "good", 0
                else:
                    gap += 1
                j += 1
            i = j
        else:
            i += 1
    return labels


def resolve(lines: list[Line]) -> list[Line]:
    """Turn every "short"/"near" label into "good" or "bad" using the neighbours."""
    labels = introduced_lists(lines)

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
AFTER_END = 0.5  # prose after a comments heading is mostly comments
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
    run, start, after_end = 0.0, 0, False
    n = max(1, len(lines) - 1)
    # Only the page's first few datelines/bylines head the article; later ones head comments.
    cues = [ln.i for ln in lines if ln.why in ("date line", "byline")][:HEADER_CUES]
    opened = {next((j for j in range(c + 1, min(c + 4, len(lines)))
                    if lines[j].label == "good"), -1) for c in cues}
    for i, ln in enumerate(lines):
        if run <= 0:
            run, start = 0.0, i
        after_end = after_end or ln.why == "comments heading"
        run += weight(ln, i / n, i in opened, after_end)
        if run > best:
            best, best_span = run, (start, i + 1)
    return best_span
