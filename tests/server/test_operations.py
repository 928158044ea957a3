"""Operations through the REST API: CRUD, search, paging, and the draft → ready → deprecated
life cycle."""

from __future__ import annotations

from typing import Any

from aiohttp.test_utils import TestClient

from .helpers import echo_op

API = "/api/v1"


async def create(client: TestClient, **fields: Any) -> dict[str, Any]:
    resp = await client.post(f"{API}/operations", json=echo_op(**fields))
    assert resp.status == 201, await resp.text()
    return dict(await resp.json())


async def test_create_sets_identity_and_ignores_client_fields(client: TestClient) -> None:
    op = await create(client, id="mine", status="ready", version=7, title="Count words")
    assert op["id"] != "mine" and len(op["id"]) == 32
    assert op["status"] == "draft" and op["version"] == 1
    assert op["created_at"] and op["updated_at"]
    resp = await client.get(f"{API}/operations/{op['id']}")
    assert resp.status == 200
    assert (await resp.json())["title"] == "Count words"


async def test_unknown_operation_is_404_json(client: TestClient) -> None:
    resp = await client.get(f"{API}/operations/nope")
    assert resp.status == 404
    body = await resp.json()
    assert body["error"]["code"] == "not_found" and "nope" in body["error"]["message"]


async def test_invalid_body_lists_every_field(client: TestClient) -> None:
    resp = await client.post(
        f"{API}/operations", json={"title": 3, "inputs": [{"name": "1bad"}], "bogus": True}
    )
    assert resp.status == 400
    error = (await resp.json())["error"]
    fields = {p["field"] for p in error["problems"]}
    assert {"kind", "title", "inputs.0.name", "bogus"} <= fields


async def test_update_only_while_draft(client: TestClient) -> None:
    op = await create(client)
    resp = await client.put(f"{API}/operations/{op['id']}", json=echo_op(title="Renamed"))
    assert resp.status == 200
    updated = await resp.json()
    assert updated["title"] == "Renamed" and updated["id"] == op["id"]
    assert updated["created_at"] == op["created_at"]

    assert (await client.post(f"{API}/operations/{op['id']}/publish")).status == 200
    resp = await client.put(f"{API}/operations/{op['id']}", json=echo_op(title="Again"))
    assert resp.status == 409
    error = (await resp.json())["error"]
    assert error["code"] == "conflict" and "versions" in error["message"]
    assert (await (await client.get(f"{API}/operations/{op['id']}")).json())["title"] == "Renamed"


async def test_publish_runs_the_kind_check(client: TestClient) -> None:
    op = await create(
        client,
        code="",
        parameters=[{"name": "n", "type": "int", "default": "many"}],
        outputs=[{"name": "out"}, {"name": "out"}],
    )
    resp = await client.post(f"{API}/operations/{op['id']}/publish")
    assert resp.status == 400
    problems = (await resp.json())["error"]["problems"]
    messages = " | ".join(p["message"] for p in problems)
    assert "needs code" in messages
    assert {"duplicate_name", "bad_parameter", "invalid_operation"} <= {p["code"] for p in problems}
    assert (await (await client.get(f"{API}/operations/{op['id']}")).json())["status"] == "draft"


async def test_publish_unknown_kind(client: TestClient) -> None:
    op = await create(client, kind="no_such_kind")
    resp = await client.post(f"{API}/operations/{op['id']}/publish")
    assert resp.status == 400
    assert [p["code"] for p in (await resp.json())["error"]["problems"]] == ["unknown_kind"]


async def test_versions_and_deprecation(client: TestClient) -> None:
    op = await create(client)
    assert (await client.post(f"{API}/operations/{op['id']}/publish")).status == 200
    resp = await client.post(f"{API}/operations/{op['id']}/versions")
    assert resp.status == 201
    v2 = await resp.json()
    assert v2["version"] == 2 and v2["parent_id"] == op["id"] and v2["status"] == "draft"
    assert v2["code"] == op["code"]

    # a draft cannot be deprecated; a published one can, naming its successor
    assert (await client.post(f"{API}/operations/{v2['id']}/deprecate")).status == 409
    resp = await client.post(
        f"{API}/operations/{op['id']}/deprecate", json={"successor_id": "missing"}
    )
    assert resp.status == 400
    resp = await client.post(
        f"{API}/operations/{op['id']}/deprecate", json={"successor_id": v2["id"]}
    )
    assert resp.status == 200
    deprecated = await resp.json()
    assert deprecated["status"] == "deprecated" and deprecated["successor_id"] == v2["id"]
    assert (await client.post(f"{API}/operations/{op['id']}/publish")).status == 409


async def test_search_filters_and_pages(client: TestClient) -> None:
    for i in range(5):
        await create(client, title=f"alpha {i}")
    published = await create(client, title="beta report", description="counts words")
    await client.post(f"{API}/operations/{published['id']}/publish")

    page = await (await client.get(f"{API}/operations", params={"q": "alpha"})).json()
    assert page["total"] == 5 and len(page["items"]) == 5
    page = await (
        await client.get(f"{API}/operations", params={"q": "alpha", "limit": 2, "offset": 4})
    ).json()
    assert page["total"] == 5 and len(page["items"]) == 1
    assert page["offset"] == 4 and page["limit"] == 2
    page = await (await client.get(f"{API}/operations", params={"q": "WORDS"})).json()
    assert [o["id"] for o in page["items"]] == [published["id"]]
    page = await (await client.get(f"{API}/operations", params={"status": "ready"})).json()
    assert [o["id"] for o in page["items"]] == [published["id"]]
    page = await (await client.get(f"{API}/operations", params={"kind": "file"})).json()
    assert page["total"] == 0


async def test_bad_query_parameters_are_400(client: TestClient) -> None:
    for params in ({"limit": "ten"}, {"limit": "0"}, {"offset": "-1"}, {"status": "done"}):
        resp = await client.get(f"{API}/operations", params=params)
        assert resp.status == 400, params
        assert next(iter(params)) in (await resp.json())["error"]["message"]


async def test_a_composite_with_unused_or_dangling_parameter_references_is_not_published(
    client: TestClient,
) -> None:
    inner = echo_op(inputs=[], parameters=[{"name": "greet", "type": "str", "default": "hi"}])
    body = {
        "nodes": [{"id": "say", "operation": inner, "params": {"greet": {"ref": "wrod"}}}],
        "edges": [],
    }
    composite = {
        "kind": "composite",
        "title": "Say a word",
        "parameters": [{"name": "word", "type": "str", "default": "apple"}],
        "outputs": [{"name": "out", "type": "text"}],
        "output_bindings": {"out": "say.out"},
        "body": body,
    }
    resp = await client.post(f"{API}/operations", json=composite)
    assert resp.status == 201, await resp.text()
    op = await resp.json()
    resp = await client.post(f"{API}/operations/{op['id']}/publish")
    assert resp.status == 400
    found = {(p["code"], p["node"], p["port"]) for p in (await resp.json())["error"]["problems"]}
    assert found == {("unknown_reference", "say", "greet"), ("unused_parameter", None, "word")}

    body["nodes"][0]["params"] = {"greet": {"ref": "word"}}
    resp = await client.put(f"{API}/operations/{op['id']}", json=composite)
    assert resp.status == 200, await resp.text()
    assert (await client.post(f"{API}/operations/{op['id']}/publish")).status == 200
