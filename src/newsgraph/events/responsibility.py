"""Claims of responsibility: "the BLA claimed responsibility for the attack".

Wires report who did an attack through the group's own claim. The claim is an ASSAULT by the
claimant on the attack's target (the attack told in this or an earlier sentence, else the
story's setting, see sides.py), with an `asserts` claim by the claimant (GUIDELINES rule 13).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from ..model import Claim, Event, Evidence
from .lexicon import word_list
from .patterns import MentionIndex, actors_of, subject_of


def responsibility_verbs(sent: Span) -> list[Token]:
    """Verbs whose object is "responsibility" ("claimed responsibility for ...")."""
    nouns, verbs = word_list("responsibility_nouns"), word_list("responsibility_verbs")
    return [t.head for t in sent if t.lemma_.lower() in nouns and t.dep_ == "dobj"
            and t.head.lemma_.lower() in verbs]


def claimed_attacks(verb: Token, index: MentionIndex, evidence: Evidence,
                    earlier: list[Event], here: list[Event]) -> list[Event]:
    who = actors_of(subject_of(verb), index)
    if not who.codes:
        return []
    # an attack by unknown hands told beside the claim ("a bomb blast killed 11 miners,
    # while the BLA took credit for attacking a convoy") is not the attack claimed
    deeds = [e for e in here + earlier if e.type == "ASSAULT" and (e.source or e not in here)][:1]
    targets = deeds[0].target if deeds else ()
    claims = tuple(Claim(code, "asserts", who.text) for code in who.codes)
    base = deeds[0] if deeds else None
    ev = Event(
        type="ASSAULT", mode=base.mode if base else None, source=who.codes,
        target=tuple(c for c in targets if c not in who.codes),
        source_text=who.text, target_text=base.target_text if base else None,
        evidence=evidence, date=base.date if base else None,
        date_precision=base.date_precision if base else None, claims=claims,
        confidence=0.6, coder=base.coder if base else "",
    )
    return [replace(ev, target_text=None) if not ev.target else ev]
