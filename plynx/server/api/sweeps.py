"""``/sweeps``: run one graph over a grid (or zip) of parameter values, follow and cancel the
runs as one."""

from __future__ import annotations

from typing import Any

from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field, model_validator

from plynx.engine.sweeps import Sweeps
from plynx.model import Graph, Page
from plynx.model.sweep import MAX_SWEEP_RUNS, Sweep, SweepDetail, SweepMode
from plynx.server import keys
from plynx.server.access import EDITOR, VIEWER, owner
from plynx.server.api.base import (
    PAGING,
    Query,
    Route,
    author_of,
    json_response,
    page_query,
    read_body,
    str_query,
)
from plynx.server.api.live import live_graph

__all__ = ["ROUTES", "CreateSweep"]


class CreateSweep(BaseModel):
    """Start a sweep of a stored graph (``graph_id``) or of a graph sent inline (``graph``)."""

    model_config = ConfigDict(extra="forbid")

    graph_id: str | None = None
    graph: Graph | None = None
    title: str = ""
    mode: SweepMode = SweepMode.GRID
    parameters: dict[str, list[Any]] = Field(
        description="the values each target takes: a graph parameter (name) or a node's "
        f"(node.param); grid runs every combination, zip the i-th values together (at most "
        f"{MAX_SWEEP_RUNS} runs)",
    )
    fixed: dict[str, Any] = Field(
        default_factory=dict,
        description="values every run shares, addressed like parameters",
    )

    @model_validator(mode="after")
    def _one_source(self) -> CreateSweep:
        if (self.graph_id is None) == (self.graph is None):
            raise ValueError("give exactly one of 'graph_id' (a stored graph) and 'graph'")
        return self


async def create_sweep(request: web.Request) -> web.Response:
    """Validate every combination and start the sweep's runs; 400 lists every problem."""
    body = await read_body(request, CreateSweep)
    if body.graph_id is not None:
        graph = await live_graph(request, body.graph_id)
        graph_id: str | None = graph.id
    else:
        assert body.graph is not None  # CreateSweep checks that exactly one is given
        graph, graph_id = body.graph, body.graph.id or None
    sweeps = Sweeps(request.app[keys.ENGINE])
    sweep = await sweeps.launch(
        graph,
        body.parameters,
        mode=body.mode,
        fixed=body.fixed,
        graph_id=graph_id,
        title=body.title,
        author=author_of(request),
    )
    return json_response(await sweeps.detail(sweep.id), status=201)


async def list_sweeps(request: web.Request) -> web.Response:
    """Sweeps, newest first."""
    offset, limit = page_query(request)
    page = await request.app[keys.STORE].list_sweeps(
        graph_id=str_query(request, "graph_id"), offset=offset, limit=limit
    )
    return json_response(page)


async def get_sweep(request: web.Request) -> web.Response:
    """A sweep with the values, status and final metrics of each run."""
    detail = await Sweeps(request.app[keys.ENGINE]).detail(request.match_info["id"])
    return json_response(detail)


async def cancel_sweep(request: web.Request) -> web.Response:
    """Cancel every unfinished run of a sweep (409 if all have finished)."""
    detail = await Sweeps(request.app[keys.ENGINE]).cancel(request.match_info["id"])
    return json_response(detail)


_TAG = "sweeps"
ROUTES = [
    Route(
        "POST",
        "/sweeps",
        create_sweep,
        "Start a sweep: one run per combination of values; 400 lists every problem",
        _TAG,
        request=CreateSweep,
        response=SweepDetail,
        status=201,
        errors=(400, 404),
        access=EDITOR,
    ),
    Route(
        "GET",
        "/sweeps",
        list_sweeps,
        "Sweeps, newest first",
        _TAG,
        response=Page[Sweep],
        query=(Query("graph_id", "only sweeps of this graph"), *PAGING),
        access=VIEWER,
    ),
    Route(
        "GET",
        "/sweeps/{id}",
        get_sweep,
        "A sweep with the values, status and final metrics of each run",
        _TAG,
        response=SweepDetail,
        errors=(404,),
        access=VIEWER,
    ),
    Route(
        "POST",
        "/sweeps/{id}/cancel",
        cancel_sweep,
        "Cancel every unfinished run of a sweep (409 if all have finished)",
        _TAG,
        response=SweepDetail,
        errors=(404, 409),
        access=owner("sweep"),
    ),
]
