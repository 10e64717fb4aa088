"""Unnamed state agents ("police", "the army", "lawmakers", "the court", "the president"): the
state of the story's setting, with the sector of the head noun.

Only when nothing in or beside the phrase names someone else: a proper-noun or demonym
modifier ("Kurdish forces", "IS fighters"), a foreign word ("international forces", "rebel
troops"), a possessor ("the group's fighters") or an `of`/`from` phrase ("officials from both
sides") leaves it unresolved.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

from ..model import Actor
from .cand import Cand
from .dictionary import codes, sector_of
from .offices import holder, person_actor
from .setting import Setting, foreign_modifiers, own_agent_verbs, state_agents

NAMED = {"NORP", "GPE", "ORG", "PERSON", "LOC", "FAC"}
MODIFIERS = {"amod", "compound", "nmod", "poss", "nummod", "npadvmod"}
TITLES = {"president": "president", "prime minister": "prime minister", "premier": "premier"}
GOVERNING = {"ruling", "governing"}  # "ruling coalition lawmakers" are the state's own


def _foreign(c: Token) -> bool:
    if c.lower_ not in foreign_modifiers() and c.lemma_.lower() not in foreign_modifiers():
        return False
    before = c.doc[c.i - 1].lower_ if c.i > 0 else ""
    return before not in GOVERNING and not any(g.lower_ in GOVERNING for g in c.lefts)


def _blocked(tok: Token, depth: int = 0, name_from: int | None = None) -> bool:
    """A modifier naming someone else; words of the agent's own name ("High Court", from
    `name_from` on) are not modifiers."""
    for c in tok.children:
        if name_from is not None and name_from <= c.i < tok.i:
            if _foreign(c):
                return True
            continue
        if c.i < tok.i and c.dep_ in MODIFIERS:
            if c.dep_ == "poss" or c.pos_ == "PROPN" or c.ent_type_ in NAMED:
                return True
            if _foreign(c):
                return True
            if depth < 1 and _blocked(c, depth + 1):
                return True
        if c.dep_ == "prep" and c.lower_ in ("of", "from", "for") and depth == 0:
            return True
    return False


# Plurals of these name several states ("national governments"): vague, not the setting's.
ONE_PER_STATE = {"government", "administration", "regime", "parliament", "legislature",
                 "ministry", "cabinet", "presidency", "junta", "congress", "senate"}


def is_state_agent(tok: Token) -> bool:
    words = state_agents()
    low, lemma = tok.lower_, tok.lemma_.lower()
    if tok.tag_ in ("NNS", "NNPS") and lemma in ONE_PER_STATE:
        return False
    if low in words or lemma in words:
        return True
    prev = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    return f"{prev} {low}" in words


def _commander(tok: Token, owner: Mapping[int, Cand]) -> str | None:
    """"Sheinbaum sent 10,000 troops": troops sent, deployed or withdrawn are the sender's."""
    verb = tok.head
    if tok.dep_ != "dobj" or verb.lemma_.lower() not in own_agent_verbs():
        return None
    for s in verb.children:
        c = owner.get(s.i) if s.dep_ == "nsubj" else None
        if c is not None and c.actor.code in codes() and c.actor.kind in ("state", "person"):
            return c.actor.code
    return None


def setting_actor(tok: Token, text: str, setting: Setting | None, date: str | None,
                  owner: Mapping[int, Cand] | None = None,
                  name_from: int | None = None) -> Actor | None:
    """The state of the agent phrase headed by `tok` (its commander's, else the setting's);
    `name_from`: the first token of a named body ("the Supreme Court") ending at `tok`."""
    owner = owner or {}
    if not is_state_agent(tok) or _blocked(tok, name_from=name_from):
        return None
    code = _commander(tok, owner)
    if code is None and setting is not None:
        code = setting.at(tok)
    if code is None or code not in codes():
        return None
    prev = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    title = TITLES.get(f"{prev} {tok.lower_}") or TITLES.get(tok.lower_)
    if title and prev in ("the", "minister", "prime"):
        who = holder(code, title, date)
        if who is not None:
            return person_actor(who, date)
    sector = sector_of([prev, tok.text]) or sector_of([tok.lemma_]) or "GOV"
    return Actor(code, text, "state", sector)
