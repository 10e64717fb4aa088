"""One document's records as one Parquet row, and back, losslessly.

The row carries what `store.add_document` needs (raw document, article, sentences,
mentions, events with their claims) as JSON columns, so a loaded document is the document a
local run would store; `events_rows` and `mention_rows` flatten them for analytics
(DuckDB, pandas) without the store.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from ..errors import NewsgraphError
from ..model import (
    Actor,
    AnnotatedDoc,
    Article,
    Block,
    Claim,
    Event,
    Evidence,
    Mention,
    RawDoc,
    Sentence,
)

Row = dict[str, Any]


def document_row(seq: int, raw: RawDoc, outcome: tuple[AnnotatedDoc, list[Event]] | Any) -> Row:
    """`outcome` is (doc, events) or a `parallel.Failed`."""
    row: Row = {"seq": seq, "doc_id": raw.id, "origin": raw.origin, "name": raw.name,
                "content_type": raw.content_type, "fetched_at": raw.fetched_at,
                "meta": _js(raw.meta), "data": raw.data, "error": None, "article": None,
                "sentences": None, "mentions": None, "events": None}
    if isinstance(outcome, tuple):
        doc, events = outcome
        row.update(article=_js(asdict(doc.article)), sentences=_js(_dicts(doc.sentences)),
                   mentions=_js(_dicts(doc.mentions)), events=_js(_dicts(events)))
    else:
        row["error"] = _js(asdict(outcome))
    return row


def from_row(row: Row) -> tuple[RawDoc, AnnotatedDoc | NewsgraphError, list[Event]]:
    raw = RawDoc(row["doc_id"], row["origin"], row["name"], row["content_type"], row["data"],
                 row["fetched_at"], json.loads(row["meta"]))
    if row["error"] is not None:
        from ..parallel import Failed

        return raw, Failed(**json.loads(row["error"])).error(), []
    a = json.loads(row["article"])
    article = Article(**{**a, "blocks": tuple(Block(**b) for b in a["blocks"]),
                         "removed": tuple(a["removed"])})
    sentences = tuple(Sentence(**s) for s in json.loads(row["sentences"]))
    mentions = tuple(Mention(**{**m, "actor": Actor(**m["actor"])})
                     for m in json.loads(row["mentions"]))
    return raw, AnnotatedDoc(article, sentences, mentions), [
        _event(e) for e in json.loads(row["events"])]


def event_rows(row: Row) -> list[Row]:
    """The document's events, one flat row each (lists and claims as JSON text)."""
    out = []
    for e in json.loads(row["events"] or "[]"):
        ev = _event(e)
        flat = {k: (_js(v) if isinstance(v, list | dict) else v) for k, v in e.items()
                if k != "evidence"}
        out.append({"doc_id": row["doc_id"], "seq": row["seq"], "event_id": ev.id, **flat,
                    "evidence_text": ev.evidence.text, "evidence_start": ev.evidence.start,
                    "evidence_end": ev.evidence.end})
    return out


def mention_rows(row: Row) -> list[Row]:
    out = []
    for i, m in enumerate(json.loads(row["mentions"] or "[]")):
        actor = m.pop("actor")
        out.append({"doc_id": row["doc_id"], "seq": row["seq"], "n": i, **m,
                    **{f"actor_{k}": v for k, v in actor.items()}})
    return out


def _event(e: dict) -> Event:
    return Event(**{**e, "source": tuple(e["source"]), "target": tuple(e["target"]),
                    "evidence": Evidence(**e["evidence"]),
                    "claims": tuple(Claim(**c) for c in e["claims"])})


def _dicts(records) -> list[dict]:
    return [asdict(r) for r in records]


def _js(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)
