"""Sweeps: start one run per combination of parameter values, follow and cancel them as one.

:meth:`Sweeps.launch` checks every combination first (a problem in any refuses the whole sweep,
naming the values that cause it), then submits the runs together: nodes that do not depend on a
swept value have the same cache key in every run, so the engine executes them once and the
other runs take the result (:mod:`plynx.engine.inflight`). The sweep is stored with the ids of
its runs; each run records its sweep (``Run.sweep_id``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from plynx.errors import Conflict, GraphInvalid, PlynxError
from plynx.model import Graph, GraphIssue
from plynx.model.sweep import (
    Sweep,
    SweepDetail,
    SweepMode,
    SweepRun,
    assign_values,
    expand_axes,
)

if TYPE_CHECKING:
    from plynx.engine.engine import Engine

__all__ = ["Sweeps", "describe_values"]

logger = logging.getLogger(__name__)


def describe_values(values: dict[str, Any]) -> str:
    """``lr=0.1, train.depth=3``."""
    return ", ".join(f"{name}={value!r}" for name, value in values.items())


class Sweeps:
    """Launches, describes and cancels sweeps on an engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _check(
        self, graph: Graph, combos: list[dict[str, Any]], fixed: dict[str, Any]
    ) -> tuple[list[tuple[Graph, dict[str, Any]]], list[GraphIssue]]:
        """Each combination's graph and graph parameters, and every problem (one that every
        combination has is reported once; others name the values that cause them)."""
        prepared: list[tuple[Graph, dict[str, Any]]] = []
        found: dict[str, tuple[GraphIssue, list[dict[str, Any]]]] = {}
        for combo in combos:
            values = {**fixed, **combo}
            one, parameters, wrong = assign_values(graph, values)
            issues = [GraphIssue(code="bad_sweep", message=m) for m in wrong]
            if not wrong:
                issues = self.engine.validate(one, parameters)
            for issue in issues:
                found.setdefault(issue.model_dump_json(), (issue, []))[1].append(combo)
            prepared.append((one, parameters))
        problems = []
        for issue, where in found.values():
            if len(where) == len(combos):
                problems.append(issue)
                continue
            shown = "; ".join(describe_values(c) for c in where[:3])
            more = f" and {len(where) - 3} more" if len(where) > 3 else ""
            message = f"{issue.message} (with {shown}{more})"
            problems.append(issue.model_copy(update={"message": message}))
        return prepared, problems

    async def launch(
        self,
        graph: Graph,
        axes: dict[str, list[Any]],
        *,
        mode: SweepMode = SweepMode.GRID,
        fixed: dict[str, Any] | None = None,
        graph_id: str | None = None,
        title: str = "",
        author: str = "",
    ) -> Sweep:
        """Start every run of the sweep; :class:`GraphInvalid` lists every problem and starts
        nothing."""
        combos, problems = expand_axes(axes, mode)
        if problems:
            raise GraphInvalid(
                problems[0], [GraphIssue(code="bad_sweep", message=p) for p in problems]
            )
        # validating a graph per combination is work in proportion to the sweep: off the loop
        prepared, issues = await asyncio.to_thread(self._check, graph, combos, fixed or {})
        if issues:
            raise GraphInvalid(f"the sweep has {len(issues)} problem(s)", issues)
        sweep = Sweep(
            id=uuid.uuid4().hex,
            graph_id=graph_id,
            title=title or graph.title,
            mode=mode,
            axes=axes,
            combos=combos,
            author=author,
            created_at=datetime.now(UTC),
        )
        try:
            for (one, parameters), combo in zip(prepared, combos, strict=True):
                run = await self.engine.submit(
                    one,
                    graph_id=graph_id,
                    author=author,
                    title=f"{sweep.title} [{describe_values(combo)}]",
                    parameters=parameters,
                    sweep_id=sweep.id,
                )
                sweep.run_ids.append(run.id)
            await self.engine.store.create_sweep(sweep)
        except BaseException:
            # a sweep starts whole or not at all: stop the runs already started
            for run_id in sweep.run_ids:
                with contextlib.suppress(PlynxError):
                    await self.engine.cancel(run_id)
            raise
        logger.info("sweep %s started: %d runs (%s)", sweep.id, len(combos), mode.value)
        return sweep

    async def detail(self, sweep_id: str) -> SweepDetail:
        """The sweep with the live state of each run; :class:`NotFound` if unknown."""
        sweep = await self.engine.store.get_sweep(sweep_id)
        rows = []
        for run_id, combo in zip(sweep.run_ids, sweep.combos, strict=False):
            run, node_runs = await self.engine.get_run(run_id)
            rows.append(SweepRun.of(run, node_runs, combo))
        return SweepDetail.of(sweep, rows)

    async def cancel(self, sweep_id: str) -> SweepDetail:
        """Cancel every unfinished run of the sweep; :class:`Conflict` if all had finished."""
        sweep = await self.engine.store.get_sweep(sweep_id)
        canceled = 0
        for run_id in sweep.run_ids:
            try:
                await self.engine.cancel(run_id)
                canceled += 1
            except Conflict:  # this one had finished
                pass
        if not canceled:
            raise Conflict(f"every run of sweep {sweep_id} has already finished.")
        logger.info("sweep %s canceled (%d runs)", sweep_id, canceled)
        return await self.detail(sweep_id)
