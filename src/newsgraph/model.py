"""The records passed between pipeline stages.

All records are frozen dataclasses: a stage never mutates its input, so the
same stage functions run in one process, a process pool or a cluster map step.
Character offsets (`start`, `end`) always index into `Article.body`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any


def content_id(*parts: object) -> str:
    """A short stable id from the JSON form of `parts` (followthemoney-style)."""
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class RawDoc:
    """Bytes as they came in, before any cleaning."""

    id: str  # sha256 hex of `data`
    origin: str  # path, URL, or "path:LINE" for a JSONL line
    name: str  # what outputs call the doc: file name, or the `id` of a JSONL line
    content_type: str  # "text/plain" | "text/html"
    data: bytes
    fetched_at: str  # ISO 8601, UTC
    # Fields a JSONL line supplies directly (url, title, published, outlet, author).
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Block:
    """A run of the body written in one language (ISO 639-1)."""

    lang: str
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """A cleaned article: the body text and the metadata found around it."""

    doc_id: str
    name: str
    title: str | None
    body: str
    published: str | None  # YYYY-MM-DD
    published_source: str | None  # input | jsonld | meta | url | text | header
    outlet: str | None
    author: str | None
    url: str | None
    blocks: tuple[Block, ...] = ()
    removed: tuple[str, ...] = ()  # lines cleaning dropped, for audit

    @property
    def languages(self) -> list[str]:
        seen: list[str] = []
        for b in self.blocks:
            if b.lang not in seen:
                seen.append(b.lang)
        return seen


@dataclass(frozen=True)
class Actor:
    """Who acts. `code` is ISO3 for states, an IGO/group code, or None when unknown."""

    code: str | None
    name: str
    kind: str  # state | igo | group | person | other
    sector: str | None = None  # GOV MIL DIP LEG OPP JUD MED REB CVL BUS ...
    person: str | None = None
    office: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    actor: Actor
    via: str  # name | capital | demonym | office | person | coref | pronoun | unknown


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    lang: str = "en"


@dataclass(frozen=True)
class AnnotatedDoc:
    """An article with its parse. `parse` is the spaCy Doc over the body with
    non-English blocks blanked out, so token offsets are body offsets."""

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    parse: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Evidence:
    doc: str  # Article.name
    text: str  # the sentence
    start: int
    end: int


@dataclass(frozen=True)
class Claim:
    by: str | None  # actor code of the claimant
    stance: str  # asserts | denies | concedes
    by_text: str | None = None


@dataclass(frozen=True)
class Event:
    type: str  # PLOVER type
    mode: str | None
    source: tuple[str, ...]
    target: tuple[str, ...]
    source_text: str | None
    target_text: str | None
    evidence: Evidence
    item: str | None = None
    quantity: str | None = None
    date: str | None = None  # YYYY-MM-DD | YYYY-MM | YYYY
    date_precision: str | None = None  # day | month | year
    modality: str = "asserted"  # asserted | negated | hypothetical | future
    claims: tuple[Claim, ...] = ()
    confidence: float = 0.5
    coder: str = ""
    source_sector: str | None = None
    target_sector: str | None = None

    @property
    def id(self) -> str:
        return content_id(
            self.evidence.doc, self.evidence.start, self.type, self.source, self.target,
            self.item,
        )

    def to_json(self) -> dict[str, Any]:
        """The `extract` JSON contract (names are consumed by other tools; keep them)."""
        return {
            "id": self.id,
            "doc": self.evidence.doc,
            "type": self.type,
            "mode": self.mode,
            "source": list(self.source),
            "target": list(self.target),
            "source_text": self.source_text,
            "target_text": self.target_text,
            "item": self.item,
            "quantity": self.quantity,
            "date": self.date,
            "date_precision": self.date_precision,
            "modality": self.modality,
            "claims": [{"by": c.by, "stance": c.stance} for c in self.claims],
            "evidence": {
                "text": self.evidence.text,
                "start": self.evidence.start,
                "end": self.evidence.end,
            },
            "confidence": round(self.confidence, 3),
            "coder": self.coder,
        }


def article_json(a: Article) -> dict[str, Any]:
    """The `clean` JSON contract."""
    return {
        "doc": a.name,
        "title": a.title,
        "published": a.published,
        "published_source": a.published_source,
        "outlet": a.outlet,
        "author": a.author,
        "url": a.url,
        "languages": a.languages,
        "blocks": [asdict(b) for b in a.blocks],
        "body": a.body,
    }
