"""The audit trail through the real app: every state-changing request is recorded with who, what,
which object, when, from where and how it ended; ``GET /api/v1/audit`` is for admins, filters
and pages; the store's troubles never reach a request."""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from argon2 import PasswordHasher
from conftest import local_headers
from pytest_aiohttp import AiohttpClient

from plynx.errors import StoreError
from plynx.model import AuditEvent, AuditOutcome, Role, TokenKind, User
from plynx.server import keys
from plynx.server.app import create_app
from plynx.server.audit import AUDIT_LOG, AuditLog
from plynx.server.auth import create_token
from plynx.settings import Settings
from plynx.store import Store, open_store

from .conftest import MakeClient
from .helpers import echo_op, make_registry, node

API = "/api/v1"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def admin_token(store: Store, name: str = "root") -> str:
    await store.put_user(User(name=name, created_at=datetime.now(UTC), role=Role.ADMIN))
    return await create_token(store, TokenKind.API, name)


@pytest.fixture
async def secured(make_client: MakeClient, settings: Settings) -> TestClient:
    """A server with accounts (not local mode)."""
    return await make_client(replace(settings, local_mode=False))


async def audit(client: TestClient, token: str | None, **query: Any) -> list[dict[str, Any]]:
    headers = bearer(token) if token else {}
    resp = await client.get(f"{API}/audit", params=query, headers=headers)
    assert resp.status == 200, await resp.text()
    page = await resp.json()
    assert page["total"] >= len(page["items"])
    items: list[dict[str, Any]] = page["items"]
    return items


