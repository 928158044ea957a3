"""The contract every :class:`~plynx.store.Store` backend fulfils (see ``conftest.py`` to add a
backend). Each test runs once per backend."""

from __future__ import annotations

import asyncio
import hashlib
import uuid

import pytest

from plynx.errors import Conflict, InvalidInput, NotFound, SchemaVersionError
from plynx.model import GraphSummary, NodeRunStatus, OperationStatus, RunStatus, Session, TokenKind
from plynx.store import SCHEMA_VERSION, Batch, Store, open_store

from .conftest import Backend
from .docs import (
    artifact,
    at,
    cache_entry,
    finished,
    graph,
    operation,
    ref,
    run,
    token,
    user,
    worker,
)

# -- life cycle and schema -----------------------------------------------------------------------


async def test_a_new_store_records_the_current_schema_version(store: Store) -> None:
    assert await store.schema_version() == SCHEMA_VERSION


async def test_reopening_keeps_the_data_and_the_schema(store_url: str) -> None:
    async with open_store(store_url) as store:
        await store.create_operation(operation("op1"))
        the_run, node_runs = run("r1")
        await store.create_run(the_run, node_runs)
    async with open_store(store_url) as store:
        assert await store.schema_version() == SCHEMA_VERSION
        assert (await store.get_operation("op1")).title == "Operation op1"
        assert [nr.id for nr in await store.get_node_runs("r1")] == [nr.id for nr in node_runs]


async def test_a_newer_schema_is_refused_with_advice(backend: Backend, store_url: str) -> None:
    async with open_store(store_url) as store:
        await store.create_operation(operation("op1"))
    await backend.set_schema_version(store_url, SCHEMA_VERSION + 1)
    with pytest.raises(SchemaVersionError, match="upgrade PLynx"):
        async with open_store(store_url):
            pass


async def test_close_twice_is_harmless(store_url: str) -> None:
    store = open_store(store_url)
    await store.open()
    await store.close()
    await store.close()


# -- operations ----------------------------------------------------------------------------------


async def test_operation_round_trip(store: Store) -> None:
    op = operation("op1", timeout=30.5, retries=2, parent_id="op0")
    await store.create_operation(op)
    assert await store.get_operation("op1") == op


async def test_unknown_operation_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound, match="nope"):
        await store.get_operation("nope")
    with pytest.raises(NotFound):
        await store.update_operation(operation("nope"))


async def test_creating_an_operation_twice_conflicts(store: Store) -> None:
    await store.create_operation(operation("op1"))
    with pytest.raises(Conflict):
        await store.create_operation(operation("op1", title="other"))
    assert (await store.get_operation("op1")).title == "Operation op1"


async def test_delete_operation_removes_only_it(store: Store) -> None:
    await store.create_operation(operation("op1"))
    await store.create_operation(operation("op2", minute=1))
    await store.delete_operation("op1")
    with pytest.raises(NotFound):
        await store.get_operation("op1")
    with pytest.raises(NotFound, match="op1"):
        await store.delete_operation("op1")
    page = await store.list_operations()
    assert [o.id for o in page.items] == ["op2"] and page.total == 1
    await store.create_operation(operation("op1"))  # the id is free again


async def test_update_operation_replaces_it_and_its_filters(store: Store) -> None:
    await store.create_operation(operation("op1"))
    changed = operation("op1", title="Renamed", status=OperationStatus.READY, kind="python")
    await store.update_operation(changed)
    assert await store.get_operation("op1") == changed
    ready = await store.list_operations(status=OperationStatus.READY, kind="python")
    assert [op.id for op in ready.items] == ["op1"]
    assert (await store.list_operations(query="renamed")).total == 1
    assert (await store.list_operations(query="Operation")).total == 0


async def test_operations_are_listed_newest_first_with_paging(store: Store) -> None:
    for i in range(7):
        await store.create_operation(operation(f"op{i}", minute=i))
    page = await store.list_operations(offset=2, limit=3)
    assert [op.id for op in page.items] == ["op4", "op3", "op2"]
    assert (page.total, page.offset, page.limit) == (7, 2, 3)
    past_the_end = await store.list_operations(offset=10, limit=3)
    assert past_the_end.items == [] and past_the_end.total == 7


