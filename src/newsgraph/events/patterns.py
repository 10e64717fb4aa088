"""Dependency-parse helpers: who is the subject of a verb, which actors a phrase names."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..model import Mention
from .lexicon import authored_nouns, doer_nouns, measure_nouns

SUBJ = ("nsubj", "nsubjpass", "csubj", "expl")
RELATIVE = {"which", "who", "that", "whom", "whose"}
# Left modifiers of a noun that can name the actor the noun belongs to
# ("Russian delegate", "China's delegate", "U.S.-led actions").
OWNER_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod")
# Nouns whose `of` phrase names their actor ("representatives of France").
AGENT_OF = {"representative", "representatives", "delegate", "delegation", "government",
            "minister", "ministry", "president", "leader", "leadership", "forces", "army",
            "military", "regime", "state", "people", "authorities", "ambassador", "envoy",
            "member", "members", "head", "spokesperson", "spokesman", "spokeswoman", "office",
            "administration", "parliament", "navy", "troops", "side", "part", "ministers",
            "leaders", "presidents", "officials", "diplomats", "envoys", "ambassadors",
            "heads", "chiefs", "commanders", "governments", "delegations", "militaries",
            "negotiators", "negotiator", "delegates", "teams", "team"}
# Prepositions that introduce whom an act is aimed at ("sanctions on X", "protested to X");
# a membership set: the first such phrase in the sentence wins, whatever its preposition.
TARGET_PREPS = frozenset({"to", "against", "on", "upon", "at", "for", "toward", "towards", "into",
                          "over", "about", "with"})
MAX_LIST_CHARS = 80  # a longer stretch between coordinated mentions is not one phrase
INCLUDING = {"including", "like", "as"}
ACCUSATION_NOUNS = {"condemnation", "accusation", "allegation", "criticism", "denunciation",
                    "charge", "complaint", "censure", "rebuke"}


@dataclass(frozen=True)
class Actors:
    """The actors an argument names: codes in order, and the mention text."""

    mentions: tuple[Mention, ...]
    text: str | None
    fixed: tuple[str, ...] = ()  # codes implied without a mention (a veto's UNSC)

    @property
    def codes(self) -> tuple[str, ...]:
        found = [m.actor.code for m in self.mentions if m.actor.code]
        return tuple(dict.fromkeys([*found, *self.fixed]))

    def __bool__(self) -> bool:
        return bool(self.mentions or self.fixed)


NONE = Actors((), None)


class MentionIndex:
    """Token index -> mentions covering that token."""

    def __init__(self, parse: Doc, mentions: tuple[Mention, ...]) -> None:
        self.by_token: dict[int, list[Mention]] = {}
        datelines = _datelines(parse)
        for m in mentions:
            span = parse.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or span.start in datelines:
                continue
            for t in span:
                self.by_token.setdefault(t.i, []).append(m)

    def at(self, tok: Token) -> list[Mention]:
        return self.by_token.get(tok.i, [])


DASHES = {"--", "—", "–", "-", ":"}


def _datelines(parse: Doc) -> set[int]:
    """Tokens of a wire dateline ("BERLIN --", "TIRANA, Albania -"): a place, not an actor."""
    out: set[int] = set()
    for sent in parse.sents:
        head = list(sent[:8])
        cut = next((k for k, t in enumerate(head) if t.text in DASHES and k > 0
                    and head[k - 1].whitespace_), None)  # a spaced dash, not "IRIS-T"
        if cut is not None and head[0].is_upper and len(head[0]) > 2 and all(
                t.pos_ in ("PROPN", "PUNCT", "NUM") for t in head[:cut]):
            out.update(t.i for t in head[:cut])
    return out


def resolve_relative(tok: Token) -> Token:
    """`which`/`who` in a relative clause stands for the noun the clause modifies."""
    if tok.lower_ in RELATIVE and tok.tag_ in ("WDT", "WP", "WP$"):
        clause = tok.head
        while clause.dep_ != "relcl" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ == "relcl":
            return antecedent(clause)
    return tok


def antecedent(relcl: Token) -> Token:
    """The noun a relative clause modifies: the parser attaches ", which" after a
    coordination to its first conjunct, but it refers to the nearest one."""
    head = relcl.head
    before = [c for c in [head, *head.conjuncts] if c.i < relcl.i]
    return max(before, key=lambda c: c.i) if before else head


def conjuncts(tok: Token) -> list[Token]:
    """A head and its coordinated heads ("the US, the EU and 47 countries"); the parser
    sometimes hangs a list under an apposition ("the US, the EU (EU) and ...")."""
    heads = [tok, *tok.conjuncts] if tok.dep_ != "conj" else [tok]
    for h in list(heads):
        for c in h.children:
            if c.dep_ == "appos" and c.conjuncts:
                heads += [c, *c.conjuncts]
    return list(dict.fromkeys(heads))


def _agent_of(tok: Token) -> bool:
    """An office or body noun whose of/from phrase names whose it is ("ministers of X")."""
    return tok.lemma_.lower() in AGENT_OF or tok.lower_ in AGENT_OF


def _other_members(tok: Token, index: MentionIndex, seen: set[int]) -> list[Mention]:
    """"officials from Kenya and Ethiopia" resolved as one mention of Kenya: Ethiopia too."""
    if not _agent_of(tok):
        return []
    return [m for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
            for p in c.children if p.dep_ == "pobj" for h in p.conjuncts
            for m in _own(h, index, seen)]


def _own(tok: Token, index: MentionIndex, seen: set[int]) -> list[Mention]:
    """Mentions on the noun itself, its owner modifiers, appositions and `of` phrases."""
    if tok.i in seen:
        return []
    seen.add(tok.i)
    found = list(index.at(tok))
    if found and all(m.via == "unknown" for m in found):
        # "the Palestinian Islamist movement Hamas": a named actor beats a description
        named = [m for c in tok.children if c.dep_ in ("appos", "compound", "flat")
                 for m in index.at(c) if m.via != "unknown"]
        found = named or found
    if found:
        return found + _other_members(tok, index, seen)
    for c in tok.children:
        if c.dep_ in OWNER_DEPS or c.dep_ == "appos":
            for m in (c, *c.conjuncts):  # "Canadian and Mexican exports": both owners
                found += _own(m, index, seen)
    if not found and _agent_of(tok):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "from", "for", "to"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        for h in conjuncts(p):  # "the leaders of France and Germany"
                            found += _own(h, index, seen)
    return found


def actors_of(tok: Token | None, index: MentionIndex, deep: bool = False) -> Actors:
    """Actors named by the phrase headed by `tok`, over its conjuncts.

    deep: also look into `of`/`between`/`by` phrases ("the ties between Moscow and
    Pyongyang", "Russia's violation of ..."), as a target of criticism may be named there.
    """
    if tok is None:
        return NONE
    tok = resolve_relative(tok)
    mentions: list[Mention] = []
    seen: set[int] = set()
    for head in conjuncts(tok):
        own = _own(head, index, seen)
        if not own:
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in INCLUDING:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            for h in conjuncts(p):
                                own += _own(h, index, seen)
        if not own and deep:
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "between", "by", "from", "with"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            for h in conjuncts(p):
                                own += _own(h, index, seen)
        mentions += own
    uniq: dict[tuple, Mention] = {}
    for m in mentions:
        uniq.setdefault((m.actor.code or m.text, m.start), m)
    ms = tuple(sorted(uniq.values(), key=lambda m: m.start))
    if not ms:
        return NONE
    text = " ".join(dict.fromkeys(m.text for m in ms))
    if len(ms) > 1 and ms[-1].end - ms[0].start <= MAX_LIST_CHARS:
        # "Poland, Germany and Sweden": the coordinated phrase as written
        text = tok.doc.text[ms[0].start:ms[-1].end]
    return Actors(ms, text)


def objects(verb: Token) -> list[Token]:
    """Direct objects, leaving out a stray relative pronoun ("that") the parser made one."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    real = [c for c in objs if not (c.lower_ in RELATIVE and c.tag_ in ("WDT", "WP"))]
    return real if real else objs


def child(tok: Token, *deps: str) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def preps(tok: Token) -> list[tuple[str, Token]]:
    """(preposition, object) pairs under a head, with "on" of "call on" too."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent") or (c.dep_ == "dative" and c.pos_ == "ADP"):
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp"):
                    out.append((c.lower_, p))
    return out


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
        and not any(c.dep_ == "nsubj" for c in verb.children))


def agent_of(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            return child(c, "pobj")
    return None


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The (logical) subject of a verb, through conjunction, control and relative clauses."""
    if depth > 6:
        return None
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            return resolve_relative(c)
    if is_passive(verb):
        return agent_of(verb)
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ == "conj":
        return subject_of(head, depth + 1)
    if verb.dep_ == "xcomp":
        # object control: "called on Tehran to halt", "pressed Moscow to cease"
        obj = child(head, "dobj")
        if obj is None:
            for p, o in preps(head):
                if p in ("on", "upon"):
                    obj = o
        return obj if obj is not None else subject_of(head, depth + 1)
    if verb.dep_ == "relcl":
        return antecedent(verb)
    if verb.dep_ == "acl" and verb.tag_ == "VB" and head.pos_ == "NOUN":
        # "its plan to impose sanctions", "a decision to send troops"
        owner = child(head, "poss")
        if owner is not None:
            return owner
        above = governing_verb(head)
        return subject_of(above, depth + 1) if above is not None else None
    if verb.dep_ == "pcomp" and head.lower_ in ("of", "for") and head.head.i != head.i:
        # "accused X of delivering", "condemnation of Chile for arming": the gerund's
        # subject is the governing word's object, else its subject
        gov = head.head
        obj = child(gov, "dobj")
        if obj is not None and obj.lemma_.lower() in ACCUSATION_NOUNS:
            # "follow [Ukraine's condemnation of Iran] for providing": the condemned
            for p, o in preps(obj):
                if p in ("of", "at", "against"):
                    return o
        if obj is not None:
            return obj
        for p, o in preps(gov):
            if p in ("of", "at", "against", "on") and o.i != verb.i:
                return o
        passive_subject = child(gov, "nsubjpass")
        if passive_subject is not None:
            return passive_subject  # "the group is known for wreaking", "praised for sending"
        if gov.pos_ in ("VERB", "AUX"):
            return subject_of(gov, depth + 1)
        return None
    if verb.dep_ == "advcl" and verb.tag_ == "VB" and head.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # a purpose infinitive shares the main clause's subject ("kept tariffs to pressure X")
        return subject_of(head, depth + 1)
    author = next((c for c in head.children if c.dep_ in ("poss", "compound")
                   and c.pos_ == "PROPN"), None) if verb.dep_ == "acl" else None
    if author is not None and verb.tag_ == "VBG" and head.lemma_.lower() in authored_nouns():
        return author  # "blocked an EU statement criticizing China": the EU criticizes
    if verb.dep_ in ("advcl", "acl", "pcomp", "ccomp") and verb.tag_ == "VBG":
        # participial adjunct shares the main clause's subject ("..., demanding an end")
        if head.pos_ in ("VERB", "AUX"):
            return subject_of(head, depth + 1)
        if head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            return subject_of(head.head, depth + 1)
        if verb.dep_ == "acl" and head.dep_ == "dobj":
            if head.lower_ in doer_nouns() and not any(
                    t.is_punct for t in verb.doc[head.i + 1:verb.i]):
                return head  # "aiding rebels fighting the president": the rebels fight
            # parser hangs ", pressing X to ..." on the object: "voiced concerns, pressing"
            return subject_of(head.head, depth + 1)
    return None


def verb_above(noun: Token) -> Token | None:
    """The verb a noun phrase hangs from, as object or through one preposition
    ("rely on [cooperation with X]")."""
    verb = governing_verb(noun)
    if verb is None and noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB":
        verb = noun.head.head
    return verb


def governing_verb(noun: Token) -> Token | None:
    """The verb a noun phrase is the object of ("halt [arms supplies]")."""
    head = noun
    while head.head.i != head.i and (
            head.dep_ in ("compound", "conj", "appos")
            or (head.dep_ == "pobj" and head.head.lower_ == "of"
                and head.head.head.lemma_.lower() in measure_nouns())):
        head = head.head if head.dep_ != "pobj" else head.head.head
    if head.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return None


def recipient_in(theme: list[Token], index: MentionIndex) -> Actors:
    """"delivery of shells [to Sudan]": the parser often hangs the recipient on the theme."""
    for root in theme:
        for tok in root.subtree:
            if tok.dep_ == "prep" and tok.lower_ in ("to", "for", "into"):
                found = actors_of(child(tok, "pobj"), index)
                if found:
                    return found
    return NONE
