"""A sweep seen from Python: one graph run over a grid (or zip) of values, as ``plynx run
--sweep`` starts it; wait for it, then read a table of values and metrics, or each run."""

from __future__ import annotations

import asyncio
import sys
from typing import TYPE_CHECKING, Any

from plynx.client import ApiError
from plynx.errors import PlynxError
from plynx.model import RunStatus
from plynx.model.sweep import SweepDetail
from plynx.sdk.loop import run_sync

if TYPE_CHECKING:
    from plynx.sdk.connection import Connection
    from plynx.sdk.run import Run

__all__ = ["Sweep", "SweepFailed"]

_POLL = 0.3  # seconds between looks at the sweep, as plynx run --sweep


class SweepFailed(PlynxError):
    """A sweep ended with some run that did not succeed. ``sweep`` is the sweep; ``problems``
    one line per such run (``run_id (values): status``)."""

    def __init__(self, sweep: Sweep, problems: list[str]) -> None:
        super().__init__(f"sweep {sweep.id} {sweep.status.value}: " + "; ".join(problems))
        self.sweep = sweep
        self.problems = problems


class Sweep:
    """A sweep on a server: its :attr:`status`, one row per run (:meth:`table`) and the runs
    themselves (:attr:`runs`). The state is as of the last call that fetched it."""

    def __init__(self, connection: Connection, detail: SweepDetail) -> None:
        self.connection = connection
        self.detail = detail

    def __repr__(self) -> str:
        return f"<plynx.Sweep {self.id} {self.status.value}: {len(self.detail.runs)} runs>"

    @property
    def id(self) -> str:
        """The sweep's id."""
        return self.detail.sweep.id

    @property
    def status(self) -> RunStatus:
        """Running while a run is, then success if all succeeded, failed if one failed, else
        canceled."""
        return self.detail.status

    @property
    def run_ids(self) -> list[str]:
        """The id of each run, in the order of the combinations."""
        return [row.run_id for row in self.detail.runs]

    def table(self) -> list[dict[str, Any]]:
        """One row per run: ``run_id``, ``status``, the value of every swept target and the
        last value of every metric (``name``, or ``node.name`` when several nodes report)."""
        rows = []
        for row in self.detail.runs:
            several = len(row.metrics) > 1
            metrics = {
                f"{node}.{name}" if several else name: value
                for node, values in row.metrics.items()
                for name, value in values.items()
            }
            rows.append({"run_id": row.run_id, "status": row.status.value, **row.values, **metrics})
        return rows

    def problems(self) -> list[str]:
        """One line per run that failed or was canceled."""
        return [
            f"{row.run_id} ({', '.join(f'{k}={v!r}' for k, v in row.values.items())}): "
            f"{row.status.value}"
            for row in self.detail.runs
            if row.status in (RunStatus.FAILED, RunStatus.CANCELED)
        ]

    async def arefresh(self) -> Sweep:
        """Fetch the sweep's current state."""
        async with self.connection.client() as client:
            body = await client.request("GET", f"/sweeps/{self.id}")
        self.detail = SweepDetail.model_validate(body)
        return self

    def refresh(self) -> Sweep:
        """Fetch the sweep's current state."""
        return run_sync(self.arefresh())

    async def wait_async(self, *, progress: bool = True, check: bool = True) -> Sweep:
        """:meth:`wait` for asyncio code (bound it with ``asyncio.timeout``)."""
        shown = ""
        while True:
            if progress:
                counts = ", ".join(f"{n} {s}" for s, n in sorted(self.detail.counts.items()))
                if counts != shown:
                    print(f"sweep {self.id}: {counts}", file=sys.stderr, flush=True)
                    shown = counts
            if self.status.finished:
                break
            await asyncio.sleep(_POLL)
            await self.arefresh()
        if check and self.status != RunStatus.SUCCESS:
            raise SweepFailed(self, self.problems() or [self.status.value])
        return self

    def wait(
        self, *, timeout: float | None = None, progress: bool = True, check: bool = True
    ) -> Sweep:
        """Wait until every run finished, printing the counts per status as they change
        (``progress=False``: quietly). With ``check`` a sweep where some run did not succeed
        raises :class:`SweepFailed`; ``TimeoutError`` after ``timeout`` seconds."""
        return run_sync(asyncio.wait_for(self.wait_async(progress=progress, check=check), timeout))

    async def aruns(self) -> list[Run]:
        """:attr:`runs` for asyncio code."""
        from plynx.sdk.run import Run

        async with self.connection.client() as client:
            return [Run(self.connection, await client.get_run(i)) for i in self.run_ids]

    @property
    def runs(self) -> list[Run]:
        """Each run of the sweep (fetched now), in the order of the combinations."""
        return run_sync(self.aruns())

    async def acancel(self) -> Sweep:
        """:meth:`cancel` for asyncio code."""
        async with self.connection.client() as client:
            try:
                body = await client.request("POST", f"/sweeps/{self.id}/cancel")
            except ApiError as exc:
                if exc.status != 409:  # 409: every run has finished already
                    raise
                body = await client.request("GET", f"/sweeps/{self.id}")
        self.detail = SweepDetail.model_validate(body)
        return self

    def cancel(self) -> Sweep:
        """Cancel every unfinished run (nothing happens once all have finished)."""
        return run_sync(self.acancel())