async def test_operation_filters(store: Store) -> None:
    await store.create_operation(operation("a", kind="python", author="bob"))
    await store.create_operation(operation("b", kind="python", status=OperationStatus.READY))
    await store.create_operation(operation("c", author="bob", status=OperationStatus.READY))

    async def ids(**filters: object) -> list[str]:
        page = await store.list_operations(**filters)  # type: ignore[arg-type]
        return sorted(op.id for op in page.items)

    assert await ids(kind="python") == ["a", "b"]
    assert await ids(author="bob") == ["a", "c"]
    assert await ids(status=OperationStatus.READY) == ["b", "c"]
    assert await ids(status=OperationStatus.READY, author="bob") == ["c"]
    assert await ids(kind="composite") == []


async def test_operation_search_needs_every_word_in_any_field_any_case(store: Store) -> None:
    await store.create_operation(
        operation("a", title="Train Model", description="fits a GBM", author="Ann")
    )
    await store.create_operation(operation("b", title="Split CSV", kind="python", author="bob"))
    await store.create_operation(operation("c", title="100% done_now", description=""))

    async def found(query: str) -> list[str]:
        page = await store.list_operations(query=query)
        assert page.total == len(page.items)
        return sorted(op.id for op in page.items)

    assert await found("train") == ["a"]
    assert await found("MODEL gbm") == ["a"]  # words from title and description
    assert await found("ann TRAIN") == ["a"]  # author
    assert await found("PYTHON split") == ["b"]  # kind
    assert await found("train python") == []  # every word must match
    assert await found("  ") == ["a", "b", "c"]
    assert await found("100%") == ["c"]  # LIKE wildcards are literal
    assert await found("e_n") == ["c"]
    assert await found("0%d") == []


# -- graphs --------------------------------------------------------------------------------------


async def test_graph_round_trip_update_and_not_found(store: Store) -> None:
    g = graph("g1")
    await store.create_graph(g)
    assert await store.get_graph("g1") == g
    g.title = "Changed"
    g.nodes = g.nodes[:1]
    g.edges = []
    await store.update_graph(g)
    assert await store.get_graph("g1") == g
    with pytest.raises(NotFound):
        await store.get_graph("nope")
    with pytest.raises(NotFound):
        await store.update_graph(graph("nope"))
    with pytest.raises(Conflict):
        await store.create_graph(graph("g1"))


async def test_graphs_are_listed_most_recently_updated_first(store: Store) -> None:
    for i in range(4):
        await store.create_graph(graph(f"g{i}", minute=i))
    await store.update_graph(graph("g0", minute=0, updated_at=at(60)))
    page = await store.list_graphs()
    assert [g.id for g in page.items] == ["g0", "g3", "g2", "g1"]
    page = await store.list_graphs(offset=1, limit=2)
    assert [g.id for g in page.items] == ["g3", "g2"] and page.total == 4


async def test_graph_search_and_author_filter(store: Store) -> None:
    await store.create_graph(graph("g1", title="Churn experiment", author="bob"))
    await store.create_graph(graph("g2", title="Churn baseline", description="Quick look"))
    await store.create_graph(graph("g3", title="Other"))
    assert sorted(g.id for g in (await store.list_graphs(query="CHURN")).items) == ["g1", "g2"]
    assert [g.id for g in (await store.list_graphs(query="churn QUICK")).items] == ["g2"]
    assert [g.id for g in (await store.list_graphs(query="bob")).items] == ["g1"]
    page = await store.list_graphs(author="bob")
    assert [g.id for g in page.items] == ["g1"] and page.total == 1


async def test_deleted_graphs_are_left_out_of_lists_unless_asked_for(store: Store) -> None:
    for i in range(3):
        await store.create_graph(graph(f"g{i}", minute=i, author="bob"))
    await store.update_graph(graph("g1", minute=1, author="bob", deleted_at=at(30)))
    page = await store.list_graphs()
    assert [g.id for g in page.items] == ["g2", "g0"] and page.total == 2
    assert [g.id for g in (await store.list_graphs(author="bob", query="g1")).items] == []
    page = await store.list_graphs(include_deleted=True)
    assert [g.id for g in page.items] == ["g2", "g1", "g0"] and page.total == 3
    assert (await store.get_graph("g1")).deleted_at == at(30)  # kept, readable by id


