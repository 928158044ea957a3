"""Upkeep: the watchdog task, which enforces leases and timeouts and runs the periodic audit.

Every second (or heartbeat interval, if shorter) the watchdog requeues the attempts whose
worker went silent past the lease, fails those that overran their timeout without the worker
saying so, and every few seconds runs the run audit (:mod:`plynx.engine.audit`) and repairs what
it finds. A stall of the loop itself is forgiven to the workers (nobody could be heard
meanwhile). What a lease is and when it expires is the dispatcher's
(:mod:`plynx.engine.dispatcher`); what is stuck is the auditor's; this module only acts on them.
"""

from __future__ import annotations

import asyncio
import logging
import time

from plynx.engine.audit import Repair
from plynx.engine.transitions import Transitions, utc_now
from plynx.model import NodeRunStatus

__all__ = ["Upkeep"]

logger = logging.getLogger(__name__)

_S = NodeRunStatus
_AUDIT_INTERVAL = 10.0  # seconds between run audits
_STALL = 1.0  # seconds of loop stall worth a warning


class Upkeep(Transitions):
    """The watchdog task and the run audit of :class:`~plynx.engine.Engine`."""

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
                self._set_node(rs, nr, _S.SKIPPED, finished_at=utc_now(), error=repair.reason)
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
        self._explain_waits()
