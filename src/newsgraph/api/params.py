"""Shared query and path parameters, validated before any SQL runs."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

from ..store.query import check_date
from .failures import ApiError
from .paging import DEFAULT_LIMIT
from .reads import Filter

# Path parameters never hold '/', and cannot start with '.', so '..' is refused outright.
DocId = Annotated[str, Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$",
                            description="document id, an id prefix (4+ hex digits) or its name")]
EventId = Annotated[str, Path(pattern=r"^[0-9a-f]{16}$", description="event id")]
Code = Annotated[str, Path(pattern=r"^[A-Za-z0-9_]{1,40}$", description="actor code")]
FactId = Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{1,64}$", description="fact id")]

Limit = Annotated[int, Query(ge=1, description="page size (capped at 500)")]
After = Annotated[str | None, Query(max_length=2000, pattern=r"^[A-Za-z0-9_-]*$",
                                    description="cursor from a `next` link")]
Actors = Annotated[list[str], Query(alias="actor", description="actor code; repeat: all of them")]
Types = Annotated[list[str], Query(alias="type", description="PLOVER type; repeat: any of them")]
Date = Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")]

DEFAULT = DEFAULT_LIMIT


def date(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return check_date(value)
    except ValueError as e:
        raise ApiError("E031", f"{name}: {e}") from None


def event_filter(actors: list[str], types: list[str], since: str | None, until: str | None,
                 doc: str | None = None, modality: str | None = None) -> Filter:
    return Filter(actors=tuple(actors), types=tuple(types), since=date(since, "since"),
                  until=date(until, "until"), doc=doc, modality=modality)
