"""Moving a graph's nodes off deprecated operations, onto their successors.

An operation is deprecated with an optional successor (usually its next version). A graph built
on the old version keeps working, but its author should move on: :func:`upgrade_graph` returns
the graph with every node whose operation is deprecated moved to the end of its successor chain,
saying what moved and what could not come along:

* a parameter value is kept when the successor has a parameter of that name and type;
* an inline input value is kept when the successor has that input;
* an edge is kept when both its ports still exist and their types still connect;
* everything else is dropped and listed as a problem for a person to resolve, as is a
  deprecated operation without a successor (that node is left as it is).

Pure: the caller looks the operations up (see ``plynx.server.api.upgrade``).
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, Field

from plynx.model.graph import Edge, Graph, Node
from plynx.model.operation import Operation, OperationStatus
from plynx.model.resources import connect_problem

__all__ = ["NodeUpgrade", "UpgradeResult", "successor_of", "upgrade_graph"]

_MAX_CHAIN = 50  # successors followed at most (a cycle of deprecations must not loop)


class NodeUpgrade(BaseModel):
    """One node moved to a newer operation."""

    node_id: str
    from_operation: str
    from_version: int
    to_operation: str
    to_version: int


class UpgradeProblem(BaseModel):
    """Something the upgrade could not carry over; ``node_id`` names the node concerned."""

    node_id: str
    message: str


class UpgradeResult(BaseModel):
    """The upgraded graph, what moved, and what a person must look at."""

    graph: Graph
    upgraded: list[NodeUpgrade] = Field(default_factory=list)
    problems: list[UpgradeProblem] = Field(default_factory=list)


def successor_of(operation_id: str, operations: Mapping[str, Operation]) -> Operation | None:
    """The last operation of ``operation_id``'s successor chain that ``operations`` holds, or
    ``None`` when it is not deprecated or names no successor."""
    current = operations.get(operation_id)
    seen = {operation_id}
    found: Operation | None = None
    while (
        current is not None
        and current.status == OperationStatus.DEPRECATED
        and current.successor_id
        and current.successor_id not in seen
        and len(seen) < _MAX_CHAIN
    ):
        seen.add(current.successor_id)
        current = operations.get(current.successor_id)
        if current is not None:
            found = current
    return found


def _move(node: Node, new: Operation, problems: list[UpgradeProblem]) -> Node:
    """``node`` on operation ``new``, with what fits of its parameter and input values."""
    params = {}
    for name, value in node.params.items():
        old_param, new_param = node.operation.parameter(name), new.parameter(name)
        if new_param is None:
            problems.append(
                UpgradeProblem(
                    node_id=node.id,
                    message=f"parameter {name!r} is gone; its value {value!r} was dropped",
                )
            )
        elif old_param is not None and old_param.type != new_param.type:
            problems.append(
                UpgradeProblem(
                    node_id=node.id,
                    message=f"parameter {name!r} is now {new_param.type.value} (was"
                    f" {old_param.type.value}); its value {value!r} was dropped",
                )
            )
        else:
            params[name] = value
    values = {}
    for name, text in node.values.items():
        if new.input(name) is None:
            problems.append(
                UpgradeProblem(
                    node_id=node.id, message=f"input {name!r} is gone; its value was dropped"
                )
            )
        else:
            values[name] = text
    return node.model_copy(update={"operation": new, "params": params, "values": values})


def _edge_problem(edge: Edge, nodes: Mapping[str, Node]) -> str | None:
    src, dst = nodes.get(edge.src_node), nodes.get(edge.dst_node)
    if src is None or dst is None:
        return None  # not ours to judge: validation reports dangling edges
    out, into = src.operation.output(edge.src_port), dst.operation.input(edge.dst_port)
    if out is None:
        return f"output {edge.src_port!r} of {edge.src_node} is gone"
    if into is None:
        return f"input {edge.dst_port!r} of {edge.dst_node} is gone"
    return connect_problem(out.type, into.type)


def upgrade_graph(graph: Graph, operations: Mapping[str, Operation]) -> UpgradeResult:
    """``graph`` with its nodes on deprecated operations moved to their successors.

    ``operations`` holds the stored operations by id: those of the graph's nodes and their
    successors (a node whose operation is not there is left alone)."""
    upgraded: list[NodeUpgrade] = []
    problems: list[UpgradeProblem] = []
    nodes: list[Node] = []
    for node in graph.nodes:
        op_id = node.operation.id
        stored = operations.get(op_id) if op_id else None
        if stored is None or stored.status != OperationStatus.DEPRECATED:
            nodes.append(node)
            continue
        new = successor_of(op_id, operations)
        if new is None:
            problems.append(
                UpgradeProblem(
                    node_id=node.id,
                    message=f"operation {stored.title or op_id} v{stored.version} is deprecated"
                    " with no successor",
                )
            )
            nodes.append(node)
            continue
        nodes.append(_move(node, new, problems))
        upgraded.append(
            NodeUpgrade(
                node_id=node.id,
                from_operation=op_id,
                from_version=node.operation.version,
                to_operation=new.id,
                to_version=new.version,
            )
        )
    moved = {u.node_id for u in upgraded}
    by_id = {n.id: n for n in nodes}
    edges = []
    for edge in graph.edges:
        problem = _edge_problem(edge, by_id) if {edge.src_node, edge.dst_node} & moved else None
        if problem is None:
            edges.append(edge)
        else:
            problems.append(
                UpgradeProblem(node_id=edge.dst_node, message=f"edge {edge} was removed: {problem}")
            )
    return UpgradeResult(
        graph=graph.model_copy(update={"nodes": nodes, "edges": edges}),
        upgraded=upgraded,
        problems=problems,
    )
