"""The run view's node list, for graphs of many nodes of one operation: each row shows the
node's id, and the list is searched and filtered by status."""

from __future__ import annotations

import pytest
from e2e.conftest import Cluster, bash
from playwright.async_api import expect

from .conftest import Dashboard
from .test_live import started

pytestmark = [pytest.mark.browser, pytest.mark.slow]

COUNT = 40


async def test_the_node_list_shows_ids_and_is_searched_and_filtered(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    await started(cluster)
    nodes: dict[str, object] = {f"n-{i:02d}": {"operation": "noop"} for i in range(COUNT)}
    nodes |= {"bad": {"operation": "fail"}, "after": {"operation": "noop"}}
    run_id = await cluster.submit(
        {
            "title": "many noops",
            "operations": {
                "noop": bash("echo ok > {{ outputs.out }}", title="Noop"),
                "fail": bash("exit 1", title="Noop"),
            },
            "nodes": nodes,
            "edges": ["bad.out -> after.in"],
        }
    )
    await cluster.wait_run(run_id, timeout=90)
    await dashboard.open(f"/runs/{run_id}")
    page = dashboard.page
    rows = page.locator(".node-list tr[data-node]")
    await expect(rows).to_have_count(COUNT + 2)
    await expect(rows.filter(has_text="n-17")).to_contain_text("Noop")  # title and id

    search = page.get_by_label("Search nodes")
    await search.fill("n-17")
    await expect(rows).to_have_count(1)
    await expect(rows.first).to_have_attribute("data-node", "n-17")
    await search.fill("noop")  # by title
    await expect(rows).to_have_count(COUNT + 2)
    await search.fill("")

    status = page.get_by_label("Node status")
    await status.select_option("failed")
    await expect(rows).to_have_count(1)
    await expect(rows.first).to_have_attribute("data-node", "bad")
    await status.select_option("skipped")
    await expect(rows).to_have_count(1)
    await expect(rows.first).to_have_attribute("data-node", "after")
    await status.select_option("success")
    await expect(rows).to_have_count(COUNT)
    await search.fill("nothing like this")
    await expect(page.locator(".node-list .empty")).to_have_text("No node matches.")
    await dashboard.screenshot("run-node-search")
