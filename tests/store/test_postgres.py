"""What the PostgreSQL store does beyond the contract suite: connection errors, the pool, schema
migrations, atomic batches and the limits of ``jsonb``."""

from __future__ import annotations

import asyncio
import socket
import uuid
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest

from plynx.errors import SchemaVersionError, StoreError
from plynx.model import NodeRunStatus, RunStatus
from plynx.store import SCHEMA_VERSION, Batch, open_store
from plynx.store.postgres import PostgresStore
from plynx.store.postgres_pool import PostgresURL, redact
from plynx.store.postgres_schema import MIGRATIONS, Migration, migrate, read_version

from .backend_postgres import connect_admin, postgres_database
from .docs import cache_entry, finished, operation, run, user


@pytest.fixture
async def url() -> AsyncIterator[str]:
    """A fresh, empty database."""
    async with postgres_database() as database_url:
        yield database_url


async def _connect(url: str) -> Any:
    return await asyncpg.connect(url, timeout=10)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


async def _plynx_connections(url: str) -> int:
    database = url.rsplit("/", 1)[1].split("?", maxsplit=1)[0]
    admin = await connect_admin()
    try:
        count: int = await admin.fetchval(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 "
            "AND application_name = 'plynx'",
            database,
        )
    finally:
        await admin.close()
    return count


# -- URLs and connecting -------------------------------------------------------------------------


def test_pool_parameters_are_taken_out_of_the_dsn() -> None:
    url = PostgresURL.parse(
        "postgresql://u:pw@db:5433/plynx?pool_min=2&sslmode=disable&pool_max=20"
    )
    assert url.dsn == "postgresql://u:pw@db:5433/plynx?sslmode=disable"
    assert (url.pool_min, url.pool_max) == (2, 20)
    assert "pw" not in repr(url)
    default = PostgresURL.parse("postgres://db/plynx")
    assert (default.pool_min, default.pool_max) == (1, 10)


@pytest.mark.parametrize(
    "query, message",
    [
        ("pool_max=0", "pool_max must be at least 1"),
        ("pool_min=5&pool_max=2", "pool_min between 0 and pool_max"),
        ("pool_max=many", "not a whole number"),
    ],
)
def test_bad_pool_sizes_say_what_is_allowed(query: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_store(f"postgresql://db/plynx?{query}")


def test_passwords_are_redacted() -> None:
    assert redact("postgresql://u:s3cret@db:5432/x") == "postgresql://u:***@db:5432/x"
    assert redact("postgresql://u@db/x") == "postgresql://u@db/x"
    assert redact("postgresql://db/x?user=u&password=s3cret") == (
        "postgresql://db/x?user=u&password=***"
    )
    assert "s3cret" not in repr(PostgresStore("postgresql://u:s3cret@db/x"))


async def test_an_unreachable_server_is_a_store_error_naming_it_without_the_password() -> None:
    port = _closed_port()
    store = open_store(f"postgresql://plynx:s3cret@127.0.0.1:{port}/plynx")
    with pytest.raises(StoreError) as info:
        await store.open()
    message = str(info.value)
    assert f"postgresql://plynx:***@127.0.0.1:{port}/plynx" in message
    assert "s3cret" not in message
    assert "cannot connect" in message
    await store.close()


async def test_a_missing_database_is_a_store_error(url: str) -> None:
    missing = url.rsplit("/", 1)[0] + "/plynx_no_such_database"
    with pytest.raises(StoreError, match="plynx_no_such_database"):
        async with open_store(missing):
            pass


async def test_a_closed_store_says_so(url: str) -> None:
    store = open_store(url)
    with pytest.raises(StoreError, match="not open"):
        await store.get_operation("x")


async def _terminate_plynx_connections(url: str) -> None:
    admin = await connect_admin()
    try:
        await admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = $1 AND application_name = 'plynx'",
            url.rsplit("/", 1)[1],
        )
    finally:
        await admin.close()


async def test_reads_survive_a_dropped_connection(url: str) -> None:
    async with open_store(f"{url}?pool_min=1&pool_max=1") as store:
        await store.put_user(user("alice"))
        await _terminate_plynx_connections(url)
        assert [u.name for u in await store.list_users()] == ["alice"]


async def test_writes_go_on_after_a_dropped_connection(url: str) -> None:
    async with open_store(f"{url}?pool_min=1&pool_max=1") as store:
        await store.put_user(user("alice"))
        await _terminate_plynx_connections(url)
        try:
            await store.put_user(user("bob"))
        except StoreError as exc:  # only if the server's goodbye arrived mid-statement
            assert "PostgreSQL failed to store user 'bob'" in str(exc)
            assert "connection was lost" in str(exc)
            await store.put_user(user("bob"))
        assert [u.name for u in await store.list_users()] == ["alice", "bob"]