async def test_graph_summaries_are_what_the_graphs_list_gives_counted(store: Store) -> None:
    # the summaries are counted where the graphs are stored, never built from whole graphs
    await store.create_graph(graph("g1", title="Churn experiment", author="bob"))
    wide = graph("g2", minute=1, title="Churn wide", parameters=[])
    wide.nodes = [wide.nodes[0].model_copy(update={"id": f"n{i}"}) for i in range(300)]
    await store.create_graph(wide)
    # a NUL character: PostgreSQL's JSON functions refuse its escape (\u0000)
    await store.create_graph(graph("g3", minute=2, title="nul \x00 here", nodes=[], edges=[]))
    await store.create_graph(graph("g4", minute=3, deleted_at=at(4)))
    for query in (
        {},
        {"query": "churn"},
        {"author": "bob"},
        {"include_deleted": True},
        {"include_deleted": True, "offset": 1, "limit": 2},
        {"limit": 0},
    ):
        graphs = await store.list_graphs(**query)  # type: ignore[arg-type]
        summaries = await store.list_graph_summaries(**query)  # type: ignore[arg-type]
        assert summaries.items == [GraphSummary.of(g) for g in graphs.items], query
        assert (summaries.total, summaries.offset, summaries.limit) == (
            graphs.total,
            graphs.offset,
            graphs.limit,
        )
    listed = {s.id: s for s in (await store.list_graph_summaries(include_deleted=True)).items}
    assert (listed["g1"].node_count, listed["g1"].edge_count) == (2, 1)
    assert (listed["g2"].node_count, listed["g2"].edge_count) == (300, 1)
    assert (listed["g3"].node_count, listed["g3"].title) == (0, "nul \x00 here")
    assert listed["g4"].deleted_at == at(4)


# -- runs and node runs --------------------------------------------------------------------------


async def test_run_round_trip_with_node_runs_in_node_order(store: Store) -> None:
    # Node ids and node run ids deliberately not in sorted order.
    the_run, node_runs = run("r1", node_ids=["zeta", "alpha", "mid", "beta"])
    await store.create_run(the_run, node_runs)
    assert await store.get_run("r1") == the_run
    assert await store.get_node_runs("r1") == node_runs
    assert await store.get_node_run(node_runs[2].id) == node_runs[2]


async def test_unknown_run_and_node_run_are_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        await store.get_run("nope")
    with pytest.raises(NotFound):
        await store.get_node_run("nope")
    with pytest.raises(NotFound):
        await store.get_node_runs("nope")


async def test_a_run_without_nodes_has_no_node_runs(store: Store) -> None:
    the_run, _ = run("r1", node_ids=[])
    await store.create_run(the_run, [])
    assert await store.get_node_runs("r1") == []


async def test_creating_a_run_twice_conflicts_and_keeps_the_first(store: Store) -> None:
    first, first_nodes = run("r1")
    await store.create_run(first, first_nodes)
    second, second_nodes = run("r1", title="again")
    with pytest.raises(Conflict):
        await store.create_run(second, second_nodes)
    assert (await store.get_run("r1")).title == first.title
    assert await store.get_node_runs("r1") == first_nodes


async def test_runs_are_listed_newest_first_with_filters(store: Store) -> None:
    specs = [
        ("r0", RunStatus.SUCCESS, "g1", "alice"),
        ("r1", RunStatus.FAILED, "g1", "bob"),
        ("r2", RunStatus.RUNNING, "g2", "alice"),
        ("r3", RunStatus.QUEUED, None, "bob"),
        ("r4", RunStatus.SUCCESS, "g2", "alice"),
    ]
    for i, (run_id, status, graph_id, author) in enumerate(specs):
        the_run, node_runs = run(run_id, minute=i, status=status, graph_id=graph_id, author=author)
        await store.create_run(the_run, node_runs)

    async def ids(**filters: object) -> list[str]:
        page = await store.list_runs(**filters)  # type: ignore[arg-type]
        assert page.total == len(page.items)
        return [r.id for r in page.items]

    assert await ids() == ["r4", "r3", "r2", "r1", "r0"]
    assert await ids(status=RunStatus.SUCCESS) == ["r4", "r0"]
    assert await ids(graph_id="g1") == ["r1", "r0"]
    assert await ids(author="bob") == ["r3", "r1"]
    assert await ids(graph_id="g2", status=RunStatus.RUNNING) == ["r2"]
    page = await store.list_runs(offset=1, limit=2)
    assert [r.id for r in page.items] == ["r3", "r2"] and page.total == 5


