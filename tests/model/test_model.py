"""Pure model behaviour: validation reports every problem, types connect sensibly, transitions are
checked in one place, the cache key changes with exactly what produced a result."""

from __future__ import annotations

import pytest

from plynx.errors import IllegalTransition, InvalidInput
from plynx.model import (
    NodeRunStatus,
    Operation,
    Parameter,
    ParameterType,
    ResourceType,
    cache_key,
    check_node_transition,
    coerce_value,
    connect_problem,
    parse_graph_document,
    validate_graph,
)
from plynx.nodes import load_registry
from plynx.nodes.composite import expand_composites

CHECKS = load_registry().checks()


def test_types_connect_to_themselves_and_widen_to_file() -> None:
    assert connect_problem(ResourceType.CSV, ResourceType.CSV) is None
    assert connect_problem(ResourceType.CSV, ResourceType.FILE) is None
    assert connect_problem(ResourceType.CSV, ResourceType.TEXT) is None
    problem = connect_problem(ResourceType.DIRECTORY, ResourceType.FILE)
    assert problem is not None and "directory" in problem
    assert connect_problem(ResourceType.TEXT, ResourceType.CSV) is not None


@pytest.mark.parametrize(
    ("ptype", "raw", "expected"),
    [
        (ParameterType.INT, "3", 3),
        (ParameterType.FLOAT, 2, 2.0),
        (ParameterType.BOOL, "yes", True),
        (ParameterType.LIST_INT, ["1", 2], [1, 2]),
        (ParameterType.STR, 5, "5"),
    ],
)
def test_parameter_values_are_coerced(ptype: ParameterType, raw: object, expected: object) -> None:
    assert coerce_value(Parameter(name="p", type=ptype), raw) == expected


def test_bad_parameter_value_says_what_was_expected() -> None:
    with pytest.raises(ValueError, match="expected an integer"):
        coerce_value(Parameter(name="p", type=ParameterType.INT), "three")
    with pytest.raises(ValueError, match="one of a, b"):
        coerce_value(Parameter(name="p", type=ParameterType.ENUM, choices=["a", "b"]), "c")


def test_illegal_transition_explains_itself() -> None:
    check_node_transition(NodeRunStatus.PENDING, NodeRunStatus.QUEUED)
    with pytest.raises(IllegalTransition, match="already finished"):
        check_node_transition(NodeRunStatus.SUCCESS, NodeRunStatus.RUNNING)


def test_cache_key_depends_on_code_params_inputs_and_kind_version() -> None:
    op = Operation(kind="bash_jinja2", code="echo hi")
    base = cache_key(op, "1", {"n": 1}, {"a": ["x" * 64]})
    assert base == cache_key(op, "1", {"n": 1}, {"a": ["x" * 64]})
    assert base != cache_key(op, "2", {"n": 1}, {"a": ["x" * 64]})
    assert base != cache_key(op, "1", {"n": 2}, {"a": ["x" * 64]})
    assert base != cache_key(op, "1", {"n": 1}, {"a": ["y" * 64]})
    assert base != cache_key(
        op.model_copy(update={"code": "echo ho"}), "1", {"n": 1}, {"a": ["x" * 64]}
    )


def test_every_problem_is_reported_at_once_with_node_and_port() -> None:
    graph, _ = parse_graph_document(
        {
            "operations": {
                "gen": {
                    "kind": "bash_jinja2",
                    "outputs": {"out": "csv"},
                    "parameters": {"rows": 3},
                },
                "use": {
                    "kind": "bash_jinja2",
                    "inputs": {"data": "json"},
                    "outputs": {"r": "text"},
                },
            },
            "nodes": {
                "g": {"operation": "gen", "params": {"rows": "many", "color": "red"}},
                "u": {"operation": "use"},
                "v": {"operation": "use"},
                "w": {"operation": {"kind": "nope"}},
            },
            "edges": ["g.out -> u.data", "u.r -> u.data"],
        }
    )
    issues = {(i.code, i.node, i.port) for i in validate_graph(graph, CHECKS)}
    assert ("bad_parameter", "g", "rows") in issues
    assert ("unknown_parameter", "g", "color") in issues
    assert ("type_mismatch", "u", "data") in issues
    assert ("missing_input", "v", "data") in issues
    assert ("unknown_kind", "w", None) in issues
    assert any(code == "cycle" for code, _, _ in issues)


