"""Runs submitted together share what they have in common: a node with the same cache key as
one executing in another run waits for it instead of executing again (sweeps rely on this)."""

from __future__ import annotations

import asyncio

from plynx.engine import Engine
from plynx.model import NodeRunStatus, RunStatus
from plynx.protocol import Dispatch, Result

from .conftest import FakeWorker, graph_from, succeed, wait_finished
from .test_engine import DIAMOND


def diamond_with_d(n: int) -> dict[str, object]:
    return dict(DIAMOND, nodes={**DIAMOND["nodes"], "d": {"operation": "step", "params": {"n": n}}})


async def test_runs_submitted_together_execute_their_common_nodes_once(engine: Engine) -> None:
    worker = FakeWorker(engine, slots=8)
    await worker.connect()
    runs = [await engine.submit(graph_from(diamond_with_d(n))) for n in (1, 2, 3)]
    finished = [await wait_finished(engine, run) for run in runs]
    assert [run.status for run, _ in finished] == [RunStatus.SUCCESS] * 3
    executed = sorted(d.node_id for d in worker.dispatched)
    assert executed == ["a", "b", "c", "d", "d", "d"]
    leader = finished[0][0].id
    for _, nodes in finished[1:]:
        assert {nodes[n].status for n in "abc"} == {NodeRunStatus.CACHED}
        assert {nodes[n].cached_from_run for n in "abc"} == {leader}
        assert nodes["d"].status == NodeRunStatus.SUCCESS


async def test_a_waiting_node_runs_itself_when_the_one_it_waited_for_fails(engine: Engine) -> None:
    failed_once: list[str] = []

    async def fail_first_a(worker: FakeWorker, d: Dispatch) -> Result:
        if d.node_id == "a" and not failed_once:
            failed_once.append(d.node_run_id)
            await asyncio.sleep(0.05)  # the other run's "a" is waiting meanwhile
            return Result(node_run_id=d.node_run_id, attempt=d.attempt, status="failed")
        return await succeed(worker, d)

    worker = FakeWorker(engine, behaviour=fail_first_a, slots=8)
    await worker.connect()
    first = await engine.submit(graph_from(diamond_with_d(1)))
    second = await engine.submit(graph_from(diamond_with_d(2)))
    (run1, _), (run2, nodes2) = (
        await wait_finished(engine, first),
        await wait_finished(engine, second),
    )
    assert run1.status == RunStatus.FAILED
    assert run2.status == RunStatus.SUCCESS
    assert nodes2["a"].status == NodeRunStatus.SUCCESS
    assert [d.node_id for d in worker.dispatched].count("a") == 2
