"""Sign-in with OpenID Connect (authorization code flow with PKCE), when ``oidc_issuer`` is set.

``GET /auth/oidc/login?next=/path`` sends the browser to the provider with a fresh ``state``,
``nonce`` and PKCE challenge; ``state`` is also put in a short-lived cookie, so the callback
only accepts the answer in the browser that asked (no one can sign a victim in as themselves).
``GET /auth/oidc/callback`` trades the code for an ID token at the provider's token endpoint,
with the client secret, and verifies it (:class:`Keys`): its signature with the provider's
published keys (its ``jwks_uri``, fetched with the discovery document and kept
``oidc_keys_ttl`` seconds, fetched again for a key id it does not hold), with one of
``oidc_algorithms`` (never ``none``; ``HS256`` and kin, keyed with the client secret, only when
listed), then ``iss``, ``aud`` (and ``azp``), ``exp`` and ``iat`` (with :data:`LEEWAY`), ``sub``
and ``nonce``. Then the user is signed in as with a password (a :class:`~plynx.model.Session`
and its cookie). Every callback is audited (``session.oidc``), refused ones as denied.

Verifying needs PyJWT with cryptography (the ``oidc`` extra: ``pip install 'plynx[oidc]'``);
a server with ``oidc_issuer`` set refuses to start without it.

The user is the one named by ``oidc_username_claim``. A user's first sign-in creates them with
``oidc_default_role``; later sign-ins must come from the same issuer and subject. A name that
belongs to a local user (or to another subject) is refused: a provider that lets people choose
their name must not hand out an admin's account.
"""

from __future__ import annotations

import asyncio
import base64
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
from plynx.server.audit import record_sign_in
from plynx.server.guard import is_loopback
from plynx.settings import Settings

__all__ = ["CALLBACK_PATH", "LEEWAY", "LOGIN_PATH", "Keys", "setup_oidc"]

logger = logging.getLogger(__name__)

