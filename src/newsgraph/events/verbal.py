"""Verb-triggered frames: subject/agent -> source, objects and prepositions -> target."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from ..actors.dictionary import place_state
from .frames import Frame
from .items import item_and_quantity
from .lexicon import (
    Sense,
    document_nouns,
    force_nouns,
    granting_verbs,
    hand_verbs,
    hostage_verbs,
    idioms,
    intent_adjectives,
    light_verbs,
    manner_shifts,
    measure_nouns,
    movement_verbs,
    noun_senses,
    purpose_verbs,
    reversal_verbs,
    speech_stance,
    time_words,
    verb_object_sense,
    verb_senses,
    word_list,
)
from .ontology import speech_acts, symmetric
from .patterns import (
    ACCUSATION_NOUNS,
    NONE,
    TARGET_PREPS,
    Actors,
    MentionIndex,
    actors_of,
    agent_of,
    child,
    is_passive,
    objects,
    preps,
    recipient_in,
    subject_of,
)
from .sides import victim_heads

ASSAULT_PREPS = frozenset({"in", "inside", "across"})
SCENE_PREPS = frozenset({"in", "inside", "near", "outside"})  # where a blast or an attack hit
REPORT_WORDS = {"claim", "report", "allegation", "assertion", "suggestion", "statement"}
SYMMETRIC = symmetric()
SKIP_LEMMAS = {"be", "have", "do", "get", "say"}
SPEECH_TYPES = speech_acts()


def _particle(verb: Token) -> list[str]:
    """Particles and prepositions, not a date ("called him on Tuesday" is no "call on")."""
    out = []
    for c in verb.children:
        if c.dep_ == "prt" or (c.dep_ == "prep" and not any(
                p.ent_type_ in ("DATE", "TIME") for p in c.children)):
            out.append(c.lower_)
    return out


def phrasal_sense(verb: Token) -> Sense | None:
    """The hand lexicon's sense of a verb with its particle ("broke up a cell", "rounded up")."""
    lemma = verb.lemma_.lower()
    found = (hand_verbs().get(f"{lemma} {c.lower_}") for c in verb.children if c.dep_ == "prt")
    return next((senses[0] for senses in found if senses), None)


def _named_place(*heads: Token) -> Actors:
    """"struck a hospital in Kharkiv": the state of a named place the deed happened in."""
    for h in heads:
        for p, o in preps(h):
            code = place_state(o) if p in SCENE_PREPS else None
            if code:
                return Actors((), o.text, (code,))
    return NONE


def weapon_launched_at(verb: Token) -> bool:
    """"launched 100 drones at Ukraine": weapons launched at someone are an attack."""
    obj = child(verb, "dobj")
    return verb.lemma_.lower() in word_list("weapon_bound_verbs") and obj is not None and bool(
        item_and_quantity([obj])[0]) and any(
        p in ("at", "on", "against", "into") and o.ent_type_ not in ("DATE", "TIME")
        for h in (verb, obj) for p, o in preps(h))


