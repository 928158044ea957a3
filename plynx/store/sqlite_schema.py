"""The SQLite schema and its migrations.

The schema version lives in the ``meta`` table. ``MIGRATIONS[n]`` takes a database at version
``n`` to version ``n + 1``; a new database is at version 0, so the first migration *creates* the
schema. To change the schema: append a migration and bump
:data:`plynx.store.base.SCHEMA_VERSION`. Migrations run inside one ``BEGIN IMMEDIATE``
transaction (SQLite DDL is transactional), so a failed upgrade leaves the old schema intact.

Everything here is synchronous ``sqlite3`` code: the store runs it on its connection's thread.

Documents are kept whole as JSON text in ``doc``; the other columns are copies of the fields
that are filtered, ordered or joined on. Timestamps are stored as POSIX seconds (REAL) so that
ordering does not depend on how a time zone was written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from plynx.errors import SchemaVersionError
from plynx.store.base import SCHEMA_VERSION
from plynx.store.sqlite_audit import create_audit_table

__all__ = ["MIGRATIONS", "Migration", "migrate"]

#: ``migration(db)`` takes the database one version up, inside the caller's transaction.
Migration = Callable[[sqlite3.Connection], None]

_V1 = """
CREATE TABLE IF NOT EXISTS operations (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    status      TEXT NOT NULL,
    author      TEXT NOT NULL,
    created_ts  REAL,
    updated_ts  REAL,
    search_text TEXT NOT NULL,
    doc         TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS operations_created ON operations (created_ts);
CREATE INDEX IF NOT EXISTS operations_kind ON operations (kind);
CREATE INDEX IF NOT EXISTS operations_author ON operations (author);

CREATE TABLE IF NOT EXISTS graphs (
    id          TEXT PRIMARY KEY,
    author      TEXT NOT NULL,
    created_ts  REAL,
    updated_ts  REAL,
    search_text TEXT NOT NULL,
    doc         TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS graphs_updated ON graphs (updated_ts);
CREATE INDEX IF NOT EXISTS graphs_author ON graphs (author);

CREATE TABLE IF NOT EXISTS runs (
    id          TEXT PRIMARY KEY,
    status      TEXT NOT NULL,
    graph_id    TEXT,
    author      TEXT NOT NULL,
    created_ts  REAL NOT NULL,
    finished_ts REAL,
    doc         TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS runs_created ON runs (created_ts);
CREATE INDEX IF NOT EXISTS runs_status ON runs (status);
CREATE INDEX IF NOT EXISTS runs_graph ON runs (graph_id);
CREATE INDEX IF NOT EXISTS runs_author ON runs (author);

CREATE TABLE IF NOT EXISTS node_runs (
    id          TEXT PRIMARY KEY,
    run_id      TEXT NOT NULL,
    node_id     TEXT NOT NULL,
    status      TEXT NOT NULL,
    cache_key   TEXT,
    doc         TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS node_runs_run ON node_runs (run_id);

CREATE TABLE IF NOT EXISTS cache_entries (
    key         TEXT PRIMARY KEY,
    node_run_id TEXT NOT NULL,
    run_id      TEXT NOT NULL,
    created_ts  REAL NOT NULL,
    doc         TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS cache_entries_created ON cache_entries (created_ts);

CREATE TABLE IF NOT EXISTS artifacts (
    sha256      TEXT PRIMARY KEY,
    created_ts  REAL NOT NULL,
    doc         TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS artifacts_created ON artifacts (created_ts);

CREATE TABLE IF NOT EXISTS users (
    name        TEXT PRIMARY KEY,
    doc         TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS tokens (
    id          TEXT PRIMARY KEY,
    user        TEXT NOT NULL,
    created_ts  REAL NOT NULL,
    doc         TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS workers (
    id          TEXT PRIMARY KEY,
    doc         TEXT NOT NULL
);
"""


def _create_v1(db: sqlite3.Connection) -> None:
    # executescript() would COMMIT the migration transaction, so run statement by statement.
    for statement in _V1.split(";"):
        if statement.strip():
            db.execute(statement)


def _experiments_v2(db: sqlite3.Connection) -> None:
    """Version 2: metric points reported by node runs, in reporting order (``rowid``), and
    sweeps."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS metrics ("
        " node_run_id TEXT NOT NULL, run_id TEXT NOT NULL, node_id TEXT NOT NULL,"
        " name TEXT NOT NULL, step INTEGER, value REAL NOT NULL)"
    )
    db.execute("CREATE INDEX IF NOT EXISTS metrics_run ON metrics (run_id)")
    db.execute("CREATE INDEX IF NOT EXISTS metrics_node_run ON metrics (node_run_id)")
    db.execute(
        "CREATE TABLE IF NOT EXISTS sweeps (id TEXT PRIMARY KEY, graph_id TEXT,"
        " author TEXT NOT NULL, created_ts REAL NOT NULL, doc TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX IF NOT EXISTS sweeps_created ON sweeps (created_ts)")
    db.execute("CREATE INDEX IF NOT EXISTS sweeps_graph ON sweeps (graph_id)")


# Every (output artifact, node run) pair of a node run document: what a trigger copies into
# ``node_run_outputs`` (``NEW`` is the node run row; the backfill reads ``node_runs AS NEW``).
_OUTPUT_PAIRS = (
    "SELECT json_extract(ref.value, '$.sha256'), NEW.id, NEW.run_id "
    "FROM json_each(NEW.doc, '$.outputs') AS port, json_each(port.value) AS ref"
)


def _lineage_v3(db: sqlite3.Connection) -> None:
    """Version 3: ``node_run_outputs``, which node runs have an artifact among their outputs
    (for lineage). Triggers keep it in step with the node run documents, so no writer has to
    remember it; existing node runs are indexed here."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS node_run_outputs (sha256 TEXT NOT NULL,"
        " node_run_id TEXT NOT NULL, run_id TEXT NOT NULL, PRIMARY KEY (sha256, node_run_id))"
    )
    db.execute(
        "CREATE INDEX IF NOT EXISTS node_run_outputs_node_run ON node_run_outputs (node_run_id)"
    )
    db.execute(
        "CREATE TRIGGER IF NOT EXISTS node_run_outputs_insert AFTER INSERT ON node_runs BEGIN "
        f"INSERT OR IGNORE INTO node_run_outputs {_OUTPUT_PAIRS}; END"
    )
    db.execute(
        "CREATE TRIGGER IF NOT EXISTS node_run_outputs_update AFTER UPDATE OF doc ON node_runs "
        "BEGIN DELETE FROM node_run_outputs WHERE node_run_id = NEW.id; "
        f"INSERT OR IGNORE INTO node_run_outputs {_OUTPUT_PAIRS}; END"
    )
    db.execute(
        "CREATE TRIGGER IF NOT EXISTS node_run_outputs_delete AFTER DELETE ON node_runs BEGIN "
        "DELETE FROM node_run_outputs WHERE node_run_id = OLD.id; END"
    )
    backfill = _OUTPUT_PAIRS.replace("FROM json_each", "FROM node_runs AS NEW, json_each", 1)
    db.execute(f"INSERT OR IGNORE INTO node_run_outputs {backfill}")


def _sessions_v4(db: sqlite3.Connection) -> None:
    """Version 4: sign-in sessions, by the SHA-256 of their cookie's secret."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, user TEXT NOT NULL,"
        " expires_ts REAL NOT NULL, doc TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX IF NOT EXISTS sessions_user ON sessions (user)")
    db.execute("CREATE INDEX IF NOT EXISTS sessions_expires ON sessions (expires_ts)")


def _audit(db: sqlite3.Connection) -> None:
    """The audit trail: the ``audit`` table (see :mod:`plynx.store.sqlite_audit`)."""
    create_audit_table(db)


#: ``MIGRATIONS[n]`` migrates version ``n`` to ``n + 1``.
MIGRATIONS: list[Migration] = [_create_v1, _experiments_v2, _lineage_v3, _sessions_v4, _audit]


def _read_version(db: sqlite3.Connection) -> int:
    row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row is not None else 0


def migrate(
    db: sqlite3.Connection,
    where: str,
    migrations: list[Migration] = MIGRATIONS,
    target: int = SCHEMA_VERSION,
) -> int:
    """Bring the database ``db`` (an autocommit connection) up to ``target``; return the version
    it was at. ``where`` names the database in error messages. Raises
    :class:`SchemaVersionError` when the database is newer than ``target``."""
    db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
    # IMMEDIATE takes the write lock before reading the version: two processes opening a new
    # file at once do not both run the migrations.
    db.execute("BEGIN IMMEDIATE")
    try:
        found = _read_version(db)
        if found > target:
            raise SchemaVersionError(
                f"the database {where} has schema version {found}, but this PLynx only "
                f"understands up to version {target}: upgrade PLynx to open it."
            )
        for version in range(found, target):
            migrations[version](db)
        if found != target:
            db.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(target),),
            )
        db.execute("COMMIT")
    except BaseException:
        db.rollback()
        raise
    return found
