"""Expected disconnects are one warning line, never an error with a traceback."""

from __future__ import annotations

import logging
import uuid
from typing import Any

import pytest
from aiohttp import ClientConnectionResetError, WSMsgType, web
from aiohttp.test_utils import TestClient

from plynx.model import parse_graph_document
from plynx.protocol import PROTOCOL_VERSION, Hello, Log, Result, Welcome, decode_frame, encode

from .conftest import StartWorker, dispatch
from .fake_server import FakeServer
from .helpers import until


async def test_a_worker_socket_closing_while_the_server_writes_is_one_warning(
    app_client: TestClient, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = await app_client.ws_connect("/ws/worker")
    hello = Hello(
        protocol=PROTOCOL_VERSION,
        token="test-worker-token",
        worker_id=f"w-{uuid.uuid4().hex[:6]}",
        host="test",
        kinds=["bash_jinja2"],
        slots=1,
        running=[],
    )
    await ws.send_str(encode(hello))
    assert isinstance(decode_frame((await ws.receive()).data)[0], Welcome)

    writes: list[str] = []

    async def closing(self: web.WebSocketResponse, data: str, compress: Any = None) -> None:
        writes.append(data)  # the peer vanished: what aiohttp raises then
        raise ClientConnectionResetError("Cannot write to closing transport")

    monkeypatch.setattr(web.WebSocketResponse, "send_str", closing)
    graph, _ = parse_graph_document(
        {
            "operations": {"op": {"kind": "bash_jinja2", "code": "true", "outputs": {}}},
            "nodes": {"a": {"operation": "op"}},
        }
    )
    caplog.set_level(logging.INFO)
    resp = await app_client.post("/api/v1/runs", json={"graph": graph.model_dump(mode="json")})
    assert resp.status == 201, await resp.text()
    await until(lambda: bool(writes), 10)  # the dispatch met the closing socket
    await ws.close()
    msg = await ws.receive()
    assert msg.type in (WSMsgType.CLOSED, WSMsgType.CLOSE)
    await until(lambda: any(r.levelno == logging.WARNING for r in caplog.records), 5)
    problems = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert problems == []
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert hello.worker_id in warnings[0] and "Cannot write to closing transport" in warnings[0]


async def test_a_server_gone_while_the_worker_writes_is_one_warning(
    fake: FakeServer, start_worker: StartWorker, caplog: pytest.LogCaptureFixture
) -> None:
    start_worker()
    await until(fake.connected.is_set, 10)
    code = 'for i in $(seq 200); do echo "line $i"; sleep 0.01; done\necho done > {{ outputs.out }}'
    await fake.send(dispatch(code))
    await fake.next(Log)  # logs are streaming
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="plynx"):
        fake.abort()
        await until(lambda: len(fake.hellos) == 2 and fake.connected.is_set(), 10)
        result = await fake.next(Result)
    assert result.status == "success"
    problems = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert problems == []
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "disconnected from the server" in warnings[0]
