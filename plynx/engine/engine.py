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

:class:`Engine` is assembled from one part per concern, each in its own module:

* :mod:`plynx.engine.transitions` — the state of the active runs and every status change;
* :mod:`plynx.engine.runs` — submitting, rerunning, canceling, reloading and reading runs;
* :mod:`plynx.engine.worker_link` — worker attach/detach and the messages workers send;
* :mod:`plynx.engine.resolver` — cache keys, cache lookups and in-flight sharing;
* :mod:`plynx.engine.upkeep` — the watchdog: leases, timeouts and the run audit;
* :mod:`plynx.engine.unit_of_work` — the flusher.

This module ties them together and runs the life cycle: start, flush, stop.
"""

from __future__ import annotations

import asyncio
import contextlib

from plynx.engine.resolver import Resolver
from plynx.engine.runs import Runs
from plynx.engine.upkeep import Upkeep
from plynx.engine.worker_link import WorkerLink
from plynx.engine.workers import WorkerSession, WorkerView

__all__ = ["Engine", "WorkerSession", "WorkerView"]


class Engine(Runs, WorkerLink, Resolver, Upkeep):
    """Tracks every active run, dispatches ready nodes to workers, records results.

    Used by the server: REST handlers call :meth:`submit`, :meth:`cancel`, :meth:`rerun`,
    :meth:`get_run`, :meth:`validate`, :meth:`workers`; the ``/ws/worker`` endpoint calls
    :meth:`attach_worker`, :meth:`on_worker_message` and :meth:`detach_worker`.
    """

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
