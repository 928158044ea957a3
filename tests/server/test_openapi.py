"""The OpenAPI document describes every route the app serves."""

from __future__ import annotations

from aiohttp.test_utils import TestClient


async def test_every_api_route_is_documented(client: TestClient) -> None:
    resp = await client.get("/api/v1/openapi.json")
    assert resp.status == 200
    doc = await resp.json()
    assert doc["openapi"].startswith("3.1")
    registered = {
        (route.method.lower(), route.resource.canonical)
        for route in client.app.router.routes()
        if route.resource is not None
        and route.resource.canonical.startswith("/api/v1")
        and route.method != "HEAD"
    }
    documented = {(method, path) for path, item in doc["paths"].items() for method in item}
    assert registered == documented
    assert len(registered) > 25


async def test_references_resolve(client: TestClient) -> None:
    doc = await (await client.get("/api/v1/openapi.json")).json()
    schemas = doc["components"]["schemas"]
    assert {"Operation", "Graph", "RunDetail", "RunSummary", "ErrorBody", "GraphIssue"} <= set(
        schemas
    )

    def refs(value: object) -> list[str]:
        if isinstance(value, dict):
            found = [value["$ref"]] if "$ref" in value else []
            return found + [r for v in value.values() for r in refs(v)]
        if isinstance(value, list):
            return [r for v in value for r in refs(v)]
        return []

    for ref in refs(doc):
        assert ref.startswith("#/components/schemas/")
        assert ref.removeprefix("#/components/schemas/") in schemas, ref
    create = doc["paths"]["/api/v1/operations"]["post"]
    assert create["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "Operation"
    )
    assert "201" in create["responses"] and "400" in create["responses"]


async def test_the_schema_states_what_the_server_enforces(client: TestClient) -> None:
    doc = await (await client.get("/api/v1/openapi.json")).json()
    params = {
        (path, method, p["name"]): p["schema"]
        for path, item in doc["paths"].items()
        for method, operation in item.items()
        for p in operation["parameters"]
    }
    sha = params[("/api/v1/artifacts/{sha256}", "get", "sha256")]
    assert sha["pattern"] == "^[0-9a-f]{64}$"
    assert params[("/api/v1/artifacts", "post", "sha256")]["pattern"] == sha["pattern"]
    for path in ("/api/v1/graphs", "/api/v1/runs", "/api/v1/operations", "/api/v1/cache"):
        assert params[(path, "get", "limit")] | {"default": 50} == {
            "type": "integer",
            "default": 50,
            "minimum": 1,
            "maximum": 500,
        }
        assert params[(path, "get", "offset")]["minimum"] == 0
        assert params[(path, "get", "offset")]["maximum"] < 2**63
    for (path, method, name), schema in params.items():
        if schema["type"] == "integer":
            assert "minimum" in schema and "maximum" in schema, (path, method, name)
    assert "415" in doc["paths"]["/api/v1/graphs"]["post"]["responses"]
    graph = doc["components"]["schemas"]["Graph"]["properties"]["updated_at"]
    assert {"type": "string", "format": "date-time"} in graph["anyOf"]
    assert len(graph["anyOf"]) == 2  # or null: never a number
    # what the server answers for a path is what the document lists for it
    resp = await client.options("/api/v1/graphs/validate")
    assert resp.status == 405
    assert set(resp.headers["Allow"].split(",")) == {
        m.upper() for m in doc["paths"]["/api/v1/graphs/validate"]
    }


async def test_what_a_post_creates_links_to_the_routes_that_take_its_id(
    client: TestClient,
) -> None:
    doc = await (await client.get("/api/v1/openapi.json")).json()
    created = doc["paths"]["/api/v1/runs"]["post"]["responses"]["201"]["links"]
    assert created["get_run"] == {
        "operationId": "get_run",
        "parameters": {"id": "$response.body#/run/id"},
    }
    uploaded = doc["paths"]["/api/v1/artifacts"]["post"]["responses"]["201"]["links"]
    assert set(uploaded) == {"download_artifact", "preview_artifact", "get_artifact_lineage"}
    operation_ids = {op["operationId"] for item in doc["paths"].values() for op in item.values()}
    for item in doc["paths"].values():
        for op in item.values():
            for response in op["responses"].values():
                for link in response.get("links", {}).values():
                    assert link["operationId"] in operation_ids
