"""The rule coder: frames from the parse -> PLOVER events with claims, modality, dates."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from ..model import AnnotatedDoc, Claim, Event, Evidence
from .attribution import REPORT_NOUNS, attribution_of, claimant_phrase
from .blame import name_calling, responsibility, whereabouts
from .confidence import confidence
from .dates import resolve
from .documents import authors_in, document_target
from .frames import Frame
from .implied import (
    imposition,
    obligation,
    or_else,
    retaliation,
    salient_source,
    warning,
    wrongdoing,
)
from .items import aid_mode, item_and_quantity
from .lexicon import (
    Sense,
    hand_verbs,
    imposing_verbs,
    noun_senses,
    speech_stance,
    verb_senses,
    warning_verbs,
    word_list,
    wrongdoing_nouns,
)
from .modality import modality_of
from .nominal import noun_frame, noun_triggers
from .ontology import speech_acts
from .pairs import pair_reading, predicate_pairs
from .patterns import (
    NONE,
    Actors,
    MentionIndex,
    actors_of,
    child,
    governing_verb,
    is_passive,
    preps,
    subject_of,
)
from .provenance import traced_weapons
from .quotes import quote_claims
from .readings import deed_doer, fights_a_thing, sanctioning
from .responsibility import claimed_attacks, responsibility_verbs
from .sides import is_unnamed_party, settle
from .threats import announced_force, promised_retaliation
from .verbal import (
    idiom_sense,
    phrasal_sense,
    phrase_text,
    split,
    verb_frame,
    weapon_launched_at,
)

VERSION = "0.2"
MATERIAL_AID_THEMES = {"aid", "assistance", "help", "equipment", "money", "funds",
                       "loan", "loans", "credit", "relief", "food", "supplies", "fuel", "package",
                       "bailout", "grant", "grants", "funding", "financing", "vaccines",
                       "component", "components", "part", "parts", "technology", "chip",
                       "chips", "microelectronics"}
COOPERATIVE = {"AGREE", "SUPPORT", "COOPERATE", "CONSULT", "AID", "CONCEDE", "RETREAT"}
VERBAL = {"ACCUSE", "REQUEST", "REJECT", "SUPPORT", "AGREE", "THREATEN", "CONCEDE"}
MATERIAL = {"AID", "ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}
HOSTILE = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"}
SPEECH_ACTS = speech_acts()
ARMED = {"MIL", "POL"}  # sectors of armed forces
YIELD = {"CONCEDE", "RETREAT"}
MUTUAL = {"AGREE", "CONSULT", "COOPERATE"}  # "an agreement with X": X is the other party
SAME_NOUN = {"suit": "lawsuit", "airstrike": "strike", "bombing": "attack"}  # one deed, two names
THREAT_VERBS = frozenset({"threaten"})  # besides warning verbs: "threatened that it would respond"


@dataclass
class Discourse:
    """What earlier sentences accused: answers "these claims" in a later denial."""

    accusers: tuple[str, ...] = ()
    deniers: tuple[str, ...] = ()
    deeds: list[Event] = field(default_factory=list)
    material: list[Event] = field(default_factory=list)  # the latest material events
    named: dict[str, Event] = field(default_factory=dict)  # latest material event by trigger
    attacks: list[Event] = field(default_factory=list)  # every attack told so far
    authors: dict[str, tuple[str, ...]] = field(default_factory=dict)  # event noun -> its source
    documents: dict[str, tuple[str, ...]] = field(default_factory=dict)  # document -> author


def _date(frame: Frame, sent: Span, published: str | None) -> tuple[str | None, str | None]:
    """A DATE entity inside the trigger's clause (not inside a nested event)."""
    scope = {t.i for t in frame.trigger.subtree}
    verb = governing_verb(frame.trigger) if frame.trigger.pos_ == "NOUN" else None
    if verb is not None:  # "held talks on Tuesday": the date hangs on the light verb
        scope |= {t.i for c in verb.children if c.dep_ != "ccomp" for t in c.subtree}
    for ent in sent.ents:
        if ent.label_ == "DATE" and ent.root.i in scope:
            text = sent.doc[max(ent.start - 1, 0):ent.end].text
            found = resolve(text, published)
            if found[0]:
                return found
    return None, None


