"""Signing a browser in and out: the session cookie, CSRF, expiry, limits on failed sign-ins,
and role changes that take effect on the next request."""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Literal

import pytest
from aiohttp import WSServerHandshakeError
from aiohttp.test_utils import TestClient
from argon2 import PasswordHasher

from plynx.server import keys
from plynx.server.sessions import Passwords, session_id
from plynx.settings import Settings

from .accounts import API, add_user, admin_token, bearer, csrf, origin, secured_client, sign_in
from .conftest import MakeClient

PASSWORD = "correct horse battery"


@pytest.fixture
async def secured(make_client: MakeClient, settings: Settings) -> TestClient:
    return await secured_client(make_client, settings)


async def _with_alice(client: TestClient, role: str = "editor") -> str:
    admin = await admin_token(client)
    await add_user(client, admin, "alice", role, password=PASSWORD)
    return admin


async def test_sign_in_sets_a_strict_http_only_cookie_and_opens_the_api(
    secured: TestClient,
) -> None:
    await _with_alice(secured)
    resp = await secured.post(
        f"{API}/session", json={"user": "alice", "password": PASSWORD}, headers=origin(secured)
    )
    assert resp.status == 200
    body = await resp.json()
    assert body["name"] == "alice" and body["role"] == "editor" and len(body["csrf_token"]) > 30
    cookie = resp.cookies["plynx_session"]
    assert cookie["httponly"] and cookie["samesite"] == "Strict" and cookie["path"] == "/"
    assert not cookie["secure"]  # plain http here; see the https test
    assert int(cookie["max-age"]) == 12 * 3600
    # the store keeps only the SHA-256 of the cookie's secret
    stored = await secured.app[keys.STORE].get_session(session_id(cookie.value))
    assert stored.user == "alice" and cookie.value not in stored.model_dump_json()

    me = await (await secured.get(f"{API}/me")).json()
    assert me == {
        "name": "alice",
        "role": "editor",
        "local": False,
        "csrf_token": body["csrf_token"],
    }
    resp = await secured.post(
        f"{API}/graphs", json={"title": "mine"}, headers=csrf(secured, body["csrf_token"])
    )
    assert resp.status == 201 and (await resp.json())["author"] == "alice"


async def test_changes_need_the_csrf_token_and_our_origin(secured: TestClient) -> None:
    await _with_alice(secured)
    token = await sign_in(secured, "alice", PASSWORD)
    url = f"{API}/graphs"
    resp = await secured.post(url, json={"title": "x"}, headers=origin(secured))
    assert resp.status == 403 and "X-CSRF-Token" in (await resp.json())["error"]["message"]
    resp = await secured.post(
        url, json={"title": "x"}, headers={**origin(secured), "X-CSRF-Token": token + "x"}
    )
    assert resp.status == 403
    resp = await secured.post(url, json={"title": "x"}, headers={"X-CSRF-Token": token})
    assert resp.status == 403 and "Origin" in (await resp.json())["error"]["message"]
    resp = await secured.post(
        url, json={"title": "x"}, headers={"Origin": "https://evil.example", "X-CSRF-Token": token}
    )
    assert resp.status == 403
    assert (await (await secured.get(url)).json())["total"] == 0  # nothing was created
    assert (
        await secured.post(url, json={"title": "x"}, headers=csrf(secured, token))
    ).status == 201


