"""Loading the cleaner's vocabularies from data files, once per process."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

_DATA = resources.files("newsgraph.clean") / "data"


@cache
def boilerplate() -> dict[str, frozenset[str]]:
    raw = yaml.safe_load((_DATA / "boilerplate.yaml").read_text("utf-8"))
    return {k: frozenset(v.lower() for v in vals) for k, vals in raw.items()
            if not k.endswith("_patterns")}


@cache
def terminator_pattern() -> re.Pattern[str]:
    raw = yaml.safe_load((_DATA / "boilerplate.yaml").read_text("utf-8"))
    return re.compile("|".join(f"(?:{p})" for p in raw["terminator_patterns"]), re.I)


@cache
def wire() -> dict[str, Any]:
    return yaml.safe_load((_DATA / "wire.yaml").read_text("utf-8"))


@cache
def stopwords() -> dict[str, frozenset[str]]:
    """Stop-word sets by ISO 639-1 code."""
    out = {}
    for f in (_DATA / "stopwords").iterdir():
        if f.name.endswith(".txt"):
            words = [w.strip().lower() for w in f.read_text("utf-8").splitlines()]
            out[f.name[:-4]] = frozenset(w for w in words if w and not w.startswith("#"))
    return out


@cache
def stopword_index() -> dict[str, tuple[str, ...]]:
    """Word → the languages listing it as a stop word (one lookup per word)."""
    index: dict[str, list[str]] = {}
    for lang, words in stopwords().items():
        for w in words:
            index.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in index.items()}
