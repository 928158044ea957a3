"""The PostgreSQL schema and its migrations.

The schema version lives in the ``meta`` table. ``MIGRATIONS[n]`` takes a database at version
``n`` to version ``n + 1``; a new database is at version 0, so the first migration *creates* the
schema. To change the schema: append a migration and bump
:data:`plynx.store.base.SCHEMA_VERSION`.

:func:`migrate` runs every pending migration in *one* transaction (PostgreSQL DDL is
transactional, so a failed upgrade leaves the old schema intact) after taking a transaction-level
advisory lock: two servers starting at once on a new database do not both create it, the second
waits and then finds the current version.

Documents are kept whole in ``doc``, as ``json``: the exact text pydantic wrote, so a document
reads back as it was written, like in SQLite (``jsonb`` would reorder the keys of every object,
e.g. a node's parameters or outputs, and refuse the character U+0000), and reads and writes
cost no conversion to and from a binary form. The other columns are copies of the fields that
are filtered, ordered or joined on, each with an index. ``pos`` is an identity column that
records insertion order, the tie-breaker of every listing (SQLite's ``rowid``): an upsert keeps
it, so a node run keeps its place in its run. Timestamps are ``timestamptz`` (an instant, so
ordering does not depend on how a time zone was written). Keys are ``COLLATE "C"``, so listings
by name or id sort by code point exactly as SQLite does, whatever the database's locale.

Word search uses ``LIKE`` on a lower-cased ``search_text``; where the ``pg_trgm`` extension can be
created, a trigram GIN index makes that fast. Where it cannot (no privilege, not installed) the
schema is created without that index and searches scan: the results are the same.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

import asyncpg

from plynx.errors import SchemaVersionError
from plynx.store.base import SCHEMA_VERSION
from plynx.store.postgres_audit import AUDIT_SCHEMA

__all__ = ["MIGRATIONS", "OUTPUT_DIGESTS", "Migration", "migrate", "read_version"]

logger = logging.getLogger(__name__)

#: ``await migration(conn)`` takes the database one version up, inside the caller's transaction.
#: ``conn`` is an ``asyncpg.Connection``.
Migration = Callable[[Any], Awaitable[None]]

#: Key of the advisory lock held while migrating (the bytes of "plynx" as an integer).
SCHEMA_LOCK = int.from_bytes(b"plynx", "big")

_V1 = """
CREATE TABLE operations (
    id          text COLLATE "C" PRIMARY KEY,
    pos         bigint GENERATED ALWAYS AS IDENTITY,
    kind        text NOT NULL,
    status      text NOT NULL,
    author      text NOT NULL,
    created_at  timestamptz,
    updated_at  timestamptz,
    search_text text NOT NULL,
    doc         json NOT NULL
);
CREATE INDEX operations_created ON operations (created_at DESC NULLS LAST, pos DESC);
CREATE INDEX operations_kind ON operations (kind);
CREATE INDEX operations_status ON operations (status);
CREATE INDEX operations_author ON operations (author);

CREATE TABLE graphs (
    id          text COLLATE "C" PRIMARY KEY,
    pos         bigint GENERATED ALWAYS AS IDENTITY,
    author      text NOT NULL,
    created_at  timestamptz,
    updated_at  timestamptz,
    search_text text NOT NULL,
    doc         json NOT NULL
);
CREATE INDEX graphs_updated ON graphs (updated_at DESC NULLS LAST, pos DESC);
CREATE INDEX graphs_author ON graphs (author);

CREATE TABLE runs (
    id          text COLLATE "C" PRIMARY KEY,
    pos         bigint GENERATED ALWAYS AS IDENTITY,
    status      text NOT NULL,
    graph_id    text COLLATE "C",
    author      text NOT NULL,
    created_at  timestamptz NOT NULL,
    finished_at timestamptz,
    doc         json NOT NULL
);
CREATE INDEX runs_created ON runs (created_at DESC, pos DESC);
CREATE INDEX runs_status ON runs (status);
CREATE INDEX runs_graph ON runs (graph_id);
CREATE INDEX runs_author ON runs (author);

