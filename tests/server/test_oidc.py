"""Sign-in with OpenID Connect against a small OpenID provider the test starts (discovery,
authorization with PKCE, a token endpoint that checks the client secret and the verifier, ID
tokens signed with a real RSA key whose public half it publishes at its ``jwks_uri``)."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import secrets
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlencode, urlsplit

import aiohttp
import jwt
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from jwt.algorithms import ECAlgorithm, OKPAlgorithm, RSAAlgorithm

from plynx.errors import InvalidInput, NotFound
from plynx.server import keys
from plynx.server.app import create_app
from plynx.settings import Settings

from .accounts import API, add_user, admin_token, bearer, secured_client
from .conftest import MakeClient

CLIENT_ID = "plynx-test"
CLIENT_SECRET = "s3cret-of-the-client-long-enough-for-hs256"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


_RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
_OTHER_RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _jwk(private: Any, kid: str) -> dict[str, Any]:
    """The public JWK of ``private`` (RSA or EC) named ``kid``."""
    codec: Any = RSAAlgorithm
    if isinstance(private, ec.EllipticCurvePrivateKey):
        codec = ECAlgorithm
    elif isinstance(private, ed25519.Ed25519PrivateKey):
        codec = OKPAlgorithm
    jwk: dict[str, Any] = codec.to_jwk(private.public_key(), as_dict=True)
    return {**jwk, "kid": kid, "use": "sig"}


@dataclass
class Provider:
    """An OpenID provider that signs in ``who`` without asking; ``tamper`` changes claims of
    the next ID tokens. It signs them with ``key`` (``alg``, named ``kid``) and publishes
    ``published`` (``None``: the public half of ``key``) at its ``jwks_uri``; ``forge``, when
    set, makes the ID token from the claims instead."""

    issuer: str = ""
    who: dict[str, Any] = field(
        default_factory=lambda: {"sub": "u-1", "preferred_username": "alice"}
    )
    tamper: dict[str, Any] = field(default_factory=dict)
    codes: dict[str, dict[str, str]] = field(default_factory=dict)
    token_requests: int = 0
    key: Any = _RSA_KEY
    alg: str = "RS256"
    kid: str = "key-1"
    published: list[dict[str, Any]] | None = None
    forge: Any = None
    jwks_requests: int = 0
    jwks_uri: str | None = "/jwks"
    jwks_padding: int = 0

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/.well-known/openid-configuration", self.discovery)
        app.router.add_get("/authorize", self.authorize)
        app.router.add_post("/token", self.token)
        app.router.add_get("/jwks", self.jwks)
        return app

    async def jwks(self, request: web.Request) -> web.Response:
        self.jwks_requests += 1
        published = self.published
        if published is None:
            published = [_jwk(self.key, self.kid)]
        await asyncio.sleep(0.05)  # slow enough for sign-ins to overlap
        return web.json_response({"keys": published, "padding": "x" * self.jwks_padding})

    async def discovery(self, request: web.Request) -> web.Response:
        return web.json_response(
            {
                "issuer": self.issuer,
                "authorization_endpoint": self.issuer + "/authorize",
                "token_endpoint": self.issuer + "/token",
                **({"jwks_uri": self.issuer + self.jwks_uri} if self.jwks_uri else {}),
            }
        )

    async def authorize(self, request: web.Request) -> web.Response:
        q = request.query
        assert q["client_id"] == CLIENT_ID and q["response_type"] == "code"
        assert q["code_challenge_method"] == "S256" and "openid" in q["scope"].split()
        code = secrets.token_urlsafe(16)
        self.codes[code] = dict(q)
        target = q["redirect_uri"] + "?" + urlencode({"code": code, "state": q["state"]})
        raise web.HTTPFound(target)

    async def token(self, request: web.Request) -> web.Response:
        self.token_requests += 1
        form = await request.post()
        asked = self.codes.pop(str(form["code"]), None)
        if asked is None or form["client_secret"] != CLIENT_SECRET:
            return web.json_response({"error": "invalid_grant"}, status=400)
        challenge = _b64(hashlib.sha256(str(form["code_verifier"]).encode()).digest())
        if challenge != asked["code_challenge"] or form["redirect_uri"] != asked["redirect_uri"]:
            return web.json_response({"error": "invalid_grant"}, status=400)
        claims = {
            "iss": self.issuer,
            "aud": CLIENT_ID,
            "exp": int(time.time()) + 300,
            "iat": int(time.time()),
            "nonce": asked["nonce"],
            **self.who,
            **self.tamper,
        }
        if self.forge is not None:
            id_token = self.forge(claims)
        else:
            id_token = jwt.encode(claims, self.key, algorithm=self.alg, headers={"kid": self.kid})
        return web.json_response(
            {"id_token": id_token, "access_token": "x", "token_type": "Bearer"}
        )


@pytest.fixture
async def provider() -> AsyncIterator[Provider]:
    the_provider = Provider()
    server = TestServer(the_provider.app())
    await server.start_server()
    the_provider.issuer = str(server.make_url("")).rstrip("/")
    yield the_provider
    await server.close()


async def _sso_client(
    make_client: MakeClient, settings: Settings, provider: Provider, **changes: Any
) -> TestClient:
    return await secured_client(
        make_client,
        settings,
        oidc_issuer=provider.issuer,
        oidc_client_id=CLIENT_ID,
        oidc_client_secret=CLIENT_SECRET,
        **changes,
    )


@pytest.fixture
async def sso(make_client: MakeClient, settings: Settings, provider: Provider) -> TestClient:
    return await _sso_client(make_client, settings, provider)


async def _sign_ins(client: TestClient) -> list[dict[str, Any]]:
    """The audit trail's OpenID sign-ins, oldest first (read by an admin)."""
    admin = await admin_token(client, "auditor")
    resp = await client.get(
        f"{API}/audit", params={"action": "session.oidc"}, headers=bearer(admin)
    )
    assert resp.status == 200, await resp.text()
    items: list[dict[str, Any]] = (await resp.json())["items"]
    return sorted(items, key=lambda e: str(e["at"]))


