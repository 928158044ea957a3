"""The experiment records of :class:`~plynx.store.postgres.PostgresStore`: metric points and
sweeps (schema version 2), as a mixin over the store's plumbing."""

from __future__ import annotations

from collections.abc import Sequence

from plynx.model import NodeRun, Page
from plynx.model.metrics import MetricPoint, MetricSeries, series_from_points
from plynx.model.sweep import Sweep
from plynx.store.plumbing import PostgresPlumbing
from plynx.store.postgres_rows import Where

__all__ = ["PostgresExperiments"]


# ``unnest`` yields the points in order, so ``pos`` (an identity) grows with it.
_INSERT_POINTS = (
    "INSERT INTO metrics (node_run_id, run_id, node_id, name, step, value) "
    "SELECT $1, $2, $3, name, step, value "
    "FROM unnest($4::text[], $5::bigint[], $6::float8[]) AS p (name, step, value)"
)
_SERIES = (
    "SELECT node_run_id, node_id, name, step, value FROM metrics WHERE run_id = $1 ORDER BY pos"
)
_INSERT_SWEEP = (
    "INSERT INTO sweeps (id, graph_id, author, created_at, doc) VALUES ($1, $2, $3, $4, $5)"
)


class PostgresExperiments:
    """Metric points and sweeps on PostgreSQL."""

    async def add_metrics(
        self: PostgresPlumbing, node_run: NodeRun, points: Sequence[MetricPoint]
    ) -> None:
        """Append metric points of a node run in one statement."""
        if not points:
            return
        await self._execute(
            f"store metrics of {node_run.id!r}",
            _INSERT_POINTS,
            node_run.id,
            node_run.run_id,
            node_run.node_id,
            [p.name for p in points],
            [p.step for p in points],
            [p.value for p in points],
        )

    async def get_metrics(self: PostgresPlumbing, run_id: str) -> list[MetricSeries]:
        """The metric series of a run, in reporting order."""
        rows = await self._fetch(f"read the metrics of run {run_id!r}", _SERIES, run_id)
        return series_from_points((r[0], r[1], r[2], r[3], r[4]) for r in rows)

    async def count_metric_points(self: PostgresPlumbing, node_run_id: str) -> int:
        """How many points a node run reported."""
        sql = "SELECT COUNT(*) FROM metrics WHERE node_run_id = $1"
        rows = await self._fetch(f"count the metrics of {node_run_id!r}", sql, node_run_id)
        return int(rows[0][0])

    async def create_sweep(self: PostgresPlumbing, sweep: Sweep) -> None:
        """Insert a sweep; :class:`Conflict` if the id exists."""
        await self._execute(
            f"create sweep {sweep.id!r}",
            _INSERT_SWEEP,
            sweep.id,
            sweep.graph_id,
            sweep.author,
            sweep.created_at,
            sweep.model_dump_json(),
            duplicate=f"sweep {sweep.id!r} already exists",
        )

    async def get_sweep(self: PostgresPlumbing, sweep_id: str) -> Sweep:
        """The sweep with this id."""
        return await self._one(Sweep, "sweep", "SELECT doc FROM sweeps WHERE id = $1", sweep_id)

    async def list_sweeps(
        self: PostgresPlumbing, *, graph_id: str | None = None, offset: int = 0, limit: int = 50
    ) -> Page[Sweep]:
        """Sweeps, newest first."""
        where = Where().eq("graph_id", graph_id)
        order = "created_at DESC, pos DESC"
        return await self._page(Sweep, "sweeps", where, order, offset, limit)
