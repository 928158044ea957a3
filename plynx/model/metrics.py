"""Metrics: numbers a node reports while it runs (an accuracy, a loss per step).

A node appends JSON lines ``{"name": "acc", "value": 0.91, "step": 3}`` (``step`` optional) to
the file named by ``$PLYNX_METRICS``; the worker parses them with :func:`parse_metric_line` and
streams them to the server, which stores every point per node run and keeps the last value of
each metric in the node run (``NodeRun.metrics``).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "MAX_METRIC_NAME",
    "METRICS_ENV",
    "MetricPoint",
    "MetricSeries",
    "parse_metric_line",
    "series_from_points",
]

#: The environment variable naming the file a node appends metric lines to.
METRICS_ENV = "PLYNX_METRICS"
#: Longest metric name accepted.
MAX_METRIC_NAME = 100
_NAME = re.compile(r"^[A-Za-z0-9_.:/\-]+$")


class MetricPoint(BaseModel):
    """One reported value of a metric; ``step`` orders a series (``None``: not given)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, max_length=MAX_METRIC_NAME, pattern=_NAME.pattern)
    value: float = Field(allow_inf_nan=False)
    step: int | None = None


class MetricSeries(BaseModel):
    """Every point of one metric of one node run, in the order they were reported."""

    model_config = ConfigDict(extra="forbid")

    node_run_id: str
    node_id: str
    name: str
    steps: list[int | None] = Field(default_factory=list)
    values: list[float] = Field(default_factory=list)

    @model_validator(mode="after")
    def _aligned(self) -> MetricSeries:
        if len(self.steps) != len(self.values):
            raise ValueError(
                f"steps ({len(self.steps)}) and values ({len(self.values)}) differ in length"
            )
        return self

    @property
    def last(self) -> float | None:
        """The last reported value."""
        return self.values[-1] if self.values else None


def _problem(raw: Any) -> str | None:
    if not isinstance(raw, dict):
        return 'expected a JSON object like {"name": "acc", "value": 0.9, "step": 1}'
    unknown = sorted(set(raw) - {"name", "value", "step"})
    if unknown:
        return f"unknown field(s) {', '.join(map(repr, unknown))} (known: name, value, step)"
    name = raw.get("name")
    if not isinstance(name, str) or not name:
        return '"name" must be a non-empty string'
    if len(name) > MAX_METRIC_NAME or not _NAME.match(name):
        return (
            f'"name" {name[:40]!r} must be at most {MAX_METRIC_NAME} letters, digits or _ . : / -'
        )
    value = raw.get("value")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f'"value" of {name!r} must be a number'
    if not math.isfinite(value):
        return f'"value" of {name!r} must be finite'
    step = raw.get("step")
    if step is not None and (isinstance(step, bool) or not isinstance(step, int)):
        return f'"step" of {name!r} must be an integer'
    return None


def parse_metric_line(line: str) -> MetricPoint | str:
    """The point a metrics line reports, or a sentence saying what is wrong with it."""
    try:
        raw = json.loads(line)
    except ValueError as exc:
        return f"not JSON ({exc})"
    problem = _problem(raw)
    if problem is not None:
        return problem
    return MetricPoint(name=raw["name"], value=float(raw["value"]), step=raw.get("step"))


def series_from_points(
    rows: Iterable[tuple[str, str, str, int | None, float]],
) -> list[MetricSeries]:
    """Group ``(node_run_id, node_id, name, step, value)`` rows, in reporting order, into one
    series per node run and metric (in order of each series' first point)."""
    series: dict[tuple[str, str], MetricSeries] = {}
    for node_run_id, node_id, name, step, value in rows:
        one = series.get((node_run_id, name))
        if one is None:
            one = series[(node_run_id, name)] = MetricSeries(
                node_run_id=node_run_id, node_id=node_id, name=name
            )
        one.steps.append(step)
        one.values.append(float(value))
    return list(series.values())
