"""``plynx run FILE --sweep …``: a grid (or zip) of runs, one table, exit code 0 only if every
run succeeded."""

from __future__ import annotations

import json
from typing import Any

import pytest

from .conftest import Plynx, bash

pytestmark = pytest.mark.slow


def train_graph() -> dict[str, Any]:
    return {
        "title": "train",
        "parameters": {"lr": {"type": "float", "default": 0.1}},
        "operations": {
            "data": bash("seq 1 10 > {{ outputs.out }}"),
            "train": bash(
                "test {{ params.depth }} -lt 9\n"  # depth 9 fails
                "echo {{ params.lr }} {{ params.depth }} > {{ outputs.out }}\n"
                "score=$(awk 'BEGIN { print {{ params.lr }} * {{ params.depth }} }')\n"
                'echo "{\\"name\\": \\"score\\", \\"value\\": $score}" >> "$PLYNX_METRICS"\n',
                parameters={"lr": 0.1, "depth": 1},
                inputs={"in": "text"},
            ),
        },
        "nodes": {
            "data": {"operation": "data"},
            "train": {"operation": "train", "params": {"lr": {"ref": "lr"}}},
        },
        "edges": ["data.out -> train.in"],
    }


def test_a_grid_sweep_runs_every_combination_and_prints_their_metrics(plynx: Plynx) -> None:
    graph = plynx.write_graph("train.yaml", train_graph())
    result = plynx.run(graph, "--sweep", "lr=0.1,0.01", "--sweep", "train.depth=3,5", "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    sweep = document["sweep"]
    assert sweep["axes"] == {"lr": [0.1, 0.01], "train.depth": [3, 5]}
    assert len(document["runs"]) == 4
    assert [r["run"]["parameters"] for r in document["runs"]] == [
        {"lr": 0.1},
        {"lr": 0.1},
        {"lr": 0.01},
        {"lr": 0.01},
    ]
    data = sorted(
        nr["status"] for r in document["runs"] for nr in r["node_runs"] if nr["node_id"] == "data"
    )
    assert data == ["cached"] * 3 + ["success"]
    assert "score=0.05" in result.stderr and sweep["id"] in result.stderr


def test_a_zip_sweep_with_a_failing_run_exits_1_and_bad_values_exit_2(plynx: Plynx) -> None:
    graph = plynx.write_graph("train.yaml", train_graph())
    result = plynx.run(
        graph, "--sweep", "lr=0.1,0.2", "--sweep", "train.depth=[3, 9]", "--sweep-mode", "zip"
    )
    assert result.returncode == 1, result.stderr
    assert "failed" in result.stdout and "success" in result.stdout
    refused = plynx.run(graph, "--sweep", "rate=1,2")
    assert refused.returncode == 2
    assert "no parameter 'rate'" in refused.stderr


def test_the_logistic_regression_example_sweeps_and_reports_accuracy(plynx: Plynx) -> None:
    result = plynx.run(
        "example:sweep_logreg", "--sweep", "lr=1,0.01", "--sweep", "train.epochs=2,20", "--json"
    )
    assert result.returncode == 0, result.stderr
    runs = json.loads(result.stdout)["runs"]
    trained = [nr for r in runs for nr in r["node_runs"] if nr["node_id"] == "train"]
    assert len(trained) == 4
    for nr in trained:
        assert set(nr["metrics"]) == {"loss", "accuracy"}
        assert 0.9 <= nr["metrics"]["accuracy"] <= 1.0  # alpha is separable by length/width
    splits = sorted(nr["status"] for r in runs for nr in r["node_runs"] if nr["node_id"] == "split")
    assert splits == ["cached"] * 3 + ["success"]
    assert "accuracy=" in result.stderr
