"""The event bus: fans out engine events to dashboard subscriptions (``/ws/events``).

Topics: ``run:<run_id>`` (run and node-run transitions, numbered by the run's ``seq``),
``runs`` (every run's status changes), ``workers`` (the worker list changed) and
``log:<node_run_id>`` (live log text). Transitions are published only after they are stored
(persist, then announce). A ``node_run`` event carries the node run's change since its previous
event (:mod:`plynx.engine.changes`), so the bus keeps, for each run being followed, what its
followers were told (:meth:`EventBus.following`) and a short history so that a client
reconnecting with its last ``seq`` catches up. The history vouches only for clients that were
following when it started: when it does not reach back to a client's ``seq``,
:meth:`EventBus.history` returns ``None`` and the client is sent a fresh snapshot instead. A
run nobody follows is forgotten (:meth:`EventBus.forget_run`): its events are not made, and a
new follower starts from a snapshot. A deleted run is announced on ``runs``, a deleted graph on
``graphs``, once stored.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from plynx.engine.changes import NodeRunChanges

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


@dataclass(eq=False)
class _Followed:
    """What the bus keeps of a run while it is followed: the events since ``start`` (the
    first it vouches for) and what the followers were told of its node runs."""

    start: int
    history: deque[Event]
    changes: NodeRunChanges


class EventBus:
    """In-process publish/subscribe with per-run history for catch-up."""

    def __init__(self, history_size: int = 2000, queue_size: int = 10_000) -> None:
        self._index: dict[str, set[Subscription]] = {}
        self._followed: dict[str, _Followed] = {}  # by topic, run:<run_id>
        self._history_size = history_size
        self._queue_size = queue_size

    def subscribe(self, topics: Iterable[str] = ()) -> Subscription:
        """A new subscription to ``topics`` (more can be added later)."""
        sub = Subscription(self, self._queue_size)
        for topic in topics:
            sub.add(topic)
        return sub

    def following(self, run_id: str, seq: int) -> NodeRunChanges:
        """What the followers of run ``run_id`` were told of its node runs. The engine asks
        while it makes an event (or changes a node run without one) and someone follows: if
        nobody did until now, the history starts with event ``seq``."""
        topic = f"run:{run_id}"
        followed = self._followed.get(topic)
        if followed is None:
            followed = _Followed(seq, deque(maxlen=self._history_size), NodeRunChanges())
            self._followed[topic] = followed
        return followed.changes

    def changes(self, run_id: str) -> NodeRunChanges | None:
        """What the followers of run ``run_id`` were told, if it is being followed."""
        followed = self._followed.get(f"run:{run_id}")
        return followed.changes if followed is not None else None

    def _keep(self, topic: str, events: list[Event]) -> None:
        """Keep run events for catch-up: those of the run's current following only (one made
        before it was last forgotten may be published after; nobody can catch up with it)."""
        followed = self._followed.get(topic)
        if followed is not None:
            followed.history.extend(e for e in events if e.get("seq", -1) >= followed.start)

    def publish(self, topic: str, event: Event) -> None:
        """Deliver ``event`` to every subscriber of ``topic``. Run events (with a ``seq``) are
        also kept for catch-up."""
        if "seq" in event and topic.startswith("run:"):
            self._keep(topic, [event])
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
        self._keep(topic, events)
        bundle = Bundle(topic, events)
        for sub in self._index.get(topic, ()):
            sub._offer(bundle)

    def history(self, run_id: str, since_seq: int) -> list[Event] | None:
        """Events of run ``run_id`` with ``seq > since_seq``, or ``None`` if the kept history
        does not reach back that far (the client must take a snapshot).

        A client's ``seq`` must be one of the history's own (at least its ``start``): a client
        that read the run before it was followed may lack changes made meanwhile that no event
        tells (node runs changed while nobody listened), and each event tells only a change."""
        followed = self._followed.get(f"run:{run_id}")
        if followed is None or since_seq < followed.start:
            return None
        history = followed.history
        if len(history) == history.maxlen and history[0]["seq"] > since_seq + 1:
            return None  # (full: older events were dropped)
        return [e for e in history if e["seq"] > since_seq]

    def forget_run(self, run_id: str) -> None:
        """Drop what the bus keeps of a run (its history, what its followers were told): nobody
        follows it, and a new follower starts from a snapshot."""
        self._followed.pop(f"run:{run_id}", None)

    def has_subscribers(self, topic: str) -> bool:
        """Whether anyone listens to ``topic`` (lets publishers skip building events)."""
        return bool(self._index.get(topic))
