"""Persistence: the :class:`Store` ABC and one module per backend, chosen by URL."""

from __future__ import annotations

from plynx.errors import StoreError
from plynx.store.base import SCHEMA_VERSION, Batch, Store, oldest_first

__all__ = ["SCHEMA_VERSION", "Batch", "Store", "oldest_first", "open_store"]


def open_store(url: str) -> Store:
    """The store for ``url`` (not yet opened: use ``async with``).

    ``sqlite:///path/to/plynx.db`` (``sqlite://:memory:`` for tests), ``postgresql://…``,
    ``mongodb://…``. Drivers are imported lazily; a missing one says which extra to install."""
    scheme = url.split(":", 1)[0].lower()
    if scheme == "sqlite":
        from plynx.store.sqlite import SQLiteStore

        return SQLiteStore(url)
    if scheme in ("postgresql", "postgres"):
        try:
            from plynx.store.postgres import PostgresStore
        except ImportError as exc:
            raise StoreError(
                f"the PostgreSQL store needs asyncpg ({exc}); pip install 'plynx[postgres]'"
            ) from exc
        return PostgresStore(url)
    if scheme in ("mongodb", "mongodb+srv"):
        try:
            from plynx.store.mongo import MongoStore
        except ImportError as exc:
            raise StoreError(
                f"the MongoDB store needs pymongo ({exc}); pip install 'plynx[mongo]'"
            ) from exc
        return MongoStore(url)
    raise StoreError(
        f"unknown store URL {url!r}: use sqlite:///path, postgresql://… or mongodb://…"
    )
