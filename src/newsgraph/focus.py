"""Parse less: find the sentences that can hold an event before the full parser runs.

A cheap first pass (the tokenizer, a punctuation sentence splitter, the actor dictionary's
phrase matchers and the trigger lexicon) keeps every sentence with an actor name or a
word that may inflect a trigger lemma; the others are blanked to spaces (newlines kept),
as `annotate.english_view` blanks non-English blocks, so the tagger, parser and entity
recogniser never see them and every offset stays a body offset. A blanked sentence is
still a sentence of the document: `skipped` gives its span.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

if TYPE_CHECKING:
    from .model import Article, Sentence

# Off by default: on political news nearly every sentence names an actor or holds a
# trigger, so the pass costs more than it saves (measured in docs/scale.md).
# NEWSGRAPH_PARSE_LESS=1 turns it on.
ENV = "NEWSGRAPH_PARSE_LESS"

Span = tuple[int, int]  # character offsets


def enabled() -> bool:
    return os.environ.get(ENV, "0") not in ("", "0", "false", "no", "off")


def parse_view(article: Article) -> str:
    """What the full parser sees: the English view, less what cannot hold an event."""
    from .annotate import english_view

    text = english_view(article)
    return focus(text)[0] if enabled() else text


def with_skipped(article: Article, parsed: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """The parser's sentences plus those the first pass kept from it, in body order."""
    if not enabled():
        return parsed
    from .annotate import english_view
    from .model import Sentence

    body = article.body
    skipped = (Sentence(a, b, body[a:b]) for a, b in focus(english_view(article))[1])
    return tuple(sorted((*parsed, *skipped), key=lambda s: s.start))


@lru_cache(maxsize=256)  # parse_view and with_skipped ask for the same text
def focus(text: str) -> tuple[str, tuple[Span, ...]]:
    """`text` with every sentence that cannot hold an event blanked, and those sentences'
    (start, end) spans, stripped of surrounding whitespace."""
    from .nlp import english

    nlp = english()
    doc = _sentencizer()(nlp.make_doc(text))
    keep = _relevant_tokens(nlp, doc)
    chars = list(text)
    skipped = []
    for sent in doc.sents:
        if not sent.text.strip() or any(t.i in keep for t in sent):
            continue
        lead = len(sent.text) - len(sent.text.lstrip())
        start, end = sent.start_char + lead, sent.start_char + len(sent.text.rstrip())
        skipped.append((start, end))
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars), tuple(skipped)


def _relevant_tokens(nlp: Language, doc: Doc) -> set[int]:
    """Tokens of an actor name (dictionary, places, "U.S.-led") or a possible trigger."""
    keep: set[int] = set()
    for matcher in _matchers(nlp):
        for _, i, j in matcher(doc):
            keep.update(range(i, j))
    heads = _name_heads()
    for t in doc:
        if t.i in keep:
            continue
        if is_trigger(t.lower_) or t.text.split("-")[0] in heads or t.text[:-2] in heads:
            keep.add(t.i)
    return keep


@lru_cache(maxsize=1)
def _sentencizer() -> Sentencizer:
    return Sentencizer()


@lru_cache(maxsize=1)
def _matchers(nlp: Language) -> tuple[PhraseMatcher, PhraseMatcher]:
    from .actors.dictionary import entries, places

    names = PhraseMatcher(nlp.vocab, attr="ORTH")
    names.add("ACTOR", [nlp.make_doc(t) for t in entries()])
    towns = PhraseMatcher(nlp.vocab, attr="LOWER")
    towns.add("PLACE", [nlp.make_doc(t) for t in places()])
    return names, towns


@lru_cache(maxsize=1)
def _name_heads() -> frozenset[str]:
    """One-token actor names, for names inside a token ("Iran-made", "Colombia´s")."""
    from .actors.dictionary import entries

    return frozenset(t for t in entries() if " " not in t)


@lru_cache(maxsize=1)
def trigger_lemmas() -> frozenset[str]:
    """Every lemma the coder, the attribution and the claim rules look for (first words
    of phrasal lemmas: "call on" -> "call")."""
    from .events import lexicon as lx

    plain, with_obj = lx.cameo_verbs()
    words = [*lx.hand_verbs(), *plain, *(v for v, _ in with_obj), *lx.noun_table(),
             *lx.speech_stance(), *lx.agent_nouns(), *lx.wrongdoing_nouns(),
             *lx.retaliation_verbs(), *lx.retaliation_nouns(), *lx.warning_verbs(),
             *lx.reaction_verbs(), *lx.protest_strike_verbs(), *lx.force_nouns()]
    return frozenset(w.lower().split(" ")[0] for w in words)


@lru_cache(maxsize=1 << 16)
def is_trigger(lower: str) -> bool:
    """Could this word be an inflection of a trigger lemma? Over-generates on purpose:
    the lemmatizer's own suffix rules and exceptions for verbs, nouns and adjectives,
    without knowing the part of speech."""
    lemmas = trigger_lemmas()
    if lower in lemmas:
        return True
    rules, exceptions = _lemma_tables()
    for pos, pairs in rules.items():
        if any(lemma in lemmas for lemma in exceptions[pos].get(lower, ())):
            return True
        for old, new in pairs:
            if old and lower.endswith(old) and lower[: -len(old)] + new in lemmas:
                return True
    return False


@lru_cache(maxsize=1)
def _lemma_tables() -> tuple[dict[str, list], dict[str, dict]]:
    from .nlp import english

    lookups = english().get_pipe("lemmatizer").lookups
    rules, exc = lookups.get_table("lemma_rules"), lookups.get_table("lemma_exc")
    pos = ("verb", "noun", "adj")
    return {p: rules[p] for p in pos}, {p: dict(exc[p]) for p in pos}
