"""A run of many short nodes through real worker processes while the server's loop stalls past
the lease timeout and worker connections are cut (issue: a run stuck after reconnects)."""

from __future__ import annotations

import asyncio
import logging
import time

import pytest

from plynx.protocol import Dispatch
from plynx.server import keys

from .conftest import Cluster, bash

pytestmark = pytest.mark.slow


def layered(layers: int, width: int) -> dict[str, object]:
    nodes = {
        f"n{layer}_{i}": {"operation": "step", "params": {"name": f"{layer}-{i}"}}
        for layer in range(layers)
        for i in range(width)
    }
    edges = [
        f"n{layer - 1}_{(i + k) % width}.out -> n{layer}_{i}.in"
        for layer in range(1, layers)
        for i in range(width)
        for k in (0, 1)
    ]
    step = bash("echo '{{ params.name }}' > {{ outputs.out }}", parameters={"name": ""})
    return {"operations": {"step": step}, "nodes": nodes, "edges": edges}


async def test_a_run_survives_a_stalled_loop_and_cut_worker_connections(
    cluster: Cluster, caplog: pytest.LogCaptureFixture
) -> None:
    for _ in range(3):
        cluster.start_worker(slots=4)
    await cluster.wait_workers(3)
    assert cluster.server is not None
    engine = cluster.server.app[keys.ENGINE]
    run_id = await cluster.submit(layered(layers=12, width=40))

    async def progressed(count: int) -> None:
        async with asyncio.timeout(60):
            while True:
                _, node_runs = await engine.get_run(run_id)
                if sum(nr.status.finished for nr in node_runs) >= count:
                    return
                await asyncio.sleep(0.02)

    await progressed(60)
    # the loop stalls past the lease timeout: nobody can be heard meanwhile
    time.sleep(cluster.settings.lease_timeout * 1.5)  # noqa: ASYNC251 - a stall on purpose
    await progressed(160)
    # connections die under the workers' feet while dispatches are on their way (each time
    # with a hundred nodes and more still to dispatch: near the end, the last dispatches may
    # all have gone before one is seen on its way)
    for count in (200, 260, 320):
        await progressed(count)
        async with asyncio.timeout(30):
            while not any(
                isinstance(message, Dispatch)
                for session in engine._dispatcher.workers.values()
                for message in session.outbox._queue  # type: ignore[attr-defined]
            ):
                await asyncio.sleep(0)
        for ws in list(cluster.server.app[keys.WEBSOCKETS]):
            if ws._req is not None and ws._req.transport is not None:
                ws._req.transport.abort()

    detail = await cluster.wait_run(run_id, timeout=120)
    assert detail["run"]["status"] == "success"
    assert {n["status"] for n in detail["node_runs"]} == {"success"}
    counters = await cluster.get("/api/v1/workers/fencing")
    assert counters["forged"] == 0
    assert counters["requeued_on_reconnect"] > 0  # dispatches died with their sockets
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
    # the stall was forgiven: no attempt was requeued because of it
    assert max(n["attempt"] for n in detail["node_runs"]) <= 2
