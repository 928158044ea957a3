"""Operations and graphs built in code, without a server: what the SDK makes of a function,
and the problems it raises at once."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Literal

import pytest

import plynx
from plynx.cli.files import list_examples
from plynx.errors import GraphInvalid, InvalidInput
from plynx.model import ParameterType, ResourceType


@plynx.operation(outputs={"train": "csv", "test": "csv"})
def split(
    table: plynx.Input["csv"],  # noqa: F821, UP037 - the README spelling: a port type, not a name
    train: plynx.Output,
    test: plynx.Output,
    test_fraction: float = 0.2,
    seed: int = 1,
) -> None:
    """Split a CSV in two."""
    rows = Path(table).read_text().splitlines()
    cut = int(len(rows) * test_fraction)
    Path(test).write_text("\n".join(rows[:cut]))
    Path(train).write_text("\n".join(rows[cut:]))


@plynx.operation()
def choose(
    report: plynx.Output[Literal["json"]],
    mode: Literal["fast", "slow"],
    extra: plynx.Input[Literal["text"]] | None = None,
    names: list[str] | None = None,
) -> None:
    json.dump({"mode": mode}, open(report, "w"))  # noqa: SIM115


count = plynx.bash(
    "wc -l < {{ inputs.data }} > {{ outputs.report }}",
    inputs={"data": "csv"},
    outputs={"report": "text"},
    title="count",
)


def test_a_function_becomes_a_python_operation_with_typed_ports_and_parameters() -> None:
    op = split.operation
    assert op.kind == "python"
    assert op.title == "split"
    assert op.description == "Split a CSV in two."
    assert [(i.name, i.type) for i in op.inputs] == [("table", ResourceType.CSV)]
    assert [(o.name, o.type) for o in op.outputs] == [
        ("train", ResourceType.CSV),
        ("test", ResourceType.CSV),
    ]
    assert [(p.name, p.type, p.default) for p in op.parameters] == [
        ("test_fraction", ParameterType.FLOAT, 0.2),
        ("seed", ParameterType.INT, 1),
    ]
    # the source without its decorator, annotations never evaluated, modules it uses imported
    assert "@plynx.operation" not in op.code
    assert op.code.startswith("from __future__ import annotations\nfrom pathlib import Path")
    assert "def split(" in op.code

    other = choose.operation
    assert [(o.name, o.type) for o in other.outputs] == [("report", ResourceType.JSON)]
    [extra] = other.inputs
    assert (extra.type, extra.required) == (ResourceType.TEXT, False)
    mode, names = other.parameters
    assert (mode.type, mode.choices, mode.required) == (ParameterType.ENUM, ["fast", "slow"], True)
    assert (names.type, names.default) == (ParameterType.LIST_STR, None)


def test_a_function_that_uses_a_global_value_is_refused_with_the_names() -> None:
    threshold = 3  # neither a closure's variable nor a module's global value is shipped

    def uses_global(data: plynx.Input[Literal["csv"]]) -> None:
        print(Path(data).read_text(), threshold, GLOBAL_VALUE)

    with pytest.raises(InvalidInput) as caught:
        plynx.operation()(uses_global)
    assert caught.value.message.endswith(
        "uses global names that would not exist on the worker: GLOBAL_VALUE, threshold"
    )


def test_only_plain_def_functions_become_operations() -> None:
    async def fetch(out: plynx.Output) -> None:
        pass

    with pytest.raises(InvalidInput, match="not async"):
        plynx.operation()(fetch)
    with pytest.raises(InvalidInput, match="defined with 'def'"):
        plynx.operation()(lambda out: None)


GLOBAL_VALUE = 1


def test_a_parameter_without_type_or_default_is_refused() -> None:
    def untyped(out: plynx.Output, n) -> None:  # type: ignore[no-untyped-def]
        pass

    with pytest.raises(InvalidInput) as caught:
        plynx.operation()(untyped)
    assert caught.value.problems == [
        "argument 'n': a parameter needs a type annotation or a default"
    ]


def test_nodes_edges_and_parameters_come_from_calls() -> None:
    with plynx.Graph("Split and count") as g:
        data = plynx.file("data.csv", type="csv")
        s = split(table=data, test_fraction=0.25)
        count(data=s.train, _id="count_train")
        count(data=s.test)
        count(data=s.test)
    model = g.model
    assert [n.id for n in model.nodes] == ["data", "split", "count_train", "count", "count_2"]
    assert [str(e) for e in model.edges] == [
        "data.out -> split.table",
        "split.train -> count_train.data",
        "split.test -> count.data",
        "split.test -> count_2.data",
    ]
    assert model.node("split").params == {"test_fraction": 0.25}  # type: ignore[union-attr]
    assert g.problems() == []


def test_mistakes_raise_at_once_with_the_validation_messages() -> None:
    with plynx.Graph("bad") as g:
        report = choose(mode="fast")
        with pytest.raises(GraphInvalid) as caught:
            count(data=report.report)  # json does not feed csv
        assert [str(p) for p in caught.value.problems] == [
            "count.data: choose.report -> count.data: a json output cannot feed a csv input "
            "(it accepts csv)"
        ]
        with pytest.raises(GraphInvalid) as caught:
            split()  # no edge into table
        assert [str(p) for p in caught.value.problems] == [
            "split.table: required input has no edge and no value"
        ]
        with pytest.raises(GraphInvalid) as caught:
            choose(mode="medium")
        assert "expected one of fast, slow" in str(caught.value.problems[0])
        with pytest.raises(GraphInvalid) as caught:
            count(data=report.report, colour="red")
        assert caught.value.problems == [
            "count.colour: no input or parameter 'colour' (inputs and parameters: data)"
        ]
        with pytest.raises(AttributeError, match=r"no output 'nope' \(outputs: report\)"):
            _ = report.nope
        with pytest.raises(GraphInvalid):
            split(table=Path("local.csv"), seed="many")
        choose(mode="fast", extra=None, _id="no_extra")  # an optional input left out
    assert [n.id for n in g.model.nodes] == ["choose", "no_extra"]  # nothing half-added
    assert g.files == {}


def test_calling_an_operation_outside_a_graph_says_how() -> None:
    with pytest.raises(InvalidInput, match=r"inside 'with plynx\.Graph"):
        count(data=None)


def test_to_yaml_writes_a_graph_file_that_reads_back_the_same(tmp_path: Path) -> None:
    (tmp_path / "data.csv").write_text("id\n1\n")
    with plynx.Graph("round trip", parameters={"fraction": 0.5}) as g:
        s = split(
            table=plynx.file(tmp_path / "data.csv", type="csv"), test_fraction=plynx.ref("fraction")
        )
        count(data=s.train)
        choose(mode="slow", extra="a note")
    path = tmp_path / "graph.yaml"
    g.to_yaml(path)
    assert "file: data.csv" in path.read_text()  # relative to the graph file
    again = plynx.Graph.from_file(path)
    assert again.model.model_dump(exclude={"id"}) == g.model.model_dump(exclude={"id"})
    assert again.files == {"data": tmp_path / "data.csv"}


def test_import_plynx_stays_cheap() -> None:
    code = (
        "import sys, plynx; "
        "print(sorted(m for m in sys.modules if m.startswith(('plynx.', 'pydantic', 'aiohttp'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _clean(line: str) -> str:
    return line.strip().lower()


def normalise(text: str) -> list[str]:
    """A helper of this file: shipped with the operation that calls it."""
    return [_clean(line) for line in text.splitlines() if line.strip()]


def test_helper_functions_of_the_same_file_are_shipped_before_the_operation() -> None:
    @plynx.operation()
    def tidy(raw: plynx.Input[Literal["text"]], clean: plynx.Output) -> None:
        Path(clean).write_text("\n".join(normalise(Path(raw).read_text())))

    code = tidy.operation.code
    assert code.index("def _clean(") < code.index("def normalise(") < code.index("def tidy(")
    assert code.count("from pathlib import Path") == 1
    namespace: dict[str, object] = {}
    exec(compile(code, "<op>", "exec"), namespace)  # what the worker compiles
    assert namespace["normalise"]("  A\n\n b ") == ["a", "b"]  # type: ignore[operator]


@pytest.mark.parametrize("name", [e.name for e in list_examples()])
def test_every_shipped_graph_file_reads_and_writes_back_the_same(name: str, tmp_path: Path) -> None:
    original = plynx.Graph.from_file(f"example:{name}")
    path = tmp_path / f"{name}.yaml"
    original.to_yaml(path)
    again = plynx.Graph.from_file(path)
    assert again.model.model_dump(exclude={"id"}) == original.model.model_dump(exclude={"id"})
    assert again.files == original.files


def test_any_installed_kind_through_op_and_unknown_kinds_raise_at_the_call() -> None:
    hello = plynx.op("python", title="hello world", code="print('hi')", outputs={"o": "text"})
    teleport = plynx.op("teleport", title="teleport")
    with plynx.Graph("kinds") as g:
        node = hello()
        with pytest.raises(GraphInvalid) as caught:
            teleport()
    assert node.id == "hello_world"
    assert [n.operation.kind for n in g.model.nodes] == ["python"]
    [problem] = caught.value.problems
    assert str(problem).startswith("teleport: unknown node kind 'teleport' (known kinds: ")
