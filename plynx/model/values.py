"""Inline input values: a literal text typed in place of an edge.

A node may give an input without an edge a value (``node.values[input] = text``) when the input
takes one text-like resource (``text``, ``json``, ``csv``, ``tsv``). When a run starts the text
becomes an artifact like any other (addressed by the sha256 of its UTF-8 bytes) and feeds the
input as an edge would, so the cache key covers it and the worker sees an ordinary file.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator

from plynx.model.graph import Graph
from plynx.model.operation import Input
from plynx.model.resources import ResourceType
from plynx.model.run import ArtifactRef

__all__ = [
    "MAX_VALUE_BYTES",
    "VALUE_TYPES",
    "graph_values",
    "value_bytes",
    "value_problem",
    "value_ref",
]

#: Resource types an input value may have.
VALUE_TYPES = frozenset({ResourceType.TEXT, ResourceType.JSON, ResourceType.CSV, ResourceType.TSV})
#: The largest value, in UTF-8 bytes (bigger data belongs in an uploaded file).
MAX_VALUE_BYTES = 64 * 1024


def value_bytes(text: str) -> bytes:
    """The artifact's content for ``text``."""
    return text.encode("utf-8")


def value_problem(inp: Input, text: str) -> str | None:
    """Why ``text`` cannot be the value of ``inp``, or ``None``."""
    if inp.is_array:
        return "an array input takes edges, not a value"
    if inp.type not in VALUE_TYPES:
        kinds = ", ".join(sorted(VALUE_TYPES))
        return f"a {inp.type} input takes an edge (values are for {kinds} inputs)"
    try:
        size = len(value_bytes(text))
    except UnicodeEncodeError:
        return "the value is not valid text (it holds a lone surrogate)"
    if size > MAX_VALUE_BYTES:
        return (
            f"the value is {size} bytes; at most {MAX_VALUE_BYTES} (upload bigger data as a file)"
        )
    if inp.type == ResourceType.JSON:
        try:
            json.loads(text)
        except ValueError as exc:
            return f"the value is not valid JSON: {exc}"
    return None


def value_ref(inp: Input, text: str) -> ArtifactRef:
    """The artifact that carries ``text`` to ``inp``."""
    data = value_bytes(text)
    return ArtifactRef(
        sha256=hashlib.sha256(data).hexdigest(), size=len(data), type=inp.type, name=inp.name
    )


def graph_values(graph: Graph) -> Iterator[tuple[str, bytes, ArtifactRef]]:
    """``(input name, content, artifact)`` of every value in ``graph`` and in the bodies of the
    composites it uses; values that could never become an artifact (an unknown input, text
    that is not valid) are left out."""
    for node in graph.nodes:
        for name, text in node.values.items():
            inp = node.operation.input(name)
            if inp is None:
                continue
            try:
                yield name, value_bytes(text), value_ref(inp, text)
            except UnicodeEncodeError:
                continue
        if node.operation.body is not None:
            yield from graph_values(node.operation.body)
