"""Encoding what ``/ws/events`` sends, once for every follower instead of once per follower.

A run with 10,000 nodes has a graph snapshot of several megabytes and 10,000 node runs; fifty
dashboards that open it at the same moment used to build fifty Python dicts of it and encode
each with :func:`json.dumps`, all on the event loop (35 s in the load benchmark). Here:

* a run's graph never changes, and a follower has it already (a dashboard reads the run with
  ``GET /api/v1/runs/{id}`` before it subscribes; the CLI and the SDK follow statuses only):
  so a snapshot leaves it out, unless the subscription asked for it (``"graph": true``). It was
  two thirds of a snapshot (7.6 of 11.5 MB for 10,000 nodes: fifty followers, 380 MB to copy
  into sockets on the loop). When asked for, it is spliced into the shared snapshot, its JSON
  encoded once per run and shared with the stores (:mod:`plynx.store.run_json`);
* the rest of a snapshot (the run's fields and node runs) is encoded straight to JSON by
  pydantic's encoder (a tenth of the time of dicts and :func:`json.dumps`), in a thread for
  a large run, one snapshot at a time. Followers share a snapshot only when it was read after
  each of them asked (:meth:`SnapshotEncoder.shared_snapshot`): node runs change without a
  new ``seq`` (a dispatch counts an attempt), so only a fresh reading follows the live state;
* a bus event is the same dict for every subscriber: its text is kept (by identity, for a
  short while) so that fifty followers encode it once; a bundle of events (a run's flush) is
  encoded once as one ``events`` message, which a follower with nothing else to send sends
  as its frame.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any, NamedTuple

import pydantic_core
from aiohttp import WSMsgType, web

from plynx.engine.events import Bundle
from plynx.model import NodeRun, Run, snapshot_seq
from plynx.store.run_json import cached_graph_json, graph_json, list_json

__all__ = [
    "SNAPSHOTS",
    "Snapshot",
    "SnapshotEncoder",
    "encode_bundle",
    "encode_event",
    "encode_json",
]

Event = dict[str, Any]
Reader = Callable[[str], Awaitable[tuple[Run, list[NodeRun]]]]
_EVENTS_KEPT = 4096
_IN_THREAD = 1000  # node runs from which a snapshot is encoded in a thread
_LARGE_FRAME = 1 << 20  # bytes from which snapshots are sent to one follower at a time
_SEND_TURN = 1.0  # seconds a slow follower may keep the others waiting

# id(event) -> (event, text): the event is kept alive so that its id is not reused meanwhile
_encoded_events: OrderedDict[int, tuple[Event, str]] = OrderedDict()


def encode_json(message: Event) -> str:
    """``message`` (plain JSON data) as compact JSON text, by pydantic's encoder (a quarter of
    the time of :func:`json.dumps`); what it refuses (a lone surrogate) by :func:`json.dumps`."""
    try:
        return pydantic_core.to_json(message).decode()
    except ValueError:
        return json.dumps(message)


def encode_event(event: Event) -> str:
    """``event`` as JSON text, encoded once however many followers send it."""
    key = id(event)
    cached = _encoded_events.get(key)
    if cached is not None and cached[0] is event:
        return cached[1]
    text = encode_json(event)
    _encoded_events[key] = (event, text)
    if len(_encoded_events) > _EVENTS_KEPT:
        _encoded_events.popitem(last=False)
    return text


#: What every event of a run says alike: an ``events`` message says it once for all of them.
_SAID_ONCE = ("type", "topic", "run_id")


def encode_bundle(bundle: Bundle) -> tuple[str, bytes]:
    """The events of ``bundle`` (a flush of one run) as one ``events`` message, ``{"type":
    "events", "topic": "run", "run_id", "events": [...]}``, each event without the fields
    the message says once (a fifth of a ``node_run`` event that carries a change): as text and
    as a whole frame (UTF-8), encoded once however many followers send them."""
    if bundle.encoded is None:
        first = bundle.events[0]
        message = {
            "type": "events",
            "topic": first.get("topic"),
            "run_id": first.get("run_id"),
            "events": [
                {k: v for k, v in event.items() if k not in _SAID_ONCE} for event in bundle.events
            ],
        }
        text = encode_json(message)
        bundle.encoded = (text, text.encode())
    encoded: tuple[str, bytes] = bundle.encoded
    return encoded


class Snapshot(NamedTuple):
    """A ``snapshot`` message of a run, without the run's graph, and the run it was made of."""

    seq: int
    frame: bytes
    run: Run


_RUN_OPENS = b', "run": {'


