"""What is particular to the MongoDB store: URLs and errors, migrations, literal search, documents
holding keys MongoDB treats specially, batches and the order of equal timestamps."""

from __future__ import annotations

import gc
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from pymongo import AsyncMongoClient
from pymongo.asynchronous.database import AsyncDatabase

from plynx.errors import Conflict, NotFound, SchemaVersionError, StoreError
from plynx.model import GraphSummary, NodeRunStatus, RunStatus
from plynx.store import SCHEMA_VERSION, Batch, open_store
from plynx.store.mongo import MongoStore
from plynx.store.mongo_base import database_name, redact
from plynx.store.mongo_schema import INDEXES, MIGRATIONS, Migration, migrate, read_version

from .backend_mongo import mongo_database, mongo_server
from .docs import at, cache_entry, finished, graph, operation, run

Db = AsyncDatabase[dict[str, Any]]


@pytest.fixture
async def url() -> AsyncIterator[str]:
    """The URL of a fresh MongoDB database."""
    async with mongo_database() as fresh:
        yield fresh


@pytest.fixture
async def raw(url: str) -> AsyncIterator[Db]:
    """The same database through PyMongo, to look at or tamper with what the store wrote."""
    client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(url)
    try:
        yield client.get_default_database()
    finally:
        await client.close()


# PyMongo's async monitor leaks the socket it is connecting with when the client is closed in the
# middle of a connection attempt to a server that is down (seen with pymongo 4.20): tests that
# close a client in that state collect the garbage themselves and ignore that one warning.
_MONITOR_SOCKET_LEAK = pytest.mark.filterwarnings(
    "ignore:Exception ignored in. <socket.socket:pytest.PytestUnraisableExceptionWarning"
)


# -- URLs and errors -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "given, shown",
    [
        ("mongodb://bob:s3cret@db:27017/plynx", "mongodb://bob:***@db:27017/plynx"),
        ("mongodb://bob:p@ss:w@rd@h1:1,h2:2/x?tls=true", "mongodb://bob:***@h1:1,h2:2/x?tls=true"),
        ("mongodb+srv://bob:s3cret@cluster/plynx", "mongodb+srv://bob:***@cluster/plynx"),
        ("mongodb://bob@db/plynx", "mongodb://bob@db/plynx"),
        ("mongodb://db/plynx", "mongodb://db/plynx"),
    ],
)
def test_passwords_are_redacted(given: str, shown: str) -> None:
    assert redact(given) == shown
    assert "s3cret" not in repr(MongoStore(given))


@pytest.mark.parametrize(
    "given, name",
    [("mongodb://db:27017/experiments?w=majority", "experiments"), ("mongodb://db:27017", "plynx")],
)
def test_the_database_is_the_path_of_the_url(given: str, name: str) -> None:
    assert database_name(given) == name


def test_a_url_that_does_not_parse_says_what_to_write() -> None:
    with pytest.raises(StoreError, match=r"mongodb://user@host:27017/dbname"):
        open_store("mongodb://bob:s3cret@[nope/plynx")


@_MONITOR_SOCKET_LEAK
async def test_an_unreachable_server_is_a_quick_store_error_naming_it_without_the_password(
    unused_tcp_port: int,
) -> None:
    started = time.monotonic()
    with pytest.raises(StoreError) as info:
        async with open_store(f"mongodb://bob:s3cret@127.0.0.1:{unused_tcp_port}/plynx"):
            pass
    assert time.monotonic() - started < 6
    message = info.value.message
    assert f"mongodb://bob:***@127.0.0.1:{unused_tcp_port}/plynx" in message
    assert "s3cret" not in message and "not reachable" in message
    assert "Topology" not in message and "Traceback" not in message
    gc.collect()


@_MONITOR_SOCKET_LEAK
async def test_a_server_that_goes_away_is_a_store_error() -> None:
    with mongo_server() as uri:
        store = open_store(f"{uri}/plynx")
        await store.open()
        await store.create_operation(operation("op1"))
    try:
        with pytest.raises(StoreError, match="not reachable"):
            await store.get_operation("op1")
    finally:
        await store.close()
    gc.collect()


async def test_a_closed_store_says_so(url: str) -> None:
    store = open_store(url)
    with pytest.raises(StoreError, match="not open"):
        await store.get_operation("x")
    await store.open()
    await store.close()
    with pytest.raises(StoreError, match="not open"):
        await store.apply(Batch(cache_entries=[cache_entry("k")]))


async def test_a_corrupt_document_is_a_store_error(url: str, raw: Db) -> None:
    async with open_store(url) as store:
        await store.create_operation(operation("op1"))
        await raw["operations"].update_one({"_id": "op1"}, {"$set": {"doc": '{"id": 1}'}})
        with pytest.raises(StoreError, match="invalid"):
            await store.get_operation("op1")


