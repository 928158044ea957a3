"""The experiment records of :class:`~plynx.store.sqlite.SQLiteStore`: metric points and
sweeps (schema version 2), as a mixin over the store's plumbing."""

from __future__ import annotations

from collections.abc import Sequence

from plynx.model import NodeRun, Page
from plynx.model.metrics import MetricPoint, MetricSeries, series_from_points
from plynx.model.sweep import Sweep
from plynx.store.plumbing import SQLitePlumbing
from plynx.store.sqlite_rows import Where

__all__ = ["SQLiteExperiments"]


_INSERT_POINT = (
    "INSERT INTO metrics (node_run_id, run_id, node_id, name, step, value) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)
_SERIES = (
    "SELECT node_run_id, node_id, name, step, value FROM metrics WHERE run_id = ? ORDER BY rowid"
)
_INSERT_SWEEP = "INSERT INTO sweeps (id, graph_id, author, created_ts, doc) VALUES (?, ?, ?, ?, ?)"


class SQLiteExperiments:
    """Metric points and sweeps on SQLite."""

    async def add_metrics(
        self: SQLitePlumbing, node_run: NodeRun, points: Sequence[MetricPoint]
    ) -> None:
        """Append metric points of a node run, in one transaction (``rowid`` keeps the order)."""
        nr = node_run
        rows = [(nr.id, nr.run_id, nr.node_id, p.name, p.step, p.value) for p in points]
        if rows:
            await self._write(
                f"store metrics of {nr.id!r}", lambda db: db.executemany(_INSERT_POINT, rows)
            )

    async def get_metrics(self: SQLitePlumbing, run_id: str) -> list[MetricSeries]:
        """The metric series of a run, in reporting order."""
        rows = await self._fetch(f"read the metrics of run {run_id!r}", _SERIES, (run_id,))
        return series_from_points(rows)

    async def count_metric_points(self: SQLitePlumbing, node_run_id: str) -> int:
        """How many points a node run reported."""
        sql = "SELECT COUNT(*) FROM metrics WHERE node_run_id = ?"
        rows = await self._fetch(f"count the metrics of {node_run_id!r}", sql, (node_run_id,))
        return int(rows[0][0])

    async def create_sweep(self: SQLitePlumbing, sweep: Sweep) -> None:
        """Insert a sweep; :class:`Conflict` if the id exists."""
        row = (
            sweep.id,
            sweep.graph_id,
            sweep.author,
            sweep.created_at.timestamp(),
            sweep.model_dump_json(),
        )
        await self._write(
            f"create sweep {sweep.id!r}",
            lambda db: db.execute(_INSERT_SWEEP, row),
            duplicate=f"sweep {sweep.id!r} already exists",
        )

    async def get_sweep(self: SQLitePlumbing, sweep_id: str) -> Sweep:
        """The sweep with this id."""
        return await self._one(Sweep, "sweep", "SELECT doc FROM sweeps WHERE id = ?", sweep_id)

    async def list_sweeps(
        self: SQLitePlumbing, *, graph_id: str | None = None, offset: int = 0, limit: int = 50
    ) -> Page[Sweep]:
        """Sweeps, newest first."""
        where = Where().eq("graph_id", graph_id)
        order = "created_ts DESC, rowid DESC"
        return await self._page(Sweep, "sweeps", where, order, offset, limit)
