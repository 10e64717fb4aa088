"""Keyset pagination: one envelope for every list, an opaque cursor, a capped limit.

The cursor is the sort key of the last row sent (base64url JSON), so a page never
skips or repeats a row while the store grows, and no OFFSET scan is needed.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse

from .failures import ApiError

DEFAULT_LIMIT = 50
MAX_LIMIT = 500


def clamp(limit: int) -> int:
    return max(1, min(limit, MAX_LIMIT))


def encode(key: list[Any]) -> str:
    raw = json.dumps(key, separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str | None, arity: int) -> list[Any] | None:
    """The sort key inside `cursor`, or None for the first page."""
    if not cursor:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        key = None
    if not isinstance(key, list) or len(key) != arity or not all(
        isinstance(k, str | int | float) and not isinstance(k, bool) for k in key
    ):
        raise ApiError("E034", cursor[:40])
    return key


def as_json(data: dict[str, Any]) -> JSONResponse:
    """`data` as the response body, past the route's response model: validating a page of
    facts or 500 edges through pydantic cost more CPU than the query did. The route still
    declares its model (so /openapi.json is unchanged) and builds `data` in that model's
    shape and key order; tests/api/test_replies.py checks the model would change nothing."""
    return JSONResponse(data)


def in_order(d: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    """`d` with `fields` first, in that order, then its other keys as they were: the order
    pydantic gives a model with extra fields allowed."""
    out = {k: d[k] for k in fields if k in d}
    out.update(d)
    return out


def envelope(request: Request, items: list[dict], limit: int, key_of) -> dict[str, Any]:
    """`{items, next, limit}`; `next` is the URL of the following page, or null.
    The query fetched `limit + 1` rows: the extra row only says a next page exists."""
    more = len(items) > limit
    items = items[:limit]
    nxt = None
    if more:
        url = request.url.include_query_params(after=encode(key_of(items[-1])), limit=limit)
        nxt = f"{url.path}?{url.query}"
    return {"items": items, "next": nxt, "limit": limit}