def _claims(frame: Frame, index: MentionIndex, modality: str,
            ptype: str) -> tuple[Claim, ...]:
    att = attribution_of(frame.trigger) if not frame.denial else None
    if att is None:
        return ()
    stance = att.stance
    if modality == "negated" and stance == "asserts":
        stance = "denies"
    who = actors_of(att.claimant, index) if att.claimant is not None else None
    if who is None or not who.codes:
        text = (who.text if who else None) or claimant_phrase(att.claimant)
        return (Claim(None, stance, text),)
    if modality == "hypothetical":
        return ()  # a claim says something happened; a possibility is not claimed
    if set(who.codes) & set(frame.source.codes) and (
            ptype in VERBAL or (stance == "asserts" and modality == "future")):
        return ()  # a speaker telling its own speech act or plan narrates it (rule 13)
    return tuple(Claim(code, stance, who.text) for code in who.codes)


def _keep(frame: Frame) -> bool:
    agentless = frame.type in ("ASSAULT", "COERCE") and bool(frame.target.text) and is_passive(
        frame.trigger)  # "two people were shot dead": kept for a text naming no state only
    if not frame.source and not is_unnamed_party(frame.source.text, frame.type) and not agentless:
        return False
    if frame.sense.frame in ("give", "receive") and frame.type == "AID":
        item, _ = item_and_quantity(frame.theme)
        themes = {t.lemma_.lower() for root in frame.theme for t in root.subtree}
        if item is None and frame.item is None and not themes & MATERIAL_AID_THEMES:
            return False
    return bool(frame.target) or bool(frame.target.text) or frame.type in ("MOBILIZE", "PROTEST")


def to_event(frame: Frame, sent: Span, doc: AnnotatedDoc, index: MentionIndex) -> Event:
    modality = modality_of(frame.trigger)
    if sent.text.rstrip().endswith("?") and modality == "asserted":
        modality = "hypothetical"  # "Does Trump see China as a threat?" asks; it does not tell
    mode = frame.sense.mode
    item = quantity = None
    if frame.type == "AID":
        item, quantity = item_and_quantity(frame.theme)
        item = item or frame.item
        mode = aid_mode(frame.theme) or mode
    date, precision = _date(frame, sent, doc.article.published)
    ptype = frame.type
    if modality == "negated" and ptype in COOPERATIVE and _refusal(frame.trigger):
        # "will not accept", "won't send": an asserted refusal
        ptype, mode, modality = "REJECT", None, "asserted"
    src = frame.source.mentions[0].actor if frame.source.mentions else None
    tgt = frame.target.mentions[0].actor if frame.target.mentions else None
    if ptype == "SUPPORT" and src and tgt and src.sector == "MIL" and tgt.sector in ARMED:
        # "Somali forces backed by Djiboutian soldiers": troops in the field are military aid
        ptype, mode, item = "AID", "military", item or "troops"
    claims = _claims(frame, index, modality, ptype)
    return Event(
        type=ptype,
        mode=mode,
        source=frame.source.codes,
        target=frame.target.codes,
        source_text=_named(frame.source, sent, index),
        target_text=_named(frame.target, sent, index),
        evidence=evidence_of(doc.article.name, sent),
        item=item,
        quantity=quantity,
        date=date,
        date_precision=precision,
        modality=modality,
        claims=claims,
        confidence=confidence(frame.confidence, modality, frame.source, frame.target, ptype,
                              frame.sense.source, any(c.stance == "denies" for c in claims)),
        coder=f"rules/{VERSION}",
        source_sector=src.sector if src else None,
        target_sector=tgt.sector if tgt else None,
    )


