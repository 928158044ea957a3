"""A graph written back in the graph-file format (the README's "Graph files"): named
operations, nodes that use them, ``src.out -> dst.in`` edges and local files."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from plynx.model import FILE_KIND, Graph, Input, Operation, Parameter
from plynx.sdk.operations import identifier

__all__ = ["graph_document", "to_yaml_text"]

_OPERATION_FIELDS = ("kind", "title", "description", "timeout", "retries")
_COMPOSITE_FIELDS = ("input_bindings", "output_bindings")


def _parameters(params: list[Parameter]) -> dict[str, Any]:
    return {
        p.name: p.model_dump(mode="json", exclude={"name"}, exclude_defaults=True)
        | {"type": p.type.value}
        for p in params
    }


def _operation(op: Operation) -> dict[str, Any]:
    dumped = op.model_dump(mode="json", exclude_defaults=True)
    doc: dict[str, Any] = {k: dumped[k] for k in _OPERATION_FIELDS if k in dumped}
    doc["kind"] = op.kind
    if op.inputs:
        doc["inputs"] = {i.name: _input(i) for i in op.inputs}
    if op.outputs:
        doc["outputs"] = {o.name: o.type.value for o in op.outputs}
    if op.parameters:
        doc["parameters"] = _parameters(op.parameters)
    if op.code:
        doc["code"] = op.code
    if op.body is not None:
        doc["body"] = graph_document(op.body, {}, {}, None)
        doc.update({k: dumped[k] for k in _COMPOSITE_FIELDS if k in dumped})
    return doc


def _input(inp: Input) -> Any:
    extra = inp.model_dump(mode="json", exclude={"name", "type"}, exclude_defaults=True)
    return {"type": inp.type.value, **extra} if extra else inp.type.value


def _file_path(path: Path, base: Path | None) -> str:
    if base is None:
        return str(path)
    try:
        return os.path.relpath(path, base) if path.is_relative_to(base) else str(path)
    except ValueError:
        return str(path)


def graph_document(
    graph: Graph, files: Mapping[str, Path], op_names: Mapping[str, str], base: Path | None
) -> dict[str, Any]:
    """``graph`` as a graph-file mapping; ``files`` are the local paths of file nodes (written
    relative to ``base``), ``op_names`` the names to give nodes' operations."""
    doc: dict[str, Any] = {"title": graph.title}
    if graph.description:
        doc["description"] = graph.description
    if graph.parameters:
        doc["parameters"] = _parameters(graph.parameters)
    operations: dict[str, dict[str, Any]] = {}
    nodes: dict[str, dict[str, Any]] = {}
    for node in graph.nodes:
        entry: dict[str, Any]
        if node.operation.kind == FILE_KIND:
            local = files.get(node.id)
            entry = {
                "file": _file_path(local, base) if local else node.params.get("filename", ""),
                "type": node.operation.outputs[0].type.value if node.operation.outputs else "file",
            }
            if local is None and node.params.get("artifact"):
                entry["params"] = {"artifact": node.params["artifact"]}
        else:
            op_doc = _operation(node.operation)
            name = op_names.get(node.id) or identifier(node.operation.title) or node.id
            candidate, n = name, 2
            while candidate in operations and operations[candidate] != op_doc:
                candidate, n = f"{name}_{n}", n + 1
            operations[candidate] = op_doc
            entry = {"operation": candidate}
            if node.params:
                entry["params"] = dict(node.params)
            if node.values:
                entry["values"] = dict(node.values)
        if node.title:
            entry["title"] = node.title
        nodes[node.id] = entry
    if operations:
        doc["operations"] = operations
    doc["nodes"] = nodes
    doc["edges"] = [str(edge) for edge in graph.edges]
    return doc


class _Dumper(yaml.SafeDumper):
    """Multi-line strings (code) as literal blocks, so the file reads like a hand-written one."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = (
        "|"
        if "\n" in value and not any(line != line.rstrip() for line in value.splitlines())
        else None
    )
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def to_yaml_text(document: Mapping[str, Any]) -> str:
    """The YAML text of a graph-file mapping."""
    return yaml.dump(dict(document), Dumper=_Dumper, sort_keys=False, allow_unicode=True)
