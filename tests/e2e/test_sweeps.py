"""Sweeps through the real server, real workers and every store: a 3x2 grid over a graph
parameter and a node parameter runs 6 runs whose common upstream node executes once."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from plynx.model import parse_graph_document

from .conftest import Cluster, bash

pytestmark = pytest.mark.slow


def sweep_graph() -> dict[str, Any]:
    doc = {
        "title": "train",
        "parameters": {"lr": {"type": "float", "default": 0.1}},
        "operations": {
            "data": bash("seq 1 10 > {{ outputs.out }}"),
            "train": bash(
                "echo {{ params.lr }} {{ params.depth }} > {{ outputs.out }}\n"
                "sleep {{ params.pause }}\n"
                "score=$(awk 'BEGIN { print {{ params.lr }} * {{ params.depth }} }')\n"
                'echo "{\\"name\\": \\"score\\", \\"value\\": $score}" >> "$PLYNX_METRICS"\n',
                parameters={"lr": 0.1, "depth": 1, "pause": 0},
            ),
        },
        "nodes": {
            "data": {"operation": "data"},
            "train": {"operation": "train", "params": {"lr": {"ref": "lr"}}},
        },
        "edges": ["data.out -> train.in"],
    }
    graph, _ = parse_graph_document(doc)
    return graph.model_dump(mode="json")


async def wait_sweep(cluster: Cluster, sweep_id: str, timeout: float = 60) -> dict[str, Any]:
    async with asyncio.timeout(timeout):
        while True:
            detail = await cluster.get(f"/api/v1/sweeps/{sweep_id}")
            if detail["status"] not in ("queued", "running"):
                return detail
            await asyncio.sleep(0.1)


async def test_a_grid_sweep_runs_every_combination_sharing_the_common_node(
    cluster: Cluster,
) -> None:
    cluster.start_worker(slots=4)
    await cluster.wait_workers(1)
    body = {
        "graph": sweep_graph(),
        "parameters": {"lr": [0.1, 0.01, 0.001], "train.depth": [3, 5]},
    }
    status, created = await cluster.request("POST", "/api/v1/sweeps", json=body)
    assert status == 201, created
    sweep_id = created["sweep"]["id"]
    assert created["sweep"]["mode"] == "grid" and len(created["runs"]) == 6
    assert [r["values"] for r in created["runs"]][:2] == [
        {"lr": 0.1, "train.depth": 3},
        {"lr": 0.1, "train.depth": 5},
    ]

    detail = await wait_sweep(cluster, sweep_id)
    assert detail["status"] == "success" and detail["counts"] == {"success": 6}
    scores = {
        (r["values"]["lr"], r["values"]["train.depth"]): r["metrics"]["train"]["score"]
        for r in detail["runs"]
    }
    assert scores[(0.01, 5)] == pytest.approx(0.05) and len(scores) == 6

    executed = []
    for row in detail["runs"]:
        run = await cluster.get(f"/api/v1/runs/{row['run_id']}")
        assert run["run"]["sweep_id"] == sweep_id
        nodes = {nr["node_id"]: nr for nr in run["node_runs"]}
        assert nodes["train"]["status"] == "success"
        executed.append(nodes["data"]["status"])
    assert sorted(executed) == ["cached"] * 5 + ["success"]  # the common node ran once

    page = await cluster.get("/api/v1/sweeps")
    assert [s["id"] for s in page["items"]] == [sweep_id]
    status, refused = await cluster.request("POST", f"/api/v1/sweeps/{sweep_id}/cancel")
    assert status == 409, refused


async def test_bad_sweeps_are_refused_naming_the_problem(cluster: Cluster) -> None:
    graph = sweep_graph()
    cases = [
        ({"mode": "zip", "parameters": {"lr": [0.1, 0.2], "train.depth": [3]}}, "as many values"),
        ({"parameters": {"rate": [1, 2]}}, "no parameter 'rate'"),
        ({"parameters": {"trian.depth": [1]}}, "no node 'trian'"),
        ({"parameters": {"lr": []}}, "has no values"),
        ({"parameters": {"lr": [0.1, "fast"]}}, "(with lr='fast')"),
    ]
    for extra, says in cases:
        status, refused = await cluster.request(
            "POST", "/api/v1/sweeps", json={"graph": graph, **extra}
        )
        assert status == 400, refused
        problems = " ".join(p["message"] for p in refused["error"]["problems"])
        assert says in problems, refused
    page = await cluster.get("/api/v1/runs")
    assert page["total"] == 0  # nothing was started
    status, _ = await cluster.request("GET", "/api/v1/sweeps/nope")
    assert status == 404


async def test_canceling_a_sweep_cancels_every_run(cluster: Cluster) -> None:
    cluster.start_worker(slots=4)
    await cluster.wait_workers(1)
    body = {"graph": sweep_graph(), "parameters": {"lr": [1, 2]}, "fixed": {"train.pause": 30}}
    status, created = await cluster.request("POST", "/api/v1/sweeps", json=body)
    assert status == 201, created
    sweep_id = created["sweep"]["id"]
    status, canceled = await cluster.request("POST", f"/api/v1/sweeps/{sweep_id}/cancel")
    assert status == 200, canceled
    detail = await wait_sweep(cluster, sweep_id, timeout=20)
    assert detail["status"] == "canceled"
    assert {r["status"] for r in detail["runs"]} == {"canceled"}