def _named(actors: Actors, sent: Span, index: MentionIndex) -> str | None:
    """"Russia said it had expelled ...": a pronoun's text is its antecedent's when the
    antecedent is named earlier in the same sentence (a reader wants the name)."""
    ms = actors.mentions
    if len(ms) != 1 or ms[0].via != "pronoun" or not ms[0].actor.code:
        return actors.text
    for tok in sent:
        if tok.idx >= ms[0].start:
            break
        for m in index.at(tok):
            if m.actor.code == ms[0].actor.code and m.via not in ("pronoun", "coref"):
                return m.text
    return actors.text


def _refusal(trigger: Token) -> bool:
    """A negated future or modal ("will not", "would never"): refusing, not denying."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "wo", "shall", "can", "ca")
               for c in verb.children)


def sentence_frames(sent: Span, index: MentionIndex) -> list[Frame]:
    frames = []
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX"):
            f = verb_frame(tok, index)
            if f is not None:
                frames.append(f)
    for tok in noun_triggers(sent):
        f = noun_frame(tok, index)
        if f is not None:
            frames.append(f)
    for f in frames:
        if f.type == "AID" and f.target and not f.source:
            f.source = salient_source(f, sent, index)
    for f in frames:
        _past_event_noun(f, sent, index)
        _retype(f, sent)
        if f.type == "COERCE" and f.trigger.pos_ == "VERB" and sanctioning(f.trigger):
            f.sense = Sense("SANCTION", None, f.sense.frame, f.sense.source)  # an export ban
    frames += _pair_frames(sent, index, frames)
    frames += [f for tok in sent if tok.lemma_.lower() in imposing_verbs()
               for f in imposition(tok, frames, index)]
    threats = [f for tok in sent if tok.lemma_.lower() in warning_verbs() | THREAT_VERBS
               for f in [retaliation(tok, index)] if f is not None]
    threats += [f for tok in sent if tok.lemma_.lower() == "face"
                for f in [or_else(tok, index)] if f is not None]
    told = {f.trigger.i for f in threats}
    frames += threats + [f for tok in sent if tok.lemma_.lower() in warning_verbs()
                         and tok.i not in told
                         for f in [warning(tok, frames, index)] if f is not None]
    frames += [f for tok in sent if tok.lemma_.lower() in wrongdoing_nouns()
               for f in [wrongdoing(tok, index)] if f is not None]
    accused = {f.trigger.i for f in frames if f.type == "ACCUSE"}
    frames += [f for f in whereabouts(sent, index) + responsibility(sent, index)
               + name_calling(sent, index) if f.trigger.i not in accused]
    threatened = {f.trigger.i for f in frames if f.type == "THREATEN"}
    frames += [f for f in announced_force(frames, index) if f.trigger.i not in threatened]
    demanded = {f.trigger.i for f in frames if f.type == "REQUEST"}
    frames += [f for tok in sent if tok.pos_ in ("VERB", "AUX")
               for f in [obligation(tok, index)] if f is not None
               and f.trigger.i not in demanded]
    return [f for f in frames if f.trigger.ent_type_ not in ("DATE", "TIME")]  # "On March 24"


def _past_event_noun(frame: Frame, sent: Span, index: MentionIndex) -> None:
    """"ordered attacks on the Gaza Strip", "issued a warning to Lesotho": a target that
    names no actor (an event noun) hands over to the party its preposition names."""
    if frame.target or not frame.target.text:
        return
    heads = [frame.trigger]
    if frame.type not in SPEECH_ACTS:  # one condemns a campaign, not the party it targets
        heads += [c for c in frame.trigger.children if c.dep_ == "dobj"]
    for head in heads:
        for prep, obj in preps(head):
            if prep in ("on", "against", "to", "into") or (
                    prep == "from" and frame.type == "REQUEST") or (
                    prep == "with" and frame.type in MUTUAL):
                found = actors_of(obj, index)
                if found and not set(found.codes) & set(frame.source.codes):
                    frame.target = found
                    return


def _retype(frame: Frame, sent: Span) -> None:
    """A verb frame whose own verb the classifier reads differently (a promise, a refusal,
    a finer verb class) takes the classifier's type; nouns and higher predicates keep the
    frame's, and CONCEDE/RETREAT are one family (YIELD) the frame already tells apart."""
    if frame.trigger.pos_ not in ("VERB", "AUX") or frame.type == "AID" or not (
            frame.source.mentions and frame.target.mentions):
        return
    if modality_of(frame.trigger) == "negated":
        return  # "will not accept": `to_event` tells a refusal from a denial
    if idiom_sense(frame.trigger) is not None or phrasal_sense(frame.trigger) is not None \
            or weapon_launched_at(frame.trigger):
        return  # "burnt an effigy of the minister", "broke up a cell": the words say what it is
    found = pair_reading(sent.doc, frame.source, frame.target)
    if not found or found[0] == frame.type or found[1].i != frame.trigger.i:
        return
    if {found[0], frame.type} <= YIELD:
        return
    if frame.type == "AGREE" and found[0] == "SUPPORT" and (
            _coordinated(sent.doc, frame) or _agreed_on(frame.trigger)):
        return  # "Iran and Saudi Arabia agreed to restore ties": each agrees with the other
    if frame.type == "CONCEDE" and found[0] == "SUPPORT":
        return  # "Pakistan apologized to Afghanistan": an apology yields, it backs no one
    frame.sense = Sense(found[0], None, frame.sense.frame, frame.sense.source)


