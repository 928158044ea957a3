"""What is particular to the SQLite store: URLs, pragmas, rollback, migrations, error
translation."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from plynx.errors import SchemaVersionError, StoreError
from plynx.model import MetricPoint, NodeRunStatus, RunStatus
from plynx.store import SCHEMA_VERSION, Batch, open_store
from plynx.store.sqlite import SQLiteStore, parse_sqlite_url
from plynx.store.sqlite_schema import MIGRATIONS, Migration, migrate

from .docs import cache_entry, finished, operation, run


@pytest.mark.parametrize(
    "url, path",
    [
        ("sqlite:///abs/dir/plynx.db", "/abs/dir/plynx.db"),
        ("sqlite://:memory:", ":memory:"),
        ("sqlite:///:memory:", ":memory:"),
        ("SQLITE:///x.db?mode=rw", "/x.db"),
    ],
)
def test_urls(url: str, path: str) -> None:
    assert parse_sqlite_url(url) == path


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:", "postgresql://host/db"])
def test_bad_urls_say_what_to_write(url: str) -> None:
    with pytest.raises(StoreError, match=r"sqlite:///path"):
        parse_sqlite_url(url)


@pytest.mark.parametrize("url", ["sqlite://:memory:", "sqlite:///:memory:"])
async def test_in_memory_store(url: str) -> None:
    async with open_store(url) as store:
        await store.create_operation(operation("op1"))
        assert (await store.list_operations()).total == 1


async def test_a_file_store_creates_its_directory_and_uses_wal(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "plynx.db"
    async with open_store(f"sqlite:///{path}"):
        pass
    assert path.exists()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


async def test_an_unusable_path_is_a_store_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a directory")
    with pytest.raises(StoreError, match="cannot open"):
        async with open_store(f"sqlite:///{tmp_path / 'file' / 'plynx.db'}"):
            pass


async def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "plynx.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError) as info:
        async with open_store(f"sqlite:///{path}"):
            pass
    assert isinstance(info.value.__cause__, sqlite3.Error)


async def test_a_closed_store_says_so() -> None:
    store = SQLiteStore("sqlite://:memory:")
    with pytest.raises(StoreError, match="not open"):
        await store.get_operation("x")


async def test_a_failing_batch_leaves_nothing_behind(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'plynx.db'}"
    the_run, node_runs = run("r1", node_ids=["a", "b"])
    async with open_store(url) as store:
        await store.create_run(the_run, node_runs)
    with sqlite3.connect(tmp_path / "plynx.db") as conn:
        conn.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON cache_entries "
            "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"
        )
    conn.close()
    async with open_store(url) as store:
        changed = the_run.model_copy(update={"status": RunStatus.SUCCESS})
        batch = Batch(
            runs=[changed],
            node_runs=[finished(nr) for nr in node_runs],
            cache_entries=[cache_entry("k1")],
        )
        with pytest.raises(StoreError, match="disk on fire") as info:
            await store.apply(batch)
        assert isinstance(info.value.__cause__, sqlite3.Error)
        assert (await store.get_run("r1")).status == RunStatus.QUEUED
        statuses = {nr.status for nr in await store.get_node_runs("r1")}
        assert statuses == {NodeRunStatus.PENDING}
        # The connection is usable afterwards.
        await store.apply(Batch(runs=[changed]))
        assert (await store.get_run("r1")).status == RunStatus.SUCCESS


async def test_a_corrupt_document_is_a_store_error(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'plynx.db'}"
    async with open_store(url) as store:
        await store.create_operation(operation("op1"))
    with sqlite3.connect(tmp_path / "plynx.db") as conn:
        conn.execute("UPDATE operations SET doc = '{\"id\": 1}'")
    conn.close()
    async with open_store(url) as store:
        with pytest.raises(StoreError, match="invalid"):
            await store.get_operation("op1")


# -- migrations ----------------------------------------------------------------------------------


def _version(db: sqlite3.Connection) -> int:
    return int(db.execute("SELECT value FROM meta").fetchone()[0])


def test_migrations_run_in_order_from_the_recorded_version(tmp_path: Path) -> None:
    done: list[int] = []

    def step(n: int) -> Migration:
        def migration(db: sqlite3.Connection) -> None:
            done.append(n)
            db.execute(f"CREATE TABLE t{n} (x)")

        return migration

    migrations = [*MIGRATIONS[:1], step(1), step(2)]
    db = sqlite3.connect(tmp_path / "db", isolation_level=None)
    try:
        assert migrate(db, "test db", migrations, target=1) == 0
        assert _version(db) == 1
        assert migrate(db, "test db", migrations, target=3) == 1
        assert done == [1, 2]
        assert _version(db) == 3
        assert migrate(db, "test db", migrations, target=3) == 3
        assert done == [1, 2]
        with pytest.raises(SchemaVersionError, match="version 3"):
            migrate(db, "test db", migrations, target=2)
    finally:
        db.close()


def test_a_failed_migration_changes_nothing(tmp_path: Path) -> None:
    def add_table(db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE extra (x)")

    def broken(db: sqlite3.Connection) -> None:
        db.execute("ALTER TABLE no_such_table ADD COLUMN y")

    db = sqlite3.connect(tmp_path / "db", isolation_level=None)
    try:
        migrate(db, "test db", MIGRATIONS, target=1)
        with pytest.raises(sqlite3.OperationalError):
            migrate(db, "test db", [*MIGRATIONS[:1], add_table, broken], target=3)
        assert _version(db) == 1
        assert db.execute("SELECT name FROM sqlite_master WHERE name = 'extra'").fetchall() == []
    finally:
        db.close()


async def test_opening_migrates_an_older_database(tmp_path: Path) -> None:
    path = tmp_path / "plynx.db"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    db.execute("INSERT INTO meta VALUES ('schema_version', '0')")
    db.close()
    async with open_store(f"sqlite:///{path}") as store:
        assert await store.schema_version() == SCHEMA_VERSION
        await store.create_operation(operation("op1"))


async def test_a_version_1_database_is_migrated_to_hold_metrics(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, str(path), MIGRATIONS[:1], target=1)
    db.close()
    async with open_store(f"sqlite:///{path}") as store:
        assert await store.schema_version() == SCHEMA_VERSION
        the_run, node_runs = run("r1")
        await store.create_run(the_run, node_runs)
        await store.add_metrics(node_runs[0], [MetricPoint(name="acc", value=1.0)])
        assert [s.values for s in await store.get_metrics("r1")] == [[1.0]]
