"""What a browser page may not do: name another host (DNS rebinding), change state or open a
websocket from another origin, or use the local server without its local token."""

from __future__ import annotations

import socket
from dataclasses import replace

import pytest
from aiohttp import WSServerHandshakeError
from aiohttp.test_utils import TestClient

from plynx.settings import Settings

from .conftest import MakeClient

API = "/api/v1"
GRAPH = {"title": "mine"}


def origin_of(client: TestClient) -> str:
    return f"http://{client.server.host}:{client.server.port}"


@pytest.fixture
async def anonymous(make_client: MakeClient, settings: Settings) -> TestClient:
    """A client of a local-mode app that does not show the local token."""
    client = await make_client(settings)
    client.session.headers.pop("Authorization")
    return client


async def test_a_foreign_host_is_refused_with_421(client: TestClient) -> None:
    for path in (f"{API}/graphs", "/", f"{API}/health"):
        resp = await client.get(path, headers={"Host": "attacker.example"})
        assert resp.status == 421, path
        error = (await resp.json())["error"]
        assert error["code"] == "misdirected_request" and "attacker.example" in error["message"]
    port = client.server.port
    # a loopback name on another port is another server
    resp = await client.get(f"{API}/graphs", headers={"Host": f"localhost:{port + 1}"})
    assert resp.status == 421
    for host in (f"127.0.0.1:{port}", f"localhost:{port}"):
        assert (await client.get(f"{API}/graphs", headers={"Host": host})).status == 200
    resp = await client.get(f"{API}/graphs", headers={"Host": "a:b:c"})
    assert resp.status == 400


async def test_a_server_answers_to_its_configured_names_only(
    make_client: MakeClient, settings: Settings
) -> None:
    configured = replace(
        settings, local_mode=False, host="0.0.0.0", allowed_hosts="plynx.example.org"
    )
    client = await make_client(configured)
    assert (await client.get(f"{API}/health", headers={"Host": "plynx.example.org"})).status == 200
    assert (await client.get(f"{API}/health", headers={"Host": "evil.example"})).status == 421
    # listening everywhere and told no name: addresses are fine, names are not
    open_ = await make_client(replace(settings, local_mode=False, host="0.0.0.0"))
    assert (await open_.get(f"{API}/health", headers={"Host": "10.1.2.3:8765"})).status == 200
    resp = await open_.get(f"{API}/health", headers={"Host": "rebind.example:8765"})
    assert resp.status == 421
    assert "allowed_hosts" in (await resp.json())["error"]["message"]
    machine = socket.gethostname()  # what workers on other machines usually name
    assert (await open_.get(f"{API}/health", headers={"Host": f"{machine}:8765"})).status == 200


async def test_a_foreign_origin_cannot_change_anything(client: TestClient) -> None:
    resp = await client.post(
        f"{API}/graphs", json=GRAPH, headers={"Origin": "http://attacker.example"}
    )
    assert resp.status == 403
    error = (await resp.json())["error"]
    assert error["code"] == "forbidden" and "attacker.example" in error["message"]
    # another port of this very machine is another origin too
    other = f"http://127.0.0.1:{client.server.port + 1}"
    assert (await client.post(f"{API}/graphs", json=GRAPH, headers={"Origin": other})).status == 403
    # a sandboxed frame or a no-referrer page sends "null"; the browser says it is cross-site
    resp = await client.post(
        f"{API}/graphs",
        json=GRAPH,
        headers={"Origin": "null", "Sec-Fetch-Site": "cross-site"},
    )
    assert resp.status == 403
    listing = await (await client.get(f"{API}/graphs")).json()
    assert listing["total"] == 0

    own = origin_of(client)
    assert (await client.post(f"{API}/graphs", json=GRAPH, headers={"Origin": own})).status == 201
    resp = await client.post(
        f"{API}/graphs", json=GRAPH, headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"}
    )
    assert resp.status == 201
    # reading from a foreign page is left to the browser (no CORS headers are ever sent)
    resp = await client.get(f"{API}/graphs", headers={"Origin": "http://attacker.example"})
    assert resp.status == 200 and "Access-Control-Allow-Origin" not in resp.headers


