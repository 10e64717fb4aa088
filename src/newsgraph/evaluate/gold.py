"""Gold files and the documents they name: loading, fixed halves, running the pipeline.

A gold file is a YAML list of documents (GUIDELINES.md). Its `doc` is a file name in a
corpus folder, or the `id` of a line of a JSONL file. A gold file may list fixed halves in
its header comment (`#   half A: id, id, ...`); scores are then reported per half too.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..errors import Errors, NewsgraphError
from ..model import Article, Event

HALF_LINE = re.compile(r"^#\s*half\s+(\w+)\s*:\s*(.+)$", re.IGNORECASE)


def load_gold(gold_path: str) -> list[dict]:
    try:
        docs = yaml.safe_load(Path(gold_path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise NewsgraphError(Errors.E010, gold_path, str(e).splitlines()[0]) from e
    if not isinstance(docs, list) or not all(isinstance(d, dict) and "doc" in d for d in docs):
        raise NewsgraphError(Errors.E010, gold_path, "expected a list of documents with `doc`")
    for d in docs:
        d["doc"] = str(d["doc"])
    return docs


def halves(gold_path: str) -> dict[str, list[str]]:
    """The fixed halves a gold file's header names, `{"A": [doc, ...], ...}` (may be empty)."""
    out: dict[str, list[str]] = {}
    try:
        lines = Path(gold_path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return out
    for line in lines:
        if not line.startswith("#"):
            break
        m = HALF_LINE.match(line)
        if m:
            out[m.group(1)] = [x.strip() for x in m.group(2).split(",") if x.strip()]
    return out


def _raws(gold_docs: list[dict], corpus_dir: str | None, jsonl: str | None):
    """One RawDoc (or None) per gold document, and the error lines of the missing ones."""
    from ..sources import DEFAULT_MAX_BYTES, read_paths
    from ..sources.files import read_file

    by_line: dict[str, object] = {}
    if jsonl:
        for item in read_paths([jsonl], DEFAULT_MAX_BYTES):
            if not isinstance(item, NewsgraphError):
                by_line.setdefault(item.name, item)
    raws, errors = [], []
    for g in gold_docs:
        raw = by_line.get(g["doc"])
        if raw is None and corpus_dir:
            path = Path(corpus_dir) / g["doc"]
            if path.is_file():
                raw = next(iter(read_file(path, DEFAULT_MAX_BYTES)), None)
        if raw is None or isinstance(raw, NewsgraphError):
            where = " or ".join(x for x in (corpus_dir, jsonl) if x) or "(no corpus)"
            detail = raw.line() if isinstance(raw, NewsgraphError) else f"{g['doc']} in {where}"
            errors.append(NewsgraphError(Errors.E011, g["doc"], detail).line())
            raw = None
        raws.append(raw)
    return raws, errors


def process(gold_docs: list[dict], corpus_dir: str | None, jsonl: str | None, coder: str,
            min_confidence: float | None = None
            ) -> tuple[list[tuple[dict, Article | None, list[Event]]], list[str]]:
    """clean -> annotate -> extract each gold document. A document that cannot be read or
    cleaned is kept with no article and no events: its gold events all count as misses."""
    from .. import clean as cleaner
    from ..annotate import annotate
    from ..events import extract

    raws, errors = _raws(gold_docs, corpus_dir, jsonl)
    present = [r for r in raws if r is not None]
    cleaned = iter(cleaner.clean_batch(present)) if present else iter(())
    out = []
    for g, raw in zip(gold_docs, raws, strict=True):
        article = next(cleaned) if raw is not None else None
        if isinstance(article, NewsgraphError):
            errors.append(article.line())
            article = None
        events = extract(annotate(article), coder, min_confidence) if article else []
        out.append((g, article, events))
    return out, errors
