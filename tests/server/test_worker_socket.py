"""``/ws/worker`` on a server with tokens: fencing per connection, and worker tokens that
transfer only the artifacts of the attempts their worker holds."""

from __future__ import annotations

import asyncio
import hashlib
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from aiohttp import ClientWebSocketResponse
from aiohttp.test_utils import TestClient
from pytest_aiohttp import AiohttpClient

from plynx.model import ArtifactRef, TokenKind, parse_graph_document
from plynx.protocol import (
    CLOSE_REFUSED,
    PROTOCOL_VERSION,
    Dispatch,
    Hello,
    Log,
    Message,
    Result,
    RunningRef,
    Started,
    Welcome,
    decode_frame,
    encode,
    encode_frame,
)
from plynx.server import keys
from plynx.server.app import create_app
from plynx.server.auth import create_token
from plynx.settings import Settings
from plynx.worker.config import WorkerConfig
from plynx.worker.daemon import Worker as WorkerDaemon

from .conftest import MakeClient
from .helpers import echo_op

API = "/api/v1"


@pytest.fixture
async def secured(make_client: MakeClient, settings: Settings) -> TestClient:
    return await make_client(replace(settings, local_mode=False))


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


class Worker:
    """A worker speaking the protocol over a real websocket."""

    def __init__(self, client: TestClient, token: str) -> None:
        self.client = client
        self.token = token
        self.worker_id = uuid.uuid4().hex
        self.ws: ClientWebSocketResponse | None = None
        self.inbox: list[Message] = []

    async def connect(self) -> Welcome:
        self.ws = await self.client.ws_connect("/ws/worker")
        hello = Hello(
            protocol=PROTOCOL_VERSION,
            token=self.token,
            worker_id=self.worker_id,
            host="test",
            kinds=["echo"],
            slots=1,
        )
        await self.ws.send_str(encode(hello))
        welcome = await self.next(Welcome)
        assert isinstance(welcome, Welcome)
        return welcome

    async def next(self, kind: type[Any]) -> Any:
        assert self.ws is not None
        async with asyncio.timeout(10):
            while True:
                for i, message in enumerate(self.inbox):
                    if isinstance(message, kind):
                        return self.inbox.pop(i)
                self.inbox.extend(decode_frame(await self.ws.receive_str()))

    async def send(self, *messages: Started | Log | Result) -> None:
        assert self.ws is not None
        await self.ws.send_str(encode_frame(messages))

    async def upload(self, data: bytes) -> tuple[int, dict[str, Any]]:
        resp = await self.client.post(
            f"{API}/artifacts?name=out&type=text", data=data, headers=bearer(self.token)
        )
        return resp.status, await resp.json()

    async def download(self, sha256: str) -> int:
        resp = await self.client.get(f"{API}/artifacts/{sha256}", headers=bearer(self.token))
        await resp.read()
        return resp.status


GRAPH = {
    "operations": {"first": echo_op(inputs=[]), "echo": echo_op()},
    "nodes": {"src": {"operation": "first"}, "dst": {"operation": "echo"}},
    "edges": ["src.out -> dst.inp"],
}


async def test_a_second_connection_cannot_forge_an_attempt_it_was_never_given(
    secured: TestClient,
) -> None:
    store = secured.app[keys.STORE]
    engine = secured.app[keys.ENGINE]
    api = await create_token(store, TokenKind.API, "alice")
    holder = Worker(secured, await create_token(store, TokenKind.WORKER, "worker-1"))
    intruder = Worker(secured, await create_token(store, TokenKind.WORKER, "worker-2"))
    await holder.connect()
    graph, _ = parse_graph_document(GRAPH)
    run = await engine.submit(graph)
    src: Dispatch = await holder.next(Dispatch)
    assert src.node_id == "src"

    # the intruder holds a valid worker token and a live connection, but not this attempt
    await intruder.connect()
    forged_ref = ArtifactRef(sha256="f" * 64, size=6, name="out")
    await intruder.send(
        Started(node_run_id=src.node_run_id, attempt=src.attempt),
        Log(node_run_id=src.node_run_id, attempt=src.attempt, stream="stdout", data="pwned\n"),
        Result(
            node_run_id=src.node_run_id,
            attempt=src.attempt,
            status="success",
            outputs={"out": [forged_ref]},
        ),
    )
    async with asyncio.timeout(10):
        while engine.fencing().forged < 3:
            await asyncio.sleep(0.01)
    # and it cannot upload (it holds nothing) nor read the holder's files
    assert (await intruder.upload(b"forged"))[0] == 403

    # the genuine worker uploads its output and reports it
    status, genuine = await holder.upload(b"genuine")
    assert status == 201
    await holder.send(
        Result(
            node_run_id=src.node_run_id,
            attempt=src.attempt,
            status="success",
            outputs={"out": [ArtifactRef.model_validate(genuine)]},
            exit_code=0,
        )
    )
    dst: Dispatch = await holder.next(Dispatch)
    assert [r.sha256 for r in dst.inputs["inp"]] == [genuine["sha256"]]  # downstream: genuine

    # worker tokens read only the inputs of attempts their worker holds
    resp = await secured.post(f"{API}/artifacts", data=b"someone's secret", headers=bearer(api))
    secret = (await resp.json())["sha256"]
    assert await holder.download(genuine["sha256"]) == 200
    assert await intruder.download(genuine["sha256"]) == 403
    assert await holder.download(secret) == 403
    # asking whether an output is there already is no download
    head = await secured.head(f"{API}/artifacts/{secret}", headers=bearer(holder.token))
    assert head.status == 200
    head = await secured.head(f"{API}/artifacts/{secret}", headers=bearer(intruder.token))
    assert head.status == 403
    resp = await secured.get(f"{API}/artifacts/{secret}", headers=bearer(holder.token))
    error = (await resp.json())["error"]
    assert error["code"] == "forbidden" and "no input of an attempt" in error["message"]

    status, out = await holder.upload(b"final")
    await holder.send(
        Result(
            node_run_id=dst.node_run_id,
            attempt=dst.attempt,
            status="success",
            outputs={"out": [ArtifactRef.model_validate(out)]},
            exit_code=0,
        )
    )
    async with asyncio.timeout(10):
        while not (await engine.get_run(run.id))[0].status.finished:
            await asyncio.sleep(0.01)
    resp = await secured.get(f"{API}/runs/{run.id}", headers=bearer(api))
    nodes = {n["node_id"]: n for n in (await resp.json())["node_runs"]}
    assert nodes["src"]["status"] == "success"
    assert nodes["src"]["outputs"]["out"][0]["sha256"] == genuine["sha256"]
    assert nodes["src"]["worker_id"] == holder.worker_id
    resp = await secured.get(
        f"{API}/runs/{run.id}/nodes/src/log?stream=stdout", headers=bearer(api)
    )
    assert "pwned" not in await resp.text()

    # what an operator sees
    resp = await secured.get(f"{API}/workers/fencing", headers=bearer(api))
    counters = await resp.json()
    assert counters["forged"] == 3 and counters["forged_by_worker"] == {intruder.worker_id: 3}

    # the cache holds the genuine outputs: an identical run is restored from them
    again = await engine.submit(graph)
    async with asyncio.timeout(10):
        while not (await engine.get_run(again.id))[0].status.finished:
            await asyncio.sleep(0.01)
    _, node_runs = await engine.get_run(again.id)
    src_again = next(nr for nr in node_runs if nr.node_id == "src")
    assert src_again.status == "cached"
    assert src_again.outputs["out"][0].sha256 == genuine["sha256"]


