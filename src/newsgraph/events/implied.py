"""Frames a sentence implies beyond its triggers: "X warned that Y's weapons ...",
"X argued the issue is Y's violation ..." (accusations), and a transfer's unstated supplier."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .attribution import attribution_of
from .frames import Frame
from .lexicon import Sense
from .modality import INTENT_NOUNS, modality_of
from .patterns import NONE, Actors, MentionIndex, actors_of, subject_of


def wrongdoing(noun: Token, index: MentionIndex) -> Frame | None:
    """"X argued that the issue is Russia's violation of ...": X accuses Russia."""
    att = attribution_of(noun)
    if att is None or att.claimant is None or att.stance != "asserts" or att.speech is None:
        return None
    source = actors_of(att.claimant, index)
    target = Actors(tuple(m for c in noun.children if c.dep_ in ("poss", "amod", "compound")
                          for m in actors_of(c, index).mentions), None)
    if not source or not target:
        return None
    target = Actors(target.mentions, " ".join(dict.fromkeys(m.text for m in target.mentions)))
    return Frame(noun, Sense("ACCUSE", None, "speech"), source, target, confidence=0.5)


def salient_source(frame: Frame, sent: Span, index: MentionIndex) -> Actors:
    """A transfer with no stated supplier ("warning that the transfer of missiles to
    Russia ..."): the one other actor the sentence names, if there is exactly one."""
    att = attribution_of(frame.trigger)
    claimant = actors_of(att.claimant, index).codes if att and att.claimant is not None else ()
    taken = set(frame.target.codes) | set(claimant)
    others: dict[str, list] = {}
    for tok in sent:
        for m in index.at(tok):
            if m.actor.code and m.actor.code not in taken:
                others.setdefault(m.actor.code, []).append(m)
    if len(others) != 1:
        return NONE
    ms = next(iter(others.values()))
    frame.confidence = min(frame.confidence, 0.4)
    return Actors((ms[0],), ms[0].text)


def warning(verb: Token, frames: list[Frame], index: MentionIndex) -> Frame | None:
    comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if comp is None or modality_of(comp) != "asserted":
        return None
    subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lemma_.lower() in INTENT_NOUNS:
        return None
    source = actors_of(subject_of(verb), index)
    inner = [f for f in frames if f.trigger.i == comp.i or comp.is_ancestor(f.trigger)]
    target = next((f.source for f in inner if f.source), NONE)
    if not target and subj is not None:
        target = actors_of(subj, index, deep=True)
    if not source or not target:
        return None
    return Frame(verb, Sense("ACCUSE", None, "speech"), source, target, confidence=0.5)
