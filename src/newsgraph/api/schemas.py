"""Response models: they make /openapi.json describe what every route returns."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorInfo(BaseModel):
    code: str
    status: int
    message: str


class ErrorBody(BaseModel):
    error: ErrorInfo


class Span(BaseModel):
    text: str
    start: int
    end: int


class ClaimRef(Open):
    by: str | None
    stance: str
    by_text: str | None = None


class Event(Open):
    id: str
    doc: str
    doc_id: str
    type: str
    mode: str | None
    quad: str | None
    source: list[str | None]
    target: list[str | None]
    source_text: str | None
    target_text: str | None
    item: str | None
    quantity: str | None
    date: str | None
    date_precision: str | None
    modality: str
    claims: list[ClaimRef]
    evidence: Span
    confidence: float
    coder: str
    published: str | None
    title: str | None
    facts: list[str] = []


class DocumentRow(Open):
    doc_id: str
    name: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None
    languages: list[str]
    events: int


class Mention(Open):
    start: int
    end: int
    text: str
    code: str | None
    actor: str
    kind: str


class Document(Open):
    doc_id: str
    name: str
    title: str | None
    body: str
    published: str | None
    outlet: str | None
    author: str | None
    url: str | None
    languages: list[str]
    removed: list[str]
    blocks: list[dict[str, Any]]
    events: list[Event]
    mentions: list[Mention]
    copy_of: str | None = None


class Actor(Open):
    code: str
    name: str
    kind: str | None
    sector: str | None
    office_holders: list[dict[str, Any]]
    events: int
    as_source: int
    as_target: int


class PartnerType(BaseModel):
    type: str
    quad: str | None
    events: int


class Partner(Open):
    code: str
    name: str
    events: int
    by_type: dict[str, int]
    types: list[PartnerType]
    cooperation: int
    conflict: int


class ActorDetail(Actor):
    unit: str
    by_type: dict[str, int]
    partners: list[Partner]


class Node(Open):
    id: str
    label: str
    weight: int


class Edge(Open):
    source: str
    target: str
    type: str
    quad: str | None
    weight: int


class Graph(BaseModel):
    unit: str
    nodes: list[Node]
    edges: list[Edge]


class Claim(Open):
    doc_id: str
    event_id: str
    seq: int
    by: str | None
    by_text: str | None
    stance: str
    doc: str
    published: str | None
    outlet: str | None
    type: str
    source: list[str | None]
    target: list[str | None]
    evidence: Span


class SnippetPart(BaseModel):
    text: str
    match: bool


class Hit(Open):
    doc_id: str
    name: str
    title: str | None
    published: str | None
    outlet: str | None
    events: int
    rank: float
    snippet: list[SnippetPart]


class Overview(BaseModel):
    documents: int
    events: int
    claims: int
    facts: int | None
    published: list[str | None]
    by_type: dict[str, int]
    top_actors: dict[str, int]
    top_actors_by: str


class TypeInfo(BaseModel):
    type: str
    quad: str | None


class Meta(BaseModel):
    version: str
    linked: bool
    types: list[TypeInfo]


class Ingested(BaseModel):
    new: int
    duplicate: int
    failed: int
    events: int
    claims: int
    errors: list[str]
    documents: list[str]


def page_of(item: type[BaseModel]) -> type[BaseModel]:
    """The one list envelope: `{items, next, limit}`."""
    return type(f"{item.__name__}Page", (BaseModel,), {
        "__annotations__": {"items": list[item], "next": str | None, "limit": int},
        "__module__": __name__,
    })


EventPage = page_of(Event)
DocumentPage = page_of(DocumentRow)
ActorPage = page_of(Actor)
ClaimPage = page_of(Claim)
HitPage = page_of(Hit)
class Embargo(Open):
    regime: str
    resolution: str | None = None
    direction: str | None = None


class Fact(Open):
    id: str
    type: str
    mode: str | None
    quad: str | None
    source: list[str]
    target: list[str]
    item: str | None
    quantity: str | None
    date: str | None
    date_precision: str | None
    first_reported: str | None
    last_reported: str | None
    documents: int
    independent_sources: int
    reports: int
    contested: bool
    embargo: list[Embargo]


class FactMention(Open):
    doc_id: str
    doc: str
    event_id: str
    outlet: str | None
    published: str | None
    modality: str
    evidence: Span


class LedgerEntry(Open):
    claimant: str | None
    claimant_text: str | None
    stance: str
    doc_id: str
    doc: str
    outlet: str | None
    reported: str | None
    evidence: Span


class FactDetail(Fact):
    mentions: list[FactMention]
    ledger: list[LedgerEntry]
    stance_changes: list[Any]


class TimelineFact(Fact):
    role: str


FactPage = page_of(Fact)
TimelinePage = page_of(TimelineFact)

ERRORS: dict[int | str, dict[str, Any]] = {
    s: {"model": ErrorBody} for s in (400, 404, 422, 503)
}
