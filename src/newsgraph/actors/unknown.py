"""Actors beyond the dictionary: named entities and agentive nouns the dictionary does not know.

The mention keeps its text; the code is the state named inside or beside it ("the American Civil
Liberties Union" -> USA, "X, Australia's foreign minister" -> AUS), else None.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..model import Actor
from .agents import setting_actor
from .cand import Cand, cand
from .dictionary import codes, place_state, sector_of, sector_vocab
from .setting import Setting

ENT_LABELS = {"ORG", "NORP", "PERSON", "GPE"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
NOT_ARGUMENT = {"compound", "amod", "nmod", "poss"}  # "police station", "army's"
NP_MODIFIERS = {"amod", "compound", "nummod"}


def _trim(span: Span) -> tuple[int, int]:
    i = span.start
    while i < span.end - 1 and span.doc[i].dep_ == "det":
        i += 1
    j = span.end
    for k in range(i + 1, span.end):
        if span.doc[k].dep_ == "case":  # "Georgescu’s Bid" -> "Georgescu"
            j = k
            break
    while j > i + 1 and span.doc[j - 1].is_punct:
        j -= 1
    return i, j


def _agentive(t: Token) -> bool:
    """Subject or passive agent: a name there is acting, not merely named."""
    return t.dep_ in SUBJECT_DEPS or (t.dep_ == "pobj" and t.head.dep_ == "agent")


def _prep_state(doc: Doc, head: Token, owner: dict[int, Cand], state: bool = False) -> str | None:
    """"the Foreign Ministry in Seoul", "the Permanent Representative of Slovenia" -> the state;
    "diplomats from the Group of Seven" -> the bloc (not with `state`: a ministry is a state's)."""
    for p in head.children:
        if p.dep_ == "prep" and p.lower_ in ("in", "of", "for", "from"):
            for o in p.children:
                if o.dep_ != "pobj":
                    continue
                # "forces in Somalia's Puntland region", "leader of Afghanistan's Taliban
                # insurgency": the object, else its nearest owner
                near = [d for d in o.lefts if d.dep_ in ("poss", "compound")]
                for w in [o, *reversed(near)]:
                    c = owner.get(w.i)
                    if c is None or not c.actor.code:
                        continue
                    # "a spokesman for Afghan President Ashraf Ghani": the person's state;
                    # "top diplomats from the Group of Seven": the bloc
                    if c.actor.kind in ("state", "person") or (
                            c.actor.kind in ("group", "igo") and (w.i != o.i or not state)):
                        return c.actor.code
                found = place_state(o)
                if found:
                    return found
    return None


PORTFOLIO_TITLES = {"representative", "envoy", "coordinator", "czar", "tsar"}


def _person_code(doc: Doc, i: int, j: int, owner: dict[int, Cand]) -> Cand | None:
    """A state phrase in apposition to the name: "Penny Wong, Australia's foreign minister"."""
    head = doc[j - 1]
    near = [head.head] if head.dep_ == "appos" else []
    near += [c for c in head.children if c.dep_ == "appos"]
    for t in near:
        c = owner.get(t.i)
        if c is None or not c.actor.code:
            c = next((owner[d.i] for d in t.lefts
                      if d.i in owner and d.dep_ in ("poss", "compound", "amod", "nmod")), None)
        if c is None:  # "X, a spokesman for the provincial government"
            # "the special representative for North Korea at the State Department": an
            # envoy's "for" names a portfolio, not an employer
            preps_ok = ("of", "at", "from") if t.lemma_.lower() in PORTFOLIO_TITLES else (
                "of", "for", "at", "from")
            c = next((owner[o.i] for p in t.children if p.dep_ == "prep"
                      and p.lower_ in preps_ok for o in p.children
                      if o.dep_ == "pobj" and o.i in owner), None)
        # "X, a Guatemalan journalist": a state's national, not only its officials
        if c is not None and c.actor.code and (c.actor.kind in ("state", "igo", "group") or (
                c.actor.kind == "other" and c.actor.code in codes()
                and codes()[c.actor.code].kind == "state")):
            return c
    return None


def _one_body(t: Token, owner: dict[int, Cand]) -> bool:
    """"diplomats from the Group of Seven": one named body after of/from, not a list."""
    objs = [o for p in t.children if p.dep_ == "prep" and p.lower_ in ("of", "from")
            for o in p.children if o.dep_ == "pobj"]
    return len(objs) == 1 and not objs[0].conjuncts and objs[0].i in owner and bool(
        owner[objs[0].i].actor.code)


def _introduced(doc: Doc, i: int, j: int, owner: dict[int, Cand]) -> Cand | None:
    """A state, group or office before the name: "Guatemalan journalist X", "Albania's former
    prime minister X", "Balochistan Chief Minister X", "Hamas leader X"."""
    root = doc[j - 1]
    for k in range(i, j):
        if not (i <= doc[k].head.i < j) or doc[k].head.i == k:
            root = doc[k]
            break
    titles = {str(p) for p in sector_vocab()["persons"]}
    todo = [c for c in root.lefts if c.i < i and c.dep_ in ("compound", "amod", "poss", "nmod")]
    for _ in range(3):  # the title's modifiers ("journalist" <- "Guatemalan"; "IS deputy caliph")
        for t in list(todo):
            c = owner.get(t.i)
            if c is not None and c.actor.code and c.actor.kind in ("state", "group", "other"):
                # "a North Korea expert": a state's name on a non-office noun is a topic
                office = t.head.lower_ in titles or t.head.i == root.i
                if c.via != "name" or c.actor.kind != "state" or t.dep_ == "poss" or office:
                    return c
            todo += [d for d in t.lefts if d.dep_ in ("compound", "amod", "poss", "nmod")]
    return None


def unknown_actors(doc: Doc, cands: list[Cand], setting: Setting | None = None,
                   date: str | None = None) -> list[Cand]:
    """New mentions; a named organisation swallowing a state word replaces it in `cands`.
    An unnamed state agent ("police") takes the state of the `setting` (agents.py)."""
    owner = {k: c for c in cands for k in c.tokens()}
    out: list[Cand] = []
    persons: dict[str, Actor] = {
        c.actor.person.split()[-1]: c.actor for c in cands if c.actor.person
    }
    for ent in doc.ents:
        if ent.label_ not in ENT_LABELS:
            continue
        i, j = _trim(ent)
        inside = {owner[k] for k in range(i, j) if k in owner}
        if inside:
            states = [c for c in inside if c.actor.kind == "state" and c.actor.code]
            sector = sector_of([t.text for t in doc[i:j]])
            if (ent.label_ == "ORG" and sector and len(states) == len(inside) and states
                    and max(c.j for c in states) < j):
                code = min(states, key=lambda c: c.i).actor.code
                for c in states:
                    cands.remove(c)
                actor = Actor(code, ent.text, "other", sector)
                new = cand(doc, i, j, actor, "unknown")
                cands.append(new)
                owner.update({k: new for k in range(i, j)})
            continue
        if ent.label_ == "GPE" and not _agentive(doc[j - 1]):
            continue
        text = doc[i:j].text
        if j - i == 1 and text in persons:  # a surname, tagged PERSON or not
            out.append(cand(doc, i, j, persons[text], "coref"))
            continue
        if ent.label_ == "PERSON":
            last = doc[j - 1].text
            near = _person_code(doc, i, j, owner) or _introduced(doc, i, j, owner)
            if near is not None:
                actor = Actor(near.actor.code, text, "person", near.actor.sector or "GOV",
                              person=text)
                out.append(cand(doc, i, j, actor, "person"))
                persons[last] = actor
                continue
            actor = Actor(None, text, "person", None, person=text)
            out.append(cand(doc, i, j, actor, "unknown"))
            continue
        sector = sector_of([t.text for t in doc[i:j]])
        if sector or ent.label_ == "ORG" or _agentive(doc[j - 1]):
            code = _prep_state(doc, doc[j - 1], owner, state=True) if sector else None
            found = None if code else setting_actor(doc[j - 1], text, setting, date, owner,
                                                   name_from=i if ent.label_ == "ORG" else None)
            if found is not None:
                out.append(cand(doc, i, j, found, "setting"))
                continue
            out.append(cand(doc, i, j, Actor(code, text, "other", sector), "unknown"))
    taken = set(owner) | {k for c in out for k in c.tokens()}
    for t in doc:  # a surname the parser did not tag as a person, after its introduction
        if t.i not in taken and t.pos_ == "PROPN" and t.text in persons and any(
                c.end <= t.idx and c.actor is persons[t.text] for c in out):
            out.append(cand(doc, t.i, t.i + 1, persons[t.text], "coref"))
            taken.add(t.i)
    agents = {str(w) for w in sector_vocab()["unknown_agents"]}
    members = {str(w) for w in sector_vocab()["member_nouns"]}
    for t in doc:
        member = t.lower_ in members
        if (t.i in taken or t.pos_ not in ("NOUN", "PROPN") or t.dep_ in NOT_ARGUMENT
                or (t.lower_ not in agents and t.lemma_.lower() not in agents and not member)):
            continue
        if member and not _one_body(t, owner):
            continue
        i = t.i
        while i > 0 and doc[i - 1].head.i == t.i and doc[i - 1].dep_ in NP_MODIFIERS \
                and (i - 1) not in taken:
            i -= 1
        if any(c.i in taken for c in t.lefts):
            continue  # "the Ukrainian people": the state word already names who
        sector = sector_of([t.text]) or sector_of([t.lemma_])
        code = _prep_state(doc, t, owner)
        text = doc[i:t.i + 1].text
        found = None if code else setting_actor(t, text, setting, date, owner)
        if found is not None:
            out.append(cand(doc, i, t.i + 1, found, "setting"))
            continue
        out.append(cand(doc, i, t.i + 1, Actor(code, text, "other", sector), "unknown"))
    return _late_persons(doc, owner, out)


def _late_persons(doc: Doc, owner: dict[int, Cand], out: list[Cand]) -> list[Cand]:
    """Persons whose apposition names an agent found after them ("X, a spokesman for the
    ministry"), and their later surnames."""
    owner = {**owner, **{k: c for c in out for k in c.tokens()}}
    fixed: dict[str, Actor] = {}
    for n, c in enumerate(out):
        if c.actor.kind != "person" or c.actor.code is not None:
            continue
        last = doc[c.j - 1].text
        if c.j - c.i == 1 and last in fixed:
            out[n] = replace(c, actor=fixed[last], via="coref")
            continue
        near = _person_code(doc, c.i, c.j, owner)
        if near is not None:
            actor = Actor(near.actor.code, c.actor.name, "person", near.actor.sector or "GOV",
                          person=c.actor.name)
            out[n] = replace(c, actor=actor, via="person")
            fixed[last] = actor
    return out