async def test_deleted_runs_are_left_out_of_lists_unless_asked_for(store: Store) -> None:
    stored = {}
    for i in range(3):
        the_run, node_runs = run(f"r{i}", minute=i, status=RunStatus.SUCCESS, graph_id="g1")
        await store.create_run(the_run, node_runs)
        stored[the_run.id] = node_runs
    gone = (await store.get_run("r1")).model_copy(update={"deleted_at": at(30)})
    await store.apply(Batch(runs=[gone]))
    page = await store.list_runs(graph_id="g1")
    assert [r.id for r in page.items] == ["r2", "r0"] and page.total == 2
    page = await store.list_runs(include_deleted=True, status=RunStatus.SUCCESS)
    assert [r.id for r in page.items] == ["r2", "r1", "r0"] and page.total == 3
    assert page.items[1].deleted_at == at(30)
    assert (await store.get_run("r1")).deleted_at == at(30)
    assert await store.get_node_runs("r1") == stored["r1"] != []  # node runs are kept


async def test_listed_runs_leave_out_the_graph_snapshot(store: Store) -> None:
    the_run, node_runs = run("big", node_ids=[f"n{i}" for i in range(30)])
    await store.create_run(the_run, node_runs)
    listed = (await store.list_runs()).items[0]
    assert listed.graph.nodes == [] and listed.graph.title == the_run.graph.title
    assert listed.parameters == {"rows": 7} == the_run.parameters
    assert listed.graph.parameters == the_run.graph.parameters != []
    assert len((await store.get_run("big")).graph.nodes) == 30


async def test_node_runs_are_counted_by_status_per_run(store: Store) -> None:
    first, first_nodes = run("r1", node_ids=["a", "b", "c"])
    second, second_nodes = run("r2", node_ids=["x"])
    await store.create_run(first, first_nodes)
    await store.create_run(second, second_nodes)
    await store.apply(
        Batch(node_runs=[finished(first_nodes[0]), finished(first_nodes[1], NodeRunStatus.FAILED)])
    )
    counts = await store.count_node_runs(["r1", "r2", "missing"])
    assert counts["r1"] == {"success": 1, "failed": 1, "pending": 1}
    assert counts["r2"] == {"pending": 1}
    assert counts.get("missing", {}) == {}


async def test_unfinished_runs_are_the_queued_and_running_ones(store: Store) -> None:
    for i, status in enumerate(RunStatus):
        the_run, node_runs = run(f"r-{status.value}", minute=i, status=status)
        await store.create_run(the_run, node_runs)
    unfinished = await store.list_unfinished_runs()
    assert sorted(r.id for r in unfinished) == ["r-queued", "r-running"]
    # A run that finishes leaves the list.
    running = await store.get_run("r-running")
    running.status = RunStatus.SUCCESS
    await store.apply(Batch(runs=[running]))
    assert [r.id for r in await store.list_unfinished_runs()] == ["r-queued"]


async def test_a_half_finished_run_reloads_with_its_node_statuses(store_url: str) -> None:
    the_run, node_runs = run("r1", node_ids=["a", "b", "c", "d"], status=RunStatus.QUEUED)
    async with open_store(store_url) as store:
        await store.create_run(the_run, node_runs)
        a, b, c, _ = node_runs
        the_run.status = RunStatus.RUNNING
        the_run.seq = 5
        b_running = b.model_copy(update={"status": NodeRunStatus.RUNNING, "attempt": 1})
        c_queued = c.model_copy(update={"status": NodeRunStatus.QUEUED, "attempt": 1})
        await store.apply(Batch(runs=[the_run], node_runs=[finished(a), b_running, c_queued]))
    async with open_store(store_url) as store:
        (reloaded,) = await store.list_unfinished_runs()
        assert reloaded == the_run
        statuses = [(nr.node_id, nr.status) for nr in await store.get_node_runs("r1")]
        assert statuses == [
            ("a", NodeRunStatus.SUCCESS),
            ("b", NodeRunStatus.RUNNING),
            ("c", NodeRunStatus.QUEUED),
            ("d", NodeRunStatus.PENDING),
        ]
        assert (await store.get_node_run(a.id)).outputs == {"out": [ref(a.id)]}


