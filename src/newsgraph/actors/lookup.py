"""Resolving a bare name, alias or title ("Moscow", "U.S.", "Sergey Lavrov", "US Secretary of
State") to an Actor, without a parse."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from ..model import Actor
from .dictionary import Entry, codes, dated, entries, sector_of
from .offices import OFFICE_SECTOR, holder, office_titles, people_by_name, person_actor


@lru_cache(maxsize=1)
def _lower_index() -> dict[str, list[Entry]]:
    out: dict[str, list[Entry]] = {}
    for text, found in entries().items():
        out.setdefault(text.lower(), []).extend(found)
    return out


def _norm(text: str) -> str:
    text = " ".join(text.split()).strip(" ,.;:")
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    if text.lower().startswith("the "):
        text = text[4:]
    return text


def _from_entries(found: list[Entry], date: str | None) -> Actor | None:
    found = [e for e in found if e.via != "blocker"]
    persons = [e.person for e in found if e.person]
    if persons and not any(e.actor for e in found):
        chosen = [people_by_name()[n] for n in dict.fromkeys(persons)]
        if date:
            valid = [p for p in chosen if any(
                t.start <= date and (t.end is None or date <= t.end) for t in p.terms)]
            chosen = valid or chosen
        return person_actor(chosen[0], date)
    plain = [e for e in found if e.actor and not e.within and not e.weak]
    plain = plain or [e for e in found if e.actor]
    return dated(plain[0].actor, date) if plain else None


def _title(text: str, date: str | None) -> Actor | None:
    """"Russian Foreign Minister" -> the holder on `date` (or the state with the sector)."""
    words = text.split()
    for k in range(len(words) - 1, 0, -1):
        left, right = " ".join(words[:k]), " ".join(words[k:]).lower()
        office = office_titles().get(right)
        state = lookup(left, date) if office else None
        if state is None or state.kind == "person":
            continue
        who = holder(state.code, right, date)
        if who is not None:
            return person_actor(who, date)
        return replace(state, sector=OFFICE_SECTOR.get(office, "GOV"))
    return None


def lookup(text: str, date: str | None = None) -> Actor | None:
    """The actor a bare name, alias or title denotes; `date` (YYYY-MM-DD) picks the holder."""
    raw = " ".join(text.split())
    text = _norm(text)
    if not text:
        return None
    found = (entries().get(raw) or entries().get(text) or _lower_index().get(text.lower())
             or [])
    if text.lower() == "us" and text != "US":
        found = []  # the pronoun "us"
    actor = _from_entries(found, date) if found else None
    return actor or _title(text, date) or _named_within(text, date) or _agent_phrase(text, date)


def _agent_phrase(text: str, date: str | None) -> Actor | None:
    """"the Persian nation", "Russian Armed Forces", "Iran's Foreign Ministry" -> the state."""
    words = text.split()
    for k in range(len(words) - 1, 0, -1):
        sector = sector_of(words[k:])
        if not sector:
            continue
        found = [e for e in entries().get(_norm(" ".join(words[:k])), []) if e.actor]
        if found and found[0].actor.kind in ("state", "igo"):
            return replace(found[0].actor, sector=sector)
    return None


def _named_within(text: str, date: str | None) -> Actor | None:
    """A full name inside a longer phrase: "Ukraine's President Volodymyr Zelensky",
    "Penny Wong, Australia's foreign minister"."""
    words = text.replace(",", " ").split()
    for n in range(len(words) - 1, 1, -1):
        for i in range(len(words) - n + 1):
            found = [e for e in entries().get(" ".join(words[i:i + n]), [])
                     if e.person and not e.surname_only]
            if found:
                return person_actor(people_by_name()[found[0].person], date)
    return None


def actor_for_code(code: str) -> Actor | None:
    return codes().get(code.strip().upper()) if code else None