# -- the pool ------------------------------------------------------------------------------------


async def test_pool_min_connections_are_opened_at_start(url: str) -> None:
    async with open_store(f"{url}?pool_min=3&pool_max=5"):
        assert await _plynx_connections(url) == 3


async def test_pool_max_caps_connections_and_the_rest_wait_their_turn(url: str) -> None:
    async with open_store(f"{url}?pool_min=1&pool_max=2") as store:
        admin = await _connect(url)
        try:
            # Hold a lock so that every write blocks while holding its connection.
            transaction = admin.transaction()
            await transaction.start()
            await admin.execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE")
            writes = [asyncio.create_task(store.put_user(user(f"u{i}"))) for i in range(6)]
            for _ in range(100):
                if await _plynx_connections(url) == 2:
                    break
                await asyncio.sleep(0.05)
            await asyncio.sleep(0.2)
            assert await _plynx_connections(url) == 2
            assert not any(write.done() for write in writes)
            await transaction.commit()
            await asyncio.wait_for(asyncio.gather(*writes), 10)
        finally:
            await admin.close()
        assert len(await store.list_users()) == 6


# -- schema and migrations -----------------------------------------------------------------------


async def test_opening_migrates_a_database_at_version_0(url: str) -> None:
    conn = await _connect(url)
    try:
        await conn.execute("CREATE TABLE meta (key text PRIMARY KEY, value text)")
        await conn.execute("INSERT INTO meta VALUES ('schema_version', '0')")
    finally:
        await conn.close()
    async with open_store(url) as store:
        assert await store.schema_version() == SCHEMA_VERSION
        await store.create_operation(operation("op1"))
        assert (await store.list_operations(query="op1")).total == 1


async def test_migrations_run_in_order_from_the_recorded_version(url: str) -> None:
    done: list[int] = []

    def step(n: int) -> Migration:
        async def migration(conn: Any) -> None:
            done.append(n)
            await conn.execute(f"CREATE TABLE t{n} (x int)")

        return migration

    migrations = [*MIGRATIONS[:1], step(1), step(2)]
    conn = await _connect(url)
    try:
        assert await migrate(conn, "test db", migrations, target=1) == 0
        assert await migrate(conn, "test db", migrations, target=3) == 1
        assert done == [1, 2] and await read_version(conn) == 3
        assert await migrate(conn, "test db", migrations, target=3) == 3
        assert done == [1, 2]
        with pytest.raises(SchemaVersionError, match=r"version 3.*upgrade PLynx"):
            await migrate(conn, "test db", migrations, target=2)
    finally:
        await conn.close()


async def test_a_failed_migration_changes_nothing(url: str) -> None:
    async def add_table(conn: Any) -> None:
        await conn.execute("CREATE TABLE extra (x int)")

    async def broken(conn: Any) -> None:
        await conn.execute("ALTER TABLE no_such_table ADD COLUMN y int")

    conn = await _connect(url)
    try:
        await migrate(conn, "test db", MIGRATIONS, target=1)
        with pytest.raises(asyncpg.UndefinedTableError):
            await migrate(conn, "test db", [*MIGRATIONS[:1], add_table, broken], target=3)
        assert await read_version(conn) == 1
        assert await conn.fetchval("SELECT to_regclass('extra')") is None
    finally:
        await conn.close()


async def test_servers_starting_at_once_create_the_schema_once(url: str) -> None:
    stores = [open_store(url) for _ in range(4)]
    try:
        await asyncio.gather(*(store.open() for store in stores))
        for store in stores:
            assert await store.schema_version() == SCHEMA_VERSION
        await stores[0].create_operation(operation("op1"))
        assert (await stores[3].get_operation("op1")).id == "op1"
    finally:
        await asyncio.gather(*(store.close() for store in stores))


