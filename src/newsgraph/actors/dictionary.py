"""The actor dictionary: the YAML data files loaded once per process into lookup tables."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from .. import yaml_fast
from ..model import Actor

DATA = resources.files("newsgraph.actors") / "data"


@dataclass(frozen=True)
class Entry:
    """One surface form and what it names. `actor` is None for a blocker phrase."""

    text: str
    actor: Actor | None
    via: str  # name | capital | demonym | office (person names) | blocker
    weak: bool = False  # demonym that counts only when it modifies an agent noun
    within: tuple[str, ...] = ()  # context alias: needs one of these codes earlier in the doc
    person: str | None = None  # the person's name for office-holder entries
    surname_only: bool = False  # a bare surname: needs the full name earlier, or a title


@cache
def load(name: str) -> dict:
    """A data file, parsed once per process (states.yaml feeds several tables)."""
    with (DATA / name).open(encoding="utf-8") as fh:
        return yaml_fast.safe_load(fh)


def _variants(text: str) -> set[str]:
    """Surface variants matched as written: without a leading article, both apostrophes."""
    text = str(text).strip()
    if text.lower().startswith("the "):
        text = text[4:]
    out = {text}
    for a, b in (("'", "’"), ("’", "'")):
        if a in text:
            out.add(text.replace(a, b))
    return out


def _plurals(demonym: str) -> list[str]:
    """Derived plural nouns: Russians, Israelis (not for -ese/-ish/-ch adjectives)."""
    if demonym.endswith(("an", "i")) and " " not in demonym[-4:]:
        return [demonym + "s"]
    return []


@lru_cache(maxsize=1)
def states() -> list[dict]:
    return list(load("states.yaml")["states"])


@lru_cache(maxsize=1)
def places() -> dict[str, str]:
    """Lower-cased place name -> ISO3 (places.yaml is derived, see scripts/derive_actors.py;
    places_more.yaml adds provinces and cities by hand)."""
    out: dict[str, str] = {}
    for name in ("places.yaml", "places_more.yaml"):  # derived, then written by hand
        for code, names in (load(name).get("places") or {}).items():
            for n in names:
                out[str(n).lower()] = code
    return out


def place_state(head) -> str | None:
    """The state of a named place phrase headed by the spaCy token `head` ("Kharkiv",
    "the Gaza Strip"), from its compound words and itself."""
    if head.pos_ != "PROPN":
        return None
    name = " ".join(t.text for t in head.doc[head.left_edge.i:head.i + 1]
                    if t.dep_ in ("compound", head.dep_)).lower()
    return places().get(name)


@lru_cache(maxsize=1)
def ambiguous() -> frozenset[str]:
    return frozenset(str(a) for a in load("states.yaml").get("ambiguous") or ())


@lru_cache(maxsize=1)
def organisations() -> list[dict]:
    return list(load("organisations.yaml")["organisations"])


@lru_cache(maxsize=1)
def groups() -> list[dict]:
    return list(load("groups.yaml")["groups"])


@lru_cache(maxsize=1)
def sector_vocab() -> dict:
    return load("sectors.yaml")


@lru_cache(maxsize=1)
def codes() -> dict[str, Actor]:
    """Every code's default actor."""
    out: dict[str, Actor] = {}
    for s in states():
        out[s["iso3"]] = Actor(s["iso3"], s["name"], "state")
    for o in organisations():
        out.setdefault(o["code"], Actor(o["code"], o["name"], "igo", o.get("sector")))
    for g in groups():
        if g.get("state") and not g.get("from"):
            continue  # a de facto government codes as its state
        out[g["code"]] = Actor(g["code"], g["name"], "group",
                               "REB" if g.get("from") else g.get("sector", "REB"))
    return out


@lru_cache(maxsize=1)
def _de_facto() -> dict[str, tuple[str, str, str]]:
    """Group code -> (state, since, sector) for groups that became a de facto government."""
    return {g["code"]: (g["state"], str(g["from"]), g.get("sector", "GOV"))
            for g in groups() if g.get("state") and g.get("from")}


def dated(actor: Actor, date: str | None) -> Actor:
    """The actor as of `date`: the Taliban are the insurgency TALIBAN before 15 August 2021 and
    the state AFG after (undated text: the present)."""
    found = _de_facto().get(actor.code or "")
    if found is None or actor.kind != "group":
        return actor
    state, since, sector = found
    if date is not None and date < since:
        return actor
    return Actor(state, actor.name, "state", sector)


@lru_cache(maxsize=1)
def theatres() -> dict[str, tuple[str, ...]]:
    """Armed group code -> the states it fights in (`in` in groups.yaml)."""
    return {g["code"]: tuple(g.get("in") or ()) for g in groups()}


@lru_cache(maxsize=1)
def entries() -> dict[str, list[Entry]]:
    """Surface text -> entries, for the phrase matcher and for `lookup`."""
    from .offices import people  # offices.py builds on this module
    table: dict[str, list[Entry]] = {}

    def add(text: str, entry: Entry) -> None:
        for v in _variants(text):
            table.setdefault(v, []).append(
                Entry(v, entry.actor, entry.via, entry.weak, entry.within, entry.person,
                      entry.surname_only)
            )

    data = load("states.yaml")
    for b in data.get("blockers") or ():
        add(b, Entry(b, None, "blocker"))
    for s in states():
        actor = Actor(s["iso3"], s["name"], "state")
        weak = set(s.get("weak") or ())
        for n in [s["name"], s.get("official"), *(s.get("aliases") or ())]:
            if n:
                add(n, Entry(n, actor, "name"))
        for d in s.get("demonyms") or ():
            add(d, Entry(d, actor, "demonym", weak=d in weak))
            for pl in _plurals(d):
                add(pl, Entry(pl, actor, "demonym", weak=d in weak))
        for c in [*(s.get("capitals") or ()), *(s.get("metonyms") or ())]:
            add(c, Entry(c, actor, "capital"))
    for o in organisations():
        actor = Actor(o["code"], o["name"], "igo", o.get("sector"))
        for n in [o["name"], *(o.get("aliases") or ())]:
            add(n, Entry(n, actor, "name"))
        for n in o.get("context") or ():
            add(n, Entry(n, actor, "name", within=tuple(o.get("within") or (o["code"],))))
    for g in groups():
        if g.get("state") and not g.get("from"):
            actor = Actor(g["state"], g["name"], "state", g.get("sector", "GOV"))
        else:
            actor = codes()[g["code"]]
        for n in [g["name"], *(g.get("aliases") or ())]:
            add(n, Entry(n, actor, "name"))
    for p in people():
        for n in (p.name, *p.aliases):
            add(n, Entry(n, None, "office", person=p.name))
        for n in {p.surname, *p.short}:
            add(n, Entry(n, None, "office", person=p.name, surname_only=n not in p.short))
    return table


@lru_cache(maxsize=1)
def _sector_keys() -> dict[tuple[str, ...], str]:
    out: dict[tuple[str, ...], str] = {}
    for sector, keys in sector_vocab()["sectors"].items():
        for k in keys:
            out.setdefault(tuple(str(k).lower().split()), sector)
    return out


def sector_of(words: list[str]) -> str | None:
    """The sector of a phrase: the longest vocabulary keyword that ends the phrase."""
    words = [w.lower() for w in words]
    keys = _sector_keys()
    for n in range(min(len(words), 4), 0, -1):
        found = keys.get(tuple(words[-n:]))
        if found:
            return found
    return None