async def _sign_in(client: TestClient, next_path: str = "/graphs") -> aiohttp.ClientResponse:
    """Go through the provider like a browser; the last answer (the callback's)."""
    start = await client.get(f"/auth/oidc/login?next={next_path}", allow_redirects=False)
    assert start.status == 302, await start.text()
    async with aiohttp.ClientSession() as browser:
        at_provider = await browser.get(start.headers["Location"], allow_redirects=False)
        assert at_provider.status == 302
        back = urlsplit(at_provider.headers["Location"])
    return await client.get(f"{back.path}?{back.query}", allow_redirects=False)


async def test_a_first_sign_in_creates_the_user_and_later_ones_find_them(
    sso: TestClient, provider: Provider
) -> None:
    done = await _sign_in(sso)
    assert done.status == 303 and done.headers["Location"] == "/graphs"
    cookie = done.cookies["plynx_session"]
    assert cookie["httponly"] and cookie["samesite"] == "Strict"
    me = await (await sso.get(f"{API}/me")).json()
    assert me["name"] == "alice" and me["role"] == "viewer" and me["csrf_token"]
    user = await sso.app[keys.STORE].get_user("alice")
    assert user.sso_subject == f"{provider.issuer} u-1" and not user.password_hash

    await sso.delete(f"{API}/session")
    assert (await sso.get(f"{API}/me")).status == 401
    assert (await _sign_in(sso, "//evil.example/x")).headers["Location"] == "/"
    assert (await (await sso.get(f"{API}/me")).json())["name"] == "alice"


async def test_a_local_users_name_is_not_handed_out(sso: TestClient, provider: Provider) -> None:
    admin = await admin_token(sso, "root")
    provider.who = {"sub": "attacker", "preferred_username": "root"}
    done = await _sign_in(sso)
    assert done.status == 403 and "belongs to another account" in await done.text()
    assert "plynx_session" not in done.cookies
    # nor a user made by another subject
    provider.who = {"sub": "u-1", "preferred_username": "alice"}
    assert (await _sign_in(sso)).status == 303
    provider.who = {"sub": "u-2", "preferred_username": "alice"}
    assert (await _sign_in(sso)).status == 403
    await add_user(sso, admin, "bob")
    assert (await sso.get(f"{API}/users/root", headers=bearer(admin))).status == 200


def _unsigned(claims: dict[str, Any]) -> str:
    header = _b64(json.dumps({"alg": "none", "kid": "key-1"}).encode())
    return f"{header}.{_b64(json.dumps(claims).encode())}."


def _hs256(secret: bytes | str) -> Any:
    """An HS256 token keyed with ``secret`` (made by hand: PyJWT refuses a PEM as a secret)."""
    key = secret.encode() if isinstance(secret, str) else secret

    def forge(claims: dict[str, Any]) -> str:
        header = _b64(json.dumps({"alg": "HS256", "kid": "key-1"}).encode())
        signed = f"{header}.{_b64(json.dumps(claims).encode())}"
        return f"{signed}.{_b64(hmac.new(key, signed.encode(), hashlib.sha256).digest())}"

    return forge


