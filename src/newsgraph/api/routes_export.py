"""GET /api/v1/export/{format}: the files of `newsgraph export`, built from the store."""

from __future__ import annotations

import io
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from ..export import MEDIA, Selection, default_unit, export
from . import facts, schemas
from .params import Actors, Date, Types, event_filter
from .routes import Conn

router = APIRouter(prefix="/api/v1", responses=schemas.ERRORS, tags=["export"])
Format = Literal["plover-jsonl", "cameo-csv", "graphml", "gexf", "ftm"]


@router.get("/export/{fmt}", response_class=Response,
            responses={200: {"content": {m: {} for m, _ in MEDIA.values()}}})
def export_file(conn: Conn, fmt: Format, actor: Actors = [], type: Types = [],  # noqa: B006
                since: Date = None, until: Date = None,
                unit: Annotated[Literal["facts", "events"] | None,
                                Query(description="default as `newsgraph export`")] = None
                ) -> Response:
    """PLOVER JSON lines, a CAMEO/GDELT-style CSV, GraphML, GEXF or FollowTheMoney
    entities; the filters of `newsgraph export`."""
    unit = unit or default_unit(fmt, facts.linked(conn))
    if unit == "facts":
        facts.need(conn)
    f = event_filter(actor, type, since, until)
    sel = Selection(unit=unit, actors=f.actors, types=f.types, since=f.since, until=f.until)
    buf = io.BytesIO()
    export(conn, fmt, sel, buf)
    media, ext = MEDIA[fmt]
    return Response(buf.getvalue(), media_type=media, headers={
        "content-disposition": f'attachment; filename="newsgraph-{unit}.{ext}"'})
