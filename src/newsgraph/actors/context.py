"""Context rules: a state word that modifies an agent noun names that agent.

"the Russian delegate", "Russia's Foreign Ministry", "South Korean intelligence", "British and US
ambassadors" -> the state, with the sector of the head noun, over the whole phrase. A state word
before an office holder's name merges into the person ("Russian President Vladimir Putin").
A demonym that modifies a thing ("Iranian drones") stays a bare demonym mention.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from .cand import Cand, cand, with_sector
from .dictionary import sector_of, sector_vocab
from .offices import holder, person_actor, title_of

MODIFIER_DEPS = {"amod", "compound", "poss", "nmod"}
SKIP_WORDS = {"'s", "’s", "'", "’"}


def _chain(tok: Token) -> list[Token]:
    """Heads to the right that `tok` modifies, nearest first."""
    out = []
    while tok.dep_ in MODIFIER_DEPS and tok.head.i > tok.i:
        tok = tok.head
        out.append(tok)
    return out


def _root(doc: Doc, c: Cand) -> Token:
    for k in c.tokens():
        if not (c.i <= doc[k].head.i < c.j) or doc[k].head.i == k:
            return doc[k]
    return doc[c.j - 1]


def _apposed_person(head: Token, owner: dict[int, int], cands: list[Cand],
                    code: str | None) -> Cand | None:
    near = [t for t in head.children if t.dep_ == "appos"]
    if head.dep_ == "appos":
        near.append(head.head)
    for t in near:
        if t.i in owner:
            other = cands[owner[t.i]]
            if other.actor.kind == "person" and other.actor.code == code:
                return other
    return None


def extend(doc: Doc, cands: list[Cand], date: str | None = None) -> list[Cand]:
    not_agents = {str(w) for w in sector_vocab()["not_agents"]}
    owner: dict[int, int] = {}
    for n, c in enumerate(cands):
        for k in c.tokens():
            owner[k] = n
    out: list[Cand | None] = list(cands)
    merged: set[int] = set()
    for n, c in enumerate(cands):
        if c.actor.kind == "person" or c.via == "office":
            continue
        root = _root(doc, c)
        group_start = c.i
        anchor = root
        # Second conjunct of "British and US ambassadors": attach like the first.
        if root.dep_ == "conj" and root.head.i in owner and root.head.i < root.i:
            first = cands[owner[root.head.i]]
            anchor, group_start = _root(doc, first), first.i
        best: Token | None = None
        sector = None
        person_n = None
        for h in _chain(anchor):
            if h.i in owner and owner[h.i] != n:
                other = cands[owner[h.i]]
                if other.actor.kind == "person" and other.actor.code in (c.actor.code, None):
                    person_n = owner[h.i]
                if h.i >= c.j and not (root.dep_ == "conj" and owner[h.i] == owner.get(anchor.i)):
                    break
            words = [t.text for t in doc[c.j:h.i + 1] if t.text not in SKIP_WORDS]
            s = sector_of(words)
            if s and h.lemma_.lower() not in not_agents and h.lower_ not in not_agents:
                best, sector = h, s
        if person_n is not None:
            p = cands[person_n]
            out[person_n] = cand(doc, group_start, p.j, p.actor, p.via)
            merged.add(n)
            continue
        if best is None:
            if c.weak:
                out[n] = None
            continue
        new = with_sector(cand(doc, group_start, best.i + 1, c.actor, c.via),
                          sector)
        title = title_of([t.text for t in doc[c.j:best.i + 1]])
        who = holder(c.actor.code, title, date) if title and c.actor.kind == "state" else None
        named = _apposed_person(best, owner, cands, c.actor.code)
        if named is not None:
            # "the UK Foreign Secretary, James Cleverly" -> the person named beside the title
            new = replace(new, actor=named.actor, via="office")
        elif who is not None and root.dep_ != "conj" and group_start == c.i:
            # "the Russian foreign minister" -> the holder of that office on the article's date
            new = replace(new, actor=person_actor(who, date), via="office")
        out[n] = new
    return [c for k, c in enumerate(out) if c is not None and k not in merged]
