"""Reading a large graph from a request body without stalling the event loop.

Parsing and validating a 10,000-node graph as one call holds the interpreter for a good part
of a second (pydantic's validator and every JSON parser never let another thread run, so a
thread pool does not help). A body above :data:`LARGE_BODY` is therefore read in steps, each
a few milliseconds long, with the loop's turn in between: its ``nodes`` and ``edges`` arrays
are parsed an element at a time (:mod:`plynx.server.api.json_slices`); the rest of it, the
*shell*, is validated as a small body is (the usual
:func:`~plynx.server.api.base.decode_body`, so every check and message of small bodies
applies); then the nodes and edges are validated in slices. Every problem is still reported at
once, located as a whole-body validation would.

A large graph repeats a few operations over thousands of nodes: each distinct operation is
validated once and its :class:`~plynx.model.Operation` shared by the nodes that carry it
(nothing changes a node's operation in place: a node gets another one, or a copy).
"""

from __future__ import annotations

import asyncio
import marshal
from typing import Any, TypeVar

from aiohttp import web
from pydantic import BaseModel, TypeAdapter, ValidationError, create_model

from plynx import collector
from plynx.errors import InvalidInput
from plynx.model import Graph, Operation
from plynx.model.graph import Edge, Node
from plynx.server.api.base import decode_body, decode_large, read_body, read_raw
from plynx.server.api.json_slices import Path, split_body
from plynx.server.schemas import CreateRun

__all__ = ["LARGE_BODY", "is_large", "read_create_run", "read_graph"]

#: Bodies larger than this (bytes) are parsed and validated in slices.
LARGE_BODY = 512 * 1024
_NODE_SLICE = 200
_BLANK = b" \t\n\r"
_VALUE_STARTS = b'["-0123456789tfn'  # what a JSON value other than an object starts with
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


class _Operations:
    """The operations validated so far in one body, by their JSON: a node whose operation is
    identical (``marshal`` tells ``1`` from ``1.0`` and ``true``, where ``==`` does not) gets
    the :class:`Operation` already validated."""

    def __init__(self) -> None:
        self._known: dict[bytes, Operation] = {}

    @staticmethod
    def _key(item: Any) -> bytes | None:
        operation = item.get("operation") if isinstance(item, dict) else None
        return marshal.dumps(operation) if isinstance(operation, dict) else None

    def shared(self, items: list[Any]) -> tuple[list[Any], list[bytes | None]]:
        """``items`` with every known operation replaced by its model; the key of each item's
        operation still to validate (``None``: nothing to learn from it)."""
        prepared: list[Any] = []
        keys: list[bytes | None] = []
        for item in items:
            key = self._key(item)
            known = self._known.get(key) if key is not None else None
            if known is not None:
                prepared.append({**item, "operation": known})
                key = None
            else:
                prepared.append(item)
            keys.append(key)
        return prepared, keys

    def learn(self, keys: list[bytes | None], nodes: list[Node]) -> None:
        """Keep the operations of the ``nodes`` just validated."""
        for key, node in zip(keys, nodes, strict=True):
            if key is not None:
                self._known.setdefault(key, node.operation)


async def _validated(
    adapter: TypeAdapter[list[Any]],
    items: list[Any],
    size: int,
    where: tuple[str | int, ...],
    problems: list[dict[str, str]],
    operations: _Operations | None = None,
) -> list[Any]:
    """``items`` validated ``size`` at a time; problems are added, located under ``where``.
    With ``operations``, the items are nodes whose operations are validated once each."""
    valid: list[Any] = []
    for start in range(0, len(items), size):
        batch = items[start : start + size]
        keys: list[bytes | None] = []
        if operations is not None:
            batch, keys = operations.shared(batch)
        try:
            models = adapter.validate_python(batch)
        except ValidationError as exc:
            for error in exc.errors():
                loc = (*where, start + int(error["loc"][0]), *error["loc"][1:])
                field = ".".join(str(part) for part in loc)
                problems.append(
                    {"code": error["type"], "field": field, "message": f"{field}: {error['msg']}"}
                )
        else:
            valid.extend(models)
            if operations is not None:
                operations.learn(keys, models)
        await asyncio.sleep(0)  # let the loop serve others between two slices
    return valid


async def _whole(
    shell: Graph, arrays: dict[Path, list[Any]], where: tuple[str, ...], model: str
) -> Graph:
    """The graph of ``shell`` with its nodes and edges (``arrays``, by path) validated."""
    problems: list[dict[str, str]] = []
    nodes = await _validated(
        _NODES,
        arrays.get((*where, "nodes"), shell.nodes),
        _NODE_SLICE,
        (*where, "nodes"),
        problems,
        _Operations(),
    )
    edges = await _validated(
        _EDGES, arrays.get((*where, "edges"), shell.edges), _EDGE_SLICE, (*where, "edges"), problems
    )
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


async def _split(
    raw: bytes, shell: type[M], streamed: tuple[Path, ...]
) -> tuple[M, dict[Path, list[Any]]]:
    """The body's shell validated as ``shell``, and the elements of its ``streamed`` arrays
    (parsed, not validated)."""
    split = await split_body(raw, streamed)
    if split is None:  # not a JSON object: said from its first character, not parsed whole
        blank = len(raw) - len(raw.lstrip(_BLANK))
        head = raw[blank : blank + 1]
        return decode_body(b"[]" if head and head in _VALUE_STARTS else raw[: blank + 1], shell), {}
    try:
        return await decode_large(split.shell(), shell), split.arrays
    except InvalidInput as exc:
        raise split.in_body(exc) from None


def is_large(request: web.Request) -> bool:
    """Whether the request's body is large enough to be read in slices (or may be: one sent
    in chunks, whose length is known only once it has all come)."""
    if request.content_length is None:
        return request.body_exists
    return request.content_length > LARGE_BODY


async def read_graph(request: web.Request) -> Graph:
    """The body as a :class:`Graph` (large ones read without stalling the loop, and keeping
    the garbage collector off until the request is answered: :mod:`plynx.collector`)."""
    if not is_large(request):
        return await read_body(request, Graph)
    raw = await read_raw(request)
    collector.hold()  # once the body is here: a slow client does not keep the collector off
    shell, arrays = await _split(raw, _GraphShell, (("nodes",), ("edges",)))
    return await _whole(shell, arrays, (), "Graph")


async def read_create_run(request: web.Request) -> CreateRun:
    """The body as a :class:`CreateRun` (a large inline graph read without stalling the
    loop)."""
    if not is_large(request):
        return await read_body(request, CreateRun)
    raw = await read_raw(request)
    shell, arrays = await _split(raw, _CreateRunShell, (("graph", "nodes"), ("graph", "edges")))
    if shell.graph is None:
        return CreateRun.model_validate(shell.model_dump())
    graph = await _whole(shell.graph, arrays, ("graph",), "CreateRun")
    fields = {name: getattr(shell, name) for name in shell.model_fields_set}
    return CreateRun(**{**fields, "graph": graph})  # every field given, the graph validated
