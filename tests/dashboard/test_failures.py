"""A failed node says why where one looks first: at the top of its panel, on hover on the
canvas, and its log opens on stderr; a node skipped because of it says so too."""

from __future__ import annotations

import pytest
from e2e.conftest import Cluster, bash
from playwright.async_api import expect

from .conftest import Dashboard
from .test_live import started

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FAILING = """echo 'reading iris.csv'
echo 'ERROR: column "petal" not found' >&2
exit 3
echo never > {{ outputs.out }}"""


async def test_a_failed_nodes_reason_is_at_the_top_of_its_panel_and_on_hover(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    await started(cluster)
    run_id = await cluster.submit(
        {
            "title": "failing",
            "operations": {
                "load": bash(FAILING, title="Load"),
                "use": bash("cat {{ inputs['in'] | join(' ') }} > {{ outputs.out }}", title="Use"),
            },
            "nodes": {"a": {"operation": "load"}, "b": {"operation": "use"}},
            "edges": ["a.out -> b.in"],
        }
    )
    await cluster.wait_run(run_id)
    await dashboard.open(f"/runs/{run_id}")
    page = dashboard.page
    node_a = page.locator("[data-cell-id='a']")
    await expect(node_a).to_contain_text("failed")

    # hover on the canvas: the reason, without a click
    await node_a.hover()
    tip = page.get_by_test_id("node-tip")
    await expect(tip).to_contain_text('ERROR: column "petal" not found')
    await expect(tip).to_contain_text("failed")
    await page.locator("[data-cell-id='b']").hover()
    await expect(tip).to_contain_text("upstream node a failed")
    await dashboard.screenshot("run-failure-hover")

    await node_a.click()
    panel = page.locator(".node-panel")
    summary = panel.get_by_test_id("failure-summary")
    await expect(summary).to_contain_text('ERROR: column "petal" not found')
    await expect(summary).to_contain_text("exit code 3")
    # at the top: right under the title, above the node's properties
    top = await summary.bounding_box()
    props = await panel.locator("dl.props").first.bounding_box()
    assert top is not None and props is not None and top["y"] < props["y"]
    # the log opens on the stream that has the error
    await expect(panel.get_by_role("tab", name="stderr")).to_have_attribute("aria-selected", "true")
    await expect(panel.locator(".log")).to_contain_text('column "petal" not found')
    await dashboard.screenshot("run-failure-panel")

    await page.get_by_role("button", name="← all nodes").click()
    await page.locator(".node-list tr[data-node='b'] button").click()
    await expect(panel.get_by_test_id("failure-summary")).to_contain_text("upstream node a failed")
    await expect(panel.get_by_role("tab", name="stdout")).to_have_attribute("aria-selected", "true")
