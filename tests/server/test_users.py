"""``/me``, ``/users`` and ``/tokens`` through the real app, as admins, editors, viewers and in
local mode."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from aiohttp.test_utils import TestClient

from plynx.server import keys
from plynx.settings import Settings

from .accounts import API, add_user, admin_token, bearer, secured_client
from .conftest import MakeClient


@pytest.fixture
async def secured(make_client: MakeClient, settings: Settings) -> TestClient:
    return await secured_client(make_client, settings)


async def _token_of(client: TestClient, admin: str, user: str, **body: object) -> str:
    resp = await client.post(f"{API}/tokens", json={"user": user, **body}, headers=bearer(admin))
    assert resp.status == 201, await resp.text()
    return str((await resp.json())["token"])


async def _error(resp: object) -> str:
    return str((await resp.json())["error"]["message"])  # type: ignore[attr-defined]


# -- /me -------------------------------------------------------------------------------------------


async def test_me_says_who_is_calling(secured: TestClient) -> None:
    admin = await admin_token(secured)
    await add_user(secured, admin, "alice", "viewer")
    alice = await _token_of(secured, admin, "alice")
    resp = await secured.get(f"{API}/me", headers=bearer(alice))
    assert resp.status == 200
    assert await resp.json() == {
        "name": "alice",
        "role": "viewer",
        "local": False,
        "csrf_token": None,
    }
    assert (await secured.get(f"{API}/me")).status == 401


async def test_me_in_local_mode_is_the_one_admin(client: TestClient) -> None:
    resp = await client.get(f"{API}/me")
    assert await resp.json() == {"name": "", "role": "admin", "local": True, "csrf_token": None}
    resp = await client.post(f"{API}/me/password", json={"old": "", "new": "long enough"})
    assert resp.status == 400 and "local mode" in await _error(resp)
    resp = await client.post(f"{API}/tokens", json={})
    assert resp.status == 400 and "plynx token create" in await _error(resp)


async def test_a_password_is_changed_with_the_old_one(secured: TestClient) -> None:
    admin = await admin_token(secured)
    await add_user(secured, admin, "alice", password="first password")
    alice = await _token_of(secured, admin, "alice")
    url = f"{API}/me/password"
    resp = await secured.post(
        url, json={"old": "wrong one", "new": "second password"}, headers=bearer(alice)
    )
    assert resp.status == 400 and "old password is wrong" in await _error(resp)
    resp = await secured.post(
        url, json={"old": "first password", "new": "short"}, headers=bearer(alice)
    )
    assert resp.status == 400 and "at least 8" in await _error(resp)
    resp = await secured.post(
        url, json={"old": "first password", "new": "second password"}, headers=bearer(alice)
    )
    assert resp.status == 204
    sessions = secured.app[keys.SESSIONS]
    user = await secured.app[keys.STORE].get_user("alice")
    assert await sessions.passwords.verify(user.password_hash, "second password")
    assert not await sessions.passwords.verify(user.password_hash, "first password")
    assert "second password" not in user.password_hash


# -- /users ----------------------------------------------------------------------------------------


async def test_admins_add_list_and_change_users(secured: TestClient) -> None:
    admin = await admin_token(secured)
    resp = await secured.post(
        f"{API}/users",
        json={"name": "alice", "role": "viewer", "password": "a fine password"},
        headers=bearer(admin),
    )
    assert resp.status == 201
    created = await resp.json()
    assert created["name"] == "alice" and created["role"] == "viewer"
    assert created["has_password"] is True and created["disabled"] is False
    assert "password" not in str(created).replace("has_password", "")
    await add_user(secured, admin, "bob")
    resp = await secured.get(f"{API}/users", headers=bearer(admin))
    listing = await resp.json()
    assert listing["total"] == 3
    assert [(u["name"], u["role"], u["has_password"]) for u in listing["items"]] == [
        ("alice", "viewer", True),
        ("bob", "editor", False),
        ("root", "admin", False),
    ]
    resp = await secured.patch(f"{API}/users/bob", json={"role": "admin"}, headers=bearer(admin))
    assert resp.status == 200 and (await resp.json())["role"] == "admin"
    resp = await secured.get(f"{API}/users/bob", headers=bearer(admin))
    assert (await resp.json())["role"] == "admin"
    assert (await secured.app[keys.STORE].get_user("bob")).is_admin


async def test_bad_user_requests_get_clear_errors(secured: TestClient) -> None:
    admin = await admin_token(secured)
    await add_user(secured, admin, "alice")
    cases = [
        ({"name": "alice"}, 409, "already exists"),
        ({"name": "has space"}, 400, "name"),
        ({"name": "x", "role": "owner"}, 400, "role"),
        ({"name": "x", "password": "short"}, 400, "at least 8"),
        ({"name": "x", "is_admin": True}, 400, "is_admin"),
    ]
    for body, status, words in cases:
        resp = await secured.post(f"{API}/users", json=body, headers=bearer(admin))
        assert resp.status == status, body
        assert words in await _error(resp), body
    resp = await secured.get(f"{API}/users/nobody", headers=bearer(admin))
    assert resp.status == 404
    resp = await secured.patch(
        f"{API}/users/nobody", json={"role": "viewer"}, headers=bearer(admin)
    )
    assert resp.status == 404
    resp = await secured.patch(f"{API}/users/alice", json={}, headers=bearer(admin))
    assert resp.status == 400 and "say what to change" in await _error(resp)
    assert [u.name for u in await secured.app[keys.STORE].list_users()] == ["alice", "root"]


@pytest.mark.parametrize("role", ["editor", "viewer"])
async def test_only_admins_manage_users(secured: TestClient, role: str) -> None:
    admin = await admin_token(secured)
    await add_user(secured, admin, "alice", role)
    alice = await _token_of(secured, admin, "alice")
    calls = [
        ("GET", "/users", None),
        ("POST", "/users", {"name": "mallory", "role": "admin"}),
        ("GET", "/users/root", None),
        ("PATCH", "/users/alice", {"role": "admin"}),
        ("PATCH", "/users/root", {"disabled": True}),
    ]
    for method, path, body in calls:
        resp = await secured.request(method, API + path, json=body, headers=bearer(alice))
        assert resp.status == 403, (method, path)
        assert "needs the admin role" in await _error(resp)
    store = secured.app[keys.STORE]
    assert (await store.get_user("alice")).role.value == role
    assert not (await store.get_user("root")).disabled
    assert "mallory" not in [u.name for u in await store.list_users()]


async def test_the_last_admin_can_be_neither_demoted_nor_disabled(secured: TestClient) -> None:
    admin = await admin_token(secured)
    for change in ({"role": "editor"}, {"disabled": True}):
        resp = await secured.patch(f"{API}/users/root", json=change, headers=bearer(admin))
        assert resp.status == 409 and "last enabled admin" in await _error(resp)
    await add_user(secured, admin, "bob", "admin")
    resp = await secured.patch(f"{API}/users/root", json={"role": "viewer"}, headers=bearer(admin))
    assert resp.status == 200
    # root is a viewer now: the very next request says so
    resp = await secured.patch(f"{API}/users/bob", json={"role": "viewer"}, headers=bearer(admin))
    assert resp.status == 403
    assert (await (await secured.get(f"{API}/me", headers=bearer(admin))).json())["role"] == (
        "viewer"
    )


async def test_a_disabled_user_is_refused_at_once_and_enabled_again(secured: TestClient) -> None:
    admin = await admin_token(secured)
    await add_user(secured, admin, "alice")
    alice = await _token_of(secured, admin, "alice")
    assert (await secured.get(f"{API}/graphs", headers=bearer(alice))).status == 200
    resp = await secured.patch(f"{API}/users/alice", json={"disabled": True}, headers=bearer(admin))
    assert resp.status == 200 and (await resp.json())["disabled"] is True
    resp = await secured.get(f"{API}/graphs", headers=bearer(alice))
    assert resp.status == 401 and "disabled" in await _error(resp)
    resp = await secured.patch(
        f"{API}/users/alice", json={"disabled": False}, headers=bearer(admin)
    )
    assert resp.status == 200
    assert (await secured.get(f"{API}/graphs", headers=bearer(alice))).status == 200


# -- /tokens ---------------------------------------------------------------------------------------


async def test_a_user_creates_lists_and_revokes_their_own_tokens(secured: TestClient) -> None:
    admin = await admin_token(secured)
    await add_user(secured, admin, "alice")
    alice = await _token_of(secured, admin, "alice", name="first")
    resp = await secured.post(
        f"{API}/tokens", json={"name": "laptop", "expires_in_days": 30}, headers=bearer(alice)
    )
    assert resp.status == 201
    new = await resp.json()
    assert new["token"].startswith(f"plx_{new['id']}_") and new["user"] == "alice"
    assert new["kind"] == "api" and new["name"] == "laptop" and new["revoked"] is False
    expires = datetime.fromisoformat(new["expires_at"])
    assert timedelta(days=29) < expires - datetime.now(UTC) <= timedelta(days=30)
    assert (await secured.get(f"{API}/graphs", headers=bearer(new["token"]))).status == 200

    listing = await (await secured.get(f"{API}/tokens", headers=bearer(alice))).json()
    assert [t["name"] for t in listing["items"]] == ["first", "laptop"]
    assert listing["total"] == 2
    assert all("token" not in t and "secret_hash" not in t for t in listing["items"])

    resp = await secured.delete(f"{API}/tokens/{new['id']}", headers=bearer(alice))
    assert resp.status == 204
    assert (await secured.get(f"{API}/graphs", headers=bearer(new["token"]))).status == 401
    listing = await (await secured.get(f"{API}/tokens", headers=bearer(alice))).json()
    assert [t["revoked"] for t in listing["items"]] == [False, True]
    assert (await secured.delete(f"{API}/tokens/nonexistent", headers=bearer(alice))).status == 404


async def test_others_tokens_are_the_admins_business(secured: TestClient) -> None:
    admin = await admin_token(secured)
    await add_user(secured, admin, "alice")
    await add_user(secured, admin, "bob")
    alice = await _token_of(secured, admin, "alice")
    bob = await _token_of(secured, admin, "bob")
    bob_id = bob.split("_")[1]
    refused = [
        ("GET", "/tokens?user=bob", None),
        ("GET", "/tokens?all=true", None),
        ("POST", "/tokens", {"user": "bob"}),
        ("POST", "/tokens", {"kind": "worker"}),
        ("DELETE", f"/tokens/{bob_id}", None),
    ]
    for method, path, body in refused:
        resp = await secured.request(method, API + path, json=body, headers=bearer(alice))
        assert resp.status == 403, (method, path, await resp.text())
    assert (await secured.get(f"{API}/graphs", headers=bearer(bob))).status == 200

    resp = await secured.get(f"{API}/tokens?user=bob", headers=bearer(admin))
    assert [t["user"] for t in (await resp.json())["items"]] == ["bob"]
    resp = await secured.get(f"{API}/tokens?all=true", headers=bearer(admin))
    assert {t["user"] for t in (await resp.json())["items"]} == {"root", "alice", "bob"}
    resp = await secured.post(
        f"{API}/tokens", json={"kind": "worker", "user": "w1"}, headers=bearer(admin)
    )
    assert resp.status == 201 and (await resp.json())["kind"] == "worker"
    assert (await secured.app[keys.STORE].get_user("w1")).role.value == "viewer"
    resp = await secured.post(f"{API}/tokens", json={"user": "nobody"}, headers=bearer(admin))
    assert resp.status == 404
    assert (await secured.delete(f"{API}/tokens/{bob_id}", headers=bearer(admin))).status == 204
    assert (await secured.get(f"{API}/graphs", headers=bearer(bob))).status == 401


async def test_bad_token_requests_get_clear_errors(secured: TestClient) -> None:
    admin = await admin_token(secured)
    cases = [
        ({"expires_in_days": 0}, "expires_in_days"),
        ({"expires_in_days": 100000}, "expires_in_days"),
        ({"kind": "root"}, "kind"),
        ({"secret": "mine"}, "secret"),
    ]
    for body, words in cases:
        resp = await secured.post(f"{API}/tokens", json=body, headers=bearer(admin))
        assert resp.status == 400, body
        assert words in await _error(resp), body
    resp = await secured.get(f"{API}/tokens?all=maybe", headers=bearer(admin))
    assert resp.status == 400 and "'all'" in await _error(resp)
    resp = await secured.get(f"{API}/tokens?user=", headers=bearer(admin))
    assert resp.status == 400 and "not a user name" in await _error(resp)
    resp = await secured.get(f"{API}/tokens?all=true&user=root", headers=bearer(admin))
    assert [t["user"] for t in (await resp.json())["items"]] == ["root"]


async def test_an_expired_token_stops_working(secured: TestClient) -> None:
    admin = await admin_token(secured)
    resp = await secured.post(f"{API}/tokens", json={"expires_in_days": 1}, headers=bearer(admin))
    new = await resp.json()
    assert (await secured.get(f"{API}/graphs", headers=bearer(new["token"]))).status == 200
    store = secured.app[keys.STORE]
    stored = await store.get_token(new["id"])
    past = datetime.now(UTC) - timedelta(seconds=1)
    await store.put_token(stored.model_copy(update={"expires_at": past}))
    resp = await secured.get(f"{API}/graphs", headers=bearer(new["token"]))
    assert resp.status == 401 and "expired" in await _error(resp)


async def test_the_openapi_document_describes_accounts_and_both_ways_in(
    secured: TestClient,
) -> None:
    admin = await admin_token(secured)
    doc = await (await secured.get(f"{API}/openapi.json", headers=bearer(admin))).json()
    schemes = doc["components"]["securitySchemes"]
    assert schemes["session"] == {
        "type": "apiKey",
        "in": "cookie",
        "name": "plynx_session",
        "description": schemes["session"]["description"],
    }
    assert "X-CSRF-Token" in schemes["session"]["description"]
    assert doc["security"] == [{"bearer": []}, {"session": []}]
    paths = doc["paths"]
    assert paths[f"{API}/session"]["post"]["security"] == []
    assert paths[f"{API}/session"]["delete"]["security"] == []
    assert "security" not in paths[f"{API}/users"]["post"]  # the document's default
    revoke = paths[f"{API}/tokens/{{id}}"]["delete"]["responses"]
    assert "content" not in revoke["204"] and {"403", "404"} <= set(revoke)
    assert set(paths[f"{API}/users/{{name}}"]) == {"get", "patch"}
