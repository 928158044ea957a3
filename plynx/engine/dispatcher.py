"""Push dispatch: the queue of runnable node runs, connected workers with their free slots, and
the leases of the attempts they run.

The dispatcher knows nothing of statuses: the engine decides what is runnable and what an
expired lease means; the dispatcher decides who runs what, and keeps the accounting."""

from __future__ import annotations

import logging
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Container, Iterable, Iterator

from plynx.engine.state import RunState
from plynx.engine.workers import FencingStats, Lease, WorkerSession, WorkerView
from plynx.errors import Conflict
from plynx.model import NodeRun, NodeRunStatus
from plynx.protocol import Cancel, Dispatch, Hello, RunningRef, Welcome
from plynx.settings import Settings

__all__ = ["Dispatcher"]

logger = logging.getLogger(__name__)
_ENDED_KEPT = 100_000  # ended attempts remembered to classify late messages


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
        self._unexplained: list[tuple[RunState, str]] = []  # queued since the last waiting()
        self._prepared: dict[str, Dispatch] = {}
        # who held recent attempts, to tell a late message from a forged one
        self._ended: OrderedDict[tuple[str, int], str | None] = OrderedDict()
        self.stats = FencingStats()

    # -- workers ---------------------------------------------------------------------------------
    def views(self) -> list[WorkerView]:
        """Connected workers as the API shows them."""
        return [w.view() for w in self.workers.values() if w.connected]

    def attach(
        self, hello: Hello, server_version: str, token_id: str | None = None
    ) -> tuple[WorkerSession, list[Lease]]:
        """A new connection of a worker: re-attach the attempts its hello lists (running, or
        with a result still in its outbox) that were leased to this same worker id, and queue
        the welcome. Returns the session and the leases this worker held that its hello does
        not list: it never got them (the dispatch died with the old socket) or lost them, so
        they are taken back at once for the caller to requeue. :class:`Conflict` if the worker
        id is connected (or holds attempts) under another token."""
        settings = self._settings
        old = self.workers.get(hello.worker_id)
        if old is not None and old.token_id != token_id:
            # a worker id is bound to the token it first said hello with: another token may
            # not take over its connection and its attempts
            raise Conflict(
                f"worker id {hello.worker_id} is in use with another token; "
                "give this worker an id of its own"
            )
        if old is not None and old.connected:
            old.close()
        session = WorkerSession(hello=hello, token_id=token_id)
        deadline = time.monotonic() + settings.lease_timeout
        unwanted: list[RunningRef] = []
        late = 0
        for ref in hello.running:
            lease = self.current(ref.node_run_id, ref.attempt)
            if lease is not None and lease.worker_id == hello.worker_id:
                lease.expires = deadline
                session.running[ref.node_run_id] = ref.attempt
            else:
                unwanted.append(ref)
                # an attempt it lost (e.g. it was stopped past its lease) whose result it
                # still holds or still computes: as late as that result arriving, and refused
                # here, so the result is never sent (the welcome tells it to drop it)
                late += self._ended.get((ref.node_run_id, ref.attempt)) == hello.worker_id
        self.stats.late += late
        lost = [
            lease
            for lease in self.leases.values()
            if lease.worker_id == hello.worker_id
            and session.running.get(lease.node_run_id) != lease.attempt
        ]
        for lease in lost:
            self._end(lease)
        self.stats.requeued_on_reconnect += len(lost)
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
            "worker %s connected from %s: %d slots, kinds %s, %d attempts re-attached, "
            "%d not listed in its hello taken back, %d listed refused (%d late)",
            session.id,
            hello.host,
            hello.slots,
            ",".join(hello.kinds),
            len(session.running),
            len(lost),
            len(unwanted),
            late,
        )
        return session, lost

    def touch(self, session: WorkerSession) -> None:
        """The worker spoke: its connection is alive (its leases are renewed only by what it
        says about them, see :meth:`renew` and :meth:`held`)."""
        session.last_seen = time.monotonic()

    def renew(self, session: WorkerSession, running: list[RunningRef]) -> bool:
        """A heartbeat: renew the leases of the attempts it lists that this connection holds,
        and free the slots of attempts the worker no longer runs and no longer holds (revoked
        ones whose confirmation was lost). Returns whether a slot was freed."""
        expires = time.monotonic() + self._settings.lease_timeout
        listed = {ref.node_run_id: ref.attempt for ref in running}
        for ref in running:
            lease = self._holds(session, ref.node_run_id, ref.attempt)
            if lease is not None:
                lease.expires = expires
        gone = [
            node_run_id
            for node_run_id, attempt in session.running.items()
            if listed.get(node_run_id) != attempt
            and self._holds(session, node_run_id, attempt) is None
        ]
        for node_run_id in gone:
            del session.running[node_run_id]
        return bool(gone)

    def held(self, session: WorkerSession, node_run_id: str, attempt: int) -> Lease | None:
        """The lease of the attempt if this very connection holds it (fencing: only the live
        session its worker id was leased to may change an attempt). Renews the lease."""
        lease = self._holds(session, node_run_id, attempt)
        if lease is not None:
            lease.expires = max(lease.expires, time.monotonic() + self._settings.lease_timeout)
        return lease

    def _holds(self, session: WorkerSession, node_run_id: str, attempt: int) -> Lease | None:
        lease = self.current(node_run_id, attempt)
        if (
            lease is None
            or lease.worker_id != session.id
            or not session.connected
            or self.workers.get(session.id) is not session
        ):
            return None
        return lease

    def reject(self, session: WorkerSession, kind: str, node_run_id: str, attempt: int) -> None:
        """Count a message about an attempt this connection does not hold. Late if its worker
        held the attempt once (the message is stale, or a revoked attempt confirms it stopped:
        its slot is freed); forged otherwise (a warning)."""
        lease = self.current(node_run_id, attempt)
        given = session.running.get(node_run_id) == attempt
        if given and kind == "result":
            del session.running[node_run_id]
        if (
            given
            or self._ended.get((node_run_id, attempt)) == session.id
            or (lease is not None and lease.worker_id == session.id)
        ):
            self.stats.late += 1
            log = logger.info if kind == "result" else logger.debug
            log(
                "late %s of %s attempt %d from worker %s ignored (it no longer holds it here)",
                kind,
                node_run_id,
                attempt,
                session.id,
            )
            return
        self.stats.forged += 1
        by_worker = self.stats.forged_by_worker
        by_worker[session.id] = by_worker.get(session.id, 0) + 1
        logger.warning(
            "worker %s sent a %s for attempt %d of node run %s, which this connection was never "
            "given: ignored",
            session.id,
            kind,
            attempt,
            node_run_id,
        )

    def may_transfer(self, token_id: str | None, sha256: str | None) -> bool:
        """Whether a worker connected with token ``token_id`` holds a live attempt that needs
        artifact ``sha256`` as an input (with ``None``: holds any live attempt, which may
        upload its outputs). A lease outlives its worker's connection until it expires: a
        worker uploading its outputs while its socket is being re-established is not refused."""
        for session in self.workers.values():
            if session.token_id != token_id:
                continue
            for node_run_id, attempt in session.running.items():
                lease = self.current(node_run_id, attempt)
                if lease is None or lease.worker_id != session.id:
                    continue
                if sha256 is None or sha256 in lease.inputs:
                    return True
        # after a server restart, attempts reloaded from the store wait for their workers to
        # say hello again (whose token is not known until then); a worker finishing one
        # uploads its outputs before or while it reconnects. An upload is only bytes checked
        # against their hash: which result uses them is fenced on the worker's connection.
        return sha256 is None and any(
            lease.worker_id is not None and lease.worker_id not in self.workers
            for lease in self.leases.values()
        )

    def forgive(self, seconds: float) -> None:
        """The server itself did not run for ``seconds`` (its loop stalled): nobody could be
        heard meanwhile, so push every lease and every worker's last word forward by as much
        rather than blame the workers."""
        for lease in self.leases.values():
            lease.expires += seconds
        for session in self.workers.values():
            session.last_seen += seconds

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
        self._unexplained.append((rs, node_run.node_id))

    def prepared(self, node_run_id: str) -> Dispatch | None:
        """The dispatch template of a queued node run, if it has one."""
        return self._prepared.get(node_run_id)

    def queued_ids(self) -> tuple[set[str], Container[str]]:
        """Ids of the node runs in the ready queue, and of those with a dispatch prepared."""
        ready = {rs.node_runs[node_id].id for rs, node_id in self._ready}
        return ready, self._prepared.keys()

    def served_kinds(self) -> set[str]:
        """The kinds some connected worker runs."""
        return {kind for w in self.workers.values() if w.connected for kind in w.hello.kinds}

    def waiting(self, *, fresh: bool = False) -> Iterator[tuple[RunState, NodeRun]]:
        """The queued node runs not handed to a worker yet, in queue order; with ``fresh``
        only those queued since the last such call (a check of what is new costs what is new,
        not the whole queue)."""
        entries: Iterable[tuple[RunState, str]] = self._ready
        if fresh:
            entries, self._unexplained = self._unexplained, []
        else:
            self._unexplained.clear()
        for rs, node_id in entries:
            nr = rs.node_runs[node_id]
            if nr.status == NodeRunStatus.QUEUED and nr.id not in self.leases:
                yield rs, nr

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
                inputs=frozenset(r.sha256 for refs in template.inputs.values() for r in refs),
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

    def orphan(
        self, node_run_id: str, attempt: int, worker_id: str | None, inputs: frozenset[str]
    ) -> None:
        """After a restart: the attempt may still run on its worker; wait for it to re-attach.
        ``inputs`` are the artifacts it may still have to download."""
        self.leases[node_run_id] = Lease(
            node_run_id,
            attempt,
            worker_id,
            time.monotonic() + self._settings.lease_timeout,
            inputs=inputs,
        )

    def finished(self, session: WorkerSession, lease: Lease) -> None:
        """The result of a held attempt arrived: free the worker's slot and the lease."""
        if session.running.get(lease.node_run_id) == lease.attempt:
            del session.running[lease.node_run_id]
        self._end(lease)

    def _end(self, lease: Lease) -> None:
        """Drop a lease, remembering who held it."""
        if self.leases.get(lease.node_run_id) is lease:
            del self.leases[lease.node_run_id]
        self._ended[(lease.node_run_id, lease.attempt)] = lease.worker_id
        if len(self._ended) > _ENDED_KEPT:
            self._ended.popitem(last=False)

    def revoke(self, node_run_id: str, reason: str) -> Lease | None:
        """Take an attempt back: its worker is told to kill it. The worker's slot stays taken
        until it confirms, unless the worker is gone."""
        lease = self.leases.get(node_run_id)
        if lease is None:
            return None
        self._end(lease)
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
