"""``/ws/worker``: the endpoint worker daemons connect to.

The first message must be a ``hello`` with the protocol version and a worker token; a refused
hello is closed with :data:`~plynx.protocol.CLOSE_REFUSED` and a reason that says what to do.
After the welcome, messages go to the engine; the engine's messages to the worker are drained
from the session's outbox by a writer task.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from aiohttp import WSMsgType, web

from plynx.engine import Engine, WorkerSession
from plynx.errors import Conflict, ProtocolError
from plynx.protocol import (
    CLOSE_REFUSED,
    CLOSE_SHUTDOWN,
    PROTOCOL_VERSION,
    Hello,
    decode,
    decode_frame,
    encode_frame,
)
from plynx.server import keys
from plynx.server.auth import parse_token

__all__ = ["setup_worker_routes", "worker_socket"]

logger = logging.getLogger(__name__)
_HELLO_TIMEOUT = 10.0
_MAX_MESSAGE = 64 * 1024 * 1024
_BATCH = 64  # messages per frame at most


async def _refuse(ws: web.WebSocketResponse, reason: str) -> web.WebSocketResponse:
    logger.warning("worker refused: %s", reason)
    await ws.close(code=CLOSE_REFUSED, message=reason.encode()[:120])
    return ws


async def _hello(ws: web.WebSocketResponse) -> Hello | str:
    """The worker's hello, or the reason to refuse it."""
    try:
        msg = await ws.receive(timeout=_HELLO_TIMEOUT)
    except TimeoutError:
        return f"no hello within {_HELLO_TIMEOUT:g}s"
    if msg.type != WSMsgType.TEXT:
        return "the first message must be a hello (text)"
    try:
        hello = decode(msg.data)
    except ProtocolError as exc:
        return f"bad hello: {exc.message}"
    if not isinstance(hello, Hello):
        return f"the first message must be a hello, not {hello.type}"
    return hello


async def _writer(ws: web.WebSocketResponse, session: WorkerSession) -> None:
    outbox = session.outbox
    while True:
        batch = [await outbox.get()]
        while not outbox.empty() and batch[-1] is not None and len(batch) < _BATCH:
            batch.append(outbox.get_nowait())
        closing = batch[-1] is None  # the engine dropped this session (silent, or replaced)
        messages = [m for m in batch if m is not None]
        if ws.closed:
            return
        try:
            if messages:
                await ws.send_str(encode_frame(messages))
            if closing:
                await ws.close(code=CLOSE_SHUTDOWN, message=b"session closed by the server")
                return
        except ConnectionError as exc:  # the worker went away (killed, network): expected
            # the socket died under us: what it carried is not lost, the worker's next hello
            # says what it got (the rest is requeued at once)
            logger.warning(
                "worker %s: connection lost with %d message(s) unsent (%s)",
                session.id,
                len(messages),
                exc,
            )
            return


async def worker_socket(request: web.Request) -> web.WebSocketResponse:
    """Serve one worker connection until it closes."""
    ws = web.WebSocketResponse(heartbeat=None, max_msg_size=_MAX_MESSAGE)
    await ws.prepare(request)
    request.app[keys.WEBSOCKETS].add(ws)
    hello = await _hello(ws)
    if isinstance(hello, str):
        return await _refuse(ws, hello)
    if hello.protocol != PROTOCOL_VERSION:
        return await _refuse(
            ws,
            f"protocol {hello.protocol} is not supported; this server speaks {PROTOCOL_VERSION}: "
            "install the same PLynx version on the worker and the server",
        )
    if not await request.app[keys.AUTHENTICATOR].verify_worker(hello.token):
        return await _refuse(
            ws, "bad worker token: create one with `plynx token create --kind worker`"
        )
    engine: Engine = request.app[keys.ENGINE]
    parsed = parse_token(hello.token)
    # the token scopes the artifacts this connection's worker may transfer
    try:
        session = await engine.attach_worker(hello, parsed[0] if parsed else None)
    except Conflict as exc:
        return await _refuse(ws, exc.message)
    writer = asyncio.create_task(_writer(ws, session))
    try:
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                continue
            try:
                messages = decode_frame(msg.data)
            except ProtocolError as exc:
                logger.warning("worker %s: %s (frame ignored)", session.id, exc.message)
                continue
            for message in messages:
                await engine.on_worker_message(session, message)
    finally:
        await engine.detach_worker(session)
        writer.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await writer
        if not ws.closed:
            await ws.close(code=CLOSE_SHUTDOWN, message=b"server shutting down")
    return ws


def setup_worker_routes(app: web.Application) -> None:
    """Register ``/ws/worker``."""
    app.router.add_get("/ws/worker", worker_socket)
