"""The experiment records of :class:`~plynx.store.mongo.MongoStore`: metric points (one
document each, ordered by ``seq``) and sweeps (schema version 2)."""

from __future__ import annotations

from collections.abc import Sequence

from plynx.model import NodeRun, Page
from plynx.model.metrics import MetricPoint, MetricSeries, series_from_points
from plynx.model.sweep import Sweep
from plynx.store.mongo_base import MongoBase
from plynx.store.mongo_docs import where

__all__ = ["MongoExperiments"]


class MongoExperiments(MongoBase):
    """Metric points and sweeps on MongoDB."""

    async def add_metrics(self, node_run: NodeRun, points: Sequence[MetricPoint]) -> None:
        """Append metric points of a node run."""
        if not points:
            return
        doing = f"store metrics of {node_run.id!r}"
        coll = self._collection("metrics", doing)
        docs = [
            {
                "seq": self._order.next(),
                "node_run_id": node_run.id,
                "run_id": node_run.run_id,
                "node_id": node_run.node_id,
                "name": p.name,
                "step": p.step,
                "value": p.value,
            }
            for p in points
        ]
        with self._driver(doing):
            await coll.insert_many(docs, ordered=True)

    async def get_metrics(self, run_id: str) -> list[MetricSeries]:
        """The metric series of a run, in reporting order."""
        doing = f"read the metrics of run {run_id!r}"
        coll = self._collection("metrics", doing)
        with self._driver(doing):
            docs = (
                await coll.find({"run_id": run_id}).sort([("run_id", 1), ("seq", 1)]).to_list(None)
            )
        return series_from_points(
            (d["node_run_id"], d["node_id"], d["name"], d["step"], d["value"]) for d in docs
        )

    async def count_metric_points(self, node_run_id: str) -> int:
        """How many points a node run reported."""
        doing = f"count the metrics of {node_run_id!r}"
        coll = self._collection("metrics", doing)
        with self._driver(doing):
            return int(await coll.count_documents({"node_run_id": node_run_id}))

    async def create_sweep(self, sweep: Sweep) -> None:
        """Insert a sweep; :class:`Conflict` if the id exists."""
        fields = {
            "graph_id": sweep.graph_id,
            "created_ts": sweep.created_at.timestamp(),
            "doc": sweep.model_dump_json(),
        }
        await self._insert("sweeps", sweep.id, fields, "sweep")

    async def get_sweep(self, sweep_id: str) -> Sweep:
        """The sweep with this id."""
        return await self._one(Sweep, "sweep", "sweeps", sweep_id)

    async def list_sweeps(
        self, *, graph_id: str | None = None, offset: int = 0, limit: int = 50
    ) -> Page[Sweep]:
        """Sweeps, newest first."""
        order = [("created_ts", -1), ("seq", -1)]
        return await self._page(Sweep, "sweeps", where(graph_id=graph_id), order, offset, limit)
