"""The MongoDB store's collections, their indexes and the schema migrations.

The schema version lives in the ``meta`` collection (``{_id: "schema_version", value: n}``).
``MIGRATIONS[n]`` takes a database at version ``n`` to version ``n + 1``; a new database is at
version 0, so the first migration *creates* the collections and their indexes. To change the
schema: append a migration and bump :data:`plynx.store.base.SCHEMA_VERSION`.

MongoDB has no transactional DDL, so a migration must be idempotent (creating an index that
exists is a no-op): the version is recorded after each step, and a step that failed half-way is
simply run again on the next open. Two servers opening a new database at once both run the
first migration, which is harmless.

Every collection keys its documents by the model's own id (``_id``). Beside the document, kept
whole as JSON text in ``doc``, are copies of the fields that are filtered and ordered on, and
``seq``: a number that grows with every insert, which breaks ties between equal timestamps the
way SQLite's ``rowid`` does (see :class:`plynx.store.mongo_docs.InsertOrder`).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from pymongo import ASCENDING, DESCENDING, IndexModel, UpdateOne
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import CollectionInvalid, OperationFailure

from plynx.errors import SchemaVersionError
from plynx.store.base import SCHEMA_VERSION
from plynx.store.mongo_audit import AUDIT_INDEXES

__all__ = [
    "INDEXES",
    "MIGRATIONS",
    "Migration",
    "create_indexes",
    "migrate",
    "read_version",
    "write_version",
]

Database = AsyncDatabase[dict[str, Any]]
#: ``await migration(db)`` takes the database one version up; it must be idempotent.
Migration = Callable[[Database], Awaitable[None]]

_VERSION_ID = "schema_version"
_NAMESPACE_EXISTS = 48


def _index(name: str, *keys: tuple[str, int]) -> IndexModel:
    return IndexModel(list(keys), name=name)


#: The indexes of each collection (``_id`` is always indexed, and unique).
INDEXES: dict[str, list[IndexModel]] = {
    "operations": [
        _index("operations_created", ("created_ts", DESCENDING), ("seq", DESCENDING)),
        _index("operations_kind", ("kind", ASCENDING)),
        _index("operations_status", ("status", ASCENDING)),
        _index("operations_author", ("author", ASCENDING)),
    ],
    "graphs": [
        _index("graphs_updated", ("updated_ts", DESCENDING), ("seq", DESCENDING)),
        _index("graphs_author", ("author", ASCENDING)),
    ],
    "runs": [
        _index("runs_created", ("created_ts", DESCENDING), ("seq", DESCENDING)),
        _index("runs_status", ("status", ASCENDING)),
        _index("runs_graph", ("graph_id", ASCENDING)),
        _index("runs_author", ("author", ASCENDING)),
    ],
    "node_runs": [
        _index("node_runs_run", ("run_id", ASCENDING), ("seq", ASCENDING)),
        _index("node_runs_cache_key", ("cache_key", ASCENDING)),
    ],
    "cache_entries": [
        _index("cache_entries_created", ("created_ts", DESCENDING), ("seq", DESCENDING)),
        _index("cache_entries_run", ("run_id", ASCENDING)),
    ],
    "artifacts": [
        _index("artifacts_created", ("created_ts", DESCENDING), ("seq", DESCENDING)),
    ],
    "tokens": [
        _index("tokens_created", ("created_ts", ASCENDING), ("seq", ASCENDING)),
        _index("tokens_user", ("user", ASCENDING)),
    ],
    "users": [],
    "workers": [],
}


async def create_indexes(db: Database, indexes: dict[str, list[IndexModel]] = INDEXES) -> None:
    """Create every collection and its indexes (what exists already is left as it is)."""
    existing = set(await db.list_collection_names())
    for name, models in indexes.items():
        if name not in existing:
            try:
                await db.create_collection(name)
            except (CollectionInvalid, OperationFailure) as exc:
                # Another server opening the same new database created it meanwhile.
                if isinstance(exc, OperationFailure) and exc.code != _NAMESPACE_EXISTS:
                    raise
        if models:
            await db[name].create_indexes(models)


#: Version 2: metric points, one document per point, in reporting order (``seq``), and sweeps.
EXPERIMENT_INDEXES: dict[str, list[IndexModel]] = {
    "metrics": [
        _index("metrics_run", ("run_id", ASCENDING), ("seq", ASCENDING)),
        _index("metrics_node_run", ("node_run_id", ASCENDING)),
    ],
    "sweeps": [
        _index("sweeps_created", ("created_ts", DESCENDING), ("seq", DESCENDING)),
        _index("sweeps_graph", ("graph_id", ASCENDING)),
    ],
}


async def _experiments_v2(db: Database) -> None:
    await create_indexes(db, EXPERIMENT_INDEXES)


#: Version 3: node runs by the digests of their outputs (``outputs``, a multikey index).
LINEAGE_INDEXES: dict[str, list[IndexModel]] = {
    "node_runs": [_index("node_runs_outputs", ("outputs", ASCENDING), ("seq", ASCENDING))],
}
_BACKFILL_BATCH = 500


async def _lineage_v3(db: Database) -> None:
    """Version 3: copy the output digests of existing node runs into ``outputs``, then index
    them (new node runs are written with the field)."""
    nodes = db["node_runs"]
    updates: list[UpdateOne] = []
    async for doc in nodes.find({"outputs": {"$exists": False}}, {"doc": 1}):
        outputs = json.loads(doc["doc"]).get("outputs") or {}
        digests = sorted({ref["sha256"] for refs in outputs.values() for ref in refs})
        updates.append(UpdateOne({"_id": doc["_id"]}, {"$set": {"outputs": digests}}))
        if len(updates) >= _BACKFILL_BATCH:
            await nodes.bulk_write(updates, ordered=False)
            updates = []
    if updates:
        await nodes.bulk_write(updates, ordered=False)
    await create_indexes(db, LINEAGE_INDEXES)


#: Version 4: sign-in sessions, by the SHA-256 of their cookie's secret.
SESSION_INDEXES: dict[str, list[IndexModel]] = {
    "sessions": [
        _index("sessions_user", ("user", ASCENDING)),
        _index("sessions_expires", ("expires_ts", ASCENDING)),
    ],
}


async def _sessions_v4(db: Database) -> None:
    await create_indexes(db, SESSION_INDEXES)


async def _audit(db: Database) -> None:
    """The audit trail: the ``audit`` collection (see :mod:`plynx.store.mongo_audit`)."""
    await create_indexes(db, AUDIT_INDEXES)


#: ``MIGRATIONS[n]`` migrates version ``n`` to ``n + 1``.
MIGRATIONS: list[Migration] = [create_indexes, _experiments_v2, _lineage_v3, _sessions_v4, _audit]


async def read_version(db: Database) -> int:
    """The schema version recorded in ``db`` (0 for a new database)."""
    found = await db["meta"].find_one({"_id": _VERSION_ID})
    return int(found["value"]) if found is not None else 0


async def write_version(db: Database, version: int) -> None:
    """Record ``version`` as the schema version of ``db``."""
    await db["meta"].update_one({"_id": _VERSION_ID}, {"$set": {"value": version}}, upsert=True)


async def migrate(
    db: Database,
    where: str,
    migrations: Sequence[Migration] = MIGRATIONS,
    target: int = SCHEMA_VERSION,
) -> int:
    """Bring ``db`` up to ``target``; return the version it was at. ``where`` names the database
    in error messages. Raises :class:`SchemaVersionError` when it is newer than ``target``."""
    found = await read_version(db)
    if found > target:
        raise SchemaVersionError(
            f"the database {where} has schema version {found}, but this PLynx only "
            f"understands up to version {target}: upgrade PLynx to open it."
        )
    for version in range(found, target):
        await migrations[version](db)
        await write_version(db, version + 1)
    return found