CREATE TABLE node_runs (
    id          text COLLATE "C" PRIMARY KEY,
    pos         bigint GENERATED ALWAYS AS IDENTITY,
    run_id      text COLLATE "C" NOT NULL,
    node_id     text NOT NULL,
    status      text NOT NULL,
    cache_key   text COLLATE "C",
    doc         json NOT NULL
);
CREATE INDEX node_runs_run ON node_runs (run_id, pos);
CREATE INDEX node_runs_cache_key ON node_runs (cache_key);

CREATE TABLE cache_entries (
    key         text COLLATE "C" PRIMARY KEY,
    pos         bigint GENERATED ALWAYS AS IDENTITY,
    node_run_id text NOT NULL,
    run_id      text COLLATE "C" NOT NULL,
    created_at  timestamptz NOT NULL,
    doc         json NOT NULL
);
CREATE INDEX cache_entries_created ON cache_entries (created_at DESC, pos DESC);
CREATE INDEX cache_entries_run ON cache_entries (run_id);

CREATE TABLE artifacts (
    sha256      text COLLATE "C" PRIMARY KEY,
    pos         bigint GENERATED ALWAYS AS IDENTITY,
    created_at  timestamptz NOT NULL,
    doc         json NOT NULL
);
CREATE INDEX artifacts_created ON artifacts (created_at DESC, pos DESC);

CREATE TABLE users (
    name        text COLLATE "C" PRIMARY KEY,
    doc         json NOT NULL
);

CREATE TABLE tokens (
    id          text COLLATE "C" PRIMARY KEY,
    pos         bigint GENERATED ALWAYS AS IDENTITY,
    user_name   text NOT NULL,
    created_at  timestamptz NOT NULL,
    doc         json NOT NULL
);
CREATE INDEX tokens_created ON tokens (created_at, pos);
CREATE INDEX tokens_user ON tokens (user_name);

CREATE TABLE workers (
    id          text COLLATE "C" PRIMARY KEY,
    doc         json NOT NULL
);
"""

_TRIGRAM = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX operations_search ON operations USING gin (search_text gin_trgm_ops);
CREATE INDEX graphs_search ON graphs USING gin (search_text gin_trgm_ops);
"""


async def _create_v1(conn: Any) -> None:
    await conn.execute(_V1)
    try:
        # A savepoint: a refused extension must not abort the migration's transaction.
        async with conn.transaction():
            await conn.execute(_TRIGRAM)
    except asyncpg.PostgresError as exc:
        logger.warning(
            "pg_trgm is not available (%s): word search works without an index, "
            "but scans; a superuser can run CREATE EXTENSION pg_trgm",
            exc,
        )


_EXPERIMENTS_V2 = """
CREATE TABLE metrics (
    pos         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    node_run_id text COLLATE "C" NOT NULL,
    run_id      text COLLATE "C" NOT NULL,
    node_id     text NOT NULL,
    name        text NOT NULL,
    step        bigint,
    value       double precision NOT NULL
);
CREATE INDEX metrics_run ON metrics (run_id, pos);
CREATE INDEX metrics_node_run ON metrics (node_run_id);

CREATE TABLE sweeps (
    id          text COLLATE "C" PRIMARY KEY,
    pos         bigint GENERATED ALWAYS AS IDENTITY,
    graph_id    text COLLATE "C",
    author      text NOT NULL,
    created_at  timestamptz NOT NULL,
    doc         json NOT NULL
);
CREATE INDEX sweeps_created ON sweeps (created_at DESC, pos DESC);
CREATE INDEX sweeps_graph ON sweeps (graph_id);
"""


async def _experiments_v2(conn: Any) -> None:
    """Version 2: metric points reported by node runs, in reporting order (``pos``), and
    sweeps."""
    await conn.execute(_EXPERIMENTS_V2)


