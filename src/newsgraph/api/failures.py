"""API errors as JSON with the catalogue code: `{"error": {code, status, message}}`."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import Errors, NewsgraphError

STATUS = {"E030": 404, "E031": 422, "E032": 401, "E033": 413, "E034": 400, "E035": 503,
          "E036": 415, "E037": 400, "E012": 503, "E013": 404}


class ApiError(Exception):
    def __init__(self, code: str, detail: str = "") -> None:
        self.code = code
        self.status = STATUS.get(code, 400)
        self.message = getattr(Errors, code).format(detail=detail)
        super().__init__(f"{code}: {self.message}")


def body(code: str, status: int, message: str) -> dict:
    return {"error": {"code": code, "status": status, "message": message}}


def reply(code: str, status: int, message: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse(body(code, status, message), status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api(_: Request, e: ApiError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if e.status == 401 else None
        return reply(e.code, e.status, e.message, headers)

    @app.exception_handler(NewsgraphError)
    async def _ng(_: Request, e: NewsgraphError) -> JSONResponse:
        return reply(e.code, STATUS.get(e.code, 500), e.reason)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, e: RequestValidationError) -> JSONResponse:
        first = e.errors()[0] if e.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()))
        return reply("E031", 422, Errors.E031.format(detail=f"{where}: {first.get('msg', '')}"))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, e: StarletteHTTPException) -> JSONResponse:
        code = {404: "E030", 401: "E032", 413: "E033", 405: "E039"}.get(e.status_code, "E039")
        detail = str(e.detail) if e.status_code != 404 else "no such path"
        return reply(code, e.status_code, getattr(Errors, code).format(detail=detail),
                     getattr(e, "headers", None))
