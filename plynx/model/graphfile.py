"""Graph files (YAML or JSON, already parsed): the friendly format people write by hand.

::

    title: Split and count
    parameters:                  # graph parameters: plynx run FILE -p column=id
      column: name               # name: default (type inferred), or a full mapping
    operations:                  # named operations, used by nodes below
      count:
        kind: bash_jinja2
        inputs: {data: csv}      # name: type, or a list of full port objects
        outputs: {report: text}
        parameters:
          column: {type: str, default: name}
        code: |
          cut -d, -f1 {{ inputs.data }} | sort | uniq -c > {{ outputs.report }}
    nodes:
      data: {file: data.csv, type: csv}        # a local file, uploaded on submit
      stats: {operation: count, params: {column: {ref: column}}}   # the graph parameter
      # an input without an edge may take a literal value (text, json, csv or tsv inputs);
      # a value that is not a string is written as JSON: values: {config: {depth: 3}}
      tiny: {operation: count, values: {data: "id,name\\n1,a\\n"}}
    edges:
      - data.out -> stats.data

A document whose ``nodes`` is a list is the API's canonical graph JSON and is taken as is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from plynx.errors import InvalidInput
from plynx.model.graph import Edge, Graph, Node
from plynx.model.operation import Operation
from plynx.model.parameters import ParameterType

__all__ = ["FILE_KIND", "FileRef", "parse_edge", "parse_graph_document"]

FILE_KIND = "file"
_EDGE_RE = re.compile(r"^\s*([\w/-]+)\.(\w+)\s*->\s*([\w/-]+)\.(\w+)\s*$")


class FileRef:
    """A local file a graph file names; the submitter uploads it and sets the node's
    ``artifact`` parameter."""

    def __init__(self, node_id: str, path: str) -> None:
        self.node_id = node_id
        self.path = path

    def __repr__(self) -> str:
        return f"FileRef({self.node_id!r}, {self.path!r})"


def _values(raw: Any) -> Any:
    """Inline input values; non-string values are written as JSON (``{depth: 3}``)."""
    if not isinstance(raw, Mapping):
        return raw or {}  # anything else: the node's validation says what is wrong
    return {
        str(name): value if isinstance(value, str) else json.dumps(value)
        for name, value in raw.items()
    }


def parse_edge(text: str) -> Edge:
    """``"a.out -> b.in"`` as an :class:`Edge`; ``ValueError`` if it is not of that form."""
    match = _EDGE_RE.match(text)
    if not match:
        raise ValueError(f"{text!r} is not an edge; write it as 'node.output -> node.input'")
    return Edge(src_node=match[1], src_port=match[2], dst_node=match[3], dst_port=match[4])


def _ports(value: Any) -> Any:
    if isinstance(value, Mapping):
        return [
            {"name": name, **spec} if isinstance(spec, Mapping) else {"name": name, "type": spec}
            for name, spec in value.items()
        ]
    return value


def _infer_type(value: Any) -> str:
    if isinstance(value, bool):
        return ParameterType.BOOL
    if isinstance(value, int):
        return ParameterType.INT
    if isinstance(value, float):
        return ParameterType.FLOAT
    if isinstance(value, list):
        return (
            ParameterType.LIST_INT
            if value and all(isinstance(v, int) for v in value)
            else (ParameterType.LIST_STR)
        )
    return ParameterType.TEXT if isinstance(value, str) and "\n" in value else ParameterType.STR


def _parameters(value: Any) -> Any:
    if isinstance(value, Mapping):
        return [
            {"name": name, **spec}
            if isinstance(spec, Mapping)
            else {"name": name, "type": _infer_type(spec), "default": spec}
            for name, spec in value.items()
        ]
    return value


def _operation(spec: Mapping[str, Any]) -> dict[str, Any]:
    op = dict(spec)
    for key in ("inputs", "outputs"):
        if key in op:
            op[key] = _ports(op[key])
    if "parameters" in op:
        op["parameters"] = _parameters(op["parameters"])
    if "body" in op and isinstance(op["body"], Mapping):
        body, _ = parse_graph_document(op["body"])
        op["body"] = body.model_dump()
    return op


def _file_operation(spec: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "kind": FILE_KIND,
        "title": spec.get("title", str(spec["file"])),
        "outputs": [{"name": "out", "type": spec.get("type", "file")}],
        "parameters": [
            {"name": "artifact", "type": "str", "required": True},
            {"name": "filename", "type": "str", "default": ""},
        ],
    }


def parse_graph_document(data: Any) -> tuple[Graph, list[FileRef]]:
    """Turn a parsed graph file into a :class:`Graph` and the local files it wants uploaded.

    Raises :class:`InvalidInput` listing every structural problem; semantic checks (types,
    cycles…) are :func:`plynx.model.validation.validate_graph`'s job."""
    if not isinstance(data, Mapping):
        raise InvalidInput("a graph file must be a mapping with 'nodes' (and 'edges')")
    if isinstance(data.get("nodes"), list):
        try:
            return Graph.model_validate(data), []
        except ValidationError as exc:
            raise InvalidInput("the graph is not well formed", _pydantic_problems(exc)) from None

    problems: list[str] = []
    named = data.get("operations") or {}
    if not isinstance(named, Mapping):
        problems.append("'operations' must be a mapping of name to operation")
        named = {}
    nodes: list[Node] = []
    files: list[FileRef] = []
    raw_nodes = data.get("nodes") or {}
    if not isinstance(raw_nodes, Mapping):
        raise InvalidInput("'nodes' must be a mapping of node id to node")
    for node_id, spec in raw_nodes.items():
        if not isinstance(spec, Mapping):
            problems.append(f"node {node_id!r}: must be a mapping")
            continue
        params = dict(spec.get("params") or {})
        if "file" in spec:
            op_spec: Any = _file_operation(spec)
            params.setdefault("filename", str(spec["file"]).rsplit("/", 1)[-1])
            params.setdefault("artifact", "0" * 64)
            files.append(FileRef(str(node_id), str(spec["file"])))
        else:
            ref = spec.get("operation")
            if isinstance(ref, str):
                if ref not in named:
                    problems.append(f"node {node_id!r}: no operation named {ref!r} in 'operations'")
                    continue
                op_spec = _operation(named[ref])
                op_spec.setdefault("title", ref)
            elif isinstance(ref, Mapping):
                op_spec = _operation(ref)
            else:
                problems.append(
                    f"node {node_id!r}: needs 'operation' (a name or a mapping) or 'file'"
                )
                continue
        try:
            nodes.append(
                Node(
                    id=str(node_id),
                    operation=Operation.model_validate(op_spec),
                    params=params,
                    values=_values(spec.get("values")),
                    title=str(spec.get("title", "")),
                )
            )
        except ValidationError as exc:
            problems.extend(f"node {node_id!r}: {p}" for p in _pydantic_problems(exc))
    edges: list[Edge] = []
    for raw in data.get("edges") or []:
        try:
            if isinstance(raw, str):
                edges.append(parse_edge(raw))
            elif isinstance(raw, Mapping) and "from" in raw and "to" in raw:
                edges.append(parse_edge(f"{raw['from']} -> {raw['to']}"))
            else:
                edges.append(Edge.model_validate(raw))
        except (ValueError, ValidationError) as exc:
            problems.append(f"edge {raw!r}: {exc}")
    if problems:
        raise InvalidInput("the graph file has problems", problems)
    try:
        graph = Graph(
            title=str(data.get("title", "")),
            description=str(data.get("description", "")),
            parameters=_parameters(data.get("parameters") or []),
            nodes=nodes,
            edges=edges,
        )
    except ValidationError as exc:
        raise InvalidInput("the graph file has problems", _pydantic_problems(exc)) from None
    return graph, files


def _pydantic_problems(exc: ValidationError) -> list[str]:
    return [
        f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" if err["loc"] else err["msg"]
        for err in exc.errors()
    ]
