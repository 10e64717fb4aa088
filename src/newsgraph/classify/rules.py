"""The relation type between two given mentions, read off the dependency parse.

Candidates are ranked by where they sit relative to the path between the two mentions:
the lowest common ancestor first (the predicate that links them), then the path itself
nearest the top, then the governors above, then the rest of the sentence as a back-off.
Each candidate is typed through the cue file and the event coder's verb classes; verbs that
only report or frame an event ("said", "plans to") are looked through to their complement,
light verbs take the type of the event noun they govern ("held talks", "imposed a curfew"),
control verbs keep their own type ("called on X to halt" is REQUEST) and purpose verbs take
their purpose's ("summoned the ambassador to complain" is ACCUSE). Finally PLOVER's verbal
counterparts of deeds apply (`adjust`): a promised concession or aid is AGREE, a promised
attack or sanction THREATEN, a refused concession REJECT. That is the type only; the
event's modality field is the event coder's business.
"""

from __future__ import annotations

from .lexicon import adj_type, cues, noun_type, verb_type
from .spans import span_root, tokens_in

NONE = "NONE"
_CONFLICT = {"PROTEST", "COERCE", "ASSAULT", "SANCTION", "THREATEN", "MOBILIZE"}
_COOPERATIVE = {"CONSULT", "AGREE", "SUPPORT"}
_PUNITIVE = {"COERCE", "ASSAULT", "SANCTION"}
_TIME_ENTS = {"DATE", "TIME"}
_OBJ_DEPS = {"dobj", "attr", "oprd", "acomp", "xcomp", "ccomp", "prt", "prep", "dative",
             "nsubjpass", "advcl", "obj", "pobj", "npadvmod", "advmod", "acl"}
_OBLIGATION = {"must", "should", "ought", "need"}


def _words(tok) -> set[str]:
    """Lemmas of the words a verb governs: objects, particles, prepositions and their objects,
    complement heads (so "withdraw troops", "call on", "go on strike" can match)."""
    out: set[str] = set()
    for c in tok.children:
        if c.dep_ == "prep" and _temporal(c):
            continue
        if c.dep_ in _OBJ_DEPS:
            out.add(c.lemma_.lower())
            if c.dep_ in ("prep", "prt", "dative", "xcomp", "dobj"):
                for g in c.children:
                    if g.dep_ in ("pobj", "dobj", "pcomp", "prep", "aux"):
                        out.add(g.lemma_.lower())
                        for h in g.children:
                            if h.dep_ == "pobj":
                                out.add(h.lemma_.lower())
    return out


def _noun(tok) -> str | None:
    """Type of an event noun: the two-word name first ("war games"), then the noun, then a
    typed modifier of an untyped head ("a curfew order")."""
    lemma = tok.lemma_.lower()
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod")]
    for c in mods:
        if t := noun_type(f"{c.lemma_.lower()} {lemma}"):
            return t
    for c in tok.children:  # "a state of siege", "a show of force"
        if c.dep_ == "prep" and c.lemma_.lower() == "of":
            for g in c.children:
                if g.dep_ == "pobj" and (t := noun_type(f"{lemma} of {g.lemma_.lower()}")):
                    return t
    if t := noun_type(lemma):
        return t
    for c in mods:
        if c.dep_ == "compound" and (t := noun_type(c.lemma_.lower())):
            return t
    return None


def _objects(tok) -> list:
    """Nouns a light verb governs, direct objects first."""
    direct = [c for c in tok.children if c.dep_ in ("dobj", "attr", "oprd", "nsubjpass")]
    preps = [g for c in tok.children if c.dep_ in ("prep", "prt") for g in c.children
             if g.dep_ == "pobj"]
    return direct + preps


def _is_neutral(tok) -> bool:
    c = cues()
    if tok.lemma_.lower() not in c["neutral"]:
        return False
    return any(ch.dep_ in ("xcomp", "ccomp", "acomp", "attr", "dobj", "advcl", "conj")
               for ch in tok.children)


