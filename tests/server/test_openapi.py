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
