"""The PostgreSQL :class:`~tests.store.conftest.Backend`: a fresh, uniquely named database per
test, created through the admin DSN in ``PLYNX_TEST_POSTGRES_DSN`` (default
``postgresql://postgres@127.0.0.1:5432/test``) and dropped afterwards.

Without a reachable server the tests skip, saying why; under CI (``CI=true``) they fail."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest

from plynx.store.postgres_pool import redact

__all__ = ["admin_dsn", "connect_admin", "postgres_database", "postgres_set_schema_version"]

DEFAULT_DSN = "postgresql://postgres@127.0.0.1:5432/test"


def admin_dsn() -> str:
    """The DSN of a database the tests may create and drop databases from."""
    return os.environ.get("PLYNX_TEST_POSTGRES_DSN") or DEFAULT_DSN


def with_database(dsn: str, name: str) -> str:
    """``dsn`` pointing at the database ``name`` instead."""
    return urlunsplit(urlsplit(dsn)._replace(path=f"/{name}"))


async def connect_admin() -> Any:
    """An asyncpg connection through the admin DSN; skips (or fails under CI) without one."""
    dsn = admin_dsn()
    try:
        return await asyncpg.connect(dsn, timeout=10)
    except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
        reason = (
            f"PostgreSQL is not reachable at {redact(dsn)} ({exc}); start it or set "
            "PLYNX_TEST_POSTGRES_DSN"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


@asynccontextmanager
async def postgres_database(tmp_path: Path | None = None) -> AsyncIterator[str]:
    """The URL of a new, empty database, dropped on exit."""
    name = f"plynx_test_{uuid.uuid4().hex[:16]}"
    admin = await connect_admin()
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    try:
        yield with_database(admin_dsn(), name)
    finally:
        admin = await connect_admin()
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


async def postgres_set_schema_version(url: str, version: int) -> None:
    """Overwrite the schema version recorded in the database at ``url``."""
    conn = await asyncpg.connect(url, timeout=10)
    try:
        await conn.execute("UPDATE meta SET value = $1 WHERE key = 'schema_version'", str(version))
    finally:
        await conn.close()
