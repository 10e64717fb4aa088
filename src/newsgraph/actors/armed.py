"""Unnamed attackers and "the group" back to the named group of the story.

- "the group", "the militant group", "the separatist outfit" -> the most recent non-state group
  (armed group or NGO) named in this or the two sentences before;
- "the militants", "the insurgents" -> the most recent armed group there, else the story's only one;
- bare "militants", "gunmen", "16 terrorists" -> the story's only armed group, when exactly one is
  named anywhere in it (wire ledes say "militants" and name the group that claimed it later);
- "a cell linked to the Islamic State group", "fighters loyal to al-Shabab", "members of the BLA"
  -> that group (GUIDELINES rule 15: branches and affiliates take the group's code).

A modifier naming someone else ("Afghan militants", "anti-Pakistan fighters", "IS fighters")
leaves the phrase alone.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .cand import Cand, cand

GROUP_NOUNS = {"group", "outfit", "organization", "organisation", "movement", "faction"}
ATTACKERS = {"militant", "militants", "insurgent", "insurgents", "separatist", "separatists",
             "rebel", "rebels", "terrorist", "terrorists", "gunman", "gunmen", "attacker",
             "attackers", "jihadist", "jihadists", "fighter", "fighters", "assailant",
             "assailants", "kidnapper", "kidnappers", "abductor", "abductors", "extremists"}
DESCRIBING = {"militant", "insurgent", "separatist", "terrorist", "terror", "rebel", "armed",
              "jihadist", "extremist", "islamist", "outlawed", "banned", "proscribed", "militia"}
WINDOW = 2
# Parts of a group: the group named after them is theirs ("a cell of", "a branch linked to").
PARTS = {"cell", "cells", "network", "networks", "ring", "branch", "branches", "wing", "unit",
         "units", "affiliate", "affiliates", "offshoot", "member", "members", "operative",
         "operatives", "commander", "commanders", "cadre", "cadres", "loyalist", "loyalists"}
LINKING = {"linked", "affiliated", "tied", "allied", "connected", "loyal", "belonging",
           "aligned", "associated"}


def _modifiers(tok: Token) -> list[Token]:
    return [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod")]


def _other_named(tok: Token) -> bool:
    """A modifier that names who: "Afghan militants", "anti-Pakistan fighters"."""
    for c in _modifiers(tok):
        if c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG") or "-" in c.text:
            return True
        if any(g.pos_ == "PROPN" for g in c.subtree if g.i != c.i):
            return True
    return False


def _linked_group(tok: Token, nonstate: list[Cand]) -> Cand | None:
    """The non-state group a part or member phrase is tied to by its own modifier."""
    for c in tok.rights:
        if c.dep_ in ("acl", "amod") and c.lower_ in LINKING:
            heads = [p for p in c.children if p.dep_ in ("prep", "agent")]
        elif c.dep_ == "prep" and c.lower_ == "of":
            heads = [c]
        else:
            continue
        span = {t.i for p in heads for o in p.children if o.dep_ == "pobj" for t in o.subtree}
        hits = [n for n in nonstate if n.i in span]
        if hits:
            return hits[0]
    return None


def armed_mentions(doc: Doc, cands: list[Cand], owner: set[int], sent: list[int]) -> list[Cand]:
    """New mentions for group descriptions; `sent`: token -> sentence number."""
    groups = [c for c in cands if c.actor.kind == "group" and c.actor.code]
    nonstate = [c for c in cands if c.actor.code and (
        c.actor.kind == "group" or (c.actor.kind == "igo" and c.actor.sector in ("NGO", "OPP")))]
    armed = {c.actor.code for c in groups}
    only = next(c for c in groups) if len(armed) == 1 else None
    out: list[Cand] = []
    for t in doc:
        low = t.lower_
        if t.i in owner or t.pos_ not in ("NOUN", "PROPN") or (
                low not in GROUP_NOUNS and low not in ATTACKERS and low not in PARTS):
            continue
        if t.dep_ in ("compound", "amod") or any(c.i in owner for c in t.lefts):
            continue  # "its fighters", "Pakistan's militants": the owner says whose
        dets = {c.lower_ for c in t.lefts if c.dep_ == "det"}
        definite = bool(dets & {"the", "this", "that"})
        recent = [c for c in (nonstate if low in GROUP_NOUNS else groups)
                  if c.j <= t.i and sent[t.i] - WINDOW <= sent[c.i] <= sent[t.i]]
        found = _linked_group(t, nonstate)
        if found is not None or low in PARTS:
            pass
        elif low in GROUP_NOUNS:
            described = all(m.lower_ in DESCRIBING or m.dep_ == "det" for m in t.lefts
                            if m.dep_ != "punct")
            if definite and described and recent:
                found = recent[-1]
        elif not _other_named(t):
            if definite and recent:
                found = recent[-1]
            elif only is not None and not dets - {"the"}:
                found = only
        if found is not None:
            start = min([t.i, *(m.i for m in t.lefts if m.dep_ in ("det", "amod", "compound",
                                                                   "nummod"))])
            out.append(cand(doc, start, t.i + 1, found.actor, "coref"))
    return out
