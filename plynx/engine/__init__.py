"""The engine: run state machines, ready queue, dispatch to workers, cache, recovery, events."""

from plynx.engine.engine import Engine
from plynx.engine.events import Bundle, EventBus, Subscription
from plynx.engine.workers import WorkerSession, WorkerView

__all__ = ["Bundle", "Engine", "EventBus", "Subscription", "WorkerSession", "WorkerView"]
