"""The engine: one state machine per active run, in the server's event loop.

Everything that changes state is synchronous code run on the loop, so no two changes interleave.
The awaits live in three background tasks:

* the *resolver* takes nodes whose inputs exist, computes their cache keys and looks them up in
  the store in batches: a hit restores the outputs (``cached``), a miss queues the node;
* the *flusher* writes every changed run, node run and cache entry in one store transaction,
  then publishes the events of those changes (persist, then announce) and acks worker results;
* the *watchdog* requeues attempts whose worker went silent past the lease and fails attempts
  that overran their timeout without the worker saying so.

Dispatch is push: whenever a node is queued or a slot frees up, :meth:`Engine._pump` hands queued
nodes to connected workers that announced the node's kind and have a free slot.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections import Counter, OrderedDict
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from plynx.artifacts import ArtifactStore
from plynx.artifacts.logs import LogStore
from plynx.engine.audit import Auditor, Repair
from plynx.engine.dispatcher import Dispatcher
from plynx.engine.events import EventBus
from plynx.engine.inflight import InFlight
from plynx.engine.metrics import MetricsRecorder
from plynx.engine.prepare import file_output, prepare_dispatch, store_values
from plynx.engine.state import RunState
from plynx.engine.unit_of_work import UnitOfWork
from plynx.engine.workers import FencingStats, WorkerSession, WorkerView
from plynx.errors import Conflict, GraphInvalid, StoreError
from plynx.model import (
    CacheEntry,
    Graph,
    GraphIssue,
    NodeRun,
    NodeRunStatus,
    Run,
    RunStatus,
    parameter_values,
    snapshot_seq,
    validate_graph,
)
from plynx.nodes import Registry
from plynx.nodes.composite import expand_composites
from plynx.nodes.file import FileNode
from plynx.protocol import (
    Ack,
    Dispatch,
    Heartbeat,
    Hello,
    Log,
    Message,
    Metrics,
    Result,
    Started,
)
from plynx.settings import Settings
from plynx.store import Store

__all__ = ["Engine", "WorkerSession", "WorkerView"]

logger = logging.getLogger(__name__)

_S = NodeRunStatus
_RESOLVABLE = frozenset({NodeRunStatus.PENDING, NodeRunStatus.QUEUED})
_SUMMARY_INTERVAL = 0.25  # seconds between live "runs" topic updates of one run
_RECENT_RUNS = 16  # finished runs kept in memory for the clients that waited for them
_AUDIT_INTERVAL = 10.0  # seconds between run audits
_STALL = 1.0  # seconds of loop stall worth a warning


def _now() -> datetime:
    return datetime.now(UTC)


def _elapsed(start: datetime | None, end: datetime | None) -> float:
    return (end - start).total_seconds() if start and end else 0.0


class Engine:
    """Tracks every active run, dispatches ready nodes to workers, records results.

    Used by the server: REST handlers call :meth:`submit`, :meth:`cancel`, :meth:`rerun`,
    :meth:`get_run`, :meth:`validate`, :meth:`workers`; the ``/ws/worker`` endpoint calls
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
        self._runs: dict[str, RunState] = {}
        # the last runs that finished: whoever waited for them asks for them right away
        self._recent: OrderedDict[str, tuple[Run, list[NodeRun]]] = OrderedDict()
        self._node_runs: dict[str, tuple[RunState, NodeRun]] = {}
        self._uow = UnitOfWork(store, bus)
        self._dispatcher = Dispatcher(settings, self._uow.node_changed)
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
        self._metrics = MetricsRecorder(
            store, settings.max_metric_points, self._metrics_changed, self._note
        )

    # -- life cycle ------------------------------------------------------------------------------
    async def start(self) -> None:
        """Reload unfinished runs and start the background tasks."""
        await self._recover()
        self._tasks = [
            asyncio.create_task(self._uow.run()),
            asyncio.create_task(self._resolver()),
            asyncio.create_task(self._watchdog()),
        ]

    async def stop(self) -> None:
        """Flush pending writes and stop the background tasks. Runs stay unfinished in the store
        and are picked up by the next start."""
        if self._tasks:
            await self.flush()
        if self._notes:  # log lines of our own still being written
            await asyncio.gather(*self._notes, return_exceptions=True)
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks.clear()
        for session in self._dispatcher.workers.values():
            session.close()

    async def flush(self) -> None:
        """Wait until every change made so far is stored and announced."""
        await self._uow.wait_idle()

    # -- runs ------------------------------------------------------------------------------------
    def validate(
        self, graph: Graph, parameters: Mapping[str, Any] | None = None
    ) -> list[GraphIssue]:
        """Every problem of ``graph`` run with these graph ``parameters`` (empty when it can
        run)."""
        issues = validate_graph(graph, self.registry.checks(), parameters=parameters)
        for node in graph.nodes:
            if node.operation.kind == "file" and "artifact" in node.params:
                problem = FileNode.artifact_problem(node.params["artifact"])
                if problem:
                    issues.append(
                        GraphIssue(
                            code="bad_parameter", node=node.id, port="artifact", message=problem
                        )
                    )
        return issues

    async def submit(
        self,
        graph: Graph,
        *,
        graph_id: str | None = None,
        author: str = "",
        title: str = "",
        rerun_of: str | None = None,
        parameters: Mapping[str, Any] | None = None,
        sweep_id: str | None = None,
        reproduces: str | None = None,
    ) -> Run:
        """Validate (raises :class:`~plynx.errors.GraphInvalid` listing every issue), expand
        composites, store the run and start it. ``parameters`` override the defaults of the
        graph's parameters; references to them resolve before any cache key is computed.
        ``reproduces``: the run this one executes again, every node, ignoring the cache."""
        # work over every node (a large graph takes a second): in a thread, so that the loop
        # goes on serving meanwhile
        expanded, values = await asyncio.to_thread(self._expand_valid, graph, parameters)
        await store_values(expanded, self.artifacts, self.store)
        run = Run(
            id=uuid.uuid4().hex,
            graph_id=graph_id,
            title=title or graph.title,
            graph=expanded,
            author=author,
            created_at=_now(),
            rerun_of=rerun_of,
            sweep_id=sweep_id,
            reproduces=reproduces,
            use_cache=reproduces is None,
            parameters=values,
        )
        node_runs, state = await asyncio.to_thread(_new_run_state, run)
        await self.store.create_run(run, node_runs)
        rs = self._register(run, node_runs, state)
        logger.info(
            "run %s submitted: %d nodes (%s)", run.id, len(node_runs), run.title or "untitled"
        )
        self._set_run(rs, RunStatus.RUNNING)
        for node_id, edges in rs.incoming.items():
            if not edges:
                self._to_resolve(rs, node_id)
        self._check_finished(rs)
        return run

    async def rerun(self, run_id: str, *, author: str = "") -> Run:
        """Start a new run of the same graph snapshot (unchanged nodes are restored from the
        cache)."""
        run, _ = await self.get_run(run_id)
        return await self.submit(
            run.graph,
            graph_id=run.graph_id,
            author=author or run.author,
            title=run.title,
            rerun_of=run.id,
            parameters=run.parameters,
        )

    async def get_run(self, run_id: str) -> tuple[Run, list[NodeRun]]:
        """A run and its node runs, live for active runs. :class:`NotFound` if unknown."""
        rs = self._runs.get(run_id)
        if rs is not None:
            return rs.run, list(rs.node_runs.values())
        recent = self._recent.get(run_id)
        if recent is not None:
            return recent[0], list(recent[1])
        run = await self.store.get_run(run_id)
        node_runs = await self.store.get_node_runs(run_id)
        run.seq = snapshot_seq(run, node_runs)
        return run, node_runs

    def active_node_runs(self) -> int:
        """How many node runs the active runs hold (a measure of the engine's memory)."""
        return len(self._node_runs)

    async def cancel(self, run_id: str) -> Run:
        """Cancel a run: waiting nodes are dropped, running ones killed on their worker.
        :class:`NotFound` if unknown; :class:`Conflict` if it has finished."""
        rs = self._runs.get(run_id)
        run = rs.run if rs is not None else await self.store.get_run(run_id)  # or NotFound
        if rs is None or run.status.finished:
            raise Conflict(f"run {run_id} has already finished ({run.status.value}).")
        rs.canceling = True
        now = _now()
        for nr in rs:
            if nr.status.finished:
                continue
            self._dispatcher.revoke(nr.id, "the run was canceled")
            self._dispatcher.forget(nr.id)
            self._set_node(rs, nr, _S.CANCELED, finished_at=now, error="canceled")
        self._check_finished(rs)
        logger.info("run %s canceled", run_id)
        return rs.run

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

    def fencing(self) -> FencingStats:
        """Counters of the worker messages ignored by fencing, and of lost work recovered."""
        return self._dispatcher.stats

    def worker_may_transfer(self, token_id: str | None, sha256: str | None) -> bool:
        """Whether a worker connected with token ``token_id`` holds an unexpired lease with input
        ``sha256`` (``None``: any live attempt, whose outputs it may upload)."""
        return self._dispatcher.may_transfer(token_id, sha256)

    async def attach_worker(self, hello: Hello, token_id: str | None = None) -> WorkerSession:
        """A worker said hello (already authenticated with token ``token_id``). Re-attaches the
        attempts it still runs that were leased to it, requeues at once those it was given but
        does not list, queues the welcome, and starts giving it work. :class:`Conflict` if the
        worker id is in use with another token."""
        session, lost = self._dispatcher.attach(hello, _version(), token_id)
        for lease in lost:
            entry = self._node_runs.get(lease.node_run_id)
            if entry is not None and not entry[1].status.finished:
                self._requeue(
                    *entry,
                    f"worker {hello.worker_id} reconnected without it (the dispatch or the "
                    "attempt was lost with its connection)",
                )
        self._announce_workers()
        self._pump()
        return session

    async def detach_worker(self, session: WorkerSession) -> None:
        """The worker's socket closed. Its attempts keep their lease; if it does not come back in
        time they are requeued by the watchdog."""
        session.close()
        logger.info("worker %s disconnected (%d attempts leased)", session.id, len(session.running))
        self._announce_workers()

    async def on_worker_message(self, session: WorkerSession, message: Message) -> None:
        """Handle one message from a worker."""
        self._dispatcher.touch(session)
        if isinstance(message, Log):
            await self._on_log(session, message)
        elif isinstance(message, Metrics):
            await self._on_metrics(session, message)
        elif isinstance(message, Started):
            self._on_started(session, message)
        elif isinstance(message, Result):
            self._on_result(session, message)
        elif isinstance(message, Heartbeat):
            session.last_heartbeat = _now()
            if self._dispatcher.renew(session, message.running):
                self._pump()
        else:
            logger.warning("worker %s sent an unexpected %s message", session.id, message.type)

    # -- transitions -----------------------------------------------------------------------------
    def _expand_valid(
        self, graph: Graph, parameters: Mapping[str, Any] | None
    ) -> tuple[Graph, dict[str, Any]]:
        """``graph`` with its composites expanded and references resolved, and the values of
        its graph ``parameters``; :class:`GraphInvalid` listing every issue."""
        issues = self.validate(graph, parameters)
        if issues:
            raise GraphInvalid(f"the graph has {len(issues)} problem(s)", issues)
        values, _ = parameter_values(graph.parameters, parameters or {})
        return expand_composites(graph, values), values

    def _register(self, run: Run, node_runs: list[NodeRun], rs: RunState | None = None) -> RunState:
        rs = rs if rs is not None else RunState(run, node_runs)
        self._runs[run.id] = rs
        for nr in node_runs:
            self._node_runs[nr.id] = (rs, nr)
        return rs

    def _event(self, rs: RunState, kind: str, payload: Callable[[], dict[str, Any]]) -> int:
        """Number the next event of a run and queue it for announcement after the flush."""
        rs.run.seq += 1
        topic = f"run:{rs.id}"
        if self.bus.has_subscribers(topic):
            event = {"type": "event", "topic": "run", "run_id": rs.id, "seq": rs.run.seq}
            self._uow.announce(topic, {**event, "kind": kind, kind: payload()})
        else:
            # nobody listens: keep no partial history (a later subscriber gets a snapshot)
            self.bus.forget_run(rs.id)
        return rs.run.seq

    def _set_node(self, rs: RunState, nr: NodeRun, status: NodeRunStatus, **fields: Any) -> None:
        was_finished = nr.status.finished
        previous = nr.status
        nr.set_status(status)
        rs.moved(previous, status)
        for name, value in fields.items():
            setattr(nr, name, value)
        nr.seq = rs.run.seq + 1
        self._event(rs, "node_run", nr.dump)
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
        now = _now()
        if status == RunStatus.RUNNING:
            run.started_at = now
        if status.finished:
            run.finished_at = now
        self._event(rs, "run", lambda: run.model_dump(mode="json", exclude={"graph"}))
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
            now = _now()
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
        self._set_node(rs, nr, _S.QUEUED, queued_at=_now(), worker_id=None, **fields)
        self._dispatcher.enqueue(rs, nr, dispatch)

    def _requeue(self, rs: RunState, nr: NodeRun, reason: str) -> None:
        self._dispatcher.revoke(nr.id, reason)
        self._note(nr, f"attempt {nr.attempt}: {reason}; queued again")
        dispatch = self._dispatcher.prepared(nr.id)
        if dispatch is None:  # reloaded after a restart: prepare it again
            self._to_resolve(rs, nr.node_id)
            self._set_node(rs, nr, _S.QUEUED, queued_at=_now(), worker_id=None)
            return
        self._queue(rs, nr, dispatch)

    def _note(self, nr: NodeRun, text: str) -> None:
        """Append a line of PLynx's own to a node's stderr log."""
        task = asyncio.get_running_loop().create_task(
            self._append_log(nr.id, "stderr", f"[plynx] {text}\n")
        )
        self._notes.add(task)
        task.add_done_callback(self._notes.discard)

    # -- resolving ready nodes -------------------------------------------------------------------
    def _to_resolve(self, rs: RunState, node_id: str) -> None:
        self._resolving[rs.node_runs[node_id].id] += 1
        self._resolve_q.put_nowait((rs, node_id))

    async def _resolver(self) -> None:
        while True:
            items = [await self._resolve_q.get()]
            while not self._resolve_q.empty() and len(items) < 1000:
                items.append(self._resolve_q.get_nowait())
            try:
                await self._resolve(items)
            except Exception:  # a bug here must not stop every run
                logger.exception("resolving %d ready nodes failed", len(items))
            finally:
                for rs, node_id in items:
                    node_run_id = rs.node_runs[node_id].id
                    self._resolving[node_run_id] -= 1
                    if self._resolving[node_run_id] <= 0:
                        del self._resolving[node_run_id]

    async def _resolve(self, items: list[tuple[RunState, str]]) -> None:
        pending: list[tuple[RunState, NodeRun, str, Dispatch]] = []
        for rs, node_id in items:
            nr = rs.node_runs[node_id]
            if (
                rs.canceling
                or nr.status not in (_S.PENDING, _S.QUEUED)
                or nr.id in self._dispatcher.leases
            ):
                continue
            if nr.status == _S.QUEUED and self._dispatcher.prepared(nr.id) is not None:
                continue
            node = rs.nodes[node_id]
            kind = self.registry.get(node.operation.kind)
            if kind is None:
                self._fail(
                    rs, nr, f"unknown node kind {node.operation.kind!r}: is its plugin installed?"
                )
                continue
            if node.operation.kind == "file":
                await self._resolve_file(rs, nr)
                continue
            prepared = prepare_dispatch(rs, node_id, kind, self.settings.lease_timeout)
            if isinstance(prepared, str):
                self._fail(rs, nr, prepared)
                continue
            pending.append((rs, nr, *prepared))
        if not pending:
            return
        keys = [key for _, _, key, _ in pending]
        miss: str | None = None
        try:
            hits = await self.store.get_cache_entries(keys)
        except StoreError as exc:
            miss = f"not looked up in the cache, which failed: {exc.message}"
            logger.warning("cache lookup of %d nodes failed (%s): running them", len(keys), exc)
            hits = {}
        for key in keys:
            if key not in hits and key in self._fresh:
                hits[key] = self._fresh[key]
        for rs, nr, key, dispatch in pending:
            if (
                rs.canceling
                or nr.status not in (_S.PENDING, _S.QUEUED)
                or nr.id in self._dispatcher.leases
            ):
                continue
            entry = hits.get(key) if rs.run.use_cache else None
            declared = {o.name for o in dispatch.outputs}
            if entry is not None and nr.status == _S.PENDING and declared <= set(entry.outputs):
                self._set_node(
                    rs,
                    nr,
                    _S.CACHED,
                    cache_key=key,
                    outputs=entry.outputs,
                    cached_from=entry.node_run_id,
                    cached_from_run=entry.run_id,
                    metrics=dict(entry.metrics),
                    finished_at=_now(),
                )
                self._node_done(rs, nr)
            elif nr.status == _S.QUEUED:  # reloaded queued node: just prepare it
                self._dispatcher.enqueue(rs, nr, dispatch)
            elif rs.run.use_cache and self._inflight.wait(key, rs.id, (rs, nr.node_id)):
                continue  # another run executes the same node now: take its result
            else:
                self._inflight.lead(key, nr.id, rs.id)
                self._queue(rs, nr, dispatch, cache_key=key, cache_miss=miss)
                if miss:
                    self._note(nr, miss)
        self._pump()

    async def _resolve_file(self, rs: RunState, nr: NodeRun) -> None:
        node = rs.nodes[nr.node_id]
        found = await file_output(node, self.store)
        if rs.canceling or nr.status != _S.PENDING:
            return
        if isinstance(found, str):
            self._fail(rs, nr, found)
            return
        outputs = {node.operation.outputs[0].name: [found]}
        self._set_node(rs, nr, _S.SUCCESS, outputs=outputs, finished_at=_now())
        self._node_done(rs, nr)

    def _fail(self, rs: RunState, nr: NodeRun, error: str) -> None:
        self._set_node(rs, nr, _S.FAILED, error=error, finished_at=_now())
        self._note(nr, error)
        self._node_done(rs, nr)

    # -- dispatch --------------------------------------------------------------------------------
    def _pump(self) -> None:
        """Hand queued nodes to free worker slots."""
        if self._dispatcher.pump():
            self._announce_workers()

    def _on_started(self, session: WorkerSession, message: Started) -> None:
        lease = self._dispatcher.held(session, message.node_run_id, message.attempt)
        if lease is None:
            self._dispatcher.reject(session, "started", message.node_run_id, message.attempt)
            return
        entry = self._node_runs.get(message.node_run_id)
        if lease is None or entry is None or entry[1].status.finished:
            return
        rs, nr = entry
        lease.started = time.monotonic()
        if nr.status == _S.QUEUED:
            self._set_node(rs, nr, _S.RUNNING, started_at=_now(), worker_id=session.id)

    def _on_result(self, session: WorkerSession, message: Result) -> None:
        self._uow.after(
            lambda: session.post(Ack(node_run_id=message.node_run_id, attempt=message.attempt))
        )
        lease = self._dispatcher.held(session, message.node_run_id, message.attempt)
        if lease is None:
            self._dispatcher.reject(session, "result", message.node_run_id, message.attempt)
            self._pump()
            return
        self._dispatcher.finished(session, lease)
        entry = self._node_runs.get(message.node_run_id)
        if entry is None or entry[1].status.finished:
            logger.info(
                "duplicate result of %s attempt %d from worker %s ignored",
                message.node_run_id,
                message.attempt,
                session.id,
            )
            self._pump()
            return
        rs, nr = entry
        now = _now()
        fields: dict[str, Any] = {"exit_code": message.exit_code, "finished_at": now}
        if nr.started_at is None:  # a quick node: the worker did not announce its start
            fields["started_at"] = now - timedelta(seconds=message.duration)
        op = rs.nodes[nr.node_id].operation
        status = message.status
        error = message.error
        if status == "success":
            missing = [o.name for o in op.outputs if o.name not in message.outputs]
            if missing:
                status, error = "failed", f"the worker did not return outputs {', '.join(missing)}"
        if status == "success":
            self._dispatcher.forget(nr.id)
            self._set_node(rs, nr, _S.SUCCESS, outputs=message.outputs, error=None, **fields)
            if nr.cache_key:
                self._add_cache_entry(
                    CacheEntry(
                        key=nr.cache_key,
                        outputs=message.outputs,
                        node_run_id=nr.id,
                        run_id=rs.id,
                        created_at=now,
                        metrics=dict(nr.metrics),
                    )
                )
            self._node_done(rs, nr)
        elif status == "failed":
            failures = self._failures.get(nr.id, 0) + 1
            self._failures[nr.id] = failures
            if failures <= op.retries:
                self._requeue(
                    rs,
                    nr,
                    f"failed ({error or 'exit code ' + str(message.exit_code)}), "
                    f"retry {failures} of {op.retries}",
                )
            else:
                self._dispatcher.forget(nr.id)
                error = error or f"exit code {message.exit_code}"
                if op.retries:  # say it was retried, ahead of the worker's own message
                    error = f"attempt {failures} of {op.retries + 1}: {error}"
                self._set_node(rs, nr, _S.FAILED, error=error, **fields)
                self._node_done(rs, nr)
        else:  # the worker gave up the attempt on its own (e.g. it is shutting down)
            self._requeue(rs, nr, f"canceled by worker {session.id} ({error or 'no reason'})")
        self._pump()

    def _add_cache_entry(self, entry: CacheEntry) -> None:
        """Store ``entry`` with the next flush, serving lookups from memory until then (the run
        it belongs to may look finished before it is stored, and be rerun at once)."""
        self._fresh[entry.key] = entry
        self._uow.add_cache_entry(entry)

        def stored() -> None:
            if self._fresh.get(entry.key) is entry:
                del self._fresh[entry.key]

        self._uow.after(stored)

    async def _on_log(self, session: WorkerSession, message: Log) -> None:
        if self._dispatcher.held(session, message.node_run_id, message.attempt) is None:
            self._dispatcher.reject(session, "log", message.node_run_id, message.attempt)
            return
        await self._append_log(message.node_run_id, message.stream, message.data)

    async def _on_metrics(self, session: WorkerSession, message: Metrics) -> None:
        held = self._dispatcher.held(session, message.node_run_id, message.attempt)
        known = self._node_runs.get(message.node_run_id)
        if held is None or known is None:
            self._dispatcher.reject(session, "metrics", message.node_run_id, message.attempt)
            return
        try:
            await self._metrics.record(known[1], list(message.points))
        except StoreError as exc:  # the node goes on; its metrics are incomplete, and say so
            logger.warning("storing metrics of %s failed: %s", message.node_run_id, exc)
            self._note(known[1], f"metrics: {len(message.points)} points were lost ({exc})")

    def _metrics_changed(self, nr: NodeRun) -> None:
        known = self._node_runs.get(nr.id)
        if known is not None:
            nr.seq = known[0].run.seq + 1
            self._event(known[0], "node_run", nr.dump)
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

    # -- announcements ---------------------------------------------------------------------------
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

    # -- leases and timeouts ---------------------------------------------------------------------
    async def _watchdog(self) -> None:
        interval = min(self.settings.heartbeat_interval, 1.0)
        audited = time.monotonic()
        while True:
            before = time.monotonic()
            await asyncio.sleep(interval)
            stalled = time.monotonic() - before - interval
            try:
                if stalled > 0.1:  # nobody could be heard meanwhile: not their fault
                    self._dispatcher.forgive(stalled)
                if stalled > _STALL:
                    logger.warning(
                        "the server's loop stalled for %.1fs: leases extended by as much", stalled
                    )
                self._check_leases()
                if time.monotonic() - audited >= _AUDIT_INTERVAL:
                    audited = time.monotonic()
                    self.audit()
            except Exception:
                logger.exception("lease check or run audit failed")

    def audit(self) -> int:
        """Find the unfinished nodes that nothing will move any more (see
        :mod:`plynx.engine.audit`) and move them: dispatch, requeue, skip or fail them. Returns
        how many were repaired."""
        ready, prepared = self._dispatcher.queued_ids()
        repairs = self._auditor.round(
            list(self._runs.values()),
            leased=self._dispatcher.leases,
            resolving=self._resolving,
            prepared=prepared,
            ready=ready,
        )
        for rs, nr, repair in repairs:
            if repair == Repair.RESOLVE:
                self._to_resolve(rs, nr.node_id)
            elif repair == Repair.ENQUEUE:
                dispatch = self._dispatcher.prepared(nr.id)
                if dispatch is not None:
                    self._dispatcher.enqueue(rs, nr, dispatch)
            elif repair == Repair.REQUEUE:
                self._requeue(rs, nr, "found running without a lease by the run audit")
            elif repair == Repair.SKIP:
                self._set_node(rs, nr, _S.SKIPPED, finished_at=_now(), error=repair.reason)
            else:
                self._dispatcher.revoke(nr.id, "stuck")
                self._dispatcher.forget(nr.id)
                self._fail(rs, nr, repair.reason)
        for rs in list(self._runs.values()):
            self._check_finished(rs)
        self._dispatcher.stats.audit_repairs = self._auditor.repairs
        if repairs:
            self._pump()
        return len(repairs)

    def _check_leases(self) -> None:
        if self._dispatcher.drop_silent():
            self._announce_workers()
        for lease in self._dispatcher.expired():
            entry = self._node_runs.get(lease.node_run_id)
            if entry is None:
                self._dispatcher.revoke(lease.node_run_id, "the run is gone")
                continue
            worker = lease.worker_id or "an unknown worker"
            self._requeue(*entry, f"lost: {worker} was silent for {self.settings.lease_timeout:g}s")
        grace = max(self.settings.lease_timeout, 5.0)
        now = time.monotonic()
        for lease in list(self._dispatcher.leases.values()):
            rs, nr = self._node_runs[lease.node_run_id]
            timeout = rs.nodes[nr.node_id].operation.timeout
            if timeout and lease.started is not None and now - lease.started > timeout + grace:
                self._dispatcher.revoke(nr.id, f"timed out after {timeout:g}s")
                self._fail(rs, nr, f"timed out after {timeout:g}s (the worker did not stop it)")
        self._pump()

    # -- recovery --------------------------------------------------------------------------------
    async def _recover(self) -> None:
        runs = await self.store.list_unfinished_runs()
        for run in runs:
            node_runs = await self.store.get_node_runs(run.id)
            run.seq = snapshot_seq(run, node_runs)
            rs = self._register(run, node_runs)
            if run.status == RunStatus.QUEUED:
                self._set_run(rs, RunStatus.RUNNING)
            waiting = 0
            for nr in rs:
                if nr.status == _S.RUNNING or (nr.status == _S.QUEUED and nr.attempt > 0):
                    # its worker may still run it: wait for it to re-attach, else requeue
                    refs = rs.input_refs(nr.node_id).values()
                    inputs = frozenset(ref.sha256 for group in refs for ref in group)
                    self._dispatcher.orphan(nr.id, nr.attempt, nr.worker_id, inputs)
                    waiting += 1
                elif nr.status == _S.QUEUED or (
                    nr.status == _S.PENDING and rs.parents_done(nr.node_id)
                ):
                    self._to_resolve(rs, nr.node_id)
            logger.info(
                "run %s reloaded: %d of %d nodes unfinished, %d waiting for their worker",
                run.id,
                rs.unfinished,
                len(node_runs),
                waiting,
            )
            self._check_finished(rs)


def _new_run_state(run: Run) -> tuple[list[NodeRun], RunState]:
    """The node runs of a new run and its state (not yet registered)."""
    node_runs = [
        NodeRun(id=uuid.uuid4().hex, run_id=run.id, node_id=n.id, kind=n.operation.kind)
        for n in run.graph.nodes
    ]
    return node_runs, RunState(run, node_runs)


def _version() -> str:
    from plynx import __version__

    return __version__
