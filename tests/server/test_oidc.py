"""Sign-in with OpenID Connect against a small OpenID provider the test starts (discovery,
authorization with PKCE, a token endpoint that checks the client secret and the verifier)."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlencode, urlsplit

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from plynx.errors import InvalidInput
from plynx.server import keys
from plynx.server.app import create_app
from plynx.settings import Settings

from .accounts import API, add_user, admin_token, bearer, secured_client
from .conftest import MakeClient

CLIENT_ID = "plynx-test"
CLIENT_SECRET = "s3cret-of-the-client"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@dataclass
class Provider:
    """An OpenID provider that signs in ``who`` without asking; ``tamper`` changes claims of
    the next ID tokens."""

    issuer: str = ""
    who: dict[str, Any] = field(
        default_factory=lambda: {"sub": "u-1", "preferred_username": "alice"}
    )
    tamper: dict[str, Any] = field(default_factory=dict)
    codes: dict[str, dict[str, str]] = field(default_factory=dict)
    token_requests: int = 0

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/.well-known/openid-configuration", self.discovery)
        app.router.add_get("/authorize", self.authorize)
        app.router.add_post("/token", self.token)
        return app

    async def discovery(self, request: web.Request) -> web.Response:
        return web.json_response(
            {
                "issuer": self.issuer,
                "authorization_endpoint": self.issuer + "/authorize",
                "token_endpoint": self.issuer + "/token",
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
            "nonce": asked["nonce"],
            **self.who,
            **self.tamper,
        }
        header = _b64(json.dumps({"alg": "RS256"}).encode())
        id_token = f"{header}.{_b64(json.dumps(claims).encode())}.{_b64(b'signature')}"
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


@pytest.fixture
async def sso(make_client: MakeClient, settings: Settings, provider: Provider) -> TestClient:
    return await secured_client(
        make_client,
        settings,
        oidc_issuer=provider.issuer,
        oidc_client_id=CLIENT_ID,
        oidc_client_secret=CLIENT_SECRET,
    )


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


@pytest.mark.parametrize(
    "tamper, words",
    [
        ({"nonce": "replayed"}, "nonce"),
        ({"aud": "another-client"}, "audience"),
        ({"iss": "https://elsewhere.example"}, "issuer"),
        ({"exp": 1000}, "expiry"),
    ],
)
async def test_an_id_token_for_something_else_is_refused(
    sso: TestClient, provider: Provider, tamper: dict[str, Any], words: str
) -> None:
    provider.tamper = tamper
    sso.session.cookie_jar.clear()
    done = await _sign_in(sso)
    assert done.status == 401 and words in await done.text()
    assert "plynx_session" not in done.cookies
    assert (await sso.get(f"{API}/me")).status == 401


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
