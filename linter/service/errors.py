"""Every error the service answers is one JSON shape with a one-line message, never a 500.

``{"error": {"status": 413, "code": "body_too_large", "message": "..."}}``: a client
reads ``code`` (stable), a person reads ``message``. FastAPI's own validation errors,
Starlette's HTTP errors (404, 405, malformed multipart) and anything unforeseen are
turned into this shape by :func:`install`; an unforeseen exception is logged with its
traceback and answered 500 with no detail, which the tests (and schemathesis) treat as a
defect.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException

LOG = logging.getLogger("reslint.service")

_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    503: "unavailable",
}


class ErrorDetail(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    status: int = Field(description="The HTTP status, repeated.")
    code: str = Field(description="A stable, machine-readable reason, e.g. body_too_large.")
    message: str = Field(description="One line for a person.")


class ErrorResponse(BaseModel):
    """The body of every error response."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    error: ErrorDetail


class ApiError(Exception):
    """An error answered as :class:`ErrorResponse`; raise it anywhere in a request."""

    def __init__(
        self,
        status: int,
        message: str,
        code: str | None = None,
        retry_after: int | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or _CODES.get(status, "error")
        self.message = message
        self.headers = dict(headers or {})
        if retry_after is not None:
            self.headers["Retry-After"] = str(retry_after)


def error_response(error: ApiError) -> JSONResponse:
    body = ErrorResponse(
        error=ErrorDetail(status=error.status, code=error.code, message=error.message)
    )
    return JSONResponse(body.model_dump(), status_code=error.status, headers=error.headers)


#: What each error status means, for the OpenAPI document.
MEANINGS = {
    400: "The body is empty, not UTF-8 (the message names the first bad byte) or bad JSON.",
    404: "No such rule, or no such route.",
    413: "The request body is over the server's limit (5 MiB unless set).",
    415: "The content type is not text/plain, application/json or multipart/form-data, "
    "or the charset is not UTF-8.",
    422: "A field is invalid, a rule selector unknown, or the document took longer than "
    "the time limit.",
    503: "The server is busy: retry after the Retry-After header's seconds.",
}


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for the error statuses a route may answer."""
    return {
        status: {"model": ErrorResponse, "description": MEANINGS[status]} for status in statuses
    }


def problems_message(problems: Sequence[Mapping[str, Any]]) -> str:
    """The first of a validation error's problems as one line: ``query.fail_on: ...``."""
    if not problems:
        return "invalid request"
    first = problems[0]
    where = ".".join(str(part) for part in first.get("loc", ()) if part != "body")
    message = str(first.get("msg", "invalid value"))
    more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
    return f"{where}: {message}{more}" if where else message + more


def install(app: FastAPI) -> None:
    """Answer every error of ``app`` with :class:`ErrorResponse`."""

    async def api_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return error_response(exc)

    async def http_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, HTTPException)
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        return error_response(ApiError(exc.status_code, message, headers=exc.headers))

    async def invalid(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        return error_response(ApiError(422, problems_message(exc.errors())))

    async def unforeseen(request: Request, exc: Exception) -> JSONResponse:
        LOG.exception("internal error on %s %s", request.method, request.url.path)
        return error_response(ApiError(500, "internal error; see the server's log", "internal"))

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(Exception, unforeseen)
