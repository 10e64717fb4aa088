"""Noun-triggered frames: "Russia's veto", "the transfer of missiles to Russia",
"Russia's contract with Iran for hundreds of missiles", "ties between Moscow and Pyongyang"."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from .attribution import attribution_of
from .frames import Frame
from .lexicon import (
    Sense,
    agent_nouns,
    carrier_verbs,
    light_only_nouns,
    light_verbs,
    needs_argument,
    noun_senses,
    protest_strike_verbs,
    reaction_verbs,
    reversal_verbs,
    speech_stance,
)
from .patterns import (
    NONE,
    TARGET_PREPS,
    Actors,
    MentionIndex,
    actors_of,
    agent_of,
    child,
    governing_verb,
    preps,
    recipient_in,
    subject_of,
    verb_above,
)
from .verbal import not_actor, unnamed_subject

ENCIRCLING = frozenset({"around", "off", "surrounding"})
PLACE_TYPES = {"ASSAULT", "COERCE"}  # "an offensive in Gaza" targets Gaza
SOURCE_PREPS = ("by", "from")
LABOUR_STRIKE_WORDS = {"hunger", "general", "labour", "labor", "nationwide", "indefinite",
                       "sit-down", "warning", "workers", "teachers", "doctors"}
AIR_STRIKE_WORDS = {"air", "drone", "missile", "rocket", "military", "artillery", "precision",
                    "aerial", "retaliatory", "preemptive", "pre-emptive", "surgical", "nuclear"}
TIME_PREPS = {"after", "before", "during", "since", "following", "amid", "until", "ahead"}
DEFAULT_TARGET = {"veto": "UNSC"}  # a veto is cast in the Security Council


def _owners(noun: Token, index: MentionIndex) -> Actors:
    """Actors in the noun's own left modifiers: "Russia's", "Russian", "Russia-Iran"."""
    mentions = []
    for c in noun.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < noun.i:
            mentions += list(actors_of(c, index).mentions)
    return Actors(tuple(mentions), " ".join(dict.fromkeys(m.text for m in mentions)) or None)


def _np_head(tok: Token) -> Token:
    while tok.dep_ == "compound" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _prep_actors(head: Token, index: MentionIndex,
                 allowed: Collection[str]) -> tuple[Actors, str | None]:
    for p, o in preps(head):
        if p in allowed and o.pos_ == "VERB" and o.dep_ == "pcomp":
            o = child(o, "dobj")  # "concerns over [deepening] collaboration between ..."
        if p in allowed and o is not None and o.pos_ != "VERB":
            found = actors_of(o, index, deep=p in ("on", "against", "at", "over", "about"))
            if found:
                return found, p
    return NONE, None


def _between(head: Token, index: MentionIndex) -> Actors:
    for p, o in preps(head):
        if p == "between" or p == "among":
            return actors_of(o, index)
    return NONE


def _carrier(np: Token) -> Token | None:
    """A light or aspectual verb whose object the noun is ("launched an offensive")."""
    verb = governing_verb(np)
    if verb is not None and verb.lemma_.lower() in light_verbs() | carrier_verbs():
        return verb
    if np.dep_ == "nsubjpass" and verb is not None:
        return verb
    return None


def _acl_verb(np: Token) -> Token | None:
    """"sanctions imposed on X by Y", "the attack perpetrated by Hamas": a participle that
    only carries the noun's arguments (not "a charge denied by X", an event of its own)."""
    from .verbal import sense_of

    for c in np.children:
        if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG"):
            lemma = c.lemma_.lower()
            if lemma in light_verbs() | carrier_verbs() or sense_of(c) is None:
                return c
    return None


def _hyphenated(t: Token) -> str:
    """"sit-in", "go-slow" as the tokenizer splits them: sit - in."""
    doc = t.doc
    if t.i >= 2 and doc[t.i - 1].text == "-" and not doc[t.i - 2].whitespace_ \
            and not doc[t.i - 1].whitespace_:
        return f"{doc[t.i - 2].lower_}-{t.lower_}"
    return ""


def _senses(t: Token) -> list:
    return (noun_senses(t.lemma_.lower()) or noun_senses(t.lower_)
            or noun_senses(_hyphenated(t)))