# -- apply ---------------------------------------------------------------------------------------


async def test_apply_upserts_runs_and_node_runs_and_keeps_the_node_order(store: Store) -> None:
    the_run, node_runs = run("r1", node_ids=["a", "b", "c"])
    await store.create_run(the_run, node_runs)
    the_run.status = RunStatus.RUNNING
    done = [finished(nr) for nr in reversed(node_runs)]  # updated in another order
    await store.apply(Batch(runs=[the_run], node_runs=done))
    assert (await store.get_run("r1")).status == RunStatus.RUNNING
    stored = await store.get_node_runs("r1")
    assert [nr.node_id for nr in stored] == ["a", "b", "c"]
    assert stored == list(reversed(done))


async def test_apply_inserts_new_runs_and_node_runs(store: Store) -> None:
    the_run, node_runs = run("r1")
    await store.apply(Batch(runs=[the_run], node_runs=node_runs))
    assert await store.get_run("r1") == the_run
    assert await store.get_node_runs("r1") == node_runs


async def test_apply_inserts_cache_entries_and_keeps_an_existing_key(store: Store) -> None:
    await store.apply(Batch(cache_entries=[cache_entry("k1", run_id="first")]))
    await store.apply(Batch(cache_entries=[cache_entry("k1", run_id="second"), cache_entry("k2")]))
    assert (await store.get_cache_entry("k1")) == cache_entry("k1", run_id="first")
    assert (await store.get_cache_entry("k2")) == cache_entry("k2")


async def test_an_empty_batch_changes_nothing(store: Store) -> None:
    await store.apply(Batch())
    assert (await store.list_runs()).total == 0


async def test_a_batch_becomes_visible_all_at_once(store: Store) -> None:
    the_run, node_runs = run("r1", node_ids=[f"n{i}" for i in range(60)])
    await store.create_run(the_run, node_runs)
    rounds = 40
    stop = asyncio.Event()
    seen: set[int] = set()

    async def reader() -> None:
        while not stop.is_set():
            attempts = {nr.attempt for nr in await store.get_node_runs("r1")}
            assert len(attempts) == 1, f"a reader saw half a batch: attempts {sorted(attempts)}"
            seen.update(attempts)
            await asyncio.sleep(0)

    async def writer() -> None:
        for attempt in range(1, rounds + 1):
            batch = [nr.model_copy(update={"attempt": attempt}) for nr in node_runs]
            await store.apply(Batch(node_runs=batch))
            await asyncio.sleep(0)
        stop.set()

    await asyncio.gather(writer(), reader(), reader())
    assert {nr.attempt for nr in await store.get_node_runs("r1")} == {rounds}
    assert len(seen) > 1


async def test_concurrent_writers_all_land(store: Store) -> None:
    runs = [run(f"r{i}", node_ids=["a", "b"], minute=i) for i in range(20)]
    await asyncio.gather(*(store.create_run(r, nrs) for r, nrs in runs))

    async def finish(index: int) -> None:
        the_run, node_runs = runs[index]
        the_run.status = RunStatus.SUCCESS
        await store.apply(
            Batch(
                runs=[the_run],
                node_runs=[finished(nr) for nr in node_runs],
                cache_entries=[cache_entry(f"k{index}")],
            )
        )

    await asyncio.gather(
        *(finish(i) for i in range(20)),
        *(store.create_operation(operation(f"op{i}")) for i in range(20)),
        *(store.put_user(user(f"u{i}")) for i in range(10)),
    )
    assert (await store.list_runs(status=RunStatus.SUCCESS)).total == 20
    assert (await store.list_cache_entries()).total == 20
    assert (await store.list_operations()).total == 20
    assert len(await store.list_users()) == 10
    for the_run, _ in runs:
        statuses = {nr.status for nr in await store.get_node_runs(the_run.id)}
        assert statuses == {NodeRunStatus.SUCCESS}


