"""Graphs through the REST API: save work in progress, edit, clone, validate."""

from __future__ import annotations

from typing import Any

from aiohttp.test_utils import TestClient

from .helpers import echo_op, node

API = "/api/v1"


def broken_graph() -> dict[str, Any]:
    """A graph with one of each problem: a cycle, an unknown kind, a missing required input,
    a type mismatch and an unknown parameter."""
    json_in = echo_op(inputs=[{"name": "inp", "type": "json"}])
    return {
        "title": "broken",
        "nodes": [
            node("a", echo_op(), bogus=1),  # unknown parameter; its input is fed by c
            node("b", echo_op()),
            node("c", echo_op()),
            node("d", {"kind": "nope"}),  # unknown kind
            node("e", echo_op()),  # required input with no edge
            node("f", json_in),
        ],
        "edges": [
            {"src_node": "a", "src_port": "out", "dst_node": "b", "dst_port": "inp"},
            {"src_node": "b", "src_port": "out", "dst_node": "c", "dst_port": "inp"},
            {"src_node": "c", "src_port": "out", "dst_node": "a", "dst_port": "inp"},
            {"src_node": "a", "src_port": "out", "dst_node": "f", "dst_port": "inp"},  # text->json
        ],
    }


async def test_save_invalid_graph_then_edit_and_clone(client: TestClient) -> None:
    resp = await client.post(f"{API}/graphs", json=broken_graph())
    assert resp.status == 201, await resp.text()
    graph = await resp.json()
    assert len(graph["id"]) == 32 and graph["created_at"]

    edited = {**broken_graph(), "title": "fixed", "nodes": [node("x", echo_op())], "edges": []}
    resp = await client.put(f"{API}/graphs/{graph['id']}", json=edited)
    assert resp.status == 200
    assert (await resp.json())["title"] == "fixed"
    got = await (await client.get(f"{API}/graphs/{graph['id']}")).json()
    assert [n["id"] for n in got["nodes"]] == ["x"]
    assert got["created_at"] == graph["created_at"]

    resp = await client.post(f"{API}/graphs/{graph['id']}/clone")
    assert resp.status == 201
    clone = await resp.json()
    assert clone["id"] != graph["id"] and clone["title"] == "fixed (copy)"
    assert clone["nodes"] == got["nodes"]

    page = await (await client.get(f"{API}/graphs", params={"q": "fixed"})).json()
    assert page["total"] == 2
    assert (await client.get(f"{API}/graphs/nope")).status == 404
    assert (await client.put(f"{API}/graphs/nope", json=edited)).status == 404


async def test_malformed_graph_is_refused(client: TestClient) -> None:
    bad = {"nodes": [{"id": "a"}], "edges": [{"src_node": "a", "src_port": "x y"}]}
    resp = await client.post(f"{API}/graphs", json=bad)
    assert resp.status == 400
    fields = {p["field"] for p in (await resp.json())["error"]["problems"]}
    assert {"nodes.0.operation", "edges.0.src_port", "edges.0.dst_node"} <= fields


async def test_validate_lists_every_problem_at_once(client: TestClient) -> None:
    resp = await client.post(f"{API}/graphs/validate", json=broken_graph())
    assert resp.status == 200
    result = await resp.json()
    assert result["ok"] is False
    found = {(p["code"], p["node"]) for p in result["problems"]}
    assert ("unknown_parameter", "a") in found
    assert ("unknown_kind", "d") in found
    assert ("missing_input", "e") in found
    assert ("type_mismatch", "f") in found
    assert "cycle" in {code for code, _ in found}
    for problem in result["problems"]:
        assert problem["message"]


async def test_validate_a_good_graph(client: TestClient) -> None:
    graph = {
        "nodes": [node("a", echo_op(inputs=[])), node("b", echo_op())],
        "edges": [{"src_node": "a", "src_port": "out", "dst_node": "b", "dst_port": "inp"}],
    }
    result = await (await client.post(f"{API}/graphs/validate", json=graph)).json()
    assert result == {"ok": True, "problems": []}
