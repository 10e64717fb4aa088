"""Rule-based coreference: pronouns and definite descriptions back to actors.

Conservative by design: a pronoun resolves only to an actor in its own or the two preceding
sentences; "it" in expletive use ("it is clear that") is left alone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Token

from ..model import Article
from .cand import Cand, cand, is_personal
from .dictionary import codes, sector_vocab
from .offices import people, term_at

PERSON_PRON = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
IT_PRON = {"it", "its", "itself"}
THEY_PRON = {"they", "them", "their", "theirs", "themselves"}
WE_PRON = {"we", "us", "our", "ours", "ourselves"}
SAYING = {"say", "tell", "add", "state", "declare", "write", "insist", "warn", "vow", "stress"}
QUOTES = {'"', "\u201c", "\u201d"}
EXPLETIVE_HEADS = {"be", "seem", "appear", "remain", "become", "take", "make", "mean", "matter",
                   "stand"}  # "it stands to reason that"
PAIR_NOUNS = {"countries", "nations", "sides", "states", "governments", "neighbours", "neighbors",
              "allies", "capitals", "parties"}
SINGLE_NOUNS = {"country", "nation"}
PLACE_NOUNS = {"territory", "enclave"}  # "the territory's health ministry": the place just named
BLOC_NOUNS = {"bloc", "body", "alliance", "organization", "organisation", "union", "coalition",
              "grouping", "organ"}  # "the regional body", "the bloc": the organisation just named
COUNTS = {"two": 2, "2": 2, "three": 3, "3": 3, "four": 4, "4": 4, "five": 5, "5": 5}
REGIME_NOUNS = {"regime", "government", "administration", "camp", "junta", "cabinet"}
LEADER_OFFICES = {"head_of_state", "head_of_government"}
WINDOW = 2  # sentences back


def _subjectish(doc: Doc, c: Cand) -> bool:
    t = doc[c.j - 1]
    for k in c.tokens():
        if not (c.i <= doc[k].head.i < c.j):
            t = doc[k]
    if t.dep_ in ("nsubj", "nsubjpass"):
        return True
    if t.dep_ == "pobj" and t.head.dep_ == "agent":
        return True
    return t.dep_ == "poss" and t.head.dep_ in ("nsubj", "nsubjpass")


def _state_like(c: Cand) -> bool:
    return c.actor.code is not None and c.actor.kind in ("state", "igo", "group")


class _Doc:
    """Sentence indices of tokens, computed once."""

    def __init__(self, doc: Doc) -> None:
        self.sent_of = [0] * len(doc)
        if not doc.has_annotation("SENT_START") and not doc.has_annotation("DEP"):
            return  # no sentence boundaries: one sentence
        for n, s in enumerate(doc.sents):
            for k in range(s.start, s.end):
                self.sent_of[k] = n

    def window(self, cands: list[Cand], k: int) -> list[Cand]:
        s = self.sent_of[k]
        return [c for c in cands if c.j <= k and s - WINDOW <= self.sent_of[c.i] <= s]


def _prefer(doc: Doc, idx: _Doc, pool: list[Cand], k: int) -> Cand | None:
    """Subject in the same sentence, then subject in the sentence before, then most recent."""
    if not pool:
        return None
    s = idx.sent_of[k]
    for back in range(0, WINDOW + 1):
        subj = [c for c in pool if idx.sent_of[c.i] == s - back and _subjectish(doc, c)]
        if subj:
            return subj[-1]
    return pool[-1]


def _person(doc: Doc, idx: _Doc, pool: list[Cand], k: int) -> Cand | None:
    """he/she: a person earlier in the same sentence (its subject first), else the subject
    (the speaker) of the nearest sentence before, else the most recent person."""
    if not pool:
        return None
    s = idx.sent_of[k]
    same = [c for c in pool if idx.sent_of[c.i] == s]
    if same:
        subj = [c for c in same if _subjectish(doc, c)]
        return (subj or same)[-1]
    for back in range(1, WINDOW + 1):
        subj = [c for c in pool if idx.sent_of[c.i] == s - back and _subjectish(doc, c)]
        main = [c for c in subj if doc[c.j - 1].head.dep_ == "ROOT"]
        if subj:
            return (main or subj)[0 if main else -1]
    return pool[-1]


def _names_a_person(doc: Doc, c: Cand, persons: set[str]) -> bool:
    """"The Afghan army chief", "Pakistan's foreign minister": a state mention inside a phrase
    headed by a person noun stands for that person."""
    head = doc[c.j - 1]
    while head.dep_ in ("amod", "compound", "poss", "nmod") and head.head.i > head.i:
        head = head.head
        if head.lower_ in persons or head.lemma_.lower() in persons:
            return True
    return False


def _last_place(doc: Doc, pool: list[Cand]) -> Cand | None:
    """The latest state named as a place ("killed 20 people in Gaza")."""
    places = [c for c in pool if doc[c.j - 1].dep_ == "pobj"
              and doc[c.j - 1].head.lower_ in ("in", "into", "inside", "across", "from")]
    return places[-1] if places else None


def _verb_of(tok: Token) -> Token:
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _same_verb(doc: Doc, idx: _Doc, pool: list[Cand], tok: Token) -> Cand | None:
    """"equipping Russia with drones for its onslaught": an argument of the verb that governs
    the pronoun's phrase, nearest first."""
    verb = _verb_of(tok)
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    same = [c for c in pool if idx.sent_of[c.i] == idx.sent_of[tok.i]
            and _verb_of(doc[c.j - 1]).i == verb.i]
    return same[-1] if same else None


