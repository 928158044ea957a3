"""Graph and composite parameters: ``{ref: NAME}`` references, their validation, and their
resolution into the expanded graph (DESIGN §11)."""

from __future__ import annotations

from typing import Any

import pytest

from plynx.cli.files import apply_overrides
from plynx.errors import InvalidInput
from plynx.model import Graph, parse_graph_document, validate_graph
from plynx.model.refs import parameter_values
from plynx.nodes import load_registry
from plynx.nodes.composite import expand_composites

CHECKS = load_registry().checks()

COUNT = {
    "kind": "bash_jinja2",
    "inputs": {"text": "text"},
    "outputs": {"count": "text"},
    "parameters": {"word": {"type": "str", "default": "apple"}, "n": {"type": "int", "default": 1}},
    "code": "grep -c {{ params.word }} {{ inputs.text }} > {{ outputs.count }}",
}


def count_word(body_params: dict[str, Any], **params: Any) -> dict[str, Any]:
    """A composite wrapping COUNT, declaring ``params`` and giving its inner node
    ``body_params``."""
    return {
        "kind": "composite",
        "inputs": {"text": "text"},
        "outputs": {"count": "text"},
        "parameters": params,
        "input_bindings": {"text": ["count.text"]},
        "output_bindings": {"count": "count.count"},
        "body": {
            "operations": {"count": COUNT},
            "nodes": {"count": {"operation": "count", "params": body_params}},
        },
    }


def graph_of(nodes: dict[str, Any], parameters: Any = None, **ops: Any) -> Graph:
    gen = {"kind": "bash_jinja2", "outputs": {"text": "text"}, "code": "echo > {{ outputs.text }}"}
    doc: dict[str, Any] = {
        "operations": {"gen": gen, **ops},
        "nodes": {"gen": {"operation": "gen"}, **nodes},
        "edges": [f"gen.text -> {n}.text" for n in nodes],
    }
    if parameters is not None:
        doc["parameters"] = parameters
    graph, _ = parse_graph_document(doc)
    return graph


def problems(graph: Graph, **given: Any) -> set[tuple[str, str | None, str | None]]:
    return {(i.code, i.node, i.port) for i in validate_graph(graph, CHECKS, parameters=given)}


def test_a_composite_used_twice_counts_its_own_word_each_time() -> None:
    graph = graph_of(
        {
            "first": {"operation": "cw", "params": {"word": "apple"}},
            "second": {"operation": "cw", "params": {"word": "banana"}},
        },
        cw=count_word({"word": {"ref": "word"}}, word={"type": "str", "required": True}),
    )
    assert problems(graph) == set()
    expanded = expand_composites(graph)
    params = {n.id: n.params for n in expanded.nodes}
    assert params["first/count"] == {"word": "apple"}
    assert params["second/count"] == {"word": "banana"}


def test_graph_parameters_flow_through_nested_composites_with_defaults_and_overrides() -> None:
    inner = count_word({"word": {"ref": "w"}, "n": {"ref": "times"}}, w="kiwi", times=2)
    outer = {
        **count_word({}, word="unused"),
        "parameters": [{"name": "word", "type": "str"}],
        "body": {
            "operations": {"inner": inner},
            "nodes": {"inner": {"operation": "inner", "params": {"w": {"ref": "word"}}}},
        },
        "input_bindings": {"text": ["inner.text"]},
        "output_bindings": {"count": "inner.count"},
    }
    graph = graph_of(
        {"top": {"operation": "outer", "params": {"word": {"ref": "fruit"}}}},
        parameters={"fruit": "banana"},
        outer=outer,
    )
    assert problems(graph) == set()
    values, _ = parameter_values(graph.parameters, {})
    [node] = [n for n in expand_composites(graph, values).nodes if n.id != "gen"]
    assert node.id == "top/inner/count"
    assert node.params == {"word": "banana", "n": 2}  # times: the inner composite's default
    values, _ = parameter_values(graph.parameters, {"fruit": "cherry"})
    [node] = [n for n in expand_composites(graph, values).nodes if n.id != "gen"]
    assert node.params["word"] == "cherry"


