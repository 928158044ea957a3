"""Sign-in with OpenID Connect (authorization code flow with PKCE), when ``oidc_issuer`` is set.

``GET /auth/oidc/login?next=/path`` sends the browser to the provider with a fresh ``state``,
``nonce`` and PKCE challenge; ``state`` is also put in a short-lived cookie, so the callback
only accepts the answer in the browser that asked (no one can sign a victim in as themselves).
``GET /auth/oidc/callback`` trades the code for an ID token at the provider's token endpoint,
directly and with the client secret, so (as OpenID Connect Core 3.1.3.7 allows) the token's
issuer is vouched for by the connection: its claims are checked (``iss``, ``aud``, ``exp``,
``nonce``), not its signature. Then the user is signed in as with a password (a
:class:`~plynx.model.Session` and its cookie).

The user is the one named by ``oidc_username_claim``. A user's first sign-in creates them with
``oidc_default_role``; later sign-ins must come from the same issuer and subject. A name that
belongs to a local user (or to another subject) is refused: a provider that lets people choose
their name must not hand out an admin's account.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
import re
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode, urlsplit

import aiohttp
from aiohttp import web

from plynx.errors import InvalidInput, NotFound
from plynx.model import Role, User
from plynx.server import keys
from plynx.server.api.session import set_session_cookie
from plynx.server.api.users import USER_NAME
from plynx.server.guard import is_loopback

__all__ = ["CALLBACK_PATH", "LOGIN_PATH", "setup_oidc"]

logger = logging.getLogger(__name__)

LOGIN_PATH = "/auth/oidc/login"
CALLBACK_PATH = "/auth/oidc/callback"
STATE_COOKIE = "plynx_oidc_state"
#: How long a browser may take at the provider.
STATE_SECONDS = 600
_MAX_PENDING = 10_000
_TIMEOUT = aiohttp.ClientTimeout(total=15)


@dataclass(frozen=True)
class _Pending:
    nonce: str
    verifier: str
    next: str
    redirect_uri: str
    expires: float


class OIDC:
    """The provider's configuration (read once) and the sign-ins under way."""

    def __init__(self) -> None:
        self._config: dict[str, Any] | None = None
        self.pending: dict[str, _Pending] = {}

    async def config(self, issuer: str) -> dict[str, Any]:
        """The provider's discovery document."""
        if self._config is None:
            url = issuer.rstrip("/") + "/.well-known/openid-configuration"
            document = await _fetch_json("GET", url)
            if document.get("issuer") != issuer:
                raise web.HTTPBadGateway(
                    text=f"the OpenID provider at {url} says its issuer is "
                    f"{document.get('issuer')!r}, not {issuer!r}: check oidc_issuer"
                )
            endpoints = [document.get(k) for k in ("authorization_endpoint", "token_endpoint")]
            if not all(isinstance(e, str) and _trusted_url(e) for e in endpoints):
                raise web.HTTPBadGateway(
                    text=f"the OpenID provider at {url} names no https:// authorization and "
                    "token endpoints"
                )
            self._config = document
        return self._config

    def remember(self, state: str, pending: _Pending) -> None:
        """Keep a sign-in under way (forgetting those whose time is up, and the oldest past a
        bound: a flood of logins must not grow memory)."""
        now = time.monotonic()
        for key in [k for k, v in self.pending.items() if v.expires < now]:
            del self.pending[key]
        while len(self.pending) >= _MAX_PENDING:
            del self.pending[next(iter(self.pending))]
        self.pending[state] = pending


_OIDC = web.AppKey("plynx_oidc", OIDC)


async def _fetch_json(method: str, url: str, **kwargs: Any) -> dict[str, Any]:
    try:
        async with (
            aiohttp.ClientSession(timeout=_TIMEOUT) as http,
            http.request(method, url, **kwargs) as resp,
        ):
            body = await resp.read()
            if resp.status != 200:
                raise web.HTTPBadGateway(
                    text=f"the OpenID provider answered {resp.status} to {method} {url}: "
                    f"{body[:300]!r}"
                )
            document = json.loads(body)
    except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
        raise web.HTTPBadGateway(text=f"the OpenID provider failed ({url}): {exc}") from None
    if not isinstance(document, dict):
        raise web.HTTPBadGateway(text=f"the OpenID provider sent no JSON object ({url})")
    return document


