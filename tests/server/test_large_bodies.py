"""Large graph bodies are parsed a slice at a time: the loop keeps answering meanwhile, and what
is refused (and where) and what is kept is what a small body gets."""

from __future__ import annotations

import asyncio
import gc
import io
import json
import time
from collections.abc import AsyncIterator
from typing import Any

import pydantic_core
import pytest
from aiohttp.test_utils import TestClient

from plynx.collector import FullCollections
from plynx.model import Graph
from plynx.server.api.graph_body import LARGE_BODY

from .helpers import echo_op, node

API = "/api/v1"
_JSON = {"Content-Type": "application/json"}


def layered(layers: int, width: int) -> dict[str, Any]:
    """``layers`` x ``width`` nodes of one operation, each fed by two of the layer before."""
    inputs = [{"name": "inp", "type": "text", "is_array": True, "min_count": 0}]
    operation = echo_op(inputs=inputs, parameters=[{"name": "n", "type": "str", "default": ""}])
    nodes, edges = [], []
    for layer in range(layers):
        for i in range(width):
            nodes.append(node(f"n{layer}_{i}", operation, n=f"{layer}.{i}"))
            for parent in {i, (i + 1) % width} if layer else ():
                edges.append(
                    {
                        "src_node": f"n{layer - 1}_{parent}",
                        "src_port": "out",
                        "dst_node": f"n{layer}_{i}",
                        "dst_port": "inp",
                    }
                )
    return {"title": "layered", "nodes": nodes, "edges": edges}


def padded(graph: dict[str, Any]) -> dict[str, Any]:
    """``graph`` with independent nodes added after its own, until its body is large."""
    filler = echo_op(inputs=[], description="padding " * 40)
    count = LARGE_BODY // 400
    nodes = [*graph.get("nodes", []), *(node(f"pad{i}", filler) for i in range(count))]
    return {**graph, "nodes": nodes}


async def _error(resp: Any, status: int = 400) -> str:
    assert resp.status == status, await resp.text()
    return str((await resp.json())["error"]["message"])


def _column(message: str) -> int:
    return int(message.split(" column ", 1)[1].split(")", 1)[0].split(maxsplit=1)[0])


async def _chunks(body: bytes) -> AsyncIterator[bytes]:
    for start in range(0, len(body), 256 * 1024):
        yield body[start : start + 256 * 1024]


class Ticker:
    """Wakes every millisecond on the loop the server shares; keeps the longest gap in the
    process's CPU time (every thread's: a parser call in a thread holds the loop as well; a
    busy machine that makes the process wait is not the loop being held)."""

    def __init__(self) -> None:
        self.longest = 0.0

    async def run(self) -> None:
        last = time.process_time()
        while True:
            await asyncio.sleep(0.001)
            now = time.process_time()
            self.longest = max(self.longest, now - last)
            last = now


@pytest.mark.parametrize("sent", ["whole", "in chunks"])
async def test_the_loop_keeps_answering_while_a_large_graph_is_submitted(
    client: TestClient, sent: str
) -> None:
    graph = layered(40, 500)  # 20,000 nodes, 39,000 edges
    body = json.dumps({"graph": graph}).encode()
    start = time.process_time()
    pydantic_core.from_json(body)  # how long one parser call holds the loop, on this machine
    whole = time.process_time() - start
    held = []
    for _ in range(3):  # a busy machine may stop the process once; a parser call holds it always
        ticker = Ticker()
        ticking = asyncio.ensure_future(ticker.run())
        try:
            data: Any = io.BytesIO(body) if sent == "whole" else _chunks(body)  # no length given
            resp = await client.post(
                f"{API}/runs", data=data, headers={**_JSON, "Prefer": "return=minimal"}
            )
            assert resp.status == 201, await resp.text()
        finally:
            ticking.cancel()
        held.append(ticker.longest)
        if ticker.longest < whole / 2:
            break
    # read whole (one parser call, in a thread or not), it held the loop as long as `whole`
    assert min(held) < whole / 2, (
        f"the loop was held {', '.join(f'{h * 1000:.0f}' for h in held)}ms "
        f"(one parse: {whole * 1000:.0f}ms)"
    )
    run = await (await client.get(f"{API}/runs/{(await resp.json())['id']}")).json()
    assert len(run["run"]["graph"]["nodes"]) == 20_000
    assert run["run"]["graph"]["nodes"][-1]["params"] == {"n": "39.499"}
    assert len(run["run"]["graph"]["edges"]) == 39_000


