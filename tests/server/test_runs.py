"""Runs through the REST API, with an in-process worker."""

from __future__ import annotations

import asyncio
import hashlib
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from plynx.protocol import Dispatch
from plynx.server import keys
from plynx.server.api import runs as runs_api

from .helpers import InProcessWorker, echo_op, node
from .test_graphs import broken_graph

API = "/api/v1"


def chain() -> dict[str, Any]:
    return {
        "title": "chain",
        "nodes": [node("first", echo_op(inputs=[])), node("second", echo_op())],
        "edges": [
            {"src_node": "first", "src_port": "out", "dst_node": "second", "dst_port": "inp"}
        ],
    }


async def wait_status(client: TestClient, run_id: str, node_id: str, status: str) -> None:
    async with asyncio.timeout(10):
        while True:
            detail = await (await client.get(f"{API}/runs/{run_id}")).json()
            nodes = {n["node_id"]: n for n in detail["node_runs"]}
            if nodes[node_id]["status"] == status:
                return
            await asyncio.sleep(0.02)


async def test_invalid_graph_is_400_with_every_problem(client: TestClient) -> None:
    resp = await client.post(f"{API}/runs", json={"graph": broken_graph()})
    assert resp.status == 400
    error = (await resp.json())["error"]
    assert error["code"] == "graph_invalid"
    codes = {p["code"] for p in error["problems"]}
    assert {"unknown_parameter", "unknown_kind", "missing_input", "type_mismatch", "cycle"} <= codes
    page = await (await client.get(f"{API}/runs")).json()
    assert page["total"] == 0


async def test_run_needs_exactly_one_graph(client: TestClient) -> None:
    for body in ({}, {"graph_id": "x", "graph": chain()}):
        resp = await client.post(f"{API}/runs", json=body)
        assert resp.status == 400
        assert "exactly one" in (await resp.json())["error"]["message"]
    resp = await client.post(f"{API}/runs", json={"graph_id": "missing"})
    assert resp.status == 404


async def test_run_a_stored_graph_fail_and_read_logs(
    client: TestClient, worker: InProcessWorker
) -> None:
    graph = await (await client.post(f"{API}/graphs", json=chain())).json()
    resp = await client.post(f"{API}/runs", json={"graph_id": graph["id"], "title": "try"})
    assert resp.status == 201, await resp.text()
    detail = await resp.json()
    run_id = detail["run"]["id"]
    assert detail["run"]["graph_id"] == graph["id"] and detail["run"]["title"] == "try"
    assert {n["node_id"] for n in detail["node_runs"]} == {"first", "second"}

    d = await worker.dispatch()
    await worker.start(d)
    await worker.log(d, "hello ")
    await worker.log(d, "world\n")
    await worker.log(d, "oops\n", "stderr")
    await worker.fail(d, exit_code=3)
    await client.app[keys.ENGINE].flush()

    detail = await (await client.get(f"{API}/runs/{run_id}")).json()
    assert detail["run"]["status"] == "failed"
    nodes = {n["node_id"]: n for n in detail["node_runs"]}
    assert nodes["first"]["status"] == "failed" and nodes["first"]["exit_code"] == 3
    assert nodes["second"]["status"] == "skipped"

    resp = await client.get(f"{API}/runs/{run_id}/nodes/first/log")
    assert resp.status == 200 and await resp.text() == "hello world\n"
    assert resp.headers["X-Next-Offset"] == str(len("hello world\n"))
    resp = await client.get(f"{API}/node-runs/{d.node_run_id}/log?stream=stderr")
    assert await resp.text() == "oops\n"
    resp = await client.get(f"{API}/node-runs/{d.node_run_id}/log?offset=6")
    assert await resp.text() == "world\n"
    assert (await client.get(f"{API}/node-runs/{d.node_run_id}/log?stream=x")).status == 400
    assert (await client.get(f"{API}/node-runs/nope/log")).status == 404
    assert (await client.get(f"{API}/runs/{run_id}/nodes/nope/log")).status == 404

    page = await (await client.get(f"{API}/graphs/{graph['id']}/runs")).json()
    assert page["total"] == 1
    summary = page["items"][0]
    assert summary["counts"] == {"failed": 1, "skipped": 1} and summary["node_count"] == 2
    assert "graph" not in summary
    page = await (await client.get(f"{API}/runs", params={"status": "failed"})).json()
    assert [r["id"] for r in page["items"]] == [run_id]
    page = await (await client.get(f"{API}/runs", params={"status": "success"})).json()
    assert page["total"] == 0