async def test_wrong_passwords_and_unknown_users_get_the_same_answer(
    secured: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    await _with_alice(secured)
    caplog.set_level(logging.DEBUG)
    answers = []
    for user, password in [("alice", "not the password"), ("nobody", PASSWORD), ("root", "")]:
        resp = await secured.post(
            f"{API}/session", json={"user": user, "password": password}, headers=origin(secured)
        )
        assert resp.status == 401 and "plynx_session" not in resp.cookies
        answers.append((await resp.json())["error"]["message"])
    assert answers == ["wrong user name or password"] * 3
    assert "not the password" not in caplog.text and PASSWORD not in caplog.text
    assert (await secured.get(f"{API}/me")).status == 401


async def test_failed_sign_ins_are_limited_per_user_and_per_address(
    make_client: MakeClient, settings: Settings
) -> None:
    client = await secured_client(
        make_client, settings, sign_in_failures_per_user=3, sign_in_failures_per_address=5
    )
    await _with_alice(client)
    url = f"{API}/session"
    for _ in range(3):
        resp = await client.post(url, json={"user": "alice", "password": "guess 1234"})
        assert resp.status == 401
    # alice is locked for a while, even with her right password
    resp = await client.post(url, json={"user": "alice", "password": PASSWORD})
    assert resp.status == 429 and 1 <= int(resp.headers["Retry-After"]) <= 300
    # two more failures for other names exhaust this address's allowance
    for name in ("bob", "carol"):
        assert (await client.post(url, json={"user": name, "password": "x"})).status == 401
    resp = await client.post(url, json={"user": "dave", "password": "x"})
    assert resp.status == 429
    # another address may still sign in as someone not locked
    sessions = client.app[keys.SESSIONS]
    await add_user(client, await admin_token(client, "root2"), "erin", password=PASSWORD)
    signed = await sessions.sign_in("erin", PASSWORD, "192.0.2.9")
    assert signed.user.name == "erin"


async def test_sign_out_ends_the_session_on_the_server(secured: TestClient) -> None:
    await _with_alice(secured)
    await sign_in(secured, "alice", PASSWORD)
    secret = secured.session.cookie_jar.filter_cookies(secured.make_url("/"))["plynx_session"].value
    assert (await secured.get(f"{API}/me")).status == 200
    resp = await secured.delete(f"{API}/session", headers=origin(secured))
    assert resp.status == 204
    assert (await secured.get(f"{API}/me")).status == 401
    # the old cookie, replayed, opens nothing: the session is gone from the store
    resp = await secured.get(f"{API}/me", cookies={"plynx_session": secret})
    assert resp.status == 401 and "sign in again" in (await resp.json())["error"]["message"]
    assert (await secured.delete(f"{API}/session")).status == 204  # signed out already: fine


async def test_sessions_expire(make_client: MakeClient, settings: Settings) -> None:
    client = await secured_client(make_client, settings, session_hours=1.0)
    await _with_alice(client)
    await sign_in(client, "alice", PASSWORD)
    assert (await client.get(f"{API}/me")).status == 200
    store = client.app[keys.STORE]
    secret = client.session.cookie_jar.filter_cookies(client.make_url("/"))["plynx_session"].value
    stored = await store.get_session(session_id(secret))
    assert timedelta(minutes=59) < stored.expires_at - datetime.now(UTC) <= timedelta(hours=1)
    await store.delete_sessions(session_id=stored.id)
    await store.put_session(
        stored.model_copy(update={"expires_at": datetime.now(UTC) - timedelta(seconds=1)})
    )
    resp = await client.get(f"{API}/me")
    assert resp.status == 401 and "expired" in (await resp.json())["error"]["message"]


async def test_a_role_change_or_disable_applies_to_the_next_request(secured: TestClient) -> None:
    admin = await _with_alice(secured, "editor")
    token = await sign_in(secured, "alice", PASSWORD)
    assert (
        await secured.post(f"{API}/graphs", json={"title": "a"}, headers=csrf(secured, token))
    ).status == 201
    resp = await secured.patch(f"{API}/users/alice", json={"role": "viewer"}, headers=bearer(admin))
    assert resp.status == 200
    assert (await (await secured.get(f"{API}/me")).json())["role"] == "viewer"
    resp = await secured.patch(f"{API}/users/alice", json={"disabled": True}, headers=bearer(admin))
    assert resp.status == 200
    resp = await secured.get(f"{API}/me")
    assert resp.status == 401
    # disabling ended her sessions: enabling her again does not bring them back
    await secured.patch(f"{API}/users/alice", json={"disabled": False}, headers=bearer(admin))
    assert (await secured.get(f"{API}/me")).status == 401
    assert await sign_in(secured, "alice", PASSWORD)


async def test_a_disabled_user_cannot_sign_in(secured: TestClient) -> None:
    admin = await _with_alice(secured)
    await secured.patch(f"{API}/users/alice", json={"disabled": True}, headers=bearer(admin))
    resp = await secured.post(f"{API}/session", json={"user": "alice", "password": PASSWORD})
    assert resp.status == 401 and "disabled" in (await resp.json())["error"]["message"]


async def test_the_cookie_is_secure_behind_https(
    make_client: MakeClient, settings: Settings
) -> None:
    client = await secured_client(make_client, settings, public_url="https://plynx.example.org")
    await _with_alice(client)
    resp = await client.post(f"{API}/session", json={"user": "alice", "password": PASSWORD})
    assert resp.status == 200 and resp.cookies["plynx_session"]["secure"]


async def test_local_mode_has_no_sign_in(client: TestClient) -> None:
    resp = await client.post(f"{API}/session", json={"user": "x", "password": "y" * 8})
    assert resp.status == 400 and "local-mode" in (await resp.json())["error"]["message"]
    options = await (await client.get(f"{API}/session")).json()
    assert options == {"local": True, "password": False, "oidc_login_url": None}


class _RecordingHasher(PasswordHasher):
    """Notes on which thread, at which priority, each check ran."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[int, int]] = []

    def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
        ident = threading.get_native_id()
        self.seen.append((ident, os.getpriority(os.PRIO_PROCESS, ident)))
        return super().verify(hash, password)


async def test_password_checks_run_off_the_event_loop_at_a_lower_priority(
    secured: TestClient,
) -> None:
    await _with_alice(secured)
    hasher = _RecordingHasher()
    passwords = Passwords(hasher=hasher)
    sessions = secured.app[keys.SESSIONS]
    sessions.passwords = passwords
    stalls: list[float] = []

    async def ticker() -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(0.005)
            now = time.perf_counter()
            stalls.append(now - last)
            last = now

    task = asyncio.create_task(ticker())
    try:
        results = await asyncio.gather(
            *(
                secured.post(f"{API}/session", json={"user": "alice", "password": p})
                for p in (PASSWORD, "wrong password", PASSWORD, "nobody's")
            )
        )
    finally:
        task.cancel()
        passwords.close()
    assert sorted(r.status for r in results) == [200, 200, 401, 401]
    loop_thread = threading.get_native_id()
    loop_priority = os.getpriority(os.PRIO_PROCESS, loop_thread)
    assert len(hasher.seen) == 4
    assert all(ident != loop_thread and prio > loop_priority for ident, prio in hasher.seen)
    # a figure, not a check: the machine is shared
    print(f"longest event loop stall during 4 concurrent sign-ins: {max(stalls) * 1000:.1f} ms")


async def test_the_events_socket_opens_for_a_session_from_our_pages(secured: TestClient) -> None:
    await _with_alice(secured)
    await sign_in(secured, "alice", PASSWORD)
    with pytest.raises(WSServerHandshakeError) as info:
        await secured.ws_connect("/ws/events", headers={"Origin": "https://evil.example"})
    assert info.value.status == 403
    ws = await secured.ws_connect("/ws/events", headers=origin(secured))
    await ws.send_json({"type": "subscribe", "topic": "workers"})
    assert (await ws.receive_json(timeout=5))["topic"] == "workers"
    await ws.close()


async def test_changing_ones_password_signs_out_every_other_browser(secured: TestClient) -> None:
    await _with_alice(secured)
    token = await sign_in(secured, "alice", PASSWORD)
    jar = secured.session.cookie_jar
    first = jar.filter_cookies(secured.make_url("/"))["plynx_session"].value
    other = await secured.app[keys.SESSIONS].sign_in("alice", PASSWORD, "192.0.2.1")
    resp = await secured.post(
        f"{API}/me/password",
        json={"old": PASSWORD, "new": "a brand new password"},
        headers=csrf(secured, token),
    )
    assert resp.status == 204
    renewed = resp.cookies["plynx_session"]
    assert renewed.value != first and renewed["httponly"]
    # this browser goes on, with the same CSRF token
    me = await (await secured.get(f"{API}/me")).json()
    assert me["name"] == "alice" and me["csrf_token"] == token
    jar.clear()
    for secret in (first, other.secret):
        resp = await secured.get(f"{API}/me", cookies={"plynx_session": secret})
        assert resp.status == 401
    assert (await secured.get(f"{API}/me", cookies={"plynx_session": renewed.value})).status == 200


async def test_no_password_matches_nothing_at_the_cost_of_a_real_check() -> None:
    hasher = _RecordingHasher()
    passwords = Passwords(hasher=hasher)
    try:
        real = await passwords.hash(PASSWORD)
        assert await passwords.verify(real, PASSWORD)
        assert not await passwords.verify("", PASSWORD)
        assert not await passwords.verify("", "")
        assert not await passwords.verify("not a hash", PASSWORD)
    finally:
        passwords.close()
    # the empty hash was checked (against a stand-in with the same parameters), not skipped
    assert len(hasher.seen) == 4
