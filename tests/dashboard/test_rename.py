"""A node's id is renamed in the editor's side panel: its edges follow, a clash or a name that
cannot be an id is refused with a message, and one undo takes the rename back."""

from __future__ import annotations

import pytest
from e2e.conftest import Cluster
from playwright.async_api import expect

from .conftest import Dashboard
from .test_editor import CANVAS, cell, make_and_sort, new_graph, open_editor

pytestmark = [pytest.mark.browser]


async def test_a_node_is_renamed_its_edges_follow_and_a_clash_is_refused(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    make, sort = await make_and_sort(cluster)
    graph_id = await new_graph(
        cluster,
        nodes=[
            {"id": "a", "operation": make, "position": {"x": 20, "y": 20}},
            {"id": "b", "operation": sort, "position": {"x": 320, "y": 20}},
            {"id": "c", "operation": sort, "position": {"x": 620, "y": 20}},
        ],
        edges=[
            {"src_node": "a", "src_port": "out", "dst_node": "b", "dst_port": "lines"},
            {"src_node": "b", "src_port": "out", "dst_node": "c", "dst_port": "lines"},
        ],
    )
    page = await open_editor(dashboard, graph_id)
    await cell(page, "b").locator("text").first.click()
    field = page.get_by_label("Node id")
    await expect(field).to_have_value("b")

    await field.fill("middle")
    await field.press("Enter")
    await expect(cell(page, "middle")).to_have_count(1)
    await expect(cell(page, "b")).to_have_count(0)
    await expect(page.locator(f"{CANVAS} .x6-edge")).to_have_count(2)
    await expect(field).to_have_value("middle")  # still selected, under its new id

    await field.fill("a")  # another node's id
    await field.press("Enter")
    refusal = page.get_by_test_id("node-id-refusal")
    await expect(refusal).to_have_text(
        "There is already a node “a”: node ids are unique within a graph."
    )
    await expect(field).to_have_value("middle")
    await field.fill("x.y")
    await field.press("Enter")
    await expect(refusal).to_contain_text("“x.y” cannot be a node id")
    await expect(cell(page, "a")).to_have_count(1)
    await expect(cell(page, "middle")).to_have_count(1)

    await page.get_by_role("button", name="Save", exact=True).click()
    await expect(page.get_by_test_id("editor-message")).to_have_text("Saved.")
    stored = await cluster.get(f"/api/v1/graphs/{graph_id}")
    assert sorted(n["id"] for n in stored["nodes"]) == ["a", "c", "middle"]
    assert sorted((e["src_node"], e["dst_node"]) for e in stored["edges"]) == [
        ("a", "middle"),
        ("middle", "c"),
    ]

    await page.get_by_role("button", name="Undo").click()  # the rename, edges and all
    await expect(cell(page, "b")).to_have_count(1)
    await expect(cell(page, "middle")).to_have_count(0)
    await expect(page.locator(f"{CANVAS} .x6-edge")).to_have_count(2)