def _particles(tok) -> set[str]:
    """Particles and prepositions of a verb, leaving out temporal ones ("on Monday")."""
    out = set()
    for c in tok.children:
        if c.dep_ == "prt":
            out.add(c.lemma_.lower())
        elif c.dep_ == "prep" and not _temporal(c):
            out.add(c.lemma_.lower())
    return out


def _temporal(prep) -> bool:
    """A time adjunct ("on Friday", "in March") rather than an argument."""
    return any(g.ent_type_ in _TIME_ENTS for g in prep.children if g.dep_ == "pobj")


def _clause(tok):
    """A to-infinitive or purpose complement of a verb, if it has one."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "advcl") and c.pos_ in ("VERB", "AUX"):
            return c
    return None


def _object_type(tok) -> str | None:
    """Type of the event noun a verb governs ("lifted the curfew", "ordered the release of");
    a sum of money given is aid."""
    for obj in _objects(tok):
        nt = _noun(obj)
        if nt:
            return nt
        if obj.ent_type_ == "MONEY" and obj.dep_ == "dobj":
            return "AID"
        for c in obj.children:  # "the decision on pre-trial detention", "a decree granting"
            if c.dep_ == "prep":
                for g in c.children:
                    if g.dep_ == "pobj" and (nt := _noun(g)):
                        return nt
            elif c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and obj.dep_ == "dobj":
                if vt := verb_type(c.lemma_.lower(), _words(c)):
                    return vt
    return None


def token_type(tok) -> str | None:
    """The PLOVER type a single token evokes in its context, or None."""
    c = cues()
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX"):
        words = _words(tok)
        parts = _particles(tok)
        kids = {ch.dep_ for ch in tok.children}
        if lemma == "call":  # the one verb that appeals, phones, names and cancels
            if parts & {"on", "upon", "for"}:
                # calling for punitive action is a threat by proxy ("called for sanctions")
                return "THREATEN" if _object_type(tok) in _PUNITIVE else "REQUEST"
            if any(ch.dep_ == "oprd" and ch.pos_ in ("NOUN", "ADJ") for ch in tok.children):
                return "ACCUSE"  # "called the ambassador a stupid guy"
        if lemma in c["request_control"] and (
            "xcomp" in kids or ("ccomp" in kids and lemma not in c["comm"])
        ):
            return "REQUEST"
        if lemma in c["purpose"] and (sub := _clause(tok)) is not None:
            # the purpose decides unless what is sent or called is itself typed
            if (st := token_type(sub)) and (lemma == "call" or _object_type(tok) is None):
                return st
        if _phrase_hit(lemma, words):
            return verb_type(lemma, words)
        if lemma in c["concluded"] and not kids & {"xcomp", "ccomp"} and _objects(tok):
            return "SUPPORT"  # "agreed a trade deal", "agreed on the text": concluded
        if lemma in c["stop"] or any(f"{lemma} {p}" in c["stop"] for p in parts):
            obj = _object_type(tok)
            if obj:
                return _undo(obj)
        if lemma in c["light"]:
            obj = _object_type(tok)
            if obj:
                return obj
        t = verb_type(lemma, words)
        if t and not _is_neutral(tok):
            return t
        return None
    if tok.pos_ in ("NOUN", "PROPN"):
        return _noun(tok)
    if tok.pos_ == "ADJ":
        return adj_type(lemma)
    return None


def _undo(obj_type: str) -> str:
    """Stopping a conflict concedes; stopping a visit or deal rejects; else it is a sanction."""
    if obj_type == "ASSAULT" or obj_type == "MOBILIZE":
        return "RETREAT"
    if obj_type in _CONFLICT:
        return "CONCEDE"
    if obj_type in _COOPERATIVE:
        return "REJECT"
    return "SANCTION"


def _negated(tok) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _promised(tok) -> bool:
    """Said as a promise or intention: "will release", "plans to send", "vowed to free"."""
    c = cues()
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if any(ch.dep_ == "aux" and ch.lemma_.lower() in c["future_aux"] for ch in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in c["promise"]


def adjust(tok, ptype: str) -> str:
    """PLOVER's verbal counterparts: a refused concession is REJECT, a promised cooperative
    deed is AGREE, a promised conflictual deed is THREATEN. Troops sent to keep the peace
    are AID."""
    if ptype == "MOBILIZE" and any(
        t.lemma_.lower() in cues()["peacekeeping"] for t in tok.sent
    ):
        return "AID"
    if ptype in ("CONCEDE", "RETREAT", "AGREE") and _negated(tok):
        return "REJECT"
    if _promised(tok):
        if ptype in ("CONCEDE", "RETREAT", "AID", "CONSULT", "COOPERATE"):
            return "AGREE"
        if ptype in ("ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"):
            return "THREATEN"
    return ptype


def _phrase_hit(lemma: str, words: set[str]) -> bool:
    phrases = cues()["phrase"]
    return any((lemma, w) in phrases for w in words)


def _chain(tok) -> list:
    out = [tok]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def obligation(lca, t_head) -> bool:
    """A report that the target must or should do something ("X said Y must ...")."""
    if lca.lemma_.lower() not in cues()["comm"]:
        return False
    for verb in _chain(t_head):
        if verb.i == lca.i:
            return False
        if verb.pos_ in ("VERB", "AUX") and any(
            ch.dep_ == "aux" and ch.lemma_.lower() in _OBLIGATION for ch in verb.children
        ):
            return True
    return False


def _below(chain: list, top) -> list:
    """The part of a head chain strictly under `top`."""
    ids = [t.i for t in chain]
    return chain[: ids.index(top.i)] if top.i in ids else chain


def candidates(doc, s_toks: list, t_toks: list, backoff: bool = True) -> list:
    """Tokens in the order they are tried: the common governor of the two mentions, the path
    between them nearest the top first, the governors above, complements of all those, the
    mentions' own words ("a U.S. strike"), and with `backoff` the rest of the sentence."""
    inside = {t.i for t in s_toks} | {t.i for t in t_toks}
    up_s, up_t = _chain(span_root(s_toks)), _chain(span_root(t_toks))
    t_ids = {t.i for t in up_t}
    lca = next((t for t in up_s if t.i in t_ids), up_s[-1])
    path = sorted(_below(up_s, lca) + _below(up_t, lca), key=lambda t: _depth(t, lca))
    order = [lca] + path + _chain(lca)[1:]
    extra = [ch for t in order for ch in t.children
             if ch.dep_ in ("xcomp", "ccomp", "dobj", "advcl", "conj")]
    outside = [t for t in order + extra if t.i not in inside]
    if backoff:
        own = [t for t in doc if t.i in inside]
        outside += own + sorted(doc, key=lambda t: (t.dep_ != "ROOT", t.pos_ != "VERB", t.i))
    seen: set[int] = set()
    return [t for t in outside if not (t.i in seen or seen.add(t.i))]


def _depth(tok, top) -> int:
    """Arcs from `tok` up to `top`."""
    d = 0
    while tok.i != top.i and tok.head.i != tok.i:
        tok = tok.head
        d += 1
    return d


def classify_parsed(doc, source: tuple[int, int] | None, target: tuple[int, int] | None,
                    backoff: bool = True) -> str:
    """Type of the relation from the mention at char span `source` to the one at `target`.

    With `backoff=False` only predicates that link the two mentions (their common governor,
    the path between them and its complements) are read, never the rest of the sentence:
    the precise form for a coder that proposes pairs itself."""
    s_toks = tokens_in(doc, source) if source else []
    t_toks = tokens_in(doc, target) if target else []
    s_toks, t_toks = s_toks or t_toks, t_toks or s_toks
    if not s_toks:
        if not backoff:
            return NONE
        ranked = sorted(doc, key=lambda t: (t.dep_ != "ROOT", t.pos_ != "VERB", t.i))
    else:
        ranked = candidates(doc, s_toks, t_toks, backoff)
        if ranked and obligation(ranked[0], span_root(t_toks)):
            return "REQUEST"
    for tok in ranked:
        t = token_type(tok)
        if t:
            return adjust(tok, t)
    return NONE
