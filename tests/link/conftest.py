"""Shared helpers for the linking tests: small articles we write, ingested for real."""

from __future__ import annotations

import json
from pathlib import Path

from newsgraph import pipeline, store


def write_jsonl(path: Path, lines: list[dict]) -> Path:
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


def ingest(db: Path, *paths: Path):
    errors = []
    summary = pipeline.ingest([str(p) for p in paths], db, n_process=1, progress=False,
                              on_error=errors.append)
    assert not errors, [e.line() for e in errors]
    return summary


def connect(db: Path):
    return store.connect(db, create=False)
