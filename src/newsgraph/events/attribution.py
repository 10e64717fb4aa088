"""Who claims an event: reported speech, "according to", allegations and reports."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .lexicon import hand_verbs, noun_senses, speech_stance, word_list
from .modality import CESSATIVE
from .patterns import child, governing_verb, subject_of

REPORT_NOUNS = {"allegation", "claim", "report", "accusation", "charge", "assertion",
                "statement", "evidence", "intelligence", "suggestion", "finding", "assessment"}

VAGUE_SOURCES = {"report", "reports", "media", "sources", "analysts", "observers", "experts"}


@dataclass(frozen=True)
class Attribution:
    claimant: Token | None  # head of the claimant phrase; None = vague ("reports suggest")
    stance: str  # asserts | denies | concedes
    speech: Token | None  # the speech verb or noun


def according_to(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "according":
            to = child(c, "prep")
            if to is not None:
                return child(to, "pobj")
    return None


def attribution_of(trigger: Token) -> Attribution | None:
    """The nearest attribution governing the trigger, walking up the parse."""
    tok = trigger
    for _ in range(8):
        acc = according_to(tok)
        if acc is not None:
            return Attribution(acc, "asserts", None)
        head = tok.head
        if head.i == tok.i or _own_speech_clause(tok):
            return None
        lemma = head.lemma_.lower()
        if tok.dep_ in ("ccomp", "xcomp", "dobj", "parataxis") and head.pos_ in ("VERB", "AUX") \
                and lemma in speech_stance():
            who = subject_of(head)
            if who is not None and who.lower_ in VAGUE_SOURCES and not (
                    _official(who) or _official_before(who)):
                who = None
            return Attribution(who, speech_stance()[lemma], head)
        if tok.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ == "VERB" \
                and head.head.lemma_.lower() in speech_stance():
            # "conceded to having dispatched drones"
            speaker = head.head
            return Attribution(subject_of(speaker), speech_stance()[speaker.lemma_.lower()],
                               speaker)
        if tok.dep_ in ("acl", "ccomp", "relcl") and lemma in REPORT_NOUNS:
            return Attribution(noun_claimant(head), "asserts", head)
        # "accused X of delivering", "condemnation of Chile for arming": the deed in the
        # gerund is claimed by the accuser
        if tok.dep_ in ("pcomp", "pobj") and head.dep_ == "prep" and head.lower_ in ("of", "for"):
            accuser = head.head
            obj = child(accuser, "dobj") if accuser.pos_ == "VERB" else None
            if obj is not None and _is_accusation(obj):
                # "hurled allegations at X for ...", "follow X's condemnation of Y for ..."
                return Attribution(noun_claimant(obj), "asserts", obj)
            if _is_accusation(accuser):
                who = (subject_of(accuser) if accuser.pos_ in ("VERB", "AUX")
                       else noun_claimant(accuser))
                return Attribution(who, "asserts", accuser)
        if tok.dep_ == "dobj" and _is_accusation(head) and head.pos_ == "VERB":
            return Attribution(subject_of(head), "asserts", head)
        # "called on Tehran to halt arms supplies": a demand to stop a deed asserts the deed
        if tok.dep_ == "xcomp" and tok.lemma_.lower() in CESSATIVE and _is_request(head):
            return Attribution(subject_of(head), "asserts", head)
        tok = head
    return None


def _official(tok: Token) -> bool:
    """"security sources", "government sources": the state speaking, not a vague report."""
    return any(c.lower_ in word_list("official_modifiers") for c in tok.children if c.dep_ in
               ("compound", "amod"))


def _official_before(tok: Token) -> bool:
    """"According to security sources, ... The sources said": "the sources" names the official
    sources of the last two sentences again."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return False
    if not tok.doc.has_annotation("SENT_START"):
        return False
    start = tok.sent.start
    for _ in range(2):
        if start > 0:
            start = tok.doc[start - 1].sent.start
    return any(t.lower_ == tok.lower_ and _official(t) for t in tok.doc[start:tok.i])


def _own_speech_clause(tok: Token) -> bool:
    """"X said the veto showed ..., and Y criticised Moscow": a coordinated clause with its
    own subject and its own speech act is told by the narrator, not by X."""
    return tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) and (
        tok.lemma_.lower() in speech_stance() or _is_accusation(tok))


def _is_accusation(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX"):
        return any(s.type in ("ACCUSE", "SANCTION") for s in hand_verbs().get(lemma, []))
    return any(s.type == "ACCUSE" for s in noun_senses(lemma)) or lemma in REPORT_NOUNS


def noun_claimant(noun: Token) -> Token | None:
    """Who makes an allegation named by a noun: its possessor, a from/by phrase, or the
    subject of the verb it is the object of ("Ukraine hurled allegations")."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            found = child(c, "pobj")
            if found is not None:
                return found
    verb = governing_verb(noun)
    return subject_of(verb) if verb is not None else None


def _is_request(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    particles = [c.lower_ for c in tok.children if c.dep_ in ("prt", "prep")]
    senses = [s for p in particles for s in hand_verbs().get(f"{lemma} {p}", [])]
    return any(s.type == "REQUEST" for s in senses + hand_verbs().get(lemma, []))


def claimant_phrase(head: Token | None) -> str | None:
    """"Security sources": a claimant phrase no mention covers, for the record."""
    if head is None:
        return None
    mods = [c for c in head.lefts if c.dep_ in ("compound", "amod")]
    return " ".join(t.text for t in [*mods, head])
