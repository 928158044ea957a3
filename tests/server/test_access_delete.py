"""Soft delete of graphs and runs: only their owner (or an admin) deletes them, a running run
must be canceled first, deleted ones leave the lists and say 404 "deleted" (admins may still
see them), and what other runs reuse from them keeps working."""

from __future__ import annotations

import asyncio
from typing import Any

from plynx.server import keys

from .conftest import Team
from .helpers import InProcessWorker, echo_op, node

API = "/api/v1"


async def _graph(team: Team) -> str:
    body = {"title": "churn", "nodes": [node("n", echo_op(inputs=[]))]}
    status, graph = await team.call("owner", "POST", f"{API}/graphs", json=body)
    assert status == 201, graph
    return str(graph["id"])


async def _run(team: Team, graph_id: str) -> str:
    status, detail = await team.call("owner", "POST", f"{API}/runs", json={"graph_id": graph_id})
    assert status == 201, detail
    return str(detail["run"]["id"])


async def _finished(team: Team, run_id: str) -> dict[str, Any]:
    async with asyncio.timeout(10):
        while True:
            status, detail = await team.call("owner", "GET", f"{API}/runs/{run_id}")
            assert status == 200, detail
            if detail["run"]["status"] not in ("queued", "running"):
                return dict(detail)
            await asyncio.sleep(0.02)


async def _ran(team: Team, worker: InProcessWorker, graph_id: str) -> str:
    run_id = await _run(team, graph_id)
    dispatch = await worker.dispatch()
    await worker.start(dispatch)
    await worker.log(dispatch, "made by the first run\n")
    await worker.succeed(dispatch)
    assert (await _finished(team, run_id))["run"]["status"] == "success"
    return run_id


async def test_a_run_is_deleted_by_its_owner_once_finished_and_its_cache_still_serves(
    team: Team,
) -> None:
    worker = InProcessWorker(team.client.app[keys.ENGINE])
    await worker.connect()
    graph_id = await _graph(team)
    run_id = await _run(team, graph_id)
    dispatch = await worker.dispatch()
    await worker.start(dispatch)
    status, body = await team.call("owner", "DELETE", f"{API}/runs/{run_id}")
    assert status == 409 and "cancel it first" in body["error"]["message"]
    await worker.log(dispatch, "made by the first run\n")
    await worker.succeed(dispatch)
    detail_before = await _finished(team, run_id)

    status, body = await team.call("other", "DELETE", f"{API}/runs/{run_id}")
    assert status == 403 and "belongs to 'alice'" in body["error"]["message"]
    status, _ = await team.call("owner", "DELETE", f"{API}/runs/{run_id}")
    assert status == 204
    status, body = await team.call("owner", "GET", f"{API}/runs/{run_id}")
    assert status == 404 and body["error"]["message"] == f"run '{run_id}' was deleted."
    status, _ = await team.call("owner", "DELETE", f"{API}/runs/{run_id}")
    assert status == 404  # once is enough
    for path in ("/metrics", "/nodes/n/log", "/reproduction", "/clone", "/rerun", "/cache"):
        method = "DELETE" if path == "/cache" else "POST" if path in ("/clone", "/rerun") else "GET"
        status, body = await team.call("admin", method, f"{API}/runs/{run_id}{path}")
        assert status == 404 and "was deleted" in body["error"]["message"], path
    node_run_id = detail_before["node_runs"][0]["id"]
    status, log = await team.call("viewer", "GET", f"{API}/node-runs/{node_run_id}/log")
    assert status == 200 and log == b"made by the first run\n"  # what cached runs show
    status, page = await team.call("viewer", "GET", f"{API}/runs")
    assert page["total"] == 0
    status, page = await team.call("viewer", "GET", f"{API}/graphs/{graph_id}/runs")
    assert status == 200 and page["total"] == 0

    status, body = await team.call("owner", "GET", f"{API}/runs?include_deleted=true")
    assert status == 403 and "only an admin" in body["error"]["message"]
    status, page = await team.call("admin", "GET", f"{API}/runs?include_deleted=true")
    assert [r["id"] for r in page["items"]] == [run_id] and page["items"][0]["deleted_at"]
    status, shown = await team.call("admin", "GET", f"{API}/runs/{run_id}?include_deleted=1")
    assert status == 200 and shown["run"]["deleted_at"] is not None
    status, body = await team.call("admin", "GET", f"{API}/runs?include_deleted=maybe")
    assert status == 400 and "true or false" in body["error"]["message"]

    # the deleted run's cache entry still serves a new run, with the log it made
    again = await _run(team, graph_id)
    detail = await _finished(team, again)
    assert [nr["status"] for nr in detail["node_runs"]] == ["cached"]
    status, log = await team.call("viewer", "GET", f"{API}/runs/{again}/nodes/n/log")
    assert status == 200 and log == b"made by the first run\n"


