"""PLOVER events from annotated documents.

`extract(doc)` runs the default rule coder; other coders plug in through `registry`.
"""

from __future__ import annotations

from ..model import AnnotatedDoc, Event
from . import registry
from .coder import RuleCoder
from .confidence import default_threshold
from .registry import Coder, get, names, register

register(RuleCoder())


def extract(doc: AnnotatedDoc, coder: str = "rules",
            min_confidence: float | None = None) -> list[Event]:
    """The coder's events at or above `min_confidence` (default: data/confidence.yaml)."""
    floor = default_threshold() if min_confidence is None else min_confidence
    return [e for e in registry.get(coder).code(doc) if e.confidence >= floor]


__all__ = ["Coder", "RuleCoder", "default_threshold", "extract", "get", "names", "register"]
