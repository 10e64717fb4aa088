"""Blame by whereabouts: "security sources said the handlers of the attack are based in
Afghanistan", "officials said the attack was planned in Pakistan". Placing an attack's
authors (or its planning) in another state accuses that state (GUIDELINES rule 4: blaming
is ACCUSE), whoever the attackers are. Blame by responsibility: "the Kremlin said Kyiv was
responsible for the attack", "... was behind the bombing" accuses the one named. Blame by
name-calling: "described the U.S. move as an act of aggression", "branded the sanctions
illegal" accuses the author of what is so named.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .attribution import attribution_of, claimant_phrase
from .frames import Frame
from .lexicon import Sense, noun_senses, word_list, wrongdoing_nouns
from .patterns import Actors, MentionIndex, actors_of, preps


def _about_an_attack(subj: Token) -> bool:
    """The subject is an attack, or its authors ("the handlers of Tuesday's attack",
    "those involved in the attack")."""
    if any(s.type == "ASSAULT" for s in noun_senses(subj.lemma_.lower())):
        return True
    if subj.lemma_.lower() in word_list("perpetrator_nouns"):
        return True
    if subj.lemma_.lower() not in word_list("author_nouns"):
        return False
    return _attack_in(subj, skip=subj)


def whereabouts(sent: Span, index: MentionIndex) -> list[Frame]:
    out = []
    for verb in sent:
        if verb.lemma_.lower() not in word_list("whereabouts_verbs"):
            continue
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or not _about_an_attack(subj):
            continue
        place = next((found for p, o in preps(verb) if p in ("in", "from", "inside")
                      for found in [actors_of(o, index)] if found), None)
        frame = _blame(verb, place, index, faceless=True) if place is not None else None
        if frame is not None:
            out.append(frame)
    return out


def _blame(told: Token, accused: Actors, index: MentionIndex,
           faceless: bool = False) -> Frame | None:
    """ACCUSE by whoever asserts the clause of `told`, of `accused` (not of itself);
    `faceless`: an unnamed official claimant ("security sources said") is kept by its words
    for the story's setting to settle."""
    att = attribution_of(told)
    if att is None or att.claimant is None or att.stance != "asserts":
        return None
    who = actors_of(att.claimant, index)
    if not who:
        if not faceless:
            return None
        who = Actors((), claimant_phrase(att.claimant))
    if set(accused.codes) <= set(who.codes):
        return None
    return Frame(att.speech or told, Sense("ACCUSE", None, "speech"), who, accused,
                 confidence=0.5)


def _attack_in(tok: Token, skip: Token | None = None) -> bool:
    """An attack noun in the phrase ("the bombing in Quetta"), `skip` aside."""
    return any(t is not skip and any(s.type == "ASSAULT" for s in noun_senses(t.lemma_.lower()))
               for t in tok.subtree)


def responsibility(sent: Span, index: MentionIndex) -> list[Frame]:
    """"X said Y was responsible for / behind the attack": X accuses Y."""
    out = []
    for tok in sent:
        if tok.lower_ == "responsible" and tok.dep_ == "acomp":
            cop = tok.head
            named = any(p == "for" and _attack_in(o) for p, o in preps(tok))
        elif tok.lower_ == "behind" and tok.dep_ == "prep" and tok.head.lemma_ == "be":
            cop = tok.head
            named = any(o.dep_ == "pobj" and _attack_in(o) for o in tok.children)
        else:
            continue
        subj = next((c for c in cop.children if c.dep_ == "nsubj"), None)
        accused = actors_of(subj, index) if named and subj is not None else None
        frame = _blame(cop, accused, index) if accused else None
        if frame is not None:
            out.append(frame)
    return out


def _damning(tok: Token) -> bool:
    return any(t.lemma_.lower() in wrongdoing_nouns() or t.lower_ in word_list("damning_words")
               for t in tok.subtree)


def name_calling(sent: Span, index: MentionIndex) -> list[Frame]:
    """"Venezuela's government described the U.S. move as an act of aggression"."""
    out = []
    for verb in sent:
        if verb.lemma_.lower() not in word_list("naming_verbs"):
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None:
            continue
        named = [o for p, o in preps(verb) + preps(obj) if p == "as"] + [
            c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp", "acomp")]
        if not any(_damning(n) for n in named):
            continue
        source = actors_of(next((c for c in verb.children if c.dep_ == "nsubj"), None), index)
        target = actors_of(obj, index, deep=True)
        if source and target and not set(target.codes) <= set(source.codes):
            out.append(Frame(verb, Sense("ACCUSE", None, "speech"), source, target,
                             confidence=0.5))
    return out
