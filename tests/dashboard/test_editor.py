"""The graph editor: building a graph with the mouse, connection rules, validation, undo/redo,
file drops, running, and how it copes with a large graph."""

from __future__ import annotations

import re
from typing import Any

import pytest
from e2e.conftest import Cluster
from playwright.async_api import Page, expect

from .conftest import Dashboard

pytestmark = [pytest.mark.browser]

CANVAS = "[data-testid=editor-canvas]"


def cell(page: Page, node_id: str) -> Any:
    """A node on the canvas (not its copy in the minimap)."""
    return page.locator(f"{CANVAS} [data-cell-id='{node_id}']")


async def create_operation(cluster: Cluster, **fields: Any) -> dict[str, Any]:
    """A published operation."""
    status, op = await cluster.request("POST", "/api/v1/operations", json=fields)
    assert status == 201, op
    status, op = await cluster.request("POST", f"/api/v1/operations/{op['id']}/publish")
    assert status == 200, op
    return dict(op)


async def make_and_sort(cluster: Cluster) -> tuple[dict[str, Any], dict[str, Any]]:
    make = await create_operation(
        cluster,
        kind="bash_jinja2",
        title="Make lines",
        outputs=[{"name": "out", "type": "text"}],
        code="printf 'b\\na\\nc\\n' > {{ outputs.out }}",
    )
    sort = await create_operation(
        cluster,
        kind="bash_jinja2",
        title="Sort lines",
        inputs=[{"name": "lines", "type": "text"}],
        outputs=[{"name": "out", "type": "text"}],
        parameters=[{"name": "flags", "type": "str", "default": "-r"}],
        code="sort {{ params['flags'] }} {{ inputs.lines }} > {{ outputs.out }}",
    )
    return make, sort


async def new_graph(cluster: Cluster, **fields: Any) -> str:
    status, graph = await cluster.request("POST", "/api/v1/graphs", json={"title": "g", **fields})
    assert status == 201, graph
    return str(graph["id"])


async def open_editor(dashboard: Dashboard, graph_id: str) -> Page:
    await dashboard.open(f"/graphs/{graph_id}/edit")
    page = dashboard.page
    await expect(page.locator("[data-testid=editor-canvas][data-ready=true]")).to_have_count(1)
    return page


async def drop_operation(page: Page, op_id: str, x: float, y: float) -> None:
    """Drag an operation from the palette onto the canvas at (x, y) of the canvas."""
    await page.drag_and_drop(
        f".palette-item[data-operation='{op_id}']",
        "[data-testid=editor-canvas]",
        target_position={"x": x, "y": y},
    )


async def port_centre(page: Page, node_id: str, port: str) -> tuple[float, float]:
    box = await cell(page, node_id).locator(f"[port='{port}']").bounding_box()
    assert box is not None
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


async def connect(page: Page, src: tuple[str, str], dst: tuple[str, str]) -> None:
    """Drag with the mouse from an output port to an input port."""
    x0, y0 = await port_centre(page, src[0], f"out:{src[1]}")
    x1, y1 = await port_centre(page, dst[0], f"in:{dst[1]}")
    await page.mouse.move(x0, y0)
    await page.mouse.down()
    await page.mouse.move((x0 + x1) / 2, (y0 + y1) / 2, steps=5)
    await page.mouse.move(x1, y1, steps=5)
    await page.mouse.up()


async def test_build_a_graph_with_the_mouse_save_and_run_it(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    make, sort = await make_and_sort(cluster)
    cluster.start_worker()
    await cluster.wait_workers(1)
    graph_id = await new_graph(cluster)
    page = await open_editor(dashboard, graph_id)
    await drop_operation(page, make["id"], 150, 150)
    await drop_operation(page, sort["id"], 500, 250)
    await expect(cell(page, "make_lines_1")).to_contain_text("Make lines")
    await expect(cell(page, "sort_lines_1")).to_contain_text("lines: text")
    await connect(page, ("make_lines_1", "out"), ("sort_lines_1", "lines"))
    await expect(page.locator(f"{CANVAS} .x6-edge")).to_have_count(1)
    await dashboard.screenshot("editor-two-nodes")

    await page.keyboard.press("Control+s")
    await expect(page.locator(".editor-page")).to_have_attribute("data-dirty", "false")
    stored = await cluster.get(f"/api/v1/graphs/{graph_id}")
    assert [n["id"] for n in stored["nodes"]] == ["make_lines_1", "sort_lines_1"]
    assert stored["edges"] == [
        {
            "src_node": "make_lines_1",
            "src_port": "out",
            "dst_node": "sort_lines_1",
            "dst_port": "lines",
        }
    ]

    await page.get_by_role("button", name="Run", exact=True).click()
    await expect(page).to_have_url(re.compile(r"/runs/[0-9a-f]+$"))
    await expect(page.locator(".run-page")).to_have_attribute(
        "data-status", "success", timeout=30_000
    )