# -- cache ---------------------------------------------------------------------------------------


async def test_cache_lookup_of_many_keys(store: Store) -> None:
    entries = [cache_entry(f"k{i:04d}", minute=i) for i in range(1200)]
    await store.apply(Batch(cache_entries=entries))
    assert await store.get_cache_entry("missing") is None
    wanted = [f"k{i:04d}" for i in range(0, 1200, 2)] + ["missing", "k0000"]
    found = await store.get_cache_entries(wanted)
    assert set(found) == {f"k{i:04d}" for i in range(0, 1200, 2)}
    assert found["k0010"] == entries[10]
    assert await store.get_cache_entries([]) == {}


async def test_cache_entries_are_listed_newest_first_and_deleted(store: Store) -> None:
    await store.apply(Batch(cache_entries=[cache_entry(f"k{i}", minute=i) for i in range(5)]))
    page = await store.list_cache_entries(offset=1, limit=2)
    assert [e.key for e in page.items] == ["k3", "k2"] and page.total == 5
    assert await store.delete_cache_entries(["k1", "k3", "missing"]) == 2
    assert [e.key for e in (await store.list_cache_entries()).items] == ["k4", "k2", "k0"]
    assert await store.delete_cache_entries([]) == 0
    assert await store.delete_cache_entries() == 3
    assert (await store.list_cache_entries()).total == 0
    assert await store.get_cache_entry("k4") is None


# -- artifacts -----------------------------------------------------------------------------------


async def test_artifact_meta_round_trip_and_first_record_wins(store: Store) -> None:
    meta = artifact("hello", name="first.csv")
    await store.put_artifact_meta(meta)
    await store.put_artifact_meta(artifact("hello", minute=9, name="second.csv"))
    assert await store.get_artifact_meta(meta.sha256) == meta
    with pytest.raises(NotFound):
        await store.get_artifact_meta(artifact("other").sha256)


async def test_artifact_meta_is_listed_newest_first(store: Store) -> None:
    metas = [artifact(f"data {i}", minute=i) for i in range(4)]
    for meta in metas:
        await store.put_artifact_meta(meta)
    page = await store.list_artifact_meta(limit=3)
    assert page.items == [metas[3], metas[2], metas[1]] and page.total == 4


async def test_artifact_meta_is_deleted_by_sha256(store: Store) -> None:
    metas = [artifact(f"data {i}", minute=i) for i in range(3)]
    for meta in metas:
        await store.put_artifact_meta(meta)
    gone = [metas[0].sha256, metas[2].sha256, metas[2].sha256, "f" * 64]
    assert await store.delete_artifact_meta(gone) == 2
    assert await store.delete_artifact_meta([]) == 0
    assert (await store.list_artifact_meta()).items == [metas[1]]
    with pytest.raises(NotFound):
        await store.get_artifact_meta(metas[0].sha256)


# -- users, tokens, workers ----------------------------------------------------------------------


async def test_users_round_trip_replace_and_list_by_name(store: Store) -> None:
    for name in ["carol", "alice", "bob"]:
        await store.put_user(user(name))
    await store.put_user(user("bob", is_admin=True))
    assert await store.get_user("bob") == user("bob", is_admin=True)
    assert [u.name for u in await store.list_users()] == ["alice", "bob", "carol"]
    with pytest.raises(NotFound):
        await store.get_user("dave")


async def test_tokens_round_trip_replace_and_list_oldest_first(store: Store) -> None:
    await store.put_token(token("t2", minute=2))
    await store.put_token(token("t1", minute=1, kind=TokenKind.WORKER, user_name="worker"))
    await store.put_token(token("t3", minute=3))
    revoked = token("t2", minute=2, revoked=True)
    await store.put_token(revoked)
    got = await store.get_token("t2")
    assert got == revoked and got.secret_hash == revoked.secret_hash
    assert [t.id for t in await store.list_tokens()] == ["t1", "t2", "t3"]
    assert (await store.get_token("t1")).kind == TokenKind.WORKER
    with pytest.raises(NotFound):
        await store.get_token("t9")


