"""YAML data files read with libyaml's C loader when PyYAML was built with it: the actor
dictionary and the verb lexicon take seconds through the pure-Python loader at start-up."""

from __future__ import annotations

from typing import IO, Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(stream: str | bytes | IO) -> Any:
    """`yaml.safe_load`, faster: the same safe subset of YAML."""
    return yaml.load(stream, Loader=_LOADER)  # noqa: S506 - a safe loader
