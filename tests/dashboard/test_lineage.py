"""The lineage of an output in the run view: a "Lineage" button per output lists the node runs
that made it and those that used it, with links to their runs."""

from __future__ import annotations

import pytest
from e2e.conftest import Cluster
from e2e.test_lineage import GRAPH
from playwright.async_api import expect

from .conftest import Dashboard
from .test_live import started

pytestmark = [pytest.mark.browser, pytest.mark.slow]


async def test_an_output_shows_who_made_it_and_who_used_it(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    await started(cluster)
    run_id = await cluster.submit(GRAPH)
    await cluster.wait_run(run_id)
    await dashboard.open(f"/runs/{run_id}")
    page = dashboard.page
    await page.locator("[data-cell-id='b']").click()
    output = page.locator(".node-panel[data-node='b'] .output[data-output='out']")
    await output.get_by_role("button", name="Lineage").click()
    lineage = output.get_by_test_id("lineage")
    made = lineage.locator("[data-lineage=upstream] li")
    await expect(made).to_have_count(2)
    await expect(made.nth(0)).to_have_attribute("data-node", "b")
    await expect(made.nth(0)).to_contain_text('prefix="x"')
    await expect(made.nth(1)).to_have_attribute("data-node", "a")
    await expect(made.nth(1)).to_contain_text("n=4")
    used = lineage.locator("[data-lineage=downstream] li")
    await expect(used).to_have_count(1)
    await expect(used.first).to_have_attribute("data-node", "c")
    await expect(used.first.get_by_role("link")).to_have_attribute("href", f"/runs/{run_id}")
    await dashboard.screenshot("run-output-lineage")
    await output.get_by_role("button", name="Hide lineage").click()
    await expect(lineage).to_have_count(0)


async def test_a_lineage_through_a_deleted_run_says_so_instead_of_linking_to_it(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    await started(cluster)
    first = await cluster.submit(GRAPH)
    await cluster.wait_run(first)
    again = await cluster.submit(GRAPH)  # restored from the cache: the first run made it all
    await cluster.wait_run(again)
    status, body = await cluster.request("DELETE", f"/api/v1/runs/{first}")
    assert status == 204, body
    await dashboard.open(f"/runs/{again}")
    page = dashboard.page
    await page.locator("[data-cell-id='b']").click()
    output = page.locator(".node-panel[data-node='b'] .output[data-output='out']")
    await output.get_by_role("button", name="Lineage").click()
    made = output.get_by_test_id("lineage").locator("[data-lineage=upstream] li")
    await expect(made).to_have_count(2)
    for step in (made.nth(0), made.nth(1)):
        await expect(step).to_have_attribute("data-run", first)
        await expect(step).to_contain_text("(deleted)")
        await expect(step.get_by_role("link")).to_have_count(0)
