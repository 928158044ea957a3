"""The engine: one state machine per active run, in the server's event loop.

(Interface first; the implementation lands in the same module.)
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime

from plynx.artifacts import ArtifactStore
from plynx.artifacts.logs import LogStore
from plynx.engine.events import EventBus
from plynx.model import Graph, GraphIssue, Run
from plynx.nodes import Registry
from plynx.protocol import Hello, Message, RunningRef
from plynx.settings import Settings
from plynx.store import Store

__all__ = ["Engine", "WorkerSession", "WorkerView"]

logger = logging.getLogger(__name__)

Send = Callable[[Message], Awaitable[None]]


@dataclass
class WorkerView:
    """A connected worker as the API shows it."""

    id: str
    host: str
    kinds: list[str]
    slots: int
    running: list[RunningRef]
    connected_at: datetime
    last_heartbeat: datetime


@dataclass(eq=False)
class WorkerSession:
    """A connected worker: what it can run and what it is running."""

    hello: Hello
    send: Send
    connected_at: datetime
    last_seen: float
    running: dict[str, int] = field(default_factory=dict)  # node_run_id -> attempt


class Engine:
    """Tracks every active run, dispatches ready nodes to workers, records results.

    Used by the server: REST handlers call :meth:`submit`, :meth:`cancel`, :meth:`rerun`,
    :meth:`validate`, :meth:`workers`; the ``/ws/worker`` endpoint calls
    :meth:`attach_worker`, :meth:`on_worker_message` and :meth:`detach_worker`.
    """

    def __init__(
        self,
        settings: Settings,
        store: Store,
        artifacts: ArtifactStore,
        logs: LogStore,
        registry: Registry,
        bus: EventBus,
    ) -> None:
        self.settings = settings
        self.store = store
        self.artifacts = artifacts
        self.logs = logs
        self.registry = registry
        self.bus = bus

    async def start(self) -> None:
        """Reload unfinished runs and start the lease watchdog."""
        raise NotImplementedError

    async def stop(self) -> None:
        """Stop background tasks and flush pending writes."""
        raise NotImplementedError

    def validate(self, graph: Graph) -> list[GraphIssue]:
        """Every problem of ``graph`` (empty when it can run)."""
        raise NotImplementedError

    async def submit(
        self,
        graph: Graph,
        *,
        graph_id: str | None = None,
        author: str = "",
        title: str = "",
        rerun_of: str | None = None,
    ) -> Run:
        """Validate (raises :class:`~plynx.errors.GraphInvalid` listing every issue), expand
        composites, store the run and start it."""
        raise NotImplementedError

    async def cancel(self, run_id: str) -> Run:
        """Cancel a run: queued nodes are dropped, running ones killed on their worker.
        :class:`~plynx.errors.NotFound`; :class:`~plynx.errors.Conflict` if it has finished."""
        raise NotImplementedError

    async def rerun(self, run_id: str, *, author: str = "") -> Run:
        """Start a new run of the same graph snapshot (cached nodes are restored)."""
        raise NotImplementedError

    def workers(self) -> list[WorkerView]:
        """Connected workers."""
        raise NotImplementedError

    async def attach_worker(self, hello: Hello, send: Send) -> WorkerSession:
        """A worker said hello (already authenticated). Returns its session; the endpoint then
        sends the welcome the session prepared."""
        raise NotImplementedError

    async def on_worker_message(self, session: WorkerSession, message: Message) -> None:
        """Handle one message from a worker."""
        raise NotImplementedError

    async def detach_worker(self, session: WorkerSession) -> None:
        """The worker's socket closed. Its node runs wait for the lease, then are requeued."""
        raise NotImplementedError
