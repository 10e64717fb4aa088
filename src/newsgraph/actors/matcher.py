"""Dictionary matching over a parse: every surface form, case-sensitive, longest match wins."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .dictionary import Entry, ambiguous, entries, places

# Rest of a hyphenated token whose first part may name an actor: "U.S.-led", "Iran-made".
HYPHEN_TAILS = ("led", "backed", "made", "brokered", "sponsored", "based", "funded", "allied",
                "supplied", "built", "controlled", "owned", "run", "designed", "produced")


POSSESSIVES = ("´s", "`s", "‘s")


@dataclass(frozen=True)
class Hit:
    start: int  # character offsets into the doc text
    end: int
    tok_start: int  # token span (a sub-token hit covers its whole token)
    tok_end: int
    entries: tuple[Entry, ...]


@lru_cache(maxsize=1)
def _matcher() -> PhraseMatcher:
    from ..nlp import english

    nlp = english()
    m = PhraseMatcher(nlp.vocab, attr="ORTH")
    for text in entries():
        m.add(text, [nlp.make_doc(text)])
    return m


@lru_cache(maxsize=1)
def _place_matcher() -> PhraseMatcher:
    from ..nlp import english

    nlp = english()
    m = PhraseMatcher(nlp.vocab, attr="LOWER")
    for name in places():
        m.add(name, [nlp.make_doc(name)])
    return m


def place_hits(doc: Doc) -> list[tuple[int, int, str]]:
    """(token start, token end, ISO3) of capitalised place names, longest first wins."""
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    table = places()
    spans = sorted((Span(doc, i, j, label=k) for k, i, j in _place_matcher()(doc)),
                   key=lambda s: (-(s.end - s.start), s.start))
    taken: set[int] = set()
    out = []
    for s in spans:
        if any(k in taken for k in range(s.start, s.end)):
            continue
        if not all(t.is_title or t.is_upper or not t.is_alpha or t.is_stop for t in s):
            continue
        if not (s[0].is_title or s[0].is_upper) or _inside_person(s, persons):
            continue
        taken.update(range(s.start, s.end))
        out.append((s.start, s.end, table[doc.vocab.strings[s.label]]))
    return out


def _sub_token(text: str, table: dict) -> str | None:
    """An actor name inside one token: "U.S.-led", "Colombia´s" (odd apostrophes)."""
    if text.endswith("-") and text[:-1] in table:  # "Mexican- and Canadian-made"
        return text[:-1]
    head, _, tail = text.partition("-")
    if tail and tail.lower() in HYPHEN_TAILS and head in table:
        return head
    for suffix in POSSESSIVES:
        if text.endswith(suffix) and text[: -len(suffix)] in table:
            return text[: -len(suffix)]
    return None


def _shouting(doc: Doc, i: int, j: int) -> bool:
    """Neighbours in capitals: "LET US" is not the United States."""
    near = [doc[k] for k in (i - 1, j) if 0 <= k < len(doc)]
    return any(t.is_alpha and t.is_upper and len(t) > 1 for t in near)


def _inside_person(span: Span, persons: list[Span]) -> bool:
    """A state word inside a longer PERSON name: "Jordan Peterson", "George Washington"."""
    for ent in persons:
        if ent.start <= span.start and span.end <= ent.end:
            return len(ent) > len(span)
    return False


def _part_of_other_name(doc: Doc, span: Span, persons: list[Span], found: list[Entry]) -> bool:
    """A name inside someone else's: "Michel" in "Michel Aoun", "Abe" in "Abe Lincoln"."""
    nxt = doc[span.end] if span.end < len(doc) else None
    if (all(e.surname_only for e in found) and nxt is not None and nxt.pos_ == "PROPN"
            and nxt.is_title):
        return True
    return _inside_person(span, persons)


def _negated_prefix(doc: Doc, i: int) -> bool:
    """"pro-Russian", "anti-American": an attitude, not the state acting."""
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("pro", "anti"):
        return True
    return i >= 1 and doc[i - 1].lower_ in ("pro-", "anti-")


def _us_state(doc: Doc, i: int, text: str) -> bool:
    """"Atlanta, Georgia": a place name and a comma before an ambiguous state name."""
    return (text in ambiguous() and i >= 2 and doc[i - 1].text == ","
            and doc[i - 2].ent_type_ == "GPE" and doc[i - 2].text not in entries())


def dictionary_hits(doc: Doc) -> list[Hit]:
    table = entries()
    spans = []
    for match_id, i, j in _matcher()(doc):
        spans.append(Span(doc, i, j, label=match_id))
    # Longest match wins; ties go to the earlier span.
    spans.sort(key=lambda s: (-(s.end - s.start), s.start))
    taken: set[int] = set()
    hits = []
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    for s in spans:
        if any(k in taken for k in range(s.start, s.end)):
            continue
        taken.update(range(s.start, s.end))
        found = table.get(doc.vocab.strings[s.label], [])
        found = [e for e in found if e.via != "blocker"]
        if not found:
            continue  # a blocker phrase swallowed the words
        if len(s.text) <= 3 and s.text.isupper() and _shouting(doc, s.start, s.end):
            continue
        state = any(e.actor is not None and e.actor.kind == "state" for e in found)
        if state and (_inside_person(s, persons) or _us_state(doc, s.start, s.text)):
            continue
        if all(e.person for e in found) and _part_of_other_name(doc, s, persons, found):
            continue
        if s.start > 0 and doc[s.start - 1].lower_ == "ethnic":
            continue  # "ethnic Albanians": a people, not the state
        if _negated_prefix(doc, s.start):
            continue
        hits.append(Hit(s.start_char, s.end_char, s.start, s.end, tuple(found)))
    for t in doc:
        if t.i in taken:
            continue
        head = _sub_token(t.text, table)
        if head:
            found = tuple(e for e in table[head] if e.actor is not None)
            if found:
                hits.append(Hit(t.idx, t.idx + len(head), t.i, t.i + 1, found))
    hits.sort(key=lambda h: h.start)
    return hits
