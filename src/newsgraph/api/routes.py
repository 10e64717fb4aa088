"""GET routes of the JSON API under /api/v1 (events, documents, actors, graph, claims,
search, summary). Facts live in routes_facts.py, ingest in routes_ingest.py."""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse

from .. import store
from ..errors import NewsgraphError
from . import fact_reads, facts, reads, schemas
from .failures import ApiError
from .paging import as_json, clamp, decode, envelope
from .params import (
    DEFAULT,
    Actors,
    After,
    Code,
    Date,
    DocId,
    EventId,
    Limit,
    Types,
    event_filter,
)

router = APIRouter(prefix="/api/v1", responses=schemas.ERRORS)


def db(request: Request) -> sqlite3.Connection:
    return request.app.state.reader.conn()


Conn = Annotated[sqlite3.Connection, Depends(db)]


def doc_id_of(conn: sqlite3.Connection, key: str) -> str:
    try:
        return store.find_doc(conn, key)
    except NewsgraphError as e:
        raise ApiError("E030", f"document {e.reason.split('(', 1)[-1].rstrip(')')}") from None


@router.get("/events", response_model=schemas.EventPage, tags=["events"])
def list_events(request: Request, conn: Conn, actor: Actors = [], type: Types = [],  # noqa: B006
                since: Date = None, until: Date = None,
                modality: Literal["asserted", "negated", "hypothetical", "future"] | None = None,
                limit: Limit = DEFAULT, after: After = None) -> dict[str, Any]:
    """Events, oldest first (an undated event by its article's date; none last)."""
    f = event_filter(actor, type, since, until, modality=modality)
    limit = clamp(limit)
    rows = reads.events(conn, f, limit, decode(after, 4))
    return envelope(request, rows, limit, reads.event_key)


@router.get("/events/{doc_id}/{event_id}", response_model=schemas.Event, tags=["events"])
def one_event(conn: Conn, doc_id: DocId, event_id: EventId) -> dict[str, Any]:
    e = reads.event(conn, doc_id_of(conn, doc_id), event_id)
    if e is None:
        raise ApiError("E030", f"event {event_id} in {doc_id}")
    with_facts(conn, e["doc_id"], [e])
    return e


@router.get("/documents", response_model=schemas.DocumentPage, tags=["documents"])
def list_documents(request: Request, conn: Conn, outlet: str | None = None,
                   limit: Limit = DEFAULT, after: After = None) -> dict[str, Any]:
    """Documents, newest publication first (undated last)."""
    limit = clamp(limit)
    rows = reads.documents(conn, limit, decode(after, 2), outlet)
    page = envelope(request, rows, limit, reads.doc_key)
    for d in page["items"]:
        d.pop("num", None)
    return page


@router.get("/documents/{doc_id}", response_model=schemas.Document, tags=["documents"])
def one_document(request: Request, conn: Conn, doc_id: DocId) -> dict[str, Any]:
    """The clean body with metadata, its events (evidence as character spans into
    `body`), its actor mentions and the lines cleaning removed."""
    key = doc_id_of(conn, doc_id)
    doc = store.article(conn, key)
    for e in doc["events"]:
        e["quad"] = reads.ontology.quad(e["type"])
        e["title"] = doc["title"]
    doc["mentions"] = reads.spans(conn, key)
    doc["copy_of"] = facts.copy_of(conn, key)
    with_facts(conn, key, doc["events"])
    return doc


def with_facts(conn: sqlite3.Connection, doc_id: str, events: list[dict[str, Any]]) -> None:
    """Each event's `facts`: the ids of the facts it reports ([] in an unlinked store)."""
    of = fact_reads.facts_of_events(conn, doc_id) if facts.linked(conn) else {}
    for e in events:
        e["facts"] = of.get(e["id"], [])


@router.get("/actors", response_model=schemas.ActorPage, tags=["actors"])
def list_actors(request: Request, conn: Conn,
                q: Annotated[str | None, Query(max_length=40, description="code prefix")] = None,
                limit: Limit = DEFAULT, after: After = None) -> dict[str, Any]:
    """Actors by the number of events they take part in."""
    limit = clamp(limit)
    cur = decode(after, 2)
    if cur and not isinstance(cur[0], int):
        raise ApiError("E034", after or "")
    rows = reads.actors(conn, limit, cur, q)
    return envelope(request, rows, limit, reads.actor_key)


@router.get("/actors/{code}", response_model=schemas.ActorDetail, tags=["actors"])
def one_actor(conn: Conn, code: Code, type: Types = [],  # noqa: B006
              since: Date = None, until: Date = None) -> dict[str, Any]:
    """Name, kind, sector, office holders, counts and partners: per partner, facts (events
    in an unlinked store) by type and by cooperation/conflict; the filters apply to them."""
    code = code.upper()
    a = reads.actor(conn, code)
    if a is None:
        raise ApiError("E030", f"actor {code}")
    unit, edges = edges_for(conn, None, [code], type, since, until, 10_000)
    a["partners"] = reads.partners(code, edges)
    a["unit"] = unit
    return a