def _next(raw: str) -> str:
    """A path on this server to go to after signing in (anything else: the dashboard)."""
    if raw.startswith("/") and not raw.startswith("//") and "\\" not in raw:
        return raw
    return "/"


def _trusted_url(url: str) -> bool:
    """https, or http to this machine (a provider started for tests or on the same host)."""
    parts = urlsplit(url)
    return parts.scheme == "https" or (parts.scheme == "http" and is_loopback(parts.hostname or ""))


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _claims(id_token: str) -> dict[str, Any]:
    """The payload of a JWT (its signature is not checked: see the module docstring)."""
    try:
        payload = id_token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError, binascii.Error):
        raise web.HTTPBadGateway(text="the OpenID provider's ID token is not a JWT") from None
    if not isinstance(claims, dict):
        raise web.HTTPBadGateway(text="the OpenID provider's ID token holds no claims")
    return claims


def _redirect_uri(request: web.Request) -> str:
    public = request.app[keys.SETTINGS].public_url.rstrip("/")
    base = public or f"{request.scheme}://{request.host}"
    return base + CALLBACK_PATH


def _enabled(request: web.Request) -> OIDC:
    settings = request.app[keys.SETTINGS]
    if not settings.oidc_issuer or settings.local_mode:
        raise web.HTTPNotFound(text="this server has no single sign-on (oidc_issuer is not set)")
    return request.app[_OIDC]


async def login(request: web.Request) -> web.StreamResponse:
    """Send the browser to the provider."""
    oidc = _enabled(request)
    settings = request.app[keys.SETTINGS]
    config = await oidc.config(settings.oidc_issuer)
    state, nonce, verifier = (secrets.token_urlsafe(32) for _ in range(3))
    redirect_uri = _redirect_uri(request)
    oidc.remember(
        state,
        _Pending(
            nonce=nonce,
            verifier=verifier,
            next=_next(request.query.get("next", "/")),
            redirect_uri=redirect_uri,
            expires=time.monotonic() + STATE_SECONDS,
        ),
    )
    query = urlencode(
        {
            "response_type": "code",
            "client_id": settings.oidc_client_id,
            "redirect_uri": redirect_uri,
            "scope": "openid profile email",
            "state": state,
            "nonce": nonce,
            "code_challenge": _b64(hashlib.sha256(verifier.encode()).digest()),
            "code_challenge_method": "S256",
        }
    )
    response = web.Response(
        status=302,
        headers={
            "Location": f"{config['authorization_endpoint']}?{query}",
            "Cache-Control": "no-store",
        },
    )
    # Lax: the provider's redirect back is a top-level navigation from another site.
    response.set_cookie(
        STATE_COOKIE,
        state,
        max_age=STATE_SECONDS,
        path=CALLBACK_PATH,
        httponly=True,
        samesite="Lax",
        secure=redirect_uri.startswith("https://"),
    )
    return response