async def test_a_token_keeps_its_expiry(store: Store) -> None:
    expiring = token("t1", expires_at=at(60))
    await store.put_token(expiring)
    got = await store.get_token("t1")
    assert got.expires_at == at(60)
    assert not got.expired(at(59)) and got.expired(at(60))
    await store.put_token(token("t2"))
    assert (await store.get_token("t2")).expires_at is None


async def test_a_tokens_last_use_is_recorded_and_nothing_else_of_it(store: Store) -> None:
    await store.put_token(token("t1"))
    assert (await store.get_token("t1")).last_used_at is None
    await store.mark_token_used("t1", at(5))
    assert (await store.get_token("t1")).last_used_at == at(5)
    revoked = (await store.get_token("t1")).model_copy(update={"revoked": True})
    await store.put_token(revoked)  # revoked elsewhere
    await store.mark_token_used("t1", at(6))
    got = await store.get_token("t1")
    assert got.revoked and got.last_used_at == at(6)
    assert got.secret_hash == revoked.secret_hash and got.created_at == revoked.created_at
    assert [t.last_used_at for t in await store.list_tokens()] == [at(6)]
    await store.mark_token_used("t9", at(7))  # unknown: left alone
    with pytest.raises(NotFound):
        await store.get_token("t9")


def _session(n: int, user_name: str = "alice", expires_minute: float = 60) -> Session:
    return Session(
        id=hashlib.sha256(f"secret {n}".encode()).hexdigest(),
        user=user_name,
        csrf_token=f"csrf {n}",
        created_at=at(0),
        expires_at=at(expires_minute),
    )


async def test_sessions_round_trip_and_are_not_inserted_twice(store: Store) -> None:
    first = _session(1)
    await store.put_session(first)
    assert await store.get_session(first.id) == first
    with pytest.raises(Conflict):
        await store.put_session(first)
    with pytest.raises(NotFound):
        await store.get_session(_session(2).id)


async def test_sessions_are_deleted_by_id_user_or_expiry(store: Store) -> None:
    sessions = [
        _session(1, "alice", 10),
        _session(2, "alice", 30),
        _session(3, "bob", 10),
        _session(4, "bob", 60),
        _session(5, "carol", 60),
    ]
    for session in sessions:
        await store.put_session(session)
    with pytest.raises(ValueError):
        await store.delete_sessions()
    assert await store.delete_sessions(session_id=sessions[4].id) == 1
    assert await store.delete_sessions(session_id=sessions[4].id) == 0
    assert await store.delete_sessions(user="bob", expired_at=at(10)) == 1  # only bob's expired
    assert await store.delete_sessions(expired_at=at(30)) == 2  # alice's two
    assert await store.delete_sessions(user="bob") == 1
    for session in sessions:
        with pytest.raises(NotFound):
            await store.get_session(session.id)


async def test_workers_round_trip_replace_and_list_by_id(store: Store) -> None:
    await store.put_worker(worker("w2"))
    await store.put_worker(worker("w1", connected=False))
    await store.put_worker(worker("w2", slots=8, last_seen=at(30)))
    workers = await store.list_workers()
    assert [w.id for w in workers] == ["w1", "w2"]
    assert workers[1] == worker("w2", slots=8, last_seen=at(30))


# -- input checks --------------------------------------------------------------------------------


@pytest.mark.parametrize("offset, limit", [(-1, 10), (0, -5)])
async def test_negative_paging_is_refused(store: Store, offset: int, limit: int) -> None:
    with pytest.raises(InvalidInput):
        await store.list_operations(offset=offset, limit=limit)
    with pytest.raises(InvalidInput):
        await store.list_runs(offset=offset, limit=limit)


async def test_ids_are_opaque_strings(store: Store) -> None:
    odd = "op'; DROP TABLE operations; --" + uuid.uuid4().hex
    await store.create_operation(operation(odd))
    assert (await store.get_operation(odd)).id == odd
    assert (await store.list_operations()).total == 1
