"""``plynx run`` shows the final value of each metric its nodes reported."""

from __future__ import annotations

import json

import pytest

from .conftest import Plynx, bash

pytestmark = pytest.mark.slow


def test_run_summary_and_json_show_final_metrics(plynx: Plynx) -> None:
    train = bash(
        "echo ok > {{ outputs.out }}\n"
        'echo \'{"name": "acc", "value": 0.5, "step": 1}\' >> "$PLYNX_METRICS"\n'
        'echo \'{"name": "acc", "value": 0.91, "step": 2}\' >> "$PLYNX_METRICS"\n'
    )
    graph = plynx.write_graph(
        "train.yaml",
        {"title": "train", "operations": {"train": train}, "nodes": {"t": {"operation": "train"}}},
    )
    result = plynx.run(graph, "--json")
    assert result.returncode == 0, result.stderr
    [node] = json.loads(result.stdout)["node_runs"]
    assert node["metrics"] == {"acc": 0.91}
    assert "metrics" in result.stderr and "acc=0.91" in result.stderr
