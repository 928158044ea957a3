"""``/session``: signing a browser in (user name and password) and out.

Rules (until the authorization table holds them): both are public. Signing in sets the
``plynx_session`` cookie (``HttpOnly``, ``SameSite=Strict``, ``Path=/``, ``Secure`` when the
request came over https or ``public_url`` is https); see :mod:`plynx.server.sessions`.
"""

from __future__ import annotations

from typing import Annotated

from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from plynx.errors import InvalidInput
from plynx.model import Role
from plynx.server import keys
from plynx.server.access import PUBLIC
from plynx.server.api.base import Route, json_response, read_body
from plynx.server.sessions import MAX_PASSWORD, SESSION_COOKIE, SignInLimited

__all__ = ["ROUTES", "SessionInfo", "SignInBody", "SignInOptions", "set_session_cookie"]


class SignInBody(BaseModel):
    """A user name and their password."""

    model_config = ConfigDict(extra="forbid")

    user: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    password: Annotated[str, StringConstraints(max_length=MAX_PASSWORD)]


class SessionInfo(BaseModel):
    """The signed-in user and the CSRF token the pages send in ``X-CSRF-Token``."""

    name: str
    role: Role
    csrf_token: str


class SignInOptions(BaseModel):
    """How one may sign in to this server (for the sign-in page, before anyone signs in)."""

    local: bool = Field(description="local mode: no sign-in (the link `plynx local` printed)")
    password: bool = Field(description="user name and password (POST /api/v1/session)")
    oidc_login_url: str | None = Field(
        description="where single sign-on (OpenID Connect) starts, if configured; append "
        "?next=/path to come back there"
    )


async def sign_in_options(request: web.Request) -> web.Response:
    """How one may sign in here."""
    settings = request.app[keys.SETTINGS]
    sso = bool(settings.oidc_issuer) and not settings.local_mode
    return json_response(
        SignInOptions(
            local=settings.local_mode,
            password=not settings.local_mode,
            oidc_login_url="/auth/oidc/login" if sso else None,
        )
    )


def _secure(request: web.Request) -> bool:
    return request.secure or request.app[keys.SETTINGS].public_url.startswith("https://")


async def sign_in(request: web.Request) -> web.Response:
    """Sign in with a password; sets the session cookie. Failed attempts are limited per
    address and per user (429 with Retry-After)."""
    settings = request.app[keys.SETTINGS]
    if settings.local_mode:
        raise InvalidInput(
            "a local-mode server has no sign-in: open the link `plynx local` printed"
        )
    body = await read_body(request, SignInBody)
    try:
        signed_in = await request.app[keys.SESSIONS].sign_in(
            body.user, body.password, request.remote
        )
    except SignInLimited as exc:
        raise web.HTTPTooManyRequests(
            text=exc.message, headers={"Retry-After": str(exc.retry_after)}
        ) from None
    response = json_response(
        SessionInfo(
            name=signed_in.user.name,
            role=signed_in.user.role,
            csrf_token=signed_in.session.csrf_token,
        )
    )
    set_session_cookie(request, response, signed_in.secret)
    return response


def set_session_cookie(request: web.Request, response: web.StreamResponse, secret: str) -> None:
    """Give the browser the cookie of a new session."""
    response.set_cookie(
        SESSION_COOKIE,
        secret,
        max_age=int(request.app[keys.SETTINGS].session_hours * 3600),
        path="/",
        httponly=True,
        samesite="Strict",
        secure=_secure(request),
    )


async def sign_out(request: web.Request) -> web.Response:
    """End the browser's session (if any) and clear its cookie."""
    secret = request.cookies.get(SESSION_COOKIE)
    if secret:
        await request.app[keys.SESSIONS].sign_out(secret)
    response = web.Response(status=204)
    response.del_cookie(SESSION_COOKIE, path="/", secure=_secure(request), samesite="Strict")
    return response


ROUTES = [
    Route(
        "GET",
        "/session",
        sign_in_options,
        "How one may sign in here: password, single sign-on (public)",
        "session",
        response=SignInOptions,
        errors=(),
        access=PUBLIC,
    ),
    Route(
        "POST",
        "/session",
        sign_in,
        "Sign in with user name and password: sets the plynx_session cookie (public)",
        "session",
        request=SignInBody,
        response=SessionInfo,
        errors=(400, 401, 429),
        access=PUBLIC,
    ),
    Route(
        "DELETE",
        "/session",
        sign_out,
        "Sign out: ends the session and clears its cookie (public)",
        "session",
        status=204,
        errors=(),
        access=PUBLIC,
    ),
]