def _agreed_on(verb: Token) -> bool:
    """"agreed with the Philippines on a plan": a deal with X about something, not backing X."""
    found = {p for p, _ in preps(verb)}
    return "with" in found and bool(found & {"on", "to", "over"})


def _coordinated(doc, frame: Frame) -> bool:
    """Source and target named together in one coordinated phrase ("A and B")."""
    def root(m):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        return span.root if span is not None else None
    a = [r for r in map(root, frame.source.mentions) if r is not None]
    b = [r for r in map(root, frame.target.mentions) if r is not None]
    return any(y in x.conjuncts for x in a for y in b)


def _pair_frames(sent: Span, index: MentionIndex, frames: list[Frame]) -> list[Frame]:
    """Frames for agent–patient pairs no frame relates, typed by the classifier."""
    taken = {(m.start, n.start) for f in frames for m in f.source.mentions
             for n in f.target.mentions}
    out = []
    for verb, agent, patient, light in predicate_pairs(sent, index):
        if (agent.mentions[0].start, patient.mentions[0].start) in taken:
            continue
        found = pair_reading(sent.doc, agent, patient)
        word = found[1] if found else None
        if word is None or not (word.i == verb.i or (
                word.head.i == verb.i and word.dep_ == "dobj")):
            continue  # typed by another predicate: not this pair's relation
        if light and word.i == verb.i and any(
                sense.type in SPEECH_ACTS for sense in hand_verbs().get(verb.lemma_.lower(), [])):
            continue  # "condemned the campaign against X": X is not the one condemned
        t = found[0]
        if verb.lemma_.lower() in word_list("object_bound_verbs") and not actors_of(
                child(verb, "dobj"), index):
            continue  # "curbing the flow into the U.S.": the pair is no party coerced
        if t == "AID" and any(s.frame == "receive" for s in verb_senses(verb.lemma_.lower())):
            agent, patient = patient, agent  # "received loans from the IMF": the IMF gives
            if (agent.mentions[0].start, patient.mentions[0].start) in taken:
                continue
        if t == "COERCE" and sanctioning(verb):
            t = "SANCTION"  # PLV codes tariffs as COERCE; GUIDELINES rule 7 says SANCTION
        taken.add((agent.mentions[0].start, patient.mentions[0].start))
        out.append(Frame(verb, Sense(t, None, source="pair"), agent, patient, confidence=0.5))
    return out


