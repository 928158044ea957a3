"""The resolver: ready nodes get their cache key, then a cache hit, a shared result, or a worker.

A node whose inputs exist is put on the resolver's queue (:meth:`Transitions._to_resolve`). The
resolver takes what is queued in batches, prepares each node's dispatch and cache key
(:mod:`plynx.engine.prepare`) and looks all the keys up in the store at once, and in the cache
entries not stored yet. A hit restores the node's outputs (``cached``); a node with the same key
already executing in another run is left to wait for its result (:mod:`plynx.engine.inflight`);
anything else is queued for a worker. ``file`` nodes resolve to their artifact here, with no
worker. A failed lookup runs the nodes rather than stopping them. Dispatching the queued nodes
is the dispatcher's (:mod:`plynx.engine.dispatcher`).
"""

from __future__ import annotations

import logging

from plynx.engine.prepare import file_output, prepare_dispatch
from plynx.engine.state import RunState
from plynx.engine.transitions import Transitions, utc_now
from plynx.errors import StoreError
from plynx.model import NodeRun, NodeRunStatus
from plynx.protocol import Dispatch

__all__ = ["Resolver"]

logger = logging.getLogger(__name__)

_S = NodeRunStatus


class Resolver(Transitions):
    """The resolver task of :class:`~plynx.engine.Engine` and the cache lookups it makes."""

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
                    finished_at=utc_now(),
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
        self._set_node(rs, nr, _S.SUCCESS, outputs=outputs, finished_at=utc_now())
        self._node_done(rs, nr)
