"""``/graphs``: editable experiments.

Saving does not require a graph to be valid (people save work in progress); only its shape
must match the model. ``POST /graphs/validate`` lists every problem that would stop a run.
A graph belongs to its ``author``: only they (or an admin) change or delete it, anyone with the
editor role clones it. Deleting is soft: the graph leaves the lists and its ``GET`` says 404
"deleted", but its runs and what they produced stay.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from datetime import UTC, datetime

from aiohttp import web

from plynx.model import Graph, Page
from plynx.server import keys
from plynx.server.access import EDITOR, VIEWER, owner
from plynx.server.api.base import (
    INCLUDE_DELETED,
    PAGING,
    Query,
    Route,
    author_of,
    identity,
    include_deleted,
    json_response,
    page_query,
    settled,
    str_query,
)
from plynx.server.api.graph_body import read_graph
from plynx.server.api.live import live_graph
from plynx.server.api.runs import summaries
from plynx.server.schemas import GraphSummary, RunSummary, ValidateResult
from plynx.store.base import large_graph
from plynx.store.run_json import encode_graph

__all__ = ["ROUTES"]

logger = logging.getLogger(__name__)


def _now() -> datetime:
    return datetime.now(UTC)


async def _graph_response(graph: Graph, status: int = 200) -> web.Response:
    """``graph`` as the answer; a large one is encoded in a thread, a slice at a time (the loop
    runs between two: one call of the encoder would hold it 80 ms and more)."""
    body = await large_graph(graph, encode_graph)
    return web.Response(body=body, status=status, content_type="application/json")


async def list_graphs(request: web.Request) -> web.Response:
    """Search graphs, most recently updated first: summaries, without nodes and edges."""
    offset, limit = page_query(request)
    page = await request.app[keys.STORE].list_graph_summaries(
        query=str_query(request, "q"),
        author=str_query(request, "author"),
        include_deleted=include_deleted(request, "graph"),
        offset=offset,
        limit=limit,
    )
    return json_response(page)


async def create_graph(request: web.Request) -> web.Response:
    """Save a new graph (valid or not)."""
    body = await read_graph(request)
    now = _now()
    graph = body.model_copy(
        update={
            "id": uuid.uuid4().hex,
            "author": author_of(request, body.author),
            "created_at": now,
            "updated_at": now,
            "deleted_at": None,
        }
    )
    await request.app[keys.STORE].create_graph(graph)
    return await _graph_response(graph, status=201)


async def get_graph(request: web.Request) -> web.Response:
    """One graph."""
    return await _graph_response(await live_graph(request, request.match_info["id"], shown=True))


async def delete_graph(request: web.Request) -> web.Response:
    """Delete a graph (softly: its runs and their results stay)."""
    store = request.app[keys.STORE]
    graph = await store.get_graph(request.match_info["id"])  # the access rule saw it live
    await store.update_graph(graph.model_copy(update={"deleted_at": _now()}))
    # stored, then announced: dashboards following the graphs list drop it
    deleted = {"type": "event", "topic": "graphs", "kind": "deleted", "graph_id": graph.id}
    request.app[keys.BUS].publish("graphs", deleted)
    logger.info("graph %s deleted by %s", graph.id, identity(request).user or "local")
    return web.Response(status=204)


async def update_graph(request: web.Request) -> web.Response:
    """Replace a graph's content (id, author and creation time are kept)."""
    store = request.app[keys.STORE]
    current = await store.get_graph(request.match_info["id"])
    body = await read_graph(request)
    graph = body.model_copy(
        update={
            "id": current.id,
            "author": current.author,
            "created_at": current.created_at,
            "updated_at": _now(),
            "deleted_at": None,
        }
    )
    await store.update_graph(graph)
    return await _graph_response(graph)


async def clone_graph(request: web.Request) -> web.Response:
    """A copy of a graph under a new id."""
    store = request.app[keys.STORE]
    source = await live_graph(request, request.match_info["id"])
    now = _now()
    graph = source.model_copy(
        update={
            "id": uuid.uuid4().hex,
            "title": f"{source.title} (copy)" if source.title else "copy",
            "author": author_of(request, source.author),
            "created_at": now,
            "updated_at": now,
            "deleted_at": None,
        },
        deep=True,
    )
    await store.create_graph(graph)
    return await _graph_response(graph, status=201)


async def validate_graph(request: web.Request) -> web.Response:
    """Every problem that would stop the graph from running, all at once."""
    graph = await read_graph(request)
    # plain Python over every node: in a thread, the loop goes on serving meanwhile
    problems = await asyncio.to_thread(request.app[keys.ENGINE].validate, graph)
    return json_response(ValidateResult(ok=not problems, problems=problems))


async def graph_runs(request: web.Request) -> web.Response:
    """Runs of a graph, newest first."""
    graph_id = request.match_info["id"]
    await live_graph(request, graph_id)  # 404 for an unknown or deleted graph
    offset, limit = page_query(request)
    await settled(request)
    page = await request.app[keys.STORE].list_runs(graph_id=graph_id, offset=offset, limit=limit)
    return json_response(await summaries(request, page))


_TAG = "graphs"
ROUTES = [
    Route(
        "GET",
        "/graphs",
        list_graphs,
        "Search graphs, most recently updated first (summaries: no nodes or edges)",
        _TAG,
        response=Page[GraphSummary],
        query=(
            Query("q", "words that must all appear in title, description or author"),
            Query("author", "only by this author"),
            INCLUDE_DELETED,
            *PAGING,
        ),
        access=VIEWER,
    ),
    Route(
        "POST",
        "/graphs",
        create_graph,
        "Save a new graph",
        _TAG,
        request=Graph,
        response=Graph,
        status=201,
        access=EDITOR,
    ),
    Route(
        "POST",
        "/graphs/validate",
        validate_graph,
        "List every problem of a graph (cycles, unknown kinds, parameters, types, inputs)",
        _TAG,
        request=Graph,
        response=ValidateResult,
        access=VIEWER,
    ),
    Route(
        "GET",
        "/graphs/{id}",
        get_graph,
        "Get a graph (404 once deleted, unless an admin asks with include_deleted)",
        _TAG,
        response=Graph,
        query=(INCLUDE_DELETED,),
        errors=(400, 404),
        access=VIEWER,
    ),
    Route(
        "DELETE",
        "/graphs/{id}",
        delete_graph,
        "Delete a graph (soft: hidden from lists; its runs and their results stay)",
        _TAG,
        status=204,
        content="",
        errors=(404,),
        access=owner("graph"),
    ),
    Route(
        "PUT",
        "/graphs/{id}",
        update_graph,
        "Replace a graph",
        _TAG,
        request=Graph,
        response=Graph,
        errors=(400, 404),
        access=owner("graph"),
    ),
    Route(
        "POST",
        "/graphs/{id}/clone",
        clone_graph,
        "Copy a graph",
        _TAG,
        response=Graph,
        status=201,
        errors=(404,),
        access=EDITOR,
    ),
    Route(
        "GET",
        "/graphs/{id}/runs",
        graph_runs,
        "Runs of a graph, newest first",
        _TAG,
        response=Page[RunSummary],
        query=PAGING,
        errors=(400, 404),
        access=VIEWER,
    ),
]
