"""A run's document: its graph encoded once per run, its own fields at every write."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pydantic_core

from plynx.model import Graph, Run, RunStatus
from plynx.model.graph import Node, Operation
from plynx.store.run_json import cached_graph_json, graph_json, run_json


def _run(run_id: str) -> Run:
    op = Operation(kind="bash_jinja2", code="true")
    graph = Graph(nodes=[Node(id=f"n{i}", operation=op) for i in range(3)])
    return Run(id=run_id, graph=graph, created_at=datetime.now(UTC))


def test_run_json_is_the_run_document_at_each_write() -> None:
    run = _run("doc1")
    assert json.loads(run_json(run)) == json.loads(run.model_dump_json())
    run.set_status(RunStatus.RUNNING)
    run.seq = 12
    assert json.loads(run_json(run)) == json.loads(run.model_dump_json())
    assert Run.model_validate_json(run_json(run)) == run


def test_a_runs_graph_is_encoded_once_until_it_is_replaced() -> None:
    run = _run("doc2")
    calls: list[Graph] = []

    def encode(graph: Graph) -> bytes:
        calls.append(graph)
        return graph.model_dump_json().encode()

    assert cached_graph_json(run, "counted") is None
    first = graph_json(run, "counted", encode)
    assert graph_json(run, "counted", encode) is first and len(calls) == 1
    assert cached_graph_json(run, "counted") is first
    run.graph = Graph(nodes=run.graph.nodes[:1])  # another graph object: encoded afresh
    assert cached_graph_json(run, "counted") is None
    assert json.loads(graph_json(run, "counted", encode))["nodes"][0]["id"] == "n0"
    assert len(calls) == 2


def test_a_large_graph_and_node_runs_are_encoded_a_slice_at_a_time_to_the_same_json() -> None:
    from plynx.model import NodeRun
    from plynx.store import run_json as module

    op = Operation(kind="bash_jinja2", code="true")
    count = 2 * module.SLICE + 7  # three slices, the last one short
    graph = Graph(
        title="big",
        nodes=[Node(id=f"n{i}", operation=op, params={"i": i}) for i in range(count)],
    )
    assert json.loads(module.encode_graph(graph)) == json.loads(graph.model_dump_json())
    assert Graph.model_validate_json(module.encode_graph(graph)) == graph
    node_runs = [NodeRun(id=f"r{i}", run_id="x", node_id=f"n{i}", kind="k") for i in range(count)]
    whole = json.loads(b"[" + b",".join(nr.model_dump_json().encode() for nr in node_runs) + b"]")
    assert json.loads(module.list_json(node_runs)) == whole
    assert json.loads(module.list_json(node_runs[:3])) == whole[:3]
    assert module.list_json([]) == b"[]"
    # an empty edge list and a graph of exactly one slice
    small = Graph(nodes=graph.nodes[: module.SLICE])
    assert json.loads(module.encode_graph(small)) == json.loads(small.model_dump_json())


def test_no_call_of_the_encoder_gets_more_than_a_slice_of_a_large_graph(monkeypatch: Any) -> None:
    """pydantic's encoder holds the interpreter for a whole call (the event loop waits as long
    as a thread encodes): a large graph goes to it a slice of nodes or edges at a time."""
    import pydantic_core

    from plynx.model.graph import Edge
    from plynx.store import run_json as module

    sizes: list[int] = []
    real = pydantic_core.to_json

    def counting(value: Any, **kwargs: Any) -> bytes:
        if isinstance(value, Graph):
            excluded = kwargs.get("exclude") or set()
            sizes.append(
                sum(len(getattr(value, f)) for f in ("nodes", "edges") if f not in excluded)
            )
        elif isinstance(value, list):
            sizes.append(len(value))
        return real(value, **kwargs)

    monkeypatch.setattr(module.pydantic_core, "to_json", counting)
    op = Operation(kind="bash_jinja2", code="true")
    nodes = [Node(id=f"n{i}", operation=op) for i in range(3 * module.SLICE)]
    edges = [
        Edge(src_node=f"n{i}", src_port="o", dst_node=f"n{i + 1}", dst_port="i") for i in range(100)
    ]
    graph = Graph(nodes=nodes, edges=edges)
    encoded = module.encode_graph(graph)
    assert json.loads(encoded) == json.loads(graph.model_dump_json())
    assert sizes and max(sizes) <= module.SLICE, sizes
    sizes.clear()
    module.list_json(nodes)
    assert len(sizes) == 3 and max(sizes) == module.SLICE


def test_nodes_that_share_operations_encode_to_the_same_bytes() -> None:
    """Each distinct operation is encoded once; the JSON is pydantic's, byte for byte."""
    from plynx.model.graph import Position
    from plynx.store import run_json as module

    shared = Operation(kind="bash_jinja2", code='echo "{{ params.x }}"', title="é \u2028")
    body = Graph(nodes=[Node(id="inner", operation=shared)])
    composite = Operation(kind="composite", body=body, output_bindings={"o": "inner.out"})
    nodes = [
        Node(
            id=f"n{i}" if i % 7 else f'odd "id" {i}',
            operation=(shared, composite)[i % 2] if i % 5 else Operation(kind="python"),
            params={"x": i, "nested": {"id": [i, None]}} if i % 3 else {},
            values={"inp": "text"} if i % 4 == 0 else {},
            title="" if i % 6 else "t",
            position=Position(x=i, y=-i) if i % 2 else None,
        )
        for i in range(60)
    ]
    assert module.nodes_json(nodes) == pydantic_core.to_json(nodes)
    assert module.nodes_json(nodes[:1]) == pydantic_core.to_json(nodes[:1])
    assert module.nodes_json([]) == b"[]"