def _possessor(doc: Doc, idx: _Doc, pool: list[Cand], k: int) -> Cand | None:
    """"Russia's violation ... through its aggression": the nearest possessor in the sentence."""
    same = [c for c in pool if idx.sent_of[c.i] == idx.sent_of[k]]
    if same and doc[same[-1].j - 1].dep_ == "poss":
        return same[-1]
    return None


def _pair(doc: Doc, idx: _Doc, pool: list[Cand]) -> list[Cand]:
    """The two states "the two countries" refers to: a coordinated pair first, then subjects."""
    states = [c for c in pool if c.actor.kind == "state"]
    for b in reversed(states):
        for a in reversed(states):
            if a.i < b.i and a.actor.code != b.actor.code:
                ra, rb = doc[a.j - 1], doc[b.j - 1]
                if rb in ra.conjuncts:
                    return [a, b]
    ordered = [c for c in reversed(states) if _subjectish(doc, c)]
    ordered += [c for c in reversed(states) if c not in ordered]
    out: list[Cand] = []
    for c in ordered:
        if c.actor.code not in {o.actor.code for o in out}:
            out.append(c)
        if len(out) == 2:
            return out
    return []


def _count(t: Token) -> int:
    """How many parties "both countries", "the three nations" names (0: no count)."""
    for d in t.children:
        if d.lower_ == "both":
            return 2
        if d.dep_ == "nummod" and d.lower_ in COUNTS:
            return COUNTS[d.lower_]
    return 0


def _definite(t: Token) -> bool:
    """"the bloc", "the regional body": "the" and nothing but common adjectives before the
    noun ("the Western bloc" is another, vague group)."""
    lefts = list(t.lefts)
    return bool(lefts) and lefts[0].lower_ == "the" and all(
        d.pos_ == "ADJ" and d.dep_ == "amod" and d.text.islower() for d in lefts[1:])


def _salient_bloc(history: list[Cand], k: int) -> Cand | None:
    """The organisation "the bloc" means: the one the story has named most so far (the
    latest on a tie), not merely the latest one named."""
    seen = [c for c in history if c.j <= k and c.actor.kind == "igo" and c.actor.code]
    if not seen:
        return None
    counts = Counter(c.actor.code for c in seen)
    top = max(counts.values())
    return next(c for c in reversed(seen) if counts[c.actor.code] == top)


def _several(doc: Doc, pool: list[Cand], n: int) -> list[Cand]:
    """The n states "the three nations" refers to: the latest coordinated list of n states."""
    states = [c for c in pool if c.actor.kind == "state"]
    for last in reversed(states):
        root = doc[last.j - 1]
        while root.dep_ == "conj":
            root = root.head
        members = [c for c in states if doc[c.j - 1].i == root.i or doc[c.j - 1] in root.conjuncts]
        if len({c.actor.code for c in members}) == n:
            return members
    return []


def _plural(doc: Doc, pool: list[Cand], best: Cand | None) -> list[Cand]:
    """`best` with its coordinated actors, when they make a plural ("Mexico and Canada",
    "the Gulf states"); empty when `best` is one singular actor."""
    if best is None:
        return []
    root = doc[best.j - 1]
    group = [c for c in pool if c.start == best.start or doc[c.j - 1] in root.conjuncts]
    if len({c.actor.code for c in group}) > 1 or root.tag_ in ("NNS", "NNPS"):
        return group
    return []


def _acted_on(tok: Token) -> bool:
    """An object of a verb or of a preposition naming who is acted on."""
    while tok.dep_ == "conj":
        tok = tok.head
    return tok.dep_ in ("dobj", "dative") or (
        tok.dep_ == "pobj" and tok.head.lower_ in ("on", "against", "to", "with", "from"))


def _leader_state(name: str, date: str | None) -> str | None:
    for p in people():
        if name in (p.name, p.surname, *p.short):
            t = term_at(p, date)
            if t.office in LEADER_OFFICES and t.code in codes():
                return t.code
    return None


def _regime(doc: Doc, t: Token, owner: dict[int, Cand], article: Article) -> Cand | None:
    """"the Kim regime", "the Biden administration" -> the leader's state."""
    if t.lower_ not in REGIME_NOUNS:
        return None
    for p in t.children:
        if p.dep_ == "compound" and p.pos_ == "PROPN" and p.i < t.i:
            c = owner.get(p.i)
            code = None
            if c is not None and c.actor.kind == "person":
                code = c.actor.code
            elif c is None:
                code = _leader_state(p.text, article.published)
            if code and code in codes():
                actor = replace(codes()[code], sector="GOV")
                return cand(doc, p.i, t.i + 1, actor, "coref")
    return None


