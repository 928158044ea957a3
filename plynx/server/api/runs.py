"""``/runs``: start, follow, cancel, rerun, clone and delete runs.

Active runs are answered from the engine's live state, finished ones from the store. A run
belongs to its ``author``: only they (or an admin) cancel, rerun or delete it, or drop the
cache entries it produced; an editor clones anyone's run into a graph of their own. Deleting is
soft and needs a finished run: the run leaves the lists and its ``GET`` says 404 "deleted",
while its node runs, logs and cache entries stay (other runs restored from them still show
them), so its artifacts stay while anything else refers to them (``plynx artifacts gc``)."""

from __future__ import annotations

import asyncio
import logging
import uuid
from datetime import UTC, datetime
from enum import StrEnum

from aiohttp import web

from plynx import collector
from plynx.errors import Conflict
from plynx.model import Graph, NodeRun, Page, Run, RunStatus
from plynx.server import keys
from plynx.server.access import EDITOR, VIEWER, owner
from plynx.server.api.base import (
    INCLUDE_DELETED,
    PAGING,
    Query,
    Route,
    author_of,
    enum_query,
    identity,
    include_deleted,
    json_response,
    page_query,
    settled,
    str_query,
)
from plynx.server.api.graph_body import is_large, read_create_run
from plynx.server.api.live import live_graph, live_run
from plynx.server.heap import HEAP
from plynx.server.schemas import CreateRun, Deleted, RunDetail, RunSummary
from plynx.server.snapshots import SNAPSHOTS
from plynx.store import Batch

__all__ = ["ROUTES", "detail", "summaries"]

logger = logging.getLogger(__name__)

#: Seconds a new run's nodes wait at most for the answer to its submission to be written.
_HOLD_AT_MOST = 2.0


async def detail(request: web.Request, run_id: str, status: int = 200) -> web.Response:
    """A run with its node runs (a :class:`RunDetail`), live when it is active; its graph
    encoded off the loop (a large one takes a while)."""
    run, node_runs = await request.app[keys.ENGINE].get_run(run_id)
    body = await request.app[SNAPSHOTS].detail(run, node_runs)
    return web.Response(body=body, status=status, content_type="application/json")


def last_metrics(node_runs: list[NodeRun]) -> dict[str, float]:
    """The last value of every metric of a run's node runs, by ``node_id.name``."""
    return {f"{nr.node_id}.{name}": value for nr in node_runs for name, value in nr.metrics.items()}


async def summaries(
    request: web.Request, page: Page[Run], *, metrics: bool = False
) -> Page[RunSummary]:
    """Summaries (status counts) of a page of runs; with ``metrics``, each run's last metric
    values too (one more store query per finished run)."""
    engine, store = request.app[keys.ENGINE], request.app[keys.STORE]
    finished = [run.id for run in page.items if run.status.finished]
    counts = await store.count_node_runs(finished)
    items: list[RunSummary] = []
    for stored in page.items:
        if stored.id in counts:
            item = RunSummary.from_counts(stored, counts[stored.id])
            if metrics:
                item.metrics = last_metrics(await store.get_node_runs(stored.id))
        else:  # active: the engine has the live state
            run, node_runs = await engine.get_run(stored.id)
            item = RunSummary.of(run, node_runs)
            if metrics:
                item.metrics = last_metrics(node_runs)
        items.append(item)
    return Page[RunSummary](items=items, total=page.total, offset=page.offset, limit=page.limit)


def _after_submit(request: web.Request) -> None:
    """A run was registered: freeze the heap if the engine now holds a large one."""
    engine = request.app[keys.ENGINE]
    request.app[HEAP].update(engine.active_node_runs(), engine.held_node_runs())


async def create_run(request: web.Request) -> web.Response:
    """Validate a graph (stored or inline) and start a run of it; 400 lists every problem.

    The run's nodes start once the answer is written (or after :data:`_HOLD_AT_MOST` seconds
    with a client that reads slowly): a run of 10,000 nodes that starts at once keeps the loop
    and the machine so busy that its 11 MB answer took three more seconds to go out."""
    with collector.paused(is_large(request)):
        run = await _create(request)
    try:
        if _prefers_minimal(request):  # the run's summary: a large graph is not echoed back
            run, node_runs = await request.app[keys.ENGINE].get_run(run.id)
            response = json_response(RunSummary.of(run, node_runs), status=201)
            response.headers["Preference-Applied"] = "return=minimal"
        else:
            response = await detail(request, run.id, status=201)
        sending = asyncio.ensure_future(_send(request, response))
        await asyncio.wait({sending}, timeout=_HOLD_AT_MOST)
    finally:
        request.app[keys.ENGINE].release(run.id)
    await sending
    return response


def _prefers_minimal(request: web.Request) -> bool:
    """Whether the client asked for the short answer (``Prefer: return=minimal``, RFC 7240)."""
    for header in request.headers.getall("Prefer", ()):
        for preference in header.split(","):
            name, _, value = preference.split(";", 1)[0].partition("=")
            if name.strip().lower() == "return" and value.strip().strip('"') == "minimal":
                return True
    return False


async def _send(request: web.Request, response: web.Response) -> None:
    await response.prepare(request)
    await response.write_eof()


async def _create(request: web.Request) -> Run:
    body = await read_create_run(request)
    if body.graph_id is not None:
        graph = await live_graph(request, body.graph_id)
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
        hold=True,  # until the answer is written: see create_run
    )
    _after_submit(request)
    return run