async def test_allowed_origins_may_change_state(
    make_client: MakeClient, settings: Settings
) -> None:
    client = await make_client(replace(settings, allowed_origins="https://ui.example.org"))
    headers = {"Origin": "https://ui.example.org"}
    assert (await client.post(f"{API}/graphs", json=GRAPH, headers=headers)).status == 201


async def test_websockets_from_a_foreign_origin_are_refused(client: TestClient) -> None:
    for path in ("/ws/events", "/ws/worker"):
        with pytest.raises(WSServerHandshakeError) as refused:
            await client.ws_connect(path, headers={"Origin": "http://attacker.example"})
        assert refused.value.status == 403, path
    ws = await client.ws_connect("/ws/events", headers={"Origin": origin_of(client)})
    await ws.send_json({"type": "subscribe", "topic": "workers"})
    assert (await ws.receive_json())["topic"] == "workers"
    await ws.close()


async def test_local_mode_serves_nobody_without_the_local_token(
    anonymous: TestClient, settings: Settings
) -> None:
    resp = await anonymous.post(f"{API}/graphs", json=GRAPH)
    assert resp.status == 401
    message = (await resp.json())["error"]["message"]
    assert "local-token" in message and "plynx local" in message
    assert (await anonymous.get(f"{API}/graphs")).status == 401
    with pytest.raises(WSServerHandshakeError) as refused:
        await anonymous.ws_connect("/ws/events")
    assert refused.value.status == 401
    resp = await anonymous.get(f"{API}/graphs", headers={"Authorization": "Bearer guessed"})
    assert resp.status == 401
    assert (await anonymous.get(f"{API}/health")).status == 200  # open, as on any server
    bearer = {"Authorization": f"Bearer {settings.local_token}"}
    assert (await anonymous.post(f"{API}/graphs", json=GRAPH, headers=bearer)).status == 201
    ws = await anonymous.ws_connect(f"/ws/events?token={settings.local_token}")
    await ws.close()


async def test_the_login_link_sets_a_strict_cookie_that_needs_the_own_origin(
    anonymous: TestClient, settings: Settings
) -> None:
    resp = await anonymous.get("/local-login?token=wrong", allow_redirects=False)
    assert resp.status == 403
    assert "local-token" in (await resp.json())["error"]["message"]
    assert not anonymous.session.cookie_jar.filter_cookies(anonymous.make_url("/"))

    resp = await anonymous.get(
        f"/local-login?token={settings.local_token}&next=/runs/abc", allow_redirects=False
    )
    assert resp.status == 303 and resp.headers["Location"] == "/runs/abc"
    cookie = resp.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    assert resp.headers["Referrer-Policy"] == "no-referrer"
    resp = await anonymous.get(
        f"/local-login?token={settings.local_token}&next=//evil.example", allow_redirects=False
    )
    assert resp.headers["Location"] == "/"  # never sends the browser elsewhere

    assert (await anonymous.get(f"{API}/graphs")).status == 200  # the cookie opens reads
    # ... and changes only with a proof from the browser that the page is ours
    resp = await anonymous.post(f"{API}/graphs", json=GRAPH)
    assert resp.status == 403
    assert "Origin" in (await resp.json())["error"]["message"]
    own = {"Origin": origin_of(anonymous)}
    assert (await anonymous.post(f"{API}/graphs", json=GRAPH, headers=own)).status == 201
    ws = await anonymous.ws_connect("/ws/events", headers=own)
    await ws.close()


async def test_local_workers_token_opens_only_artifacts(
    anonymous: TestClient, settings: Settings
) -> None:
    worker = {"Authorization": f"Bearer {settings.worker_token}"}
    # recognised as a worker: which artifacts it may move is the artifact API's to decide
    resp = await anonymous.post(f"{API}/artifacts", data=b"output", headers=worker)
    assert resp.status != 401
    resp = await anonymous.post(f"{API}/graphs", json=GRAPH, headers=worker)
    assert resp.status == 403  # a known principal, refused by the access table
    assert "worker token" in (await resp.json())["error"]["message"]


async def test_every_response_sends_no_referrer(client: TestClient) -> None:
    for path in ("/", f"{API}/graphs", f"{API}/nowhere"):
        resp = await client.get(path)
        assert resp.headers["Referrer-Policy"] == "no-referrer", path
