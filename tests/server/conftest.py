"""The server under test: the real app with a small kind registry (``file``, ``composite`` and a
test kind ``echo``), and an in-process worker that speaks to the engine."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from conftest import local_headers  # tests/ is on the path (rootdir conftest)
from pytest_aiohttp import AiohttpClient

from plynx.model import Role, TokenKind, User
from plynx.server import keys
from plynx.server.app import create_app
from plynx.server.auth import FailureLimiter, create_token
from plynx.settings import Settings

from .helpers import InProcessWorker, make_registry

MakeClient = Callable[[Settings], Awaitable[TestClient]]


@pytest.fixture
def make_client(aiohttp_client: AiohttpClient) -> MakeClient:
    """Start the app with these settings and the test registry (a client of a local-mode app
    shows the local token, as ``plynx`` commands do)."""

    async def make(settings: Settings) -> TestClient:
        app = create_app(settings, registry=make_registry())
        return await aiohttp_client(app, headers=local_headers(settings))

    return make


@pytest.fixture
async def client(make_client: MakeClient, settings: Settings) -> TestClient:
    """A client of the app in local mode."""
    return await make_client(settings)


@pytest.fixture
async def worker(client: TestClient) -> InProcessWorker:
    """A connected in-process worker that runs ``echo``."""
    w = InProcessWorker(client.app[keys.ENGINE])
    await w.connect()
    return w


#: The principals a request can come from, in the order the access tests try them: those who
#: are refused first, then those who may change things.
PRINCIPALS = ("anonymous", "wrong", "revoked", "worker", "viewer", "other", "owner", "admin")


@dataclass
class Team:
    """A server with accounts (not local mode) and a token for each principal: ``viewer``
    (user ``vera``), two editors ``owner`` (``alice``) and ``other`` (``bob``), ``admin``
    (``root``), a ``worker`` token, a ``revoked`` token (of ``carol``, an editor) and a
    ``wrong`` one; ``anonymous`` sends none."""

    client: TestClient
    tokens: dict[str, str]
    users: dict[str, str]

    def headers(self, principal: str) -> dict[str, str]:
        """What ``principal`` sends (nothing for ``anonymous``)."""
        token = self.tokens.get(principal)
        return {"Authorization": f"Bearer {token}"} if token else {}

    async def call(self, principal: str, method: str, path: str, **kwargs: Any) -> tuple[int, Any]:
        """Status and body (JSON when it is JSON) of a request by ``principal``."""
        resp = await self.client.request(method, path, headers=self.headers(principal), **kwargs)
        if resp.content_type == "application/json":
            return resp.status, await resp.json()
        return resp.status, await resp.read()


@pytest.fixture
async def team(make_client: MakeClient, settings: Settings) -> Team:
    """A server with accounts and a token for each of :data:`PRINCIPALS`."""
    client = await make_client(replace(settings, local_mode=False))
    store = client.app[keys.STORE]
    # the access tests send many wrong tokens on purpose: not a brute force to slow down
    client.app[keys.AUTHENTICATOR].limiter = FailureLimiter(limit=100_000)
    users = {"viewer": "vera", "owner": "alice", "other": "bob", "admin": "root"}
    roles = {"viewer": Role.VIEWER, "owner": Role.EDITOR, "other": Role.EDITOR}
    tokens: dict[str, str] = {}
    for principal, name in users.items():
        role = roles.get(principal, Role.ADMIN)
        await store.put_user(User(name=name, role=role, created_at=datetime.now(UTC)))
        tokens[principal] = await create_token(store, TokenKind.API, name)
    tokens["worker"] = await create_token(store, TokenKind.WORKER, "worker-1")
    revoked = await create_token(store, TokenKind.API, "carol")
    await client.app[keys.AUTHENTICATOR].revoke(revoked.split("_")[1])
    tokens["revoked"] = revoked
    tokens["wrong"] = "plx_nosuchtoken_secret"
    return Team(client, tokens, users)