def test_unused_dangling_mistyped_and_malformed_references_are_all_listed() -> None:
    graph = graph_of(
        {
            "unused": {"operation": "cw_unused", "params": {"word": "x"}},
            "dangling": {"operation": "cw_dangling", "params": {"word": "x"}},
            "mistyped": {"operation": "cw_mistyped", "params": {"word": "x"}},
            "top": {"operation": "count", "params": {"n": {"ref": "fruit"}, "word": {"ref": 3}}},
        },
        parameters={"fruit": "banana"},
        count=COUNT,
        cw_unused=count_word({}, word="apple"),
        cw_dangling=count_word({"word": {"ref": "wrod"}}, word="apple"),
        cw_mistyped=count_word({"n": {"ref": "word"}}, word="apple"),
    )
    found = validate_graph(graph, CHECKS)
    assert {(i.code, i.node, i.port) for i in found} == {
        ("unused_parameter", "unused", "word"),
        ("unknown_reference", "dangling/count", "word"),
        ("unused_parameter", "dangling", "word"),
        ("reference_type_mismatch", "mistyped/count", "n"),
        ("reference_type_mismatch", "top", "n"),
        ("bad_reference", "top", "word"),
    }
    messages = {f"{i.node}.{i.port}": i.message for i in found}
    assert "{ref: wrod}" in messages["dangling/count.word"]
    assert "declares word" in messages["dangling/count.word"]
    assert messages["top.n"] == "'n' is int but {ref: fruit} is str"
    assert "no node of its body refers to it" in messages["unused.word"]


def test_types_that_fit_a_reference() -> None:
    float_op = {**COUNT, "parameters": {"x": {"type": "float"}, "word": {"type": "text"}}}
    enum_op = {**COUNT, "parameters": {"e": {"type": "enum", "choices": ["a", "b"]}}}
    graph = graph_of(
        {
            "f": {"operation": "fop", "params": {"x": {"ref": "i"}, "word": {"ref": "e"}}},
            "narrow": {"operation": "eop", "params": {"e": {"ref": "e"}}},
            "wide": {"operation": "eop", "params": {"e": {"ref": "wide"}}},
        },
        parameters=[
            {"name": "i", "type": "int", "default": 3},
            {"name": "e", "type": "enum", "choices": ["a"], "default": "a"},
            {"name": "wide", "type": "enum", "choices": ["a", "c"], "default": "a"},
        ],
        fop=float_op,
        eop=enum_op,
    )
    assert problems(graph) == {("reference_type_mismatch", "wide", "e")}


def test_values_given_for_graph_parameters_are_checked() -> None:
    graph = graph_of(
        {"c": {"operation": "count", "params": {"n": {"ref": "times"}}}},
        parameters=[
            {"name": "times", "type": "int", "default": 1},
            {"name": "need", "type": "str", "required": True},
        ],
        count=COUNT,
    )
    assert problems(graph, times="many", ghost=1) == {
        ("bad_parameter", None, "times"),
        ("unknown_parameter", None, "ghost"),
        ("missing_parameter", None, "need"),
    }
    assert problems(graph, times="4", need="yes") == set()


def test_a_composite_body_may_not_declare_parameters_of_its_own() -> None:
    op = count_word({"word": {"ref": "word"}}, word="apple")
    op["body"]["parameters"] = {"word": "pear"}
    graph = graph_of({"c": {"operation": "cw"}}, cw=op)
    assert problems(graph) == {("invalid_operation", "c", None)}


def test_a_bad_graph_parameter_declaration_is_a_graph_file_problem() -> None:
    with pytest.raises(InvalidInput) as caught:
        graph_of({}, parameters={"bad name": "x"})
    assert any("parameters" in p for p in caught.value.problems)


def test_p_without_a_dot_sets_a_graph_parameter() -> None:
    graph = graph_of(
        {"c": {"operation": "count", "params": {"word": {"ref": "fruit"}}}},
        parameters={"fruit": "apple"},
        count=COUNT,
    )
    result = apply_overrides(graph, ["fruit=banana", "c.n=3"])
    assert result.parameters == {"fruit": "banana"}
    assert result.graph.node_map()["c"].params == {"word": {"ref": "fruit"}, "n": 3}
    with pytest.raises(InvalidInput) as caught:
        apply_overrides(graph, ["fruti=banana", "=x", ".n=1"])
    assert len(caught.value.problems) == 3
    assert "no parameter 'fruti' (graph parameters: fruit)" in caught.value.problems[0]