#: The sha256 of every output artifact of a node run (a ``text[]`` column computed from ``doc``).
OUTPUT_DIGESTS = "outputs"
# A document may hold "\u0000", which PostgreSQL cannot unescape (reading any field of it fails):
# it becomes U+FFFD first. Only the digests (hex) are read, so nothing else matters here.
_LINEAGE_V3 = r"""
CREATE OR REPLACE FUNCTION plynx_output_digests(doc json) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(ref ->> 'sha256'), '{}')
    FROM json_each(replace(doc::text, '\u0000', '\ufffd')::json -> 'outputs') AS port,
        json_array_elements(port.value) AS ref
$$;
ALTER TABLE node_runs ADD COLUMN IF NOT EXISTS outputs text[]
    GENERATED ALWAYS AS (plynx_output_digests(doc)) STORED;
CREATE INDEX IF NOT EXISTS node_runs_outputs ON node_runs USING gin (outputs)
    WITH (fastupdate = off);
"""


async def _lineage_v3(conn: Any) -> None:
    """Version 3: node runs indexed by the digests of their outputs (lineage). A generated
    column follows the documents by itself (no writer has to remember it) and is computed once
    per write, not on every lookup (array containment in a GIN index is always rechecked).
    ``fastupdate = off``: a lookup must not scan a pending list of recent node runs."""
    await conn.execute(_LINEAGE_V3)


_SESSIONS_V4 = """
CREATE TABLE IF NOT EXISTS sessions (
    id          text COLLATE "C" PRIMARY KEY,
    user_name   text NOT NULL,
    expires_at  timestamptz NOT NULL,
    doc         json NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_user ON sessions (user_name);
CREATE INDEX IF NOT EXISTS sessions_expires ON sessions (expires_at);
"""


async def _sessions_v4(conn: Any) -> None:
    """Version 4: sign-in sessions, by the SHA-256 of their cookie's secret."""
    await conn.execute(_SESSIONS_V4)


async def _audit(conn: Any) -> None:
    """The audit trail: the ``audit`` table (see :mod:`plynx.store.postgres_audit`); and
    columns for soft deletion (listings filter on them without parsing documents)."""
    await conn.execute(AUDIT_SCHEMA)
    await conn.execute(
        "ALTER TABLE graphs ADD COLUMN IF NOT EXISTS deleted_at timestamptz;"
        "ALTER TABLE runs ADD COLUMN IF NOT EXISTS deleted_at timestamptz"
    )


#: ``MIGRATIONS[n]`` migrates version ``n`` to ``n + 1``.
MIGRATIONS: list[Migration] = [_create_v1, _experiments_v2, _lineage_v3, _sessions_v4, _audit]

_READ_VERSION = "SELECT value FROM meta WHERE key = 'schema_version'"


async def read_version(conn: Any) -> int:
    """The version recorded in ``meta`` (0 when there is none)."""
    value = await conn.fetchval(_READ_VERSION)
    return int(value) if value is not None else 0


async def migrate(
    conn: Any,
    where: str,
    migrations: list[Migration] = MIGRATIONS,
    target: int = SCHEMA_VERSION,
) -> int:
    """Bring the database behind ``conn`` (an ``asyncpg.Connection``) up to ``target``; return
    the version it was at. ``where`` names the database in error messages. Raises
    :class:`SchemaVersionError` when the database is newer than ``target``; driver errors are
    left to the caller to translate."""
    async with conn.transaction():
        # Taken before even creating ``meta``: concurrent CREATE TABLE IF NOT EXISTS can fail.
        await conn.execute("SELECT pg_advisory_xact_lock($1)", SCHEMA_LOCK)
        await conn.execute("CREATE TABLE IF NOT EXISTS meta (key text PRIMARY KEY, value text)")
        found = await read_version(conn)
        if found > target:
            raise SchemaVersionError(
                f"the database {where} has schema version {found}, but this PLynx only "
                f"understands up to version {target}: upgrade PLynx to open it."
            )
        for version in range(found, target):
            logger.info("migrating %s from schema version %d", where, version)
            await migrations[version](conn)
        if found != target:
            await conn.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', $1) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                str(target),
            )
    return found
