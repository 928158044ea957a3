"""Sweeps: one graph run over a grid (or a zip) of parameter values, as a stored group of runs.

A sweep's *axes* map a target to the values it takes. A target is a graph parameter (``lr``) or
a node's parameter (``train.depth``, the last dot separating the node id from the parameter).
``grid`` runs every combination (``--sweep lr=0.1,0.01 --sweep depth=3,5``: 4 runs); ``zip``
pairs the i-th values of every axis (all axes must have as many values).
"""

from __future__ import annotations

import itertools
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from plynx.model.graph import Graph
from plynx.model.run import NodeRun, Run, RunStatus

__all__ = [
    "MAX_SWEEP_RUNS",
    "Sweep",
    "SweepDetail",
    "SweepMode",
    "SweepRun",
    "assign_values",
    "expand_axes",
    "sweep_status",
]

#: Most runs one sweep may start.
MAX_SWEEP_RUNS = 1000


class SweepMode(StrEnum):
    """How the values of several axes combine."""

    GRID = "grid"
    ZIP = "zip"


class Sweep(BaseModel):
    """A stored group of runs of one graph, one per combination of values (``combos[i]`` is
    the values of run ``run_ids[i]``)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    graph_id: str | None = None
    title: str = ""
    mode: SweepMode = SweepMode.GRID
    axes: dict[str, list[Any]] = Field(description="each target's values, in the given order")
    combos: list[dict[str, Any]] = Field(description="the values of each run, by target")
    run_ids: list[str] = Field(default_factory=list)
    author: str = ""
    created_at: datetime


def expand_axes(
    axes: dict[str, list[Any]], mode: SweepMode
) -> tuple[list[dict[str, Any]], list[str]]:
    """The combinations of ``axes`` (first axis slowest in a grid) and every problem: an axis
    without values, zip axes of different lengths, more than :data:`MAX_SWEEP_RUNS` runs."""
    problems = [f"sweep {name!r} has no values" for name, values in axes.items() if not values]
    if not axes:
        problems.append("a sweep needs at least one parameter with values")
    if problems:
        return [], problems
    names = list(axes)
    if mode == SweepMode.ZIP:
        lengths = {name: len(values) for name, values in axes.items()}
        if len(set(lengths.values())) > 1:
            shown = ", ".join(f"{name}: {n}" for name, n in lengths.items())
            return [], [f"zip sweeps need as many values on every parameter (got {shown})"]
        count = next(iter(lengths.values()))
    else:
        count = 1
        for values in axes.values():
            count *= len(values)
    if count > MAX_SWEEP_RUNS:
        return [], [f"the sweep would start {count} runs; at most {MAX_SWEEP_RUNS} are allowed"]
    rows = (
        zip(*axes.values(), strict=True)
        if mode == SweepMode.ZIP
        else itertools.product(*axes.values())
    )
    return [dict(zip(names, row, strict=True)) for row in rows], []


def assign_values(graph: Graph, values: dict[str, Any]) -> tuple[Graph, dict[str, Any], list[str]]:
    """Apply ``values`` (target -> value) to ``graph``: ``node.param`` sets a node's parameter
    in a copy of the graph, ``name`` (no dot) is a graph parameter value. Returns the graph, the
    graph parameter values and every problem (an unknown graph parameter or node)."""
    copy = graph.model_copy(deep=True) if any("." in t for t in values) else graph
    nodes = copy.node_map()
    declared = [p.name for p in graph.parameters]
    parameters: dict[str, Any] = {}
    problems: list[str] = []
    for target, value in values.items():
        node_id, dot, param = target.strip().rpartition(".")
        if not param or (dot and not node_id):
            problems.append(
                f"{target!r}: address a graph parameter as name, a node's as node.param"
            )
        elif not dot:
            if param in declared:
                parameters[param] = value
            else:
                known = ", ".join(declared) or "none"
                problems.append(
                    f"{target!r}: the graph has no parameter {param!r} (graph parameters: {known})"
                )
        elif (node := nodes.get(node_id)) is None:
            problems.append(f"{target!r}: the graph has no node {node_id!r}")
        else:
            node.params[param] = value
    return copy, parameters, problems


class SweepRun(BaseModel):
    """One run of a sweep as the sweep page shows it: its values, status and final metrics
    (``metrics[node_id][name]``)."""

    run_id: str
    values: dict[str, Any]
    status: RunStatus
    metrics: dict[str, dict[str, float]] = Field(default_factory=dict)
    started_at: datetime | None = None
    finished_at: datetime | None = None
    deleted_at: datetime | None = Field(
        default=None,
        description="when the run was deleted: the sweep still lists it (what ran, its status "
        "and metrics), but the run itself is gone from the lists and its GET is a 404",
    )

    @classmethod
    def of(cls, run: Run, node_runs: list[NodeRun], values: dict[str, Any]) -> SweepRun:
        """The row of ``run``."""
        return cls(
            run_id=run.id,
            values=values,
            status=run.status,
            metrics={nr.node_id: dict(nr.metrics) for nr in node_runs if nr.metrics},
            started_at=run.started_at,
            finished_at=run.finished_at,
            deleted_at=run.deleted_at,
        )


class SweepDetail(BaseModel):
    """A sweep with the state of each of its runs. ``status`` is the sweep's: running while a
    run is, then success if all succeeded, failed if one failed, else canceled."""

    sweep: Sweep
    status: RunStatus
    counts: dict[str, int]
    runs: list[SweepRun]

    @classmethod
    def of(cls, sweep: Sweep, runs: list[SweepRun]) -> SweepDetail:
        """The detail of ``sweep`` whose runs are ``runs``."""
        counts: dict[str, int] = {}
        for row in runs:
            counts[row.status.value] = counts.get(row.status.value, 0) + 1
        return cls(
            sweep=sweep, status=sweep_status([r.status for r in runs]), counts=counts, runs=runs
        )


def sweep_status(statuses: list[RunStatus]) -> RunStatus:
    """The status of a sweep whose runs are in ``statuses``."""
    if not all(s.finished for s in statuses):
        return RunStatus.RUNNING if statuses else RunStatus.QUEUED
    if all(s == RunStatus.SUCCESS for s in statuses):
        return RunStatus.SUCCESS
    return RunStatus.FAILED if RunStatus.FAILED in statuses else RunStatus.CANCELED
