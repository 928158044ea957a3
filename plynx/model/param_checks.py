"""Validation of parameter values and references (DESIGN §11): a node's values fit their
declared types, a ``{ref: NAME}`` names a parameter of its scope with a fitting type, and the
values given for a graph's parameters are declared and well typed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from plynx.model.graph import Graph, Node
from plynx.model.issues import GraphIssue
from plynx.model.issues import issue as _issue
from plynx.model.parameters import Parameter, coerce_value
from plynx.model.refs import parameter_values, ref_name, ref_type_problem

__all__ = ["check_params", "graph_parameter_issues"]


def check_params(
    node: Node, scope: Mapping[str, Parameter], used: set[str], issues: list[GraphIssue]
) -> None:
    """The node's parameter values: declared, of the right type, references that resolve."""
    op = node.operation
    declared = {p.name: p for p in op.parameters}
    for name in node.params:
        if name not in declared:
            issues.append(
                _issue(
                    "unknown_parameter",
                    node.id,
                    name,
                    f"unknown parameter {name!r}; the operation declares "
                    + (", ".join(sorted(declared)) or "no parameters"),
                )
            )
    for param in op.parameters:
        if param.name in node.params:
            value = node.params[param.name]
            try:
                target = ref_name(value)
            except ValueError as exc:
                issues.append(_issue("bad_reference", node.id, param.name, str(exc)))
                continue
            if target is not None:
                _check_ref(node.id, param, target, scope, issues)
                used.add(target)
                continue
        elif param.default is not None:
            value = param.default
        else:
            if param.required:
                issues.append(
                    _issue(
                        "missing_parameter",
                        node.id,
                        param.name,
                        f"parameter {param.name!r} needs a value",
                    )
                )
            continue
        try:
            coerce_value(param, value)
        except ValueError as exc:
            issues.append(
                _issue("bad_parameter", node.id, param.name, f"parameter {param.name!r}: {exc}")
            )


def _check_ref(
    node_id: str,
    param: Parameter,
    target: str,
    scope: Mapping[str, Parameter],
    issues: list[GraphIssue],
) -> None:
    source = scope.get(target)
    if source is None:
        issues.append(
            _issue(
                "unknown_reference",
                node_id,
                param.name,
                f"{{ref: {target}}} refers to no parameter of the enclosing graph or composite "
                "(it declares " + (", ".join(sorted(scope)) or "no parameters") + ")",
            )
        )
    elif problem := ref_type_problem(source, param):
        issues.append(_issue("reference_type_mismatch", node_id, param.name, problem))


def graph_parameter_issues(graph: Graph, given: Mapping[str, Any]) -> list[GraphIssue]:
    issues: list[GraphIssue] = []
    seen: set[str] = set()
    for param in graph.parameters:
        if param.name in seen:
            issues.append(
                _issue(
                    "duplicate_parameter", None, param.name, "two graph parameters have this name"
                )
            )
        seen.add(param.name)
    _, problems = parameter_values(graph.parameters, given)
    issues.extend(_issue(p.code, None, p.name, p.message) for p in problems)
    return issues