def code_sentence(sent: Span, doc: AnnotatedDoc, index: MentionIndex,
                  memory: Discourse) -> list[Event]:
    # main-clause events first (the sentence's own predicate), then in reading order
    claimed = responsibility_verbs(sent)
    found = sentence_frames(sent, index)
    found += promised_retaliation(sent, index, memory.attacks)
    frames = sorted((f for f in found if f.trigger not in claimed),  # the claim is not a concession
                    key=lambda f: (len(list(f.trigger.ancestors)), f.trigger.i))
    events: list[Event] = []
    by_frame: list[tuple[Frame, Event]] = []
    for f in frames:
        if f.type == "ACCUSE" and not f.target.mentions and f.about:
            f.target = _accused_deed(f, frames, memory)
        deed_doer(f, frames)
        if not f.source:
            _told_author(f, memory)
        document_target(f, memory.documents)
        if f.denial and not f.target:
            earlier = [g for g in frames if g.type == "ACCUSE" and g.source
                       and g.trigger.i < f.trigger.i]
            accusers = earlier[-1].source.codes if earlier else memory.accusers
            if accusers:
                f.target = _fixed(accusers, f)
        _split_parties(f)
        _own_target(f)
        if not _keep(f):
            continue
        ev = to_event(f, sent, doc, index)
        if f.sense.source == "cameo" and ev.modality != "asserted":
            continue  # a weak (dictionary-only) trigger in a non-asserted clause: too vague
        if f.sense.source == "pair" and ev.modality == "hypothetical":
            continue  # "should discontinue its cooperation with X": a pair reading too weak
        if _back_to_source(f) and set(ev.target) <= set(ev.source):
            place = _place_left(f) if ev.type == "RETREAT" else None
            if place is None:
                continue  # "defend itself", "agreed to it": a pronoun back to the source
            ev = replace(ev, target=(), target_text=place)  # "withdrew from their camp"
        if ev.mode == "clash" and fights_a_thing(f.trigger, index):
            continue  # "battled blazes in Canada", "fight corruption": no opponent
        by_frame += [(f, e) for e in _per_item(ev, f)]
        if ev.mode == "clash" and ev.target:  # fighting goes both ways
            by_frame.append((f, replace(ev, source=ev.target, target=ev.source,
                                        source_text=ev.target_text, target_text=ev.source_text,
                                        source_sector=ev.target_sector,
                                        target_sector=ev.source_sector)))
    new_deeds = [ev for _, ev in by_frame if ev.type not in SPEECH_ACTS and any(
        c.stance == "asserts" for c in ev.claims)]
    # a denial of "these claims" attaches a `denies` claim to the accused deeds
    for f, ev in by_frame:
        if f.denial and ev.source and not any(
                _inside(o.trigger, f.about) for o, _ in by_frame if o is not f):
            accused_here = any(g.type == "ACCUSE" and g.trigger.i < f.trigger.i
                               for g, _ in by_frame)
            pool = new_deeds if accused_here else memory.deeds
            deeds = [d for d in pool if set(d.source) & set(ev.source)]
            events += [_restate(d, ev.source, ev.source_text, ev.evidence, "denies") for d in deeds]
            memory.deniers = ev.source
    events += [ev for _, ev in by_frame]
    here = [ev for _, ev in by_frame]
    for verb in claimed:
        events += claimed_attacks(verb, index, evidence_of(doc.article.name, sent),
                                  memory.material[::-1], here)
    events += _concessions(sent, index, memory, new_deeds, [f for f, _ in by_frame], doc)
    accusers = [ev for f, ev in by_frame if ev.type == "ACCUSE" and ev.source]
    material = [ev for _, ev in by_frame if ev.type in MATERIAL and ev.source]
    if material:
        memory.material = material
    memory.named.update({f.trigger.lemma_.lower(): ev for f, ev in by_frame
                         if ev.type in MATERIAL and ev.source})
    claimants = tuple(dict.fromkeys(c.by for d in new_deeds for c in d.claims
                                    if c.by and c.stance == "asserts"))
    if not accusers and claimants:  # "Kallas said Iran had delivered drones": an allegation
        memory.accusers = claimants
    if accusers:  # a new accusation: later denials answer it and the deeds it alleges
        memory.accusers = accusers[-1].source
        memory.deeds = new_deeds
    elif new_deeds:
        memory.deeds = new_deeds
    memory.attacks += [ev for ev in events if ev.type == "ASSAULT" and ev.source]
    memory.authors.update({_noun_lemma(f.trigger): ev.source for f, ev in by_frame
                           if f.trigger.pos_ == "NOUN" and ev.source})
    memory.documents.update(authors_in(sent, index))
    return events


