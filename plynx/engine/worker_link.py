"""The engine's side of the worker connection: attach, detach, and every message a worker sends.

:class:`WorkerLink` turns worker messages into transitions: a ``started`` moves a node to
``running``, a ``result`` to ``success`` (and a cache entry), to a retry or to ``failed``; logs
and metrics are stored and announced. Every message about an attempt is first checked against
the lease the dispatcher holds for it (fencing): a message from a connection that does not hold
the attempt is counted and ignored (:meth:`~plynx.engine.dispatcher.Dispatcher.reject`).
Who runs what, leases and their renewal are the dispatcher's (:mod:`plynx.engine.dispatcher`);
silent workers and overrun timeouts are the watchdog's (:mod:`plynx.engine.upkeep`).
"""

from __future__ import annotations

import logging
import time
from datetime import timedelta
from typing import Any

from plynx.engine.transitions import Transitions, utc_now
from plynx.engine.workers import FencingStats, WorkerSession
from plynx.errors import StoreError
from plynx.model import CacheEntry, NodeRunStatus
from plynx.protocol import Ack, Heartbeat, Hello, Log, Message, Metrics, Result, Started

__all__ = ["WorkerLink"]

logger = logging.getLogger(__name__)

_S = NodeRunStatus


class WorkerLink(Transitions):
    """What the ``/ws/worker`` endpoint calls on :class:`~plynx.engine.Engine`: attach, detach,
    messages, and the fencing checks of artifact transfers."""

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
        self._explain_waits()  # before the pump: it may hand them to this worker at once
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
            session.last_heartbeat = utc_now()
            if self._dispatcher.renew(session, message.running):
                self._pump()
        else:
            logger.warning("worker %s sent an unexpected %s message", session.id, message.type)

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
            self._set_node(rs, nr, _S.RUNNING, started_at=utc_now(), worker_id=session.id)

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
        now = utc_now()
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


def _version() -> str:
    from plynx import __version__

    return __version__
