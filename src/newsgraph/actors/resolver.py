"""find_mentions: dictionary hits -> context -> coreference -> actors beyond the dictionary."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Article, Mention
from .armed import armed_mentions
from .cand import Cand, cand, to_mention
from .context import extend
from .coref import resolve_coref
from .dictionary import Entry, codes, dated, sector_vocab
from .matcher import Hit, dictionary_hits, place_hits
from .offices import people_by_name, person_actor
from .setting import find_setting
from .unknown import unknown_actors

HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "ayatollah",
              "sheikh", "gen", "gen.", "general", "mullah", "mawlawi", "maulana", "capt.",
              "captain", "col.", "colonel", "lt.", "brig.", "maj."}


def _titled(doc: Doc, i: int) -> bool:
    """A title just before the name: "President Zelensky", "Minister Lavrov"."""
    if i == 0:
        return False
    prev = doc[i - 1].lower_
    return prev in HONORIFICS or prev in {str(p) for p in sector_vocab()["persons"]}


def _pick_person(hit: Hit, doc: Doc, seen: list[str]) -> str | None:
    """Which person a name hit means, or None when a bare surname is not licensed."""
    names = [e.person for e in hit.entries if e.person]
    full = [e.person for e in hit.entries if e.person and not e.surname_only]
    if full:
        # A full name or a `short` name; among several, prefer one already seen.
        for name in reversed(seen):
            if name in full:
                return name
        return full[0]
    for name in reversed(seen):
        if name in names:
            return name
    if _titled(doc, hit.tok_start) and len(set(names)) == 1:
        return names[0]
    return None


def _base(doc: Doc, article: Article) -> list[Cand]:
    out: list[Cand] = []
    seen_people: list[str] = []
    seen_codes: set[str] = set()
    for hit in dictionary_hits(doc):
        actors = [e for e in hit.entries if e.actor is not None]
        c: Cand | None = None
        if any(e.person for e in hit.entries) and not any(e.via == "name" for e in actors):
            name = _pick_person(hit, doc, seen_people)
            if name:
                actor = person_actor(people_by_name()[name], article.published)
                c = cand(doc, hit.tok_start, hit.tok_end, actor, "office")
                seen_people.append(name)
        elif actors:
            plain = [e for e in actors if not e.within]
            bare = hit.tok_start > 0 and doc[hit.tok_start - 1].lower_ == "the"
            # "the Council" in a UN story; not "the Security Council", "National Assembly"
            ctx = [e for e in actors if e.within and bare and seen_codes & set(e.within)]
            chosen: Entry | None = (plain or ctx or [None])[0]
            if chosen is not None:
                strong = [e for e in plain if not e.weak]
                chosen = strong[0] if strong else chosen
                c = cand(doc, hit.tok_start, hit.tok_end, dated(chosen.actor, article.published),
                         chosen.via, weak=chosen.weak)
        if c is None or (c.via == "capital" and _names_a_pact(doc, c)):
            continue
        if hit.start != c.start or hit.end != c.end:  # a sub-token hit ("U.S.-led")
            c = Cand(c.i, c.j, hit.start, hit.end, c.actor, c.via, c.weak)
        if c.actor.code:
            seen_codes.add(c.actor.code)
        out.append(c)
    taken = {k for c in out for k in c.tokens()}
    for i, j, code in place_hits(doc):
        if not any(k in taken for k in range(i, j)) and code in codes():
            # A place counts only inside an agent phrase ("the Gujarat government").
            out.append(cand(doc, i, j, codes()[code], "name", weak=True))
    out.sort(key=lambda c: c.start)
    return out


# A city naming a pact, a format or a process is a place, not its state ("the Doha agreement",
# "the Minsk accords", "the Paris climate deal", "the Astana format").
PACT_NOUNS = {"agreement", "agreements", "accord", "accords", "treaty", "deal", "pact",
              "protocol", "convention", "conventions", "format", "process", "declaration",
              "framework", "plan", "communique", "charter", "statute"}


def _names_a_pact(doc: Doc, c: Cand) -> bool:
    head = doc[c.j - 1]
    while head.dep_ in ("compound", "nmod", "amod") and head.head.i > head.i:
        head = head.head
        if head.lemma_.lower() in PACT_NOUNS or head.lower_ in PACT_NOUNS:
            return True
    return False


def find_mentions(parse: Doc, article: Article) -> list[Mention]:
    """Actor mentions in `parse` (the body's spaCy Doc), sorted by start; offsets into the body."""
    cands = extend(parse, _base(parse, article), article.published)
    setting = find_setting(parse, cands, article)
    cands = resolve_coref(parse, cands, article)
    cands += armed_mentions(parse, cands, {k for c in cands for k in c.tokens()}, setting.sent_of)
    cands += unknown_actors(parse, cands, setting, article.published)
    cands.sort(key=lambda c: (c.start, c.end))
    text = parse.text
    return [to_mention(text, c) for c in cands]
