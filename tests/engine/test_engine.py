"""The engine's scheduling: dependencies, failures, cache, retries, leases, cancel, recovery."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from plynx.engine import Bundle, Engine
from plynx.errors import Conflict, GraphInvalid
from plynx.model import NodeRunStatus, RunStatus
from plynx.protocol import Dispatch, Result, RunningRef
from plynx.settings import Settings

from .conftest import FakeWorker, graph_from, make_engine, succeed, wait_finished

STEP = {
    "kind": "bash_jinja2",
    "inputs": {"a": {"type": "file", "is_array": True, "min_count": 0}},
    "outputs": {"out": "file"},
    "parameters": {"n": 1},
    "code": "true",
}


def dag(
    nodes: dict[str, dict[str, Any]], edges: list[str], **ops: dict[str, Any]
) -> dict[str, Any]:
    return {"operations": {"step": STEP, **ops}, "nodes": nodes, "edges": edges}


DIAMOND = dag(
    {
        "a": {"operation": "step"},
        "b": {"operation": "step"},
        "c": {"operation": "step"},
        "d": {"operation": "step"},
    },
    ["a.out -> b.a", "a.out -> c.a", "b.out -> d.a", "c.out -> d.a"],
)


async def test_diamond_runs_each_node_after_its_inputs(engine: Engine) -> None:
    worker = FakeWorker(engine)
    await worker.connect()
    run = await engine.submit(graph_from(DIAMOND))
    run, nodes = await wait_finished(engine, run)
    assert run.status == RunStatus.SUCCESS
    order = [d.node_id for d in worker.dispatched]
    assert order[0] == "a" and order[-1] == "d" and set(order[1:3]) == {"b", "c"}
    d = next(x for x in worker.dispatched if x.node_id == "d")
    assert [r.sha256 for r in d.inputs["a"]] == [
        nodes["b"].outputs["out"][0].sha256,
        nodes["c"].outputs["out"][0].sha256,
    ]
    assert all(nr.status == NodeRunStatus.SUCCESS for nr in nodes.values())


async def test_failure_skips_downstream_and_independent_branch_goes_on(engine: Engine) -> None:
    async def behaviour(w: FakeWorker, d: Dispatch) -> Result:
        if d.node_id == "bad":
            return Result(
                node_run_id=d.node_run_id, attempt=d.attempt, status="failed", exit_code=3
            )
        return await succeed(w, d)

    await FakeWorker(engine, behaviour).connect()
    graph = graph_from(
        dag(
            {
                "bad": {"operation": "step"},
                "after": {"operation": "step"},
                "last": {"operation": "step"},
                "ok": {"operation": "step"},
            },
            ["bad.out -> after.a", "after.out -> last.a"],
        )
    )
    run, nodes = await wait_finished(engine, await engine.submit(graph))
    assert run.status == RunStatus.FAILED
    assert nodes["bad"].status == NodeRunStatus.FAILED and nodes["bad"].exit_code == 3
    assert nodes["after"].status == nodes["last"].status == NodeRunStatus.SKIPPED
    assert nodes["ok"].status == NodeRunStatus.SUCCESS


async def test_second_run_is_entirely_cached(engine: Engine) -> None:
    worker = FakeWorker(engine)
    await worker.connect()
    first, _ = await wait_finished(engine, await engine.submit(graph_from(DIAMOND)))
    executed = len(worker.dispatched)
    second, nodes = await wait_finished(engine, await engine.submit(graph_from(DIAMOND)))
    assert second.status == RunStatus.SUCCESS
    assert len(worker.dispatched) == executed == 4
    assert {nr.status for nr in nodes.values()} == {NodeRunStatus.CACHED}
    assert {nr.cached_from_run for nr in nodes.values()} == {first.id}


async def test_changing_a_parameter_reruns_only_that_node_and_descendants(engine: Engine) -> None:
    worker = FakeWorker(engine)
    await worker.connect()
    await wait_finished(engine, await engine.submit(graph_from(DIAMOND)))
    changed = dict(
        DIAMOND, nodes={**DIAMOND["nodes"], "b": {"operation": "step", "params": {"n": 2}}}
    )
    worker.dispatched.clear()
    _, nodes = await wait_finished(engine, await engine.submit(graph_from(changed)))
    assert sorted(d.node_id for d in worker.dispatched) == ["b", "d"]
    assert nodes["a"].status == nodes["c"].status == NodeRunStatus.CACHED


async def test_retry_succeeds_on_second_attempt(engine: Engine) -> None:
    async def flaky(w: FakeWorker, d: Dispatch) -> Result:
        if d.attempt == 1:
            return Result(
                node_run_id=d.node_run_id, attempt=d.attempt, status="failed", exit_code=1
            )
        return await succeed(w, d)

    worker = FakeWorker(engine, flaky)
    await worker.connect()
    graph = graph_from(
        {"operations": {"step": {**STEP, "retries": 1}}, "nodes": {"x": {"operation": "step"}}}
    )
    run, nodes = await wait_finished(engine, await engine.submit(graph))
    assert run.status == RunStatus.SUCCESS
    assert nodes["x"].attempt == 2
    assert [d.attempt for d in worker.dispatched] == [1, 2]


async def test_silent_worker_loses_its_node_to_another(engine: Engine) -> None:
    async def hang(w: FakeWorker, d: Dispatch) -> None:
        w.silent = True  # the worker freezes: no heartbeat, no result
        await asyncio.sleep(3600)

    frozen = FakeWorker(engine, hang, slots=1)
    await frozen.connect()
    run = await engine.submit(graph_from(dag({"x": {"operation": "step"}}, [])))
    async with asyncio.timeout(5):
        while not frozen.dispatched:
            await asyncio.sleep(0.01)
    healthy = FakeWorker(engine)
    await healthy.connect()
    run, nodes = await wait_finished(engine, run)
    assert run.status == RunStatus.SUCCESS
    assert nodes["x"].attempt == 2 and nodes["x"].worker_id == healthy.worker_id
    # a late result of the lost attempt is ignored
    assert frozen.session is not None
    late = Result(node_run_id=nodes["x"].id, attempt=1, status="failed", exit_code=9)
    await engine.on_worker_message(frozen.session, late)
    _, after = await engine.get_run(run.id)
    assert after[0].status == NodeRunStatus.SUCCESS


async def test_cancel_kills_running_nodes_and_drops_waiting_ones(engine: Engine) -> None:
    async def slow(w: FakeWorker, d: Dispatch) -> None:
        await asyncio.sleep(3600)

    worker = FakeWorker(engine, slow, slots=1)
    await worker.connect()
    graph = graph_from(
        dag(
            {"a": {"operation": "step"}, "b": {"operation": "step"}, "c": {"operation": "step"}},
            ["a.out -> c.a"],
        )
    )
    run = await engine.submit(graph)
    async with asyncio.timeout(5):
        while not worker.dispatched:
            await asyncio.sleep(0.01)
    await engine.cancel(run.id)
    run, nodes = await wait_finished(engine, run)
    assert run.status == RunStatus.CANCELED
    assert {nr.status for nr in nodes.values()} == {NodeRunStatus.CANCELED}
    assert [c.node_run_id for c in worker.canceled] == [worker.dispatched[0].node_run_id]
    with pytest.raises(Conflict):
        await engine.cancel(run.id)


async def test_invalid_graph_lists_every_problem(engine: Engine) -> None:
    graph = graph_from(
        {
            "operations": {
                "step": STEP,
                "csv": {"kind": "bash_jinja2", "inputs": {"t": "csv"}, "outputs": {"out": "csv"}},
            },
            "nodes": {
                "a": {"operation": "step", "params": {"nope": 1}},
                "b": {"operation": {"kind": "martian"}},
                "c": {"operation": "csv"},
                "d": {"operation": "csv"},
                "e": {"operation": "step"},
                "f": {"operation": "step"},
            },
            "edges": ["a.out -> d.t", "e.out -> f.a", "f.out -> e.a"],
        }
    )
    with pytest.raises(GraphInvalid) as info:
        await engine.submit(graph)
    codes = {(p.code, p.node) for p in info.value.problems}
    assert {
        ("unknown_parameter", "a"),
        ("unknown_kind", "b"),
        ("missing_input", "c"),
        ("type_mismatch", "d"),
    } <= codes
    assert any(code == "cycle" for code, _ in codes)


async def test_restart_mid_run_reattaches_the_running_node(settings: Settings) -> None:
    engine, store = await make_engine(settings)

    async def hold(w: FakeWorker, d: Dispatch) -> None:
        await asyncio.sleep(3600)

    worker = FakeWorker(engine, hold)
    await worker.connect()
    run = await engine.submit(
        graph_from(dag({"a": {"operation": "step"}, "b": {"operation": "step"}}, ["a.out -> b.a"]))
    )
    async with asyncio.timeout(5):
        while not worker.dispatched:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.05)
    held = worker.dispatched[0]
    await engine.stop()  # the server dies; the worker keeps running "a"
    await store.close()

    engine2, store2 = await make_engine(settings)
    try:
        again = FakeWorker(engine2, succeed, worker_id=worker.worker_id)
        await again.connect(
            running=[RunningRef(node_run_id=held.node_run_id, attempt=held.attempt)]
        )
        assert again.session is not None
        result = await succeed(again, held)
        await engine2.on_worker_message(again.session, result)
        run, nodes = await wait_finished(engine2, run)
        assert run.status == RunStatus.SUCCESS
        assert nodes["a"].attempt == 1  # re-attached, not re-run
        assert [d.node_id for d in again.dispatched] == ["b"]
    finally:
        await engine2.stop()
        await store2.close()


async def test_events_are_numbered_and_announced_after_storing(engine: Engine) -> None:
    await FakeWorker(engine).connect()
    sub = engine.bus.subscribe()
    graph = graph_from(DIAMOND)
    run = await engine.submit(graph)
    sub.add(f"run:{run.id}")
    run, _ = await wait_finished(engine, run)
    seqs = []
    while not sub.queue.empty():
        item = sub.queue.get_nowait()
        for event in item.events if isinstance(item, Bundle) else [item]:
            seqs.append(event["seq"])
            if event["kind"] == "node_run":
                stored = await engine.store.get_node_run(event["node_run"]["id"])
                assert stored.seq >= event["seq"]
    assert seqs == sorted(seqs) and len(seqs) == len(set(seqs)) and seqs


async def test_canceling_a_large_run_lets_the_loop_serve_meanwhile(engine: Engine) -> None:
    """10,000 node runs canceled in one turn held the loop 0.1-0.45 s (every dashboard and
    worker waited); the loop now gets its turns while they are canceled."""
    nodes = {f"n{i}": {"operation": "step"} for i in range(5000)}
    run = await engine.submit(graph_from(dag(nodes, [])))  # no worker: all of them wait
    canceling = False
    turns = 0

    async def ticker() -> None:
        nonlocal turns
        while True:
            await asyncio.sleep(0)
            turns += canceling

    ticking = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    canceling = True
    await engine.cancel(run.id)
    canceling = False
    ticking.cancel()
    run, after = await wait_finished(engine, run)
    assert run.status == RunStatus.CANCELED
    assert {nr.status for nr in after.values()} == {NodeRunStatus.CANCELED}
    assert turns >= 5, f"others had {turns} turns of the loop while 5,000 node runs were canceled"
