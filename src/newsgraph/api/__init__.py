"""The analyst's desk: a read-only JSON API over the store, HTTP ingest and the web UI.

`create_app` is imported lazily: the exports reuse this package's read queries without
loading FastAPI."""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(name)


__all__ = ["create_app"]
