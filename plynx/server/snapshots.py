"""Encoding what ``/ws/events`` sends, once for every follower instead of once per follower.

A run with 10,000 nodes has a graph snapshot of several megabytes and 10,000 node runs; fifty
dashboards that open it at the same moment used to build fifty Python dicts of it and encode
each with :func:`json.dumps`, all on the event loop (35 s in the load benchmark). Here:

* a run's graph never changes, so its JSON is encoded once per run (in a thread: pydantic's
  encoder lets the loop run meanwhile) and kept for the few most recent runs;
* the rest of a snapshot (the run's fields and node runs) is encoded straight to JSON by
  pydantic's encoder (a tenth of the time of dicts and :func:`json.dumps`), in a thread for
  a large run, one snapshot at a time. It is not shared: node runs change without a new
  ``seq`` (a dispatch counts an attempt), so only a fresh encoding follows the live state;
* a bus event is the same dict for every subscriber: its text is kept (by identity, for a
  short while) so that fifty followers encode it once.
"""

from __future__ import annotations

import asyncio
import json
from collections import OrderedDict
from typing import Any

import pydantic_core
from aiohttp import web

from plynx.model import NodeRun, Run, snapshot_seq

__all__ = ["SNAPSHOTS", "SnapshotEncoder", "encode_event", "encode_json"]

Event = dict[str, Any]
_GRAPHS_KEPT = 8
_EVENTS_KEPT = 4096
_IN_THREAD = 1000  # node runs from which a snapshot is encoded in a thread

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


class SnapshotEncoder:
    """Encodes ``snapshot`` messages of runs, sharing the work between followers."""

    def __init__(self) -> None:
        self._graphs: OrderedDict[str, bytes] = OrderedDict()
        self._pending: dict[str, asyncio.Future[bytes]] = {}
        self._gate = asyncio.Lock()

    async def graph_json(self, run: Run) -> bytes:
        """The JSON of ``run``'s graph (immutable for a run), encoded once, off the loop."""
        cached = self._graphs.get(run.id)
        if cached is not None:
            self._graphs.move_to_end(run.id)
            return cached
        pending = self._pending.get(run.id)
        if pending is None:  # the first follower encodes it; the others wait for the result
            loop = asyncio.get_running_loop()
            pending = loop.run_in_executor(None, pydantic_core.to_json, run.graph)
            self._pending[run.id] = pending
            try:
                encoded = await pending
            finally:
                del self._pending[run.id]
            self._graphs[run.id] = encoded
            if len(self._graphs) > _GRAPHS_KEPT:
                self._graphs.popitem(last=False)
            return encoded
        return await asyncio.shield(pending)

    async def snapshot(self, run: Run, node_runs: list[NodeRun]) -> tuple[int, bytes]:
        """The ``seq`` and ``snapshot`` message (UTF-8 JSON) of ``run``."""
        graph = await self.graph_json(run)
        seq = snapshot_seq(run, node_runs)  # before encoding: see _encode
        run_json, nodes_json = await self._encode(run, node_runs, graph)
        head = json.dumps({"type": "snapshot", "topic": "run", "run_id": run.id, "seq": seq})
        parts = (head[:-1].encode(), b', "run": ', run_json, b', "node_runs": ', nodes_json, b"}")
        return seq, b"".join(parts)

    async def detail(self, run: Run, node_runs: list[NodeRun]) -> bytes:
        """``{"run", "node_runs"}`` (a :class:`~plynx.server.schemas.RunDetail`) as JSON."""
        graph = await self.graph_json(run)
        run_json, nodes_json = await self._encode(run, node_runs, graph)
        return b"".join((b'{"run": ', run_json, b', "node_runs": ', nodes_json, b"}"))

    async def _encode(
        self, run: Run, node_runs: list[NodeRun], graph: bytes
    ) -> tuple[bytes, bytes]:
        """The run's fields (with ``graph`` spliced in) and its node runs, as JSON.

        Many node runs are encoded in a thread, one run at a time (the gate): fifty followers
        woken together would otherwise all encode in the same turn of the loop. A live run goes
        on meanwhile, so a node run may be encoded in a newer state than the ``seq`` read
        before: the events after that ``seq`` that the client then applies carry whole node
        runs, so it ends in the right state."""
        if len(node_runs) < _IN_THREAD:
            return _run_json(run, graph), _json(node_runs)
        async with self._gate:
            return await asyncio.to_thread(lambda: (_run_json(run, graph), _json(node_runs)))


def _run_json(run: Run, graph: bytes) -> bytes:
    """The run's own fields with its (separately encoded) graph spliced in as "graph"."""
    fields = pydantic_core.to_json(run, exclude={"graph"})
    return b"".join((b'{"graph":', graph, b",", fields[1:]))


def _json(value: Any) -> bytes:
    return pydantic_core.to_json(value)


#: The encoder the app's handlers share.
SNAPSHOTS = web.AppKey("snapshots", SnapshotEncoder)
