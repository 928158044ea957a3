"""Authentication: tokens on a server that is not in local mode, their storage, cost, rate
limit and revocation."""

from __future__ import annotations

import asyncio
import hashlib
import time
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import pytest
from aiohttp import WSServerHandshakeError
from aiohttp.test_utils import TestClient
from argon2 import PasswordHasher

from plynx.client import PlynxClient
from plynx.errors import InvalidInput
from plynx.model import Token, TokenKind, User
from plynx.server import keys
from plynx.server.app import create_app
from plynx.server.auth import FailureLimiter, create_token, parse_token
from plynx.settings import Settings
from plynx.store import open_store

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
    assert resp.status == 403  # a valid token, of a principal that may not do this
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
    assert (await client.get(f"{API}/graphs")).status == 200  # the client shows the local token


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


async def _mean_seconds(client: TestClient, token: str, count: int) -> float:
    start = time.perf_counter()
    for _ in range(count):
        resp = await client.get(f"{API}/graphs", headers=bearer(token))
        assert resp.status == 401
    return (time.perf_counter() - start) / count


async def test_tokens_are_sha256_and_a_wrong_secret_is_as_cheap_as_an_unknown_id(
    secured: TestClient,
) -> None:
    store = secured.app[keys.STORE]
    token = await create_token(store, TokenKind.API, "alice")
    parsed = parse_token(token)
    assert parsed is not None
    token_id, secret = parsed
    stored = await store.get_token(token_id)
    assert stored.secret_hash == "sha256:" + hashlib.sha256(secret.encode()).hexdigest()

    secured.app[keys.AUTHENTICATOR].limiter = FailureLimiter(limit=1000)  # measure, not limit
    hasher = PasswordHasher()
    legacy = hasher.hash("another secret")
    start = time.perf_counter()
    assert not _argon2_matches(hasher, legacy, secret)
    argon2_check = time.perf_counter() - start
    wrong = await _mean_seconds(secured, f"plx_{token_id}_{'x' * len(secret)}", 20)
    unknown = await _mean_seconds(secured, f"plx_{uuid.uuid4().hex}_{'x' * len(secret)}", 20)
    print(
        f"argon2 check {argon2_check * 1000:.1f} ms; request with a wrong secret "
        f"{wrong * 1000:.2f} ms, with an unknown id {unknown * 1000:.2f} ms"
    )
    assert wrong < 0.05 and wrong < argon2_check / 3
    assert wrong < 3 * unknown + 0.005  # no timing oracle for ids worth the name


def _argon2_matches(hasher: PasswordHasher, hashed: str, secret: str) -> bool:
    try:
        return hasher.verify(hashed, secret)
    except Exception:
        return False


async def test_wrong_tokens_are_rate_limited_per_address(secured: TestClient) -> None:
    store = secured.app[keys.STORE]
    token = await create_token(store, TokenKind.API, "alice")
    limit = secured.app[keys.AUTHENTICATOR].limiter.limit
    for _ in range(limit):
        assert (await secured.get(f"{API}/graphs", headers=bearer("plx_a_b"))).status == 401
    resp = await secured.get(f"{API}/graphs", headers=bearer("plx_a_b"))
    assert resp.status == 429
    assert (await resp.json())["error"]["code"] == "too_many_requests"
    assert 1 <= int(resp.headers["Retry-After"]) <= 60
    # the address waits, whatever it sends; other addresses do not
    assert (await secured.get(f"{API}/graphs", headers=bearer(token))).status == 429
    identity = await secured.app[keys.AUTHENTICATOR].authenticate(token, "192.0.2.7")
    assert identity.user == "alice"


async def test_a_token_revoked_elsewhere_fails_on_the_next_request(
    secured: TestClient, settings: Settings
) -> None:
    token = await create_token(secured.app[keys.STORE], TokenKind.API, "alice")
    assert (await secured.get(f"{API}/graphs", headers=bearer(token))).status == 200
    token_id = token.split("_")[1]
    # what `plynx token revoke` does, from another process: its own connection to the store
    other = open_store(settings.store_url)
    await other.open()
    try:
        stored = await other.get_token(token_id)
        await other.put_token(stored.model_copy(update={"revoked": True}))
    finally:
        await other.close()
    resp = await secured.get(f"{API}/graphs", headers=bearer(token))
    assert resp.status == 401


