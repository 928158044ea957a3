"""``/runs``: start, follow, cancel and rerun runs.

Active runs are answered from the engine's live state, finished ones from the store."""

from __future__ import annotations

from aiohttp import web

from plynx.errors import Conflict
from plynx.model import Page, Run, RunStatus
from plynx.server import keys
from plynx.server.api.base import (
    PAGING,
    Query,
    Route,
    author_of,
    enum_query,
    json_response,
    page_query,
    str_query,
)
from plynx.server.api.graph_body import is_large, read_create_run
from plynx.server.heap import HEAP
from plynx.server.schemas import CreateRun, RunDetail, RunSummary
from plynx.server.snapshots import SNAPSHOTS

__all__ = ["ROUTES", "detail", "summaries"]


async def detail(request: web.Request, run_id: str, status: int = 200) -> web.Response:
    """A run with its node runs (a :class:`RunDetail`), live when it is active; its graph
    encoded off the loop (a large one takes a while)."""
    run, node_runs = await request.app[keys.ENGINE].get_run(run_id)
    body = await request.app[SNAPSHOTS].detail(run, node_runs)
    return web.Response(body=body, status=status, content_type="application/json")


async def summaries(request: web.Request, page: Page[Run]) -> Page[RunSummary]:
    """Summaries (status counts) of a page of runs."""
    engine, store = request.app[keys.ENGINE], request.app[keys.STORE]
    finished = [run.id for run in page.items if run.status.finished]
    counts = await store.count_node_runs(finished)
    items: list[RunSummary] = []
    for stored in page.items:
        if stored.id in counts:
            items.append(RunSummary.from_counts(stored, counts[stored.id]))
        else:  # active: the engine has the live state
            run, node_runs = await engine.get_run(stored.id)
            items.append(RunSummary.of(run, node_runs))
    return Page[RunSummary](items=items, total=page.total, offset=page.offset, limit=page.limit)


def _after_submit(request: web.Request) -> None:
    """A run was registered: freeze the heap if the engine now holds a large one."""
    engine = request.app[keys.ENGINE]
    request.app[HEAP].update(engine.active_node_runs(), engine.held_node_runs())


async def create_run(request: web.Request) -> web.Response:
    """Validate a graph (stored or inline) and start a run of it; 400 lists every problem."""
    with request.app[HEAP].paused(is_large(request)):
        run = await _create(request)
    return await detail(request, run.id, status=201)


async def _create(request: web.Request) -> Run:
    body = await read_create_run(request)
    if body.graph_id is not None:
        graph = await request.app[keys.STORE].get_graph(body.graph_id)
        graph_id: str | None = graph.id
    else:
        assert body.graph is not None  # CreateRun checks that exactly one is given
        graph, graph_id = body.graph, body.graph.id or None
    run = await request.app[keys.ENGINE].submit(
        graph,
        graph_id=graph_id,
        author=author_of(request),
        title=body.title,
        parameters=body.parameters,
    )
    _after_submit(request)
    return run


async def list_runs(request: web.Request) -> web.Response:
    """Runs, newest first, with status counts."""
    offset, limit = page_query(request)
    page = await request.app[keys.STORE].list_runs(
        status=enum_query(request, "status", RunStatus),
        graph_id=str_query(request, "graph_id"),
        author=str_query(request, "author"),
        offset=offset,
        limit=limit,
    )
    return json_response(await summaries(request, page))


async def get_run(request: web.Request) -> web.Response:
    """A run with its graph snapshot and node runs."""
    return await detail(request, request.match_info["id"])


async def cancel_run(request: web.Request) -> web.Response:
    """Cancel a run (409 if it has finished)."""
    run_id = request.match_info["id"]
    engine = request.app[keys.ENGINE]
    run, _ = await engine.get_run(run_id)
    if run.status.finished:  # it may still be in the engine's memory for a moment
        raise Conflict(f"run {run_id} has already finished ({run.status.value}).")
    await engine.cancel(run_id)
    return await detail(request, run_id)


async def rerun(request: web.Request) -> web.Response:
    """Run the same graph snapshot again (unchanged nodes come from the cache)."""
    run = await request.app[keys.ENGINE].rerun(request.match_info["id"], author=author_of(request))
    _after_submit(request)
    return await detail(request, run.id, status=201)


_TAG = "runs"
ROUTES = [
    Route(
        "POST",
        "/runs",
        create_run,
        "Start a run of a stored graph (graph_id) or an inline graph; 400 lists every problem",
        _TAG,
        request=CreateRun,
        response=RunDetail,
        status=201,
        errors=(400, 404),
    ),
    Route(
        "GET",
        "/runs",
        list_runs,
        "Runs, newest first",
        _TAG,
        response=Page[RunSummary],
        query=(
            Query("status", "only this status", enum=[s.value for s in RunStatus]),
            Query("graph_id", "only runs of this graph"),
            Query("author", "only by this author"),
            *PAGING,
        ),
    ),
    Route(
        "GET",
        "/runs/{id}",
        get_run,
        "A run with its node runs",
        _TAG,
        response=RunDetail,
        errors=(404,),
    ),
    Route(
        "POST",
        "/runs/{id}/cancel",
        cancel_run,
        "Cancel a run (409 if finished)",
        _TAG,
        response=RunDetail,
        errors=(404, 409),
    ),
    Route(
        "POST",
        "/runs/{id}/rerun",
        rerun,
        "Run the same graph snapshot again",
        _TAG,
        response=RunDetail,
        status=201,
        errors=(404,),
    ),
]
