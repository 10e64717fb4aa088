"""The SQLite store: schema (schema.sql), connection and migrations (db), writes, queries."""

from .db import SCHEMA_VERSION, connect
from .query import EventFilter, article, events, find_doc, search, summary
from .write import add_document, known

__all__ = [
    "SCHEMA_VERSION", "EventFilter", "add_document", "article", "connect", "events",
    "find_doc", "known", "search", "summary",
]
