"""The event loop stays responsive: the loop-lag monitor in ``/health`` and list endpoints that
return summaries instead of whole documents."""

from __future__ import annotations

import asyncio
import logging
import time

import pytest
from aiohttp.test_utils import TestClient

from .helpers import echo_op, node

API = "/api/v1"


async def test_health_reports_loop_lag_and_a_stall_is_logged(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    await asyncio.sleep(0.2)  # a few samples
    before = (await (await client.get(f"{API}/health")).json())["loop"]
    assert before["samples"] >= 1 and before["stall_threshold_ms"] == 100.0

    with caplog.at_level(logging.WARNING, logger="plynx.server.looplag"):
        time.sleep(0.3)  # noqa: ASYNC251 -- block the loop the server shares, as a slow handler would
        await asyncio.sleep(0.2)
    after = (await (await client.get(f"{API}/health")).json())["loop"]
    assert after["stalls"] == before["stalls"] + 1
    assert after["max_ms"] >= 250
    assert after["p99_ms"] >= 250
    [stall] = [r.getMessage() for r in caplog.records if "event loop stalled" in r.getMessage()]
    assert "test_loop.py" in stall  # the log names the code that held the loop


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
