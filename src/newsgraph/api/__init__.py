"""The analyst's desk: a read-only JSON API over the store, HTTP ingest and the web UI."""

from .app import create_app

__all__ = ["create_app"]
