"""Connected workers, their free slots, and the leases of the attempts they run."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel

from plynx.protocol import Hello, Message

__all__ = ["FencingStats", "Lease", "RunningNode", "WorkerSession", "WorkerView"]


class RunningNode(BaseModel):
    """An attempt a worker holds, with the run and node it belongs to (when the server still
    knows them: an attempt re-attached after a restart may belong to a finished run)."""

    node_run_id: str
    attempt: int
    run_id: str | None = None
    node_id: str | None = None


@dataclass
class WorkerView:
    """A connected worker as the API shows it."""

    id: str
    host: str
    kinds: list[str]
    slots: int
    running: list[RunningNode]
    connected_at: datetime
    last_heartbeat: datetime

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (as events carry it)."""
        return {
            "id": self.id,
            "host": self.host,
            "kinds": self.kinds,
            "slots": self.slots,
            "running": [r.model_dump() for r in self.running],
            "connected_at": self.connected_at.isoformat(),
            "last_heartbeat": self.last_heartbeat.isoformat(),
        }


@dataclass
class Lease:
    """An attempt handed to a worker. It is lost when ``expires`` (monotonic) passes; a message
    of its worker about it, or a heartbeat that lists it, pushes ``expires`` forward.
    ``inputs`` are the sha256 of the artifacts the attempt may download."""

    node_run_id: str
    attempt: int
    worker_id: str | None
    expires: float
    started: float | None = None
    inputs: frozenset[str] = frozenset()


@dataclass
class FencingStats:
    """Worker messages the server ignored. *Forged*: about an attempt the sending connection was
    never given (a warning each). *Late*: about an attempt its worker held once but no longer
    holds on this connection (revoked, requeued, or re-attached to a newer connection), or an
    attempt its hello still lists after it lost it (refused in the welcome)."""

    forged: int = 0
    late: int = 0
    forged_by_worker: dict[str, int] = field(default_factory=dict)
    requeued_on_reconnect: int = 0
    audit_repairs: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``/api/v1/workers/fencing``)."""
        return {
            "forged": self.forged,
            "late": self.late,
            "forged_by_worker": dict(self.forged_by_worker),
            "requeued_on_reconnect": self.requeued_on_reconnect,
            "audit_repairs": self.audit_repairs,
        }


@dataclass(eq=False)
class WorkerSession:
    """One connection of a worker. Messages to it go through :meth:`post` (never blocks); the
    ``/ws/worker`` endpoint drains :attr:`outbox` into the socket."""

    hello: Hello
    token_id: str | None = None  # the worker token it said hello with (scopes its artifacts)
    connected_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    last_seen: float = field(default_factory=time.monotonic)
    last_heartbeat: datetime = field(default_factory=lambda: datetime.now(UTC))
    running: dict[str, int] = field(default_factory=dict)  # node_run_id -> attempt
    connected: bool = True
    outbox: asyncio.Queue[Message | None] = field(default_factory=asyncio.Queue)

    @property
    def id(self) -> str:
        """The worker's id (stable across its reconnects)."""
        return self.hello.worker_id

    @property
    def free(self) -> int:
        """Slots not taken by an attempt."""
        return self.hello.slots - len(self.running)

    def can_run(self, kind: str) -> bool:
        """Whether the worker announced ``kind``."""
        return kind in self.hello.kinds

    def post(self, message: Message) -> None:
        """Queue a message for the worker (dropped silently once disconnected)."""
        if self.connected:
            self.outbox.put_nowait(message)

    def close(self) -> None:
        """Mark the connection gone and wake the writer so it exits."""
        self.connected = False
        self.outbox.put_nowait(None)

    def view(self) -> WorkerView:
        """What the API shows of this worker."""
        return WorkerView(
            id=self.id,
            host=self.hello.host,
            kinds=list(self.hello.kinds),
            slots=self.hello.slots,
            running=[RunningNode(node_run_id=k, attempt=v) for k, v in self.running.items()],
            connected_at=self.connected_at,
            last_heartbeat=self.last_heartbeat,
        )
