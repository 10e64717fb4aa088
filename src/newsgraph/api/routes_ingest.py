"""POST /api/v1/documents: ingest over HTTP, behind the bearer token from --token-file.

The body (one file: text, HTML or JSONL; or multipart files) is capped in size, written
to a private temporary folder under its (sanitised) name and passed to the same
`pipeline.ingest` as `newsgraph ingest`. One lock makes this process a single writer.
"""

from __future__ import annotations

import hmac
import re
import tempfile
import threading
from pathlib import Path

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from . import schemas
from .failures import ApiError

router = APIRouter(prefix="/api/v1")
_WRITER = threading.Lock()
EXT = {"text/plain": ".txt", "text/html": ".html", "application/x-ndjson": ".jsonl",
       "application/jsonl": ".jsonl", "application/json": ".jsonl"}
BODY_DOC = {
    "required": True,
    "content": {
        **{t: {"schema": {"type": "string"}} for t in EXT},
        "multipart/form-data": {"schema": {
            "type": "object", "properties": {"file": {"type": "string", "format": "binary"}},
        }},
    },
}


def check_token(request: Request) -> None:
    want: str | None = request.app.state.token
    got = request.headers.get("authorization", "")
    scheme, _, token = got.partition(" ")
    if want is None:
        raise ApiError("E032", "this server was started without --token-file: read-only")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(),
                                                             want.encode()):
        raise ApiError("E032", "missing or wrong Authorization: Bearer header")


async def capped_body(request: Request, cap: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > cap:
        raise ApiError("E033", f"{declared} bytes; limit {cap}")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > cap:
            raise ApiError("E033", f"over {cap} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def safe_name(name: str, ext: str) -> str:
    """A bare file name: no folders, no leading dot, only word characters, '.' and '-'."""
    base = re.sub(r"[^\w.-]", "_", Path(name.replace("\\", "/")).name).lstrip(".")[:120]
    base = base or "document"
    return base if base.lower().endswith((".txt", ".html", ".htm", ".jsonl")) else base + ext


@router.post("/documents", status_code=201, response_model=schemas.Ingested,
             responses={401: {"model": schemas.ErrorBody}, 413: {"model": schemas.ErrorBody},
                        415: {"model": schemas.ErrorBody}, 422: {"model": schemas.ErrorBody}},
             openapi_extra={"requestBody": BODY_DOC}, tags=["ingest"])
async def post_documents(
    request: Request,
    name: str = Query("document", max_length=200, description="document name (file name)"),
) -> JSONResponse:
    """Store documents through the ingest pipeline (needs `Authorization: Bearer TOKEN`).
    201 when something new was stored, 200 when every document was already stored."""
    check_token(request)
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "multipart/form-data" and ctype not in EXT:
        raise ApiError("E036", ctype or "no Content-Type")
    data = await capped_body(request, request.app.state.max_body)
    files: list[tuple[str, bytes]] = []
    if ctype == "multipart/form-data":
        request._body = data  # the form parser reads the capped bytes already received
        form = await request.form()
        for value in form.values():
            if hasattr(value, "read"):
                files.append((safe_name(value.filename or name, ".txt"), await value.read()))
    else:
        files.append((safe_name(name, EXT[ctype]), data))
    if not files:
        raise ApiError("E031", "no file in the request")
    out = await run_in_threadpool(_ingest, request.app.state.db_path, files)
    return JSONResponse(out, status_code=201 if out["new"] else 200)


def _ingest(db: Path, files: list[tuple[str, bytes]]) -> dict:
    from ..pipeline import ingest

    errors: list[str] = []
    with tempfile.TemporaryDirectory(prefix="newsgraph-post-") as tmp:
        paths = []
        for i, (name, data) in enumerate(files):
            folder = Path(tmp) / str(i)  # two uploads with one name stay two files
            folder.mkdir()
            (folder / name).write_bytes(data)
            paths.append(folder / name)
        with _WRITER:
            s = ingest(paths, db, n_process=1, progress=False,
                       on_error=lambda e: errors.append(e.line().replace(tmp, "")))
    return {"new": s.new, "duplicate": s.duplicate, "failed": s.failed, "events": s.events,
            "claims": s.claims, "errors": errors, "documents": [n for n, _ in files]}
