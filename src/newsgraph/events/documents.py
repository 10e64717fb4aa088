"""Documents and decisions stand for their authors.

"Pakistan rejected the resolution" answers whoever passed it, when the story named them before:
"a resolution in the U.S. Congress", "the House passed a resolution", "Russia's proposal",
"the report by Amnesty". The author is remembered per noun (`authors_in`) and a later definite
mention of that noun as the object of a reaction takes it (`document_target`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .frames import Frame
from .lexicon import authored_nouns, issuing_verbs
from .patterns import Actors, MentionIndex, actors_of, agent_of, preps, subject_of

# Reactions whose object may be a document: rejecting, criticising, welcoming it.
REACTIONS = {"REJECT", "ACCUSE", "SUPPORT"}
DEFINITE = {"the", "this", "that", "these", "those"}
AUTHOR_PREPS = {"by", "from", "of", "in"}


def _author(noun: Token, index: MentionIndex) -> tuple[str, ...]:
    for c in noun.children:
        if c.dep_ in ("poss", "compound", "amod"):
            found = actors_of(c, index).codes
            if found:
                return found  # "Russia's proposal", "the UN resolution"
    for p, o in preps(noun):
        if p in AUTHOR_PREPS:
            found = actors_of(o, index).codes
            if found:
                return found  # "a resolution in the U.S. Congress", "the report by Amnesty"
    for c in noun.children:
        if c.dep_ == "acl" and c.lemma_.lower() in issuing_verbs():
            found = actors_of(agent_of(c), index).codes
            if found:
                return found  # "the resolution passed by the House"
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in issuing_verbs():
        return actors_of(subject_of(verb), index).codes  # "the House passed a resolution"
    return ()


def authors_in(sent: Span, index: MentionIndex) -> dict[str, tuple[str, ...]]:
    """Document noun lemma -> the actors the sentence names as its author."""
    out: dict[str, tuple[str, ...]] = {}
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and lemma in authored_nouns():
            found = _author(tok, index)
            if found:
                out[lemma] = found
    return out


def document_target(frame: Frame, authors: dict[str, tuple[str, ...]]) -> None:
    """A reaction to "the resolution" with no actor target takes the resolution's author."""
    if frame.type not in REACTIONS or frame.target or frame.trigger.pos_ not in ("VERB", "AUX"):
        return
    for obj in [c for c in frame.trigger.children if c.dep_ == "dobj"] + [
            o for p, o in preps(frame.trigger)]:
        lemma = obj.lemma_.lower()
        if lemma in authors and any(d.lower_ in DEFINITE for d in obj.lefts):
            codes = tuple(c for c in authors[lemma] if c not in frame.source.codes)
            if codes:
                frame.target = Actors((), frame.target.text or obj.text, codes)
            return
