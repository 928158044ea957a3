"""The state of the active runs and the transitions that change it, with what follows each.

:class:`Transitions` owns the engine's memory: the active runs and their node runs, the runs
that just finished, and the collaborators every part of the engine shares (the unit of work, the
dispatcher, the in-flight table, the metrics recorder). It decides what a status change implies:
the event that announces it (numbered per run), the write that persists it, the children it
readies or the descendants it skips, the run that finishes with it, and the memory released once
that run is stored. It does not decide *when* a node moves: submitting and recovering runs
(:mod:`plynx.engine.runs`), worker messages (:mod:`plynx.engine.worker_link`), the resolver
(:mod:`plynx.engine.resolver`) and the watchdog (:mod:`plynx.engine.upkeep`) call it.

Everything here is synchronous and runs on the loop, so no two changes interleave.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter, OrderedDict
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from plynx.artifacts import ArtifactStore
from plynx.artifacts.logs import LogStore
from plynx.engine.audit import Auditor
from plynx.engine.changes import NodeRunChanges
from plynx.engine.dispatcher import Dispatcher
from plynx.engine.events import EventBus
from plynx.engine.inflight import InFlight
from plynx.engine.metrics import MetricsRecorder
from plynx.engine.state import RunState
from plynx.engine.unit_of_work import UnitOfWork
from plynx.engine.workers import WorkerView
from plynx.model import CacheEntry, NodeRun, NodeRunStatus, Run, RunStatus, snapshot_seq
from plynx.nodes import Registry
from plynx.protocol import Dispatch
from plynx.settings import Settings
from plynx.store import Store

__all__ = ["Transitions", "utc_now"]

logger = logging.getLogger(__name__)

_S = NodeRunStatus
_SUMMARY_INTERVAL = 0.25  # seconds between live "runs" topic updates of one run
_RECENT_RUNS = 16  # finished runs kept in memory for the clients that waited for them


def utc_now() -> datetime:
    """The current time, in UTC (every timestamp the engine writes)."""
    return datetime.now(UTC)


def _elapsed(start: datetime | None, end: datetime | None) -> float:
    return (end - start).total_seconds() if start and end else 0.0


class Transitions:
    """The engine's state and its transitions; the base of every part of :class:`Engine`."""

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
        self._runs: dict[str, RunState] = {}
        # the last runs that finished: whoever waited for them asks for them right away
        self._recent: OrderedDict[str, tuple[Run, list[NodeRun]]] = OrderedDict()
        self._node_runs: dict[str, tuple[RunState, NodeRun]] = {}
        self._uow = UnitOfWork(store, bus)
        self._dispatcher = Dispatcher(settings, self._dispatched)
        self._failures: dict[str, int] = {}
        self._log_offsets: dict[tuple[str, str], int] = {}
        self._resolve_q: asyncio.Queue[tuple[RunState, str]] = asyncio.Queue()
        self._resolving: Counter[str] = Counter()  # node run ids queued for or in the resolver
        self._auditor = Auditor()
        # cache entries not stored yet: a run that looks finished already serves its hits
        self._fresh: dict[str, CacheEntry] = {}
        self._tasks: list[asyncio.Task[None]] = []
        self._workers_announced = False
        self._notes: set[asyncio.Task[None]] = set()  # log lines being written
        self._inflight: InFlight[tuple[RunState, str]] = InFlight()  # same key: run once
        # what _explain_waits last saw: the kinds workers ran, nodes within the grace
        self._served_kinds: set[str] | None = None
        self._held_back: list[tuple[RunState, NodeRun]] = []
        self._metrics = MetricsRecorder(
            store, settings.max_metric_points, self._metrics_changed, self._note
        )

    # -- the active runs -------------------------------------------------------------------------
    def _register(self, run: Run, node_runs: list[NodeRun], rs: RunState | None = None) -> RunState:
        rs = rs if rs is not None else RunState(run, node_runs)
        self._runs[run.id] = rs
        for nr in node_runs:
            self._node_runs[nr.id] = (rs, nr)
        return rs

    def _event(
        self,
        rs: RunState,
        kind: str,
        payload: Callable[[NodeRunChanges], dict[str, Any]],
        changed: NodeRun | None = None,
    ) -> int:
        """Number the next event of a run and queue it for announcement after the flush
        (``payload`` makes its body, given what the run's followers were told; ``changed``:
        the node run it is about, already changed)."""
        rs.run.seq += 1
        topic = f"run:{rs.id}"
        if self.bus.has_subscribers(topic):
            told = self._follow(rs, rs.run.seq, changed)
            event = {"type": "event", "topic": "run", "run_id": rs.id, "seq": rs.run.seq}
            self._uow.announce(topic, {**event, "kind": kind, kind: payload(told)})
        else:
            # nobody listens: keep no partial history (a later subscriber gets a snapshot)
            self.bus.forget_run(rs.id)
        return rs.run.seq

    def _node_event(self, rs: RunState, nr: NodeRun, before: dict[str, Any] | None) -> None:
        """Announce that ``nr`` changed (``before``: its state before, see :meth:`_before`):
        the event carries the change (:mod:`plynx.engine.changes`)."""
        nr.seq = rs.run.seq + 1
        self._event(rs, "node_run", lambda told: told.change(nr.dump(), before), nr)

    def _follow(self, rs: RunState, seq: int, changed: NodeRun | None = None) -> NodeRunChanges:
        """What the followers of ``rs`` were told of its node runs (someone follows it). When
        they have just started to follow it (its history starts at event ``seq``), each node
        run in flight is as they read it: it is recorded so that its next change (a dispatch,
        which has no event) can be told, unless it is ``changed`` already."""
        told = self.bus.changes(rs.id)
        if told is None:
            told = self.bus.following(rs.id, seq)
            for nr in rs:
                if nr.status in (_S.QUEUED, _S.RUNNING) and nr is not changed:
                    told.saw(nr.dump())
        return told

    def _before(self, rs: RunState, nr: NodeRun) -> dict[str, Any] | None:
        """``nr``'s state before a change about to be made, when its followers' record of it
        cannot tell the change without it (its first event since they follow the run)."""
        if not self.bus.has_subscribers(f"run:{rs.id}"):
            return None
        return None if self._follow(rs, rs.run.seq + 1).knows(nr.id) else nr.dump()

    def _dispatched(self, nr: NodeRun) -> None:
        """A dispatch changed ``nr`` (its attempt, its worker) without an event: store it, and
        have its next event tell those fields (a follower may read them meanwhile)."""
        self._uow.node_changed(nr)
        known = self._node_runs.get(nr.id)
        if known is None:
            return
        rs = known[0]
        if self.bus.has_subscribers(f"run:{rs.id}"):
            self._follow(rs, rs.run.seq + 1, nr).changed_quietly(nr.dump())
        else:
            self.bus.forget_run(rs.id)

    # -- transitions -----------------------------------------------------------------------------
    def _set_node(self, rs: RunState, nr: NodeRun, status: NodeRunStatus, **fields: Any) -> None:
        was_finished = nr.status.finished
        previous = nr.status
        before = self._before(rs, nr)
        nr.set_status(status)
        rs.moved(previous, status)
        nr.status_detail = None  # it explained the previous status
        for name, value in fields.items():
            setattr(nr, name, value)
        self._node_event(rs, nr, before)
        self._uow.node_changed(nr)
        if status.finished and not was_finished:
            rs.unfinished -= 1
            for waiter in self._inflight.finished(nr.id):  # they now hit the cache, or run
                self._to_resolve(*waiter)
        self._maybe_summary(rs)
        if logger.isEnabledFor(logging.INFO):
            elapsed = _elapsed(nr.started_at or nr.queued_at, nr.finished_at)
            logger.info(
                "node %s of run %s: %s -> %s (attempt %d%s)",
                nr.node_id,
                rs.id,
                previous.value,
                status.value,
                nr.attempt,
                f", {elapsed:.3f}s" if status.finished else "",
            )

    def _set_run(self, rs: RunState, status: RunStatus) -> None:
        run = rs.run
        previous = run.status
        run.set_status(status)
        now = utc_now()
        if status == RunStatus.RUNNING:
            run.started_at = now
        if status.finished:
            run.finished_at = now
        self._event(rs, "run", lambda _: run.model_dump(mode="json", exclude={"graph"}))
        self._uow.run_changed(run)
        rs.summary_published_at = 0.0
        self._maybe_summary(rs)
        logger.info(
            "run %s: %s -> %s%s",
            run.id,
            previous.value,
            status.value,
            f" in {_elapsed(run.started_at, run.finished_at):.3f}s" if status.finished else "",
        )

    def _maybe_summary(self, rs: RunState) -> None:
        if not self.bus.has_subscribers("runs"):
            return
        now = time.monotonic()
        if now - rs.summary_published_at < _SUMMARY_INTERVAL and not rs.run.status.finished:
            return
        rs.summary_published_at = now
        summary = {"type": "event", "topic": "runs", "kind": "run", "run": rs.summary()}
        self._uow.announce("runs", summary)

    def _check_finished(self, rs: RunState) -> None:
        if rs.unfinished > 0 or rs.run.status.finished:
            return
        self._set_run(rs, rs.outcome())
        run_id = rs.id

        def forget() -> None:
            state = self._runs.pop(run_id, None)
            if state is not None:
                node_runs = list(state)
                state.run.seq = snapshot_seq(state.run, node_runs)
                self._recent[run_id] = (state.run, node_runs)
                if len(self._recent) > _RECENT_RUNS:
                    self._recent.popitem(last=False)
                for nr in node_runs:
                    self._node_runs.pop(nr.id, None)
                    self._failures.pop(nr.id, None)
                    self._auditor.forget(nr.id)
                    self._log_offsets.pop((nr.id, "stdout"), None)
                    self._log_offsets.pop((nr.id, "stderr"), None)
                    self._metrics.forget(nr.id)

        self._uow.after(forget)

    def _node_done(self, rs: RunState, nr: NodeRun) -> None:
        """Follow-up of a finished node: ready its children, or skip its descendants."""
        if nr.status.produced_outputs:
            for child in rs.children[nr.node_id]:
                child_run = rs.node_runs[child]
                if child_run.status == _S.PENDING and rs.parents_done(child):
                    self._to_resolve(rs, child)
        else:
            now = utc_now()
            for node_id in rs.descendants(nr.node_id):
                other = rs.node_runs[node_id]
                if other.status == _S.PENDING:
                    self._set_node(
                        rs,
                        other,
                        _S.SKIPPED,
                        finished_at=now,
                        error=f"skipped: upstream node {nr.node_id} {nr.status.value}",
                    )
        self._check_finished(rs)

    def _queue(self, rs: RunState, nr: NodeRun, dispatch: Dispatch, **fields: Any) -> None:
        self._set_node(rs, nr, _S.QUEUED, queued_at=utc_now(), worker_id=None, **fields)
        self._dispatcher.enqueue(rs, nr, dispatch)

    def _requeue(self, rs: RunState, nr: NodeRun, reason: str) -> None:
        self._dispatcher.revoke(nr.id, reason)
        self._note(nr, f"attempt {nr.attempt}: {reason}; queued again")
        dispatch = self._dispatcher.prepared(nr.id)
        if dispatch is None:  # reloaded after a restart: prepare it again
            self._to_resolve(rs, nr.node_id)
            self._set_node(rs, nr, _S.QUEUED, queued_at=utc_now(), worker_id=None)
            return
        self._queue(rs, nr, dispatch)

    def _fail(self, rs: RunState, nr: NodeRun, error: str) -> None:
        self._set_node(rs, nr, _S.FAILED, error=error, finished_at=utc_now())
        self._note(nr, error)
        self._node_done(rs, nr)

    def _note(self, nr: NodeRun, text: str) -> None:
        """Append a line of PLynx's own to a node's stderr log."""
        task = asyncio.get_running_loop().create_task(
            self._append_log(nr.id, "stderr", f"[plynx] {text}\n")
        )
        self._notes.add(task)
        task.add_done_callback(self._notes.discard)

    # -- hand-offs: to the resolver, to the workers ----------------------------------------------
    def _to_resolve(self, rs: RunState, node_id: str) -> None:
        self._resolving[rs.node_runs[node_id].id] += 1
        self._resolve_q.put_nowait((rs, node_id))

    def _pump(self) -> None:
        """Hand queued nodes to free worker slots."""
        if self._dispatcher.pump():
            self._announce_workers()

    def _explain_waits(self) -> None:
        """Say in their status which queued nodes no connected worker can run ("waiting for a
        worker with kind `notebook`"), and stop saying it once one can. While no worker at all
        is connected, only after a lease timeout: local workers may still be starting.

        Called every watchdog tick, it looks at the whole queue only when the kinds the
        connected workers run have changed; otherwise at the nodes queued since the last tick
        and those the lease timeout held back."""
        served = self._dispatcher.served_kinds()
        if served != self._served_kinds:
            self._served_kinds = served
            candidates = list(self._dispatcher.waiting())
        else:
            candidates = [*self._held_back, *self._dispatcher.waiting(fresh=True)]
        self._held_back = []
        cutoff = utc_now().timestamp() - (0.0 if served else self.settings.lease_timeout)
        for rs, nr in candidates:
            if nr.status != _S.QUEUED or nr.id in self._dispatcher.leases:
                continue  # held back, then handed out or finished meanwhile
            detail = None
            if nr.kind not in served:
                if nr.queued_at is not None and nr.queued_at.timestamp() > cutoff:
                    self._held_back.append((rs, nr))
                    continue
                detail = f"waiting for a worker with kind `{nr.kind}`"
            if detail != nr.status_detail:
                before = self._before(rs, nr)
                nr.status_detail = detail
                self._node_event(rs, nr, before)
                self._uow.node_changed(nr)

    # -- workers ---------------------------------------------------------------------------------
    def workers(self) -> list[WorkerView]:
        """Connected workers, with the run and node of each attempt they hold."""
        views = self._dispatcher.views()
        for view in views:
            for ref in view.running:
                known = self._node_runs.get(ref.node_run_id)
                if known is not None:
                    ref.run_id, ref.node_id = known[0].id, known[1].node_id
        return views

    def _announce_workers(self) -> None:
        """Tell subscribers the worker list changed (once per flush at most)."""
        if self._workers_announced or not self.bus.has_subscribers("workers"):
            return
        self._workers_announced = True

        def publish() -> None:
            self._workers_announced = False
            workers = [w.to_dict() for w in self.workers()]
            self.bus.publish("workers", {"type": "event", "topic": "workers", "workers": workers})

        self._uow.after(publish)

    # -- cache entries, metrics and logs written for a node --------------------------------------
    def _add_cache_entry(self, entry: CacheEntry) -> None:
        """Store ``entry`` with the next flush, serving lookups from memory until then (the run
        it belongs to may look finished before it is stored, and be rerun at once)."""
        self._fresh[entry.key] = entry
        self._uow.add_cache_entry(entry)

        def stored() -> None:
            if self._fresh.get(entry.key) is entry:
                del self._fresh[entry.key]

        self._uow.after(stored)

    def _metrics_changed(self, nr: NodeRun) -> None:
        known = self._node_runs.get(nr.id)
        if known is not None:  # (its metrics changed already: a node run not told goes whole)
            self._node_event(known[0], nr, None)
            self._uow.node_changed(nr)

    async def _append_log(self, node_run_id: str, stream: str, data: str) -> None:
        key = (node_run_id, stream)
        offset = self._log_offsets.get(key)
        if offset is None:
            offset = await self.logs.size(node_run_id, stream)
        self._log_offsets[key] = offset + len(data.encode())
        await self.logs.append(node_run_id, stream, data)
        topic = f"log:{node_run_id}"
        if self.bus.has_subscribers(topic):
            self.bus.publish(
                topic,
                {
                    "type": "log",
                    "node_run_id": node_run_id,
                    "stream": stream,
                    "offset": offset,
                    "data": data,
                },
            )
