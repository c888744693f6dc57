"""One error body for every error the server returns.

``{"error": {"status": 404, "code": "not_found", "message": "...", "details": [...]}}``
whether the error came from routing, validation, authentication, a size
limit or a bug. Browsers asking for a page get the same facts as an HTML page.
"""
from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("sitrep.serve")

#: Machine-readable codes by status; anything else gets the status phrase in snake case.
CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
         405: "method_not_allowed", 413: "payload_too_large", 415: "unsupported_media_type",
         422: "validation_error", 500: "internal_error", 503: "unavailable"}


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str
    details: list[dict[str, Any]] | None = None


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


class ApiError(StarletteHTTPException):
    """An error with a code and a message that says what to do."""

    def __init__(self, status: int, message: str, *, code: str | None = None,
                 headers: dict[str, str] | None = None, details: list | None = None):
        super().__init__(status_code=status, detail=message, headers=headers)
        self.code = code or code_for(status)
        self.details = details


def code_for(status: int) -> str:
    if status in CODES:
        return CODES[status]
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "_").replace("-", "_")
    except ValueError:
        return "error"


def error_body(status: int, message: str, *, code: str | None = None, details: list | None = None) -> dict:
    body: dict[str, Any] = {"status": status, "code": code or code_for(status), "message": message}
    if details:
        body["details"] = details
    return {"error": body}


def wants_html(request: Request) -> bool:
    """A browser navigating to a page (not the API, not a download)."""
    path = request.url.path
    if path.startswith(("/api", "/openapi.json", "/static")) or path.endswith((".csv", ".jsonl")):
        return False
    return "text/html" in request.headers.get("accept", "")


def error_response(request: Request, status: int, message: str, *, code: str | None = None,
                   details: list | None = None, headers: dict[str, str] | None = None) -> Response:
    body = error_body(status, message, code=code, details=details)
    if wants_html(request):
        templates = request.app.state.templates
        return templates.TemplateResponse(request, "error.html", {"error": body["error"]},
                                          status_code=status, headers=headers)
    return JSONResponse(body, status_code=status, headers=headers)


def _validation_details(err: RequestValidationError) -> list[dict]:
    """Where each invalid value was and why (the offending input itself is left out:
    it may be large, and it is the client's own)."""
    return [{"location": [str(p) for p in e.get("loc", ())], "message": e.get("msg", ""),
             "type": e.get("type", "")} for e in err.errors()]


def install(app: FastAPI) -> None:
    """Route every error source through :func:`error_response`."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else code_for(exc.status_code)
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        if exc.status_code == 405 and message == "Method Not Allowed":
            message = f"{request.method} is not allowed on {request.url.path}"
        return error_response(request, exc.status_code, message, code=getattr(exc, "code", None),
                              details=getattr(exc, "details", None), headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        details = _validation_details(exc)
        first = details[0] if details else {"location": [], "message": "invalid request"}
        where = ".".join(first["location"][1:] or first["location"]) or "request"
        return error_response(request, 422, f"{where}: {first['message']}", details=details)


async def internal_error(request: Request) -> Response:
    """The body for an unexpected exception; the traceback goes to the log, not the client."""
    return error_response(request, 500, "internal server error; the server log has the details")