async def test_search_works_for_a_user_who_may_not_create_extensions(url: str) -> None:
    role = f"plynx_plain_{uuid.uuid4().hex[:12]}"
    admin = await _connect(url)
    try:
        try:
            await admin.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'plain-pw'")
        except asyncpg.InsufficientPrivilegeError as exc:
            pytest.skip(f"the test DSN may not create roles: {exc}")
        await admin.execute(f"GRANT CREATE ON SCHEMA public TO {role}")
        parts = urlsplit(url)
        host = parts.netloc.rpartition("@")[2]
        plain = urlunsplit(parts._replace(netloc=f"{role}:plain-pw@{host}"))
        async with open_store(plain) as store:
            await store.create_operation(operation("a", title="Train Model"))
            await store.create_operation(operation("b", title="Split CSV"))
            assert [op.id for op in (await store.list_operations(query="MODEL")).items] == ["a"]
        has_trigram = await admin.fetchval(
            "SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'"
        )
        assert has_trigram == 0
    finally:
        await admin.execute(f"DROP OWNED BY {role}")
        await admin.close()
        superuser = await connect_admin()
        try:
            await superuser.execute(f"DROP ROLE IF EXISTS {role}")
        finally:
            await superuser.close()


# -- writes --------------------------------------------------------------------------------------


async def test_a_failing_batch_leaves_nothing_behind(url: str) -> None:
    the_run, node_runs = run("r1", node_ids=["a", "b"])
    async with open_store(url) as store:
        await store.create_run(the_run, node_runs)
        conn = await _connect(url)
        try:
            await conn.execute(
                "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN RAISE EXCEPTION 'disk on fire'; END $$"
            )
            await conn.execute(
                "CREATE TRIGGER refuse BEFORE INSERT ON cache_entries "
                "FOR EACH ROW EXECUTE FUNCTION refuse()"
            )
        finally:
            await conn.close()
        changed = the_run.model_copy(update={"status": RunStatus.SUCCESS})
        batch = Batch(
            runs=[changed],
            node_runs=[finished(nr) for nr in node_runs],
            cache_entries=[cache_entry("k1")],
        )
        with pytest.raises(StoreError, match="disk on fire") as info:
            await store.apply(batch)
        assert isinstance(info.value.__cause__, asyncpg.PostgresError)
        assert (await store.get_run("r1")).status == RunStatus.QUEUED
        assert {nr.status for nr in await store.get_node_runs("r1")} == {NodeRunStatus.PENDING}
        await store.apply(Batch(runs=[changed]))
        assert (await store.get_run("r1")).status == RunStatus.SUCCESS


async def test_a_batch_may_name_a_node_run_twice_and_the_last_state_wins(url: str) -> None:
    the_run, node_runs = run("r1", node_ids=["a", "b"])
    async with open_store(url) as store:
        await store.create_run(the_run, node_runs)
        a, b = node_runs
        running = a.model_copy(update={"status": NodeRunStatus.RUNNING})
        done = finished(a)
        await store.apply(
            Batch(
                node_runs=[running, b, done],
                cache_entries=[cache_entry("k", run_id="first"), cache_entry("k", run_id="2nd")],
            )
        )
        assert await store.get_node_runs("r1") == [done, b]
        entry = await store.get_cache_entry("k")
        assert entry is not None and entry.run_id == "first"


async def test_documents_read_back_exactly_with_key_order_and_nul(url: str) -> None:
    the_run, node_runs = run("r1", node_ids=["a"])
    the_run.graph.nodes[0].params = {"zeta": 1, "alpha": {"y": 2, "x": 1}, "mid": 3}
    async with open_store(url) as store:
        await store.create_run(the_run, node_runs)
        params = (await store.get_run("r1")).graph.nodes[0].params
        assert list(params) == ["zeta", "alpha", "mid"] and list(params["alpha"]) == ["y", "x"]
        broken = finished(node_runs[0], NodeRunStatus.FAILED)
        broken.outputs = {"train": [], "test": [], "a": []}
        broken.error = "bad byte \x00 here; a path C:\\u0000 stays as written"
        await store.apply(Batch(node_runs=[broken]))
        stored = await store.get_node_run(broken.id)
        assert stored.error == broken.error and list(stored.outputs) == ["train", "test", "a"]
        the_run.title = "nul \x00 title"
        await store.apply(Batch(runs=[the_run]))
        listed = (await store.list_runs()).items[0]
        assert listed.title == the_run.title and listed.graph.nodes == []
        await store.create_operation(operation("op1", title="nul\x00title"))
        assert (await store.list_operations(query="nultitle")).total == 1


async def test_a_corrupt_document_is_a_store_error(url: str) -> None:
    async with open_store(url) as store:
        await store.create_operation(operation("op1"))
        conn = await _connect(url)
        try:
            await conn.execute("""UPDATE operations SET doc = '{"id": 1}'""")
        finally:
            await conn.close()
        with pytest.raises(StoreError, match="invalid"):
            await store.get_operation("op1")
