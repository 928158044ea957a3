"""Fixtures of the store contract suite: one fresh, empty store per test, for every backend.

To run the suite against another backend, add a :class:`Backend` to ``BACKENDS``:

* ``database(tmp_path)`` is an async context manager yielding the URL of a fresh, empty database
  (e.g. create a uniquely named PostgreSQL database or MongoDB database) and dropping it on exit.
  Call ``pytest.skip(...)`` inside it when the server is not available.
* ``set_schema_version(url, version)`` overwrites the schema version recorded in that database
  (used to check that a newer schema is refused).

Every test that takes the ``store`` (or ``store_url``) fixture then runs once per backend, with
the backend name in its id (``test_x[sqlite]``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from plynx.store import Store, open_store
from plynx.store.sqlite import parse_sqlite_url

from .backend_mongo import mongo_database, mongo_set_schema_version
from .backend_postgres import postgres_database, postgres_set_schema_version


@dataclass(frozen=True)
class Backend:
    """How the contract suite gets a fresh database of one kind, and tampers with it."""

    name: str
    database: Callable[[Path], AbstractAsyncContextManager[str]]
    set_schema_version: Callable[[str, int], Awaitable[None]]


@asynccontextmanager
async def _sqlite_database(tmp_path: Path) -> AsyncIterator[str]:
    # A sub-directory that does not exist yet: the store must create it.
    yield f"sqlite:///{tmp_path / 'db' / 'plynx.db'}"


async def _sqlite_set_schema_version(url: str, version: int) -> None:
    with sqlite3.connect(parse_sqlite_url(url)) as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),))
    conn.close()


BACKENDS: dict[str, Backend] = {
    "sqlite": Backend("sqlite", _sqlite_database, _sqlite_set_schema_version),
    "postgres": Backend("postgres", postgres_database, postgres_set_schema_version),
    "mongo": Backend("mongo", mongo_database, mongo_set_schema_version),
}


@pytest.fixture(params=list(BACKENDS))
def backend(request: pytest.FixtureRequest) -> Backend:
    """The backend under test."""
    return BACKENDS[request.param]


@pytest.fixture
async def store_url(backend: Backend, tmp_path: Path) -> AsyncIterator[str]:
    """The URL of a fresh, empty database of the backend under test."""
    async with backend.database(tmp_path) as url:
        yield url


@pytest.fixture
async def store(store_url: str) -> AsyncIterator[Store]:
    """An open store on a fresh database."""
    async with open_store(store_url) as opened:
        yield opened
