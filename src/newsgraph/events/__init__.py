"""PLOVER events from annotated documents.

`extract(doc)` runs the default rule coder; other coders plug in through `registry`.
"""

from __future__ import annotations

from ..model import AnnotatedDoc, Event
from . import registry
from .coder import RuleCoder
from .registry import Coder, get, names, register

register(RuleCoder())


def extract(doc: AnnotatedDoc, coder: str = "rules") -> list[Event]:
    return registry.get(coder).code(doc)


__all__ = ["Coder", "RuleCoder", "extract", "get", "names", "register"]
