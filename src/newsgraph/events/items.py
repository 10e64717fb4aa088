"""What is transferred, and how much: item categories and quantities from a noun phrase."""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import items

GENERIC = "weapons"
QUANTITY_WORDS = {"hundreds", "thousands", "millions", "dozens", "tens", "scores", "billions",
                  "hundred", "thousand", "million", "dozen", "several", "numerous"}
NON_MILITARY = {"humanitarian": "humanitarian", "food": "humanitarian", "medical": "humanitarian",
                "medicine": "humanitarian", "relief": "humanitarian", "economic": "economic",
                "financial": "economic", "loan": "economic", "money": "economic",
                "fund": "economic", "credit": "economic", "grain": "economic"}


def _item_of(tok: Token) -> str | None:
    """Item named by a noun with its left modifiers; the longest matching phrase wins."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod")]
    words = [c.lemma_.lower() for c in mods] + [tok.lemma_.lower()]
    table = items()
    for i in range(len(words)):
        if tuple(words[i:]) in table:
            return table[tuple(words[i:])]
    return table.get((tok.text.lower(),))


def _quantity(tok: Token) -> str | None:
    for c in tok.children:
        if c.dep_ == "nummod":  # the number as written, "4.2 million", without "about"
            digits = [t for t in c.subtree if t.like_num or t.lower_ in QUANTITY_WORDS]
            return tok.doc[digits[0].i:digits[-1].i + 1].text if digits else c.text
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in QUANTITY_WORDS:
        return head.head.text
    return None


def item_and_quantity(phrases: list[Token]) -> tuple[str | None, str | None]:
    """The most specific item in the given phrases (first found), else `weapons`."""
    generic = None
    for root in phrases:
        for tok in root.subtree:
            item = _item_of(tok)
            if item and item != GENERIC:
                return item, _quantity(tok)
            if item and generic is None:
                generic = (item, _quantity(tok))
    return generic or (None, None)


def aid_mode(phrases: list[Token]) -> str | None:
    """economic / humanitarian when the theme says so, else None (the class default)."""
    for root in phrases:
        for tok in root.subtree:
            if tok.lemma_.lower() in NON_MILITARY:
                return NON_MILITARY[tok.lemma_.lower()]
    return None
