"""A queued node that no connected worker can run says which kind it waits for, in its node
run (stored and announced), and stops saying it once a worker with the kind connects."""

from __future__ import annotations

import asyncio

from plynx.engine import Engine
from plynx.model import NodeRun, NodeRunStatus, RunStatus

from .conftest import FakeWorker, graph_from, wait_finished

GRAPH = {
    "operations": {"step": {"kind": "bash_jinja2", "outputs": {"out": "file"}, "code": "true"}},
    "nodes": {"a": {"operation": "step"}},
}
WAITING = "waiting for a worker with kind `bash_jinja2`"


async def _node(engine: Engine, run_id: str) -> NodeRun:
    async with asyncio.timeout(5):
        while True:
            await engine.flush()
            [nr] = (await engine.get_run(run_id))[1]
            stored = await engine.store.get_node_run(nr.id)
            if stored.status_detail == nr.status_detail:  # what the API serves is stored
                return nr
            # the watchdog changed it since the flush: its write is on its way


async def _until_detail(engine: Engine, run_id: str, detail: str | None) -> NodeRun:
    async with asyncio.timeout(5):
        while (nr := await _node(engine, run_id)).status_detail != detail:
            await asyncio.sleep(0.02)
    return nr


async def test_a_kind_no_connected_worker_has_is_named_until_a_worker_brings_it(
    engine: Engine,
) -> None:
    run = await engine.submit(graph_from(GRAPH))
    await asyncio.sleep(0.3)  # several watchdog ticks, within the lease timeout (0.6s)
    nr = await _node(engine, run.id)
    assert (nr.status, nr.status_detail) == (NodeRunStatus.QUEUED, None)  # workers may be starting
    nr = await _until_detail(engine, run.id, WAITING)  # nobody came within the lease timeout
    assert nr.status == NodeRunStatus.QUEUED

    python_only = FakeWorker(engine, kinds=("python",))
    await python_only.connect()
    await asyncio.sleep(0.3)
    nr = await _node(engine, run.id)
    assert (nr.status, nr.status_detail) == (NodeRunStatus.QUEUED, WAITING)
    assert python_only.dispatched == []

    bash = FakeWorker(engine, kinds=("bash_jinja2",))
    await bash.connect()
    done, nodes = await wait_finished(engine, run)
    assert done.status == RunStatus.SUCCESS
    assert nodes["a"].status_detail is None
    assert [d.node_id for d in bash.dispatched] == ["a"]


async def test_with_a_worker_connected_a_missing_kind_is_named_at_once(engine: Engine) -> None:
    python_only = FakeWorker(engine, kinds=("python",))
    await python_only.connect()
    run = await engine.submit(graph_from(GRAPH))
    async with asyncio.timeout(0.5):  # the next watchdog tick, not the lease timeout
        await _until_detail(engine, run.id, WAITING)
    await engine.cancel(run.id)
    _, nodes = await wait_finished(engine, run)
    assert (nodes["a"].status, nodes["a"].status_detail) == (NodeRunStatus.CANCELED, None)