async def test_a_graph_stored_without_its_summary_is_listed_from_the_whole(
    url: str, raw: Db
) -> None:
    # an older PLynx stored no summary beside the graph; a corrupt summary is a store error
    async with open_store(url) as store:
        await store.create_graph(graph("g1", minute=1))
        await store.create_graph(graph("g2", minute=2, nodes=[], edges=[]))
        await raw["graphs"].update_one({"_id": "g1"}, {"$unset": {"summary": ""}})
        page = await store.list_graph_summaries()
        assert page.items == [GraphSummary.of(g) for g in (await store.list_graphs()).items]
        assert [(s.id, s.node_count) for s in page.items] == [("g2", 0), ("g1", 2)]
        await raw["graphs"].update_one({"_id": "g2"}, {"$set": {"summary": '{"id": 1}'}})
        with pytest.raises(StoreError, match="summary is invalid"):
            await store.list_graph_summaries()


# -- schema and migrations -----------------------------------------------------------------------


async def test_a_new_database_gets_every_collection_and_index(url: str, raw: Db) -> None:
    async with open_store(url):
        pass
    assert set(INDEXES) <= set(await raw.list_collection_names())
    indexed = {
        tuple(key for key, _ in info["key"])
        for info in (await raw["runs"].index_information()).values()
    }
    assert {("created_ts", "seq"), ("status",), ("graph_id",), ("author",)} <= indexed


async def test_opening_migrates_an_older_database(url: str, raw: Db) -> None:
    async with open_store(url) as store:
        await store.create_operation(operation("op1"))
    # As a database of schema version 0 would be: data, no indexes, version 0.
    for name in INDEXES:
        await raw[name].drop_indexes()
    await raw["meta"].update_one({"_id": "schema_version"}, {"$set": {"value": 0}})
    async with open_store(url) as store:
        assert await store.schema_version() == SCHEMA_VERSION
        assert (await store.get_operation("op1")).id == "op1"
    names = set(await raw["operations"].index_information())
    assert len(names) == len(INDEXES["operations"]) + 1  # and _id


async def test_migrations_run_in_order_from_the_recorded_version(raw: Db) -> None:
    done: list[int] = []

    def step(n: int) -> Migration:
        async def migration(db: Db) -> None:
            done.append(n)
            await db["extra"].insert_one({"_id": n})

        return migration

    migrations = [*MIGRATIONS[:1], step(1), step(2)]
    assert await migrate(raw, "test db", migrations, target=1) == 0
    assert await read_version(raw) == 1
    assert await migrate(raw, "test db", migrations, target=3) == 1
    assert done == [1, 2] and await read_version(raw) == 3
    assert await migrate(raw, "test db", migrations, target=3) == 3
    assert done == [1, 2]
    with pytest.raises(SchemaVersionError, match=r"version 3.*upgrade PLynx"):
        await migrate(raw, "test db", migrations, target=2)


async def test_a_failed_migration_is_run_again_on_the_next_open(raw: Db) -> None:
    attempts: list[int] = []

    async def flaky(db: Db) -> None:
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("disk on fire")

    migrations = [*MIGRATIONS[:1], flaky]
    with pytest.raises(RuntimeError, match="disk on fire"):
        await migrate(raw, "test db", migrations, target=2)
    assert await read_version(raw) == 1  # the first step is kept
    await migrate(raw, "test db", migrations, target=2)
    assert await read_version(raw) == 2 and len(attempts) == 2


# -- literal ids and search ----------------------------------------------------------------------


async def test_ids_and_search_words_with_regex_characters_are_literal(url: str) -> None:
    odd = ["a.*(", "a.b", "^$", "[x]+", "{$gt: ''}", "back\\slash", "a|b"]
    async with open_store(url) as store:
        for ident in odd:
            await store.create_operation(operation(ident, title=f"T {ident}", description=""))
        await store.create_operation(operation("abc(", title="abc( axb a-b", description=""))
        for ident in odd:
            assert (await store.get_operation(ident)).id == ident
            page = await store.list_operations(query=ident)
            assert [op.id for op in page.items] == [ident], ident
        assert (await store.list_operations(query="a.*")).total == 1
        with pytest.raises(NotFound):
            await store.get_operation(".*")
        with pytest.raises(Conflict):
            await store.create_operation(operation("a.*("))


