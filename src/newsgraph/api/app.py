"""The FastAPI application: JSON API under /api/v1, OpenAPI at /openapi.json, the UI at /."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from .. import __version__
from . import failures, routes, routes_export, routes_facts, routes_ingest, ui
from .db import Reader
from .security import SecurityHeaders

MAX_BODY = 20_000_000


def create_app(db: str | Path, token: str | None = None, max_body: int = MAX_BODY) -> FastAPI:
    """The desk over the store at `db`; `token` enables POST /api/v1/documents."""
    app = FastAPI(
        title="newsgraph", version=__version__,
        description="PLOVER political events with their sources: facts, claims, evidence.",
        docs_url=None, redoc_url=None,  # their pages load scripts from a CDN; the desk is offline
    )
    app.state.reader = Reader(db)
    app.state.db_path = Path(db)
    app.state.token = token
    app.state.max_body = max_body
    failures.install(app)
    app.include_router(routes.router)
    app.include_router(routes_facts.router)
    app.include_router(routes_export.router)
    app.include_router(routes_ingest.router)
    ui.install(app)
    app.add_middleware(SecurityHeaders)
    return app
