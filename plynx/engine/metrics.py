"""Metric points reported by running nodes: bounded, stored, and reflected in the node run.

The engine hands every ``metrics`` message of an attempt it holds to
:meth:`MetricsRecorder.record`. Points are appended to the store (the full series, served by
``GET /runs/{id}/metrics``), and the last value of each metric goes into the node run
(``NodeRun.metrics``), which the engine persists and announces like any other change of it.

A node run may report at most ``limit`` points: past it the rest are dropped and one line on the
node's stderr log says so and how to raise the limit; the node itself goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from plynx.model.metrics import MetricPoint
from plynx.model.run import NodeRun
from plynx.store.base import Store

__all__ = ["MetricsRecorder"]

logger = logging.getLogger(__name__)


class MetricsRecorder:
    """Stores metric points per node run, up to ``limit`` each.

    ``changed(node_run)`` is called after ``node_run.metrics`` was updated (the engine persists
    and announces it); ``note(node_run, text)`` appends a line of PLynx's own to its log."""

    def __init__(
        self,
        store: Store,
        limit: int,
        changed: Callable[[NodeRun], None],
        note: Callable[[NodeRun, str], None],
    ) -> None:
        self.store = store
        self.limit = limit
        self._changed = changed
        self._note = note
        self._counts: dict[str, int] = {}  # points stored per active node run

    async def record(self, node_run: NodeRun, points: list[MetricPoint]) -> None:
        """Store ``points`` of ``node_run`` (those within its limit) and update its last
        values."""
        count = self._counts.get(node_run.id)
        if count is None:  # first batch since this server started: the store knows the rest
            count = await self.store.count_metric_points(node_run.id)
        room = max(self.limit - count, 0)
        kept = points[:room]
        if len(kept) < len(points):
            if room > 0 or count == self.limit:
                self._note(
                    node_run,
                    f"metrics: a node run may report at most {self.limit} metric points; the "
                    "ones after that are dropped (raise the server setting max_metric_points "
                    "to keep more)",
                )
                logger.warning("node run %s reached the metric limit %d", node_run.id, self.limit)
            count = self.limit + 1  # noted once
        else:
            count += len(kept)
        self._counts[node_run.id] = count
        if not kept:
            return
        await self.store.add_metrics(node_run, kept)
        for point in kept:
            node_run.metrics[point.name] = point.value
        self._changed(node_run)

    def forget(self, node_run_id: str) -> None:
        """The node run finished: drop its counter."""
        self._counts.pop(node_run_id, None)
