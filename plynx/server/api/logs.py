"""Node logs as plain text: by node run id, or by run and node id. A cached node shows the log
of the node run that produced its outputs. ``X-Next-Offset`` says where to continue."""

from __future__ import annotations

from aiohttp import web

from plynx.artifacts.logs import STREAMS
from plynx.errors import InvalidInput, NotFound
from plynx.model import NodeRun
from plynx.server import keys
from plynx.server.access import VIEWER
from plynx.server.api.base import MAX_QUERY_INT, Query, Route, int_query
from plynx.server.api.live import live_run

__all__ = ["ROUTES", "STREAMS", "log_source"]


def log_source(node_run: NodeRun) -> str:
    """The node run whose log ``node_run`` shows (the producer, for a cached node)."""
    return node_run.cached_from or node_run.id


async def _respond(request: web.Request, node_run: NodeRun) -> web.Response:
    stream = request.query.get("stream", "stdout")
    if stream not in STREAMS:
        raise InvalidInput(f"query parameter 'stream' must be stdout or stderr, got {stream!r}")
    offset = int_query(request, "offset", 0)
    limit = request.query.get("limit")
    length = int_query(request, "limit", 0, low=1) if limit else None
    text, next_offset = await request.app[keys.LOGS].read(
        log_source(node_run), stream, offset, length
    )
    return web.Response(
        text=text,
        content_type="text/plain",
        charset="utf-8",
        headers={"X-Next-Offset": str(next_offset), "X-Content-Type-Options": "nosniff"},
    )


async def node_run_log(request: web.Request) -> web.Response:
    """The log of a node run."""
    node_run_id = request.match_info["id"]
    stored = await request.app[keys.STORE].get_node_run(node_run_id)
    _, node_runs = await request.app[keys.ENGINE].get_run(stored.run_id)
    live = next((nr for nr in node_runs if nr.id == node_run_id), stored)
    return await _respond(request, live)


async def node_log(request: web.Request) -> web.Response:
    """The log of a node of a run, by the node's id in the graph."""
    run_id, node_id = request.match_info["run_id"], request.match_info["node_id"]
    await live_run(request, run_id)  # 404 for a deleted run (its node runs' ids still work)
    _, node_runs = await request.app[keys.ENGINE].get_run(run_id)
    node_run = next((nr for nr in node_runs if nr.node_id == node_id), None)
    if node_run is None:
        raise NotFound(f"node of run {run_id}", node_id)
    return await _respond(request, node_run)


_QUERY = (
    Query("stream", "which stream", enum=STREAMS, default="stdout"),
    Query(
        "offset",
        "byte offset to start from",
        "integer",
        default=0,
        minimum=0,
        maximum=MAX_QUERY_INT,
    ),
    Query("limit", "at most this many bytes", "integer", minimum=1, maximum=MAX_QUERY_INT),
)
ROUTES = [
    Route(
        "GET",
        "/node-runs/{id}/log",
        node_run_log,
        "The log of a node run (text)",
        "runs",
        query=_QUERY,
        content="text/plain",
        errors=(400, 404),
        access=VIEWER,
    ),
    Route(
        "GET",
        "/runs/{run_id}/nodes/{node_id}/log",
        node_log,
        "The log of a node of a run (text)",
        "runs",
        query=_QUERY,
        content="text/plain",
        errors=(400, 404),
        access=VIEWER,
    ),
]
