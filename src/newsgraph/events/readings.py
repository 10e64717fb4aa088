"""Second readings of a frame once the sentence's other frames are known: whom a reaction is
aimed at, whether a fight has an opponent, whether a classifier's COERCE is a sanction."""

from __future__ import annotations

from spacy.tokens import Token

from .frames import Frame
from .lexicon import noun_senses, word_list
from .patterns import Actors, MentionIndex, actors_of, child, preps
from .sides import is_group

REACTIONS = {"SUPPORT", "ACCUSE", "REJECT"}  # aimed at the doer of the deed they react to


def deed_doer(frame: Frame, frames: list[Frame]) -> None:
    """"praised the withdrawal of U.S. troops from Afghanistan": a reaction to a deed told in
    the same sentence is aimed at whoever does the deed, not at every party it names."""
    if frame.type not in REACTIONS or frame.trigger.pos_ not in ("VERB", "AUX"):
        return
    obj = child(frame.trigger, "dobj")
    deed = next((g for g in frames if obj is not None and g.trigger.i == obj.i
                 and g.source and g is not frame), None)
    if deed is None:
        return
    doers = tuple(m for m in deed.source.mentions if m.actor.code not in frame.source.codes)
    if doers:
        frame.target = Actors(doers, deed.source.text)


def fights_a_thing(verb: Token, index: MentionIndex) -> bool:
    obj = child(verb, "dobj") if verb.pos_ in ("VERB", "AUX") else None
    return (obj is not None and not actors_of(obj, index) and not obj.ent_type_
            and not is_group(obj.lemma_)
            # "fighting an insurgency against the state" names the opponent
            and not any(p in ("against", "with") for p, _ in preps(obj)))


def sanctioning(verb: Token) -> bool:
    """"kept tariffs in place on X": a verb whose object is a sanction noun."""
    nouns = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.dep_ in ("relcl", "acl"):
        nouns.append(verb.head)  # "the sanctions Washington has imposed on Moscow"
    if verb.lemma_.lower() in word_list("blocking_verbs") and any(
            n.lemma_.lower() in word_list("trade_nouns") for n in nouns):
        return True  # "banned exports of gallium to the U.S.": an export ban (rule 7)
    return any(any(s.type == "SANCTION" for s in noun_senses(n.lemma_)) for n in nouns)