async def test_a_large_graph_saved_validated_and_read_back_starts_no_full_collection(
    client: TestClient,
) -> None:
    # building a graph's models (from the body, or from the store) makes the collector walk the
    # whole heap again and again: it stays off while a request uses a large graph, and runs
    # again once it is answered
    graph = layered(20, 500)  # 10,000 nodes, 9,500 edges
    body = json.dumps(graph).encode()
    edited = json.dumps({**graph, "title": "edited"}).encode()
    raw: dict[str, bytes] = {}
    gc.collect()  # the test's own new objects would count towards the next full collection
    with FullCollections() as full:
        resp = await client.post(f"{API}/graphs/validate", data=io.BytesIO(body), headers=_JSON)
        assert resp.status == 200, await resp.text()
        raw["validate"] = await resp.read()
        resp = await client.post(f"{API}/graphs", data=io.BytesIO(body), headers=_JSON)
        assert resp.status == 201
        raw["create"] = await resp.read()
        listed = await (await client.get(f"{API}/graphs")).json()
        graph_id = listed["items"][0]["id"]
        resp = await client.get(f"{API}/graphs/{graph_id}")
        assert resp.status == 200
        raw["get"] = await resp.read()
        resp = await client.put(f"{API}/graphs/{graph_id}", data=io.BytesIO(edited), headers=_JSON)
        assert resp.status == 200
        raw["update"] = await resp.read()
        assert full.count == 0
    assert gc.isenabled()  # every request answered: the collector runs again
    assert json.loads(raw["validate"]) == {"ok": True, "problems": []}
    sent = Graph.model_validate({"nodes": graph["nodes"], "edges": graph["edges"]})
    for name in ("create", "get", "update"):
        answer = json.loads(raw[name])
        assert answer["id"] == graph_id, name
        got = Graph.model_validate({"nodes": answer["nodes"], "edges": answer["edges"]})
        assert got == sent, name
    assert answer["title"] == "edited"


@pytest.mark.parametrize("indent", [None, 1])
async def test_malformed_json_in_a_large_body_says_where(client: TestClient, indent: int) -> None:
    text = json.dumps(padded({"title": "g"}), indent=indent)
    marker = '"pad1234"'
    at = text.index(marker) + len(marker)
    text = text[:at] + " oops" + text[at:]
    line = text.count("\n", 0, at + 1) + 1
    column = at + 1 - text.rfind("\n", 0, at + 1)
    resp = await client.post(f"{API}/graphs", data=text, headers=_JSON)
    message = await _error(resp)
    assert "the request body is not valid JSON" in message
    assert f"at line {line} column {column}" in message
    resp = await client.post(f"{API}/graphs", data=text[:-1], headers=_JSON)  # cut short
    assert "the request body is not valid JSON" in await _error(resp)
    resp = await client.post(f"{API}/graphs", data=text.replace(" oops", "") + "]", headers=_JSON)
    assert "trailing characters" in await _error(resp)
    assert (await (await client.get(f"{API}/graphs")).json())["total"] == 0


async def test_lone_surrogates_in_a_large_body_are_refused_and_pairs_kept(
    client: TestClient,
) -> None:
    for where in ("node", "shell"):
        graph = padded({"title": "g", "nodes": [node("a", echo_op(inputs=[]))]})
        text = json.dumps(graph)
        if where == "node":
            text = text.replace('"Echo"', '"half \\ud800 a pair"', 1)
        else:  # after the nodes array: read with the small bodies' rules, located in the body
            text = text[:-1] + ', "description": "\\udfff"}'
        resp = await client.post(f"{API}/graphs", data=text, headers=_JSON)
        message = await _error(resp)
        assert "lone surrogate" in message, message
        if where == "node":
            assert "nodes.0" in message
        else:
            small = '{"nodes": [], "description": "\\udfff"}'
            small_resp = await client.post(f"{API}/graphs", data=small, headers=_JSON)
            # the column the parser names, relative to the escape: the same in both bodies
            after = _column(await _error(small_resp)) - small.index("\\udfff")
            assert _column(message) == text.index("\\udfff") + after

    text = json.dumps(padded({"title": "g", "nodes": [node("a", echo_op(inputs=[]))]}))
    text = text.replace('"Echo"', '"\\ud83d\\ude00"', 1)
    resp = await client.post(f"{API}/graphs", data=text, headers=_JSON)
    assert resp.status == 201, await resp.text()
    assert (await resp.json())["nodes"][0]["operation"]["title"] == "\U0001f600"


@pytest.mark.parametrize("large", [False, True])
async def test_nesting_limit_of_a_large_body_is_that_of_a_small_one(
    client: TestClient, large: bool
) -> None:
    # body {, nodes [, node {, params {: four levels around the value
    for levels, status in ((197, 201), (198, 400)):
        deep = json.loads("[" * levels + "]" * levels)
        graph = {"title": "g", "nodes": [node("a", echo_op(inputs=[]), deep=deep)]}
        body = json.dumps(padded(graph) if large else graph)
        assert (len(body) > LARGE_BODY) is large
        resp = await client.post(f"{API}/graphs", data=body, headers=_JSON)
        if status == 400:
            assert "nests deeper than 200 levels" in await _error(resp)
        else:
            assert resp.status == 201, await resp.text()


