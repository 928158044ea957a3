"""The ``composite`` kind: an operation whose body is a graph, expanded into the run.

A composite node ``c`` whose body has nodes ``x`` and ``y`` becomes nodes ``c/x`` and ``c/y``
in the run. An edge into ``c.in`` is re-attached to every inner port ``in`` is bound to
(``input_bindings``); an edge out of ``c.out`` starts at the inner port ``out`` is bound to
(``output_bindings``). Composites nest.

Parameters flow down while expanding: a node parameter written ``{ref: NAME}`` takes the value
of the graph parameter ``NAME`` at top level, of the composite's parameter ``NAME`` in a body
(DESIGN §11). The expanded graph holds values only, so cache keys see what actually ran.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from plynx.model import Edge, Graph, Node, Operation, ref_name, resolve_params, resolve_refs
from plynx.nodes.base import BaseNode, RunContext

__all__ = ["CompositeNode", "expand_composites"]


class CompositeNode(BaseNode):
    """A sub-graph used as one operation."""

    title = "Composite"
    description = "A graph used as one operation, with declared inputs and outputs."
    executes = False

    @classmethod
    def check(cls, operation: Operation) -> list[str]:
        if operation.body is None:
            return ["a composite operation needs a 'body' graph"]
        return []

    async def run(self, ctx: RunContext) -> int:  # pragma: no cover - expanded, never dispatched
        raise RuntimeError("composite nodes are expanded before a run starts")


def _split(port_ref: str) -> tuple[str, str]:
    node, _, port = port_ref.partition(".")
    return node, port


def expand_composites(graph: Graph, values: Mapping[str, Any] | None = None) -> Graph:
    """A copy of a *valid* graph with every composite node replaced by its (expanded) body and
    every parameter reference replaced by its value. ``values`` are those of the graph's
    parameters (see :func:`plynx.model.refs.parameter_values`). The copy shares the nodes and
    edges that expanding leaves as they are."""
    scope = values or {}
    nodes: list[Node] = []
    # (node, input) of a composite -> inner (node, input) ports in the expanded graph
    in_map: dict[tuple[str, str], list[tuple[str, str]]] = {}
    # (node, output) of a composite -> the inner (node, output) port
    out_map: dict[tuple[str, str], tuple[str, str]] = {}
    inner_edges: list[Edge] = []

    for node in graph.nodes:
        body = node.operation.body
        if node.operation.kind != "composite" or body is None:
            # a node is never changed in place (a change is a copy): one without a reference
            # is shared, not copied (10,000 copies took a sixth of a second)
            if any(ref_name(value) is not None for value in node.params.values()):
                nodes.append(node.model_copy(update={"params": resolve_refs(node.params, scope)}))
            else:
                nodes.append(node)
            continue
        params = resolve_refs(node.params, scope)
        inner = expand_composites(body, resolve_params(node.operation, params))
        prefix = f"{node.id}/"
        # an inner composite's bindings were resolved by the recursive call; ids are prefixed
        nodes.extend(n.model_copy(update={"id": prefix + n.id}) for n in inner.nodes)
        inner_edges.extend(
            Edge(
                src_node=prefix + e.src_node,
                src_port=e.src_port,
                dst_node=prefix + e.dst_node,
                dst_port=e.dst_port,
            )
            for e in inner.edges
        )
        ports = _expanded_ports(body)
        for name, targets in node.operation.input_bindings.items():
            in_map[(node.id, name)] = [
                (prefix + n, p)
                for t in targets
                for n, p in ports.inputs.get(_split(t), [_split(t)])
            ]
        for name, target in node.operation.output_bindings.items():
            n, p = ports.outputs.get(_split(target), _split(target))
            out_map[(node.id, name)] = (prefix + n, p)

    edges = list(inner_edges)
    for edge in graph.edges:
        src_port, dst_port = (edge.src_node, edge.src_port), (edge.dst_node, edge.dst_port)
        src, dsts = out_map.get(src_port), in_map.get(dst_port)
        if src is None and dsts is None:  # between two plain nodes: kept (edges are frozen)
            edges.append(edge)
            continue
        src = src or src_port
        dsts = dsts if dsts is not None else [dst_port]
        edges.extend(
            Edge(src_node=src[0], src_port=src[1], dst_node=d[0], dst_port=d[1]) for d in dsts
        )
    return graph.model_copy(update={"nodes": nodes, "edges": edges})


class _Ports:
    def __init__(self) -> None:
        self.inputs: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self.outputs: dict[tuple[str, str], tuple[str, str]] = {}


def _expanded_ports(body: Graph) -> _Ports:
    """Where the ports of nested composites in ``body`` end up once it is expanded."""
    ports = _Ports()
    for node in body.nodes:
        op = node.operation
        if op.kind != "composite" or op.body is None:
            continue
        inner = _expanded_ports(op.body)
        prefix = f"{node.id}/"
        for name, targets in op.input_bindings.items():
            ports.inputs[(node.id, name)] = [
                (prefix + n, p)
                for t in targets
                for n, p in inner.inputs.get(_split(t), [_split(t)])
            ]
        for name, target in op.output_bindings.items():
            n, p = inner.outputs.get(_split(target), _split(target))
            ports.outputs[(node.id, name)] = (prefix + n, p)
    return ports