LOGIN_PATH = "/auth/oidc/login"
CALLBACK_PATH = "/auth/oidc/callback"
STATE_COOKIE = "plynx_oidc_state"
#: How long a browser may take at the provider.
STATE_SECONDS = 600
_MAX_PENDING = 10_000
_TIMEOUT = aiohttp.ClientTimeout(total=15)
#: Largest discovery document, key set or token response read from the provider.
_MAX_DOCUMENT = 1024 * 1024
#: Clock skew allowed between the provider and this server (``exp``, ``iat``), seconds.
LEEWAY = 60.0
#: Signature algorithms an ID token may be verified with (those of ``oidc_algorithms``).
ASYMMETRIC = frozenset(
    {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"}
)
SYMMETRIC = frozenset({"HS256", "HS384", "HS512"})
#: The action of an OpenID sign-in in the audit trail.
AUDIT_ACTION = "session.oidc"


@dataclass(frozen=True)
class _Pending:
    nonce: str
    verifier: str
    next: str
    redirect_uri: str
    expires: float


class Refused(Exception):
    """An ID token that does not verify (the message says why, for the person signing in)."""


class Keys:
    """The provider's discovery document and signing keys (JWKS), fetched when first needed
    and again when older than ``ttl`` seconds; :meth:`verify` checks an ID token with them.

    An ID token signed with a key id the keys do not hold makes them fetched again at once
    (the provider may have rotated its keys), but not more often than every ``min_refresh``
    seconds: tokens naming made-up keys cannot make this server hammer the provider."""

    def __init__(self, settings: Settings) -> None:
        self.issuer = settings.oidc_issuer
        self.client_id = settings.oidc_client_id
        self.client_secret = settings.oidc_client_secret
        self.algorithms = _algorithms(settings.oidc_algorithms)
        self.ttl = settings.oidc_keys_ttl
        self.min_refresh = settings.oidc_keys_min_refresh
        self._config: dict[str, Any] | None = None
        self._config_at = 0.0
        self._jwks: list[dict[str, Any]] = []
        self._jwks_at: float | None = None
        self._lock = asyncio.Lock()

    async def config(self) -> dict[str, Any]:
        """The provider's discovery document."""
        async with self._lock:
            if self._config is None or time.monotonic() - self._config_at > self.ttl:
                self._config = await _discover(self.issuer)
                self._config_at = time.monotonic()
            return self._config

    async def keys(self, *, refresh: bool = False) -> list[dict[str, Any]]:
        """The provider's published keys (JWKs); ``refresh``: fetched again unless they were
        fetched less than ``min_refresh`` seconds ago."""
        config = await self.config()
        async with self._lock:
            now = time.monotonic()
            age = None if self._jwks_at is None else now - self._jwks_at
            if age is None or age > self.ttl or (refresh and age >= self.min_refresh):
                self._jwks = await _fetch_jwks(config["jwks_uri"])
                self._jwks_at = time.monotonic()
            return self._jwks

    async def verify(self, id_token: str, nonce: str) -> dict[str, Any]:
        """The claims of ``id_token`` once it is shown to be signed by the provider, for this
        client, current, and for the sign-in with ``nonce``; :class:`Refused` otherwise."""
        header = _header(id_token)
        alg = header.get("alg")
        if not isinstance(alg, str) or alg not in self.algorithms:
            raise Refused(
                f"it is signed with {str(alg)[:20]!r}, which this server does not accept "
                f"(oidc_algorithms: {', '.join(sorted(self.algorithms))})"
            )
        kid = header.get("kid")
        candidates: list[dict[str, Any]]
        if alg in SYMMETRIC:
            candidates = [{"kty": "oct", "k": _b64(self.client_secret.encode())}]
        else:
            candidates = _matching(await self.keys(), kid, alg)
            if not candidates:
                candidates = _matching(await self.keys(refresh=True), kid, alg)
            if not candidates:
                raise Refused(
                    f"it is signed with a key the provider does not publish (kid "
                    f"{str(kid)[:60]!r}, {alg})"
                )
        # RSA and EC verification takes well under a millisecond, but key sizes are the
        # provider's choice: the loop never waits on them.
        claims = await asyncio.to_thread(
            _decode, id_token, candidates, alg, self.issuer, self.client_id
        )
        got = claims.get("nonce")
        if not isinstance(got, str) or not secrets.compare_digest(got.encode(), nonce.encode()):
            raise Refused("it is for another sign-in (wrong nonce): start again")
        if "azp" in claims and claims["azp"] != self.client_id:
            raise Refused("it was issued to another client (wrong azp)")
        if not isinstance(claims.get("sub"), str) or not claims["sub"]:
            raise Refused("it names no subject (sub)")
        return claims


class OIDC:
    """The provider's keys and the sign-ins under way."""

    def __init__(self, settings: Settings) -> None:
        self.keys = Keys(settings)
        self.pending: dict[str, _Pending] = {}

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
            body = bytearray()
            async for chunk in resp.content.iter_chunked(64 * 1024):
                body += chunk
                if len(body) > _MAX_DOCUMENT:
                    raise web.HTTPBadGateway(
                        text=f"the OpenID provider's answer to {method} {url} is larger than "
                        f"{_MAX_DOCUMENT} bytes"
                    )
            if resp.status != 200:
                raise web.HTTPBadGateway(
                    text=f"the OpenID provider answered {resp.status} to {method} {url}: "
                    f"{bytes(body[:300])!r}"
                )
            document = json.loads(body)
    except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
        raise web.HTTPBadGateway(text=f"the OpenID provider failed ({url}): {exc}") from None
    if not isinstance(document, dict):
        raise web.HTTPBadGateway(text=f"the OpenID provider sent no JSON object ({url})")
    return document


async def _discover(issuer: str) -> dict[str, Any]:
    """The provider's discovery document, checked: its issuer is ``issuer`` and it names
    trusted authorization, token and keys endpoints."""
    url = issuer.rstrip("/") + "/.well-known/openid-configuration"
    document = await _fetch_json("GET", url)
    if document.get("issuer") != issuer:
        raise web.HTTPBadGateway(
            text=f"the OpenID provider at {url} says its issuer is "
            f"{document.get('issuer')!r}, not {issuer!r}: check oidc_issuer"
        )
    names = ("authorization_endpoint", "token_endpoint", "jwks_uri")
    if not all(isinstance(e, str) and _trusted_url(e) for e in map(document.get, names)):
        raise web.HTTPBadGateway(
            text=f"the OpenID provider at {url} names no https:// authorization endpoint, "
            "token endpoint and jwks_uri"
        )
    return document


async def _fetch_jwks(url: str) -> list[dict[str, Any]]:
    document = await _fetch_json("GET", url)
    keys = document.get("keys")
    if not isinstance(keys, list):
        raise web.HTTPBadGateway(text=f"the OpenID provider's key set ({url}) has no 'keys'")
    return [k for k in keys if isinstance(k, dict)]


def _algorithms(setting: str) -> frozenset[str]:
    """The algorithms of ``oidc_algorithms`` (checked by :func:`setup_oidc`)."""
    return frozenset(a.strip() for a in setting.split(",") if a.strip())


def _header(id_token: str) -> dict[str, Any]:
    """The (not yet verified) header of a JWT."""
    try:
        encoded = id_token.split(".", maxsplit=1)[0]
        header = json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))
    except ValueError:  # binascii.Error and JSONDecodeError are ValueErrors
        raise Refused("it is not a JWT") from None
    if not isinstance(header, dict) or id_token.count(".") != 2:
        raise Refused("it is not a JWT")
    return header


_KEY_TYPES = {"RS": "RSA", "PS": "RSA", "ES": "EC", "Ed": "OKP"}


def _matching(keys: list[dict[str, Any]], kid: Any, alg: str) -> list[dict[str, Any]]:
    """The published keys that may have signed a token with header ``kid`` and ``alg``: the
    key with that id (any, without one), for signing, of the algorithm's key type."""
    kty = _KEY_TYPES[alg[:2]]
    return [
        k
        for k in keys
        if (kid is None or k.get("kid") == kid)
        and k.get("kty") == kty
        and k.get("use", "sig") == "sig"
        and k.get("alg", alg) == alg
    ]


