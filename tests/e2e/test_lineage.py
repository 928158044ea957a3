"""Lineage through the real server, real workers and every store: a chain a -> b -> c, run and
then run again from the cache; the API and ``plynx lineage`` name who made an artifact and who
used it."""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any

import pytest

from .conftest import LOCAL_TOKEN, Cluster, bash

pytestmark = pytest.mark.slow

GRAPH = {
    "operations": {
        "a": bash("seq 1 {{ params.n }} > {{ outputs.out }}", parameters={"n": {"type": "int"}}),
        "b": bash(
            "sed 's/^/{{ params.prefix }}/' {{ inputs['in'] | join(' ') }} > {{ outputs.out }}",
            parameters={"prefix": {"type": "str"}},
        ),
        "c": bash("wc -l {{ inputs['in'] | join(' ') }} > {{ outputs.out }}"),
    },
    "nodes": {
        "a": {"operation": "a", "params": {"n": 4}},
        "b": {"operation": "b", "params": {"prefix": "x"}},
        "c": {"operation": "c"},
    },
    "edges": ["a.out -> b.in", "b.out -> c.in"],
}


def by_node(detail: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {nr["node_id"]: nr for nr in detail["node_runs"]}


def output(node_run: dict[str, Any]) -> str:
    return str(node_run["outputs"]["out"][0]["sha256"])


async def plynx_cli(cluster: Cluster, *args: str) -> tuple[int, str, str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "plynx",
        *args,
        "--server",
        cluster.url,
        "--token",
        LOCAL_TOKEN,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await proc.communicate()
    assert proc.returncode is not None
    return proc.returncode, out.decode(), err.decode()


async def test_lineage_names_the_makers_upstream_and_the_users_downstream(
    cluster: Cluster,
) -> None:
    cluster.start_worker()
    await cluster.wait_workers(1)
    first = await cluster.wait_run(await cluster.submit(GRAPH))
    assert first["run"]["status"] == "success"
    nodes = by_node(first)
    run_id = first["run"]["id"]

    up = await cluster.get(f"/api/v1/artifacts/{output(nodes['c'])}/lineage")
    assert up["produced_by"] == nodes["c"]["id"] and up["downstream"] == []
    steps = [(s["node_id"], s["depth"], s["run_id"]) for s in up["upstream"]]
    assert steps == [("c", 1, run_id), ("b", 2, run_id), ("a", 3, run_id)]
    b, a = up["upstream"][1], up["upstream"][2]
    assert b["node_run_id"] == nodes["b"]["id"] and b["params"] == {"prefix": "x"}
    assert b["inputs"] == {"in": [output(nodes["a"])]}
    assert b["outputs"] == {"out": [output(nodes["b"])]}
    assert a["params"] == {"n": 4} and a["operation_version"] == 1 and a["kind"] == "bash_jinja2"
    assert up["upstream"][0]["inputs"] == {"in": [output(nodes["b"])]}

    down = await cluster.get(f"/api/v1/artifacts/{output(nodes['a'])}/lineage")
    assert [s["node_run_id"] for s in down["upstream"]] == [nodes["a"]["id"]]
    assert [(s["node_id"], s["depth"]) for s in down["downstream"]] == [("b", 1), ("c", 2)]
    assert down["truncated"] is False
    shallow = await cluster.get(f"/api/v1/artifacts/{output(nodes['a'])}/lineage?depth=1")
    assert [s["node_id"] for s in shallow["downstream"]] == ["b"] and shallow["truncated"]

    # the same graph again: every node is restored from the cache
    again = await cluster.wait_run(await cluster.submit(GRAPH))
    cached = by_node(again)
    assert {nr["status"] for nr in cached.values()} == {"cached"}
    lineage = await cluster.get(f"/api/v1/artifacts/{output(nodes['b'])}/lineage")
    assert lineage["produced_by"] == nodes["b"]["id"]  # the node run that executed, not the copy
    assert lineage["restored_by"] == [cached["b"]["id"]]
    users = {(s["node_run_id"], s["status"]) for s in lineage["downstream"]}
    assert users == {(nodes["c"]["id"], "success"), (cached["c"]["id"], "cached")}
    copy = next(s for s in lineage["downstream"] if s["status"] == "cached")
    assert copy["cached_from"] == nodes["c"]["id"] and copy["run_id"] == again["run"]["id"]

    code, out, err = await plynx_cli(cluster, "lineage", output(nodes["c"]), "--json")
    assert code == 0, err
    assert [s["node_id"] for s in json.loads(out)["upstream"]] == ["c", "b", "a"]
    code, out, err = await plynx_cli(cluster, "lineage", output(nodes["a"]), "--depth", "1")
    assert code == 0, err
    assert f"made by: {nodes['a']['id']}" in out and run_id in out and "prefix='x'" in out


async def test_lineage_refuses_bad_input_with_a_clear_error(cluster: Cluster) -> None:
    unknown = "0" * 64
    status, body = await cluster.request("GET", f"/api/v1/artifacts/{unknown}/lineage")
    assert status == 404 and unknown in body["error"]["message"]
    status, body = await cluster.request("GET", "/api/v1/artifacts/XYZ/lineage")
    assert status == 400 and "sha256" in body["error"]["message"]
    for depth in ("0", "51", "x", "99999999999999999999999999999999999"):
        status, body = await cluster.request(
            "GET", f"/api/v1/artifacts/{unknown}/lineage?depth={depth}"
        )
        assert status == 400 and "depth" in body["error"]["message"], depth
    code, _, err = await plynx_cli(cluster, "lineage", unknown)
    assert code != 0 and "was not found" in err
    code, _, err = await plynx_cli(cluster, "lineage", "nope")
    assert code == 2 and "sha256" in err
