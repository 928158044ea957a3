"""A small stand-in for the PLynx server: just enough of ``/ws/worker`` and of the artifact
endpoints to drive a real :class:`~plynx.worker.daemon.Worker` from a test."""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass, field
from typing import TypeVar

from aiohttp import WSMsgType, web

from plynx.protocol import (
    CLOSE_REFUSED,
    CLOSE_SHUTDOWN,
    Ack,
    Hello,
    Message,
    Result,
    RunningRef,
    Welcome,
    decode,
    decode_frame,
    encode,
)

TOKEN = "worker-secret"
M = TypeVar("M")


@dataclass
class FakeServer:
    """Records what the worker says; the test speaks through :meth:`send`."""

    token: str = TOKEN
    heartbeat_interval: float = 0.2
    lease_timeout: float = 5.0
    refuse: str | None = None
    #: Ack every result as the real server does once it has stored it.
    auto_ack: bool = True
    #: Refuse websocket upgrades (HTTP 503) while set: the worker cannot connect.
    unreachable: bool = False
    #: Attempts the next welcome tells the worker to cancel.
    cancel_on_welcome: list[tuple[str, int]] = field(default_factory=list)
    hellos: list[Hello] = field(default_factory=list)
    messages: asyncio.Queue[Message] = field(default_factory=asyncio.Queue)
    received: list[Message] = field(default_factory=list)
    artifacts: dict[str, bytes] = field(default_factory=dict)
    uploads: list[str] = field(default_factory=list)
    #: Answer this many artifact requests with 503 (a restarting server) before serving.
    unavailable: int = 0
    downloads: list[str] = field(default_factory=list)
    ws: web.WebSocketResponse | None = None
    connected: asyncio.Event = field(default_factory=asyncio.Event)
    _transport: asyncio.Transport | None = None

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/ws/worker", self._socket)
        app.router.add_post("/api/v1/artifacts", self._upload)
        app.router.add_route("HEAD", "/api/v1/artifacts/{sha}", self._head)
        app.router.add_get("/api/v1/artifacts/{sha}", self._download, allow_head=False)
        return app

    def add_artifact(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        self.artifacts[sha] = data
        return sha

    async def send(self, message: Message) -> None:
        assert self.ws is not None, "no worker connected"
        await self.ws.send_str(encode(message))

    async def next(self, kind: type[M], within: float = 10) -> M:
        """The next message of type ``kind`` (others are skipped)."""
        async with asyncio.timeout(within):
            while True:
                message = await self.messages.get()
                if isinstance(message, kind):
                    return message

    def abort(self) -> None:
        """Cut the worker's connection without a close handshake (a server killed at once)."""
        self.connected.clear()
        if self._transport is not None:
            self._transport.abort()

    async def drop(self) -> None:
        """Close the worker's socket as a restarting server would."""
        self.connected.clear()
        if self.ws is not None:
            await self.ws.close(code=CLOSE_SHUTDOWN, message=b"server restarting")

    def _authorized(self, request: web.Request) -> bool:
        if self.unavailable > 0:
            self.unavailable -= 1
            raise web.HTTPServiceUnavailable()
        return request.headers.get("Authorization") == f"Bearer {self.token}"

    async def _socket(self, request: web.Request) -> web.StreamResponse:
        if self.unreachable:
            raise web.HTTPServiceUnavailable()
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._transport = request.transport
        first = await ws.receive()
        hello = decode(first.data)
        assert isinstance(hello, Hello)
        self.hellos.append(hello)
        if self.refuse is not None:
            await ws.close(code=CLOSE_REFUSED, message=self.refuse.encode())
            return ws
        await ws.send_str(
            encode(
                Welcome(
                    server_version="fake",
                    heartbeat_interval=self.heartbeat_interval,
                    lease_timeout=self.lease_timeout,
                    cancel=[
                        RunningRef(node_run_id=n, attempt=a) for n, a in self.cancel_on_welcome
                    ],
                )
            )
        )
        self.cancel_on_welcome = []
        self.ws = ws
        self.connected.set()
        async for msg in ws:
            if msg.type == WSMsgType.TEXT:
                for message in decode_frame(msg.data):
                    self.received.append(message)
                    self.messages.put_nowait(message)
                    if self.auto_ack and isinstance(message, Result):
                        await ws.send_str(
                            encode(Ack(node_run_id=message.node_run_id, attempt=message.attempt))
                        )
        if self.ws is ws:
            self.ws = None
            self.connected.clear()
        return ws

    async def _upload(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            raise web.HTTPUnauthorized()
        data = await request.read()
        sha = hashlib.sha256(data).hexdigest()
        if request.query.get("sha256") not in (None, sha):
            raise web.HTTPBadRequest(text="hash mismatch")
        self.artifacts[sha] = data
        self.uploads.append(sha)
        ref = {
            "sha256": sha,
            "size": len(data),
            "type": request.query.get("type", "file"),
            "name": request.query.get("name", ""),
        }
        return web.json_response(ref, status=201)

    async def _head(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            raise web.HTTPUnauthorized()
        if request.match_info["sha"] not in self.artifacts:
            raise web.HTTPNotFound()
        return web.Response()

    async def _download(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            raise web.HTTPUnauthorized()
        sha = request.match_info["sha"]
        if sha not in self.artifacts:
            raise web.HTTPNotFound(text="no such artifact")
        self.downloads.append(sha)
        return web.Response(body=self.artifacts[sha])
