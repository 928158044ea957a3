"""``/graphs``: editable experiments.

Saving does not require a graph to be valid (people save work in progress); only its shape
must match the model. ``POST /graphs/validate`` lists every problem that would stop a run.
"""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime

from aiohttp import web

from plynx.model import Graph, Page
from plynx.server import keys
from plynx.server.api.base import (
    PAGING,
    Query,
    Route,
    author_of,
    json_response,
    page_query,
    str_query,
)
from plynx.server.api.graph_body import is_large, read_graph
from plynx.server.api.runs import summaries
from plynx.server.heap import HEAP
from plynx.server.schemas import GraphSummary, RunSummary, ValidateResult

__all__ = ["ROUTES"]


def _now() -> datetime:
    return datetime.now(UTC)


async def list_graphs(request: web.Request) -> web.Response:
    """Search graphs, most recently updated first: summaries, without nodes and edges."""
    offset, limit = page_query(request)
    page = await request.app[keys.STORE].list_graphs(
        query=str_query(request, "q"),
        author=str_query(request, "author"),
        offset=offset,
        limit=limit,
    )
    summaries = [GraphSummary.of(graph) for graph in page.items]
    return json_response(
        Page[GraphSummary](items=summaries, total=page.total, offset=page.offset, limit=page.limit)
    )


async def create_graph(request: web.Request) -> web.Response:
    """Save a new graph (valid or not)."""
    with request.app[HEAP].paused(is_large(request)):
        body = await read_graph(request)
    now = _now()
    graph = body.model_copy(
        update={
            "id": uuid.uuid4().hex,
            "author": author_of(request, body.author),
            "created_at": now,
            "updated_at": now,
        }
    )
    await request.app[keys.STORE].create_graph(graph)
    return json_response(graph, status=201)


async def get_graph(request: web.Request) -> web.Response:
    """One graph."""
    return json_response(await request.app[keys.STORE].get_graph(request.match_info["id"]))


async def update_graph(request: web.Request) -> web.Response:
    """Replace a graph's content (id, author and creation time are kept)."""
    store = request.app[keys.STORE]
    current = await store.get_graph(request.match_info["id"])
    with request.app[HEAP].paused(is_large(request)):
        body = await read_graph(request)
    graph = body.model_copy(
        update={
            "id": current.id,
            "author": current.author,
            "created_at": current.created_at,
            "updated_at": _now(),
        }
    )
    await store.update_graph(graph)
    return json_response(graph)


async def clone_graph(request: web.Request) -> web.Response:
    """A copy of a graph under a new id."""
    store = request.app[keys.STORE]
    source = await store.get_graph(request.match_info["id"])
    now = _now()
    graph = source.model_copy(
        update={
            "id": uuid.uuid4().hex,
            "title": f"{source.title} (copy)" if source.title else "copy",
            "author": author_of(request, source.author),
            "created_at": now,
            "updated_at": now,
        },
        deep=True,
    )
    await store.create_graph(graph)
    return json_response(graph, status=201)


async def validate_graph(request: web.Request) -> web.Response:
    """Every problem that would stop the graph from running, all at once."""
    with request.app[HEAP].paused(is_large(request)):
        graph = await read_graph(request)
    # plain Python over every node: in a thread, the loop goes on serving meanwhile
    problems = await asyncio.to_thread(request.app[keys.ENGINE].validate, graph)
    return json_response(ValidateResult(ok=not problems, problems=problems))


async def graph_runs(request: web.Request) -> web.Response:
    """Runs of a graph, newest first."""
    graph_id = request.match_info["id"]
    await request.app[keys.STORE].get_graph(graph_id)  # 404 for an unknown graph
    offset, limit = page_query(request)
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
            *PAGING,
        ),
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
    ),
    Route(
        "POST",
        "/graphs/validate",
        validate_graph,
        "List every problem of a graph (cycles, unknown kinds, parameters, types, inputs)",
        _TAG,
        request=Graph,
        response=ValidateResult,
    ),
    Route("GET", "/graphs/{id}", get_graph, "Get a graph", _TAG, response=Graph, errors=(404,)),
    Route(
        "PUT",
        "/graphs/{id}",
        update_graph,
        "Replace a graph",
        _TAG,
        request=Graph,
        response=Graph,
        errors=(400, 404),
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
    ),
]
