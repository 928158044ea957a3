"""Accounts through the real app on every store backend: sign in, role change, disable, sign
out, and an expiring token, with SQLite, PostgreSQL and MongoDB behind the server."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient
from store.conftest import BACKENDS  # tests/store, importable as pytest puts tests/ on the path

from plynx.settings import Settings

from .accounts import API, add_user, admin_token, bearer, csrf, secured_client, sign_in
from .conftest import MakeClient

PASSWORD = "correct horse battery"


@pytest.fixture(params=list(BACKENDS))
async def on_backend(
    request: pytest.FixtureRequest, make_client: MakeClient, settings: Settings, tmp_path: Path
) -> AsyncIterator[TestClient]:
    async with BACKENDS[request.param].database(tmp_path / "store") as url:
        client = await secured_client(make_client, settings, store=url)
        yield client
        await client.close()  # before the database is dropped


async def test_accounts_work_on_every_store(on_backend: TestClient) -> None:
    client = on_backend
    admin = await admin_token(client)
    await add_user(client, admin, "alice", "editor", password=PASSWORD)
    token = await sign_in(client, "alice", PASSWORD)
    resp = await client.post(f"{API}/graphs", json={"title": "a"}, headers=csrf(client, token))
    assert resp.status == 201 and (await resp.json())["author"] == "alice"
    resp = await client.patch(f"{API}/users/alice", json={"role": "viewer"}, headers=bearer(admin))
    assert resp.status == 200
    assert (await (await client.get(f"{API}/me")).json())["role"] == "viewer"
    resp = await client.post(
        f"{API}/tokens", json={"expires_in_days": 7}, headers=csrf(client, token)
    )
    assert resp.status == 201
    alice_token = (await resp.json())["token"]
    assert (await client.get(f"{API}/me", headers=bearer(alice_token))).status == 200
    await client.patch(f"{API}/users/alice", json={"disabled": True}, headers=bearer(admin))
    assert (await client.get(f"{API}/me")).status == 401
    assert (await client.get(f"{API}/me", headers=bearer(alice_token))).status == 401
    await client.patch(f"{API}/users/alice", json={"disabled": False}, headers=bearer(admin))
    await sign_in(client, "alice", PASSWORD)
    assert (await client.delete(f"{API}/session")).status == 204
    assert (await client.get(f"{API}/me")).status == 401
