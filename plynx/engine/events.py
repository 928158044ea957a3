"""The event bus: fans out engine events to dashboard subscriptions (``/ws/events``).

Topics: ``run:<run_id>`` (run and node-run transitions, numbered by the run's ``seq``),
``runs`` (every run's status changes), ``workers`` (the worker list changed) and
``log:<node_run_id>`` (live log text). Transitions are published only after they are stored
(persist, then announce). Each run keeps a short history so that a client reconnecting with
its last ``seq`` catches up; when that history no longer reaches back, :meth:`EventBus.history`
returns ``None`` and the client is sent a fresh snapshot instead. A deleted run is announced
on ``runs``, a deleted graph on ``graphs``, once stored.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["Bundle", "EventBus", "Subscription"]

logger = logging.getLogger(__name__)
Event = dict[str, Any]


@dataclass(eq=False)
class Bundle:
    """Events of one topic announced together (a flush of a run's transitions, in ``seq``
    order): one queue entry for each subscriber instead of one per event, and one encoding
    shared by every subscriber (:attr:`encoded`, made by whoever sends them first)."""

    topic: str
    events: list[Event]
    encoded: Any = None


class Subscription:
    """A dashboard's subscription: a bounded queue of events for some topics. When the client
    falls too far behind, ``overflowed`` is set and it must resynchronise from a snapshot."""

    def __init__(self, bus: EventBus, maxsize: int) -> None:
        self._bus = bus
        self.topics: set[str] = set()
        self.queue: asyncio.Queue[Event | Bundle] = asyncio.Queue(maxsize)
        self.overflowed = False

    def add(self, topic: str) -> None:
        """Start receiving ``topic``."""
        self.topics.add(topic)
        self._bus._index.setdefault(topic, set()).add(self)

    def remove(self, topic: str) -> None:
        """Stop receiving ``topic``."""
        self.topics.discard(topic)
        subscribers = self._bus._index.get(topic)
        if subscribers is not None:
            subscribers.discard(self)
            if not subscribers:
                del self._bus._index[topic]

    def close(self) -> None:
        """Leave every topic."""
        for topic in list(self.topics):
            self.remove(topic)

    def _offer(self, event: Event | Bundle) -> None:
        try:
            self.queue.put_nowait(event)
        except asyncio.QueueFull:
            self.overflowed = True

    async def get(self) -> Event | Bundle:
        """The next event, or bundle of events."""
        return await self.queue.get()


class EventBus:
    """In-process publish/subscribe with per-run history for catch-up."""

    def __init__(self, history_size: int = 2000, queue_size: int = 10_000) -> None:
        self._index: dict[str, set[Subscription]] = {}
        self._history: dict[str, deque[Event]] = {}
        self._history_size = history_size
        self._queue_size = queue_size

    def subscribe(self, topics: Iterable[str] = ()) -> Subscription:
        """A new subscription to ``topics`` (more can be added later)."""
        sub = Subscription(self, self._queue_size)
        for topic in topics:
            sub.add(topic)
        return sub

    def publish(self, topic: str, event: Event) -> None:
        """Deliver ``event`` to every subscriber of ``topic``. Run events (with a ``seq``) are
        also kept for catch-up."""
        if "seq" in event and topic.startswith("run:"):
            history = self._history.setdefault(topic, deque(maxlen=self._history_size))
            history.append(event)
        for sub in self._index.get(topic, ()):
            sub._offer(event)

    def publish_many(self, topic: str, events: list[Event]) -> None:
        """Deliver ``events`` of run topic ``topic`` (in ``seq`` order) to every subscriber,
        as one :class:`Bundle` when there are several; each is kept for catch-up."""
        if len(events) == 1:
            self.publish(topic, events[0])
            return
        if not events:
            return
        history = self._history.setdefault(topic, deque(maxlen=self._history_size))
        history.extend(events)
        bundle = Bundle(topic, events)
        for sub in self._index.get(topic, ()):
            sub._offer(bundle)

    def history(self, run_id: str, since_seq: int) -> list[Event] | None:
        """Events of run ``run_id`` with ``seq > since_seq``, or ``None`` if the kept history
        does not reach back that far (the client must take a snapshot)."""
        history = self._history.get(f"run:{run_id}")
        if not history:
            return None
        if history[0]["seq"] > since_seq + 1:
            return None
        return [e for e in history if e["seq"] > since_seq]

    def forget_run(self, run_id: str) -> None:
        """Drop the history of a finished run (its snapshot is complete)."""
        self._history.pop(f"run:{run_id}", None)

    def has_subscribers(self, topic: str) -> bool:
        """Whether anyone listens to ``topic`` (lets publishers skip building events)."""
        return bool(self._index.get(topic))