async def test_a_token_of_an_older_plynx_works_and_is_re_stored_as_sha256(
    secured: TestClient,
) -> None:
    store = secured.app[keys.STORE]
    await store.put_user(User(name="alice", created_at=datetime.now(UTC)))
    token_id, secret = uuid.uuid4().hex, "s" * 43
    await store.put_token(
        Token(
            id=token_id,
            kind=TokenKind.API,
            user="alice",
            secret_hash=PasswordHasher().hash(secret),
            created_at=datetime.now(UTC),
        )
    )
    wrong = f"plx_{token_id}_{'w' * 43}"
    assert (await secured.get(f"{API}/graphs", headers=bearer(wrong))).status == 401
    assert (await store.get_token(token_id)).secret_hash.startswith("$argon2")
    token = f"plx_{token_id}_{secret}"
    for _ in range(2):
        assert (await secured.get(f"{API}/graphs", headers=bearer(token))).status == 200
        assert (await store.get_token(token_id)).secret_hash.startswith("sha256:")
    assert (await secured.get(f"{API}/graphs", headers=bearer(wrong))).status == 401


async def test_the_client_shows_its_token_on_the_events_socket_in_a_header(
    secured: TestClient,
) -> None:
    token = await create_token(secured.app[keys.STORE], TokenKind.API, "alice")
    sent: list[tuple[str, str]] = []

    async def on_request_start(
        session: aiohttp.ClientSession, context: Any, params: aiohttp.TraceRequestStartParams
    ) -> None:
        sent.append((str(params.url), params.headers.get("Authorization", "")))

    trace = aiohttp.TraceConfig()
    trace.on_request_start.append(on_request_start)
    async with (
        aiohttp.ClientSession(trace_configs=[trace]) as session,
        PlynxClient(str(secured.make_url("/")), token, session=session) as client,
    ):
        assert await client.wait_workers(0) == []
    url, authorization = sent[-1]
    assert url.endswith("/ws/events") and authorization == f"Bearer {token}"


async def test_a_tokens_last_use_is_recorded_at_most_once_a_minute_without_holding_requests(
    secured: TestClient,
) -> None:
    store = secured.app[keys.STORE]
    token = await create_token(store, TokenKind.API, "alice", "laptop")
    token_id = token.split("_")[1]
    writes: list[datetime] = []
    release = asyncio.Event()
    mark = store.mark_token_used

    async def slow_store(token_id: str, when: datetime) -> None:
        writes.append(when)
        await release.wait()
        await mark(token_id, when)

    store.mark_token_used = slow_store  # type: ignore[method-assign]
    async with asyncio.timeout(5):  # the requests do not wait for the write
        resp = await secured.get(f"{API}/tokens", headers=bearer(token))
        assert resp.status == 200
        [listed] = (await resp.json())["items"]
        assert listed["id"] == token_id and listed["last_used_at"] is None
        for _ in range(3):
            assert (await secured.get(f"{API}/graphs", headers=bearer(token))).status == 200
    assert len(writes) == 1
    release.set()
    async with asyncio.timeout(5):
        while (await store.get_token(token_id)).last_used_at is None:
            await asyncio.sleep(0.01)
    resp = await secured.get(f"{API}/tokens", headers=bearer(token))
    [listed] = (await resp.json())["items"]
    used = datetime.fromisoformat(listed["last_used_at"])
    assert abs((datetime.now(UTC) - used).total_seconds()) < 5
    assert len(writes) == 1  # within the minute: not written again

    await mark(token_id, datetime.now(UTC) - timedelta(minutes=2))  # a while ago
    assert (await secured.get(f"{API}/graphs", headers=bearer(token))).status == 200
    assert len(writes) == 2
