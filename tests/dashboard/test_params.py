"""Graph parameters in the dashboard: declared in the editor's graph panel, referred to from a
node's parameter (the reference switch), saved, run, and shown in the run view and runs list."""

from __future__ import annotations

import re

import pytest
from e2e.conftest import Cluster
from playwright.async_api import Locator, Page, expect

from .conftest import Dashboard
from .test_editor import CANVAS, cell, make_and_sort, new_graph, open_editor

pytestmark = [pytest.mark.browser]


def switch(page: Page, param: str) -> Locator:
    """The checkbox that makes a node parameter refer to a graph parameter."""
    return page.locator(f".param-or-ref[data-switch={param}]").get_by_label(
        "from a graph parameter"
    )


async def test_a_graph_parameter_is_declared_referred_to_saved_run_and_shown(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    make, sort = await make_and_sort(cluster)
    cluster.start_worker()
    graph_id = await new_graph(
        cluster,
        nodes=[
            {"id": "make", "operation": make, "position": {"x": 0, "y": 0}},
            {"id": "sort", "operation": sort, "position": {"x": 0, "y": 160}},
        ],
        edges=[{"src_node": "make", "src_port": "out", "dst_node": "sort", "dst_port": "lines"}],
    )
    page = await open_editor(dashboard, graph_id)
    panel = page.get_by_test_id("graph-parameters")
    await panel.get_by_label("new parameter name").fill("order")
    await panel.get_by_label("new parameter type").select_option("str")
    await panel.get_by_role("button", name="+ parameter").click()
    default = panel.locator("[data-graph-param=order] input#param-order")
    await default.fill("-f")  # not the operation's own default (-r): the output shows which
    await default.press("Tab")
    await expect(page.locator(".editor-page")).to_have_attribute("data-dirty", "true")
    await dashboard.screenshot("graph-parameters-panel")

    await cell(page, "sort").click()
    await switch(page, "flags").check()
    choice = page.get_by_label("flags graph parameter")
    await expect(choice).to_have_value("order")
    await dashboard.screenshot("graph-parameter-reference")
    await page.keyboard.press("Control+s")
    await expect(page.locator(".editor-page")).to_have_attribute("data-dirty", "false")
    stored = await cluster.get(f"/api/v1/graphs/{graph_id}")
    assert [(p["name"], p["type"], p["default"]) for p in stored["parameters"]] == [
        ("order", "str", "-f")
    ]
    assert stored["nodes"][1]["params"] == {"flags": {"ref": "order"}}

    await page.reload()
    await expect(page.locator(f"{CANVAS}[data-ready=true]")).to_have_count(1)
    await cell(page, "sort").click()
    await expect(switch(page, "flags")).to_be_checked()
    await expect(page.get_by_label("flags graph parameter")).to_have_value("order")

    await cluster.wait_workers(1)
    await page.get_by_role("button", name="Run", exact=True).click()
    await expect(page).to_have_url(re.compile(r"/runs/[0-9a-f]+$"))
    await expect(page.locator(".run-page")).to_have_attribute(
        "data-status", "success", timeout=30_000
    )
    shown = page.get_by_test_id("run-parameters")
    await expect(shown.locator("dd[data-param=order]")).to_have_text("-f")
    await page.locator("[data-cell-id='sort']").click()
    output = page.locator(".node-panel[data-node='sort'] .output[data-output='out']")
    await output.get_by_role("button", name="Preview").click()
    await expect(output.locator(".preview")).to_contain_text(re.compile(r"a\s+b\s+c"))
    await dashboard.screenshot("graph-parameter-run")

    await dashboard.open("/runs")
    await expect(page.locator("tr[data-run] .run-params-cell")).to_have_text("order=-f")


async def test_a_reference_to_a_removed_graph_parameter_is_a_problem_on_the_field(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    _, sort = await make_and_sort(cluster)
    graph_id = await new_graph(
        cluster,
        parameters=[{"name": "order", "type": "str", "default": "-n"}],
        nodes=[
            {
                "id": "sort",
                "operation": sort,
                "position": {"x": 0, "y": 0},
                "params": {"flags": {"ref": "order"}},
                "values": {"lines": "b\na\n"},
            }
        ],
    )
    page = await open_editor(dashboard, graph_id)
    panel = page.get_by_test_id("graph-parameters")
    await panel.get_by_role("button", name="remove graph parameter order").click()
    await page.get_by_role("button", name="Validate").click()
    await expect(page.get_by_test_id("editor-message")).to_contain_text("1 problem(s)")
    await cell(page, "sort").click()
    field = page.locator(".param-field[data-param=flags]")
    await expect(field).to_have_attribute("data-ref", "order")
    await expect(field.locator(".field-problem")).to_contain_text("{ref: order} refers to no")
    await switch(page, "flags").uncheck()  # back to a value
    await page.get_by_role("button", name="Validate").click()
    await expect(page.get_by_test_id("editor-message")).to_have_text("The graph is valid.")