def _decode(
    id_token: str, candidates: list[dict[str, Any]], alg: str, issuer: str, client_id: str
) -> dict[str, Any]:
    """The claims of ``id_token`` if one of the ``candidates`` (JWKs) verifies its signature,
    and its ``iss``, ``aud``, ``exp`` and ``iat`` are right (run in a thread)."""
    import jwt  # the "oidc" extra, checked at start

    bad_signature = Refused("its signature does not verify with the provider's keys")
    for candidate in candidates:
        try:
            key = jwt.PyJWK(candidate, algorithm=alg)
        except (jwt.PyJWTError, ValueError, TypeError, KeyError):
            continue  # a broken key, one this PyJWT cannot use, or one that does not suit alg
        try:
            claims: dict[str, Any] = jwt.decode(
                id_token,
                key,
                algorithms=[alg],
                audience=client_id,
                issuer=issuer,
                leeway=LEEWAY,
                options={"require": ["iss", "aud", "exp", "iat", "sub"]},
            )
        except jwt.InvalidSignatureError:
            continue
        except jwt.ExpiredSignatureError:
            raise Refused("it has expired (its expiry, exp, has passed)") from None
        except jwt.ImmatureSignatureError:
            raise Refused("it is not valid yet (iat or nbf is in the future)") from None
        except jwt.InvalidAudienceError:
            raise Refused("it is for another client (wrong audience)") from None
        except jwt.InvalidIssuerError:
            raise Refused("it is from another provider (wrong issuer)") from None
        except jwt.MissingRequiredClaimError as exc:
            raise Refused(f"it has no {exc.claim!r} claim") from None
        except jwt.PyJWTError as exc:
            raise Refused(f"it is malformed ({str(exc)[:200]})") from None
        return claims
    raise bad_signature


def _missing_library() -> str:
    """Why ID tokens cannot be verified here (``""``: they can)."""
    try:
        import jwt
        from jwt.algorithms import has_crypto
    except ImportError:
        return "PyJWT is not installed"
    if not has_crypto:
        return "PyJWT is installed without cryptography"
    return "" if hasattr(jwt, "PyJWK") else "PyJWT is too old (2.8 or later is needed)"


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
    config = await oidc.keys.config()
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
    """Trade the code for an ID token, verify it, find or create the user, sign them in
    (audited, whatever the outcome)."""
    oidc = _enabled(request)
    attempt = _Attempt()
    try:
        response = await _callback(request, oidc, attempt)
    except web.HTTPException as exc:
        record_sign_in(request, exc.status, attempt.user, AUDIT_ACTION)
        raise
    except BaseException:
        record_sign_in(request, 500, attempt.user, AUDIT_ACTION)
        raise
    record_sign_in(request, response.status, attempt.user, AUDIT_ACTION)
    return response


@dataclass
class _Attempt:
    #: The user a sign-in is for, once its ID token is verified.
    user: str = ""


async def _callback(request: web.Request, oidc: OIDC, attempt: _Attempt) -> web.StreamResponse:
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
    config = await oidc.keys.config()
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
    try:
        claims = await oidc.keys.verify(str(tokens.get("id_token", "")), pending.nonce)
    except Refused as exc:
        logger.warning("OpenID ID token refused (from %s): %s", request.remote, exc)
        raise web.HTTPUnauthorized(
            text=f"sign-in refused: the OpenID provider's ID token {exc}"
        ) from None
    name = claims.get(settings.oidc_username_claim)
    attempt.user = name[:200] if isinstance(name, str) else ""
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
        missing = _missing_library()
        if missing:
            raise InvalidInput(
                f"setting 'oidc_issuer': OpenID Connect sign-in verifies ID token signatures, "
                f"but {missing}: install the 'oidc' extra (pip install 'plynx[oidc]')"
            )
        algorithms = _algorithms(settings.oidc_algorithms)
        unknown = sorted(algorithms - ASYMMETRIC - SYMMETRIC)
        if unknown or not algorithms:
            raise InvalidInput(
                f"setting 'oidc_algorithms': {', '.join(unknown) or 'none given'}: list some of "
                f"{', '.join(sorted(ASYMMETRIC | SYMMETRIC))} ('none' is never accepted)"
            )
        if algorithms & SYMMETRIC and len(settings.oidc_client_secret) < 32:
            raise InvalidInput(
                "setting 'oidc_algorithms': HS256 and its kin are keyed with "
                "'oidc_client_secret', which must then be at least 32 characters"
            )
        if settings.oidc_keys_ttl <= 0 or settings.oidc_keys_min_refresh < 0:
            raise InvalidInput(
                "settings 'oidc_keys_ttl' and 'oidc_keys_min_refresh': seconds, the first "
                "above 0, the second not below 0"
            )
    app[_OIDC] = OIDC(settings)
    app.router.add_get(LOGIN_PATH, login)
    app.router.add_get(CALLBACK_PATH, callback)
