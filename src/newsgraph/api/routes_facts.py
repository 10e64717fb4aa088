"""Facts (one real-world event merged across reports) and their claim ledger, read
through `newsgraph.link.query`; E035 when the store has no facts tables."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from ..errors import NewsgraphError
from . import fact_reads, facts, schemas
from .failures import ApiError
from .paging import as_json, clamp, decode, envelope, in_order
from .params import DEFAULT, Actors, After, Code, Date, FactId, Limit, Types, date
from .routes import db

router = APIRouter(prefix="/api/v1", responses=schemas.ERRORS, tags=["facts"])

# The busy routes take the connection themselves (not as a dependency: a sync one costs
# a trip through the thread pool) and reply with JSON built in their model's key order.
FACT = tuple(schemas.Fact.model_fields)
FACT_DETAIL = tuple(schemas.FactDetail.model_fields)
TIMELINE_FACT = tuple(schemas.TimelineFact.model_fields)


def _link():
    from ..link import query

    return query


@router.get("/facts", response_model=schemas.FactPage)
def list_facts(request: Request, actor: Actors = [], type: Types = [],  # noqa: B006
               contested: bool = False, embargo: bool = False, since: Date = None,
               until: Date = None,
               min_sources: Annotated[int | None, Query(ge=1, le=10_000)] = None,
               limit: Limit = DEFAULT, after: After = None) -> JSONResponse:
    """Facts, most independent sources first (then by id); the filters of `newsgraph facts`.
    `contested`: an assertion and a denial by different parties; `embargo`: flagged
    against a UN arms embargo."""
    conn = db(request)
    facts.need(conn)
    q = _link()
    limit = clamp(limit)
    cur = decode(after, 1)
    f = q.FactFilter(actors=tuple(actor), types=tuple(type), contested=contested,
                     embargo=embargo, since=date(since, "since"), until=date(until, "until"),
                     min_sources=min_sources, limit=limit + 1,
                     after=str(cur[0]) if cur else None)
    try:
        rows = fact_reads.facts(conn, f)
    except NewsgraphError as e:  # E020: the cursor's fact is gone
        raise ApiError("E034", e.reason) from None
    rows = [in_order({**r, "quad": fact_reads.ontology.quad(r["type"])}, FACT) for r in rows]
    return as_json(envelope(request, rows, limit, lambda r: [r["id"]]))


@router.get("/facts/{fact_id}", response_model=schemas.FactDetail)
def one_fact(request: Request, fact_id: FactId) -> JSONResponse:
    """One fact (id or unique prefix) with every report (`mentions`, each with its evidence
    span), the claim `ledger` in time order (a denial `answers` the claim it denies) and
    each claimant's `stance_changes`."""
    conn = db(request)
    facts.need(conn)
    try:
        f = _link().fact(conn, fact_id)
    except NewsgraphError as e:
        raise ApiError("E030", e.reason.split("(", 1)[-1].rstrip(")")) from None
    f["quad"] = fact_reads.ontology.quad(f["type"])
    return as_json(in_order(f, FACT_DETAIL))


@router.get("/actors/{code}/facts", response_model=schemas.TimelinePage, tags=["actors"])
def actor_facts(request: Request, code: Code, type: Types = [],  # noqa: B006
                since: Date = None, until: Date = None, limit: Limit = DEFAULT,
                after: After = None) -> JSONResponse:
    """The actor's facts by date (its date, else its first report; undated last),
    with the actor's `role` (source, target or both)."""
    conn = db(request)
    facts.need(conn)
    limit = clamp(limit)
    rows = fact_reads.timeline(conn, code, tuple(type), date(since, "since"),
                               date(until, "until"), limit, decode(after, 2))
    page = envelope(request, rows, limit, fact_reads.timeline_key)
    page["items"] = [in_order(r, TIMELINE_FACT) for r in page["items"]]
    for r in page["items"]:
        r.pop("sort_date", None)
    return as_json(page)
