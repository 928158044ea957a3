"""The lineage part of the :class:`~plynx.store.Store` contract (the index of node runs by
output artifact, schema version 3), once per backend."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from plynx.model import NodeRunStatus
from plynx.store import SCHEMA_VERSION, Batch, Store, open_store
from plynx.store.sqlite_rows import INSERT_NODE_RUN, INSERT_RUN, node_run_row, run_row
from plynx.store.sqlite_schema import MIGRATIONS, migrate

from .docs import finished, ref, run


async def test_node_runs_are_found_by_output_oldest_first(store: Store) -> None:
    first_run, (a, b, c) = run("r1", node_ids=["a", "b", "c"])
    await store.create_run(first_run, [a, b, c])
    made = finished(a)
    made.error = "a NUL \x00 byte, and C:\\u0000 as written"  # PostgreSQL cannot unescape it
    other = finished(b)
    await store.apply(Batch(node_runs=[made, other]))
    again_run, (a2, *_) = run("r2", node_ids=["a"])
    restored = finished(a2, NodeRunStatus.CACHED).model_copy(
        update={"outputs": made.outputs, "cached_from": made.id, "cached_from_run": "r1"}
    )
    await store.create_run(again_run, [restored])

    sha = made.outputs["out"][0].sha256
    found = await store.node_runs_with_output(sha)
    assert [nr.id for nr in found] == [made.id, restored.id]
    assert found[1].cached_from == made.id
    assert [nr.id for nr in await store.node_runs_with_output(sha, limit=1)] == [made.id]
    assert await store.node_runs_with_output(ref("nothing made this").sha256) == []
    assert c.id not in {nr.id for nr in found}


async def test_the_index_follows_a_node_run_whose_outputs_change(store: Store) -> None:
    the_run, (a, *_) = run("r1", node_ids=["a"])
    await store.create_run(the_run, [a])
    first = finished(a)
    await store.apply(Batch(node_runs=[first]))
    # a retried attempt that wrote two different outputs
    second = first.model_copy(update={"outputs": {"out": [ref("x")], "log": [ref("y")]}})
    await store.apply(Batch(node_runs=[second]))
    assert await store.node_runs_with_output(first.outputs["out"][0].sha256) == []
    assert [nr.id for nr in await store.node_runs_with_output(ref("y").sha256)] == [a.id]
    assert (await store.node_runs_with_output(ref("x").sha256))[0].outputs == second.outputs


async def test_the_index_survives_reopening(store_url: str) -> None:
    the_run, (a, *_) = run("r1", node_ids=["a"])
    async with open_store(store_url) as store:
        await store.create_run(the_run, [finished(a)])
    async with open_store(store_url) as store:
        found = await store.node_runs_with_output(finished(a).outputs["out"][0].sha256)
        assert [nr.id for nr in found] == [a.id]


async def test_a_version_2_sqlite_database_indexes_its_node_runs_on_upgrade(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, str(path), MIGRATIONS[:2], target=2)
    the_run, (a, *_) = run("r1", node_ids=["a"])
    db.execute(INSERT_RUN, run_row(the_run))
    db.execute(INSERT_NODE_RUN, node_run_row(finished(a)))
    db.close()
    async with open_store(f"sqlite:///{path}") as store:
        assert await store.schema_version() == SCHEMA_VERSION
        found = await store.node_runs_with_output(finished(a).outputs["out"][0].sha256)
        assert [nr.id for nr in found] == [a.id]