def noun_frame(noun: Token, index: MentionIndex, reading: int = 0) -> Frame | None:
    lemma = noun.lemma_.lower()
    senses = _senses(noun)
    if not senses:
        return _agent_noun_frame(noun, index)
    if reading >= len(senses):
        return None
    sense = senses[reading]
    np = _np_head(noun)
    above = governing_verb(np) or verb_above(np)
    if lemma == "strike" and _labour_strike(noun, np, above):
        sense = Sense("PROTEST", "strike")  # "went on strike", "a hunger strike"
    if sense.type in ("SUPPORT",) and any(c.lower_ in ("military", "financial", "economic")
                                          for c in noun.children if c.dep_ == "amod"):
        sense = Sense("AID", "military", "give")  # "military support for X"
    if sense.type == "SANCTION" and above is not None and above.lemma_.lower() in reversal_verbs():
        sense = Sense("CONCEDE", "ease")  # "lifted the sanctions": GUIDELINES rule 7
    frame = Frame(noun, sense, confidence=0.6)
    owners = _owners(noun, index)
    if np.i != noun.i:
        more = _owners(np, index)
        owners = Actors(owners.mentions + more.mentions, owners.text or more.text)
    verb = _carrier(np)
    if verb is None and sense.type == "CONCEDE" and above is not None:
        verb = above  # "lifted the sanctions on X": the lifter concedes to X
    if lemma in light_only_nouns() and (verb is None or verb.lemma_.lower() not in light_verbs()):
        return None
    if verb is None and sense.type in ("MOBILIZE", "PROTEST") and np.dep_ == "pobj":
        verb = verb_above(np)  # "remained on alert", "went on strike"
        if verb is None and np.head.lower_ == "in":  # "blocked roads with tractors in protest"
            verb = next((t for t in np.ancestors if t.pos_ == "VERB"), None)
    acl = _acl_verb(np)
    # "the withdrawal of X's troops from Y": X withdraws, Y is left (from names the target)
    leaving = sense.type == "RETREAT"
    source, _ = _prep_actors(np, index, ("by",) if leaving else SOURCE_PREPS)
    allowed = TARGET_PREPS | ({"in", "inside", "across"} if sense.type in PLACE_TYPES else set())
    if leaving:
        allowed |= {"from", "out"}
    if sense.type == "MOBILIZE":
        allowed |= ENCIRCLING  # "exercises around Taiwan" names whom the drills press
    target, tprep = _prep_actors(np, index, allowed)
    if acl is not None:
        if not source:
            source = actors_of(agent_of(acl), index)
        if not target:
            target, tprep = _prep_actors(acl, index, allowed)
        if not target:
            target = actors_of(child(acl, "dobj"), index, deep=True)
    if verb is not None and not target:
        target, tprep = _prep_actors(verb, index, allowed)
    between = _between(np, index)

    if sense.frame == "mutual":
        told = _told_in(np, index)
        if told is not None:  # "told Trump in phone conversations": each teller with Trump
            frame.source, frame.target = told
            return frame
        pair = between.mentions or owners.mentions
        if not between and owners and target and tprep == "with":
            pair = owners.mentions + target.mentions
        elif not pair and target and tprep == "with" and verb_above(np) is not None:
            subj = actors_of(subject_of(verb_above(np)), index).mentions
            pair = subj + target.mentions if subj else ()  # "roiled relations with A and B"
        if not pair and acl is not None:
            pair = actors_of(agent_of(acl), index).mentions  # "the agreement, signed by A and B"
        if not pair and verb is not None:
            pair = actors_of(subject_of(verb), index).mentions  # "A and B held talks"
        if not pair and target and tprep == "with" and sense.type == "CONSULT" and (
                teller := _speaker(np, index)):
            pair = teller + target.mentions  # "X said talks with the IMF ..."
        codes = list(dict.fromkeys(m.actor.code or m.text for m in pair))
        if len(codes) < 2:
            return None
        first = [m for m in pair if (m.actor.code or m.text) == codes[0]]
        rest = [m for m in pair if (m.actor.code or m.text) != codes[0]]
        frame.source = Actors(tuple(first[:1]), first[0].text)
        frame.target = Actors(tuple(rest), " ".join(dict.fromkeys(m.text for m in rest)))
        return frame

    if sense.frame == "buy":
        # A's contract with X for THEME: X supplies A
        theme = [o for p, o in preps(np) if p == "for"]
        if not theme and np.dep_ == "pobj" and np.head.head.pos_ == "VERB":
            theme = [o for p, o in preps(np.head.head) if p == "for"]  # parser attachment
        if not theme or tprep != "with":
            # "a deal with Mauritius on sovereignty": no purchase, maybe the noun's next sense
            return noun_frame(noun, index, reading + 1)
        frame.source, frame.target, frame.theme = target, owners, theme
        return frame

    if not source:
        source = owners
    if not source and sense.type in ("MOBILIZE", "RETREAT"):
        # "the deployment of US missile launchers": the forces' owner deploys them
        source = next((actors_of(o, index) for p, o in preps(np) if p == "of"), NONE)
    if not source and verb is not None and not _when(np):
        subj = subject_of(verb)
        source = actors_of(subj, index) or unnamed_subject(subj)  # "farmers ... in protest"
    frame.source = source
    if sense.frame == "give":
        frame.target, _ = _prep_actors(np, index, ("to", "for", "into"))
        if not frame.target and acl is not None:
            frame.target, _ = _prep_actors(acl, index, ("to", "for", "into"))
        if not frame.target and verb is not None:
            frame.target, _ = _prep_actors(verb, index, ("to", "for", "into"))
        frame.theme = [o for p, o in preps(np) if p in ("of", "including")]
        frame.theme += [c for c in np.children if c.dep_ == "compound"]
        if noun.i != np.i:
            frame.theme.append(np)
        if not frame.target:
            frame.target = recipient_in([o for p, o in preps(np) if p == "of"], index)
        return frame
    if tprep == "with" and sense.type not in ("CONSULT", "AGREE", "COOPERATE"):
        target = NONE
    of_target, _ = _prep_actors(np, index, ("of",))
    frame.target = target or of_target
    if not frame.target and sense.type in ("ACCUSE", "PROTEST", "REJECT"):
        frame.target = _reaction_target(np, index)
    if not frame.target and lemma in DEFAULT_TARGET and frame.source:
        frame.target = Actors((), None, (DEFAULT_TARGET[lemma],))
    if not frame.target and frame.source and (verb is not None or owners):
        # a target that is no actor ("an investigation into the spending"): text only
        what = next((o for p, o in preps(np) if p in allowed | {"into", "of"}
                     and o.pos_ in ("NOUN", "PROPN")
                     and not not_actor(o, speech=sense.frame == "speech")), None)
        if what is not None:
            frame.target = Actors((), np.doc[what.left_edge.i:what.i + 1].text)
    if lemma in needs_argument() and verb is None and not owners and not frame.source:
        return None
    return frame


