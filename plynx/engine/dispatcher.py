"""Push dispatch: the queue of runnable node runs, connected workers with their free slots, and
the leases of the attempts they run.

The dispatcher knows nothing of statuses: the engine decides what is runnable and what an
expired lease means; the dispatcher decides who runs what, and keeps the accounting."""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable

from plynx.engine.state import RunState
from plynx.engine.workers import Lease, WorkerSession, WorkerView
from plynx.model import NodeRun, NodeRunStatus
from plynx.protocol import Cancel, Dispatch, Hello, RunningRef, Welcome
from plynx.settings import Settings

__all__ = ["Dispatcher"]

logger = logging.getLogger(__name__)


class Dispatcher:
    """Matches queued node runs with free worker slots; tracks leases.

    ``on_dispatch`` is called with each node run handed to a worker (its ``attempt`` and
    ``worker_id`` have been updated and must be stored)."""

    def __init__(self, settings: Settings, on_dispatch: Callable[[NodeRun], None]) -> None:
        self._settings = settings
        self._on_dispatch = on_dispatch
        self.workers: dict[str, WorkerSession] = {}
        self.leases: dict[str, Lease] = {}
        self._ready: deque[tuple[RunState, str]] = deque()
        self._prepared: dict[str, Dispatch] = {}

    # -- workers ---------------------------------------------------------------------------------
    def views(self) -> list[WorkerView]:
        """Connected workers as the API shows them."""
        return [w.view() for w in self.workers.values() if w.connected]

    def attach(self, hello: Hello, server_version: str) -> WorkerSession:
        """A new connection of a worker: re-attach the attempts it still runs (and those whose
        result may still be in its outbox), queue the welcome."""
        settings = self._settings
        old = self.workers.get(hello.worker_id)
        if old is not None and old.connected:
            old.close()
        session = WorkerSession(hello=hello)
        deadline = time.monotonic() + settings.lease_timeout
        unwanted: list[RunningRef] = []
        for ref in hello.running:
            lease = self.leases.get(ref.node_run_id)
            if lease is not None and lease.attempt == ref.attempt:
                lease.worker_id, lease.expires = session.id, deadline
                session.running[ref.node_run_id] = ref.attempt
            else:
                unwanted.append(ref)
        for node_run_id, attempt in old.running.items() if old is not None else ():
            lease = self.leases.get(node_run_id)
            if lease is not None and lease.attempt == attempt:
                lease.expires = deadline
                session.running.setdefault(node_run_id, attempt)
        session.post(
            Welcome(
                server_version=server_version,
                heartbeat_interval=settings.heartbeat_interval,
                lease_timeout=settings.lease_timeout,
                cancel=unwanted,
            )
        )
        self.workers[session.id] = session
        logger.info(
            "worker %s connected from %s: %d slots, kinds %s, %d attempts re-attached",
            session.id,
            hello.host,
            hello.slots,
            ",".join(hello.kinds),
            len(session.running),
        )
        return session

    def touch(self, session: WorkerSession) -> None:
        """The worker spoke: it is alive, and so are the leases of what it runs."""
        now = time.monotonic()
        session.last_seen = now
        expires = now + self._settings.lease_timeout
        for node_run_id in session.running:
            lease = self.leases.get(node_run_id)
            if lease is not None and lease.worker_id == session.id:
                lease.expires = expires

    def drop_silent(self) -> bool:
        """Disconnect workers silent past the lease timeout, forget gone workers that hold no
        lease. Returns whether the worker list changed."""
        now = time.monotonic()
        changed = False
        for session in self.workers.values():
            if session.connected and now - session.last_seen > self._settings.lease_timeout:
                logger.warning(
                    "worker %s silent for %.1fs: disconnecting it",
                    session.id,
                    now - session.last_seen,
                )
                session.close()
                changed = True
        holders = {lease.worker_id for lease in self.leases.values()}
        for worker_id, session in list(self.workers.items()):
            if not session.connected and worker_id not in holders:
                del self.workers[worker_id]
        return changed

    # -- queue -----------------------------------------------------------------------------------
    def enqueue(self, rs: RunState, node_run: NodeRun, dispatch: Dispatch) -> None:
        """Make ``node_run`` (status queued) runnable with this dispatch template."""
        self._prepared[node_run.id] = dispatch
        self._ready.append((rs, node_run.node_id))

    def prepared(self, node_run_id: str) -> Dispatch | None:
        """The dispatch template of a queued node run, if it has one."""
        return self._prepared.get(node_run_id)

    def forget(self, node_run_id: str) -> None:
        """The node run will not be dispatched again."""
        self._prepared.pop(node_run_id, None)

    def pump(self) -> bool:
        """Hand queued node runs to workers with a free slot for their kind, in queue order.
        Returns whether anything was dispatched."""
        if not self._ready:
            return False
        free = [w for w in self.workers.values() if w.connected and w.free > 0]
        blocked: list[tuple[RunState, str]] = []
        dispatched = False
        while self._ready and free:
            rs, node_id = self._ready.popleft()
            node_run = rs.node_runs[node_id]
            template = self._prepared.get(node_run.id)
            if (
                node_run.status != NodeRunStatus.QUEUED
                or node_run.id in self.leases
                or template is None
            ):
                continue  # canceled, finished or already out
            candidates = [w for w in free if w.can_run(template.kind)]
            if not candidates:
                blocked.append((rs, node_id))
                continue
            worker = max(candidates, key=lambda w: w.free)
            node_run.attempt += 1
            node_run.worker_id = worker.id
            self.leases[node_run.id] = Lease(
                node_run.id,
                node_run.attempt,
                worker.id,
                time.monotonic() + self._settings.lease_timeout,
            )
            worker.running[node_run.id] = node_run.attempt
            worker.post(template.model_copy(update={"attempt": node_run.attempt}))
            self._on_dispatch(node_run)
            dispatched = True
            if worker.free == 0:
                free.remove(worker)
        self._ready.extendleft(reversed(blocked))
        return dispatched

    # -- leases ----------------------------------------------------------------------------------
    def current(self, node_run_id: str, attempt: int) -> Lease | None:
        """The lease if ``attempt`` is the live attempt of the node run."""
        lease = self.leases.get(node_run_id)
        return lease if lease is not None and lease.attempt == attempt else None

    def orphan(self, node_run_id: str, attempt: int, worker_id: str | None) -> None:
        """After a restart: the attempt may still run on its worker; wait for it to re-attach."""
        self.leases[node_run_id] = Lease(
            node_run_id, attempt, worker_id, time.monotonic() + self._settings.lease_timeout
        )

    def finished(self, session: WorkerSession, node_run_id: str, attempt: int) -> Lease | None:
        """A result arrived: free the worker's slot; return the lease if it was the live one."""
        if session.running.get(node_run_id) == attempt:
            del session.running[node_run_id]
        lease = self.current(node_run_id, attempt)
        if lease is not None:
            del self.leases[node_run_id]
        return lease

    def revoke(self, node_run_id: str, reason: str) -> Lease | None:
        """Take an attempt back: its worker is told to kill it. The worker's slot stays taken
        until it confirms, unless the worker is gone."""
        lease = self.leases.pop(node_run_id, None)
        if lease is None:
            return None
        worker = self.workers.get(lease.worker_id or "")
        if worker is not None:
            if worker.connected:
                worker.post(Cancel(node_run_id=node_run_id, attempt=lease.attempt, reason=reason))
            else:
                worker.running.pop(node_run_id, None)
        return lease

    def expired(self) -> list[Lease]:
        """Leases whose worker has been silent too long."""
        now = time.monotonic()
        return [lease for lease in self.leases.values() if lease.expires < now]
