"""The PLOVER types and their properties, read from data/ontology.yaml."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

_FILE = Path(__file__).parent / "data" / "ontology.yaml"


@cache
def _ontology() -> dict:
    return yaml.safe_load(_FILE.read_text(encoding="utf-8"))


def types() -> tuple[str, ...]:
    return tuple(_ontology()["types"])


def symmetric() -> frozenset[str]:
    return frozenset(t for t, p in _ontology()["types"].items() if p.get("symmetric"))


def speech_acts() -> frozenset[str]:
    return frozenset(t for t, p in _ontology()["types"].items() if p.get("speech"))


def older_names() -> dict[str, tuple[str, ...]]:
    return {old: tuple(new) for old, new in _ontology()["older"].items()}
