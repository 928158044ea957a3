"""Reproduce through the real server, real workers and every store: the snapshot executes again
without the cache; a node with an unseeded random output is flagged, the rest reproduce."""

from __future__ import annotations

import pytest

from .conftest import Cluster, bash

pytestmark = pytest.mark.slow

GRAPH = {
    "operations": {
        "det": bash("seq 1 5 > {{ outputs.out }}"),
        "rand": bash("head -c 16 /dev/urandom | od -An -tx1 > {{ outputs.out }}"),
        "sum": bash("cat {{ inputs['in'] | join(' ') }} | wc -l > {{ outputs.out }}"),
    },
    "nodes": {
        "det": {"operation": "det"},
        "rand": {"operation": "rand"},
        "sum": {"operation": "sum"},
    },
    "edges": ["det.out -> sum.in"],
}


async def test_reproduce_flags_the_unseeded_node_and_reports_the_rest_reproduced(
    cluster: Cluster,
) -> None:
    cluster.start_worker()
    await cluster.wait_workers(1)
    original = await cluster.wait_run(await cluster.submit(GRAPH))
    run_id = original["run"]["id"]
    assert original["run"]["status"] == "success"

    status, created = await cluster.request("POST", f"/api/v1/runs/{run_id}/reproduce")
    assert status == 201, created
    assert created["run"]["reproduces"] == run_id and created["run"]["use_cache"] is False
    again = await cluster.wait_run(created["run"]["id"])
    assert {nr["status"] for nr in again["node_runs"]} == {"success"}  # nothing from the cache

    report = await cluster.get(f"/api/v1/runs/{again['run']['id']}/reproduction")
    assert report["finished"] is True and report["reproduced"] is False
    nodes = {n["node_id"]: n for n in report["nodes"]}
    assert {k: n["reproduced"] for k, n in nodes.items()} == {
        "det": True,
        "rand": False,
        "sum": True,
    }
    [differs] = nodes["rand"]["outputs"]
    assert differs["name"] == "out" and differs["same"] is False
    assert differs["original"] != differs["reproduced"]

    status, refused = await cluster.request("GET", f"/api/v1/runs/{run_id}/reproduction")
    assert status == 409 and "not a reproduction" in refused["error"]["message"]
    status, _ = await cluster.request("POST", "/api/v1/runs/nope/reproduce")
    assert status == 404


async def test_a_deterministic_graph_reproduces_entirely(cluster: Cluster) -> None:
    cluster.start_worker()
    await cluster.wait_workers(1)
    doc = {k: v for k, v in GRAPH.items()}
    doc["nodes"] = {"det": {"operation": "det"}, "sum": {"operation": "sum"}}
    original = await cluster.wait_run(await cluster.submit(doc))
    status, created = await cluster.request(
        "POST", f"/api/v1/runs/{original['run']['id']}/reproduce"
    )
    assert status == 201
    await cluster.wait_run(created["run"]["id"])
    report = await cluster.get(f"/api/v1/runs/{created['run']['id']}/reproduction")
    assert report["reproduced"] is True
    assert [n["reproduced"] for n in report["nodes"]] == [True, True]
