"""Two middlewares of the app: errors become JSON, and API requests need a token or a
sign-in session (the third, :mod:`plynx.server.guard`, checks ``Host`` and ``Origin`` between
them).

Every error response has the body ``{"error": {"message", "code", "problems"}}``
(:class:`~plynx.server.schemas.ErrorBody`). A :class:`~plynx.errors.PlynxError` maps to its
status (see :data:`STATUS`); anything unexpected is logged with its traceback and answered with
a 500 that shows no internals.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from aiohttp import web
from pydantic import BaseModel

from plynx.errors import (
    ArtifactError,
    AuthError,
    Conflict,
    Forbidden,
    GraphInvalid,
    InvalidInput,
    NotFound,
    PlynxError,
    ProtocolError,
    StoreError,
)
from plynx.model import TokenKind
from plynx.server import keys
from plynx.server.access import rule_of
from plynx.server.auth import (
    HOW_TO_GET_A_TOKEN,
    LOCAL_IDENTITY,
    Identity,
    RateLimited,
    local_token_hint,
    same_secret,
)
from plynx.server.guard import needs_origin_check, same_origin, served_port
from plynx.server.schemas import ErrorBody, ErrorDetail
from plynx.server.sessions import CSRF_HEADER, SESSION_COOKIE, same_csrf

__all__ = [
    "STATUS",
    "auth_middleware",
    "error_middleware",
    "error_response",
    "local_cookie_name",
]

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
    (Forbidden, 403, "forbidden"),
]

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    421: "misdirected_request",
    429: "too_many_requests",
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
            problems = exc.problems if isinstance(exc, InvalidInput | Forbidden) else []
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
    for name in ("Allow", "WWW-Authenticate", "Retry-After"):
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
    except ConnectionError as exc:
        # the client went away mid-request (a worker or browser closed its socket while the
        # response was being written): nothing is wrong on this side and nobody is left to
        # answer; aiohttp drops the reply below when it cannot be written either
        logger.warning("%s %s: the client went away (%s)", request.method, request.path, exc)
        return error_response(400, "the connection was closed", "connection_closed")
    except Exception:
        logger.exception("unexpected error in %s %s", request.method, request.path)
        return error_response(500, "internal error, see the server log", "internal_error")


_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _token(request: web.Request) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    if request.path.startswith("/ws/"):  # a browser cannot put a header on a websocket
        return request.query.get("token") or None
    return None


def local_cookie_name(port: int) -> str:
    """The cookie that holds the local token in a browser; cookies are shared between ports,
    so the name carries the port (two local instances do not log each other out)."""
    return f"plynx_local_{port}"


def _local_cookie(request: web.Request) -> Identity | None:
    """The local identity if the browser shows the local token's cookie. A cookie travels
    with any request the browser sends, so it may change state only on a request the
    browser proved is from this server's pages."""
    settings = request.app[keys.SETTINGS]
    value = request.cookies.get(local_cookie_name(served_port(request) or settings.port))
    if not value or not same_secret(value, settings.local_token):
        return None
    if needs_origin_check(request) and not same_origin(request):
        raise web.HTTPForbidden(
            text="a browser request that changes something must come from this server's "
            "own pages (the browser sent no Origin header)"
        )
    return LOCAL_IDENTITY


async def _session_cookie(request: web.Request) -> Identity | None:
    """The signed-in user of a browser that shows a session cookie (role read now). A
    request that changes something must come from this server's pages (``Origin``) and carry
    the session's CSRF token; a websocket upgrade, which cannot carry a header, the former."""
    secret = request.cookies.get(SESSION_COOKIE)
    if not secret:
        return None
    session, user = await request.app[keys.SESSIONS].resolve(secret)
    if needs_origin_check(request) and not same_origin(request):
        raise web.HTTPForbidden(
            text="a browser request that changes something must come from this server's "
            "own pages (the browser sent no Origin header)"
        )
    if request.method not in _SAFE_METHODS and not same_csrf(
        request.headers.get(CSRF_HEADER), session
    ):
        raise web.HTTPForbidden(
            text=f"a signed-in request that changes something needs the session's CSRF token "
            f"in the {CSRF_HEADER} header (GET /api/v1/me gives it)"
        )
    request[keys.SESSION] = session
    return Identity(user=user.name, kind=TokenKind.API, role=user.role, session_id=session.id)


@web.middleware
async def auth_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Require a token or a sign-in session on ``/api/`` and ``/ws/events``, except on public
    routes, and say who the caller is; what they may do is :mod:`plynx.server.access`'s to
    decide.

    In local mode the token is the instance's local token (header, or its cookie in a
    browser), or the local workers' token, and there are no sessions. Elsewhere a browser
    shows its session cookie (:func:`_session_cookie`)."""
    path = request.path
    if not (path.startswith("/api/") or path == "/ws/events"):
        return await handler(request)
    rule = rule_of(request)
    if rule is not None and rule.role is None:
        return await handler(request)
    settings = request.app[keys.SETTINGS]
    token = _token(request)
    identity: Identity | None = None
    if token is None:
        if settings.local_mode:
            identity = _local_cookie(request)
        else:
            identity = await _session_cookie(request)
    if identity is None:
        if token is None:
            if settings.local_mode:
                raise AuthError(f"this server needs a token: {local_token_hint(settings)}")
            raise AuthError(
                "this server needs you to sign in (POST /api/v1/session) or a token: "
                + HOW_TO_GET_A_TOKEN
            )
        try:
            identity = await request.app[keys.AUTHENTICATOR].authenticate(token, request.remote)
        except RateLimited as exc:
            raise web.HTTPTooManyRequests(
                text=exc.message, headers={"Retry-After": str(exc.retry_after)}
            ) from None
    request[keys.IDENTITY] = identity
    return await handler(request)