def _place_left(frame: Frame) -> str | None:
    """"withdrew from their camp": the place phrase whose owner is the one withdrawing."""
    for prep, obj in preps(frame.trigger):
        if prep in ("from", "out") and child(obj, "poss") is not None:
            return phrase_text(obj)
    return None


def _noun_lemma(noun: Token) -> str:
    lemma = noun.lemma_.lower()
    return SAME_NOUN.get(lemma, lemma)


def _told_author(frame: Frame, memory: Discourse) -> None:
    """"Rights groups filed lawsuits against X. An earlier lawsuit alleged ...": a deed or
    document told before (by its noun) speaks or acts for whoever was its source then."""
    if frame.trigger.pos_ not in ("VERB", "AUX"):
        return
    subj = subject_of(frame.trigger)
    if subj is None or subj.pos_ != "NOUN":
        return
    codes = memory.authors.get(_noun_lemma(subj))
    if codes and not set(codes) & set(frame.target.codes):
        frame.source = Actors((), frame.source.text, codes)


def _back_to_source(frame: Frame) -> bool:
    """The target is only pronouns back to the source ("defend itself", "their border")."""
    return bool(frame.target.mentions) and all(
        m.via in ("pronoun", "coref") for m in frame.target.mentions) and set(
        frame.target.codes) <= set(frame.source.codes)


def _split_parties(frame: Frame) -> None:
    """"Ukraine and Russia agreed to exchange prisoners": a mutual act whose subject names
    both parties and whose object names none (or only them again: "... to patrol their
    border") is between the first and the others."""
    if frame.type not in MUTUAL or frame.sense.source != "hand" or (
            frame.target.codes and not _back_to_source(frame)) or frame.source.fixed:
        return  # a dictionary-only verb ("joined the call") is too weak to pair them
    coded = tuple(m for m in frame.source.mentions if m.actor.code)
    first, others = split(Actors(coded, frame.source.text))
    if others:
        frame.source, frame.target = first, others


def _own_target(frame: Frame) -> None:
    """"Serbia will suspend exports to the two countries" read as SRB -> SRB,RUS: an actor
    among several targets that is the source itself leaves the target. A target that is
    only the source stays: domestic events ("police detained protesters") are real."""
    own = set(frame.source.codes)
    if not own or not own & set(frame.target.codes):
        return
    if set(frame.target.codes) <= own:
        if frame.type == "MOBILIZE":  # "the deployment of US launchers": one's own forces
            frame.target = NONE
        return
    kept = tuple(m for m in frame.target.mentions if m.actor.code not in own)
    fixed = tuple(c for c in frame.target.fixed if c not in own)
    text = " ".join(dict.fromkeys(m.text for m in kept)) or frame.target.text
    frame.target = Actors(kept, text, fixed)


def _concessions(sent: Span, index: MentionIndex, memory: Discourse, new_deeds: list[Event],
                 frames: list[Frame], doc: AnnotatedDoc) -> list[Event]:
    """"... only to confirm it", "admitted the charges": a `concedes` claim on the deed
    accused earlier, by the speaker (or, when the parse gives none, the earlier denier)."""
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or speech_stance().get(tok.lemma_.lower()) != "concedes":
            continue
        if any(_inside(f.trigger, [c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "prep")])
               for f in frames):
            continue  # the conceded deed is spelled out; attribution handles it
        obj = child(tok, "dobj")
        if obj is None or not (obj.pos_ == "PRON" or obj.lemma_.lower() in REPORT_NOUNS):
            continue
        who = actors_of(subject_of(tok), index).codes or memory.deniers
        deeds = [d for d in new_deeds or memory.deeds if set(d.source) & set(who)]
        ev_span = evidence_of(doc.article.name, sent)
        out += [_restate(d, who, None, ev_span, "concedes") for d in deeds if who]
    return out


