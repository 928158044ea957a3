"""Keyboard navigation with a visible focus: the arrow keys go from a list's search field down
its items (the editor's palette, the run view's node list, the runs list) and Enter does what a
click does; in the node panel they go from log stream to log stream."""

from __future__ import annotations

import re

import pytest
from e2e.conftest import Cluster, bash
from playwright.async_api import Page, expect

from .conftest import Dashboard
from .test_editor import CANVAS, make_and_sort, new_graph, open_editor

pytestmark = [pytest.mark.browser]

FOCUSED = "document.activeElement.matches(':focus-visible')"


async def focused(page: Page, attribute: str) -> str | None:
    """An attribute of the focused element (or of its row), once its focus shows."""
    assert await page.evaluate(FOCUSED), "the focus is not shown"
    value = await page.evaluate(
        "(name) => { const e = document.activeElement;"
        " const holder = e.closest(`[${name}]`); return holder && holder.getAttribute(name); }",
        attribute,
    )
    return None if value is None else str(value)


async def test_the_palette_is_walked_with_the_arrow_keys_and_enter_adds_a_node(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    make, sort = await make_and_sort(cluster)
    page = await open_editor(dashboard, await new_graph(cluster))
    items = page.locator(".palette-item")
    await expect(items).to_have_count(2)
    order = [await items.nth(i).get_attribute("data-operation") for i in range(2)]
    assert sorted(order) == sorted([make["id"], sort["id"]])
    await page.get_by_placeholder("Search operations").focus()
    await page.keyboard.press("ArrowDown")
    assert await focused(page, "data-operation") == order[0]
    outline = await page.evaluate("getComputedStyle(document.activeElement).borderColor")
    plain = await items.nth(1).evaluate("(e) => getComputedStyle(e).borderColor")
    assert outline != plain  # the focused item stands out
    await page.keyboard.press("ArrowDown")
    assert await focused(page, "data-operation") == order[1]
    await page.keyboard.press("ArrowUp")
    assert await focused(page, "data-operation") == order[0]
    await page.keyboard.press("Enter")
    await expect(page.locator(f"{CANVAS} .x6-node")).to_have_count(1)


async def test_the_node_list_and_the_runs_list_are_walked_with_the_arrow_keys(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    nodes = {f"step_{i}": {"operation": "noop", "title": f"Step {i}"} for i in range(3)}
    doc = {"title": "steps", "operations": {"noop": bash("echo ok > {{ outputs.out }}")}}
    first = await cluster.submit({**doc, "nodes": nodes})
    second = await cluster.submit({**doc, "nodes": nodes})
    await dashboard.open(f"/runs/{first}")
    page = dashboard.page
    await expect(page.locator(".node-list tr[data-node]")).to_have_count(3)
    await page.get_by_label("Search nodes").focus()
    await page.keyboard.press("ArrowDown")
    assert await focused(page, "data-node") == "step_0"
    await page.keyboard.press("ArrowDown")
    assert await focused(page, "data-node") == "step_1"
    await page.keyboard.press("Enter")  # opens the node's panel
    await expect(page).to_have_url(re.compile(r"\?node=step_1$"))
    # the node panel's log tabs: the arrow keys go from stream to stream
    stdout, stderr = page.get_by_role("tab", name="stdout"), page.get_by_role("tab", name="stderr")
    await stdout.focus()
    await page.keyboard.press("ArrowRight")
    await expect(stderr).to_have_attribute("aria-selected", "true")
    await expect(stderr).to_be_focused()
    await page.keyboard.press("ArrowLeft")
    await expect(stdout).to_have_attribute("aria-selected", "true")

    await dashboard.open("/runs")
    links = page.locator("tr[data-run] a.run-link")
    await expect(links).to_have_count(2)
    await links.first.focus()
    await page.keyboard.press("ArrowDown")
    assert await focused(page, "data-run") == first  # newest first: the second run is on top
    await page.keyboard.press("ArrowUp")
    assert await focused(page, "data-run") == second
    await page.keyboard.press("Enter")
    await expect(page).to_have_url(re.compile(f"/runs/{second}$"))
