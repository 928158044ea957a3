"""Big graphs in the editor and the run view: laid out quickly (a layered layout instead of
dagre beyond 200 nodes), drawn once (no minimap copy of every node), without a grid when drawn
small, and still correct. The speed itself is measured by ``benchmarks/dashboard.py``, not
here."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest
from e2e.conftest import Cluster
from playwright.async_api import expect

from .conftest import Dashboard
from .test_editor import CANVAS, create_operation, new_graph, tree

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SIZE = 400

# counts the nodes ever drawn in the minimap, from before the editor opens
WATCH_MINIMAP = """() => {
  window.__minimapNodes = 0;
  new MutationObserver((changes) => {
    for (const change of changes) for (const added of change.addedNodes) {
      if (added.nodeType !== 1 || !added.closest(".editor-minimap")) continue;
      const inside = added.querySelectorAll(".x6-node").length;
      window.__minimapNodes += (added.matches(".x6-node") ? 1 : 0) + inside;
    }
  }).observe(document.body, { childList: true, subtree: true });
}"""


def overlaps(a: dict[str, Any], b: dict[str, Any], height: float) -> bool:
    return abs(a["x"] - b["x"]) < 230 and abs(a["y"] - b["y"]) < height


async def test_a_big_graph_without_positions_opens_in_columns_without_drawing_its_minimap(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    sort = await create_operation(
        cluster,
        kind="bash_jinja2",
        title="Sort lines",
        inputs=[{"name": "lines", "type": "text", "min_count": 0}],
        outputs=[{"name": "out", "type": "text"}],
        parameters=[{"name": "flags", "type": "str", "default": "-r"}],
        code="sort {{ params['flags'] }} {{ inputs.lines }} > {{ outputs.out }}",
    )
    graph_id = await new_graph(cluster, title="big", **tree(sort, SIZE))
    await dashboard.open("/graphs")
    page = dashboard.page
    await page.evaluate(WATCH_MINIMAP)
    await page.evaluate(f"history.pushState(null, '', '/graphs/{graph_id}/edit')")
    await page.evaluate("dispatchEvent(new PopStateEvent('popstate'))")
    await expect(page.locator(f"{CANVAS}[data-ready=true]")).to_have_count(1, timeout=60_000)
    await expect(page.locator(f"{CANVAS}.lod-low")).to_have_count(1)  # fitted: all in view
    assert await page.evaluate("window.__minimapNodes") == 0
    await expect(page.locator(".editor-minimap")).to_be_hidden()
    # drawn small, the graph has no grid behind it (X6 redrew it on every pan and zoom step);
    # zoomed in to full detail, the grid is back
    grid = page.locator(f"{CANVAS} .x6-graph-grid")
    assert await grid.evaluate("(e) => e.style.backgroundImage") == ""
    for _ in range(6):
        await page.get_by_role("button", name="+", exact=True).click()
    await expect(page.locator(f"{CANVAS}.lod-low")).to_have_count(0)
    assert "url(" in await grid.evaluate("(e) => e.style.backgroundImage")

    # the layout is what gets saved: columns by depth, left to right, no two nodes overlapping
    await page.get_by_role("button", name="Save", exact=True).click()
    await expect(page.get_by_test_id("editor-message")).to_have_text("Saved.")
    stored = await cluster.get(f"/api/v1/graphs/{graph_id}")
    where = {n["id"]: n["position"] for n in stored["nodes"]}
    assert len(where) == SIZE
    for i in range(1, SIZE):
        parent, child = where[f"n{(i - 1) // 2}"], where[f"n{i}"]
        assert parent["x"] < child["x"], (i, parent, child)
    depth = {f"n{i}": (i + 1).bit_length() for i in range(SIZE)}
    columns: dict[int, list[dict[str, Any]]] = {}
    for node_id, p in where.items():
        columns.setdefault(depth[node_id], []).append(p)
    for column in columns.values():
        assert len({p["x"] for p in column}) == 1  # one column per depth
        ys = sorted(p["y"] for p in column)
        assert all(b - a >= 70 for a, b in pairwise(ys))  # 70 = node height

    # the run view draws every node, laid out the same way (left to right), all in view
    status, detail = await cluster.request("POST", "/api/v1/runs", json={"graph_id": graph_id})
    assert status in (200, 201), detail
    await dashboard.open(f"/runs/{detail['run']['id']}")
    nodes = page.locator("[data-testid=run-graph] .x6-node")
    await expect(nodes).to_have_count(SIZE, timeout=60_000)
    await expect(page.locator("[data-testid=run-graph] .x6-graph.lod-low")).to_have_count(1)
    await dashboard.screenshot("run-400-nodes")
