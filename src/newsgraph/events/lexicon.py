"""The event vocabulary, loaded once from the data files.

`verbs.yaml` (our verb classes, with argument frames) takes precedence over
`verbs_cameo.tsv` (derived from PETRARCH2's CAMEO dictionary by scripts/derive_verbs.py),
which backs up verbs we did not classify by hand.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .. import yaml_fast

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Sense:
    type: str
    mode: str | None
    frame: str = "agent"  # agent | give | receive | speech | buy | mutual
    source: str = "hand"  # hand | cameo | pair (the classifier on an agent–patient pair)


def _data(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def _classes(section: dict) -> dict[str, list[Sense]]:
    table: dict[str, list[Sense]] = {}
    for key, spec in section.items():
        ptype = spec.get("type", key.split("/")[0])
        sense = Sense(ptype, spec.get("mode"), spec.get("frame", "agent"))
        for lemma in spec["lemmas"]:
            table.setdefault(str(lemma).replace("_", " "), []).append(sense)
    return table


@lru_cache(maxsize=1)
def _verbs() -> dict:
    return yaml_fast.safe_load(_data("verbs.yaml"))


@lru_cache(maxsize=1)
def _nouns() -> dict:
    return yaml_fast.safe_load(_data("nouns.yaml"))


@lru_cache(maxsize=1)
def hand_verbs() -> dict[str, list[Sense]]:
    return _classes(_verbs()["classes"])


@lru_cache(maxsize=1)
def cameo_verbs() -> tuple[dict[str, Sense], dict[tuple[str, str], Sense | None]]:
    """(lemma -> sense, (lemma, object) -> sense or None for a plain statement)."""
    plain: dict[str, Sense] = {}
    with_obj: dict[tuple[str, str], Sense | None] = {}
    rows = (r for r in _data("verbs_cameo.tsv").splitlines() if not r.startswith("#"))
    for row in csv.DictReader(rows, delimiter="\t"):
        sense = (Sense(row["plover"], row["mode"] or None, "agent", "cameo")
                 if row["plover"] else None)
        if row["object"]:
            with_obj[(row["lemma"], row["object"])] = sense
        elif sense:
            plain[row["lemma"]] = sense
    return plain, with_obj


def verb_senses(lemma: str, particle: str | None = None) -> list[Sense]:
    """Senses of a verb; a phrasal form ("call on") wins over the bare verb."""
    lemma = lemma.lower()
    hand = hand_verbs()
    if particle and f"{lemma} {particle}" in hand:
        return hand[f"{lemma} {particle}"]
    if lemma in hand:
        return hand[lemma]
    plain, _ = cameo_verbs()
    return [plain[lemma]] if lemma in plain and lemma not in not_events() else []


@lru_cache(maxsize=1)
def idioms() -> dict[tuple[str, str], Sense]:
    """(verb lemma, object or prepositional-object lemma) -> sense: "took to the streets"."""
    out = {}
    for key, spec in (_verbs().get("idioms") or {}).items():
        verb, word = key.split(" ", 1)
        out[(verb, word)] = Sense(spec["type"], spec.get("mode"), spec.get("frame", "agent"),
                                  "hand")
    return out


def verb_object_sense(lemma: str, obj: str) -> Sense | None:
    """A CAMEO verb+object pattern ("impose sanctions"), if one exists."""
    return cameo_verbs()[1].get((lemma.lower(), obj.lower()))


def verb_classes(lemma: str) -> list[tuple[str, str | None]]:
    """(PLOVER type, mode) pairs a verb lemma can code ("call on" style phrasal lemmas too)."""
    parts = lemma.lower().split(" ", 1)
    senses = verb_senses(parts[0], parts[1] if len(parts) > 1 else None)
    return list(dict.fromkeys((s.type, s.mode) for s in senses))


@lru_cache(maxsize=1)
def noun_table() -> dict[str, list[Sense]]:
    return _classes(_nouns()["nouns"])


def noun_senses(lemma: str) -> list[Sense]:
    return noun_table().get(lemma.lower(), [])


def noun_classes(lemma: str) -> list[tuple[str, str | None]]:
    """(PLOVER type, mode) pairs an event noun can code."""
    return list(dict.fromkeys((s.type, s.mode) for s in noun_senses(lemma)))


@lru_cache(maxsize=1)
def needs_argument() -> frozenset[str]:
    return frozenset(_nouns().get("needs_argument", []))


@lru_cache(maxsize=1)
def speech_stance() -> dict[str, str]:
    """Speech verb lemma -> stance of the claim it gives its clausal complement."""
    table: dict[str, str] = {}
    for stance, lemmas in _verbs()["speech"].items():
        for lemma in lemmas:
            table.setdefault(lemma.replace("_", " "), stance)
    return table


@lru_cache(maxsize=1)
def modal_verbs() -> dict[str, str]:
    table: dict[str, str] = {}
    for modality, lemmas in _verbs()["modal_verbs"].items():
        for lemma in lemmas:
            table[lemma] = modality
    return table


@lru_cache(maxsize=32)
def word_list(name: str) -> frozenset[str]:
    """A plain word list of verbs.yaml (official_modifiers, venue_nouns, ...)."""
    return frozenset(str(w) for w in _verbs().get(name, []))


@lru_cache(maxsize=1)
def hostage_verbs() -> frozenset[str]:
    return frozenset(_verbs().get("hostage_verbs", []))


def light_verbs() -> frozenset[str]:
    return frozenset(_verbs()["light_verbs"])


@lru_cache(maxsize=1)
def items() -> dict[tuple[str, ...], str]:
    """Lemma sequence -> item category."""
    table: dict[tuple[str, ...], str] = {}
    for item, phrases in yaml.safe_load(_data("items.yaml"))["items"].items():
        for phrase in phrases:
            table.setdefault(tuple(str(phrase).lower().split()), item)
    return table


@lru_cache(maxsize=1)
def carrier_verbs() -> frozenset[str]:
    return frozenset(_verbs().get("carrier_verbs", []))


@lru_cache(maxsize=1)
def purpose_verbs() -> frozenset[str]:
    return frozenset(_verbs().get("purpose_verbs", []))


@lru_cache(maxsize=1)
def agent_nouns() -> dict[str, str]:
    """Agent noun ("supplier") -> PLOVER type of the deed it names."""
    return {n: t for t, ns in _verbs().get("agent_nouns", {}).items() for n in ns}


@lru_cache(maxsize=1)
def warning_verbs() -> frozenset[str]:
    return frozenset(_verbs().get("warning_verbs", []))


@lru_cache(maxsize=1)
def reaction_verbs() -> frozenset[str]:
    return frozenset(_verbs().get("reaction_verbs", []))


@lru_cache(maxsize=1)
def manner_shifts() -> dict[str, tuple[str, str | None, str | None]]:
    """Adverb -> (type, mode, item): "supports militarily" is military aid."""
    return {adv: (s["type"], s.get("mode"), s.get("item"))
            for adv, s in _verbs().get("manner_shifts", {}).items()}


@lru_cache(maxsize=1)
def wrongdoing_nouns() -> frozenset[str]:
    return frozenset(str(w).replace("_", " ") for w in _nouns().get("wrongdoing", []))


@lru_cache(maxsize=1)
def not_events() -> frozenset[str]:
    return frozenset(_verbs().get("not_events", []))


@lru_cache(maxsize=1)
def reversal_verbs() -> frozenset[str]:
    return frozenset(_verbs().get("reversal_verbs", []))


@lru_cache(maxsize=1)
def granting_verbs() -> frozenset[str]:
    return frozenset(_verbs().get("granting_verbs", []))


@lru_cache(maxsize=1)
def force_nouns() -> frozenset[str]:
    return frozenset(_nouns().get("forces", []))


@lru_cache(maxsize=1)
def protest_strike_verbs() -> frozenset[str]:
    return frozenset(_nouns().get("protest_strike_verbs", []))


@lru_cache(maxsize=1)
def intent_adjectives() -> frozenset[str]:
    return frozenset(_verbs().get("intent_adjectives", []))


@lru_cache(maxsize=1)
def light_only_nouns() -> frozenset[str]:
    return frozenset(_nouns().get("light_only", []))


@lru_cache(maxsize=1)
def movement_verbs() -> frozenset[str]:
    return frozenset(_verbs().get("movement_verbs", []))


@lru_cache(maxsize=1)
def measure_nouns() -> frozenset[str]:
    return frozenset(_nouns().get("measures", []))


@lru_cache(maxsize=1)
def authored_nouns() -> frozenset[str]:
    return frozenset(_nouns().get("authored", []))


@lru_cache(maxsize=1)
def issuing_verbs() -> frozenset[str]:
    return frozenset(_nouns().get("issuing_verbs", []))


@lru_cache(maxsize=1)
def doer_nouns() -> frozenset[str]:
    """Plural nouns of people who act ("rebels", "protesters"): the actors' own list."""
    from ..actors.dictionary import sector_vocab
    return frozenset(str(w) for w in sector_vocab()["unknown_agents"])


@lru_cache(maxsize=1)
def time_words() -> frozenset[str]:
    return frozenset(_verbs().get("time_words", []))


@lru_cache(maxsize=1)
def document_nouns() -> frozenset[str]:
    return frozenset(_verbs().get("document_nouns", []))


@lru_cache(maxsize=1)
def imposing_verbs() -> frozenset[str]:
    return frozenset(_verbs().get("imposing_verbs", []))


@lru_cache(maxsize=1)
def retaliation_verbs() -> frozenset[str]:
    return frozenset(str(w).replace("_", " ") for w in _verbs().get("retaliation_verbs", []))


@lru_cache(maxsize=1)
def retaliation_nouns() -> frozenset[str]:
    return frozenset(_verbs().get("retaliation_nouns", []))