def test_graph_file_problems_are_listed_together() -> None:
    with pytest.raises(InvalidInput) as info:
        parse_graph_document(
            {"nodes": {"a": {"operation": "missing"}, "b": 3}, "edges": ["not an edge"]}
        )
    assert len(info.value.problems) == 3


def test_composite_is_expanded_with_its_bindings() -> None:
    graph, _ = parse_graph_document(
        {
            "operations": {
                "gen": {"kind": "bash_jinja2", "outputs": {"out": "text"}},
                "cat": {"kind": "bash_jinja2", "inputs": {"i": "text"}, "outputs": {"o": "text"}},
                "pair": {
                    "kind": "composite",
                    "inputs": {"x": "text"},
                    "outputs": {"y": "text"},
                    "body": {
                        "operations": {
                            "cat": {
                                "kind": "bash_jinja2",
                                "inputs": {"i": "text"},
                                "outputs": {"o": "text"},
                            }
                        },
                        "nodes": {"first": {"operation": "cat"}, "second": {"operation": "cat"}},
                        "edges": ["first.o -> second.i"],
                    },
                    "input_bindings": {"x": ["first.i"]},
                    "output_bindings": {"y": "second.o"},
                },
            },
            "nodes": {
                "g": {"operation": "gen"},
                "p": {"operation": "pair"},
                "c": {"operation": "cat"},
            },
            "edges": ["g.out -> p.x", "p.y -> c.i"],
        }
    )
    assert validate_graph(graph, CHECKS) == []
    expanded = expand_composites(graph)
    assert sorted(n.id for n in expanded.nodes) == ["c", "g", "p/first", "p/second"]
    assert sorted(str(e) for e in expanded.edges) == [
        "g.out -> p/first.i",
        "p/first.o -> p/second.i",
        "p/second.o -> c.i",
    ]
    assert validate_graph(expanded, CHECKS) == []


def test_inline_values_feed_inputs_without_edges_and_bad_ones_are_named() -> None:
    graph, _ = parse_graph_document(
        {
            "operations": {
                "gen": {"kind": "bash_jinja2", "outputs": {"out": "text"}},
                "use": {
                    "kind": "bash_jinja2",
                    "inputs": {
                        "note": "text",
                        "config": "json",
                        "image": "image",
                        "many": {"type": "text", "is_array": True, "min_count": 0},
                    },
                    "outputs": {"r": "text"},
                },
            },
            "nodes": {
                "g": {"operation": "gen"},
                "ok": {"operation": "use", "values": {"note": "hi", "config": {"depth": 3}}},
                "bad": {
                    "operation": "use",
                    "values": {
                        "note": "also an edge",
                        "config": "{not json",
                        "image": "pixels",
                        "many": "x",
                        "nope": "x",
                    },
                },
            },
            "edges": ["g.out -> bad.note"],
        }
    )
    ok = next(n for n in graph.nodes if n.id == "ok")
    assert ok.values == {"note": "hi", "config": '{"depth": 3}'}
    issues = {(i.code, i.node, i.port): i.message for i in validate_graph(graph, CHECKS)}
    assert not [key for key in issues if key[1] == "ok" and key[2] in ("note", "config")]
    assert ("missing_input", "ok", "image") in issues
    assert "both an edge and a value" in issues[("bad_value", "bad", "note")]
    assert "not valid JSON" in issues[("bad_value", "bad", "config")]
    assert "takes an edge" in issues[("bad_value", "bad", "image")]
    assert "array input" in issues[("bad_value", "bad", "many")]
    assert "no input 'nope'" in issues[("bad_value", "bad", "nope")]


def test_a_too_big_value_is_refused_with_its_size() -> None:
    from plynx.model.operation import Input
    from plynx.model.values import MAX_VALUE_BYTES, value_problem, value_ref

    text_input = Input(name="t", type="text")
    problem = value_problem(text_input, "x" * (MAX_VALUE_BYTES + 1))
    assert problem is not None and str(MAX_VALUE_BYTES + 1) in problem
    assert value_problem(text_input, "\ud800") is not None
    ref = value_ref(text_input, "héllo")
    assert ref.size == len("héllo".encode()) and ref.type == "text" and ref.name == "t"
