"""Parameters in runs: references resolve before cache keys are computed, so the same value is
cached and a new value re-runs exactly the nodes that use it."""

from __future__ import annotations

from typing import Any

import pytest

from plynx.engine import Engine
from plynx.errors import GraphInvalid
from plynx.model import NodeRunStatus, RunStatus

from .conftest import FakeWorker, graph_from, wait_finished

COUNT = {
    "kind": "bash_jinja2",
    "inputs": {"text": "text"},
    "outputs": {"count": "text"},
    "parameters": {"word": {"type": "str", "default": "apple"}},
    "code": "grep -cw {{ params.word }} {{ inputs.text }} > {{ outputs.count }}",
}
DOC: dict[str, Any] = {
    "parameters": {"fruit": "banana"},
    "operations": {
        "gen": {"kind": "bash_jinja2", "outputs": {"text": "text"}, "code": "echo apple"},
        "count_word": {
            "kind": "composite",
            "inputs": {"text": "text"},
            "outputs": {"count": "text"},
            "parameters": {"word": {"type": "str", "required": True}},
            "input_bindings": {"text": ["count.text"]},
            "output_bindings": {"count": "count.count"},
            "body": {
                "operations": {"count": COUNT},
                "nodes": {"count": {"operation": "count", "params": {"word": {"ref": "word"}}}},
            },
        },
    },
    "nodes": {
        "gen": {"operation": "gen"},
        "apples": {"operation": "count_word", "params": {"word": "apple"}},
        "chosen": {"operation": "count_word", "params": {"word": {"ref": "fruit"}}},
    },
    "edges": ["gen.text -> apples.text", "gen.text -> chosen.text"],
}


async def test_a_composite_used_twice_runs_with_each_value(engine: Engine) -> None:
    worker = FakeWorker(engine)
    await worker.connect()
    run, nodes = await wait_finished(engine, await engine.submit(graph_from(DOC)))
    assert run.status == RunStatus.SUCCESS
    assert run.parameters == {"fruit": "banana"}
    words = {d.node_id: d.params.get("word") for d in worker.dispatched}
    assert words == {"gen": None, "apples/count": "apple", "chosen/count": "banana"}
    assert nodes["apples/count"].cache_key != nodes["chosen/count"].cache_key
    stored = await engine.store.get_run(run.id)
    assert stored.parameters == {"fruit": "banana"}
    assert [p.name for p in stored.graph.parameters] == ["fruit"]


async def test_same_value_is_cached_and_a_new_value_reruns_only_its_user(engine: Engine) -> None:
    worker = FakeWorker(engine)
    await worker.connect()
    first, _ = await wait_finished(engine, await engine.submit(graph_from(DOC)))
    worker.dispatched.clear()
    _, nodes = await wait_finished(
        engine, await engine.submit(graph_from(DOC), parameters={"fruit": "banana"})
    )
    assert worker.dispatched == []
    assert {nr.status for nr in nodes.values()} == {NodeRunStatus.CACHED}
    assert {nr.cached_from_run for nr in nodes.values()} == {first.id}

    changed, nodes = await wait_finished(
        engine, await engine.submit(graph_from(DOC), parameters={"fruit": "cherry"})
    )
    assert changed.parameters == {"fruit": "cherry"}
    assert [(d.node_id, d.params["word"]) for d in worker.dispatched] == [
        ("chosen/count", "cherry")
    ]
    assert nodes["apples/count"].status == NodeRunStatus.CACHED

    worker.dispatched.clear()
    again, nodes = await wait_finished(engine, await engine.rerun(changed.id))
    assert again.parameters == {"fruit": "cherry"}
    assert worker.dispatched == [] and nodes["chosen/count"].status == NodeRunStatus.CACHED


async def test_unknown_and_mistyped_run_parameters_are_refused(engine: Engine) -> None:
    doc = {**DOC, "parameters": [{"name": "fruit", "type": "int", "default": 1}]}
    with pytest.raises(GraphInvalid) as caught:
        await engine.submit(graph_from(doc), parameters={"ghost": 1})
    found = {(i.code, i.node, i.port) for i in caught.value.problems}
    assert found == {
        ("unknown_parameter", None, "ghost"),
        ("reference_type_mismatch", "chosen", "word"),
    }
