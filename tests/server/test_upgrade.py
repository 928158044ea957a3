"""``POST /graphs/{id}/upgrade``: nodes on deprecated operations move to their successors,
with what fits carried over and the rest listed as problems; ``dry_run`` stores nothing."""

from __future__ import annotations

from typing import Any

from aiohttp.test_utils import TestClient

from .helpers import echo_op

API = "/api/v1"


async def published(client: TestClient, **fields: Any) -> dict[str, Any]:
    resp = await client.post(f"{API}/operations", json=echo_op(**fields))
    assert resp.status == 201
    op = await resp.json()
    resp = await client.post(f"{API}/operations/{op['id']}/publish")
    assert resp.status == 200
    return dict(await resp.json())


async def new_version(client: TestClient, op: dict[str, Any], **changes: Any) -> dict[str, Any]:
    resp = await client.post(f"{API}/operations/{op['id']}/versions")
    assert resp.status == 201
    draft = await resp.json()
    body = {k: draft[k] for k in ("kind", "title", "inputs", "outputs", "parameters", "code")}
    resp = await client.put(f"{API}/operations/{draft['id']}", json=body | changes)
    assert resp.status == 200, await resp.text()
    resp = await client.post(f"{API}/operations/{draft['id']}/publish")
    assert resp.status == 200, await resp.text()
    return dict(await resp.json())


async def deprecate(client: TestClient, op: dict[str, Any], successor: str | None) -> None:
    resp = await client.post(
        f"{API}/operations/{op['id']}/deprecate", json={"successor_id": successor}
    )
    assert resp.status == 200


async def test_nodes_move_to_the_end_of_the_successor_chain(client: TestClient) -> None:
    params = [
        {"name": "n", "type": "int", "default": 1},
        {"name": "mode", "type": "str", "default": "a"},
        {"name": "gone", "type": "str", "default": ""},
    ]
    v1 = await published(client, parameters=params)
    v2 = await new_version(client, v1)
    v3 = await new_version(
        client,
        v2,
        parameters=[
            {"name": "n", "type": "int", "default": 1},
            {"name": "mode", "type": "int", "default": 0},
        ],
        outputs=[{"name": "result", "type": "text"}],
    )
    await deprecate(client, v1, v2["id"])
    await deprecate(client, v2, v3["id"])
    other = await published(client, title="Other")
    await deprecate(client, other, None)
    graph = {
        "title": "old",
        "nodes": [
            {"id": "a", "operation": v1, "params": {"n": 5, "mode": "x", "gone": "y"}},
            {"id": "b", "operation": v1, "values": {"inp": "typed"}},
            {"id": "c", "operation": other},
        ],
        "edges": [{"src_node": "a", "src_port": "out", "dst_node": "b", "dst_port": "inp"}],
    }
    resp = await client.post(f"{API}/graphs", json=graph)
    assert resp.status == 201
    graph_id = (await resp.json())["id"]

    resp = await client.post(f"{API}/graphs/{graph_id}/upgrade", json={"dry_run": True})
    assert resp.status == 200
    plan = await resp.json()
    assert plan["dry_run"] is True and plan["saved"] is False
    assert [(u["node_id"], u["from_version"], u["to_version"]) for u in plan["upgraded"]] == [
        ("a", 1, 3),
        ("b", 1, 3),
    ]
    messages = {(p["node_id"], p["message"]) for p in plan["problems"]}
    assert ("a", "parameter 'gone' is gone; its value 'y' was dropped") in messages
    assert ("a", "parameter 'mode' is now int (was str); its value 'x' was dropped") in messages
    assert ("b", "edge a.out -> b.inp was removed: output 'out' of a is gone") in messages
    assert any(n == "c" and "no successor" in m for n, m in messages)
    assert len(messages) == 4
    stored = await (await client.get(f"{API}/graphs/{graph_id}")).json()
    assert stored["nodes"][0]["operation"]["id"] == v1["id"]  # nothing stored yet

    resp = await client.post(f"{API}/graphs/{graph_id}/upgrade")
    assert resp.status == 200
    done = await resp.json()
    assert done["saved"] is True
    stored = await (await client.get(f"{API}/graphs/{graph_id}")).json()
    nodes = {n["id"]: n for n in stored["nodes"]}
    assert nodes["a"]["operation"]["id"] == v3["id"] and nodes["a"]["params"] == {"n": 5}
    assert nodes["b"]["values"] == {"inp": "typed"}
    assert nodes["c"]["operation"]["id"] == other["id"]
    assert stored["edges"] == []

    # nothing left to move: nothing stored
    again = await (await client.post(f"{API}/graphs/{graph_id}/upgrade")).json()
    assert again["upgraded"] == [] and again["saved"] is False


async def test_bad_upgrade_requests_are_refused(client: TestClient) -> None:
    assert (await client.post(f"{API}/graphs/nope/upgrade")).status == 404
    resp = await client.post(f"{API}/graphs", json={"title": "g"})
    graph_id = (await resp.json())["id"]
    resp = await client.post(f"{API}/graphs/{graph_id}/upgrade", json={"dry": True})
    assert resp.status == 400
    assert "dry" in (await resp.json())["error"]["message"]