class SnapshotEncoder:
    """Encodes ``snapshot`` messages of runs, sharing the work between followers."""

    def __init__(self) -> None:
        self._pending: dict[str, asyncio.Future[bytes]] = {}
        self._gate = asyncio.Lock()
        # run id -> the snapshot being encoded, and the one that the followers who asked
        # meanwhile wait for (it starts once the first is done)
        self._current: dict[str, asyncio.Future[Snapshot]] = {}
        self._next: dict[str, asyncio.Future[Snapshot]] = {}
        self._sending = asyncio.Lock()

    async def send(self, ws: web.WebSocketResponse, frame: bytes) -> None:
        """Send a snapshot ``frame``, large ones to one follower at a time.

        Writing a frame copies it into the socket's buffer at once: fifty followers sent a
        snapshot of 11 MB together made half a gigabyte of buffers in one turn of the loop
        (a stall of 2.6 s in the load benchmark). One at a time, each is written and then
        drained while the loop goes on; a follower that reads slowly keeps its turn for
        :data:`_SEND_TURN` seconds at most."""
        if len(frame) < _LARGE_FRAME:
            await ws.send_frame(frame, WSMsgType.TEXT)
            return
        async with self._sending:
            sending = asyncio.ensure_future(ws.send_frame(frame, WSMsgType.TEXT))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(sending), _SEND_TURN)
        await sending

    async def graph_json(self, run: Run) -> bytes:
        """The JSON of ``run``'s graph (immutable for a run), encoded once (the stores' cache:
        the run's first write has usually encoded it already)."""
        cached = cached_graph_json(run)
        if cached is not None:
            return cached
        pending = self._pending.get(run.id)
        if pending is None:  # the first follower encodes it; the others wait for the result
            loop = asyncio.get_running_loop()
            pending = loop.run_in_executor(None, graph_json, run)
            self._pending[run.id] = pending
            try:
                return await pending
            finally:
                del self._pending[run.id]
        return await asyncio.shield(pending)

    async def with_graph(self, snapshot: Snapshot) -> bytes:
        """``snapshot``'s message with the run's graph (``run.graph``) spliced in."""
        graph = await self.graph_json(snapshot.run)
        at = snapshot.frame.index(_RUN_OPENS) + len(_RUN_OPENS)
        frame = snapshot.frame
        return b"".join((frame[:at], b'"graph":', graph, b",", frame[at:]))

    async def shared_snapshot(self, run_id: str, read: Reader) -> Snapshot:
        """The ``snapshot`` message of run ``run_id`` (without its graph), read by ``read`` and
        encoded once for every follower that asks while it is being made.

        A follower subscribes to the run's events *before* it asks, and a snapshot must be
        read after that: events numbered before the read may have been published before the
        subscription. So a follower never joins a snapshot already under way (read before it
        asked): it waits for the next one, which starts once that one is done and is shared by
        everyone who asked meanwhile (fifty dashboards opening a run: two encodings)."""
        shared = self._next.get(run_id)
        if shared is None:
            current = self._current.get(run_id)
            shared = asyncio.ensure_future(self._make(run_id, read, current))
            if current is None:
                self._current[run_id] = shared
            else:
                self._next[run_id] = shared
        return await asyncio.shield(shared)

    async def _make(
        self, run_id: str, read: Reader, before: asyncio.Future[Snapshot] | None
    ) -> Snapshot:
        if before is not None:
            with contextlib.suppress(Exception):
                await asyncio.shield(before)  # (its failure is its own followers' business)
            task = self._next.pop(run_id)
            self._current[run_id] = task  # from now on, whoever asks waits for the next one
        try:
            run, node_runs = await read(run_id)
            seq, frame = await self.snapshot(run, node_runs)
            return Snapshot(seq, frame, run)
        finally:
            if self._current.get(run_id) is asyncio.current_task():
                del self._current[run_id]

    async def snapshot(self, run: Run, node_runs: list[NodeRun]) -> tuple[int, bytes]:
        """The ``seq`` and ``snapshot`` message (UTF-8 JSON) of ``run``, without its graph."""
        seq = snapshot_seq(run, node_runs)  # before encoding: see _encode
        run_json, nodes_json = await self._encode(run, node_runs, None)
        head = json.dumps({"type": "snapshot", "topic": "run", "run_id": run.id, "seq": seq})
        parts = (head[:-1].encode(), b', "run": ', run_json, b', "node_runs": ', nodes_json, b"}")
        return seq, b"".join(parts)

    async def detail(self, run: Run, node_runs: list[NodeRun]) -> bytes:
        """``{"run", "node_runs"}`` (a :class:`~plynx.server.schemas.RunDetail`) as JSON."""
        graph = await self.graph_json(run)
        run_json, nodes_json = await self._encode(run, node_runs, graph)
        return b"".join((b'{"run": ', run_json, b', "node_runs": ', nodes_json, b"}"))

    async def _encode(
        self, run: Run, node_runs: list[NodeRun], graph: bytes | None
    ) -> tuple[bytes, bytes]:
        """The run's fields (with ``graph`` spliced in, if given) and its node runs, as JSON.

        Many node runs are encoded in a thread, one run at a time (the gate): fifty followers
        woken together would otherwise all encode in the same turn of the loop. A live run goes
        on meanwhile, so a node run may be encoded in a newer state than the ``seq`` read
        before: each event after that ``seq`` that the client then merges carries every field
        that changed since the node run's previous event, whatever values it had in between
        (:mod:`plynx.engine.changes`), so the client ends in the right state."""
        if len(node_runs) < _IN_THREAD:
            return _run_json(run, graph), _json(node_runs)
        async with self._gate:
            return await asyncio.to_thread(lambda: (_run_json(run, graph), _json(node_runs)))


def _run_json(run: Run, graph: bytes | None) -> bytes:
    """The run's own fields with its (separately encoded) graph spliced in as "graph"."""
    fields = pydantic_core.to_json(run, exclude={"graph"})
    if graph is None:
        return fields
    return b"".join((b'{"graph":', graph, b",", fields[1:]))


def _json(value: list[NodeRun]) -> bytes:
    return list_json(value)  # a slice at a time: the loop runs between two


#: The encoder the app's handlers share.
SNAPSHOTS = web.AppKey("snapshots", SnapshotEncoder)
