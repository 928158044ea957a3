"""Reading a large graph from a request body without stalling the event loop.

Validating a 10,000-node graph as one pydantic call holds the interpreter for about a second
(pydantic's validator and :func:`json.loads` never let another thread run, so a thread pool
does not help). A body above :data:`LARGE_BODY` is therefore read in two steps: first as a
*shell* of the same model whose ``nodes`` and ``edges`` are left as plain JSON (the usual
:func:`~plynx.server.api.base.read_body`, so every check and message of small bodies applies),
then its nodes and edges are validated in slices, yielding to the loop between two slices.
Every problem is still reported at once, located as a whole-body validation would.
"""

from __future__ import annotations

import asyncio
from typing import Any, TypeVar

from aiohttp import web
from pydantic import BaseModel, TypeAdapter, ValidationError, create_model

from plynx.errors import InvalidInput
from plynx.model import Graph
from plynx.model.graph import Edge, Node
from plynx.server.api.base import read_body
from plynx.server.schemas import CreateRun

__all__ = ["LARGE_BODY", "is_large", "read_create_run", "read_graph"]

#: Bodies larger than this (bytes) are validated in slices.
LARGE_BODY = 512 * 1024
_NODE_SLICE = 200
_EDGE_SLICE = 2000
_SHOWN = 5

M = TypeVar("M", bound=BaseModel)

# the same models with nodes and edges left as JSON (named alike, so messages name the model)
_GraphShell: type[Graph] = create_model(
    "Graph", __base__=Graph, nodes=(list[dict[str, Any]], []), edges=(list[dict[str, Any]], [])
)
_MaybeShell: Any = _GraphShell | None
_CreateRunShell: type[CreateRun] = create_model(
    "CreateRun", __base__=CreateRun, graph=(_MaybeShell, None)
)
_NODES = TypeAdapter(list[Node])
_EDGES = TypeAdapter(list[Edge])


async def _validated(
    adapter: TypeAdapter[list[Any]],
    items: list[Any],
    size: int,
    where: tuple[str | int, ...],
    problems: list[dict[str, str]],
) -> list[Any]:
    """``items`` validated ``size`` at a time; problems are added, located under ``where``."""
    valid: list[Any] = []
    for start in range(0, len(items), size):
        try:
            valid.extend(adapter.validate_python(items[start : start + size]))
        except ValidationError as exc:
            for error in exc.errors():
                loc = (*where, start + int(error["loc"][0]), *error["loc"][1:])
                field = ".".join(str(part) for part in loc)
                problems.append(
                    {"code": error["type"], "field": field, "message": f"{field}: {error['msg']}"}
                )
        await asyncio.sleep(0)  # let the loop serve others between two slices
    return valid


async def _whole(shell: Graph, where: tuple[str, ...], model: str) -> Graph:
    """The graph of ``shell`` with its nodes and edges validated."""
    problems: list[dict[str, str]] = []
    nodes = await _validated(_NODES, shell.nodes, _NODE_SLICE, (*where, "nodes"), problems)
    edges = await _validated(_EDGES, shell.edges, _EDGE_SLICE, (*where, "edges"), problems)
    if problems:
        raise InvalidInput(
            f"the request body is not a valid {model}: "
            + "; ".join(p["message"] for p in problems[:_SHOWN])
            + (f" (and {len(problems) - _SHOWN} more)" if len(problems) > _SHOWN else ""),
            problems,
        )
    fields = {name: getattr(shell, name) for name in shell.model_fields_set}
    # nodes and edges are models already: pydantic takes them as they are
    return Graph.model_validate({**fields, "nodes": nodes, "edges": edges})


def is_large(request: web.Request) -> bool:
    """Whether the request's body is large enough to be read in slices."""
    return (request.content_length or 0) > LARGE_BODY


async def read_graph(request: web.Request) -> Graph:
    """The body as a :class:`Graph` (large ones validated without stalling the loop)."""
    if not is_large(request):
        return await read_body(request, Graph)
    shell = await read_body(request, _GraphShell)
    return await _whole(shell, (), "Graph")


async def read_create_run(request: web.Request) -> CreateRun:
    """The body as a :class:`CreateRun` (a large inline graph validated without stalling the
    loop)."""
    if not is_large(request):
        return await read_body(request, CreateRun)
    shell = await read_body(request, _CreateRunShell)
    if shell.graph is None:
        return CreateRun.model_validate(shell.model_dump())
    graph = await _whole(shell.graph, ("graph",), "CreateRun")
    fields = {name: getattr(shell, name) for name in shell.model_fields_set}
    return CreateRun(**{**fields, "graph": graph})  # every field given, the graph validated