def _header_alg(alg: Any) -> Any:
    def forge(claims: dict[str, Any]) -> str:
        header = _b64(json.dumps({"alg": alg, "kid": "key-1"}).encode())
        return f"{header}.{_b64(json.dumps(claims).encode())}.{_b64(b'x' * 256)}"

    return forge


def _without(claim: str) -> Any:
    def forge(claims: dict[str, Any]) -> str:
        claims = {k: v for k, v in claims.items() if k != claim}
        return jwt.encode(claims, _RSA_KEY, algorithm="RS256", headers={"kid": "key-1"})

    return forge


def _payload_swapped(claims: dict[str, Any]) -> str:
    """A genuine token for someone else, its payload changed to name alice."""
    header, _, signature = jwt.encode(
        {**claims, "sub": "u-9", "preferred_username": "mallory"},
        _RSA_KEY,
        algorithm="RS256",
        headers={"kid": "key-1"},
    ).split(".")
    return f"{header}.{_b64(json.dumps(claims).encode())}.{signature}"


_PUBLIC_PEM = _RSA_KEY.public_key().public_bytes(
    serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
)
_NOW = int(time.time())


@pytest.mark.parametrize(
    "change, words",
    [
        pytest.param(
            {"key": _OTHER_RSA_KEY, "published": [_jwk(_RSA_KEY, "key-1")]},
            "signature does not verify",
            id="signed-by-another-key",
        ),
        pytest.param(
            {"forge": _payload_swapped}, "signature does not verify", id="payload-swapped"
        ),
        pytest.param(
            {"forge": _unsigned}, "'none', which this server does not accept", id="alg-none"
        ),
        pytest.param(
            {"forge": _hs256(CLIENT_SECRET)},
            "'HS256', which this server does not accept",
            id="hs256-with-the-client-secret",
        ),
        pytest.param(
            {"forge": _hs256(_PUBLIC_PEM.decode())},
            "'HS256', which this server does not accept",
            id="hs256-with-the-public-key",
        ),
        pytest.param(
            {"key": _OTHER_RSA_KEY, "kid": "key-2", "published": [_jwk(_RSA_KEY, "key-1")]},
            "a key the provider does not publish (kid 'key-2', RS256)",
            id="unknown-kid",
        ),
        pytest.param({"tamper": {"aud": "another-client"}}, "wrong audience", id="audience"),
        pytest.param(
            {"tamper": {"aud": [CLIENT_ID, "other"], "azp": "other"}}, "wrong azp", id="azp"
        ),
        pytest.param({"tamper": {"iss": "https://elsewhere.example"}}, "wrong issuer", id="issuer"),
        pytest.param({"tamper": {"exp": _NOW - 3600}}, "expired", id="expired"),
        pytest.param({"tamper": {"exp": "tomorrow"}}, "malformed", id="exp-not-a-number"),
        pytest.param({"tamper": {"iat": _NOW + 3600}}, "not valid yet", id="issued-in-the-future"),
        pytest.param({"tamper": {"nonce": "replayed"}}, "wrong nonce", id="nonce"),
        pytest.param({"forge": _without("nonce")}, "wrong nonce", id="no-nonce"),
        pytest.param({"forge": _without("exp")}, "no 'exp' claim", id="no-exp"),
        pytest.param({"forge": _without("iat")}, "no 'iat' claim", id="no-iat"),
        pytest.param({"forge": _without("sub")}, "no 'sub' claim", id="no-sub"),
        pytest.param({"forge": lambda claims: "not.a-jwt"}, "not a JWT", id="not-a-jwt"),
        pytest.param(
            {"forge": _header_alg(["RS256"])}, "which this server does not", id="alg-list"
        ),
        pytest.param(
            {"published": [{"kty": "RSA", "kid": "key-1", "n": "AQAB", "e": "AQAB"}]},
            "signature does not verify",
            id="broken-published-key",
        ),
    ],
)
async def test_an_id_token_that_does_not_verify_is_refused_and_audited(
    sso: TestClient, provider: Provider, change: dict[str, Any], words: str
) -> None:
    for name, value in change.items():
        setattr(provider, name, value)
    sso.session.cookie_jar.clear()
    done = await _sign_in(sso)
    text = await done.text()
    assert done.status == 401, text
    assert "sign-in refused: the OpenID provider's ID token" in text and words in text
    assert "plynx_session" not in done.cookies
    assert (await sso.get(f"{API}/me")).status == 401
    with pytest.raises(NotFound):
        await sso.app[keys.STORE].get_user("alice")
    [event] = await _sign_ins(sso)
    assert (event["user"], event["status"], event["outcome"]) == ("", 401, "denied")
    assert event["path"] == "/auth/oidc/callback" and event["method"] == "GET"


