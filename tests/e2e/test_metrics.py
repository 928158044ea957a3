"""Metrics through the real server, real workers and every store: bash nodes append lines to
``$PLYNX_METRICS``, python nodes call ``plynx.log_metric``; the last values are in the run
document, the series behind ``/runs/{id}/metrics``, bad lines and the limit in the node's log."""

from __future__ import annotations

import asyncio
import dataclasses
from typing import Any

import pytest

from .conftest import Cluster, bash

pytestmark = pytest.mark.slow


def metrics_graph(tag: str = "x") -> dict[str, Any]:
    return {
        "operations": {
            "train": bash(
                "echo {{ params.tag }} > {{ outputs.out }}\n"
                "for step in 1 2 3; do\n"
                '  echo "{\\"name\\": \\"loss\\", \\"value\\": 0.$((4 - step)), '
                '\\"step\\": $step}" >> "$PLYNX_METRICS"\n'
                "done\n"
                "echo 'not json' >> \"$PLYNX_METRICS\"\n"
                'printf \'{"name": "lr", "value": 0.5}\' >> "$PLYNX_METRICS"\n',
                parameters={"tag": tag},
            ),
            "score": {
                "kind": "python",
                "inputs": {"inp": "text"},
                "outputs": {"out": "text"},
                "code": (
                    "import plynx\n"
                    "plynx.log_metric('acc', 0.5, step=0)\n"
                    "plynx.log_metric('acc', 0.91, step=1)\n"
                    "open(outputs['out'], 'w').write('ok')\n"
                ),
            },
        },
        "nodes": {"train": {"operation": "train"}, "score": {"operation": "score"}},
        "edges": ["train.out -> score.inp"],
    }


def by_node(detail: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {nr["node_id"]: nr for nr in detail["node_runs"]}


async def test_nodes_report_metrics_last_values_in_the_run_and_series_by_api(
    cluster: Cluster,
) -> None:
    cluster.start_worker()
    await cluster.wait_workers(1)
    detail = await cluster.wait_run(await cluster.submit(metrics_graph()))
    assert detail["run"]["status"] == "success", detail
    nodes = by_node(detail)
    assert nodes["train"]["metrics"] == {"loss": 0.1, "lr": 0.5}
    assert nodes["score"]["metrics"] == {"acc": 0.91}

    run_id = detail["run"]["id"]
    body = await cluster.get(f"/api/v1/runs/{run_id}/metrics")
    series = {(s["node_id"], s["name"]): s for s in body["series"]}
    assert set(series) == {("train", "loss"), ("train", "lr"), ("score", "acc")}
    assert series[("train", "loss")]["steps"] == [1, 2, 3]
    assert series[("train", "loss")]["values"] == [0.3, 0.2, 0.1]
    assert series[("train", "lr")]["steps"] == [None]
    assert series[("score", "acc")]["values"] == [0.5, 0.91]

    # the bad line is reported on the node's stderr log with its line number
    status, log = await cluster.request(
        "GET", f"/api/v1/runs/{run_id}/nodes/train/log?stream=stderr"
    )
    assert status == 200
    assert "metrics file ${PLYNX_METRICS} line 4: not JSON" in log

    # a cached node keeps the metrics of the run that produced its outputs
    again = await cluster.wait_run(await cluster.submit(metrics_graph()))
    cached = by_node(again)
    assert {nr["status"] for nr in cached.values()} == {"cached"}
    assert cached["train"]["metrics"] == {"loss": 0.1, "lr": 0.5}
    assert cached["score"]["metrics"] == {"acc": 0.91}

    status, missing = await cluster.request("GET", "/api/v1/runs/nope/metrics")
    assert status == 404, missing


async def test_points_past_the_limit_are_dropped_and_the_log_says_so(cluster: Cluster) -> None:
    await cluster.stop_server()
    cluster.settings = dataclasses.replace(cluster.settings, max_metric_points=5)
    await cluster.start_server()
    cluster.start_worker()
    await cluster.wait_workers(1)
    doc = {
        "operations": {
            "many": bash(
                "for i in $(seq 1 12); do\n"
                '  echo "{\\"name\\": \\"m\\", \\"value\\": $i, \\"step\\": $i}" '
                '>> "$PLYNX_METRICS"\n'
                "done\n"
                "echo done > {{ outputs.out }}\n"
            )
        },
        "nodes": {"many": {"operation": "many"}},
    }
    detail = await cluster.wait_run(await cluster.submit(doc))
    assert detail["run"]["status"] == "success", detail
    assert by_node(detail)["many"]["metrics"] == {"m": 5.0}
    run_id = detail["run"]["id"]
    body = await cluster.get(f"/api/v1/runs/{run_id}/metrics")
    assert body["series"][0]["values"] == [1.0, 2.0, 3.0, 4.0, 5.0]
    status, log = await cluster.request(
        "GET", f"/api/v1/runs/{run_id}/nodes/many/log?stream=stderr"
    )
    assert status == 200
    assert log.count("at most 5 metric points") == 1, log


async def test_the_runs_list_gives_last_metric_values_when_asked(cluster: Cluster) -> None:
    cluster.start_worker()
    await cluster.wait_workers(1)
    detail = await cluster.wait_run(await cluster.submit(metrics_graph("list")))
    run_id = detail["run"]["id"]
    page = await cluster.get("/api/v1/runs?metrics=true")
    (row,) = [r for r in page["items"] if r["id"] == run_id]
    assert row["metrics"] == {"train.loss": 0.1, "train.lr": 0.5, "score.acc": 0.91}
    plain = await cluster.get("/api/v1/runs")
    assert [r["metrics"] for r in plain["items"]] == [None]
    status, body = await cluster.request("GET", "/api/v1/runs?metrics=yes")
    assert status == 400 and "'metrics' must be one of true, false" in body["error"]["message"]


async def test_the_runs_list_gives_metrics_of_a_run_still_running(cluster: Cluster) -> None:
    cluster.start_worker()
    await cluster.wait_workers(1)
    slow = {
        "operations": {
            "fit": bash(
                'echo \'{"name": "loss", "value": 0.5, "step": 1}\' >> "$PLYNX_METRICS"\n'
                "sleep 30\n"
                "echo done > {{ outputs.out }}\n"
            )
        },
        "nodes": {"fit": {"operation": "fit"}},
    }
    run_id = await cluster.submit(slow)
    async with asyncio.timeout(20):
        while True:
            (row,) = (await cluster.get("/api/v1/runs?metrics=true"))["items"]
            if row["metrics"]:
                break
            await asyncio.sleep(0.1)
    assert row["id"] == run_id and row["status"] == "running"
    assert row["metrics"] == {"fit.loss": 0.5}
    status, _ = await cluster.request("POST", f"/api/v1/runs/{run_id}/cancel")
    assert status == 200
