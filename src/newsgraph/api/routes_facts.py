"""Facts (one real-world event merged across reports) and their claim ledger.
Served through newsgraph.link.query when the store has been linked; E035 otherwise."""

from __future__ import annotations

from fastapi import APIRouter

from . import schemas

router = APIRouter(prefix="/api/v1", responses=schemas.ERRORS, tags=["facts"])
