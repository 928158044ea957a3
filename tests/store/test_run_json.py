"""A run's document: its graph encoded once per run, its own fields at every write."""

from __future__ import annotations

import json
from datetime import UTC, datetime

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
