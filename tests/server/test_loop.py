"""The event loop stays responsive: the loop-lag monitor in ``/health``, list endpoints that
return summaries instead of whole documents, large graphs validated in slices, and the heap
frozen while a large run is active."""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import time
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from plynx.engine import transitions
from plynx.server import heap, keys
from plynx.server.api.graph_body import LARGE_BODY
from plynx.server.snapshots import encode_event
from plynx.settings import Settings

from .conftest import MakeClient
from .helpers import InProcessWorker, echo_op, node

API = "/api/v1"


async def test_health_reports_loop_lag_and_a_stall_is_logged(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    await asyncio.sleep(0.2)  # a few samples
    before = (await (await client.get(f"{API}/health")).json())["loop"]
    assert before["samples"] >= 1 and before["stall_threshold_ms"] == 100.0

    with caplog.at_level(logging.WARNING, logger="plynx.server.looplag"):
        for _ in range(2):  # the first stall makes the watcher look closely at the next
            time.sleep(0.3)  # noqa: ASYNC251 -- block the loop the server shares, as a slow handler would
            await asyncio.sleep(0.2)
    after = (await (await client.get(f"{API}/health")).json())["loop"]
    assert after["stalls"] == before["stalls"] + 2
    assert after["max_ms"] >= 250
    assert after["p99_ms"] >= 250
    stalls = [r.getMessage() for r in caplog.records if "event loop stalled" in r.getMessage()]
    assert len(stalls) == 2
    assert "test_loop.py" in stalls[1]  # the log names the code that held the loop


async def test_graph_list_items_are_summaries_without_nodes(client: TestClient) -> None:
    graph = {
        "title": "two nodes",
        "description": "listed",
        "nodes": [node("a", echo_op(inputs=[])), node("b", echo_op())],
        "edges": [{"src_node": "a", "src_port": "out", "dst_node": "b", "dst_port": "inp"}],
    }
    created = await (await client.post(f"{API}/graphs", json=graph)).json()

    page = await (await client.get(f"{API}/graphs")).json()
    assert page["total"] == 1
    [item] = page["items"]
    assert "nodes" not in item and "edges" not in item
    assert item["id"] == created["id"]
    assert (item["title"], item["description"]) == ("two nodes", "listed")
    assert (item["node_count"], item["edge_count"]) == (2, 1)
    assert item["updated_at"] == created["updated_at"]

    whole = await (await client.get(f"{API}/graphs/{created['id']}")).json()
    assert [n["id"] for n in whole["nodes"]] == ["a", "b"]


def large_graph(count: int) -> dict[str, Any]:
    """``count`` independent nodes, padded so that the body is over the slicing threshold."""
    operation = echo_op(inputs=[], description="padding " * 40)
    return {"title": "large", "nodes": [node(f"n{i}", operation) for i in range(count)]}


async def test_large_graph_bodies_are_validated_in_slices_with_every_problem(
    client: TestClient,
) -> None:
    graph = large_graph(1500)
    graph["edges"] = [{"src_node": "n1", "src_port": "bad port", "dst_node": "n2"}]
    graph["nodes"][1234]["operation"] = {"kind": "echo", "inputs": "not a list"}
    assert len(json.dumps(graph)) > LARGE_BODY

    for path, body, where in (
        ("/graphs", graph, ""),
        ("/graphs/validate", graph, ""),
        ("/runs", {"graph": graph}, "graph."),
    ):
        resp = await client.post(f"{API}{path}", json=body)
        assert resp.status == 400, path
        error = (await resp.json())["error"]
        fields = {p["field"] for p in error["problems"]}
        assert {
            f"{where}nodes.1234.operation.inputs",
            f"{where}edges.0.src_port",
            f"{where}edges.0.dst_port",
        } <= fields, (path, fields)
        assert f"{where}nodes.1234.operation.inputs" in error["message"]
    assert (await (await client.get(f"{API}/graphs")).json())["total"] == 0

    good = large_graph(1500)
    resp = await client.post(f"{API}/graphs", json=good)
    assert resp.status == 201
    stored = await (await client.get(f"{API}/graphs/{(await resp.json())['id']}")).json()
    assert [n["id"] for n in stored["nodes"]] == [n["id"] for n in good["nodes"]]
    assert stored["nodes"][-1]["operation"]["description"] == "padding " * 40
    result = await (await client.post(f"{API}/graphs/validate", json=good)).json()
    assert result == {"ok": True, "problems": []}


async def test_a_large_inline_graph_runs_with_the_parameters_given(client: TestClient) -> None:
    """A body read in slices keeps every field of the request, its run parameters too."""
    graph = large_graph(1500)
    graph["parameters"] = [{"name": "who", "type": "str", "default": "world"}]
    op = echo_op(inputs=[], parameters=[{"name": "greet", "type": "str", "default": "hi"}])
    graph["nodes"][0] = node("n0", op, greet={"ref": "who"})
    body = {"graph": graph, "title": "sliced", "parameters": {"who": "banana"}}
    assert len(json.dumps(body)) > LARGE_BODY
    resp = await client.post(f"{API}/runs", json=body)
    assert resp.status == 201, await resp.text()
    run = (await resp.json())["run"]
    assert run["title"] == "sliced" and run["parameters"] == {"who": "banana"}
    assert run["graph"]["nodes"][0]["params"]["greet"] == "banana"
    await client.post(f"{API}/runs/{run['id']}/cancel")


async def test_heap_is_frozen_while_a_large_run_is_active(
    make_client: MakeClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(heap, "_CHECK_INTERVAL", 0.05)
    client = await make_client(settings)
    client.app[heap.HEAP].large = 3
    worker = InProcessWorker(client.app[keys.ENGINE])
    await worker.connect()
    resp = await client.post(f"{API}/runs", json={"graph": large_graph(3)})
    assert resp.status == 201
    assert client.app[heap.HEAP].frozen and gc.get_freeze_count() > 0

    # what the running large run creates meanwhile is frozen too, every few seconds
    survivors = [[i] for i in range(1000)]  # (lists: always tracked by the collector)
    frozen = gc.get_freeze_count()
    async with asyncio.timeout(10):
        while gc.get_freeze_count() < frozen + len(survivors):
            await asyncio.sleep(0.02)

    for _ in range(3):
        await worker.succeed(await worker.dispatch())
    engine = client.app[keys.ENGINE]
    async with asyncio.timeout(10):
        while engine.active_node_runs():
            await asyncio.sleep(0.02)
    await asyncio.sleep(0.2)
    # the finished run is still held for its clients: a collection would walk it
    assert client.app[heap.HEAP].frozen and engine.held_node_runs() == 3

    monkeypatch.setattr(transitions, "_RECENT_RUNS", 1)
    resp = await client.post(f"{API}/runs", json={"graph": large_graph(1)})
    assert resp.status == 201  # (its node comes from the cache: the large run ran it)
    async with asyncio.timeout(10):
        while client.app[heap.HEAP].frozen:  # the large run is forgotten: unfrozen
            await asyncio.sleep(0.02)
    assert gc.get_freeze_count() == 0 and engine.held_node_runs() == 1
    del survivors


def test_events_are_encoded_once_and_text_the_fast_encoder_refuses_still_goes_out() -> None:
    event = {"type": "log", "data": "half a pair: \ud800", "offset": 0}
    text = encode_event(event)
    assert json.loads(text) == event
    assert encode_event(event) is text  # fifty followers, one encoding
