"""Graph and composite parameters through the real server, real workers and every store: the
shipped example uses one composite twice, with a literal word and with a graph parameter."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from plynx.cli.files import examples_dir
from plynx.model import parse_graph_document

from .conftest import Cluster

pytestmark = pytest.mark.slow


async def counts(cluster: Cluster, detail: dict[str, Any]) -> dict[str, str]:
    """The word counts of the two uses of the composite."""
    found = {}
    for nr in detail["node_runs"]:
        if nr["node_id"].endswith("/count"):
            sha = nr["outputs"]["count"][0]["sha256"]
            status, text = await cluster.request("GET", f"/api/v1/artifacts/{sha}")
            assert status == 200
            found[nr["node_id"]] = str(text).strip()
    return found


async def test_a_stored_graph_runs_with_each_value_of_its_parameter_and_caches_by_value(
    cluster: Cluster,
) -> None:
    cluster.start_worker()
    await cluster.wait_workers(1)
    doc = yaml.safe_load((examples_dir() / "parameters.yaml").read_text())
    graph, _ = parse_graph_document(doc)
    status, stored = await cluster.request(
        "POST", "/api/v1/graphs", json=graph.model_dump(mode="json")
    )
    assert status == 201, stored

    async def run(**parameters: Any) -> dict[str, Any]:
        body = {"graph_id": stored["id"], "parameters": parameters}
        status, created = await cluster.request("POST", "/api/v1/runs", json=body)
        assert status == 201, created
        return await cluster.wait_run(created["run"]["id"])

    banana = await run()
    assert banana["run"]["status"] == "success"
    assert banana["run"]["parameters"] == {"fruit": "banana"}
    assert await counts(cluster, banana) == {"apples/count": "2", "chosen/count": "3"}

    again = await run(fruit="banana")
    assert {nr["status"] for nr in again["node_runs"]} == {"cached"}

    cherry = await run(fruit="cherry")
    statuses = {nr["node_id"]: nr["status"] for nr in cherry["node_runs"]}
    assert statuses == {"basket": "cached", "apples/count": "cached", "chosen/count": "success"}
    assert await counts(cluster, cherry) == {"apples/count": "2", "chosen/count": "1"}

    page = await cluster.get(f"/api/v1/runs?graph_id={stored['id']}")
    assert [r["parameters"] for r in page["items"]] == [
        {"fruit": "cherry"},
        {"fruit": "banana"},
        {"fruit": "banana"},
    ]
    status, refused = await cluster.request(
        "POST", "/api/v1/runs", json={"graph_id": stored["id"], "parameters": {"fruti": "x"}}
    )
    assert status == 400
    assert "'fruti'" in refused["error"]["problems"][0]["message"]