async def test_a_real_worker_with_a_worker_token_transfers_what_its_attempts_need(
    aiohttp_client: AiohttpClient, settings: Settings, tmp_path: Path
) -> None:
    """The scoping lets a real worker do its job: download inputs, upload outputs."""
    client = await aiohttp_client(create_app(replace(settings, local_mode=False)))
    store = client.app[keys.STORE]
    api = await create_token(store, TokenKind.API, "alice")
    data = b"from the user\n"
    resp = await client.post(
        f"{API}/artifacts?name=in.txt&type=text", data=data, headers=bearer(api)
    )
    assert resp.status == 201
    bash = {
        "kind": "bash_jinja2",
        "inputs": {"in": {"type": "text", "is_array": True}},
        "outputs": {"out": "text"},
        "code": "cat {{ inputs['in'] | join(' ') }} > {{ outputs.out }}\n"
        "echo more >> {{ outputs.out }}",
    }
    doc = {
        "operations": {
            "file": {
                "kind": "file",
                "outputs": [{"name": "out", "type": "text"}],
                "parameters": [{"name": "artifact", "required": True}],
            },
            "bash": bash,
        },
        "nodes": {
            "data": {"operation": "file", "params": {"artifact": hashlib.sha256(data).hexdigest()}},
            "a": {"operation": "bash"},
            "b": {"operation": "bash"},
        },
        "edges": ["data.out -> a.in", "a.out -> b.in"],
    }
    graph, _ = parse_graph_document(doc)
    config = WorkerConfig(
        server=str(client.make_url("/")).rstrip("/"),
        token=await create_token(store, TokenKind.WORKER, "worker-1"),
        kinds=("bash_jinja2",),
        work_dir=tmp_path / "worker",
        kill_grace=1.0,
    )
    worker = WorkerDaemon(config)
    task = asyncio.ensure_future(worker.run())
    try:
        engine = client.app[keys.ENGINE]
        run = await engine.submit(graph)
        async with asyncio.timeout(30):
            while not (await engine.get_run(run.id))[0].status.finished:
                await asyncio.sleep(0.05)
        current, node_runs = await engine.get_run(run.id)
        assert current.status == "success", [nr.error for nr in node_runs]
        b = next(nr for nr in node_runs if nr.node_id == "b")
        resp = await client.get(
            f"{API}/artifacts/{b.outputs['out'][0].sha256}", headers=bearer(api)
        )
        assert await resp.read() == data + b"more\nmore\n"
    finally:
        worker.stop()
        async with asyncio.timeout(15):
            await task


async def test_another_token_cannot_take_over_a_worker_id(secured: TestClient) -> None:
    store = secured.app[keys.STORE]
    engine = secured.app[keys.ENGINE]
    holder = Worker(secured, await create_token(store, TokenKind.WORKER, "worker-1"))
    await holder.connect()
    graph, _ = parse_graph_document(GRAPH)
    await engine.submit(graph)
    src: Dispatch = await holder.next(Dispatch)

    thief = Worker(secured, await create_token(store, TokenKind.WORKER, "worker-2"))
    thief.worker_id = holder.worker_id
    ws = await secured.ws_connect("/ws/worker")
    hello = Hello(
        protocol=PROTOCOL_VERSION,
        token=thief.token,
        worker_id=thief.worker_id,
        host="elsewhere",
        kinds=["echo"],
        slots=1,
        running=[RunningRef(node_run_id=src.node_run_id, attempt=src.attempt)],
    )
    await ws.send_str(encode(hello))
    msg = await ws.receive(timeout=10)
    assert ws.close_code == CLOSE_REFUSED
    assert "in use with another token" in str(msg.extra)
    (view,) = engine.workers()  # the holder keeps its connection and its attempt
    assert view.host == "test" and [r.node_run_id for r in view.running] == [src.node_run_id]
