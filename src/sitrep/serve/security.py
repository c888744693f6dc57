"""What keeps the desk safe to leave running: headers, body limits, write tokens.

* Every response carries a strict Content-Security-Policy (no inline script or
  style anywhere in the UI), ``nosniff``, a referrer policy and ``DENY`` framing.
* Request bodies are capped (``413``) before any parsing, whether or not the
  client sent a Content-Length.
* Writes need ``Authorization: Bearer <token>``; the token is compared in
  constant time, and with no token configured every write is refused.
* An exception escaping a route becomes the standard 500 error body, with the
  same headers, and its traceback goes to the log only.
* Optionally, only listed Host names are answered (``400`` otherwise): a desk
  bound to 127.0.0.1 then cannot be read by a web page through DNS rebinding.
"""
from __future__ import annotations

import hmac
import logging

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sitrep.serve import errors

log = logging.getLogger("sitrep.serve")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'")
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}
#: Largest request body accepted (bytes): a long article is ~100 kB of text.
MAX_BODY = 2 * 1024 * 1024
BODY_METHODS = {"POST", "PUT", "PATCH"}


class _TooLarge(Exception):
    pass


class GuardMiddleware:
    """Security headers, body size limit and last-resort error handling, as plain ASGI."""

    def __init__(self, app: ASGIApp, *, max_body: int = MAX_BODY, allowed_hosts: frozenset[str] | None = None):
        self.app = app
        self.max_body = max_body
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                present = {k.lower() for k, _ in message.get("headers", [])}
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + [
                    (k.encode(), v.encode()) for k, v in HEADERS.items() if k.encode() not in present]
            await send(message)

        try:
            if self.allowed_hosts is not None and host_name(scope) not in self.allowed_hosts:
                await self._respond(scope, send_with_headers, 400, "this server does not answer for that Host name")
                return
            if has_nul(scope):
                await self._respond(scope, send_with_headers, 400, "NUL bytes are not allowed in the URL")
                return
            if scope["method"] in BODY_METHODS:
                receive = await self._buffered(scope, receive)
            await self.app(scope, receive, send_with_headers)
        except _TooLarge:
            await self._respond(scope, send_with_headers, 413,
                                f"request body larger than {self.max_body:,} bytes")
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if not started:
                response = await errors.internal_error(Request(scope))
                await response(scope, _no_body, send_with_headers)

    async def _buffered(self, scope: Scope, receive: Receive) -> Receive:
        """Read the whole body up to the limit, then replay it to the app."""
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.max_body:
                raise _TooLarge
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return _replay([], message, receive)
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                raise _TooLarge
            chunks.append(chunk)
            more = message.get("more_body", False)
        return _replay(chunks, None, receive)

    async def _respond(self, scope: Scope, send: Send, status: int, message: str) -> None:
        response = errors.error_response(Request(scope), status, message)
        await response(scope, _no_body, send)


def host_name(scope: Scope) -> str:
    """The request's Host header without its port, lower-cased (``[::1]`` keeps its brackets)."""
    raw = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"host"), "")
    raw = raw.strip().lower()
    if raw.startswith("["):
        return raw.split("]", 1)[0] + "]"
    return raw.rsplit(":", 1)[0] if raw.count(":") == 1 else raw


def has_nul(scope: Scope) -> bool:
    """Whether the path or query string carries a NUL byte (raw or ``%00``): no text
    column can hold one (PostgreSQL refuses it, SQLite cuts the string there)."""
    query = scope.get("query_string", b"").lower()
    return "\x00" in scope.get("path", "") or b"%00" in query or b"\x00" in query


#: Host names a desk bound to the loopback interface answers to.
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]"})


async def _no_body() -> Message:
    return {"type": "http.disconnect"}


def _replay(chunks: list[bytes], last: Message | None, original: Receive) -> Receive:
    """A receive callable that yields the buffered body once, then hands over to the
    server's own (which reports the client's disconnect when it comes)."""
    queue = [{"type": "http.request", "body": b"".join(chunks), "more_body": False}] if last is None else [last]

    async def receive() -> Message:
        if queue:
            return queue.pop(0)
        return await original()

    return receive


def check_token(request: Request) -> None:
    """A FastAPI dependency: 403 when writes are off, 401 without the right bearer token."""
    expected: str | None = request.app.state.token
    if not expected:
        raise errors.ApiError(403, "writes are disabled on this server: start it with SITREP_TOKEN set",
                              code="writes_disabled")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    challenge = {"WWW-Authenticate": 'Bearer realm="sitrep"'}
    if scheme.lower() != "bearer" or not given:
        raise errors.ApiError(401, "send 'Authorization: Bearer <token>' to write", headers=challenge)
    if not hmac.compare_digest(given.strip().encode("utf-8"), expected.encode("utf-8")):
        raise errors.ApiError(401, "the bearer token is not valid", code="invalid_token", headers=challenge)