async def callback(request: web.Request) -> web.StreamResponse:
    """Trade the code for an ID token, find or create the user, sign them in."""
    oidc = _enabled(request)
    settings = request.app[keys.SETTINGS]
    if "error" in request.query:
        raise web.HTTPUnauthorized(
            text=f"the OpenID provider refused the sign-in: {request.query['error'][:200]}"
        )
    state = request.query.get("state", "")
    pending = oidc.pending.pop(state, None) if state else None
    if (
        pending is None
        or pending.expires < time.monotonic()
        or request.cookies.get(STATE_COOKIE) != state
    ):
        raise web.HTTPBadRequest(
            text="this sign-in was not started by this browser, or took too long: start again"
        )
    code = request.query.get("code")
    if not code:
        raise web.HTTPBadRequest(text="the OpenID provider sent no code")
    config = await oidc.config(settings.oidc_issuer)
    tokens = await _fetch_json(
        "POST",
        config["token_endpoint"],
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": pending.redirect_uri,
            "client_id": settings.oidc_client_id,
            "client_secret": settings.oidc_client_secret,
            "code_verifier": pending.verifier,
        },
    )
    claims = _claims(str(tokens.get("id_token", "")))
    audience = claims.get("aud")
    audiences = audience if isinstance(audience, list) else [audience]
    problems = [
        what
        for what, bad in [
            ("issuer", claims.get("iss") != settings.oidc_issuer),
            ("audience", settings.oidc_client_id not in audiences),
            (
                "expiry",
                not isinstance(claims.get("exp"), int | float) or claims["exp"] < time.time(),
            ),
            ("nonce", claims.get("nonce") != pending.nonce),
            ("subject", not isinstance(claims.get("sub"), str) or not claims["sub"]),
        ]
        if bad
    ]
    if problems:
        logger.warning("OpenID ID token refused: wrong %s", ", ".join(problems))
        raise web.HTTPUnauthorized(
            text=f"the OpenID provider's ID token is not for this sign-in (wrong "
            f"{', '.join(problems)})"
        )
    user = await _user_for(request, claims)
    signed_in = await request.app[keys.SESSIONS].start(user)
    logger.info("user %s signed in with OpenID Connect from %s", user.name, request.remote)
    response = web.Response(
        status=303, headers={"Location": pending.next, "Cache-Control": "no-store"}
    )
    set_session_cookie(request, response, signed_in.secret)
    response.del_cookie(STATE_COOKIE, path=CALLBACK_PATH)
    return response


async def _user_for(request: web.Request, claims: dict[str, Any]) -> User:
    """The user the claims name: created on their first sign-in, else the same subject."""
    settings = request.app[keys.SETTINGS]
    claim = settings.oidc_username_claim
    name = claims.get(claim)
    if not isinstance(name, str) or not re.fullmatch(USER_NAME, name):
        raise web.HTTPForbidden(
            text=f"the OpenID provider's {claim!r} ({str(name)[:70]!r}) is not a PLynx user "
            "name (letters, digits and . _ @ -): set oidc_username_claim"
        )
    subject = f"{settings.oidc_issuer} {claims['sub']}"
    store = request.app[keys.STORE]
    async with request.app[keys.SESSIONS].users_lock:
        try:
            user = await store.get_user(name)
        except NotFound:
            user = User(
                name=name,
                role=Role(settings.oidc_default_role),
                created_at=datetime.now(UTC),
                sso_subject=subject,
            )
            await store.put_user(user)
            logger.info("user %s (%s) created by their first OpenID sign-in", name, user.role)
            return user
    if user.sso_subject != subject:
        raise web.HTTPForbidden(
            text=f"the user name {name!r} belongs to another account of this server; ask an admin"
        )
    if user.disabled:
        raise web.HTTPForbidden(text=f"the user {name!r} is disabled; ask an admin")
    return user


def setup_oidc(app: web.Application) -> None:
    """Register :data:`LOGIN_PATH` and :data:`CALLBACK_PATH` (after checking the settings)."""
    settings = app[keys.SETTINGS]
    if settings.oidc_issuer:
        roles = [r.value for r in Role]
        if settings.oidc_default_role not in roles:
            raise InvalidInput(
                f"setting 'oidc_default_role': {settings.oidc_default_role!r} is not one of "
                f"{', '.join(roles)}"
            )
        if not settings.oidc_client_id:
            raise InvalidInput("setting 'oidc_client_id' is needed with 'oidc_issuer'")
        if not _trusted_url(settings.oidc_issuer):
            raise InvalidInput(
                f"setting 'oidc_issuer': {settings.oidc_issuer!r} must be an https:// URL "
                "(plain http only on this machine): ID tokens are trusted for the connection"
            )
    app[_OIDC] = OIDC()
    app.router.add_get(LOGIN_PATH, login)
    app.router.add_get(CALLBACK_PATH, callback)
