"""Agent–patient pairs of each predicate, typed by the given-actors classifier.

The frames cover the verb classes and event nouns of the lexicons; a predicate whose
subject and object both name actors but whose verb no frame knows ("Russia dispatched
envoys to Minsk") still relates them. The classifier reads the relation off the
dependency path between the two mentions, so the same typing serves both: it re-types a
frame's (source, target) pair and proposes events for pairs the frames missed.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..classify.rules import adjust, candidates, obligation, token_type
from ..classify.spans import span_root, tokens_in
from .lexicon import speech_stance
from .patterns import (
    AGENT_OF,
    Actors,
    MentionIndex,
    actors_of,
    agent_of,
    conjuncts,
    is_passive,
    preps,
    resolve_relative,
    subject_of,
)

# the party of an event noun a verb governs ("a ceasefire with the Taliban")
LIGHT_PREPS = {"to", "against", "on", "with", "of", "for"}
# prepositions whose object is a patient/recipient, not a place or time
PATIENT_PREPS = {"to", "against", "on", "with", "at", "for", "from", "over", "upon", "into",
                 "toward", "towards", "of"}


def span_of(actors: Actors) -> tuple[int, int] | None:
    """Character span of the first mention of an argument."""
    if not actors.mentions:
        return None
    m = actors.mentions[0]
    return (m.start, m.end)


def pair_reading(doc, source: Actors, target: Actors) -> tuple[str, Token] | None:
    """PLOVER type of the relation between two arguments and the word that gives it (the
    classifier's reading without back-off), None when nothing links them."""
    s, t = span_of(source), span_of(target)
    if s is None or t is None or s == t:
        return None
    s_toks, t_toks = tokens_in(doc, s), tokens_in(doc, t)
    if not s_toks or not t_toks:
        return None
    ranked = candidates(doc, s_toks, t_toks, backoff=False)
    if ranked and obligation(ranked[0], span_root(t_toks)):
        return "REQUEST", ranked[0]
    for tok in ranked:
        found = token_type(tok)
        if found:
            return adjust(tok, found), tok
    return None


def _internal(agent: Actors, patient: Actors) -> bool:
    """A body and one of its own organs ("UN" briefing the "UNSC"): internal business."""
    return any(a != p and (p.startswith(a) or a.startswith(p))
               for a in agent.codes for p in patient.codes if len(a) > 1 and len(p) > 1)


def _headed(tok: Token | None, index: MentionIndex) -> bool:
    """The phrase is an actor itself: a mention on its head (or a conjunct's), or an
    agent noun ("the delegate of France"), not a thing an actor owns."""
    if tok is None:
        return False
    tok = resolve_relative(tok)
    return any(index.at(h) for h in conjuncts(tok)) or tok.lemma_.lower() in AGENT_OF


def _owned(tok: Token, index: MentionIndex) -> bool:
    """"destroyed Syria's reactor": a thing an actor owns, hit directly, hits the actor."""
    return any(c.dep_ == "poss" and index.at(c) for c in tok.children)


def predicate_pairs(sent: Span, index: MentionIndex) -> list[tuple[Token, Actors, Actors, bool]]:
    """(predicate, agent, patient, light) for each verb whose subject and an object name
    actors; `light` when the patient hangs on the verb's object ("imposed sanctions on X")."""
    out = []
    for verb in sent:
        if verb.pos_ != "VERB":
            continue
        if is_passive(verb):
            agent = actors_of(agent_of(verb), index)
            patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
        else:
            agent = actors_of(subject_of(verb), index)
            patients = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        if not agent or not _headed(subject_of(verb) if not is_passive(verb)
                                    else agent_of(verb), index):
            continue
        patients += [p for prep, p in preps(verb) if prep in PATIENT_PREPS]
        light = [p for c in verb.children if c.dep_ == "dobj"
                 for prep, p in preps(c) if prep in LIGHT_PREPS]
        if verb.lemma_.lower() in speech_stance():
            continue  # "told reporters": the addressee of speech, its content is the event
        for p in patients + light:
            if not _headed(p, index) and not (p.dep_ == "dobj" and _owned(p, index)):
                continue  # "Iran's involvement", "Belarusian territory": not the party
            if any(c.dep_ == "nummod" for c in p.children):
                continue  # "3,000 troops": a theme that is sent, not a party
            patient = actors_of(p, index)
            if patient and all(m.via == "pronoun" and not m.actor.code
                               for m in patient.mentions):
                continue
            if _internal(agent, patient):
                continue
            if patient and set(patient.codes) - set(agent.codes) or (
                    patient and not patient.codes and patient.text != agent.text):
                out.append((verb, agent, patient, p in light))
    return out
