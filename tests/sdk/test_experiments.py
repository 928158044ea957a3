"""Sweeps, metrics, reproductions and composites from the SDK, through a real embedded server
and worker process."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

import plynx
from plynx.errors import GraphInvalid, InvalidInput

pytestmark = pytest.mark.slow


@plynx.operation(outputs={"report": "text"})
def score(report: plynx.Output, x: int = 1, y: int = 1) -> None:
    """Report x * y, with a loss that falls over three steps."""
    for step in range(3):
        plynx.log_metric("loss", 1.0 / (step + 1), step=step)
    plynx.log_metric("score", x * y)
    if x * y == 0:
        raise ValueError("zero")
    open(report, "w").write(f"{x * y}\n")  # noqa: SIM115


@plynx.operation(outputs={"out": "text"})
def noisy(out: plynx.Output) -> None:
    open(out, "w").write(str(random.random()))  # noqa: SIM115


count = plynx.bash(
    "{ tr -s ' ' '\\n' < {{ inputs.text }} | grep -cx '{{ params.word }}' || true; }"
    " > {{ outputs.count }}",
    inputs={"text": "text"},
    outputs={"count": "text"},
    parameters={"word": "apple"},
    title="count",
)
basket = plynx.bash(
    "echo apple banana apple cherry banana banana > {{ outputs.text }}",
    outputs={"text": "text"},
    title="basket",
)


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[plynx.Connection]:
    connection = plynx.local(tmp_path_factory.mktemp("sdk") / "data", workers=1, slots=4)
    yield connection
    connection.close()


def _scoring() -> plynx.Graph:
    with plynx.Graph("scores", parameters={"x": 1}) as g:
        score(x=plynx.ref("x"))
    return g


def test_a_grid_sweep_gives_a_table_of_values_and_metrics(conn: plynx.Connection) -> None:
    sweep = _scoring().sweep({"x": [1, 2], "score.y": [10, 20]}, connection=conn, title="grid")
    assert isinstance(sweep, plynx.Sweep)
    assert len(sweep.run_ids) == 4
    assert sweep.wait(progress=False, timeout=120) is sweep
    assert sweep.status == "success"
    rows = sorted(sweep.table(), key=lambda r: (r["x"], r["score.y"]))
    assert [(r["x"], r["score.y"], r["score"], r["loss"]) for r in rows] == [
        (1, 10, 10.0, 1 / 3),
        (1, 20, 20.0, 1 / 3),
        (2, 10, 20.0, 1 / 3),
        (2, 20, 40.0, 1 / 3),
    ]
    assert conn.get_sweep(sweep.id).table() == sweep.table()
    runs = sweep.runs
    assert [r.id for r in runs] == sweep.run_ids
    assert sorted(r.outputs["score"]["report"].read_text().strip() for r in runs) == [
        "10",
        "20",
        "20",
        "40",
    ]


def test_a_zip_sweep_pairs_values_and_a_failed_run_raises(conn: plynx.Connection) -> None:
    sweep = _scoring().sweep({"x": [1, 0], "score.y": [5, 7]}, mode="zip", connection=conn)
    with pytest.raises(plynx.SweepFailed) as failed:
        sweep.wait(progress=False, timeout=120)
    assert failed.value.sweep is sweep
    [problem] = failed.value.problems
    assert problem.endswith("(x=0, score.y=7): failed")
    assert sorted(r["status"] for r in sweep.table()) == ["failed", "success"]
    assert sweep.cancel().status == "failed"  # every run has finished: nothing to cancel


def test_bad_sweeps_are_refused_with_every_problem(conn: plynx.Connection) -> None:
    g = _scoring()
    with pytest.raises(GraphInvalid) as invalid:
        g.sweep({"nope": [1], "ghost.y": [1, 2]}, connection=conn)
    text = "\n".join(map(str, invalid.value.problems))
    assert "the graph has no parameter 'nope'" in text
    assert "the graph has no node 'ghost'" in text
    with pytest.raises(GraphInvalid, match="zip sweeps need as many values"):
        g.sweep({"x": [1, 2], "score.y": [1]}, mode="zip", connection=conn)
    with pytest.raises(InvalidInput) as bad:
        g.sweep({"x": "12"}, mode="diagonal", connection=conn)
    assert bad.value.problems == [
        "'x': give a list of values, not str",
        "mode 'diagonal': a sweep is 'grid' or 'zip'",
    ]


def test_metrics_give_last_values_and_every_point(conn: plynx.Connection) -> None:
    run = _scoring().run(parameters={"x": 3}, connection=conn).wait(progress=False, timeout=90)
    assert run.metrics == {"score": {"loss": 1 / 3, "score": 3.0}}
    series = run.metric_series()
    assert series["score"]["loss"].steps == [0, 1, 2]
    assert series["score"]["loss"].values == [1.0, 0.5, 1 / 3]
    assert series["score"]["score"].values == [3.0]


def test_reproduce_says_which_nodes_and_outputs_differ(conn: plynx.Connection) -> None:
    with plynx.Graph("reproducible or not") as g:
        score(x=2, y=21)
        noisy()
    run = g.run(connection=conn).wait(progress=False, timeout=90)
    again = run.reproduce(timeout=90)
    assert isinstance(again, plynx.Reproduction)
    assert again.original_run_id == run.id and again.run.id != run.id
    assert again.run.status == "success"
    assert not again.reproduced
    assert again.nodes["score"].reproduced is True
    assert again.nodes["noisy"].reproduced is False
    assert again.differing() == {"noisy": ["out"]}


def _count_word() -> plynx.Composite:
    with plynx.Composite(
        "Count a word",
        inputs={"text": "text"},
        outputs={"count": "text"},
        parameters={"word": {"type": "str", "required": True}},
    ) as count_word:
        c = count(text=count_word.input("text"), word=plynx.ref("word"))
        count_word.output("count", c)
    return count_word


def test_a_composite_built_in_code_runs_and_round_trips_through_a_graph_file(
    conn: plynx.Connection, tmp_path: Path
) -> None:
    count_word = _count_word()
    assert count_word.operation.input_bindings == {"text": ["count.text"]}
    assert count_word.operation.output_bindings == {"count": "count.count"}
    with plynx.Graph("fruit", parameters={"fruit": "banana"}) as g:
        b = basket()
        count_word(text=b.text, word="apple", _id="apples")
        count_word(text=b.text, word=plynx.ref("fruit"), _id="chosen")
    run = g.run(parameters={"fruit": "cherry"}, connection=conn).wait(progress=False, timeout=90)
    assert run.outputs["apples/count"]["count"].read_text().strip() == "2"
    assert run.outputs["chosen/count"]["count"].read_text().strip() == "1"
    g.to_yaml(tmp_path / "fruit.yaml")
    again = plynx.Graph.from_file(tmp_path / "fruit.yaml").run(connection=conn)
    again.wait(progress=False, timeout=90)
    assert again.outputs["chosen/count"]["count"].read_text().strip() == "3"  # banana


def test_a_composite_that_is_not_complete_raises_at_the_end_of_its_block() -> None:
    with (
        pytest.raises(GraphInvalid) as invalid,
        plynx.Composite(
            "half", inputs={"text": "text", "extra": "text"}, outputs={"count": "text"}
        ) as half,
    ):
        count(text=half.input("text"))
        with (
            pytest.raises(InvalidInput, match="used before its 'with' block has ended"),
            plynx.Graph("early"),
        ):
            half(text=basket().text)
    assert invalid.value.problems == [
        "input 'extra' feeds no node of the body: pass composite.input('extra') to an "
        "operation call",
        "output 'count' is not bound: call composite.output('count', node.port)",
    ]
    unknown_ref = "refers to no parameter of the enclosing graph or composite"
    with (
        pytest.raises(GraphInvalid, match=unknown_ref),
        plynx.Composite("unknown", inputs={"text": "text"}) as unknown,
    ):
        count(text=unknown.input("text"), word=plynx.ref("word"))
    with (
        pytest.raises(GraphInvalid, match="declares parameter 'word' but no node"),
        plynx.Composite("unused", parameters={"word": "x"}, outputs={"t": "text"}) as c,
    ):
        c.output("t", basket())
    with pytest.raises(InvalidInput, match="has no input 'nope'"):
        _count_word().input("nope")


async def test_the_async_api_sweeps_and_reproduces(conn: plynx.Connection) -> None:
    async with asyncio.timeout(120):
        sweep = await _scoring().asweep({"x": [4, 5]}, connection=conn)
        await sweep.wait_async(progress=False)
        assert sorted(r["score"] for r in sweep.table()) == [4.0, 5.0]
        [first, _] = await sweep.aruns()
        series = await first.ametric_series()
        assert series["score"]["loss"].steps == [0, 1, 2]
        again = await first.areproduce()
        assert again.reproduced is True
