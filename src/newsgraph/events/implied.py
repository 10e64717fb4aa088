"""Frames a sentence implies beyond its triggers: "X warned that Y's weapons ...",
"X argued the issue is Y's violation ..." (accusations), and a transfer's unstated supplier."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .attribution import attribution_of
from .frames import Frame
from .lexicon import (
    Sense,
    noun_senses,
    retaliation_nouns,
    retaliation_verbs,
    speech_stance,
    word_list,
)
from .modality import INTENT_NOUNS, modality_of
from .patterns import NONE, Actors, MentionIndex, actors_of, preps, subject_of

COMMITTING = {"commit", "perpetrate", "carry", "conduct"}  # "committed atrocities"


def wrongdoing(noun: Token, index: MentionIndex) -> Frame | None:
    """"X argued that the issue is Russia's violation of ...": X accuses Russia."""
    att = attribution_of(noun)
    if att is None or att.claimant is None or att.stance != "asserts" or att.speech is None:
        return None
    source = actors_of(att.claimant, index)
    target = Actors(tuple(m for c in noun.children if c.dep_ in ("poss", "amod", "compound")
                          for m in actors_of(c, index).mentions), None)
    verb = noun.head
    if not target and noun.dep_ == "dobj" and verb.lemma_.lower() in COMMITTING:
        # "said Myanmar's military committed atrocities": the doer of the wrong
        target = actors_of(next((c for c in verb.children if c.dep_ == "nsubj"), None), index)
    if not source or not target or set(target.codes) <= set(source.codes):
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


def imposition(verb: Token, frames: list[Frame], index: MentionIndex) -> list[Frame]:
    """"imposed asset freezes and travel bans on X, as well as on Y": SANCTION by the
    imposer on every party an on/against phrase names, wherever the parser hung the
    measure or the phrase (the measure noun is often misparsed as a verb)."""
    heads = [t for t in verb.subtree if t.i != verb.i and t.dep_ not in ("relcl", "acl")
             and any(s.type == "SANCTION" for s in noun_senses(t.lemma_.lower()))
             and _governed(t, verb)]
    if not heads:
        return []
    source = actors_of(subject_of(verb), index)
    if not source:
        return []
    taken = {c for f in frames if f.type == "SANCTION" and f.source for c in f.target.codes}
    out = []
    for head in (verb, *heads):
        for p, obj in preps(head):
            if p not in ("on", "against"):
                continue
            target = actors_of(obj, index, deep=True)
            codes = set(target.codes)
            if target and codes and not codes & taken and not codes <= set(source.codes):
                taken |= codes
                out.append(Frame(verb, Sense("SANCTION", None), source, target, confidence=0.5))
    return out


def _governed(tok: Token, verb: Token) -> bool:
    """`tok` belongs to `verb`'s own clause (no clause boundary but the measure itself)."""
    node = tok
    while node.i != verb.i:
        if node.dep_ in ("relcl", "acl", "advcl") and node.i != tok.i:
            return False
        node = node.head
    return True


def retaliation(verb: Token, index: MentionIndex) -> Frame | None:
    """"X warned that it would respond with measures against Y", "warned of retaliation
    against Y": a threat by the warner (or the clause's own subject) on Y."""
    comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if comp is not None:
        if modality_of(comp) not in ("future", "hypothetical") or not (
                comp.lemma_.lower() in retaliation_verbs()
                or any(t.lemma_.lower() in retaliation_nouns() for t in comp.subtree)):
            return None
        scope = comp
    else:
        scope = next((o for p, o in preps(verb) if p == "of"
                      and o.lemma_.lower() in retaliation_nouns()), None)
        if scope is None:
            return None
    source = actors_of(subject_of(verb), index)
    target = next((found for t in scope.subtree if t.dep_ == "prep"
                   and t.lower_ in ("against", "on", "toward", "towards")
                   for o in t.children if o.dep_ == "pobj"
                   for found in [actors_of(o, index, deep=True)] if found), NONE)
    if not target:  # "warned Washington that it would respond": the one warned
        target = actors_of(next((c for c in verb.children if c.dep_ == "dobj"), None), index)
    if not source or not target or set(target.codes) <= set(source.codes):
        return None
    return Frame(verb, Sense("THREATEN", None, "speech"), source, target, confidence=0.5)


def or_else(verb: Token, index: MentionIndex) -> Frame | None:
    """"told Moldova to withdraw or face consequences": an ultimatum, a threat by the
    speaker on the one told (the alternative is `face` + a retaliation noun after `or`)."""
    if verb.dep_ != "conj" or not any(c.lower_ == "or" for c in verb.head.children) or not any(
            c.dep_ == "dobj" and c.lemma_.lower() in retaliation_nouns() for c in verb.children):
        return None
    demand = verb.head
    if demand.dep_ not in ("xcomp", "ccomp"):
        return None
    speaker = demand.head
    source = actors_of(subject_of(speaker), index)
    target = actors_of(next((c for c in speaker.children if c.dep_ in ("dobj", "dative")), None),
                       index)
    if not source or not target or set(target.codes) <= set(source.codes):
        return None
    return Frame(speaker, Sense("THREATEN", None, "speech"), source, target, confidence=0.5)


def obligation(verb: Token, index: MentionIndex) -> Frame | None:
    """"X said authorities should declare an emergency", "X said Y must stop the attacks":
    telling another party what it must do is a demand (REQUEST) by the speaker on it."""
    speech = verb.head
    if verb.dep_ != "ccomp" or speech.i == verb.i or speech.lemma_.lower() not in speech_stance():
        return None
    if speech_stance()[speech.lemma_.lower()] != "asserts" or not any(
            c.dep_ == "aux" and c.lower_ in word_list("obligation_modals") for c in verb.children):
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None  # "should not be seen as": a judgement, not a demand
    source = actors_of(subject_of(speech), index)
    target = actors_of(next((c for c in verb.children if c.dep_ == "nsubj"), None), index)
    if not source or not target or set(target.codes) <= set(source.codes):
        return None
    return Frame(speech, Sense("REQUEST", None, "speech"), source, target, confidence=0.5)
