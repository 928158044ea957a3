"""A run's document as JSON without encoding its graph again on every write.

A run's graph snapshot never changes once the run exists, but it is most of the run's document
(several megabytes for 10,000 nodes, a quarter of a second to encode). The engine writes a run
again on each of its status changes, and pydantic's encoder holds the interpreter while it works
(a thread does not spare the event loop). So the graph's JSON is encoded once per run and kept
for the few most recent runs; each write encodes only the run's own small fields and splices the
graph in. The cache is keyed by run id and checked by identity of the graph object, so a run
whose graph was replaced is encoded afresh.

A large graph (and any long list of models: :func:`list_json`) is encoded a slice at a time:
pydantic's encoder never lets another thread run during one call, so the graph of 10,000
nodes encoded by one call in a thread stopped the event loop for as long (80 ms unloaded,
200 to 400 ms on the loaded benchmark machine); between two slices the loop gets its turn.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

import pydantic_core

from plynx.model import Graph, Node, Run

__all__ = [
    "cached_graph_json",
    "encode_graph",
    "graph_json",
    "list_json",
    "nodes_json",
    "run_json",
]

_KEPT = 4  # runs whose graph JSON is kept (a large one is megabytes)
#: Models encoded by one call of pydantic's encoder (a few milliseconds' worth).
SLICE = 250
_ID_AND_OPERATION = {"id", "operation"}


def list_json(items: Sequence[Any]) -> bytes:
    """``pydantic_core.to_json(items)``, encoded :data:`SLICE` items at a time."""
    if len(items) <= SLICE:
        return pydantic_core.to_json(items)
    parts = [
        pydantic_core.to_json(items[start : start + SLICE])[1:-1]
        for start in range(0, len(items), SLICE)
    ]
    return b"[" + b",".join(parts) + b"]"


def nodes_json(nodes: Sequence[Node]) -> bytes:
    """``list_json(nodes)``, byte for byte, with each distinct operation encoded once when the
    nodes share operations (those of a large graph read from a request do: see
    :mod:`plynx.server.api.graph_body`); an operation is most of a node's JSON. A node at a time:
    the loop runs between two."""
    if len({id(node.operation) for node in nodes}) * 2 > len(nodes):
        return list_json(nodes)
    operations: dict[int, bytes] = {}  # by id: every operation lives as long as its node here
    parts: list[bytes] = []
    for node in nodes:
        operation = operations.get(id(node.operation))
        if operation is None:
            operation = operations[id(node.operation)] = pydantic_core.to_json(node.operation)
        rest = node.__pydantic_serializer__.to_json(node, exclude=_ID_AND_OPERATION)
        # the fields in their order: id, operation, then the others
        head = b'{"id":' + pydantic_core.to_json(node.id) + b',"operation":' + operation
        parts.append(head + (b"," + rest[1:] if rest != b"{}" else b"}"))
    return b"[" + b",".join(parts) + b"]"


def encode_graph(graph: Graph) -> bytes:
    """``pydantic_core.to_json(graph)`` (its nodes and edges first), a slice at a time."""
    if len(graph.nodes) + len(graph.edges) <= SLICE:
        return pydantic_core.to_json(graph)
    fields = pydantic_core.to_json(graph, exclude={"nodes", "edges"})
    nodes, edges = nodes_json(graph.nodes), list_json(graph.edges)
    return b"".join((b'{"nodes":', nodes, b',"edges":', edges, b",", fields[1:]))


# (run id, variant) -> (the graph encoded, its JSON); used from store threads too
_graphs: OrderedDict[tuple[str, str], tuple[Graph, bytes]] = OrderedDict()
_lock = threading.Lock()


def cached_graph_json(run: Run, variant: str = "whole") -> bytes | None:
    """The JSON of ``run``'s graph if :func:`graph_json` has it already, else ``None``."""
    with _lock:
        cached = _graphs.get((run.id, variant))
    return cached[1] if cached is not None and cached[0] is run.graph else None


def graph_json(
    run: Run, variant: str = "whole", encode: Callable[[Graph], bytes] = encode_graph
) -> bytes:
    """The JSON of ``run``'s graph, encoded by ``encode`` once per run and ``variant``."""
    key = (run.id, variant)
    graph = run.graph
    with _lock:
        cached = _graphs.get(key)
        if cached is not None and cached[0] is graph:
            _graphs.move_to_end(key)
            return cached[1]
    encoded = encode(graph)
    with _lock:
        _graphs[key] = (graph, encoded)
        _graphs.move_to_end(key)
        while len(_graphs) > _KEPT:
            _graphs.popitem(last=False)
    return encoded


def run_json(run: Run) -> str:
    """``run.model_dump_json()``, with the graph's JSON encoded once per run."""
    fields = run.model_dump_json(exclude={"graph"})  # never empty: a run has an id
    return '{"graph":' + graph_json(run).decode() + "," + fields[1:]
