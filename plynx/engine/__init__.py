"""The engine: run state machines, ready queue, dispatch to workers, cache, recovery, events."""

from plynx.engine.engine import Engine, WorkerSession, WorkerView
from plynx.engine.events import EventBus, Subscription

__all__ = ["Engine", "EventBus", "Subscription", "WorkerSession", "WorkerView"]
