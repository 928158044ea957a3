"""Graphs and runs as the API shows them: a deleted one is a 404 that says it was deleted,
except to an admin who asks for deleted ones too (``?include_deleted=true``)."""

from __future__ import annotations

from aiohttp import web

from plynx.model import Graph, Run
from plynx.server import keys
from plynx.server.access import deleted
from plynx.server.api.base import bool_query, include_deleted

__all__ = ["live_graph", "live_run"]


async def live_graph(request: web.Request, graph_id: str, *, shown: bool = False) -> Graph:
    """The graph ``graph_id``; 404 "deleted" for a deleted one, unless ``shown`` (the request
    only shows it) and an admin asked for deleted ones too."""
    if shown:
        bool_query(request, "include_deleted")  # a bad value is a 400, the graph live or not
    graph = await request.app[keys.STORE].get_graph(graph_id)
    if graph.deleted_at is not None and not (shown and include_deleted(request, "graph")):
        raise deleted("graph", graph_id)
    return graph


async def live_run(request: web.Request, run_id: str, *, shown: bool = False) -> Run:
    """The run ``run_id`` (live when active); 404 "deleted" for a deleted one, unless
    ``shown`` and an admin asked for deleted ones too."""
    if shown:
        bool_query(request, "include_deleted")  # a bad value is a 400, the run live or not
    run, _ = await request.app[keys.ENGINE].get_run(run_id)
    if run.deleted_at is not None and not (shown and include_deleted(request, "run")):
        raise deleted("run", run_id)
    return run
