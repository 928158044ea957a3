"""Nodes on deprecated operations are marked in the graph editor, and one action moves them to
their successors, listing what could not come along."""

from __future__ import annotations

import pytest
from e2e.conftest import Cluster
from playwright.async_api import expect

from .conftest import Dashboard
from .test_editor import cell, create_operation, new_graph, open_editor

pytestmark = [pytest.mark.browser]


async def test_deprecated_nodes_are_marked_and_upgraded_in_one_action(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    v1 = await create_operation(
        cluster,
        kind="bash_jinja2",
        title="Count",
        outputs=[{"name": "out", "type": "text"}],
        parameters=[{"name": "n", "type": "int", "default": 1}, {"name": "old", "type": "str"}],
        code="echo {{ params['n'] }} > {{ outputs.out }}",
    )
    status, draft = await cluster.request("POST", f"/api/v1/operations/{v1['id']}/versions")
    assert status == 201
    body = {k: draft[k] for k in ("kind", "title", "outputs", "code")}
    body["parameters"] = [{"name": "n", "type": "int", "default": 1}]
    body["outputs"] = [*draft["outputs"], {"name": "extra", "type": "text"}]
    status, _ = await cluster.request("PUT", f"/api/v1/operations/{draft['id']}", json=body)
    assert status == 200
    status, v2 = await cluster.request("POST", f"/api/v1/operations/{draft['id']}/publish")
    assert status == 200
    status, _ = await cluster.request(
        "POST", f"/api/v1/operations/{v1['id']}/deprecate", json={"successor_id": v2["id"]}
    )
    assert status == 200
    graph_id = await new_graph(
        cluster,
        nodes=[
            {"id": "count", "operation": v1, "params": {"n": 7, "old": "x"}},
            {"id": "fresh", "operation": v2, "position": {"x": 300, "y": 0}},
        ],
    )
    page = await open_editor(dashboard, graph_id)
    banner = page.get_by_test_id("upgrade-banner")
    await expect(banner).to_contain_text("1 node uses a deprecated operation:")
    await expect(banner).to_contain_text("count (v1 → v2)")
    await expect(cell(page, "count")).to_contain_text("deprecated")
    await expect(cell(page, "fresh")).not_to_contain_text("deprecated")
    await dashboard.screenshot("editor-deprecated-nodes")

    await banner.get_by_role("button", name="Upgrade nodes").click()
    report = page.get_by_test_id("upgrade-report")
    await expect(report).to_contain_text("Upgraded 1 node")
    await expect(report).to_contain_text("parameter 'old' is gone")
    await expect(banner).to_have_count(0)
    await expect(cell(page, "count")).not_to_contain_text("deprecated")
    stored = await cluster.get(f"/api/v1/graphs/{graph_id}")
    count = next(n for n in stored["nodes"] if n["id"] == "count")
    assert count["operation"]["id"] == v2["id"] and count["params"] == {"n": 7}

    # the upgrade is one step in the editor's history: one undo takes it all back, one redo
    # brings it again; saved after the undo, the graph is on the old operation again
    extra = cell(page, "count").locator("[port='out:extra']")
    await expect(extra).to_have_count(1)  # the new version's output
    await page.keyboard.press("Control+z")
    await expect(page.locator(".editor-page[data-dirty=true]")).to_have_count(1)
    await expect(cell(page, "count")).to_contain_text("deprecated")
    await expect(extra).to_have_count(0)
    await expect(banner).to_contain_text("count (v1 → v2)")  # offered again
    await page.keyboard.press("Control+Shift+z")
    await expect(cell(page, "count")).not_to_contain_text("deprecated")
    await expect(banner).to_have_count(0)
    await page.keyboard.press("Control+z")
    await expect(cell(page, "count")).to_contain_text("deprecated")
    await page.get_by_role("button", name="Save", exact=True).click()
    await expect(page.get_by_test_id("editor-message")).to_have_text("Saved.")
    stored = await cluster.get(f"/api/v1/graphs/{graph_id}")
    count = next(n for n in stored["nodes"] if n["id"] == "count")
    assert count["operation"]["id"] == v1["id"] and count["params"] == {"n": 7, "old": "x"}