def resolve_coref(doc: Doc, cands: list[Cand], article: Article) -> list[Cand]:
    """`cands` plus the mentions coreference adds (a regime phrase replaces its leader's name)."""
    persons = {str(p) for p in sector_vocab()["persons"]}
    idx = _Doc(doc)
    owner = {k: c for c in cands for k in c.tokens()}
    history = sorted(cands, key=lambda c: c.start)
    added: list[Cand] = []
    replaced: set[Cand] = set()
    for t in doc:
        if t.i in owner:
            continue
        low = t.lower_
        if not (low in PERSON_PRON or low in IT_PRON or low in THEY_PRON or low in PAIR_NOUNS
                or low in SINGLE_NOUNS or low in REGIME_NOUNS or low in BLOC_NOUNS
                or low in PLACE_NOUNS):
            continue
        pool = idx.window(history, t.i)
        new: list[Cand] = []
        if t.pos_ == "PRON" and low in PERSON_PRON:
            best = _person(doc, idx, [c for c in pool if c.actor.code and (
                is_personal(doc, c, persons) or _names_a_person(doc, c, persons))], t.i)
            if best:
                new = [cand(doc, t.i, t.i + 1, best.actor, "pronoun")]
        elif t.pos_ == "PRON" and low in IT_PRON:
            if not (low == "it" and t.head.lemma_ in EXPLETIVE_HEADS):
                things = [c for c in pool if _state_like(c) and not is_personal(doc, c, persons)]
                best = (_same_verb(doc, idx, things, t) or _possessor(doc, idx, things, t.i)
                        or _prefer(doc, idx, things, t.i))
                if best:
                    new = [cand(doc, t.i, t.i + 1, best.actor, "pronoun")]
        elif t.pos_ == "PRON" and low in THEY_PRON:
            coded = [c for c in pool if c.actor.code]
            group = _plural(doc, coded, _prefer(doc, idx, coded, t.i))
            if not group and t.dep_ == "dobj":
                # "tariffs on Mexico, Canada and China to pressure them": an object pronoun
                # is not its own clause's subject; the parties acted on just before are
                group = next((g for c in reversed(coded) if idx.sent_of[c.i] == idx.sent_of[t.i]
                              and _acted_on(doc[c.j - 1])
                              for g in [_plural(doc, coded, c)] if g), [])
            done = set()
            for c in group:
                if c.actor.code not in done:
                    done.add(c.actor.code)
                    new.append(cand(doc, t.i, t.i + 1, c.actor, "pronoun"))
        elif low in PAIR_NOUNS and (n := _count(t)):
            start = min(d.i for d in t.children if d.i < t.i)
            group = _pair(doc, idx, pool) if n == 2 else _several(doc, pool, n)
            new = [cand(doc, start, t.i + 1, c.actor, "coref") for c in group]
        elif low in BLOC_NOUNS and t.tag_ == "NN" and _definite(t):
            best = _salient_bloc(history, t.i)
            if best:
                new = [cand(doc, min(d.i for d in t.lefts), t.i + 1, best.actor, "coref")]
        elif low in PLACE_NOUNS and t.tag_ == "NN" and [d.lower_ for d in t.lefts] == ["the"]:
            best = _last_place(doc, [c for c in pool if c.actor.kind == "state"])
            if best:
                new = [cand(doc, t.i - 1, t.i + 1, replace(best.actor, sector="GOV"), "coref")]
        elif low in SINGLE_NOUNS and t.tag_ == "NN" and [d.lower_ for d in t.lefts] == ["the"]:
            best = _prefer(doc, idx, [c for c in pool if c.actor.kind == "state"], t.i)
            if best:
                actor = replace(best.actor, sector="GOV")
                new = [cand(doc, t.i - 1, t.i + 1, actor, "coref")]
        else:
            reg = _regime(doc, t, owner, article)
            if reg is not None:
                old = owner.get(reg.i)
                if old is not None:
                    replaced.add(old)
                new = [reg]
        added.extend(new)
        history.extend(new)
        history.sort(key=lambda c: c.start)
    kept = [c for c in cands if c not in replaced] + added
    return kept + _first_person(doc, kept)


def _first_person(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"'Russia fired 40 missiles at our cities,' he said": we/us/our inside a quotation
    are its speaker's side, when the sentence's saying verb names who speaks."""
    owner = {k: c for c in cands for k in c.tokens()}
    out = []
    for sent in doc.sents if doc.has_annotation("SENT_START") else ():
        root = sent.root
        if root.lemma_.lower() not in SAYING:
            continue
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        speaker = owner.get(subj.i) if subj is not None else None
        if speaker is None or not speaker.actor.code:
            continue
        marks = [t.i for t in sent if t.text in QUOTES]
        if len(marks) < 2:
            continue
        inside = range(marks[0] + 1, marks[-1])
        for k in inside:
            t = doc[k]
            if t.lower_ in WE_PRON and t.pos_ == "PRON" and k not in owner and not (
                    speaker.i <= k < speaker.j):
                out.append(cand(doc, k, k + 1, speaker.actor, "pronoun"))
    return out
