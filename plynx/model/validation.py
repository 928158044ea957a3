"""Whole-graph validation: every problem at once, each naming its node and port."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from plynx.model.graph import Graph, Node
from plynx.model.issues import GraphIssue
from plynx.model.issues import issue as _issue
from plynx.model.operation import Input, Operation, Output
from plynx.model.param_checks import check_params, graph_parameter_issues
from plynx.model.parameters import Parameter, coerce_value
from plynx.model.resources import connect_problem
from plynx.model.values import VALUE_TYPES, value_problem

__all__ = ["GraphIssue", "KindCheck", "resolve_params", "topological_order", "validate_graph"]

#: Validates one operation of a kind; returns problems as sentences. Provided by node kinds.
KindCheck = Callable[[Operation], list[str]]

_NODE_ID_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]{0,63}(/[A-Za-z_][A-Za-z0-9_-]{0,63})*$")


def resolve_params(operation: Operation, values: Mapping[str, Any]) -> dict[str, Any]:
    """Parameter values with defaults applied and types coerced. Raises ``ValueError`` naming the
    first bad parameter; :func:`validate_graph` reports all of them."""
    resolved: dict[str, Any] = {}
    for param in operation.parameters:
        if param.name in values:
            try:
                resolved[param.name] = coerce_value(param, values[param.name])
            except ValueError as exc:
                raise ValueError(f"parameter {param.name!r}: {exc}") from None
        elif param.default is not None:
            resolved[param.name] = coerce_value(param, param.default)
        elif param.required:
            raise ValueError(f"parameter {param.name!r} needs a value")
        else:
            resolved[param.name] = None
    return resolved


def topological_order(graph: Graph) -> list[str] | None:
    """Node ids in an order where every edge points forward, or ``None`` if there is a cycle."""
    indegree = {n.id: 0 for n in graph.nodes}
    children: dict[str, list[str]] = {n.id: [] for n in graph.nodes}
    for edge in graph.edges:
        if edge.src_node in indegree and edge.dst_node in indegree:
            indegree[edge.dst_node] += 1
            children[edge.src_node].append(edge.dst_node)
    ready = [n for n, d in indegree.items() if d == 0]
    order: list[str] = []
    while ready:
        current = ready.pop()
        order.append(current)
        for child in children[current]:
            indegree[child] -= 1
            if indegree[child] == 0:
                ready.append(child)
    return order if len(order) == len(indegree) else None


def _cycle_nodes(graph: Graph) -> list[str]:
    """Nodes that lie on a cycle (what remains after peeling sources and sinks)."""
    ids = {n.id for n in graph.nodes}
    edges = [
        (e.src_node, e.dst_node) for e in graph.edges if e.src_node in ids and e.dst_node in ids
    ]
    alive = set(ids)
    changed = True
    while changed:
        changed = False
        has_in = {d for s, d in edges if s in alive and d in alive}
        has_out = {s for s, d in edges if s in alive and d in alive}
        for node in list(alive):
            if node not in has_in or node not in has_out:
                alive.discard(node)
                changed = True
    return sorted(alive)


class _Ports:
    """Each operation's inputs and outputs by name, indexed once per operation: the nodes of a
    large graph often share one, and every edge looks up two ports (the first of a repeated
    name counts, as with :meth:`Operation.input`)."""

    def __init__(self) -> None:
        self._index: dict[int, tuple[Operation, dict[str, Input], dict[str, Output]]] = {}
        self._last: tuple[Operation, dict[str, Input], dict[str, Output]] | None = None

    def _of(self, op: Operation) -> tuple[Operation, dict[str, Input], dict[str, Output]]:
        entry = self._last
        if entry is not None and entry[0] is op:
            return entry
        entry = self._index.get(id(op))
        if entry is None or entry[0] is not op:
            inputs: dict[str, Input] = {}
            outputs: dict[str, Output] = {}
            for inp in op.inputs:
                inputs.setdefault(inp.name, inp)
            for out in op.outputs:
                outputs.setdefault(out.name, out)
            entry = self._index[id(op)] = (op, inputs, outputs)
        self._last = entry
        return entry

    def input(self, op: Operation, name: str) -> Input | None:
        """``op.input(name)``."""
        return self._of(op)[1].get(name)

    def output(self, op: Operation, name: str) -> Output | None:
        """``op.output(name)``."""
        return self._of(op)[2].get(name)


def _check_values(node: Node, counts: dict[tuple[str, str], int], issues: list[GraphIssue]) -> None:
    """Inline values of ``node``'s inputs; a good one counts as the input's edge."""
    for name, text in node.values.items():
        inp = node.operation.input(name)
        if inp is None:
            known = ", ".join(i.name for i in node.operation.inputs) or "none"
            problem: str | None = f"no input {name!r} to give a value (inputs: {known})"
        elif node.operation.kind == "composite":
            problem = "a composite's inputs take edges, not values (give the value inside it)"
        elif counts.get((node.id, name), 0):
            problem = "has both an edge and a value: remove one of them"
        else:
            problem = value_problem(inp, text)
        if problem:
            issues.append(_issue("bad_value", node.id, name, problem))
        else:
            counts[(node.id, name)] = 1


def _check_node(
    node: Node,
    kinds: Mapping[str, KindCheck],
    scope: Mapping[str, Parameter],
    used: set[str],
    issues: list[GraphIssue],
) -> None:
    op = node.operation
    if not _NODE_ID_RE.match(node.id):
        issues.append(
            _issue(
                "bad_node_id",
                node.id,
                None,
                "a node id starts with a letter or _ and has only letters, digits, _ and -",
            )
        )
    check = kinds.get(op.kind)
    if check is None:
        known = ", ".join(sorted(kinds)) or "none"
        issues.append(
            _issue(
                "unknown_kind",
                node.id,
                None,
                f"unknown node kind {op.kind!r} (known kinds: {known})",
            )
        )
    else:
        issues.extend(
            GraphIssue(code="invalid_operation", node=node.id, message=problem)
            for problem in check(op)
        )
    check_params(node, scope, used, issues)
    if op.body is not None:
        _check_composite(node, kinds, issues)


def _check_composite(node: Node, kinds: Mapping[str, KindCheck], issues: list[GraphIssue]) -> None:
    op = node.operation
    assert op.body is not None  # checked by caller
    body_used: set[str] = set()
    body_issues = _validate(
        op.body, kinds, _bound_inputs(op), {p.name: p for p in op.parameters}, body_used
    )
    issues.extend(
        _issue(
            issue.code,
            f"{node.id}/{issue.node}" if issue.node else node.id,
            issue.port,
            issue.message,
        )
        for issue in body_issues
    )
    if op.body.parameters:
        issues.append(
            _issue(
                "invalid_operation",
                node.id,
                None,
                "a composite's body declares no parameters of its own: declare them on the "
                "composite operation",
            )
        )
    issues.extend(
        _issue(
            "unused_parameter",
            node.id,
            param.name,
            f"the composite declares parameter {param.name!r} but no node of its body "
            f"refers to it (write {{ref: {param.name}}} where it is used)",
        )
        for param in op.parameters
        if param.name not in body_used
    )
    body_nodes = op.body.node_map()
    for name, targets in op.input_bindings.items():
        declared = op.input(name)
        if declared is None:
            issues.append(
                _issue(
                    "bad_binding",
                    node.id,
                    name,
                    f"binds input {name!r}, which the operation does not declare",
                )
            )
            continue
        for target in targets:
            inner_node, _, inner_port = target.partition(".")
            inner = body_nodes.get(inner_node)
            port = inner.operation.input(inner_port) if inner else None
            if port is None:
                issues.append(
                    _issue(
                        "bad_binding",
                        node.id,
                        name,
                        f"input {name!r} is bound to {target!r}, which is not an input of the body",
                    )
                )
            elif problem := connect_problem(declared.type, port.type):
                issues.append(
                    _issue(
                        "type_mismatch",
                        node.id,
                        name,
                        f"input {name!r} bound to {target!r}: {problem}",
                    )
                )
    for output in op.outputs:
        target = op.output_bindings.get(output.name, "")
        inner_node, _, inner_port = target.partition(".")
        inner = body_nodes.get(inner_node)
        inner_out = inner.operation.output(inner_port) if inner else None
        if inner_out is None:
            issues.append(
                _issue(
                    "bad_binding",
                    node.id,
                    output.name,
                    f"output {output.name!r} must be bound to an output of the body "
                    f"(got {target!r})",
                )
            )
        elif problem := connect_problem(inner_out.type, output.type):
            issues.append(
                _issue(
                    "type_mismatch",
                    node.id,
                    output.name,
                    f"output {output.name!r} bound to {target!r}: {problem}",
                )
            )


def _bound_inputs(op: Operation) -> set[tuple[str, str]]:
    bound: set[tuple[str, str]] = set()
    for targets in op.input_bindings.values():
        for target in targets:
            inner_node, _, inner_port = target.partition(".")
            bound.add((inner_node, inner_port))
    return bound


def validate_graph(
    graph: Graph,
    kinds: Mapping[str, KindCheck],
    *,
    parameters: Mapping[str, Any] | None = None,
) -> list[GraphIssue]:
    """Every problem in ``graph``: ids, kinds, parameters and references, edges, types, input
    counts, cycles.

    ``kinds`` maps each known kind to its operation check. ``parameters`` are values given for
    the graph's parameters (a run's); a name the graph does not declare, a value of the wrong
    type or a required one without a value is a problem (issues with no node, the parameter as
    ``port``)."""
    issues = graph_parameter_issues(graph, parameters or {})
    scope = {p.name: p for p in graph.parameters}
    issues.extend(_validate(graph, kinds, set(), scope, set()))
    return issues


def _validate(
    graph: Graph,
    kinds: Mapping[str, KindCheck],
    bound: set[tuple[str, str]],
    scope: Mapping[str, Parameter],
    used: set[str],
) -> list[GraphIssue]:
    """:func:`validate_graph` of a graph whose references resolve in ``scope``; the names they
    refer to are added to ``used``. ``bound`` are inner inputs fed from outside (the ports a
    composite binds its inputs to)."""
    issues: list[GraphIssue] = []
    nodes: dict[str, Node] = {}
    for node in graph.nodes:
        if node.id in nodes:
            issues.append(
                GraphIssue(code="duplicate_node", node=node.id, message="two nodes have this id")
            )
        nodes[node.id] = node
        _check_node(node, kinds, scope, used, issues)

    counts: dict[tuple[str, str], int] = {}
    seen_edges: set[tuple[str, str, str, str]] = set()
    ports = _Ports()
    for edge in graph.edges:
        key = (src_id, src_port, dst_id, dst_port) = (
            edge.src_node,
            edge.src_port,
            edge.dst_node,
            edge.dst_port,
        )
        if key in seen_edges:
            issues.append(
                _issue(
                    "duplicate_edge", edge.dst_node, edge.dst_port, f"the edge {edge} appears twice"
                )
            )
            continue
        seen_edges.add(key)
        src, dst = nodes.get(src_id), nodes.get(dst_id)
        if src is None:
            issues.append(
                _issue(
                    "unknown_node",
                    edge.src_node,
                    None,
                    f"the edge {edge} starts at a node that does not exist",
                )
            )
        if dst is None:
            issues.append(
                _issue(
                    "unknown_node",
                    edge.dst_node,
                    None,
                    f"the edge {edge} ends at a node that does not exist",
                )
            )
        if src is None or dst is None:
            continue
        out = ports.output(src.operation, src_port)
        inp = ports.input(dst.operation, dst_port)
        if out is None:
            issues.append(
                _issue(
                    "unknown_port",
                    src.id,
                    edge.src_port,
                    f"no output {edge.src_port!r} (outputs: "
                    + (", ".join(o.name for o in src.operation.outputs) or "none")
                    + ")",
                )
            )
        if inp is None:
            issues.append(
                _issue(
                    "unknown_port",
                    dst.id,
                    edge.dst_port,
                    f"no input {edge.dst_port!r} (inputs: "
                    + (", ".join(i.name for i in dst.operation.inputs) or "none")
                    + ")",
                )
            )
        if out is None or inp is None:
            continue
        if problem := connect_problem(out.type, inp.type):
            issues.append(_issue("type_mismatch", dst.id, dst_port, f"{edge}: {problem}"))
        port = (dst_id, inp.name)
        counts[port] = counts.get(port, 0) + 1

    for node in nodes.values():
        _check_values(node, counts, issues)

    for node in nodes.values():
        for inp in node.operation.inputs:
            count = counts.get((node.id, inp.name), 0)
            if (node.id, inp.name) in bound:
                continue
            upper = inp.upper_bound
            if count < inp.min_count:
                if count:
                    message = f"needs at least {inp.min_count} edges, has {count}"
                elif inp.type in VALUE_TYPES and not inp.is_array:
                    message = "required input has no edge and no value"
                else:
                    message = "required input has no edge"
                issues.append(
                    GraphIssue(code="missing_input", node=node.id, port=inp.name, message=message)
                )
            elif upper is not None and count > upper:
                message = (
                    f"takes one edge, has {count} (make it an array input to take several)"
                    if not inp.is_array
                    else f"takes at most {upper} edges, has {count}"
                )
                issues.append(
                    GraphIssue(code="too_many_inputs", node=node.id, port=inp.name, message=message)
                )

    if topological_order(graph) is None:
        cycle = _cycle_nodes(graph)
        issues.append(
            _issue(
                "cycle",
                cycle[0] if cycle else None,
                None,
                "the graph has a cycle through " + ", ".join(cycle),
            )
        )
    return issues