async def test_the_last_of_repeated_keys_counts_in_a_large_body(client: TestClient) -> None:
    big = json.dumps(padded({})["nodes"])
    small = json.dumps([node("last", echo_op(inputs=[]))])
    text = '{"nodes": ' + small + ', "title": "g", "nodes": ' + big + "}"
    resp = await client.post(f"{API}/graphs", data=text, headers=_JSON)
    assert resp.status == 201
    assert (await resp.json())["nodes"][0]["id"] == "pad0"
    text = '{"nodes": ' + big + ', "title": "g", "nodes": ' + small + "}"
    resp = await client.post(f"{API}/graphs", data=text, headers=_JSON)
    assert [n["id"] for n in (await resp.json())["nodes"]] == ["last"]

    run = {"graph": {"nodes": json.loads(big), "title": "first"}, "graph_id": None}
    text = json.dumps(run)[:-1] + ', "graph": {"title": "second"}}'
    resp = await client.post(f"{API}/runs", data=text, headers=_JSON)
    assert resp.status == 201, await resp.text()
    assert (await resp.json())["run"]["graph"]["nodes"] == []


async def test_operations_shared_in_a_large_body_keep_their_own_values(
    client: TestClient,
) -> None:
    """Nodes with identical operations share one; ``1``, ``1.0`` and ``true`` are not
    identical."""
    nodes = []
    for i, default in enumerate([1, 1.0, True, 1, 1.0, True]):
        parameters = [{"name": "p", "type": "str", "default": default}]
        nodes.append(node(f"a{i}", echo_op(inputs=[], parameters=parameters)))
    resp = await client.post(f"{API}/graphs", json=padded({"title": "g", "nodes": nodes}))
    assert resp.status == 201, await resp.text()
    text = await resp.text()
    stored = json.loads(text)["nodes"][:6]
    defaults = [n["operation"]["parameters"][0]["default"] for n in stored]
    assert [type(d) for d in defaults] == [int, float, bool, int, float, bool]


async def test_edges_of_a_large_body_are_read_as_carefully_as_its_nodes(
    client: TestClient,
) -> None:
    """Edges (objects of plain values) are parsed many at a time: what one of them breaks is
    found and named all the same."""
    graph = layered(5, 250)
    text = json.dumps(graph)
    assert len(text) > LARGE_BODY
    middle = len(graph["edges"]) // 2
    edge = json.dumps(graph["edges"][middle])
    at = text.index(edge)

    def with_middle(replacement: str) -> str:
        return text[:at] + replacement + text[at + len(edge) :]

    broken = with_middle(edge.replace(', "dst_node"', ' "dst_node"'))
    message = await _error(await client.post(f"{API}/graphs", data=broken, headers=_JSON))
    where = at + edge.index(' "dst_node"')  # (the parser names the blank before it)
    assert f"Expecting ',' delimiter at line 1 column {where + 1}" in message, message

    lone = with_middle(edge.replace('"out"', '"\\udc00"'))
    message = await _error(await client.post(f"{API}/graphs", data=lone, headers=_JSON))
    assert "lone surrogate" in message and f"edges.{middle}" in message

    deep = with_middle(edge[:-1] + ', "x": ' + "[" * 199 + "]" * 199 + "}")
    message = await _error(await client.post(f"{API}/graphs", data=deep, headers=_JSON))
    assert "nests deeper than 200 levels" in message

    # a "}" in a string, where an edge might have ended: kept as it is
    source = graph["edges"][middle]["src_node"]
    braces = with_middle(edge.replace(f'"{source}"', '"a}, {b"'))
    resp = await client.post(f"{API}/graphs", data=braces, headers=_JSON)
    assert resp.status == 201, await resp.text()
    stored = (await resp.json())["edges"]
    assert stored[middle] == {**graph["edges"][middle], "src_node": "a}, {b"}
    assert stored[:middle] == graph["edges"][:middle]
    assert stored[middle + 1 :] == graph["edges"][middle + 1 :]


async def test_a_large_body_that_is_not_an_object_is_refused_at_once(client: TestClient) -> None:
    items = "[" + ", ".join(["1"] * 250_000) + "]"
    for text, expected in (
        (items, "(body): Input should be an object"),
        ("  \n" + items.replace("[", "{", 1), "not valid JSON"),
        ("\n  x" + items, "not valid JSON: expected value at line 2 column 3"),
        (" " * (LARGE_BODY + 1), "the request needs a JSON body"),
    ):
        assert len(text) > LARGE_BODY
        for path in ("/graphs", "/runs"):
            resp = await client.post(f"{API}{path}", data=text, headers=_JSON)
            assert expected in await _error(resp), path
