"""Where a story is set: the state its unnamed state agents ("police", "the army", "lawmakers",
"the court") belong to.

Votes per state: a wire dateline ("ISLAMABAD —") counts 6, a mention of the state (name,
capital, demonym, office holder) 1, a place inside it (places.yaml: provinces, cities) 2, either
one after a locative preposition ("in Somalia", "in Pakistan's Balochistan") 3; the headline
counts 3 per mention, the lede double. The article's setting is the top state when it clearly
leads the runner-up, else none (a story about three states has no setting). A clause with its
own locative ("In Somalia, troops killed ...") is set there; with no article setting, so is a
sentence whose locatives name exactly one state.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..model import Article
from .cand import Cand
from .dictionary import codes, places, sector_vocab
from .matcher import _matcher, _place_matcher, place_hits

LOCATIVE = {"in", "inside", "across", "throughout"}
MENTION, PLACE, LOCATED, TITLE, LEDE, DATELINE = 1.0, 2.0, 3.0, 3.0, 2.0, 6.0
DASHES = {"—", "–", "--", "-"}
LEAD_RATIO = 2.0  # the top state needs this many times the runner-up's votes ...
MIN_VOTES = 4.0  # ... and at least this many


@dataclass
class Setting:
    """The article's setting and the sentences set somewhere else."""

    state: str | None
    by_verb: dict[int, str] = field(default_factory=dict)  # verb token -> its locative's state
    by_sentence: dict[int, str] = field(default_factory=dict)
    sent_of: list[int] = field(default_factory=list)

    def at(self, tok: Token) -> str | None:
        verb = _verb_of(tok)
        if verb is not None and verb.i in self.by_verb:
            return self.by_verb[verb.i]
        if self.state is not None:
            return self.state
        return self.by_sentence.get(self.sent_of[tok.i] if tok.i < len(self.sent_of) else -1)


def _verb_of(tok: Token) -> Token | None:
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


@lru_cache(maxsize=1)
def _states() -> frozenset[str]:
    return frozenset(c for c, a in codes().items() if a.kind == "state")


def _title_votes(title: str | None) -> Counter[str]:
    """States and places named in the headline (tokenised only, not parsed)."""
    from ..nlp import english
    from .dictionary import entries

    votes: Counter[str] = Counter()
    if not title:
        return votes
    doc = english().make_doc(title)
    table = entries()
    for match_id, _, _ in _matcher()(doc):
        for e in table.get(doc.vocab.strings[match_id], []):
            if e.actor is not None and e.actor.code in _states():
                votes[e.actor.code] += TITLE
                break
    for match_id, _, _ in _place_matcher()(doc):
        code = places().get(doc.vocab.strings[match_id])
        if code in _states():
            votes[code] += TITLE
    return votes


def _dateline_votes(doc: Doc) -> Counter[str]:
    """"ISLAMABAD —", "MARANCHON, SPAIN —", "ISLAMABAD/PENTAGON —": the wire's dateline."""
    from .lookup import lookup

    votes: Counter[str] = Counter()
    head = list(doc[:10])
    cut = next((k for k, t in enumerate(head) if t.text in DASHES and k > 0), None)
    if cut is None or not (head[0].is_upper and len(head[0]) > 2):
        return votes
    text = " ".join(t.text for t in head[:cut])
    for part in text.replace("/", ",").split(","):
        name = " ".join(w.capitalize() for w in part.split())
        if not name:
            continue
        actor = lookup(name)
        code = actor.code if actor is not None else places().get(name.lower())
        if code in _states():
            votes[code] += DATELINE
    return votes


def _located(doc: Doc, i: int, j: int) -> Token | None:
    """"in Somalia", "in Pakistan's restive Balochistan province": the locative preposition."""
    head = doc[j - 1]
    for _ in range(3):  # up through "province" / a possessive to the preposition's object
        if head.dep_ == "pobj":
            return head.head if head.head.lower_ in LOCATIVE else None
        if head.dep_ not in ("poss", "compound", "amod", "nmod") or head.head.i == head.i:
            return None
        head = head.head
    return None


def find_setting(doc: Doc, cands: list[Cand], article: Article) -> Setting:
    sent_of = [0] * len(doc)
    lede_end = len(doc)
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        for n, s in enumerate(doc.sents):
            if n == 0:
                lede_end = s.end
            for k in range(s.start, s.end):
                sent_of[k] = n
    votes = _title_votes(article.title) + _dateline_votes(doc)
    local: dict[int, set[str]] = {}
    by_verb: dict[int, str] = {}
    found = [(c.i, c.j, c.actor.code, MENTION) for c in cands
             if c.actor.code in _states() and c.actor.kind in ("state", "person")
             and c.via not in ("pronoun", "coref")]
    taken = {k for c in cands for k in c.tokens()}
    found += [(i, j, code, PLACE) for i, j, code in place_hits(doc)
              if code in _states() and not any(k in taken for k in range(i, j))]
    for i, j, code, weight in found:
        prep = _located(doc, i, j)
        if prep is not None:
            weight = LOCATED
            local.setdefault(sent_of[i], set()).add(code)
            if prep.head.pos_ in ("VERB", "AUX"):
                by_verb[prep.head.i] = code
        votes[code] += weight * (LEDE if i < lede_end else 1.0)
    ranked = votes.most_common(2) + [("", 0.0)] * 2
    (best, top), (_, second) = ranked[0], ranked[1]
    state = best if top >= MIN_VOTES and top >= LEAD_RATIO * second else None
    by_sentence = {s: next(iter(cs)) for s, cs in local.items() if len(cs) == 1}
    return Setting(state, by_verb, by_sentence, sent_of)


@lru_cache(maxsize=1)
def state_agents() -> frozenset[str]:
    return frozenset(str(w) for w in sector_vocab()["state_agents"])


@lru_cache(maxsize=1)
def foreign_modifiers() -> frozenset[str]:
    return frozenset(str(w) for w in sector_vocab()["foreign_modifiers"])


@lru_cache(maxsize=1)
def own_agent_verbs() -> frozenset[str]:
    return frozenset(str(w) for w in sector_vocab()["own_agent_verbs"])
