"""The audit-trail part of the :class:`~plynx.store.Store` contract, once per backend, and the
migration step that adds it to a store of the previous schema version."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from pymongo import AsyncMongoClient

from plynx.errors import InvalidInput
from plynx.model import AuditEvent, AuditFilter, AuditOutcome
from plynx.store import (
    SCHEMA_VERSION,
    Store,
    mongo_schema,
    open_store,
    postgres_schema,
    sqlite_schema,
)
from plynx.store.mongo_base import database_name
from plynx.store.sqlite import parse_sqlite_url

from .conftest import Backend
from .docs import at, operation


def event(ident: str, minute: float, **fields: Any) -> AuditEvent:
    values: dict[str, Any] = {
        "id": ident,
        "at": at(minute),
        "user": "alice",
        "action": "graph.update",
        "method": "PUT",
        "path": f"/api/v1/graphs/g-{ident}",
        "object_kind": "graph",
        "object_id": f"g-{ident}",
        "status": 200,
        "outcome": AuditOutcome.OK,
        "address": "127.0.0.1",
    }
    return AuditEvent(**(values | fields))


async def ids(store: Store, where: AuditFilter | None = None, **paging: int) -> list[str]:
    return [e.id for e in (await store.list_audit_events(where, **paging)).items]


async def test_audit_events_come_back_whole_newest_first(store: Store) -> None:
    first = event("e1", 1, address="2001:db8::1", outcome=AuditOutcome.DENIED, status=403)
    await store.add_audit_events([first, event("e2", 3)])
    # the same instant: the one recorded last comes first
    await store.add_audit_events([event("e3", 2), event("e4", 2)])
    await store.add_audit_events([])
    page = await store.list_audit_events()
    assert [e.id for e in page.items] == ["e2", "e4", "e3", "e1"]
    assert page.total == 4
    assert page.items[-1] == first


async def test_audit_events_are_filtered_by_user_action_object_and_time(store: Store) -> None:
    await store.add_audit_events(
        [
            event("a1", 1),
            event("a2", 2, action="graph.clone"),
            event("b1", 3, user="bob", object_id="g-a1"),
            event("b2", 4, user="bob", action="run.cancel", object_kind="run", object_id="r1"),
            event("x1", 5, user="", action="session.create", object_kind="session", object_id=""),
        ]
    )
    assert await ids(store, AuditFilter(user="bob")) == ["b2", "b1"]
    assert await ids(store, AuditFilter(user="")) == ["x1"]
    assert await ids(store, AuditFilter(action="graph.update")) == ["b1", "a1"]
    assert await ids(store, AuditFilter(object_kind="graph", object_id="g-a1")) == ["b1", "a1"]
    assert await ids(store, AuditFilter(object_kind="run")) == ["b2"]
    assert await ids(store, AuditFilter(since=at(2), until=at(4))) == ["b1", "a2"]
    assert await ids(store, AuditFilter(since=at(4))) == ["x1", "b2"]
    assert await ids(store, AuditFilter(until=at(1))) == []
    assert await ids(store, AuditFilter(user="bob", since=at(3.5))) == ["b2"]
    assert await ids(store, AuditFilter(user="carol")) == []
    page = await store.list_audit_events(AuditFilter(object_kind="graph"), offset=1, limit=2)
    assert [e.id for e in page.items] == ["a2", "a1"]
    assert (page.total, page.offset, page.limit) == (3, 1, 2)


async def test_an_audit_event_recorded_twice_is_kept_once(store: Store) -> None:
    await store.add_audit_events([event("e1", 1)])
    # a batch written again (its first write may or may not have landed) adds only what is new
    await store.add_audit_events([event("e1", 1, user="mallory"), event("e2", 2)])
    page = await store.list_audit_events()
    assert [(e.id, e.user) for e in page.items] == [("e2", "alice"), ("e1", "alice")]


async def test_audit_events_survive_reopening(store_url: str) -> None:
    async with open_store(store_url) as store:
        await store.add_audit_events([event("e1", 1)])
    async with open_store(store_url) as store:
        assert await ids(store) == ["e1"]


def _audit_step(migrations: Sequence[Any]) -> int:
    """The schema version the audit step starts from (wherever the step sits in the list)."""
    return next(n for n, step in enumerate(migrations) if step.__name__ == "_audit")


async def _database_before_audit(backend: Backend, url: str) -> None:
    """Set up the database at ``url`` at the schema version just before the audit trail."""
    if backend.name == "sqlite":
        path = Path(parse_sqlite_url(url))
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, isolation_level=None)
        try:
            sqlite_schema.migrate(db, url, target=_audit_step(sqlite_schema.MIGRATIONS))
        finally:
            db.close()
    elif backend.name == "postgres":
        conn = await asyncpg.connect(url)
        try:
            target = _audit_step(postgres_schema.MIGRATIONS)
            await postgres_schema.migrate(conn, url, target=target)
        finally:
            await conn.close()
    else:
        client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(url)
        try:
            target = _audit_step(mongo_schema.MIGRATIONS)
            await mongo_schema.migrate(client[database_name(url)], url, target=target)
        finally:
            await client.close()


async def test_a_store_of_the_schema_before_the_audit_trail_gains_it(
    backend: Backend, store_url: str
) -> None:
    await _database_before_audit(backend, store_url)
    async with open_store(store_url) as store:
        assert await store.schema_version() == SCHEMA_VERSION
        await store.create_operation(operation("op1"))
        await store.add_audit_events([event("e1", 1)])
        assert await ids(store, AuditFilter(user="alice")) == ["e1"]


@pytest.mark.parametrize("offset, limit", [(-1, 10), (0, -1)])
async def test_negative_audit_paging_is_refused(store: Store, offset: int, limit: int) -> None:
    with pytest.raises(InvalidInput):
        await store.list_audit_events(offset=offset, limit=limit)


async def test_any_text_is_kept_even_a_nul(store: Store) -> None:
    odd = event("e1", 1, user="a\x00b", path="/api/v1/graphs/\x00x", object_id="\x00x")
    await store.add_audit_events([odd, event("e2", 2, user="ünï ✓")])
    page = await store.list_audit_events()
    assert page.items == [event("e2", 2, user="ünï ✓"), odd]
    assert await ids(store, AuditFilter(user="ünï ✓")) == ["e2"]
    assert await ids(store, AuditFilter(user="a\x00b", object_id="\x00x")) == ["e1"]