async def test_cancel_then_rerun(client: TestClient) -> None:
    resp = await client.post(f"{API}/runs", json={"graph": chain()})
    run_id = (await resp.json())["run"]["id"]
    await wait_status(client, run_id, "first", "queued")  # no worker: it waits

    resp = await client.post(f"{API}/runs/{run_id}/cancel")
    assert resp.status == 200
    await client.app[keys.ENGINE].flush()
    detail = await (await client.get(f"{API}/runs/{run_id}")).json()
    assert detail["run"]["status"] == "canceled"
    assert {n["status"] for n in detail["node_runs"]} == {"canceled"}

    resp = await client.post(f"{API}/runs/{run_id}/cancel")
    assert resp.status == 409
    assert (await client.post(f"{API}/runs/nope/cancel")).status == 404

    resp = await client.post(f"{API}/runs/{run_id}/rerun")
    assert resp.status == 201
    again = await resp.json()
    assert again["run"]["rerun_of"] == run_id and again["run"]["id"] != run_id
    await client.post(f"{API}/runs/{again['run']['id']}/cancel")


async def test_file_node_run_succeeds_without_a_worker(client: TestClient) -> None:
    data = b"a,b\n1,2\n"
    sha = hashlib.sha256(data).hexdigest()
    assert (await client.post(f"{API}/artifacts?name=d.csv&type=csv", data=data)).status == 201
    file_op = {
        "kind": "file",
        "outputs": [{"name": "out", "type": "csv"}],
        "parameters": [{"name": "artifact", "required": True}],
    }
    graph = {"nodes": [node("data", file_op, artifact=sha)]}
    resp = await client.post(f"{API}/runs", json={"graph": graph})
    assert resp.status == 201, await resp.text()
    run_id = (await resp.json())["run"]["id"]
    await wait_status(client, run_id, "data", "success")
    detail = await (await client.get(f"{API}/runs/{run_id}")).json()
    assert detail["node_runs"][0]["outputs"]["out"][0]["sha256"] == sha


async def test_cached_rerun_shows_the_producers_log_and_the_cache_can_be_cleared(
    client: TestClient, worker: InProcessWorker
) -> None:
    resp = await client.post(f"{API}/runs", json={"graph": chain()})
    run_id = (await resp.json())["run"]["id"]
    first = await worker.dispatch()
    await worker.log(first, "made by the first run\n")
    await worker.succeed(first)
    await worker.succeed(await worker.dispatch())
    await client.app[keys.ENGINE].flush()
    assert (await (await client.get(f"{API}/runs/{run_id}")).json())["run"]["status"] == "success"

    cache = await (await client.get(f"{API}/cache")).json()
    assert cache["total"] == 2 and {e["run_id"] for e in cache["items"]} == {run_id}

    again = await (await client.post(f"{API}/runs/{run_id}/rerun")).json()
    rerun_id = again["run"]["id"]
    await wait_status(client, rerun_id, "second", "cached")
    detail = await (await client.get(f"{API}/runs/{rerun_id}")).json()
    cached = {n["node_id"]: n for n in detail["node_runs"]}["first"]
    assert cached["status"] == "cached" and cached["cached_from"] == first.node_run_id
    resp = await client.get(f"{API}/runs/{rerun_id}/nodes/first/log")
    assert await resp.text() == "made by the first run\n"

    resp = await client.delete(f"{API}/cache")
    assert await resp.json() == {"deleted": 2}
    assert (await (await client.get(f"{API}/cache")).json())["total"] == 0


