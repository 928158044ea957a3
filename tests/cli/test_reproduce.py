"""``plynx reproduce RUN_ID``: the snapshot again without the cache, output by output."""

from __future__ import annotations

import json

import pytest

from .conftest import Plynx, bash

pytestmark = pytest.mark.slow


def test_reproduce_flags_an_unseeded_node_and_exits_1(plynx: Plynx) -> None:
    graph = plynx.write_graph(
        "g.yaml",
        {
            "title": "g",
            "operations": {
                "det": bash("seq 1 3 > {{ outputs.out }}"),
                "rand": bash("head -c 16 /dev/urandom | od -An -tx1 > {{ outputs.out }}"),
            },
            "nodes": {"det": {"operation": "det"}, "rand": {"operation": "rand"}},
        },
    )
    first = plynx.run(graph, "--json")
    assert first.returncode == 0, first.stderr
    run_id = json.loads(first.stdout)["run"]["id"]
    result = plynx("reproduce", run_id, "--data-dir", str(plynx.data_dir), "--json")
    assert result.returncode == 1, result.stderr
    document = json.loads(result.stdout)
    assert document["run"]["run"]["reproduces"] == run_id
    verdicts = {n["node_id"]: n["reproduced"] for n in document["nodes"]}
    assert verdicts == {"det": True, "rand": False}
    assert "NOT reproduced" in result.stderr
    missing = plynx("reproduce", "nope", "--data-dir", str(plynx.data_dir))
    assert missing.returncode == 2 and "'nope' was not found" in missing.stderr
