"""The two middlewares of the app: errors become JSON, and API requests need a token.

Every error response has the body ``{"error": {"message", "code", "problems"}}``
(:class:`~plynx.server.schemas.ErrorBody`). A :class:`~plynx.errors.PlynxError` maps to its
status (see :data:`STATUS`); anything unexpected is logged with its traceback and answered with
a 500 that shows no internals.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from aiohttp import web
from pydantic import BaseModel

from plynx.errors import (
    ArtifactError,
    AuthError,
    Conflict,
    GraphInvalid,
    InvalidInput,
    NotFound,
    PlynxError,
    ProtocolError,
    StoreError,
)
from plynx.model import TokenKind
from plynx.server import keys
from plynx.server.auth import HOW_TO_GET_A_TOKEN, LOCAL_IDENTITY
from plynx.server.schemas import ErrorBody, ErrorDetail

__all__ = ["STATUS", "auth_middleware", "error_middleware", "error_response"]

logger = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

#: HTTP status and error code of each PlynxError, most specific first.
STATUS: list[tuple[type[PlynxError], int, str]] = [
    (GraphInvalid, 400, "graph_invalid"),
    (InvalidInput, 400, "invalid_input"),
    (ProtocolError, 400, "invalid_input"),
    (ArtifactError, 400, "artifact_error"),
    (NotFound, 404, "not_found"),
    (Conflict, 409, "conflict"),
    (AuthError, 401, "unauthorized"),
]

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
}


def error_response(
    status: int, message: str, code: str, problems: Sequence[Any] = ()
) -> web.Response:
    """A JSON error response."""
    items = [p.model_dump(mode="json") if isinstance(p, BaseModel) else p for p in problems]
    body = ErrorBody(error=ErrorDetail(message=message, code=code, problems=items))
    return web.json_response(body.model_dump(mode="json"), status=status)


def _plynx_error(exc: PlynxError) -> web.Response:
    for cls, status, code in STATUS:
        if isinstance(exc, cls):
            problems = exc.problems if isinstance(exc, InvalidInput) else []
            return error_response(status, exc.message, code, problems)
    if isinstance(exc, StoreError):
        logger.error("store error: %s", exc.message, exc_info=exc)
        return error_response(503, "the store failed; see the server log", "store_error")
    logger.error("unexpected %s: %s", type(exc).__name__, exc.message, exc_info=exc)
    return error_response(500, "internal error, see the server log", "internal_error")


def _http_error(request: web.Request, exc: web.HTTPException) -> web.Response:
    status = exc.status
    if status == 404:
        message = f"no such endpoint or resource: {request.method} {request.path}"
    elif status == 405:
        allowed = ", ".join(sorted(getattr(exc, "allowed_methods", ())))
        message = f"{request.method} is not allowed on {request.path} (allowed: {allowed})"
    elif status == 413:
        message = f"the request body is too large: {exc.text or exc.reason}"
    else:
        message = exc.text if exc.text and exc.text != f"{status}: {exc.reason}" else exc.reason
    response = error_response(status, message, _HTTP_CODES.get(status, "http_error"))
    for name in ("Allow", "WWW-Authenticate"):
        if name in exc.headers:
            response.headers[name] = exc.headers[name]
    return response


@web.middleware
async def error_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Turn every error into a JSON error response; never show a traceback to a client."""
    try:
        return await handler(request)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        return _http_error(request, exc)
    except PlynxError as exc:
        response = _plynx_error(exc)
        if isinstance(exc, AuthError):
            response.headers["WWW-Authenticate"] = 'Bearer realm="plynx"'
        return response
    except Exception:
        logger.exception("unexpected error in %s %s", request.method, request.path)
        return error_response(500, "internal error, see the server log", "internal_error")


# Paths a worker token opens (besides /ws/worker, which checks its hello itself).
_WORKER_PATH = re.compile(r"^/api/v1/artifacts(/[^/]+)?$")
_OPEN_PATHS = frozenset({"/api/v1/health"})


def _token(request: web.Request) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    if request.path.startswith("/ws/"):
        return request.query.get("token") or None
    return None


@web.middleware
async def auth_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Require a token on ``/api/`` and ``/ws/events`` unless the server is in local mode.

    ``GET /api/v1/health`` is open; a worker token opens only artifact transfers."""
    path = request.path
    if not (path.startswith("/api/") or path == "/ws/events"):
        return await handler(request)
    if request.app[keys.SETTINGS].local_mode:
        request[keys.IDENTITY] = LOCAL_IDENTITY
        return await handler(request)
    if path in _OPEN_PATHS and request.method in ("GET", "HEAD"):
        return await handler(request)
    token = _token(request)
    if token is None:
        raise AuthError(f"this server needs an API token: {HOW_TO_GET_A_TOKEN}")
    identity = await request.app[keys.AUTHENTICATOR].authenticate(token)
    if identity.kind == TokenKind.WORKER and not (
        _WORKER_PATH.match(path) and request.method in ("GET", "HEAD", "POST")
    ):
        raise AuthError(
            "a worker token only opens /ws/worker and artifact transfers; "
            f"use an API token here: {HOW_TO_GET_A_TOKEN}"
        )
    request[keys.IDENTITY] = identity
    return await handler(request)