async def test_a_sign_in_is_audited_with_its_user(sso: TestClient, provider: Provider) -> None:
    assert (await _sign_in(sso)).status == 303
    provider.who = {"sub": "u-2", "preferred_username": "alice"}  # another subject
    assert (await _sign_in(sso)).status == 403
    events = await _sign_ins(sso)
    assert [(e["user"], e["status"], e["outcome"]) for e in events] == [
        ("alice", 303, "ok"),
        ("alice", 403, "denied"),
    ]


async def test_keys_are_kept_and_fetched_again_when_the_provider_rotates_them(
    make_client: MakeClient, settings: Settings, provider: Provider
) -> None:
    client = await _sso_client(make_client, settings, provider, oidc_keys_min_refresh=0)
    assert (await _sign_in(client)).status == 303
    assert (await _sign_in(client)).status == 303
    assert provider.jwks_requests == 1  # kept
    provider.key, provider.kid = _OTHER_RSA_KEY, "key-2"  # rotated: only key-2 is published
    assert (await _sign_in(client)).status == 303
    assert provider.jwks_requests == 2  # fetched again once, for the unknown kid
    provider.published = [_jwk(_OTHER_RSA_KEY, "key-2")]
    provider.kid = "key-3"  # a kid nobody publishes: fetched again, still refused
    assert (await _sign_in(client)).status == 401
    assert provider.jwks_requests == 3


async def test_unknown_key_ids_do_not_make_the_server_hammer_the_provider(
    sso: TestClient, provider: Provider
) -> None:
    assert (await _sign_in(sso)).status == 303
    provider.kid = "made-up"
    for _ in range(3):
        done = await _sign_in(sso)
        assert done.status == 401 and "does not publish" in await done.text()
    assert provider.jwks_requests == 1  # fetched less than oidc_keys_min_refresh ago


async def test_keys_older_than_their_ttl_are_fetched_again(
    make_client: MakeClient, settings: Settings, provider: Provider
) -> None:
    client = await _sso_client(make_client, settings, provider, oidc_keys_ttl=0.05)
    assert (await _sign_in(client)).status == 303
    await asyncio.sleep(0.1)
    assert (await _sign_in(client)).status == 303
    assert provider.jwks_requests == 2


async def test_keys_the_server_cannot_use_are_passed_over(
    sso: TestClient, provider: Provider
) -> None:
    provider.published = [
        {"kty": "RSA", "kid": "key-1", "n": "!!", "e": "AQAB"},
        {"kty": "RSA", "kid": "key-1"},
        {"kty": "EC", "kid": "key-1", "crv": "P-256", "x": "AA", "y": "AA"},
        {**_jwk(_RSA_KEY, "key-1"), "use": "enc"},
        "not a key",
        _jwk(_RSA_KEY, "key-1"),
    ]
    assert (await _sign_in(sso)).status == 303


async def test_sign_ins_at_once_fetch_the_keys_once(sso: TestClient, provider: Provider) -> None:
    browsers = [sso]
    for _ in range(4):
        other = TestClient(sso.server)  # another browser (cookie jar) on the same server
        await other.start_server()
        browsers.append(other)
    try:
        done = await asyncio.gather(*(_sign_in(b) for b in browsers))
        assert [d.status for d in done] == [303] * 5
        assert provider.jwks_requests == 1
    finally:
        for other in browsers[1:]:
            await other.session.close()


@pytest.mark.parametrize(
    "change, words",
    [
        ({"jwks_uri": None}, "no https:// authorization endpoint, token endpoint and jwks_uri"),
        ({"jwks_uri": "/nowhere"}, "answered 404 to GET"),
        ({"jwks_padding": 2 * 1024 * 1024}, "larger than 1048576 bytes"),
    ],
)
async def test_a_provider_without_usable_keys_is_a_clear_502(
    sso: TestClient, provider: Provider, change: dict[str, Any], words: str
) -> None:
    for name, value in change.items():
        setattr(provider, name, value)
    resp = await sso.get("/auth/oidc/login", allow_redirects=False)
    if resp.status == 302:  # discovery is fine: the keys are fetched at the callback
        resp = await _sign_in(sso)
    assert resp.status == 502 and words in await resp.text()
    assert "plynx_session" not in resp.cookies