async def test_a_graph_is_deleted_by_its_owner_and_its_runs_stay(team: Team) -> None:
    graph_id = await _graph(team)
    run_id = await _run(team, graph_id)
    # a bad include_deleted is a 400 whether or not the object is deleted (never ignored)
    for path in (f"/graphs/{graph_id}", f"/runs/{run_id}"):
        status, body = await team.call("admin", "GET", f"{API}{path}?include_deleted=null")
        assert status == 400 and "true or false" in body["error"]["message"], path
    status, _ = await team.call("other", "DELETE", f"{API}/graphs/{graph_id}")
    assert status == 403
    status, _ = await team.call("owner", "DELETE", f"{API}/graphs/{graph_id}")
    assert status == 204
    status, page = await team.call("owner", "GET", f"{API}/graphs")
    assert page["total"] == 0
    for method, path in (
        ("GET", ""),
        ("GET", "/runs"),
        ("POST", "/clone"),
        ("PUT", ""),
        ("POST", "/upgrade"),
    ):
        status, body = await team.call("admin", method, f"{API}/graphs/{graph_id}{path}", json={})
        assert status == 404, path
        assert body["error"]["message"] == f"graph '{graph_id}' was deleted.", path
    status, body = await team.call("owner", "POST", f"{API}/runs", json={"graph_id": graph_id})
    assert status == 404
    status, shown = await team.call("admin", "GET", f"{API}/graphs/{graph_id}?include_deleted=true")
    assert status == 200 and shown["deleted_at"] is not None
    status, page = await team.call("viewer", "GET", f"{API}/runs")
    assert [r["id"] for r in page["items"]] == [run_id]  # a graph's runs outlive it
    status, page = await team.call("admin", "GET", f"{API}/graphs?include_deleted=true")
    assert [g["id"] for g in page["items"]] == [graph_id] and page["items"][0]["deleted_at"]


async def test_a_deleted_flag_sent_in_a_body_is_not_taken(team: Team) -> None:
    body = {"title": "sneaky", "deleted_at": "2024-01-01T00:00:00Z"}
    status, graph = await team.call("owner", "POST", f"{API}/graphs", json=body)
    assert status == 201 and graph["deleted_at"] is None
    status, saved = await team.call("owner", "PUT", f"{API}/graphs/{graph['id']}", json=body)
    assert status == 200 and saved["deleted_at"] is None
    status, page = await team.call("owner", "GET", f"{API}/graphs")
    assert page["total"] == 1


async def test_an_editor_drops_the_cache_entries_of_their_own_run(team: Team) -> None:
    worker = InProcessWorker(team.client.app[keys.ENGINE])
    await worker.connect()
    run_id = await _ran(team, worker, await _graph(team))
    status, page = await team.call("viewer", "GET", f"{API}/cache")
    assert page["total"] == 1 and page["items"][0]["run_id"] == run_id
    status, body = await team.call("other", "DELETE", f"{API}/runs/{run_id}/cache")
    assert status == 403 and "belongs to 'alice'" in body["error"]["message"]
    status, dropped = await team.call("owner", "DELETE", f"{API}/runs/{run_id}/cache")
    assert status == 200 and dropped == {"deleted": 1}
    status, page = await team.call("viewer", "GET", f"{API}/cache")
    assert page["total"] == 0