def idiom_sense(verb: Token) -> Sense | None:
    """The sense of a verb with its object or prepositional object ("took to the streets",
    "burnt an effigy"), when the pair is an idiom."""
    lemma = verb.lemma_.lower()
    words = [c for c in verb.children if c.dep_ in ("dobj", "oprd")] + [
        o for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    words += [o for w in words if w.lemma_.lower() in measure_nouns()
              for p, o in preps(w) if p == "of"]  # "wreaking a wave of violence"
    return next((idioms()[k] for w in words for k in [(lemma, w.lemma_.lower())]
                 if k in idioms()), None)


def sense_of(verb: Token) -> Sense | None:
    lemma = verb.lemma_.lower()
    if lemma == "be" and any(c.dep_ == "acomp" and c.lower_ in intent_adjectives()
                             and child(c, "xcomp") is not None for c in verb.children):
        return Sense("AGREE", None)  # "is willing to withdraw its troops"
    if lemma in SKIP_LEMMAS or verb.lower_ == "according":
        return None
    if any(c.lower_ == "test" and c.i < verb.i for c in verb.children) and any(
            s.type in ("ASSAULT", "MOBILIZE") for s in verb_senses(lemma)):
        return Sense("MOBILIZE", None)  # "test-fired a missile": a weapons test (rule 9)
    for p in _particle(verb):
        if f"{lemma} {p}" in hand_verbs():
            return hand_verbs()[f"{lemma} {p}"][0]
    obj = child(verb, "dobj")
    if speech_stance().get(lemma) == "concedes" and obj is None and child(
            verb, "ccomp") is not None:
        return None  # "conceded that X had ...": an admission of X (a claim), not a concession
    if obj is not None and obj.lemma_.lower() in ("demand", "request", "call", "condition"):
        if lemma in granting_verbs():
            return Sense("CONCEDE", None)  # "accepted the demands"
    if lemma in hostage_verbs() and any(
            t.lemma_.lower() == "hostage" for c in verb.children
            if c.dep_ in ("dobj", "oprd", "npadvmod", "advmod", "ccomp", "xcomp")
            for t in (c, *c.children)):
        return Sense("ASSAULT", "abduct")  # "took 100 passengers hostage"
    idiom = idiom_sense(verb)
    if idiom is not None:
        return idiom  # "took to the streets", "opened fire on", "set fire to"
    obj = child(verb, "dobj")
    if lemma in light_verbs() and obj is None and verb.dep_ == "acl" and noun_senses(
            verb.head.lemma_.lower()):
        return None  # "an offensive launched by forces": the noun carries the event
    if lemma in light_verbs() and obj is not None:
        names = [t.lemma_.lower() for o in (obj, *obj.conjuncts)
                 for t in (o, *(c for c in o.children if c.dep_ == "compound"))]
        if any(noun_senses(n) for n in names):
            return None  # the object noun carries the event (nominal.py)
    if lemma in reversal_verbs() and obj is not None and any(
            s.type == "SANCTION" for s in noun_senses(obj.lemma_.lower())):
        return None  # "lifted sanctions": the noun codes the concession
    if lemma in word_list("weapon_bound_verbs") and obj is not None and not (
            item_and_quantity([obj])[0] or obj.lemma_.lower() in force_nouns()
            or any(n.type == "MOBILIZE" for n in noun_senses(obj.lemma_.lower()))):
        return None  # "launched a missile" deploys; "launched a drug war" does not
    if weapon_launched_at(verb):
        return Sense("ASSAULT", "military")  # "launched 100 drones at Ukraine": an attack
    if lemma in movement_verbs() and obj is not None and (
            obj.lemma_.lower() in force_nouns() or item_and_quantity([obj])[0] == "troops"):
        return Sense("MOBILIZE", "troops")  # "moved 40,000 soldiers to the frontier"
    senses = verb_senses(lemma)
    if senses and (senses[0].source == "hand" or (
            lemma not in light_verbs() and lemma not in speech_stance())):
        return senses[0]
    if obj is not None:
        return verb_object_sense(lemma, obj.lemma_) or verb_object_sense(lemma, obj.lower_)
    return None


def gerund_subject(verb: Token, index: MentionIndex) -> Actors:
    """Subject of a gerund after of/for: the accused ("accused X of delivering")."""
    head = verb.head
    if verb.dep_ in ("pcomp", "pobj") and head.dep_ == "prep" and head.lower_ in ("of", "for"):
        gov = head.head
        if gov.pos_ in ("VERB", "AUX"):
            obj = child(gov, "dobj")
            found = actors_of(obj, index, deep=True)
            if not found:
                for p, o in preps(gov):
                    if p in ("at", "against", "on"):
                        found = actors_of(o, index, deep=True)
                        if found:
                            break
            return found
        for c in gov.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "at", "against", "on") and c.i != head.i:
                found = actors_of(child(c, "pobj"), index, deep=True)
                if found:
                    return found
        for p, o in preps(gov.head) if gov.dep_ == "dobj" else []:
            if p in ("at", "against", "on"):
                found = actors_of(o, index, deep=True)
                if found:
                    return found
    return NONE