def _reaction_target(np: Token, index: MentionIndex) -> Actors:
    """"Russia's veto thwarted it, prompting criticism from X": criticism of the actor
    whose deed prompted it."""
    verb = governing_verb(np)
    if verb is None or verb.lemma_.lower() not in reaction_verbs():
        return NONE
    cause = subject_of(verb)
    if cause is None and verb.dep_ in ("advcl", "conj"):
        cause = subject_of(verb.head) or next(
            (c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return actors_of(cause, index, deep=True)


def _agent_noun_frame(noun: Token, index: MentionIndex) -> Frame | None:
    """"X became a major supplier of munitions for Y": the copula subject is the source."""
    ptype = agent_nouns().get(noun.lemma_.lower())
    if ptype is None:
        return None
    np = _np_head(noun)
    if np.dep_ not in ("attr", "oprd", "appos", "pobj"):
        return None
    head = np.head
    if np.dep_ == "pobj" and head.lower_ == "as":
        head = head.head
    is_verb = head.pos_ in ("VERB", "AUX")
    source = actors_of(subject_of(head) if is_verb else head, index)
    target, _ = _prep_actors(np, index, ("for", "to"))
    frame = Frame(noun, Sense(ptype, "military", "give"), source, target, confidence=0.55)
    frame.theme = [o for p, o in preps(np) if p == "of"] + [
        c for c in noun.children if c.dep_ == "compound"]
    return frame


def noun_triggers(sent) -> list[Token]:
    return [t for t in sent if (t.pos_ in ("NOUN", "PROPN") or _gerund_noun(t)) and (
        _senses(t) or t.lemma_.lower() in agent_nouns()) and not _names_another(t)]


def _speaker(np: Token, index: MentionIndex) -> tuple:
    """The actors of whoever tells of the talks ("Pakistan's finance minister said discussions
    with the IMF are progressing"): one party of talks told by one side."""
    told = attribution_of(np)
    if told is None or told.claimant is None:
        return ()
    return actors_of(told.claimant, index).mentions


def _names_another(t: Token) -> bool:
    """"a ceasefire deal", "a partnership treaty": an event noun naming the kind of another
    event noun is that one's modifier, not an event of its own."""
    return t.dep_ == "compound" and t.head.i > t.i and t.head.pos_ == "NOUN" \
        and bool(_senses(t.head))


def _labour_strike(noun: Token, np: Token, above: Token | None) -> bool:
    """A strike by workers, not from the air: "a hunger strike", "called a general strike",
    "went on strike", "closed their shops in a strike against the levy"."""
    words = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound", "nmod")}
    if words & LABOUR_STRIKE_WORDS:
        return True
    if words & AIR_STRIKE_WORDS or np.dep_ != "pobj":
        return False
    return np.head.lower_ == "in" or (np.head.lower_ == "on" and above is not None
                                      and above.lemma_.lower() in protest_strike_verbs())


def _gerund_noun(t: Token) -> bool:
    """"[fighting between JNIM and Dozo hunters] left nine dead": a gerund tagged as a verb
    but standing as a noun phrase, with no subject or object of its own."""
    return t.tag_ == "VBG" and t.dep_ in ("nsubj", "nsubjpass", "pobj") and not any(
        c.dep_ in ("nsubj", "dobj", "aux") for c in t.children)



def _when(np: Token) -> bool:
    """"arrested activists after the rally": the event noun only dates the clause; the
    clause's subject is not its agent."""
    return np.dep_ == "pobj" and np.head.lower_ in TIME_PREPS


def _told_in(np: Token, index: MentionIndex) -> tuple[Actors, Actors] | None:
    """"A and B told C in phone conversations", "X assured Y during talks": the meeting is
    between the subject's parties and the one spoken to, not among the subject's."""
    if np.dep_ != "pobj" or np.head.lower_ not in ("in", "during", "over", "at"):
        return None
    verb = np.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in speech_stance():
        return None
    spoken_to = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
    source, target = actors_of(subject_of(verb), index), actors_of(spoken_to, index)
    if not source or not target or set(target.codes) & set(source.codes):
        return None
    return source, target
