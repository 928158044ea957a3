"""Where a deleted run still shows: a sweep lists it and an artifact's lineage goes through it,
both saying it was deleted (the runs list and its GET do not show it)."""

from __future__ import annotations

from typing import Any

from aiohttp.test_utils import TestClient

from .helpers import InProcessWorker, echo_op, node

API = "/api/v1"


async def body(client: TestClient, method: str, path: str, status: int, **kw: Any) -> Any:
    resp = await client.request(method, API + path, **kw)
    assert resp.status == status, await resp.text()
    return await resp.json() if resp.content_length else None


async def test_a_sweep_keeps_its_deleted_run_marked_deleted(client: TestClient) -> None:
    op = echo_op(inputs=[], parameters=[{"name": "greet", "type": "str", "default": "hi"}])
    graph = {"title": "g", "nodes": [node("n", op)]}
    sweep = {"graph": graph, "parameters": {"n.greet": ["a", "b"]}}
    created = await body(client, "POST", "/sweeps", 201, json=sweep)
    sweep_id = created["sweep"]["id"]
    await body(client, "POST", f"/sweeps/{sweep_id}/cancel", 200)  # no worker: nothing ran
    gone, kept = (r["run_id"] for r in created["runs"])
    await body(client, "DELETE", f"/runs/{gone}", 204)

    detail = await body(client, "GET", f"/sweeps/{sweep_id}", 200)
    rows = {r["run_id"]: r for r in detail["runs"]}
    assert list(rows) == [gone, kept]  # every combination that ran stays listed
    assert rows[gone]["deleted_at"] is not None and rows[gone]["values"] == {"n.greet": "a"}
    assert rows[kept]["deleted_at"] is None
    assert detail["counts"] == {"canceled": 2} and detail["status"] == "canceled"
    listed = await body(client, "GET", "/runs", 200)
    assert [r["id"] for r in listed["items"]] == [kept]
    await body(client, "GET", f"/runs/{gone}", 404)


async def test_lineage_through_a_deleted_run_says_it_was_deleted(
    client: TestClient, worker: InProcessWorker
) -> None:
    graph = {
        "nodes": [node("a", echo_op(inputs=[])), node("b", echo_op())],
        "edges": [{"src_node": "a", "src_port": "out", "dst_node": "b", "dst_port": "inp"}],
    }

    async def run_once() -> dict[str, Any]:
        run = await body(client, "POST", "/runs", 201, json={"graph": graph})
        run_id = run["run"]["id"]
        while (detail := await body(client, "GET", f"/runs/{run_id}", 200))["run"][
            "status"
        ] not in ("success", "failed"):
            if any(nr["status"] == "queued" for nr in detail["node_runs"]):
                await worker.succeed(await worker.dispatch())
        return {nr["node_id"]: nr for nr in detail["node_runs"]} | {"run": detail["run"]}

    first = await run_once()
    second = await run_once()  # restored from the cache: the first run made the artifacts
    assert second["b"]["status"] == "cached"
    await body(client, "DELETE", f"/runs/{first['run']['id']}", 204)

    made = second["b"]["outputs"]["out"][0]["sha256"]
    lineage = await body(client, "GET", f"/artifacts/{made}/lineage", 200)
    assert lineage["produced_by"] == first["b"]["id"]  # still true: it says how it was made
    steps = {s["node_run_id"]: s for s in lineage["upstream"]}
    assert [s["node_id"] for s in lineage["upstream"]] == ["b", "a"]
    assert all(s["run_deleted_at"] is not None for s in steps.values())
    used = await body(
        client, "GET", f"/artifacts/{first['a']['outputs']['out'][0]['sha256']}/lineage", 200
    )
    deleted = {s["run_id"]: s["run_deleted_at"] is not None for s in used["downstream"]}
    assert deleted == {first["run"]["id"]: True, second["run"]["id"]: False}
