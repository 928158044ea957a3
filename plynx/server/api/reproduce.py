"""``/runs/{id}/reproduce`` and ``/runs/{id}/reproduction``: execute a run's graph snapshot
again ignoring the cache, and compare every output's sha256 with the original's."""

from __future__ import annotations

from aiohttp import web

from plynx.errors import Conflict
from plynx.model.reproduce import Reproduction, compare_runs
from plynx.server import keys
from plynx.server.access import VIEWER, owner
from plynx.server.api.base import Route, author_of, json_response
from plynx.server.api.live import live_run
from plynx.server.api.runs import detail
from plynx.server.schemas import RunDetail

__all__ = ["ROUTES"]


async def reproduce(request: web.Request) -> web.Response:
    """Start a reproduction of a run: the same snapshot, every node executed again."""
    engine = request.app[keys.ENGINE]
    original, _ = await engine.get_run(request.match_info["id"])
    run = await engine.submit(
        original.graph,
        graph_id=original.graph_id,
        author=author_of(request),
        title=f"reproduce {original.title or original.id}",
        parameters=original.parameters,
        reproduces=original.id,
    )
    return await detail(request, run.id, status=201)


async def reproduction(request: web.Request) -> web.Response:
    """How a reproduction compares with its original, node by node (live while it runs)."""
    engine = request.app[keys.ENGINE]
    await live_run(request, request.match_info["id"])
    run, node_runs = await engine.get_run(request.match_info["id"])
    if run.reproduces is None:
        raise Conflict(
            f"run {run.id} is not a reproduction: start one with POST /runs/{run.id}/reproduce"
        )
    _, original = await engine.get_run(run.reproduces)
    return json_response(compare_runs(original, run, node_runs))


ROUTES = [
    Route(
        "POST",
        "/runs/{id}/reproduce",
        reproduce,
        "Execute the run's graph snapshot again, ignoring the cache (see /reproduction)",
        "runs",
        response=RunDetail,
        status=201,
        errors=(404,),
        access=owner("run"),
    ),
    Route(
        "GET",
        "/runs/{id}/reproduction",
        reproduction,
        "Per node, whether a reproduction's outputs have the original's sha256",
        "runs",
        response=Reproduction,
        errors=(404, 409),
        access=VIEWER,
    ),
]
