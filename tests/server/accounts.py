"""Helpers of the account tests: a server with an admin, users made through the REST API, and
browser-like sign-in (the session cookie, the CSRF token and the page's ``Origin``)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from aiohttp.test_utils import TestClient

from plynx.model import Role, TokenKind
from plynx.server import keys
from plynx.server.auth import create_token
from plynx.settings import Settings

from .conftest import MakeClient

API = "/api/v1"


def bearer(token: str) -> dict[str, str]:
    """The header that shows ``token``."""
    return {"Authorization": f"Bearer {token}"}


async def secured_client(make_client: MakeClient, settings: Settings, **changes: Any) -> TestClient:
    """A client of a server that is not in local mode (it shows no token by itself)."""
    return await make_client(replace(settings, local_mode=False, **changes))


async def admin_token(client: TestClient, name: str = "root") -> str:
    """An API token of a new admin ``name`` (made as ``plynx users add --role admin`` does)."""
    store = client.app[keys.STORE]
    token = await create_token(store, TokenKind.API, name)
    user = await store.get_user(name)
    await store.put_user(user.model_copy(update={"role": Role.ADMIN}))
    return token


async def add_user(
    client: TestClient, admin: str, name: str, role: str = "editor", password: str | None = None
) -> None:
    """Add a user through the REST API."""
    body: dict[str, object] = {"name": name, "role": role}
    if password is not None:
        body["password"] = password
    resp = await client.post(f"{API}/users", json=body, headers=bearer(admin))
    assert resp.status == 201, await resp.text()


def origin(client: TestClient) -> dict[str, str]:
    """The ``Origin`` header the server's own pages send."""
    return {"Origin": str(client.make_url("")).rstrip("/")}


async def sign_in(client: TestClient, user: str, password: str) -> str:
    """Sign the client's cookie jar in as ``user``; returns the CSRF token."""
    resp = await client.post(
        f"{API}/session", json={"user": user, "password": password}, headers=origin(client)
    )
    assert resp.status == 200, await resp.text()
    return str((await resp.json())["csrf_token"])


def csrf(client: TestClient, token: str) -> dict[str, str]:
    """The headers a page sends with a state-changing request when signed in."""
    return {**origin(client), "X-CSRF-Token": token}