async def test_kinds_and_health(client: TestClient) -> None:
    kinds = await (await client.get(f"{API}/kinds")).json()
    by_name = {k["name"]: k for k in kinds}
    assert {"echo", "file", "composite"} <= set(by_name)
    assert by_name["echo"]["code_language"] == "bash" and by_name["file"]["executes"] is False
    assert "artifact" in {p["name"] for p in by_name["file"]["parameters"]}
    health = await (await client.get(f"{API}/health")).json()
    assert health["status"] == "ok" and health["version"]


def greeting_graph() -> dict[str, Any]:
    """A stored-graph document with a graph parameter ``who`` that one node refers to."""
    op = echo_op(inputs=[], parameters=[{"name": "greet", "type": "str", "default": "hi"}])
    return {
        "title": "greeting",
        "parameters": [{"name": "who", "type": "str", "default": "world"}],
        "nodes": [node("hello", op, greet={"ref": "who"})],
        "edges": [],
    }


async def test_graph_parameters_are_stored_given_per_run_and_listed(
    client: TestClient, worker: InProcessWorker
) -> None:
    graph = await (await client.post(f"{API}/graphs", json=greeting_graph())).json()
    assert graph["parameters"][0]["name"] == "who"
    stored = await (await client.get(f"{API}/graphs/{graph['id']}")).json()
    assert stored["parameters"] == graph["parameters"]
    assert stored["nodes"][0]["params"] == {"greet": {"ref": "who"}}

    body = {"graph_id": graph["id"], "parameters": {"who": "banana"}}
    resp = await client.post(f"{API}/runs", json=body)
    assert resp.status == 201, await resp.text()
    run = (await resp.json())["run"]
    assert run["parameters"] == {"who": "banana"}
    assert run["graph"]["nodes"][0]["params"] == {"greet": "banana"}
    d = await worker.dispatch()
    assert d.params == {"greet": "banana"}
    await worker.succeed(d)
    await client.app[keys.ENGINE].flush()

    page = await (await client.get(f"{API}/runs")).json()
    assert page["items"][0]["parameters"] == {"who": "banana"}
    detail = await (await client.get(f"{API}/runs/{run['id']}")).json()
    assert detail["run"]["parameters"] == {"who": "banana"}
    assert detail["run"]["graph"]["parameters"][0]["name"] == "who"


async def test_unknown_or_mistyped_run_parameters_are_400_naming_them(client: TestClient) -> None:
    doc = greeting_graph()
    doc["parameters"].append({"name": "times", "type": "int", "default": 1})
    resp = await client.post(
        f"{API}/runs", json={"graph": doc, "parameters": {"ghost": 1, "times": "many"}}
    )
    assert resp.status == 400
    problems = (await resp.json())["error"]["problems"]
    assert {(p["code"], p["port"]) for p in problems} == {
        ("unknown_parameter", "ghost"),
        ("bad_parameter", "times"),
    }
    assert any("'ghost'" in p["message"] for p in problems)
    resp = await client.post(f"{API}/runs", json={"graph": doc, "parameters": ["who"]})
    assert resp.status == 400
    assert (await (await client.get(f"{API}/runs")).json())["total"] == 0


