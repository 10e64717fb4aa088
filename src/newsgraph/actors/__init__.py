"""Actors: the dictionary (states, organisations, armed groups, dated office holders) and the
resolver that finds actor mentions in a parsed article."""

from __future__ import annotations

from .lookup import actor_for_code, lookup
from .resolver import find_mentions

__all__ = ["actor_for_code", "find_mentions", "lookup"]
