"""Quoted speech across sentences: "... We will crush them. ... ," the minister said.

A quotation may run over several sentences; its speaker is named where it closes ("...,"
Sharif said), just after it ("He added."), or just before it ("The ministry said: ...").
Events told inside the quotation without a claim of their own get the speaker's claim
(GUIDELINES rule 13: a quote with its speaker in the same or the adjacent sentence).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from ..model import Claim, Event
from .lexicon import speech_stance
from .ontology import speech_acts
from .patterns import MentionIndex, actors_of, subject_of

OPEN, CLOSE, STRAIGHT = "\u201c", "\u201d", '"'
SPEECH_ACTS = speech_acts()
MAX_SPEAKER_TOKENS = 12  # "he said." / "Sharif told reporters." after a quotation


def _quote_runs(sents: list[Span]) -> list[tuple[int, int]]:
    """(first, last) sentence indices of each quotation spanning more than one sentence."""
    runs, start, depth = [], None, 0
    for k, s in enumerate(sents):
        text = s.text
        opened = text.count(OPEN)
        closed = text.count(CLOSE)
        straight = text.count(STRAIGHT) % 2
        before = depth
        depth = max(0, depth + opened - closed)
        if straight:
            depth = 0 if before else 1
        if before == 0 and depth > 0:
            start = k
        elif before > 0 and depth == 0 and start is not None:
            if k > start:
                runs.append((start, k))
            start = None
    return runs


def _speaker(sent: Span, index: MentionIndex, short: bool):
    root = sent.root
    stance = speech_stance().get(root.lemma_.lower())
    if stance is None or (short and len(sent) > MAX_SPEAKER_TOKENS):
        return None
    who = actors_of(subject_of(root), index)
    return (who, stance) if who.codes else None


def quote_claims(sents: list[Span], by_sentence: list[list[Event]],
                 index: MentionIndex) -> list[list[Event]]:
    out = [list(evs) for evs in by_sentence]
    for first, last in _quote_runs(sents):
        found = _speaker(sents[last], index, short=False)
        if found is None and last + 1 < len(sents):
            found = _speaker(sents[last + 1], index, short=True)
        if found is None and first > 0 and sents[first - 1].text.rstrip().endswith(":"):
            found = _speaker(sents[first - 1], index, short=False)
        if found is None:
            continue
        who, stance = found
        for k in range(first, last + 1):
            out[k] = [_claimed(e, who.codes, who.text, stance) for e in out[k]]
    return out


def _claimed(e: Event, codes: tuple[str, ...], text: str | None, stance: str) -> Event:
    if e.claims or (e.type in SPEECH_ACTS and set(codes) & set(e.source)):
        return e  # its own attribution, or a speaker telling its own speech act
    if e.type in SPEECH_ACTS or e.modality == "hypothetical":
        return e
    return replace(e, claims=tuple(Claim(c, stance, text) for c in codes))