async def test_an_es256_provider_is_accepted(sso: TestClient, provider: Provider) -> None:
    provider.key, provider.alg = ec.generate_private_key(ec.SECP256R1()), "ES256"
    assert (await _sign_in(sso)).status == 303
    provider.key, provider.alg = ec.generate_private_key(ec.SECP384R1()), "ES384"  # not listed
    done = await _sign_in(sso)
    assert done.status == 401 and "'ES384', which this server does not accept" in await done.text()


async def test_an_eddsa_provider_is_accepted_when_listed(
    make_client: MakeClient, settings: Settings, provider: Provider
) -> None:
    client = await _sso_client(make_client, settings, provider, oidc_algorithms="RS256,EdDSA")
    provider.key, provider.alg = ed25519.Ed25519PrivateKey.generate(), "EdDSA"
    assert (await _sign_in(client)).status == 303
    client.session.cookie_jar.clear()
    provider.published = [_jwk(provider.key, provider.kid)]
    provider.key = ed25519.Ed25519PrivateKey.generate()  # signs with a key it does not publish
    done = await _sign_in(client)
    assert done.status == 401 and "signature does not verify" in await done.text()


async def test_hs256_with_the_client_secret_only_when_configured(
    make_client: MakeClient, settings: Settings, provider: Provider
) -> None:
    client = await _sso_client(make_client, settings, provider, oidc_algorithms="HS256")
    provider.forge = _hs256(CLIENT_SECRET)
    assert (await _sign_in(client)).status == 303
    client.session.cookie_jar.clear()
    provider.forge = _hs256("another-secret-that-is-long-enough-too")
    done = await _sign_in(client)
    assert done.status == 401 and "signature does not verify" in await done.text()
    provider.forge = None  # RS256 is not listed any more
    done = await _sign_in(client)
    assert done.status == 401 and "'RS256', which this server does not accept" in await done.text()


def test_without_pyjwt_a_server_with_single_sign_on_does_not_start(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "jwt", None)  # import jwt raises ImportError
    sso = {"oidc_issuer": "https://id.example", "oidc_client_id": "x"}
    with pytest.raises(InvalidInput, match=r"PyJWT is not installed.*plynx\[oidc\]"):
        create_app(replace(settings, local_mode=False, **sso))
    create_app(replace(settings, local_mode=False))  # without an issuer it is not needed


async def test_a_callback_not_started_by_this_browser_is_refused(
    sso: TestClient, provider: Provider
) -> None:
    start = await sso.get("/auth/oidc/login", allow_redirects=False)
    async with aiohttp.ClientSession() as browser:
        at_provider = await browser.get(start.headers["Location"], allow_redirects=False)
        back = urlsplit(at_provider.headers["Location"])
    sso.session.cookie_jar.clear()  # another browser: it has no state cookie
    done = await sso.get(f"{back.path}?{back.query}", allow_redirects=False)
    assert done.status == 400 and "not started by this browser" in await done.text()
    assert provider.token_requests == 0  # the code was never traded


async def test_the_sign_in_page_learns_of_single_sign_on(sso: TestClient) -> None:
    resp = await sso.get(f"{API}/session")  # no token, no session: public
    assert await resp.json() == {
        "local": False,
        "password": True,
        "oidc_login_url": "/auth/oidc/login",
    }


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"oidc_default_role": "owner"}, "oidc_default_role"),
        ({"oidc_client_id": ""}, "oidc_client_id"),
        ({"oidc_issuer": "http://id.example"}, "https://"),
        ({"oidc_algorithms": "RS256,none"}, "'none' is never accepted"),
        ({"oidc_algorithms": " , "}, "none given"),
        ({"oidc_algorithms": "HS256"}, "at least 32 characters"),
        ({"oidc_keys_ttl": 0}, "oidc_keys_ttl"),
    ],
)
def test_bad_single_sign_on_settings_are_refused_at_start(
    settings: Settings, changes: dict[str, str], words: str
) -> None:
    sso = {"oidc_issuer": "https://id.example", "oidc_client_id": "x", **changes}
    with pytest.raises(InvalidInput, match=words):
        create_app(replace(settings, local_mode=False, **sso))


async def test_without_an_issuer_there_is_no_single_sign_on(
    make_client: MakeClient, settings: Settings
) -> None:
    client = await secured_client(make_client, settings)
    resp = await client.get("/auth/oidc/login", allow_redirects=False)
    assert resp.status == 404
    options = await (await client.get(f"{API}/session")).json()
    assert options == {"local": False, "password": True, "oidc_login_url": None}
    assert (await client.get("/auth/oidc/callback?code=x&state=y")).status == 404
