"""Coders are pluggable: anything with `name`, `version` and `code(doc)` can be registered
and selected by name (`extract(doc, coder="rules")`, `newsgraph evaluate --coder`)."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from ..model import AnnotatedDoc, Event


@runtime_checkable
class Coder(Protocol):
    name: str
    version: str

    def code(self, doc: AnnotatedDoc) -> list[Event]: ...


_CODERS: dict[str, Coder] = {}


def register(coder: Coder) -> Coder:
    """Add (or replace) a coder under its name; returns it so it can decorate an instance."""
    _CODERS[coder.name] = coder
    return coder


def get(name: str) -> Coder:
    if name not in _CODERS:
        raise KeyError(f"no coder named {name!r}; registered: {', '.join(names())}")
    return _CODERS[name]


def names() -> list[str]:
    return sorted(_CODERS)
