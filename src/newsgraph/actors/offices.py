"""Office holders with dated terms (offices.yaml): who held which office when."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..model import Actor
from .dictionary import load


@dataclass(frozen=True)
class Term:
    code: str
    office: str
    start: str
    end: str | None
    title: str | None = None  # the usual title when it differs from the office's ("president")


@dataclass(frozen=True)
class Person:
    name: str
    aliases: tuple[str, ...]
    surname: str
    short: tuple[str, ...]
    terms: tuple[Term, ...]


OFFICE_SECTOR = {
    "head_of_state": "GOV", "head_of_government": "GOV", "vice_president": "GOV",
    "foreign_minister": "DIP", "defence_minister": "MIL", "un_ambassador": "DIP",
    "spokesperson": "GOV", "official": "GOV",
}


@lru_cache(maxsize=1)
def office_titles() -> dict[str, str]:
    return dict(load("offices.yaml")["titles"])


def _date(value: object) -> str | None:
    return None if value is None else str(value)


@lru_cache(maxsize=1)
def people() -> tuple[Person, ...]:
    out = []
    for p in load("offices.yaml")["people"]:
        name = str(p["name"])
        terms = tuple(
            Term(str(t["code"]), str(t["office"]), _date(t["from"]), _date(t.get("to")),
                 t.get("title"))
            for t in p["terms"]
        )
        out.append(Person(
            name=name,
            aliases=tuple(str(a) for a in p.get("aliases") or ()),
            surname=str(p.get("surname") or name.split()[-1]),
            short=tuple(str(s) for s in p.get("short") or ()),
            terms=terms,
        ))
    return tuple(out)


@lru_cache(maxsize=1)
def people_by_name() -> dict[str, Person]:
    return {p.name: p for p in people()}


def title_of(words: list[str]) -> str | None:
    """The office title ending a phrase: "Foreign Minister" -> "foreign minister"."""
    words = [w.lower() for w in words if w not in ("'s", "’s")]
    titles = office_titles()
    for n in range(min(len(words), 6), 0, -1):
        t = " ".join(words[-n:])
        if t in titles:
            return t
    return None


def term_at(person: Person, date: str | None) -> Term:
    """The term valid on `date`; else the latest that began before it; else the latest."""
    terms = sorted(person.terms, key=lambda t: t.start)
    if date:
        valid = [t for t in terms if t.start <= date and (t.end is None or date <= t.end)]
        if valid:
            return valid[-1]
        before = [t for t in terms if t.start <= date]
        if before:
            return before[-1]
    return terms[-1]


def holder(code: str, title: str, date: str | None) -> Person | None:
    """Who held the office a title names ("foreign minister") for `code` on `date` (the latest
    holder when `date` is None). A term's own `title` beats the generic title -> office map."""
    office = office_titles().get(title)
    best: tuple[str, Person] | None = None
    for exact in (True, False):
        for p in people():
            for t in p.terms:
                if t.code != code:
                    continue
                if exact and t.title != title:
                    continue
                if not exact and (t.office != office or t.title not in (None, title)):
                    continue
                if date is not None and not (t.start <= date and (t.end is None or date <= t.end)):
                    continue
                if best is None or t.start > best[0]:
                    best = (t.start, p)
        if best:
            return best[1]
    return None


def person_actor(person: Person, date: str | None) -> Actor:
    t = term_at(person, date)
    return Actor(
        code=t.code, name=person.name, kind="person", sector=OFFICE_SECTOR.get(t.office, "GOV"),
        person=person.name, office=t.office, valid_from=t.start, valid_to=t.end,
    )