async def test_a_new_runs_nodes_start_once_the_answer_is_written(
    client: TestClient, worker: InProcessWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a run of 10,000 nodes that started at once kept the loop so busy that its 11 MB answer
    # took three seconds more to go out
    send = runs_api._send
    dispatched_while_answering: list[bool] = []

    def dispatched() -> bool:
        assert worker.session is not None
        waiting = worker.session.outbox._queue  # type: ignore[attr-defined]
        return any(isinstance(message, Dispatch) for message in waiting)

    async def slow_client(request: Any, response: Any) -> None:
        await asyncio.sleep(0.3)  # a client that takes a while to read the answer
        dispatched_while_answering.append(dispatched())
        await send(request, response)

    monkeypatch.setattr(runs_api, "_send", slow_client)
    graph = {"nodes": [node("only", echo_op(inputs=[]))]}
    resp = await client.post(f"{API}/runs", json={"graph": graph})
    assert resp.status == 201
    body = await resp.json()
    assert dispatched_while_answering == [False]
    assert [nr["status"] for nr in body["node_runs"]] == ["pending"]
    d = await worker.dispatch()  # then the run goes on
    await worker.succeed(d)
    await client.app[keys.ENGINE].flush()
    got = await (await client.get(f"{API}/runs/{body['run']['id']}")).json()
    assert got["run"]["status"] == "success"


async def test_a_client_that_never_reads_the_answer_does_not_hold_the_run_back(
    client: TestClient, worker: InProcessWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    send = runs_api._send

    async def stuck_client(request: Any, response: Any) -> None:
        await worker.dispatch(within=5)  # the run starts although the answer is not written
        await send(request, response)

    monkeypatch.setattr(runs_api, "_send", stuck_client)
    monkeypatch.setattr(runs_api, "_HOLD_AT_MOST", 0.2)
    graph = {"nodes": [node("only", echo_op(inputs=[]))]}
    resp = await client.post(f"{API}/runs", json={"graph": graph})
    assert resp.status == 201


async def test_a_client_that_prefers_a_minimal_answer_gets_the_summary_without_the_graph(
    client: TestClient, worker: InProcessWorker
) -> None:
    body = {"graph": chain(), "title": "short"}
    full = await client.post(f"{API}/runs", json=body)
    assert full.status == 201
    assert "Preference-Applied" not in full.headers
    assert {"run", "node_runs"} == set(await full.json())

    for prefer in ("return=minimal", 'respond-async, return="minimal"', "RETURN=minimal; x=1"):
        resp = await client.post(f"{API}/runs", json=body, headers={"Prefer": prefer})
        assert resp.status == 201, prefer
        assert resp.headers["Preference-Applied"] == "return=minimal"
        summary = await resp.json()
        assert "graph" not in summary and "node_runs" not in summary
        assert summary["title"] == "short"
        assert summary["node_count"] == 2
        assert sum(summary["counts"].values()) == 2
        detail = await (await client.get(f"{API}/runs/{summary['id']}")).json()
        assert detail["run"]["status"] == summary["status"]
        assert len(detail["node_runs"]) == 2
    # a preference for the whole answer is the default answer
    other = await client.post(f"{API}/runs", json=body, headers={"Prefer": "return=representation"})
    assert {"run", "node_runs"} == set(await other.json())


async def test_what_the_engine_told_the_store_queries_find(
    client: TestClient, worker: InProcessWorker
) -> None:
    """The engine stores its changes in rounds (FLUSH_INTERVAL apart): a run seen finished
    (live, from the engine) must be in the lists, its metrics, its node runs' lineage and its
    cache entries at once — `plynx.runs(status="success")` right after a wait missed it."""
    client.app[keys.ENGINE]._uow._interval = 2.0  # a round at most every 2 s: the gap is wide
    await client.get(f"{API}/health")  # (the first round goes at once: spend it)
    await client.app[keys.ENGINE].flush()
    resp = await client.post(f"{API}/runs", json={"graph": chain()})
    run_id = (await resp.json())["run"]["id"]
    for _ in range(2):
        d = await worker.dispatch()
        await worker.succeed(d)
    detail = await (await client.get(f"{API}/runs/{run_id}")).json()
    assert detail["run"]["status"] == "success"  # told live, not stored yet

    page = await (await client.get(f"{API}/runs", params={"status": "success"})).json()
    assert [r["id"] for r in page["items"]] == [run_id]
    assert (await (await client.get(f"{API}/cache")).json())["total"] == 2
    out = detail["node_runs"][0]["outputs"]["out"][0]["sha256"]
    lineage = await (await client.get(f"{API}/artifacts/{out}/lineage")).json()
    assert lineage["produced_by"] in {nr["id"] for nr in detail["node_runs"]}
