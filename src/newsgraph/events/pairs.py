"""Agent–patient pairs of each predicate, typed by the given-actors classifier.

The frames cover the verb classes and event nouns of the lexicons; a predicate whose
subject and object both name actors but whose verb no frame knows ("Russia dispatched
envoys to Minsk") still relates them. The classifier reads the relation off the
dependency path between the two mentions, so the same typing serves both: it re-types a
frame's (source, target) pair and proposes events for pairs the frames missed.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..classify import NONE as NO_TYPE
from ..classify import classify_parsed
from .patterns import Actors, MentionIndex, actors_of, agent_of, is_passive, preps, subject_of

# prepositions whose object is a patient/recipient, not a place or time
PATIENT_PREPS = {"to", "against", "on", "with", "at", "for", "from", "over", "upon", "into",
                 "toward", "towards", "of"}


def span_of(actors: Actors) -> tuple[int, int] | None:
    """Character span of the first mention of an argument."""
    if not actors.mentions:
        return None
    m = actors.mentions[0]
    return (m.start, m.end)


def pair_type(doc, source: Actors, target: Actors) -> str | None:
    """PLOVER type of the relation between two arguments, None when nothing links them."""
    s, t = span_of(source), span_of(target)
    if s is None or t is None or s == t:
        return None
    found = classify_parsed(doc, s, t, backoff=False)
    return None if found == NO_TYPE else found


def predicate_pairs(sent: Span, index: MentionIndex) -> list[tuple[Token, Actors, Actors]]:
    """(predicate, agent, patient) for each verb whose subject and an object name actors."""
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
        if not agent:
            continue
        patients += [p for prep, p in preps(verb) if prep in PATIENT_PREPS]
        patients += [p for c in verb.children if c.dep_ == "dobj"
                     for prep, p in preps(c) if prep in ("to", "against", "with", "on")]
        for p in patients:
            patient = actors_of(p, index)
            if patient and set(patient.codes) - set(agent.codes) or (
                    patient and not patient.codes and patient.text != agent.text):
                out.append((verb, agent, patient))
    return out
