"""Authentication: tokens on a server that is not in local mode."""

from __future__ import annotations

from dataclasses import replace

import pytest
from aiohttp import WSServerHandshakeError
from aiohttp.test_utils import TestClient

from plynx.errors import InvalidInput
from plynx.model import TokenKind
from plynx.server import keys
from plynx.server.app import create_app
from plynx.server.auth import create_token
from plynx.settings import Settings

from .conftest import MakeClient

API = "/api/v1"


@pytest.fixture
async def secured(make_client: MakeClient, settings: Settings) -> TestClient:
    return await make_client(replace(settings, local_mode=False))


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def test_requests_without_a_valid_token_are_401(secured: TestClient) -> None:
    resp = await secured.get(f"{API}/graphs")
    assert resp.status == 401
    error = (await resp.json())["error"]
    assert error["code"] == "unauthorized" and "plynx token create" in error["message"]
    assert resp.headers["WWW-Authenticate"].startswith("Bearer")

    store = secured.app[keys.STORE]
    token = await create_token(store, TokenKind.API, "alice")
    token_id = token.split("_")[1]
    for bad in ("nonsense", f"plx_{token_id}_wrongsecret", "plx_unknown_secret", token + "x"):
        resp = await secured.get(f"{API}/graphs", headers=bearer(bad))
        assert resp.status == 401, bad
        assert "plynx token create" in (await resp.json())["error"]["message"]


async def test_a_created_token_opens_the_api(secured: TestClient) -> None:
    token = await create_token(secured.app[keys.STORE], TokenKind.API, "alice", "laptop")
    resp = await secured.post(f"{API}/graphs", json={"title": "mine"}, headers=bearer(token))
    assert resp.status == 201
    assert (await resp.json())["author"] == "alice"
    resp = await secured.get(f"{API}/graphs", headers=bearer(token))  # remembered check
    assert resp.status == 200 and (await resp.json())["total"] == 1

    await secured.app[keys.AUTHENTICATOR].revoke(token.split("_")[1])
    assert (await secured.get(f"{API}/graphs", headers=bearer(token))).status == 401


async def test_health_is_open(secured: TestClient) -> None:
    resp = await secured.get(f"{API}/health")
    assert resp.status == 200
    assert (await resp.json())["status"] == "ok"


async def test_worker_tokens_only_open_artifacts(secured: TestClient) -> None:
    store = secured.app[keys.STORE]
    token = await create_token(store, TokenKind.WORKER, "worker-1")
    # only for the attempts its worker holds (see test_worker_socket): here it holds none
    resp = await secured.post(f"{API}/artifacts", data=b"output", headers=bearer(token))
    assert resp.status == 403
    resp = await secured.get(f"{API}/graphs", headers=bearer(token))
    assert resp.status == 401
    assert "worker token" in (await resp.json())["error"]["message"]

    authenticator = secured.app[keys.AUTHENTICATOR]
    assert await authenticator.verify_worker(token)
    api_token = await create_token(store, TokenKind.API, "bob")
    assert not await authenticator.verify_worker(api_token)
    assert not await authenticator.verify_worker("test-worker-token")  # only in local mode


async def test_local_mode_accepts_its_worker_token(client: TestClient) -> None:
    authenticator = client.app[keys.AUTHENTICATOR]
    assert await authenticator.verify_worker("test-worker-token")
    assert not await authenticator.verify_worker("something-else")
    assert not await authenticator.verify_worker("")
    assert (await client.get(f"{API}/graphs")).status == 200  # no token needed


async def test_events_socket_needs_a_token(secured: TestClient) -> None:
    with pytest.raises(WSServerHandshakeError) as info:
        await secured.ws_connect("/ws/events")
    assert info.value.status == 401
    token = await create_token(secured.app[keys.STORE], TokenKind.API, "alice")
    ws = await secured.ws_connect(f"/ws/events?token={token}")
    await ws.send_json({"type": "subscribe", "topic": "workers"})
    assert (await ws.receive_json(timeout=5))["topic"] == "workers"
    await ws.close()


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "example.com"])
def test_local_mode_refuses_a_public_host(settings: Settings, host: str) -> None:
    with pytest.raises(InvalidInput, match="loopback"):
        create_app(replace(settings, host=host))


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "localhost"])
def test_local_mode_on_loopback(settings: Settings, host: str) -> None:
    create_app(replace(settings, host=host))


def test_access_log_redacts_tokens() -> None:
    from plynx.server.access_log import redact_query

    assert redact_query("/ws/events?token=plx_a_b") == "/ws/events?token=***"
    assert redact_query("/x?a=1&TOKEN=s&b=2") == "/x?a=1&TOKEN=***&b=2"
    assert redact_query("/api/v1/graphs?q=token") == "/api/v1/graphs?q=token"
