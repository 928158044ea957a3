"""The engine: run state machines, ready queue, dispatch to workers, cache, recovery, events."""

from plynx.engine.engine import Engine
from plynx.engine.events import EventBus, Subscription
from plynx.engine.workers import WorkerSession, WorkerView

__all__ = ["Engine", "EventBus", "Subscription", "WorkerSession", "WorkerView"]
