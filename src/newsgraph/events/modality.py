"""Modality of an event trigger: asserted, negated, hypothetical or future."""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import hand_verbs, modal_verbs

HYPOTHETICAL_AUX = {"could", "may", "might", "would", "should", "can", "must"}
FUTURE_AUX = {"will", "shall", "'ll"}
HYPOTHETICAL_ADJ = {"potential", "possible", "proposed", "planned", "prospective", "likely",
                    "future", "hypothetical", "contemplated"}
INTENT_NOUNS = {"intent": "future", "intention": "future", "plan": "future", "plans": "future",
                "proposal": "hypothetical", "readiness": "future", "willingness": "future",
                "threat": "hypothetical", "bid": "future", "attempt": "hypothetical",
                "possibility": "hypothetical", "prospect": "hypothetical",
                "need": "hypothetical", "necessity": "hypothetical", "desire": "future",
                "wish": "future", "hope": "future", "goal": "future", "aim": "future"}


REFUSAL = {"refuse", "decline", "fail", "reject", "oppose"}
CESSATIVE = {"halt", "stop", "cease", "end", "discontinue", "suspend", "abandon", "quit"}


def _requested(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    keys = [lemma] + [f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in ("prt", "prep")]
    return any(s.type == "REQUEST" for k in keys for s in hand_verbs().get(k, []))


def _own(tok: Token) -> str | None:
    if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in tok.children):
        return "hypothetical"  # "asked if the U.S. was considering action", "if Russia attacks"
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"):
            return "negated"
        if c.dep_ == "advmod" and c.lower_ in ("never",):
            return "negated"
    for c in tok.children:
        if c.dep_ == "aux" and c.lower_ in FUTURE_AUX:
            return "future"
        if c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in HYPOTHETICAL_AUX:
            return "hypothetical"
        if c.dep_ == "amod" and c.lower_ in HYPOTHETICAL_ADJ:
            return "hypothetical"
    return None


def modality_of(trigger: Token) -> str:
    """Walk from the trigger up through control verbs and event-noun carriers."""
    tok, hops = trigger, 0
    while hops < 4:
        found = _own(tok)
        if found:
            return found
        head = tok.head
        if head.i == tok.i:
            break
        if tok.dep_ in ("xcomp", "acl") and head.lemma_.lower() in INTENT_NOUNS:
            return INTENT_NOUNS[head.lemma_.lower()]
        if tok.dep_ == "xcomp" and head.lemma_.lower() in REFUSAL:
            return "negated"  # "refused to send troops": the REJECT carries the event
        if tok.dep_ == "xcomp" and head.lemma_.lower() in modal_verbs():
            if _own(head) == "negated":
                return "hypothetical"  # "does not want to meet": an intent denied, no deed
            return modal_verbs()[head.lemma_.lower()]
        if tok.dep_ == "xcomp" and _requested(head) and tok.lemma_.lower() not in CESSATIVE:
            return "hypothetical"  # "urged Iran to stop" asserts; "urged X to respect" does not
        if tok.dep_ == "pobj" and head.head.lemma_.lower() in INTENT_NOUNS:
            return INTENT_NOUNS[head.head.lemma_.lower()]
        if tok.dep_ == "pobj" and head.lower_ == "for" and _requested(head.head) and (
                tok.i != trigger.i):
            return "hypothetical"  # "called for a government that protects X": none yet
        if tok.dep_ in ("xcomp", "compound", "dobj", "nsubjpass", "conj", "relcl") or (
            tok.dep_ == "pobj" and head.dep_ == "prep"
        ):
            tok = head if tok.dep_ != "pobj" else head.head
            hops += 1
            if tok.dep_ == "ROOT" and tok.i != trigger.i and _own(tok) == "negated":
                return "negated"
            continue
        break
    return "asserted"
