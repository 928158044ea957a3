"""Bad requests get a JSON error that says what is wrong, never a traceback."""

from __future__ import annotations

import io

from aiohttp.test_utils import TestClient

API = "/api/v1"


async def test_malformed_json_is_400(client: TestClient) -> None:
    for raw in (b"{not json", b"\xff\xfe", b""):
        resp = await client.post(
            f"{API}/graphs", data=raw, headers={"Content-Type": "application/json"}
        )
        assert resp.status == 400
        body = await resp.json()
        assert body["error"]["code"] == "invalid_input"
        assert "Traceback" not in body["error"]["message"]
    resp = await client.post(f"{API}/graphs", data=b'{"nodes": [1,')
    assert "not valid JSON" in (await resp.json())["error"]["message"]


async def test_json_of_the_wrong_shape_is_400(client: TestClient) -> None:
    for raw in ("[]", "3", '"graph"'):
        resp = await client.post(f"{API}/graphs", data=raw)
        assert resp.status == 400
        assert (await resp.json())["error"]["problems"]


async def test_unknown_route_and_method(client: TestClient) -> None:
    resp = await client.get(f"{API}/nothing/here")
    assert resp.status == 404
    assert (await resp.json())["error"]["code"] == "not_found"
    resp = await client.delete(f"{API}/graphs")
    assert resp.status == 405
    error = (await resp.json())["error"]
    assert "GET" in error["message"] and "POST" in error["message"]


async def test_too_large_body_is_413(client: TestClient) -> None:
    resp = await client.post(f"{API}/graphs", data=io.BytesIO(b" " * (33 * 1024 * 1024)))
    assert resp.status == 413
    assert (await resp.json())["error"]["code"] == "too_large"


async def test_unexpected_errors_are_500_without_details(client: TestClient) -> None:
    from plynx.server import keys

    store = client.app[keys.STORE]

    async def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internals")

    store.list_graphs = boom  # type: ignore[method-assign]
    resp = await client.get(f"{API}/graphs")
    assert resp.status == 500
    body = await resp.json()
    assert body == {
        "error": {
            "message": "internal error, see the server log",
            "code": "internal_error",
            "problems": [],
        }
    }
