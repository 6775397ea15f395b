"""The one error model: every 4xx/5xx body is ``{"error": code, "detail": message, "field": name|null}``.

Raise an ``AppError`` subclass from anywhere below a router; ``install_error_handlers`` renders it
and also converts FastAPI's own validation errors, Starlette's HTTP errors and lost database
connections into the same shape, so a client never sees an HTML page or a bare 500 for its mistake.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import exc as sa_exc
from starlette.exceptions import HTTPException as StarletteHTTPException

logger = logging.getLogger(__name__)


class ErrorBody(BaseModel):
    """What every error response carries."""

    error: str = Field(description="A stable machine-readable code.", examples=["invalid_filter"])
    detail: str = Field(description="A human-readable explanation.", examples=["bbox needs four numbers"])
    field: str | None = Field(
        default=None, description="The request field at fault, if any.", examples=["bbox"]
    )


class AppError(Exception):
    """Base of the errors a client can act on."""

    status_code = 400
    code = "bad_request"

    def __init__(self, detail: str, *, field: str | None = None, code: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.field = field
        if code is not None:
            self.code = code


class NotFoundError(AppError):
    status_code = 404
    code = "not_found"


class InvalidFilterError(AppError):
    status_code = 422
    code = "invalid_filter"


class InvalidInputError(AppError):
    status_code = 422
    code = "invalid_input"


class ExtractionTimeoutError(AppError):
    status_code = 422
    code = "extraction_timeout"


class ExtractionUnavailableError(AppError):
    status_code = 503
    code = "extraction_unavailable"


class DatabaseUnavailableError(AppError):
    status_code = 503
    code = "database_unavailable"


def error_response(
    status: int, code: str, detail: str, field: str | None = None, **headers: str
) -> JSONResponse:
    """A JSON error response in the shared shape."""
    body = {"error": code, "detail": detail, "field": field}
    return JSONResponse(status_code=status, content=body, headers=headers or None)


# The response documentation reused by the routers.
def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` entries for ``statuses``, all with the ``ErrorBody`` model."""
    return {s: {"model": ErrorBody, "description": _STATUS_TEXT.get(s, "Error")} for s in statuses}


_STATUS_TEXT = {
    404: "Unknown id",
    413: "Request body too large",
    415: "Content type is not application/json",
    422: "Invalid input or filter",
    503: "Database or extractor unavailable (retry later)",
}

_HTTP_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "payload_too_large",
    415: "unsupported_media_type",
}


def _field_name(loc: Sequence[Any]) -> str | None:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path", "header", "cookie"):
        parts = parts[1:]
    return ".".join(parts) or None


def _is_connection_error(exc: BaseException) -> bool:
    """True for errors that mean the database cannot be reached (not a bad query)."""
    if isinstance(exc, sa_exc.DBAPIError) and exc.connection_invalidated:
        return True
    if isinstance(exc, (sa_exc.InterfaceError, sa_exc.OperationalError)):
        return True
    if isinstance(exc, sa_exc.TimeoutError):  # pool exhausted
        return True
    if isinstance(exc, (OSError, ConnectionError, TimeoutError)):
        return True
    name = type(exc).__name__
    return name in {"CannotConnectNowError", "ConnectionDoesNotExistError", "InvalidCatalogNameError"}


def install_error_handlers(app: FastAPI) -> None:
    """Render every error raised while serving a request in the shared shape."""

    @app.exception_handler(AppError)
    async def _app_error(request: Request, exc: AppError) -> JSONResponse:
        headers = {"Retry-After": "5"} if exc.status_code == 503 else {}
        return error_response(exc.status_code, exc.code, exc.detail, exc.field, **headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        first = errors[0] if errors else {"loc": (), "msg": "invalid request", "type": ""}
        loc = tuple(first.get("loc", ()))
        where = loc[0] if loc else "body"
        if first.get("type") == "json_invalid":
            return error_response(422, "invalid_json", f"the body is not valid JSON: {first.get('msg')}")
        code = {"query": "invalid_filter", "path": "invalid_path"}.get(str(where), "invalid_input")
        field = _field_name(loc)
        msg = str(first.get("msg", "invalid value"))
        detail = f"{field}: {msg}" if field else msg
        if len(errors) > 1:
            detail += f" (and {len(errors) - 1} more problem(s))"
        return error_response(422, code, detail, field)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no route for {request.method} {request.url.path}"
        return error_response(exc.status_code, code, detail, None, **(exc.headers or {}))

    def _unavailable_or_internal(request: Request, exc: Exception) -> JSONResponse:
        if _is_connection_error(exc):
            logger.warning("database unavailable: %s", exc)
            return error_response(
                503, "database_unavailable", "the database cannot be reached; retry shortly", None,
                **{"Retry-After": "5"},
            )
        logger.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, "internal_error", "an unexpected error occurred; it has been logged")

    async def _database_error(request: Request, exc: Exception) -> JSONResponse:
        # registered per class: Starlette re-raises what reaches the catch-all handler (uvicorn then
        # logs a traceback and drops the connection); a specific handler answers cleanly
        return _unavailable_or_internal(request, exc)

    for cls in (sa_exc.TimeoutError, sa_exc.OperationalError, sa_exc.InterfaceError, sa_exc.DBAPIError,
                OSError, ConnectionError):
        app.add_exception_handler(cls, _database_error)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        return _unavailable_or_internal(request, exc)
