"""GET /api/v1/export/{format}: the exports of `newsgraph export`, streamed."""

from __future__ import annotations

from fastapi import APIRouter

from . import schemas

router = APIRouter(prefix="/api/v1", responses=schemas.ERRORS, tags=["export"])
