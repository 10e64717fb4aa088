"""Weapons traced to their maker: "linking North Korean missiles to recent attacks on Kyiv",
"debris from North Korean ballistic missiles was found after attacks within Ukraine". A
state's weapons in another party's attacks were supplied to that party: AID from the
weapons' state to the attacker, who is the one the story has attacking that target.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from ..model import Event
from .frames import Frame
from .items import item_and_quantity
from .lexicon import Sense, noun_senses, verb_senses
from .patterns import Actors, MentionIndex, actors_of, preps

ATTACK_PREPS = ("on", "against", "in", "within", "inside", "across")


def _maker(item: Token, index: MentionIndex) -> Actors:
    for c in item.children:
        if c.dep_ in ("amod", "compound", "poss") and c.i < item.i:
            found = actors_of(c, index)
            if found and all(m.actor.kind == "state" for m in found.mentions):
                return found
    return Actors((), None)


def _attacked(sent: Span, index: MentionIndex) -> set[str]:
    """States attacked in the sentence ("attacks on Kyiv", "strikes within Ukraine")."""
    out: set[str] = set()
    for t in sent:
        senses = noun_senses(t.lemma_) if t.pos_ == "NOUN" else verb_senses(t.lemma_)
        if not any(s.type == "ASSAULT" for s in senses):
            continue
        for p, o in preps(t):
            if p in ATTACK_PREPS:
                out |= {m.actor.code for m in actors_of(o, index).mentions
                        if m.actor.code and m.actor.kind == "state"}
    return out


def traced_weapons(sent: Span, index: MentionIndex, attacks: Sequence[Event],
                   supplies: Sequence[Event]) -> list[Frame]:
    """`attacks` and `supplies`: the story's attacks and transfers, told anywhere in it."""
    victims = _attacked(sent, index)
    if not victims:
        return []
    out = []
    for tok in sent:
        item, _ = item_and_quantity([tok])
        if tok.pos_ != "NOUN" or item in (None, "troops"):
            continue
        maker = _maker(tok, index)
        if not maker or set(maker.codes) & victims:
            continue
        user = next((e.source for e in reversed(attacks) if set(e.target) & victims
                     and not set(e.source) & set(maker.codes)), ())
        if not user:  # the maker's customer the story names ("a weapons supplier for Russia")
            user = next((e.target for e in reversed(supplies) if set(e.source) ==
                         set(maker.codes) and not set(e.target) & victims), ())
        if user:
            out.append(Frame(tok, Sense("AID", "military", "give"), maker,
                             Actors((), None, tuple(user)), theme=[tok], confidence=0.5))
    return out
