"""The engine's unit of work: changes collected between flushes, stored in one transaction,
then announced (persist, then announce)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from typing import Any

from plynx.engine.events import EventBus
from plynx.errors import PlynxError
from plynx.model import CacheEntry, NodeRun, Run
from plynx.store import Batch, Store

__all__ = ["FLUSH_INTERVAL", "UnitOfWork"]

logger = logging.getLogger(__name__)
_RETRY_DELAY = 1.0
#: The shortest time between the starts of two flush rounds (seconds). A change waits at most
#: this long to be stored and announced; under load, every change of that time goes in one
#: transaction and one announcement, in which a node run's last change stands for its earlier
#: ones. Without it a fast store made a round of every few changes: a 10,000-node run sent 50
#: followers 330,000 frames and twice the bytes (queued, running and done one by one), and the
#: server and its followers spent the CPU the nodes needed.
FLUSH_INTERVAL = 0.05


class UnitOfWork:
    """Collects changed runs, node runs and cache entries, and the events and callbacks that
    must wait until they are stored. :meth:`run` is the flusher task: each round writes
    everything collected so far in one :meth:`Store.apply`, publishes the events of the round,
    then runs its callbacks. Changes made while a write is in flight go into the next round,
    which batches naturally under load; a round starts :data:`FLUSH_INTERVAL` after the previous
    one started at the earliest."""

    def __init__(self, store: Store, bus: EventBus, interval: float = FLUSH_INTERVAL) -> None:
        self._interval = interval
        self._store = store
        self._bus = bus
        self._runs: dict[str, Run] = {}
        self._nodes: dict[str, NodeRun] = {}
        self._cache: list[CacheEntry] = []
        self._events: list[tuple[str, dict[str, Any]]] = []
        self._after: list[Callable[[], None]] = []
        self._wanted = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()

    def run_changed(self, run: Run) -> None:
        """``run`` must be written (its latest state, at flush time)."""
        self._runs[run.id] = run
        self._wanted.set()

    def node_changed(self, node_run: NodeRun) -> None:
        """``node_run`` must be written (its latest state, at flush time)."""
        self._nodes[node_run.id] = node_run
        self._wanted.set()

    def add_cache_entry(self, entry: CacheEntry) -> None:
        """Insert ``entry`` with the next write."""
        self._cache.append(entry)
        self._wanted.set()

    def announce(self, topic: str, event: dict[str, Any]) -> None:
        """Publish ``event`` once the changes made so far are stored."""
        self._events.append((topic, event))
        self._wanted.set()

    def after(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the changes made so far are stored."""
        self._after.append(callback)
        self._wanted.set()

    def pending(self) -> bool:
        """Whether anything waits to be written or announced."""
        return bool(self._runs or self._nodes or self._cache or self._events or self._after)

    async def wait_idle(self) -> None:
        """Return once everything collected so far has been stored and announced."""
        while self.pending() or not self._idle.is_set():
            self._wanted.set()
            self._idle.clear()
            await self._idle.wait()

    async def run(self) -> None:
        """The flusher loop (a background task)."""
        loop = asyncio.get_running_loop()
        started = -self._interval
        while True:
            await self._wanted.wait()
            if (wait := started + self._interval - loop.time()) > 0:
                await asyncio.sleep(wait)  # what changes meanwhile joins this round
            started = loop.time()
            self._wanted.clear()
            self._idle.clear()  # a round is in flight: whoever waits for idle waits for it
            if not await self._flush_once():
                await asyncio.sleep(_RETRY_DELAY)
                self._wanted.set()
                continue
            if not self.pending():
                self._idle.set()

    def _publish(self, events: list[tuple[str, dict[str, Any]]]) -> None:
        """Publish in order; consecutive events of one run go as one bundle (a large run's
        flush holds hundreds: fifty followers take one queue entry and one encoding each), in
        which a node run's changes are one event (see :func:`_merged`)."""
        start = 0
        while start < len(events):
            topic = events[start][0]
            end = start + 1
            if topic.startswith("run:"):
                while end < len(events) and events[end][0] == topic:
                    end += 1
                self._bus.publish_many(topic, _merged(event for _, event in events[start:end]))
            else:
                self._bus.publish(topic, events[start][1])
            start = end

    async def _flush_once(self) -> bool:
        batch = Batch(
            runs=list(self._runs.values()),
            node_runs=list(self._nodes.values()),
            cache_entries=self._cache,
        )
        events, after = self._events, self._after
        self._runs, self._nodes, self._cache, self._events, self._after = {}, {}, [], [], []
        if batch:
            try:
                await self._store.apply(batch)
            except PlynxError:
                logger.exception("storing %d node runs failed; retrying", len(batch.node_runs))
                for run in batch.runs:
                    self._runs.setdefault(run.id, run)
                for node_run in batch.node_runs:
                    self._nodes.setdefault(node_run.id, node_run)
                self._cache[:0] = batch.cache_entries
                self._events[:0] = events
                self._after[:0] = after
                return False
        self._publish(events)
        for callback in after:
            try:
                callback()
            except Exception:
                logger.exception("a post-write callback failed")
        return True


def _merged(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """``events`` in order, the ``node_run`` events of one node run merged into its last: a
    short node queued, started and finished within one flush is one event, not three, for
    every follower. A node run event carries a change (:mod:`plynx.engine.changes`), so the
    merged one carries every field any of them did, with its last value. Sequence numbers
    keep their meaning: a gap in them is a change that a later event includes."""
    kept = list(events)
    merged: set[int] = set()  # indices of events merged into a later one
    last: dict[str, int] = {}  # node run id -> index of its latest event so far
    for i, event in enumerate(kept):
        if event.get("kind") != "node_run":
            continue
        node_run_id = event["node_run"]["id"]
        earlier = last.get(node_run_id)
        if earlier is not None:
            change = {**kept[earlier]["node_run"], **event["node_run"]}
            kept[i] = {**event, "node_run": change}
            merged.add(earlier)
        last[node_run_id] = i
    return [event for i, event in enumerate(kept) if i not in merged]
