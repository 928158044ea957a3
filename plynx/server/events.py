"""``/ws/events``: live updates for dashboards.

A client subscribes to topics with JSON messages (see the contract in the module's
:func:`events_socket`): a run (catching up from ``since`` through the bus history, or from a
snapshot), the list of runs, the workers, or a node's log (the stored text from an offset, then
live chunks). Every subscription is made on the bus *before* the snapshot is read, and queued
events already contained in the snapshot (``seq`` not above it, log bytes before the offset
sent) are dropped, so nothing is lost and nothing is shown twice. A client that falls so far
behind that its queue overflowed is sent fresh snapshots. Bad messages are answered with
``{"type": "error", "message"}``; the socket stays open. The list of graphs (``graphs``) only
says which were deleted.

A client that must notice a server gone silent (stopped, frozen, a dead link that TCP has not
reported yet) subscribes to ``heartbeat`` and gets ``{"type": "ping", "topic": "heartbeat"}``
every :data:`PING_INTERVAL` seconds: a few missed pings mean the connection is lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
from dataclasses import dataclass
from typing import Any

from aiohttp import WSMsgType, web

from plynx.engine import Bundle, Engine, EventBus
from plynx.errors import InvalidInput, NotFound
from plynx.server import keys
from plynx.server.api.logs import STREAMS, log_source
from plynx.server.schemas import WorkerInfo
from plynx.server.snapshots import (
    SNAPSHOTS,
    SnapshotEncoder,
    encode_bundle,
    encode_event,
    encode_json,
)

__all__ = ["FOLLOWER_SEND_BUFFER", "PING_INTERVAL", "events_socket", "setup_event_routes"]

logger = logging.getLogger(__name__)

Event = dict[str, Any]
_LOG_CHUNK = 256 * 1024
_MAX_CLIENT_MESSAGE = 64 * 1024
#: Bytes of a follower socket's kernel send buffer (Linux doubles it for its own bookkeeping):
#: what one write may copy on the loop (see :func:`_bound_send_buffer`).
FOLLOWER_SEND_BUFFER = 256 * 1024
_TOPICS = ("run", "runs", "graphs", "workers", "log", "heartbeat")
PING_INTERVAL = 1.0
"""Seconds between the pings sent to a client subscribed to ``heartbeat``."""
_BATCH = 256  # events sent in one frame at most


@dataclass
class _LogFollow:
    """A followed log: whose text it shows and the byte offset the client has reached."""

    source: str
    next_offset: int


def _string(message: Event, name: str) -> str:
    value = message.get(name)
    if not isinstance(value, str) or not value:
        raise InvalidInput(f"{name!r} must be a non-empty string")
    return value


def _count(message: Event, name: str, default: int | None) -> int | None:
    value = message.get(name, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInput(f"{name!r} must be a non-negative integer or null")
    return value


class _Connection:
    """The subscriptions of one dashboard socket."""

    def __init__(self, app: web.Application, ws: web.WebSocketResponse) -> None:
        self.ws = ws
        self.engine: Engine = app[keys.ENGINE]
        self.bus: EventBus = app[keys.BUS]
        self.store = app[keys.STORE]
        self.logs = app[keys.LOGS]
        self.snapshots = app[SNAPSHOTS]
        self.sub = self.bus.subscribe()
        self.lock = asyncio.Lock()  # one change of subscriptions or one event at a time
        self.runs: dict[str, int] = {}  # run id -> seq the client has reached
        self.graphs: set[str] = set()  # runs whose snapshots carry the graph (asked for)
        self.log_follows: dict[tuple[str, str], _LogFollow] = {}
        self.run_list = False
        self.graph_list = False
        self._batch: list[str] | None = None  # messages collected for one frame
        self._count = 0  # how many messages the batch holds (a bundle's text holds several)
        self._frame: bytes | None = None  # the batch is exactly this encoded frame
        self.workers = False
        self.pinger: asyncio.Task[None] | None = None

    async def serve(self) -> None:
        pump = asyncio.create_task(self._pump())
        try:
            async for msg in self.ws:
                if msg.type == WSMsgType.TEXT:
                    await self._handle(msg.data)
                elif msg.type == WSMsgType.BINARY:
                    await self._send_error("messages must be JSON text")
        finally:
            for task in (pump, self.pinger):
                if task is not None:
                    task.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await task
            self.sub.close()

    async def _send(self, message: Event) -> None:
        await self._send_text(encode_json(message))

    async def _send_text(self, text: str, count: int = 1, frame: bytes | None = None) -> None:
        """Send ``text`` (``count`` messages; ``frame``: the same already encoded as a frame),
        or add it to the batch being collected."""
        if self._batch is not None:
            self._frame = frame if not self._batch else None
            self._batch.append(text)
            self._count += count
        elif frame is not None:
            await self.ws.send_frame(frame, WSMsgType.TEXT)
        else:
            await self.ws.send_str(text)

    async def _send_error(self, message: str) -> None:
        await self._send({"type": "error", "message": message})

    # -- client messages -----------------------------------------------------------------------
    async def _handle(self, raw: str) -> None:
        try:
            message = json.loads(raw)
        except json.JSONDecodeError as exc:
            await self._send_error(f"the message is not JSON: {exc.msg}")
            return
        try:
            if not isinstance(message, dict):
                raise InvalidInput("a message is a JSON object with 'type' and 'topic'")
            kind, topic = message.get("type"), message.get("topic")
            if kind not in ("subscribe", "unsubscribe"):
                raise InvalidInput(f"'type' must be subscribe or unsubscribe, got {kind!r}")
            if topic not in _TOPICS:
                raise InvalidInput(f"'topic' must be one of {', '.join(_TOPICS)}, got {topic!r}")
            handler = {
                "run": self._run,
                "runs": self._runs,
                "graphs": self._graphs,
                "workers": self._workers,
                "log": self._log,
                "heartbeat": self._heartbeat,
            }[topic]
            async with self.lock:
                await handler(message, kind == "subscribe")
        except (InvalidInput, NotFound) as exc:
            await self._send_error(exc.message)
        except ConnectionError:
            raise
        except Exception:
            logger.exception("/ws/events: handling %.200r failed", raw)
            await self._send_error("the request failed; see the server log")

    async def _run(self, message: Event, subscribe: bool) -> None:
        run_id = _string(message, "run_id")
        topic = f"run:{run_id}"
        if not subscribe:
            self.runs.pop(run_id, None)
            self.graphs.discard(run_id)
            self.sub.remove(topic)
            return
        since = _count(message, "since", None)
        graph = message.get("graph", False)
        if not isinstance(graph, bool):
            raise InvalidInput(f"'graph' must be true or false, got {graph!r}")
        (self.graphs.add if graph else self.graphs.discard)(run_id)
        self.sub.add(topic)  # before reading anything, so no event can slip through
        if since is not None and (events := self.bus.history(run_id, since)) is not None:
            self.runs[run_id] = events[-1]["seq"] if events else since
            for event in events:
                await self._send_text(encode_event(event))
            return
        try:
            await self._run_snapshot(run_id)
        except NotFound:
            self.runs.pop(run_id, None)
            self.graphs.discard(run_id)
            self.sub.remove(topic)
            raise

    async def _run_snapshot(self, run_id: str) -> None:
        shared = await self.snapshots.shared_snapshot(run_id, self.engine.get_run)
        self.runs[run_id] = shared.seq
        graph = run_id in self.graphs
        snapshot = await self.snapshots.with_graph(shared) if graph else shared.frame
        if self._batch is not None:
            await self._send_text(snapshot.decode())
        else:  # already UTF-8: spare a decoding and an encoding of megabytes
            await self.snapshots.send(self.ws, snapshot)

    async def _runs(self, message: Event, subscribe: bool) -> None:
        self.run_list = subscribe
        (self.sub.add if subscribe else self.sub.remove)("runs")

    async def _graphs(self, message: Event, subscribe: bool) -> None:
        self.graph_list = subscribe
        (self.sub.add if subscribe else self.sub.remove)("graphs")

    async def _workers(self, message: Event, subscribe: bool) -> None:
        self.workers = subscribe
        if not subscribe:
            self.sub.remove("workers")
            return
        self.sub.add("workers")
        await self._send_workers()

    async def _send_workers(self) -> None:
        workers = [WorkerInfo.of(v).model_dump(mode="json") for v in self.engine.workers()]
        await self._send({"type": "event", "topic": "workers", "workers": workers})

    async def _heartbeat(self, message: Event, subscribe: bool) -> None:
        if self.pinger is not None:
            self.pinger.cancel()
            self.pinger = None
        if subscribe:
            self.pinger = asyncio.create_task(self._ping())

    async def _ping(self) -> None:
        """Ping the client every :data:`PING_INTERVAL` seconds, in turn with other messages."""
        ping = json.dumps({"type": "ping", "topic": "heartbeat"})
        with contextlib.suppress(ConnectionError):
            while True:
                await asyncio.sleep(PING_INTERVAL)
                async with self.lock:
                    await self.ws.send_str(ping)

    async def _log(self, message: Event, subscribe: bool) -> None:
        node_run_id = _string(message, "node_run_id")
        stream = message.get("stream", "stdout")
        if stream not in STREAMS:
            raise InvalidInput(f"'stream' must be stdout or stderr, got {stream!r}")
        key = (node_run_id, stream)
        if not subscribe:
            follow = self.log_follows.pop(key, None)
            if follow is not None and not any(
                f.source == follow.source for f in self.log_follows.values()
            ):
                self.sub.remove(f"log:{follow.source}")
            return
        offset = _count(message, "offset", 0) or 0
        stored = await self.store.get_node_run(node_run_id)
        _, node_runs = await self.engine.get_run(stored.run_id)
        live = next((nr for nr in node_runs if nr.id == node_run_id), stored)
        follow = _LogFollow(source=log_source(live), next_offset=offset)
        self.sub.add(f"log:{follow.source}")
        self.log_follows[key] = follow
        await self._catch_up_log(key, follow)

    async def _catch_up_log(self, key: tuple[str, str], follow: _LogFollow) -> None:
        """Send the stored log from where the client is."""
        node_run_id, stream = key
        while True:
            text, next_offset = await self.logs.read(
                follow.source, stream, follow.next_offset, _LOG_CHUNK
            )
            if not text or next_offset <= follow.next_offset:
                return
            await self._send_log(node_run_id, stream, follow.next_offset, text)
            follow.next_offset = next_offset

    async def _send_log(self, node_run_id: str, stream: str, offset: int, text: str) -> None:
        await self._send(
            {
                "type": "log",
                "node_run_id": node_run_id,
                "stream": stream,
                "offset": offset,
                "data": text,
            }
        )

    # -- bus events ----------------------------------------------------------------------------
    async def _pump(self) -> None:
        queue = self.sub.queue
        while True:
            events = [await self.sub.get()]
            while not queue.empty() and len(events) < _BATCH:
                events.append(queue.get_nowait())  # (a bundle counts as one)
            try:
                async with self.lock:
                    if self.sub.overflowed:
                        await self._resync()
                        continue
                    self._batch, self._count = [], 0  # what these send goes out in one frame
                    try:
                        for event in events:
                            try:
                                if isinstance(event, Bundle):
                                    await self._forward_bundle(event)
                                else:
                                    await self._forward(event)
                            except ConnectionError:
                                raise
                            except Exception:
                                logger.exception("/ws/events: forwarding %.200r failed", event)
                    finally:
                        batch, self._batch = self._batch, None
                        frame, self._frame = self._frame, None
                    if frame is not None:  # one bundle and nothing else: its shared frame
                        await self.ws.send_frame(frame, WSMsgType.TEXT)
                    elif self._count == 1:
                        await self.ws.send_str(batch[0])
                    elif batch:
                        await self.ws.send_str("[" + ",".join(batch) + "]")
            except ConnectionError:
                return  # the client went away; the reader notices too

    async def _forward(self, event: Event) -> None:
        if event.get("type") == "log":
            await self._forward_log(event)
            return
        topic = event.get("topic")
        if topic == "run":
            reached = self.runs.get(str(event.get("run_id")))
            if reached is None or event["seq"] <= reached:
                return
            self.runs[event["run_id"]] = event["seq"]
        elif (
            (topic == "runs" and not self.run_list)
            or (topic == "graphs" and not self.graph_list)
            or (topic == "workers" and not self.workers)
        ):
            return
        await self._send_text(encode_event(event))  # the same text for every follower

    async def _forward_bundle(self, bundle: Bundle) -> None:
        """Events of one run in ``seq`` order: all new to the client (the usual case), they go
        as the ``events`` message every follower shares; else one by one, as :meth:`_forward`
        does."""
        first = bundle.events[0]
        reached = self.runs.get(str(first.get("run_id")))
        if reached is None:
            return
        if first["seq"] <= reached:
            for event in bundle.events:
                await self._forward(event)
            return
        self.runs[first["run_id"]] = bundle.events[-1]["seq"]
        text, frame = encode_bundle(bundle)
        await self._send_text(text, 1, frame)

    async def _forward_log(self, event: Event) -> None:
        data: bytes = event["data"].encode()
        start: int = event["offset"]
        end = start + len(data)
        for key, follow in list(self.log_follows.items()):
            if follow.source != event["node_run_id"] or key[1] != event["stream"]:
                continue
            if start > follow.next_offset:  # a gap: what is missing is stored by now
                await self._catch_up_log(key, follow)
            if end <= follow.next_offset:
                continue
            skip = max(follow.next_offset - start, 0)
            text = data[skip:].decode("utf-8", "replace")
            await self._send_log(key[0], key[1], start + skip, text)
            follow.next_offset = end

    async def _resync(self) -> None:
        """The client fell behind and events were lost: drop what is queued and send every
        subscription afresh."""
        self.sub.overflowed = False
        dropped = 0
        while not self.sub.queue.empty():
            self.sub.queue.get_nowait()
            dropped += 1
        logger.warning("/ws/events client fell behind; %d events dropped, resynchronising", dropped)
        for run_id in list(self.runs):
            try:
                await self._run_snapshot(run_id)
            except NotFound:
                self.runs.pop(run_id, None)
                self.graphs.discard(run_id)
        if self.workers:
            await self._send_workers()
        for key, follow in list(self.log_follows.items()):
            await self._catch_up_log(key, follow)


async def events_socket(request: web.Request) -> web.WebSocketResponse:
    """Serve one dashboard connection.

    Client messages: ``{"type": "subscribe"|"unsubscribe", "topic": "run", "run_id", "since",
    "graph"}`` (the run's snapshot holds its graph only with ``"graph": true``: the graph of a
    run never changes, ``GET /api/v1/runs/{id}`` has it), ``{"topic": "runs"}``,
    ``{"topic": "graphs"}``, ``{"topic": "workers"}``, ``{"topic": "log", "node_run_id",
    "stream", "offset"}``, ``{"topic": "heartbeat"}``. Server messages: ``snapshot`` (a run),
    ``event`` (run, runs, graphs, workers), ``log`` (text from a byte offset), ``ping``
    (heartbeat) and ``error``. A deleted run is announced on ``runs`` and a deleted graph on
    ``graphs`` as ``{"kind": "deleted", "run_id" | "graph_id"}``. A frame holds one message (a
    JSON object) or, when several were waiting, a JSON array of them in order. Run events
    stored together may come as one message ``{"type": "events", "topic": "run", "run_id",
    "events": [...]}``: each of ``events`` is an ``event`` without the ``type``, ``topic`` and
    ``run_id`` that the message says once for all.

    A run ``event`` is ``{"kind": "run", "run"}`` (the run, whole, without its graph) or
    ``{"kind": "node_run", "node_run"}``: a node run's ``id``, ``node_id`` and ``seq`` and only
    the fields that changed since its previous event, a field that became null as an explicit
    ``null``. A client merges it into the node run it has (from the snapshot, from
    ``GET /api/v1/runs/{id}`` or from the events before), field by field (``outputs`` and
    ``metrics`` are replaced whole). Every event numbered after the ``seq`` of a reading holds
    every field that changed since that reading, so a reading then the events after it give
    the current state; a catch-up with ``since`` is served only from a history that had begun
    by that ``seq``, else the client gets a snapshot."""
    settings = request.app[keys.SETTINGS]
    ws = web.WebSocketResponse(
        heartbeat=max(settings.heartbeat_interval * 5, 5.0), max_msg_size=_MAX_CLIENT_MESSAGE
    )
    await ws.prepare(request)
    _bound_send_buffer(request)
    request.app[keys.WEBSOCKETS].add(ws)
    with contextlib.suppress(ConnectionError):  # the client went away mid-message
        await _Connection(request.app, ws).serve()
    return ws


def _bound_send_buffer(request: web.Request) -> None:
    """Cap the kernel's send buffer of a follower's socket at :data:`FOLLOWER_SEND_BUFFER`.

    Each write to a socket copies what fits into its send buffer there and then, on the loop;
    Linux lets a buffer grow to 4 MB, so a run snapshot of a few MB went out in one copy that
    held the loop for tens of milliseconds (50 followers: 50 such holds). With the cap a write
    copies at most that much and the rest follows as the follower reads."""
    transport = request.transport
    sock = transport.get_extra_info("socket") if transport is not None else None
    if sock is None or sock.family not in (socket.AF_INET, socket.AF_INET6):
        return
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, FOLLOWER_SEND_BUFFER)


def setup_event_routes(app: web.Application) -> None:
    """Register ``/ws/events``."""
    app[SNAPSHOTS] = SnapshotEncoder()
    app.router.add_get("/ws/events", events_socket)
