"""The working record of the resolver: a mention with its token span."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc

from ..model import Actor, Mention

NON_STATE_SECTORS = {"CVL", "BUS", "MED", "REB"}


@dataclass(frozen=True)
class Cand:
    i: int  # token span [i, j)
    j: int
    start: int  # character span
    end: int
    actor: Actor
    via: str
    weak: bool = False

    def tokens(self) -> range:
        return range(self.i, self.j)


def cand(doc: Doc, i: int, j: int, actor: Actor, via: str, **kw) -> Cand:
    return Cand(i, j, doc[i].idx, doc[j - 1].idx + len(doc[j - 1]), actor, via, **kw)


def with_sector(c: Cand, sector: str | None) -> Cand:
    actor = replace(c.actor, sector=sector or c.actor.sector)
    if sector in NON_STATE_SECTORS and actor.kind == "state":
        return replace(c, actor=replace(actor, kind="other"), via="unknown")
    return replace(c, actor=actor)


def to_mention(text: str, c: Cand) -> Mention:
    return Mention(c.start, c.end, text[c.start:c.end], c.actor, c.via)


def is_personal(doc: Doc, c: Cand, persons: set[str]) -> bool:
    """Names one person: a known office holder, or a phrase headed by a person noun."""
    if c.actor.kind == "person" or c.actor.person:
        return True
    head = doc[c.j - 1]
    return head.lower_ in persons or head.lemma_.lower() in persons
