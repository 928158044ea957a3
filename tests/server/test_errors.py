"""Bad requests get a JSON error that says what is wrong, never a traceback."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from aiohttp import FormData
from aiohttp.test_utils import TestClient

API = "/api/v1"
_JSON = {"Content-Type": "application/json"}
LIST_ROUTES = ("/graphs", "/operations", "/runs", "/cache")


async def _error(resp: Any, status: int) -> str:
    """The error message of ``resp``, which must have ``status`` and a JSON error body."""
    assert resp.status == status, await resp.text()
    body = await resp.json()
    assert "Traceback" not in body["error"]["message"]
    return str(body["error"]["message"])


async def test_malformed_json_is_400(client: TestClient) -> None:
    for raw in (b"{not json", b"\xff\xfe", b""):
        resp = await client.post(
            f"{API}/graphs", data=raw, headers={"Content-Type": "application/json"}
        )
        assert resp.status == 400
        body = await resp.json()
        assert body["error"]["code"] == "invalid_input"
        assert "Traceback" not in body["error"]["message"]
    resp = await client.post(f"{API}/graphs", data=b'{"nodes": [1,', headers=_JSON)
    assert "not valid JSON" in (await resp.json())["error"]["message"]


async def test_json_of_the_wrong_shape_is_400(client: TestClient) -> None:
    for raw in ("[]", "3", '"graph"'):
        resp = await client.post(f"{API}/graphs", data=raw, headers=_JSON)
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
    resp = await client.post(
        f"{API}/graphs", data=io.BytesIO(b" " * (33 * 1024 * 1024)), headers=_JSON
    )
    assert resp.status == 413
    assert (await resp.json())["error"]["code"] == "too_large"


async def test_unexpected_errors_are_500_without_details(client: TestClient) -> None:
    from plynx.server import keys

    store = client.app[keys.STORE]

    async def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internals")

    store.list_graph_summaries = boom  # type: ignore[method-assign]
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


async def test_a_client_that_went_away_is_logged_in_a_line_without_a_traceback(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    """A peer that closes its socket while the answer is written (a worker leaving during a
    shutdown) is not a server error: no traceback in the log, nothing at ERROR."""
    from aiohttp.client_exceptions import ClientConnectionResetError

    from plynx.server import keys

    store = client.app[keys.STORE]

    async def gone(*args: object, **kwargs: object) -> None:
        raise ClientConnectionResetError("Cannot write to closing transport")

    store.list_graph_summaries = gone  # type: ignore[method-assign]
    with caplog.at_level("INFO", logger="plynx"):
        resp = await client.get(f"{API}/graphs")
    assert resp.status == 400
    assert (await resp.json())["error"]["code"] == "connection_closed"
    assert not [r for r in caplog.records if r.levelname == "ERROR" or r.exc_info]
    assert "the client went away (Cannot write to closing transport)" in caplog.text


async def test_json_bodies_only_as_application_json(client: TestClient) -> None:
    graph = json.dumps({"title": "g"})
    for content_type in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data"):
        resp = await client.post(
            f"{API}/graphs", data=graph, headers={"Content-Type": content_type}
        )
        assert "Content-Type: application/json" in await _error(resp, 415)
    form = FormData()
    form.add_field("title", "g")
    assert (await client.post(f"{API}/graphs", data=form)).status == 415
    assert (await (await client.get(f"{API}/graphs")).json())["total"] == 0, "nothing created"
    resp = await client.post(f"{API}/graphs", data=graph, headers=_JSON)
    assert resp.status == 201


async def test_multipart_without_a_boundary_or_with_a_broken_part_is_400(
    client: TestClient,
) -> None:
    resp = await client.post(
        f"{API}/artifacts", data=b"--x\r\n\r\n", headers={"Content-Type": "multipart/form-data"}
    )
    assert "boundary" in await _error(resp, 400)
    broken = (
        b'--b\r\nContent-Disposition: form-data; name="file"\r\n'
        b"Bad\x00Header: 1\r\n\r\nx\r\n--b--\r\n"
    )
    resp = await client.post(
        f"{API}/artifacts", data=broken, headers={"Content-Type": "multipart/form-data; boundary=b"}
    )
    assert "multipart body cannot be read" in await _error(resp, 400)


@pytest.mark.parametrize("path", [*LIST_ROUTES, "/graphs/{graph}/runs"])
async def test_offsets_past_any_integer_column_are_400(client: TestClient, path: str) -> None:
    resp = await client.post(f"{API}/graphs", json={"title": "g"})
    path = path.format(graph=(await resp.json())["id"])
    for offset in (str(2**63), str(2**64 + 5), str(10**50), "1" * 5000):
        resp = await client.get(f"{API}{path}", params={"offset": offset})
        assert "query parameter 'offset' must be between 0 and" in await _error(resp, 400)
    for offset_text in ("1e3", "1_000", " 7"):
        resp = await client.get(f"{API}{path}", params={"offset": offset_text})
        assert "'offset' must be an integer" in await _error(resp, 400)
    assert (await client.get(f"{API}{path}", params={"offset": "3"})).status == 200


async def test_deeply_nested_json_is_400(client: TestClient) -> None:
    deep = '{"title": "g", "description": ' + "[" * 1000 + "]" * 1000 + "}"
    for path in ("/graphs", "/graphs/validate", "/runs", "/operations"):
        resp = await client.post(f"{API}{path}", data=deep, headers=_JSON)
        assert "nests deeper than 200 levels" in await _error(resp, 400)


async def test_a_lone_surrogate_is_400(client: TestClient) -> None:
    for title in ('"\\ud800"', '"a\\udfffb"'):
        raw = '{"title": ' + title + "}"
        resp = await client.post(f"{API}/graphs", data=raw, headers=_JSON)
        assert "lone surrogate" in await _error(resp, 400)
    resp = await client.post(f"{API}/graphs", json={"title": "\U0001f600"})
    assert resp.status == 201 and (await resp.json())["title"] == "\U0001f600"


async def test_dates_must_be_dates(client: TestClient) -> None:
    for value in (0, 1.5, "yesterday"):
        resp = await client.post(f"{API}/graphs", json={"title": "g", "updated_at": value})
        assert "updated_at" in await _error(resp, 400)
    resp = await client.post(
        f"{API}/graphs", json={"title": "g", "updated_at": "2020-01-01T00:00:00Z"}
    )
    assert resp.status == 201


async def test_a_405_allows_only_the_methods_of_that_path(client: TestClient) -> None:
    resp = await client.get(f"{API}/graphs/validate")
    await _error(resp, 405)
    assert resp.headers["Allow"] == "POST"
    resp = await client.delete(f"{API}/graphs/some-id/runs")
    assert set(resp.headers["Allow"].split(",")) >= {"GET"}


async def test_a_python_compile_bomb_is_a_problem_not_a_crash(app_client: TestClient) -> None:
    for code in ("1+" * 300_000 + "1", "-" * 1_000_000 + "1", "x = 1\0"):
        operation = {"kind": "python", "title": "bomb", "code": code}
        graph = {"nodes": [{"id": "a", "operation": operation}]}
        resp = await app_client.post(f"{API}/graphs/validate", json=graph)
        assert resp.status == 200, await resp.text()
        body = await resp.json()
        assert not body["ok"]
        assert "does not compile" in body["problems"][0]["message"]


async def test_integral_numbers_are_integers_and_do_not_hide_other_problems(
    client: TestClient,
) -> None:
    operation = {"kind": "echo", "title": "t", "code": "echo", "retries": 2.0}
    resp = await client.post(f"{API}/operations", json=operation)
    assert resp.status == 201 and (await resp.json())["retries"] == 2
    resp = await client.post(f"{API}/operations", json={**operation, "retries": 2.5})
    assert "retries" in await _error(resp, 400)
    both = {"graph_id": "x", "graph": {"nodes": [{"id": "a", "operation": operation}]}}
    resp = await client.post(f"{API}/runs", json=both)
    assert "exactly one of" in await _error(resp, 400)