def _per_item(ev: Event, frame: Frame) -> list[Event]:
    """One transfer per specific item when the theme coordinates several
    ("1,200 drones and 200 ballistic missiles")."""
    if ev.type != "AID" or not ev.item:
        return [ev]
    found = [(item, qty) for root in frame.theme for conj in (root, *root.conjuncts)
             for item, qty in [item_and_quantity([conj])] if item and item != "weapons"]
    found = list(dict.fromkeys(found))
    if len(found) < 2:
        return [ev]
    return [replace(ev, item=item, quantity=qty) for item, qty in found]


def _accused_deed(frame: Frame, frames: list[Frame], memory: Discourse) -> Actors:
    """"condemned the transfers": the parties to the deed the object names, in this
    sentence or, for "the/these transfers", the latest such deed told before."""
    obj = frame.about[0]
    for g in frames:
        if g.trigger.i == obj.i and g.source.mentions:
            return g.source
    if any(c.lower_ in ("the", "these", "those", "such", "this") for c in obj.children):
        named = memory.named.get(obj.lemma_.lower())  # "the exercises": the exercises told
        same = [named] if named else [
            e for e in memory.material if e.type in {s.type for s in noun_senses(obj.lemma_)}]
        if same:
            # both parties to a transfer are culpable; a hostile act's target is its victim
            codes = tuple(dict.fromkeys(c for e in same[-1:] for c in (
                *e.source, *(() if e.type in HOSTILE else e.target))))
            return Actors((), frame.target.text, codes)
    return frame.target


def _inside(tok: Token, roots: list[Token]) -> bool:
    return any(r.i == tok.i or r.is_ancestor(tok) for r in roots)


def _fixed(codes: tuple[str, ...], frame: Frame) -> Actors:
    codes = tuple(c for c in codes if c not in frame.source.codes)
    return Actors((), None, codes)


def _restate(deed: Event, who: tuple[str, ...], who_text: str | None, evidence: Evidence,
             stance: str) -> Event:
    """The same deed, restated with the claim a later denial or admission makes."""
    claims = tuple(Claim(code, stance, who_text) for code in who)
    return replace(deed, claims=claims, evidence=evidence, confidence=min(deed.confidence, 0.5))


class RuleCoder:
    """Dependency-pattern coder over verb classes and event nouns (data files)."""

    name = "rules"
    version = VERSION

    def code(self, doc: AnnotatedDoc) -> list[Event]:  # noqa: D102
        parse = doc.parse
        if parse is None:
            return []
        index = MentionIndex(parse, doc.mentions)
        memory = Discourse()
        sents = [s for s in parse.sents if s.text.strip()]
        by_sentence = [code_sentence(sent, doc, index, memory) for sent in sents]
        _trace_weapons(sents, by_sentence, doc, index)
        by_sentence = quote_claims(sents, by_sentence, index)
        return settle([e for evs in by_sentence for e in evs], doc)


def _trace_weapons(sents: list[Span], by_sentence: list[list[Event]], doc: AnnotatedDoc,
                   index: MentionIndex) -> None:
    """Weapons traced to their maker, once the whole story tells who attacks and who
    supplies whom (provenance.py)."""
    found = [e for evs in by_sentence for e in evs]
    attacks = [e for e in found if e.type == "ASSAULT" and e.source]
    supplies = [e for e in found if e.type == "AID" and e.source and e.target]
    if not attacks and not supplies:
        return  # nobody to trace weapons to
    for sent, evs in zip(sents, by_sentence, strict=True):
        if not any(e.type == "AID" for e in evs):
            evs += [to_event(f, sent, doc, index)
                    for f in traced_weapons(sent, index, attacks, supplies)]


def evidence_of(doc_name: str, sent) -> Evidence:
    """The sentence span without the whitespace spaCy attaches to it (paragraph breaks,
    a blanked non-English block), so `text == body[start:end]`."""
    lead = len(sent.text) - len(sent.text.lstrip())
    text = sent.text.strip()
    start = sent.start_char + lead
    return Evidence(doc_name, text, start, start + len(text))
