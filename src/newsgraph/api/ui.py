"""The web UI: one HTML shell for every page (the script picks the view from the path)
plus the static files. Every figure on screen comes from the JSON API."""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from .params import Code, DocId, EventId, FactId

STATIC = resources.files("newsgraph.api") / "static"
router = APIRouter(include_in_schema=False)


def shell() -> HTMLResponse:
    html = (STATIC / "index.html").read_text("utf-8")
    return HTMLResponse(html, headers={"cache-control": "no-cache"})


@router.get("/")
def dashboard() -> HTMLResponse:
    return shell()


@router.get("/search")
def search_page() -> HTMLResponse:
    return shell()


@router.get("/facts/{fact_id}")
def fact_page(fact_id: FactId) -> HTMLResponse:
    return shell()


@router.get("/events/{doc_id}/{event_id}")
def event_page(doc_id: DocId, event_id: EventId) -> HTMLResponse:
    return shell()


@router.get("/actors/{code}")
def actor_page(code: Code) -> HTMLResponse:
    return shell()


@router.get("/documents/{doc_id}")
def document_page(doc_id: DocId) -> HTMLResponse:
    return shell()


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response((STATIC / "favicon.svg").read_bytes(), media_type="image/svg+xml")


def install(app: FastAPI) -> None:
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