def brief(events: Sequence[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [
        (e["user"], e["action"], e["object_kind"], e["object_id"], e["status"], e["outcome"])
        for e in events
    ]


async def test_every_state_changing_request_is_recorded_with_its_outcome(
    secured: TestClient,
) -> None:
    store = secured.app[keys.STORE]
    root = await admin_token(store)
    alice = await create_token(store, TokenKind.API, "alice")

    created = await secured.post(f"{API}/graphs", json={"title": "mine"}, headers=bearer(alice))
    assert created.status == 201
    graph_id = (await created.json())["id"]
    doc = await (await secured.get(f"{API}/graphs/{graph_id}", headers=bearer(alice))).json()
    doc["title"] = "renamed"
    updated = await secured.put(
        f"{API}/graphs/{graph_id}?token=not-for-the-log", json=doc, headers=bearer(alice)
    )
    assert updated.status == 200
    clone = await secured.post(f"{API}/graphs/{graph_id}/clone", headers=bearer(alice))
    assert clone.status == 201
    missing = await secured.put(f"{API}/graphs/nope", json=doc, headers=bearer(alice))
    assert missing.status == 404
    invalid = await secured.post(f"{API}/graphs", json={"title": 3}, headers=bearer(alice))
    assert invalid.status == 400
    anonymous = await secured.post(f"{API}/graphs", json={"title": "x"})
    assert anonymous.status == 401
    forged = await secured.delete(f"{API}/cache", headers=bearer("plx_forged_secret"))
    assert forged.status == 401
    unknown = await secured.post(f"{API}/no/such/route", headers=bearer(alice))
    assert unknown.status == 404
    # reads are not audited
    assert (await secured.get(f"{API}/graphs", headers=bearer(alice))).status == 200

    events = await audit(secured, root)
    assert brief(events) == [
        ("alice", "unknown", "", "", 404, "error"),
        ("", "cache.delete", "cache", "", 401, "denied"),
        ("", "graph.create", "graph", "", 401, "denied"),
        ("alice", "graph.create", "graph", "", 400, "error"),
        ("alice", "graph.update", "graph", "nope", 404, "error"),
        ("alice", "graph.clone", "graph", graph_id, 201, "ok"),
        ("alice", "graph.update", "graph", graph_id, 200, "ok"),
        ("alice", "graph.create", "graph", graph_id, 201, "ok"),
    ]
    update = events[-2]
    assert update["method"] == "PUT"
    assert update["path"] == f"{API}/graphs/{graph_id}"  # never the query
    assert update["address"] == "127.0.0.1"
    before = datetime.now(UTC) - timedelta(minutes=1)
    assert all(before < datetime.fromisoformat(e["at"]) <= datetime.now(UTC) for e in events)
    assert len({e["id"] for e in events}) == len(events)


async def test_the_audit_trail_is_for_admins_only(secured: TestClient) -> None:
    store = secured.app[keys.STORE]
    alice = await create_token(store, TokenKind.API, "alice")
    worker = await create_token(store, TokenKind.WORKER, "ops")
    resp = await secured.get(f"{API}/audit", headers=bearer(alice))
    assert resp.status == 403
    assert "needs the admin role" in (await resp.json())["error"]["message"]
    assert (await secured.get(f"{API}/audit", headers=bearer(worker))).status in (401, 403)
    assert (await secured.get(f"{API}/audit")).status == 401
    # the refusals are no state change: nothing was recorded
    assert await audit(secured, await admin_token(store)) == []


async def test_local_mode_records_runs_and_uploads_with_their_objects(
    client: TestClient,
) -> None:
    graph = {"title": "g", "nodes": [node("a", echo_op(inputs=[]))], "edges": []}
    resp = await client.post(f"{API}/runs", json={"graph": graph})
    assert resp.status == 201, await resp.text()
    run_id = (await resp.json())["run"]["id"]
    cancel = await client.post(f"{API}/runs/{run_id}/cancel")
    assert cancel.status == 200
    rerun = await client.post(f"{API}/runs/{run_id}/rerun")
    assert rerun.status == 201
    uploaded = await client.post(f"{API}/artifacts", data=b"hello\n")
    assert uploaded.status == 201, await uploaded.text()
    sha256 = hashlib.sha256(b"hello\n").hexdigest()
    events = await audit(client, None)  # the local token is sent by the client
    assert brief(events) == [
        ("", "artifact.create", "artifact", sha256, 201, "ok"),
        ("", "run.rerun", "run", run_id, 201, "ok"),
        ("", "run.cancel", "run", run_id, 200, "ok"),
        ("", "run.create", "run", run_id, 201, "ok"),
    ]


async def test_the_listing_filters_and_pages(secured: TestClient) -> None:
    store = secured.app[keys.STORE]
    root = await admin_token(store)
    alice = await create_token(store, TokenKind.API, "alice")
    bob = await create_token(store, TokenKind.API, "bob")
    ids = []
    for token in (alice, bob, alice):
        resp = await secured.post(f"{API}/graphs", json={"title": "g"}, headers=bearer(token))
        ids.append((await resp.json())["id"])
    middle = datetime.now(UTC)
    await asyncio.sleep(0.01)
    await secured.post(f"{API}/graphs/{ids[0]}/clone", headers=bearer(bob))
    await secured.delete(f"{API}/cache", headers=bearer(root))

    def who(events: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
        return [(e["user"], e["action"], e["object_id"]) for e in events]

    assert who(await audit(secured, root, user="bob")) == [
        ("bob", "graph.clone", ids[0]),
        ("bob", "graph.create", ids[1]),
    ]
    assert who(await audit(secured, root, object=f"graph/{ids[0]}")) == [
        ("bob", "graph.clone", ids[0]),
        ("alice", "graph.create", ids[0]),
    ]
    assert len(await audit(secured, root, object="graph")) == 4
    assert who(await audit(secured, root, object="cache")) == [("root", "cache.delete", "")]
    assert who(await audit(secured, root, action="graph.clone")) == [("bob", "graph.clone", ids[0])]
    assert [e["action"] for e in await audit(secured, root, since=middle.isoformat())] == [
        "cache.delete",
        "graph.clone",
    ]
    assert len(await audit(secured, root, until=middle.isoformat())) == 3
    naive_utc = middle.replace(tzinfo=None).isoformat()  # without an offset: UTC
    assert len(await audit(secured, root, since=naive_utc)) == 2
    paged = await secured.get(
        f"{API}/audit", params={"offset": 1, "limit": 2}, headers=bearer(root)
    )
    page = await paged.json()
    assert (page["total"], len(page["items"]), page["offset"]) == (5, 2, 1)
    assert page["items"][0]["action"] == "graph.clone"


@pytest.mark.parametrize(
    "query, message",
    [
        ({"object": "nope/1"}, "'nope' is no kind of object; the kinds are "),
        ({"since": "yesterday"}, "since must be an ISO 8601 date"),
        ({"until": "2024-13-01"}, "until must be an ISO 8601 date"),
        ({"since": "2024-05-02", "until": "2024-05-01"}, "must be before until"),
        ({"limit": "0"}, "'limit' must be between 1 and 500"),
    ],
)
async def test_a_bad_filter_is_a_clear_400(
    secured: TestClient, query: dict[str, str], message: str
) -> None:
    root = await admin_token(secured.app[keys.STORE])
    resp = await secured.get(f"{API}/audit", params=query, headers=bearer(root))
    assert resp.status == 400
    assert message in (await resp.json())["error"]["message"]


async def test_a_sign_in_attempt_records_who_tried_never_the_password(
    secured: TestClient,
) -> None:
    client = secured
    hashed = PasswordHasher().hash("right horse battery")
    await client.app[keys.STORE].put_user(
        User(name="alice", created_at=datetime.now(UTC), password_hash=hashed)
    )
    wrong = {"user": "alice", "password": "hunter2-secret"}
    assert (await client.post(f"{API}/session", json=wrong)).status == 401
    right = {"user": "alice", "password": "right horse battery"}
    resp = await client.post(f"{API}/session", json=right)
    assert resp.status == 200 and (await resp.json())["name"] == "alice"
    assert (await client.post(f"{API}/session", json={"user": 5, "password": "x"})).status == 400

    store = client.app[keys.STORE]
    await client.app[AUDIT_LOG].flush()
    events = (await store.list_audit_events()).items
    assert [(e.user, e.action, e.status, e.outcome) for e in events] == [
        ("", "session.create", 400, AuditOutcome.ERROR),
        ("alice", "session.create", 200, AuditOutcome.OK),
        ("alice", "session.create", 401, AuditOutcome.DENIED),
    ]
    stored = json.dumps([e.model_dump(mode="json") for e in events])
    assert "hunter2" not in stored and "horse" not in stored


async def test_requests_never_wait_for_a_failing_store_and_the_events_land_later(
    secured: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = secured.app[keys.STORE]
    root = await admin_token(store)
    real = store.add_audit_events
    healthy = asyncio.Event()
    calls = 0

    async def broken(events: Sequence[AuditEvent]) -> None:
        nonlocal calls
        calls += 1
        if not healthy.is_set():
            await asyncio.sleep(0.05)
            raise StoreError("the database is on fire")
        await real(events)

    monkeypatch.setattr(store, "add_audit_events", broken)
    started = time.monotonic()
    for i in range(20):
        resp = await secured.post(f"{API}/graphs", json={"title": f"g{i}"}, headers=bearer(root))
        assert resp.status == 201
    assert time.monotonic() - started < 5
    log = secured.app[AUDIT_LOG]
    while calls < 2:  # the writer has tried, and failed, more than once
        await asyncio.sleep(0.05)
    assert log.pending == 20 and log.written == 0

    healthy.set()
    async with asyncio.timeout(10):
        await log.flush()
    events = await audit(secured, root, limit=50)
    assert len(events) == 20 and {e["action"] for e in events} == {"graph.create"}


async def test_a_full_log_drops_new_events_and_counts_them(settings: Settings) -> None:
    async with open_store(settings.store_url) as store:
        gate = asyncio.Event()
        real = store.add_audit_events

        async def slow(events: Sequence[AuditEvent]) -> None:
            await gate.wait()
            await real(events)

        store.add_audit_events = slow  # type: ignore[method-assign]
        log = AuditLog(store, capacity=3, batch=2, linger=0)
        writer = asyncio.create_task(log.run())
        now = datetime.now(UTC)
        for i in range(5):
            log.record(
                AuditEvent(
                    id=f"e{i}",
                    at=now + timedelta(seconds=i),
                    action="graph.create",
                    method="POST",
                    path="/api/v1/graphs",
                    status=201,
                    outcome=AuditOutcome.OK,
                )
            )
        assert (log.pending, log.dropped) == (3, 2)
        gate.set()
        async with asyncio.timeout(10):
            await log.flush()
        writer.cancel()
        assert [e.id for e in (await store.list_audit_events()).items] == ["e2", "e1", "e0"]
        assert log.written == 3


async def test_events_still_queued_are_written_at_shutdown(
    aiohttp_client: AiohttpClient, settings: Settings
) -> None:
    app = create_app(settings, registry=make_registry())
    client = await aiohttp_client(app, headers=local_headers(settings))
    app[AUDIT_LOG].linger = 60.0  # nothing is written while the app runs
    for i in range(3):
        assert (await client.post(f"{API}/graphs", json={"title": f"g{i}"})).status == 201
    assert app[AUDIT_LOG].pending == 3
    await client.close()
    async with open_store(settings.store_url) as store:
        page = await store.list_audit_events()
    assert page.total == 3 and {e.action for e in page.items} == {"graph.create"}


async def test_a_request_the_audit_cannot_describe_still_succeeds(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: Any) -> tuple[str, str, str]:
        raise RuntimeError("a bug in the audit")

    monkeypatch.setattr("plynx.server.audit.describe", broken)
    resp = await client.post(f"{API}/graphs", json={"title": "still saved"})
    assert resp.status == 201
    assert "cannot audit POST /api/v1/graphs" in caplog.text
    assert (await (await client.get(f"{API}/graphs")).json())["total"] == 1


async def test_the_route_is_in_the_openapi_document_as_admin_only(client: TestClient) -> None:
    document = await (await client.get(f"{API}/openapi.json")).json()
    operation = document["paths"][f"{API}/audit"]["get"]
    assert "admin only" in operation["summary"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"user", "object", "action", "since", "until", "offset", "limit"} <= names


async def test_events_are_stored_as_plain_text_whatever_the_path(client: TestClient) -> None:
    resp = await client.put(f"{API}/graphs/%00x", json={"title": "t"})
    assert resp.status in (400, 404)
    [event] = await audit(client, None)
    # PostgreSQL's text columns refuse a NUL: it would hold up every later event
    assert event["object_id"] == "\ufffdx" and event["path"] == f"{API}/graphs/\ufffdx"


def _event(ident: str) -> AuditEvent:
    return AuditEvent(
        id=ident,
        at=datetime.now(UTC),
        action="graph.create",
        method="POST",
        path="/api/v1/graphs",
        status=201,
        outcome=AuditOutcome.OK,
    )


async def test_an_event_the_store_never_takes_is_dropped_not_retried_forever(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    async with open_store(settings.store_url) as store:
        real = store.add_audit_events

        async def picky(events: Sequence[AuditEvent]) -> None:
            if any(e.id == "poison" for e in events):
                raise StoreError("this one cannot be stored")
            await real(events)

        store.add_audit_events = picky  # type: ignore[method-assign]
        log = AuditLog(store, linger=0)
        writer = asyncio.create_task(log.run())
        for ident in ("e1", "poison", "e2"):
            log.record(_event(ident))
        async with asyncio.timeout(20):
            await log.flush()
        log.record(_event("e3"))
        async with asyncio.timeout(5):
            await log.flush()
        writer.cancel()
        assert sorted(e.id for e in (await store.list_audit_events()).items) == ["e1", "e2", "e3"]
        assert (log.written, log.dropped) == (3, 1)
        assert "dropping an audit event the store refuses" in caplog.text


async def test_a_store_that_is_down_loses_nothing(settings: Settings) -> None:
    async with open_store(settings.store_url) as store:
        real = store.add_audit_events
        up = False

        async def down(events: Sequence[AuditEvent]) -> None:
            if not up:
                raise StoreError("connection refused")
            await real(events)

        store.add_audit_events = down  # type: ignore[method-assign]
        log = AuditLog(store, linger=0)
        writer = asyncio.create_task(log.run())
        for ident in ("e1", "e2"):
            log.record(_event(ident))
        await asyncio.sleep(4)  # more failed writes than it takes to look for poison
        assert (log.pending, log.dropped) == (2, 0)
        up = True
        async with asyncio.timeout(40):
            await log.flush()
        writer.cancel()
        assert log.written == 2
