"""The run view's node list, for graphs of many nodes of one operation: each row shows the
node's id, and the list is searched and filtered by status."""

from __future__ import annotations

import re

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


async def test_a_big_graph_fitted_small_is_drawn_as_status_coloured_boxes(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    size = 300
    nodes = {f"n{i}": {"operation": "noop"} for i in range(size)}
    edges = [f"n{(i - 1) // 2}.out -> n{i}.in" for i in range(1, size)]
    run_id = await cluster.submit(
        {"title": "big", "operations": {"noop": bash("true")}, "nodes": nodes, "edges": edges}
    )
    await dashboard.open(f"/runs/{run_id}")
    page = dashboard.page
    box = page.locator("[data-testid=run-graph] .x6-graph")
    node = page.locator("[data-testid=run-graph] [data-cell-id='n0']")
    await expect(node).to_have_count(1)
    await expect(box).to_have_class(re.compile(r"\blod-low\b"))  # fitted: too small to read
    assert await node.locator("text").first.evaluate("(el) => getComputedStyle(el).display") == (
        "none"
    )
    fill = await node.locator("rect").first.evaluate("(el) => getComputedStyle(el).fill")
    assert fill != "rgb(255, 255, 255)"  # filled with its status colour
    # a small graph, at a readable scale, shows its texts
    small = await cluster.submit(
        {
            "title": "small",
            # not the big graph's operation: a node with the same cache key as one another run
            # executes waits for it (pending) instead of being queued
            "operations": {"noop": bash("true  # small")},
            "nodes": {"only": {"operation": "noop"}},
        }
    )
    await dashboard.open(f"/runs/{small}")
    only = page.locator("[data-testid=run-graph] [data-cell-id='only']")
    await expect(only).to_contain_text("queued")
    await expect(box).not_to_have_class(re.compile(r"\blod-low\b"))
    assert await only.locator("text").first.evaluate("(el) => getComputedStyle(el).display") != (
        "none"
    )
