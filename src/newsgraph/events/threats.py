"""Threats a sentence voices without a threat verb (GUIDELINES rule 9: a threat voiced).

"He said the Taliban will be crushed by Afghan security forces", "X vowed to crush the
rebels": a party announcing its own future force on another threatens it. "The attack ...
will be responded to with full force, the minister said": a promised retaliation threatens
whoever carried out the attack being answered.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from ..model import Event
from .attribution import attribution_of
from .frames import Frame
from .lexicon import Sense, noun_senses, retaliation_verbs, warning_verbs, word_list
from .modality import modality_of
from .patterns import NONE, Actors, MentionIndex, actors_of, subject_of

FORCE_TYPES = {"ASSAULT", "THREATEN"}  # a future attack the classifier already read as a threat


def _speaker(tok: Token, index: MentionIndex) -> tuple[Actors, Token | None]:
    att = attribution_of(tok)
    if att is None or att.claimant is None or att.stance != "asserts":
        return NONE, None
    return actors_of(att.claimant, index), att.speech


def _threat(trigger: Token, source: Actors, target: Actors) -> Frame | None:
    if not source or not target or set(target.codes) <= set(source.codes):
        return None
    return Frame(trigger, Sense("THREATEN", None, "speech"), source, target, confidence=0.5)


def announced_force(frames: Sequence[Frame], index: MentionIndex) -> list[Frame]:
    """A future attack told by its own side, or vowed by its own subject: a threat."""
    out = []
    for f in frames:
        if f.type not in FORCE_TYPES or not f.target or modality_of(f.trigger) != "future":
            continue
        head = f.trigger.head
        if f.trigger.dep_ == "xcomp" and head.lemma_.lower() in word_list("vow_verbs"):
            found = _threat(head, f.source, f.target)
        else:
            who, speech = _speaker(f.trigger, index)
            own = bool(set(who.codes) & set(f.source.codes))
            found = _threat(speech, who, f.target) if own and speech is not None else None
        if found is not None:
            out.append(found)
    return out


def promised_retaliation(sent: Span, index: MentionIndex,
                         earlier: Sequence[Event]) -> list[Frame]:
    """"... will be responded to with full force, the minister said": a speaker's promise
    to answer an attack threatens the attacker (the latest attack on the speaker's side)."""
    out = []
    for tok in sent:
        if tok.lemma_.lower() not in retaliation_verbs() or modality_of(tok) != "future":
            continue
        who, speech = _speaker(tok, index)
        if not who or speech is None or speech.lemma_.lower() in warning_verbs() | {"threaten"}:
            continue  # "warned that it will respond": implied.retaliation codes it
        target = _answered(tok, index, who, earlier)
        found = _threat(speech, who, target)
        if found is not None:
            out.append(found)
    return out


def _answered(verb: Token, index: MentionIndex, who: Actors,
              earlier: Sequence[Event]) -> Actors:
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("against", "on"):
            found = actors_of(next((o for o in c.children if o.dep_ == "pobj"), None), index)
            if found:
                return found
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None) or subject_of(verb)
    if subj is None and verb.dep_ == "conj":  # "the attack is ... and will be responded to"
        subj = subject_of(verb.head)
    if subj is None or not any(s == "ASSAULT" for s in _noun_types(subj)):
        return NONE
    own = set(who.codes)
    for e in reversed(earlier):  # its target may still be the victims' text ("a train")
        if e.type == "ASSAULT" and e.source and not set(e.source) & own \
                and (not e.target or set(e.target) & own):
            return Actors((), None, e.source)
    return NONE


def _noun_types(tok: Token) -> list[str]:
    return [s.type for s in noun_senses(tok.lemma_.lower())]