async def test_parameter_values_with_keys_mongodb_treats_specially_round_trip(url: str) -> None:
    the_run, node_runs = run("r1", node_ids=["a"])
    params = {"filter": {"$gt": 1, "a.b": {"$where": "x"}}, "$top": [1, {"k.": None}]}
    the_run.graph.nodes[0].params = params
    async with open_store(url) as store:
        await store.create_run(the_run, node_runs)
        await store.create_graph(graph("g1"))
        stored = await store.get_run("r1")
        assert stored.graph.nodes[0].params == params
        assert stored == the_run


# -- writes --------------------------------------------------------------------------------------


# nx-27017 answers as a standalone server but runs transactions: forcing the store's
# transaction path on it checks that path too (a replica set takes it by itself).
@pytest.mark.parametrize("transactions", [False, True], ids=["undone", "rolled-back"])
async def test_a_failing_run_creation_leaves_nothing_behind(url: str, transactions: bool) -> None:
    async with open_store(url) as store:
        assert isinstance(store, MongoStore)
        store._transactions = transactions or store._transactions
        first, first_nodes = run("r1", node_ids=["a", "b"])
        await store.create_run(first, first_nodes)
        # The second run reuses a node run id of the first one, after one new node run.
        second, second_nodes = run("r2", node_ids=["x", "y"])
        clash = second_nodes[1].model_copy(update={"id": first_nodes[0].id})
        with pytest.raises(Conflict):
            await store.create_run(second, [second_nodes[0], clash])
        with pytest.raises(NotFound):
            await store.get_run("r2")
        with pytest.raises(NotFound):
            await store.get_node_run(second_nodes[0].id)
        assert await store.get_node_runs("r1") == first_nodes
        assert (await store.list_runs()).total == 1


@pytest.mark.parametrize("transactions", [False, True], ids=["bulk", "transaction"])
async def test_a_batch_may_name_a_node_run_twice_and_the_last_state_wins(
    url: str, transactions: bool
) -> None:
    the_run, node_runs = run("r1", node_ids=["a"])
    async with open_store(url) as store:
        assert isinstance(store, MongoStore)
        store._transactions = transactions or store._transactions
        await store.create_run(the_run, node_runs)
        running = node_runs[0].model_copy(update={"status": NodeRunStatus.RUNNING})
        await store.apply(Batch(node_runs=[running, finished(node_runs[0])]))
        assert (await store.get_node_run(node_runs[0].id)).status == NodeRunStatus.SUCCESS


async def test_equal_timestamps_list_in_insertion_order_newest_first(url: str) -> None:
    async with open_store(url) as store:
        for ident in ["m", "z", "a", "q"]:
            await store.create_operation(operation(ident, minute=5))
        await store.update_operation(operation("z", minute=5, title="changed"))
        page = await store.list_operations()
        assert [op.id for op in page.items] == ["q", "a", "z", "m"]
        for ident in ["r2", "r0", "r1"]:
            the_run, nodes = run(ident, minute=1, status=RunStatus.RUNNING)
            await store.create_run(the_run, nodes)
        assert [r.id for r in await store.list_unfinished_runs()] == ["r2", "r0", "r1"]
        assert [r.id for r in (await store.list_runs()).items] == ["r1", "r0", "r2"]


async def test_a_limit_of_zero_lists_nothing_but_counts_everything(url: str) -> None:
    async with open_store(url) as store:
        await store.create_operation(operation("op1", minute=1))
        await store.create_graph(graph("g1", updated_at=at(3)))
        page = await store.list_operations(limit=0)
        assert page.items == [] and page.total == 1
        assert (await store.list_graphs(limit=0)).total == 1


async def test_a_version_2_database_indexes_its_node_runs_on_upgrade(url: str, raw: Db) -> None:
    the_run, (a, b, *_) = run("r1")
    async with open_store(url) as store:
        await store.create_run(the_run, [finished(a), b])
    # as version 2 wrote them: no ``outputs`` field, no index on it
    await raw["node_runs"].update_many({}, {"$unset": {"outputs": ""}})
    for name, index in (await raw["node_runs"].index_information()).items():
        if index["key"][0][0] == "outputs":
            await raw["node_runs"].drop_index(name)
    await raw["meta"].update_one({"_id": "schema_version"}, {"$set": {"value": 2}})
    async with open_store(url) as store:
        assert await store.schema_version() == SCHEMA_VERSION
        found = await store.node_runs_with_output(finished(a).outputs["out"][0].sha256)
        assert [nr.id for nr in found] == [a.id]
    indexes = (await raw["node_runs"].index_information()).values()
    assert [("outputs", 1), ("seq", 1)] in [list(index["key"]) for index in indexes]
    assert await raw["node_runs"].find_one({"_id": b.id}, {"outputs": 1}) == {
        "_id": b.id,
        "outputs": [],
    }
