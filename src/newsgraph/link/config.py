"""Linking parameters and item families, read once from data/*.yaml."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

_DATA = Path(__file__).parent / "data"


@cache
def _load(name: str) -> dict[str, Any]:
    return yaml.safe_load((_DATA / name).read_text(encoding="utf-8"))


_OVERRIDES: dict[str, dict[str, Any]] = {}


def params() -> dict[str, Any]:
    """The parameters with this process's overrides (read-only: the same dict each call,
    rebuilt when `override` changes it; linking reads it thousands of times a second)."""
    return _merged()


@cache
def _merged() -> dict[str, Any]:
    base = _load("params.yaml")
    return {k: {**v, **_OVERRIDES.get(k, {})} for k, v in base.items()}


def override(section: str, **values: Any) -> None:
    """Set parameters for this process (the scorer sweeps the date window with it)."""
    _OVERRIDES.setdefault(section, {}).update(values)
    _merged.cache_clear()


@cache
def item_family(item: str | None) -> str | None:
    """The family of a specific item; None for no item or a generic one."""
    if item is None or item in _load("items.yaml")["generic"]:
        return None
    for family, members in _load("items.yaml")["families"].items():
        if item in members:
            return family
    return item


def items_compatible(x: str | None, y: str | None) -> bool:
    """Same family, or both generic/absent. A generic mention ("weapons") is not joined
    to a specific one: it could bridge a drone fact and a missile fact of one pair,
    and which one it belongs to would then depend on the order of arrival."""
    return item_family(x) == item_family(y)