async def list_runs(request: web.Request) -> web.Response:
    """Runs, newest first, with status counts."""
    offset, limit = page_query(request)
    await settled(request)  # a run just seen finished is listed as finished
    page = await request.app[keys.STORE].list_runs(
        status=enum_query(request, "status", RunStatus),
        graph_id=str_query(request, "graph_id"),
        author=str_query(request, "author"),
        include_deleted=include_deleted(request, "run"),
        offset=offset,
        limit=limit,
    )
    metrics = enum_query(request, "metrics", _Flag) == _Flag.TRUE
    return json_response(await summaries(request, page, metrics=metrics))


async def get_run(request: web.Request) -> web.Response:
    """A run with its graph snapshot and node runs."""
    run_id = request.match_info["id"]
    await live_run(request, run_id, shown=True)
    return await detail(request, run_id)


async def delete_run(request: web.Request) -> web.Response:
    """Delete a finished run (softly); 409 while it is active."""
    run_id = request.match_info["id"]
    engine, store = request.app[keys.ENGINE], request.app[keys.STORE]
    run, _ = await engine.get_run(run_id)
    if run.status.finished and engine.is_active(run_id):
        await engine.flush()  # it has just finished: its last writes are on their way
    if engine.is_active(run_id) or not run.status.finished:
        raise Conflict(
            f"run {run_id} is {run.status.value}: cancel it first "
            f"(POST /api/v1/runs/{run_id}/cancel), then delete it"
        )
    stored = await store.get_run(run_id)  # the whole snapshot, as the engine last wrote it
    await store.apply(Batch(runs=[stored.model_copy(update={"deleted_at": _now()})]))
    engine.forget_finished(run_id)
    # stored, then announced: dashboards following the runs list (or its sweep) drop it
    gone = {"run_id": run_id, "graph_id": run.graph_id, "sweep_id": run.sweep_id}
    request.app[keys.BUS].publish(
        "runs", {"type": "event", "topic": "runs", "kind": "deleted", **gone}
    )
    logger.info("run %s deleted by %s", run_id, identity(request).user or "local")
    return web.Response(status=204)


async def clone_run(request: web.Request) -> web.Response:
    """A new graph, owned by the caller, from a run's graph snapshot (to build on it)."""
    run = await live_run(request, request.match_info["id"])
    now = _now()
    title = run.title or run.graph.title or run.id
    graph = run.graph.model_copy(
        update={
            "id": uuid.uuid4().hex,
            "title": f"{title} (copy)",
            "author": author_of(request, run.author),
            "created_at": now,
            "updated_at": now,
            "deleted_at": None,
        },
        deep=True,
    )
    await request.app[keys.STORE].create_graph(graph)
    return json_response(graph, status=201)


async def drop_run_cache(request: web.Request) -> web.Response:
    """Forget the cache entries this run's nodes produced (later runs execute those nodes
    again); entries other runs produced stay, and so do the artifacts."""
    run_id = request.match_info["id"]
    store = request.app[keys.STORE]
    await settled(request)  # the entries of a run that just finished are stored
    node_runs = await store.get_node_runs(run_id)
    produced = {nr.id for nr in node_runs}
    keys_ = [nr.cache_key for nr in node_runs if nr.cache_key]
    entries = await store.get_cache_entries(keys_)
    mine = [key for key, entry in entries.items() if entry.node_run_id in produced]
    dropped = await store.delete_cache_entries(mine) if mine else 0
    logger.info(
        "cache entries of run %s dropped by %s: %d",
        run_id,
        identity(request).user or "local",
        dropped,
    )
    return json_response(Deleted(deleted=dropped))


def _now() -> datetime:
    return datetime.now(UTC)


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


class _Flag(StrEnum):
    TRUE = "true"
    FALSE = "false"


_TAG = "runs"
ROUTES = [
    Route(
        "POST",
        "/runs",
        create_run,
        "Start a run of a stored graph (graph_id) or an inline graph; 400 lists every problem. "
        "With the header `Prefer: return=minimal` the answer is the run's summary (a RunSummary: "
        "no graph, no node runs) and says `Preference-Applied: return=minimal`",
        _TAG,
        request=CreateRun,
        response=RunDetail,
        status=201,
        errors=(400, 404),
        access=EDITOR,
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
            INCLUDE_DELETED,
            Query(
                "metrics",
                "true: add each run's last metric values (by node_id.name)",
                enum=[f.value for f in _Flag],
                default="false",
            ),
            *PAGING,
        ),
        access=VIEWER,
    ),
    Route(
        "GET",
        "/runs/{id}",
        get_run,
        "A run with its node runs (404 once deleted, unless an admin asks with include_deleted)",
        _TAG,
        response=RunDetail,
        query=(INCLUDE_DELETED,),
        errors=(400, 404),
        access=VIEWER,
    ),
    Route(
        "DELETE",
        "/runs/{id}",
        delete_run,
        "Delete a finished run (soft: hidden from lists; 409 while it is active)",
        _TAG,
        status=204,
        content="",
        errors=(404, 409),
        access=owner("run"),
    ),
    Route(
        "POST",
        "/runs/{id}/clone",
        clone_run,
        "A new graph of your own from a run's graph snapshot",
        _TAG,
        response=Graph,
        status=201,
        errors=(404,),
        access=EDITOR,
    ),
    Route(
        "DELETE",
        "/runs/{id}/cache",
        drop_run_cache,
        "Forget the cache entries this run produced (its artifacts stay)",
        _TAG,
        response=Deleted,
        errors=(404,),
        access=owner("run"),
    ),
    Route(
        "POST",
        "/runs/{id}/cancel",
        cancel_run,
        "Cancel a run (409 if finished)",
        _TAG,
        response=RunDetail,
        errors=(404, 409),
        access=owner("run"),
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
        access=owner("run"),
    ),
]