def edges_for(conn: sqlite3.Connection, unit: str | None, actor: list[str], type: list[str],
              since: str | None, until: str | None, max_edges: int
              ) -> tuple[str, list[dict[str, Any]]]:
    f = event_filter(actor, type, since, until)
    unit = unit or ("facts" if facts.linked(conn) else "events")
    if unit == "facts":
        facts.need(conn)
        return unit, fact_reads.graph(conn, f.actors, f.types, f.since, f.until, max_edges)
    return unit, reads.event_edges(conn, f, max_edges)


@router.get("/actors/{code}/timeline", response_model=schemas.EventPage, tags=["actors"])
def actor_timeline(request: Request, conn: Conn, code: Code, type: Types = [],  # noqa: B006
                   since: Date = None, until: Date = None, limit: Limit = DEFAULT,
                   after: After = None) -> dict[str, Any]:
    """The actor's events in time order."""
    f = event_filter([code], type, since, until)
    limit = clamp(limit)
    return envelope(request, reads.events(conn, f, limit, decode(after, 4)), limit,
                    reads.event_key)


@router.get("/graph", response_model=schemas.Graph, tags=["graph"])
def graph(request: Request, actor: Actors = [], type: Types = [],  # noqa: B006
          since: Date = None, until: Date = None,
          unit: Annotated[Literal["facts", "events"] | None,
                          Query(description="weigh edges by facts (default when linked)")] = None,
          max_edges: Annotated[int, Query(ge=1, le=5000)] = 500) -> JSONResponse:
    """Actors and (source, target, type) edges weighted by the number of facts (or events)."""
    # The connection is taken here and the reply built in the model's order (see
    # routes_facts.py): this route and search are the desk's busiest.
    unit, edges = edges_for(db(request), unit, actor, type, since, until, max_edges)
    return as_json({"unit": unit, "nodes": reads.nodes_of(edges), "edges": edges})


@router.get("/claims", response_model=schemas.ClaimPage, tags=["claims"])
def list_claims(request: Request, conn: Conn,
                stance: Literal["asserts", "denies", "concedes"] | None = None,
                by: Annotated[str | None, Query(max_length=40, description="claimant")] = None,
                limit: Limit = DEFAULT, after: After = None) -> dict[str, Any]:
    """Who states, denies or concedes which event, in order of publication."""
    limit = clamp(limit)
    return envelope(request, reads.claims(conn, limit, decode(after, 4), stance, by), limit,
                    reads.claim_key)


@router.get("/search", response_model=schemas.HitPage, tags=["search"])
def search(request: Request,
           q: Annotated[str, Query(min_length=1, max_length=500, description="words or FTS5")],
           limit: Limit = 20, after: After = None) -> JSONResponse:
    """Full-text search over titles and bodies (SQLite FTS5), best match first.
    `snippet` is a list of parts; `match: true` marks the words found."""
    limit = clamp(limit)
    cur = decode(after, 2)
    if cur and not isinstance(cur[1], int):
        raise ApiError("E034", after or "")
    rows = reads.search(db(request), q, limit, cur)
    page = envelope(request, rows, limit, reads.hit_key)
    for h in page["items"]:
        h.pop("num", None)
    return as_json(page)


@router.get("/overview", response_model=schemas.Overview, tags=["summary"])
def overview(conn: Conn, top: Annotated[int, Query(ge=1, le=100)] = 10) -> dict[str, Any]:
    """The dashboard's counts: documents, events, claims, facts, events by type, top actors
    (by facts on a linked store). Cheap on a large store, unlike /summary."""
    return reads.overview(conn, facts.linked(conn), top)


@router.get("/meta", response_model=schemas.Meta, tags=["summary"])
def meta(request: Request, conn: Conn) -> dict[str, Any]:
    """What the UI needs before any query: the version, whether the store is linked (has
    facts), and the PLOVER types with their quad class."""
    return {"version": request.app.version, "linked": facts.linked(conn),
            "types": [{"type": t, "quad": q} for t, q in reads.ontology.quads().items()]}


@router.get("/summary", response_model=schemas.Open, tags=["summary"])
def summary(conn: Conn, top: Annotated[int, Query(ge=1, le=100)] = 10) -> dict[str, Any]:
    """The `newsgraph summary --format json` object (pairs and examples included: seconds
    on a million events; the dashboard uses /overview)."""
    s = store.summary(conn, top=top)
    s["facts"] = facts.count(conn)
    return s
