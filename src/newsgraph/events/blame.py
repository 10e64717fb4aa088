"""Blame by whereabouts: "security sources said the handlers of the attack are based in
Afghanistan", "officials said the attack was planned in Pakistan". Placing an attack's
authors (or its planning) in another state accuses that state (GUIDELINES rule 4: blaming
is ACCUSE), whoever the attackers are.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .attribution import attribution_of, claimant_phrase
from .frames import Frame
from .lexicon import Sense, noun_senses, word_list
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
    return any(t.i != subj.i and any(s.type == "ASSAULT" for s in noun_senses(t.lemma_.lower()))
               for t in subj.subtree)


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
        att = attribution_of(verb)
        if place is None or att is None or att.claimant is None or att.stance != "asserts":
            continue
        who = actors_of(att.claimant, index)
        if not who:  # "security sources said": the state's voice, settled by the setting
            who = Actors((), claimant_phrase(att.claimant))
        if set(place.codes) <= set(who.codes):
            continue
        out.append(Frame(att.speech or verb, Sense("ACCUSE", None, "speech"), who, place,
                         confidence=0.5))
    return out
