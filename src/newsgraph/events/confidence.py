"""Event confidence: the trigger's prior times one factor per doubt (data/confidence.yaml)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import yaml

from .patterns import Actors

TARGETLESS_TYPES = {"MOBILIZE", "PROTEST"}  # complete without a target


@cache
def table() -> dict:
    return yaml.safe_load(files("newsgraph.events").joinpath("data/confidence.yaml").read_text())


def default_threshold() -> float:
    return float(table()["threshold"])


def confidence(prior: float, modality: str, source: Actors, target: Actors, etype: str,
               trigger_source: str | None, denied: bool = False) -> float:
    """`denied`: a negated deed someone denies ("Brazil said it has not sent arms") is a
    claim the ledger needs, not a doubt about the event."""
    t = table()
    conf = prior * (1.0 if denied else t["modality"].get(modality, 0.5))
    vias = [m.via for side in (source, target) for m in side.mentions]
    if vias:
        conf *= min(t["via"].get(v, 0.85) for v in vias)
    if not target and etype not in TARGETLESS_TYPES:
        conf *= t["sides"]["no_target"]
    if trigger_source == "pair":
        conf *= t["trigger"]["pair"]
    return round(conf, 3)


def side_factor(kind: str) -> float:
    return float(table()["sides"][kind])