def _source(verb: Token, index: MentionIndex) -> Actors:
    subj = subject_of(verb)
    found = actors_of(subj, index)
    if not found:
        found = gerund_subject(verb, index)
    return found or unnamed_subject(subj)


def unnamed_subject(subj: Token | None) -> Actors:
    """"Thousands of protesters marched": no actor, but words that let `sides.settle`
    place the crowd in the story's state (`coder._keep` decides whether they count)."""
    if subj is None or subj.pos_ not in ("NOUN", "NUM", "PROPN"):
        return NONE
    return Actors((), phrase_text(subj))


def _first_prep(verb: Token, index: MentionIndex, allowed: Collection[str],
                deep: bool = False) -> tuple[Actors, Token | None]:
    for p, o in preps(verb):
        if p in allowed and o.pos_ != "VERB" and o.lemma_.lower() not in word_list("venue_nouns"):
            found = actors_of(o, index, deep=deep)
            if found:
                return found, o
    return NONE, None


def verb_frame(verb: Token, index: MentionIndex) -> Frame | None:
    sense = sense_of(verb)
    if sense is None:
        return None
    conf = 0.7 if sense.source == "hand" else 0.45
    item = None
    for c in verb.children:
        shift = manner_shifts().get(c.lower_) if c.dep_ == "advmod" else None
        if shift and sense.type in ("SUPPORT", "AID", "COOPERATE"):
            sense, item = Sense(shift[0], shift[1], "give"), shift[2]
    frame = Frame(verb, sense, confidence=conf, item=item)
    passive = is_passive(verb)
    if passive and sense.type == "PROTEST" and verb.dep_ == "acl" and verb.head.dep_ == "ROOT":
        # nobody is "protested": "[hundreds of women] protested in Mosul", parsed as a
        # participle on a verbless root, has the root as its subject
        passive = False
        frame.source = actors_of(verb.head, index) or unnamed_subject(verb.head)
    objs = objects(verb)
    obj = objs[0] if objs else None
    patient = child(verb, "nsubjpass") if passive else obj
    if passive and patient is None and verb.dep_ == "acl":
        patient = verb.head
    if not frame.source and not frame.source.text:
        frame.source = (actors_of(agent_of(verb), index) if passive else _source(verb, index))
    if sense.frame == "give":
        dative = child(verb, "dative")
        recipient = actors_of(child(dative, "pobj") if dative is not None and dative.pos_ == "ADP"
                              else dative, index)
        if not recipient:
            recipient, _ = _first_prep(verb, index, ("to", "for", "into"))
        theme = [t for t in ([patient] if passive else objs) if t is not None]
        if not recipient and patient is not None and actors_of(patient, index) \
                and (item_and_quantity([patient])[0] is None or frame.item):
            recipient = actors_of(patient, index)  # "supply Ukraine with weapons"
            theme = []
        theme += [o for p, o in preps(verb) if p in ("with", "including")]
        if obj is not None:
            theme += [o for p, o in preps(obj) if p in ("including",)]
        if not recipient:
            recipient = recipient_in(theme, index)
        if not recipient:
            recipient = _purpose_beneficiary(verb, index)
        if recipient and set(recipient.codes) <= set(frame.source.codes) and recipient.codes:
            # "sent troops to its own border": a deployment, not a transfer
            frame.sense, recipient = Sense("MOBILIZE", "troops"), NONE
        elif not recipient and frame.source and not _shares_recipient(verb) and not any(
                p in ("to", "for", "into") for p, _ in preps(verb)) and _own_forces(theme):
            # "dispatched its own aircraft and vessels": forces sent nowhere named deploy
            frame.sense = Sense("MOBILIZE", "troops")
        frame.target, frame.theme = recipient, theme
        return frame
    if sense.frame == "arrive":
        return _arrival(frame, verb, index)
    if sense.frame == "receive":
        frame.target = frame.source
        frame.source, _ = _first_prep(verb, index, ("from",))
        frame.theme = [t for t in (patient,) if t is not None]
        return frame
    deep = sense.source == "hand"  # CAMEO-derived senses need the actor as the object itself
    target = actors_of(patient, index, deep=deep)
    if target and sense.type == "MOBILIZE" and (
            item_and_quantity([patient])[0] or patient.lemma_.lower() in force_nouns()):
        target = NONE  # "deployed troops to X": the troops are what moves, X the target
    placed = sense.type == "ASSAULT" and patient is not None and not target.codes and \
        patient.lemma_.lower() in victim_heads()  # "killed 30 people in Gaza": Gaza's
    if not target or placed:
        allowed = TARGET_PREPS | (ASSAULT_PREPS if sense.type == "ASSAULT" else frozenset())
        if sense.type == "MOBILIZE":
            allowed = frozenset({"against", "toward", "towards", "at", "around", "off"})
        if sense.type in ("RETREAT", "SANCTION", "COERCE"):
            allowed |= {"from", "out"}  # "withdrew its peacekeepers from Liberia"
        target = (_first_prep(verb, index, allowed, deep=deep)[0]
                  or (placed and (_first_prep(patient, index, SCENE_PREPS)[0]
                                  or _named_place(patient, verb))) or target)
    if not target and sense.frame == "speech" and sense.mode != "deny":
        comp = child(verb, "ccomp")
        if comp is not None:
            target = actors_of(child(comp, "nsubj", "nsubjpass"), index, deep=True)
    if not target:
        # "rejected X to postpone ...": the complement's subject is the one acted on
        comps = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")
                 and not (sense.mode == "deny" and c.dep_ == "ccomp")]  # denied that Y did:
        # Y is the deed's agent, the denial answers its accusers (coder.py)
        comps += [x for c in verb.children if c.dep_ == "acomp" for x in c.children
                  if x.dep_ == "xcomp"]
        for comp in comps:
            target = actors_of(child(comp, "nsubj", "nsubjpass"), index)
            if not target and comp.dep_ == "xcomp":
                inner = verb_frame(comp, index)  # "refused to send troops to Angola"
                target = inner.target if inner is not None else NONE
            if not target and comp.dep_ == "xcomp" and (obj := child(comp, "dobj")) is not None:
                # "threatened to impose tariffs on X": the light verb's object names whom
                target = (_first_prep(obj, index, TARGET_PREPS)[0]
                          or _first_prep(comp, index, TARGET_PREPS)[0] or target)
            if target:
                break
    if sense.type in SYMMETRIC and not frame.source and split(target)[1]:
        # "ties between A and B were formalized": the pair acts together
        frame.source, target = split(target)
    elif (sense.type in SYMMETRIC and sense.source == "hand" and not target
          and split(frame.source)[1]):
        frame.source, target = split(frame.source)  # "India and Brazil agreed"
    if not target:
        # a target that is no actor ("condemned the attack"): keep its text, code nothing
        what = patient
        if what is None:
            # "exploded in a market": where an attack hit
            scene = SCENE_PREPS if sense.type == "ASSAULT" else frozenset()
            what = next((o for p, o in preps(verb) if p in TARGET_PREPS | scene
                         and o.pos_ != "VERB" and not not_actor(o, speech=True)), None)
        if what is not None and sense.type == "MOBILIZE":
            what = None  # drills and deployments have no target unless one is named
        if what is not None and what is patient and sense.type == "ASSAULT" and (
                (verb.lemma_.lower(), what.lemma_.lower()) in idioms()
                or item_and_quantity([what])[0] is not None
                or what.lemma_.lower() in word_list("force_instruments")):
            # "fired a missile", "fired tear gas to disperse demonstrators", "set fire to
            # shops": the weapon (or the idiom's own noun) is the instrument, not the target
            what = next((o for p, o in preps(verb) if p in ("at", "on", "into", "to")
                         and not not_actor(o, speech=True)), None) or \
                next((o for c in verb.children if c.dep_ in ("advcl", "xcomp")
                      for o in c.children if o.dep_ == "dobj"), None)
        if what is not None and not_actor(what, speech=sense.type in SPEECH_TYPES
                                          or sense.type in ("ASSAULT", "COERCE")):
            what = None  # "conceded on Wednesday", "released a statement": no party
        if what is not None and what.pos_ in ("NOUN", "PROPN"):
            target = Actors((), phrase_text(what))
    if verb.lemma_.lower() in word_list("object_bound_verbs") and not (
            obj is not None and actors_of(obj, index)):
        return None  # "curbing the flow of fentanyl into the U.S.": a policy, not coercion
    frame.target = target
    frame.about = [t for t in (obj,) if t is not None]
    if sense.type == "REJECT" and (sense.mode == "deny" or (
            obj is not None and obj.lemma_.lower() in ACCUSATION_NOUNS | REPORT_WORDS)):
        frame.denial = True  # "rejected the criticism" answers the critics
        frame.about += [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
        if passive and verb.dep_ in ("acl", "relcl"):
            frame.about.append(verb.head)
    return frame


def not_actor(tok: Token, speech: bool = False) -> bool:
    """A time ("Wednesday", "last week") is never an actor; a document ("a statement")
    is none either, except as what a speech act answers ("rejected the report") or what
    force hits ("attacked a border post")."""
    lemma = tok.lemma_.lower()
    if tok.ent_type_ in ("DATE", "TIME") or lemma in time_words():
        return True
    return not speech and lemma in document_nouns()


def _arrival(frame: Frame, verb: Token, index: MentionIndex) -> Frame | None:
    """"tens of thousands of shells made by Serbian factories ended up in Ukraine": an
    arms item (the subject) reached the place named; its maker or owner supplied it."""
    subj = subject_of(verb)
    if subj is None or item_and_quantity([subj])[0] is None:
        return None
    target, _ = _first_prep(verb, index, ("in", "to", "at", "with"))
    source = NONE
    for t in subj.subtree:
        if t.dep_ == "agent":
            source = actors_of(child(t, "pobj"), index, deep=True)
        elif t.dep_ in ("poss", "amod") and not source:
            source = actors_of(t, index)
        if source:
            break
    if not source or not target or set(target.codes) <= set(source.codes):
        return None
    frame.source, frame.target, frame.theme = source, target, [subj]
    return frame


def _shares_recipient(verb: Token) -> bool:
    """"shipped shells to Russia and dispatched troops": a conjoined transfer's recipient."""
    return verb.dep_ == "conj" and any(
        s.frame == "give" for s in verb_senses(verb.head.lemma_.lower()))


def _own_forces(theme: list[Token]) -> bool:
    """A theme of the sender's own forces: "its own aircraft", "troops", "warships"."""
    for root in theme:
        for t in (root, *root.conjuncts):
            if t.lemma_.lower() in force_nouns() or t.lower_ in force_nouns():
                return True
            if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in t.children) and any(
                    c.lower_ == "own" for c in t.children):
                return True
    return False


def phrase_text(tok: Token) -> str:
    """The noun phrase up to its head ("the terrorist attack")."""
    return tok.doc[tok.left_edge.i:tok.i + 1].text


def split(actors: Actors) -> tuple[Actors, Actors]:
    """First actor and the others, by distinct actor (code, else mention text)."""
    keys = list(dict.fromkeys(m.actor.code or m.text for m in actors.mentions))
    if len(keys) < 2:
        return actors, NONE
    first = tuple(m for m in actors.mentions if (m.actor.code or m.text) == keys[0])
    rest = tuple(m for m in actors.mentions if (m.actor.code or m.text) != keys[0])
    return (Actors(first, first[0].text),
            Actors(rest, " ".join(dict.fromkeys(m.text for m in rest))))


def _purpose_beneficiary(verb: Token, index: MentionIndex) -> Actors:
    """"sent troops to assist Russia's war": the purpose verb's object is the recipient."""
    clauses = [c for v in (verb, *verb.conjuncts) for c in v.children]
    for c in clauses:
        if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in purpose_verbs():
            found = actors_of(child(c, "dobj"), index, deep=True)
            if found:
                return found
    return NONE
