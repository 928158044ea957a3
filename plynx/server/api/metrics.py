"""``/runs/{id}/metrics``: the full series of every metric a run's nodes reported.

The last value of each metric is also in the run document (``node_runs[].metrics``); this
endpoint serves every point, for charts. Points are stored as they arrive, so an active run
answers with what was reported so far."""

from __future__ import annotations

from aiohttp import web
from pydantic import BaseModel, ConfigDict

from plynx.model.metrics import MetricSeries
from plynx.server import keys
from plynx.server.access import VIEWER
from plynx.server.api.base import Route, json_response, settled
from plynx.server.api.live import live_run

__all__ = ["ROUTES", "RunMetrics"]


class RunMetrics(BaseModel):
    """Every metric series of a run: one per node run and metric name."""

    model_config = ConfigDict(extra="forbid")

    run_id: str
    series: list[MetricSeries]


async def get_metrics(request: web.Request) -> web.Response:
    """The metric series of a run (404 for an unknown or deleted run)."""
    run_id = request.match_info["id"]
    await live_run(request, run_id)  # NotFound -> 404
    await settled(request)
    series = await request.app[keys.STORE].get_metrics(run_id)
    return json_response(RunMetrics(run_id=run_id, series=series))


ROUTES = [
    Route(
        "GET",
        "/runs/{id}/metrics",
        get_metrics,
        "Every point of every metric the run's nodes reported, per node run and metric",
        "runs",
        response=RunMetrics,
        errors=(404,),
        access=VIEWER,
    ),
]
