"""Inline input values in the graph editor: typed in the side panel for an input without an
edge, drawn on its port, saved with the graph, run, and shown in the run view."""

from __future__ import annotations

import re
from typing import Any

import pytest
from e2e.conftest import Cluster
from playwright.async_api import Page, expect

from .conftest import Dashboard
from .test_editor import CANVAS, cell, connect, create_operation, new_graph, open_editor

pytestmark = [pytest.mark.browser]

XSS = "<img src=x onerror=alert(1)>"
VALUED = "#57606a"  # the fill of a port fed by a value (editor/shapes.js)


async def greet_operation(cluster: Cluster) -> dict[str, Any]:
    return await create_operation(
        cluster,
        kind="bash_jinja2",
        title="Greet",
        inputs=[{"name": "greeting", "type": "text"}],
        outputs=[{"name": "out", "type": "text"}],
        code="printf 'said: ' > {{ outputs.out }}; cat {{ inputs.greeting }} >> {{ outputs.out }}",
    )


async def one_node_graph(cluster: Cluster, operation: dict[str, Any], **node: Any) -> str:
    return await new_graph(
        cluster,
        nodes=[{"id": "greet", "operation": operation, "position": {"x": 40, "y": 40}, **node}],
    )


async def type_value(page: Page, port: str, text: str) -> None:
    field = page.locator(f".inline-value[data-value='{port}'] textarea")
    await field.fill(text)
    await field.press("Tab")  # the change event commits it


async def test_a_typed_value_is_saved_survives_a_reload_and_feeds_the_run(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    greet = await greet_operation(cluster)
    cluster.start_worker()
    graph_id = await one_node_graph(cluster, greet)
    page = await open_editor(dashboard, graph_id)
    await cell(page, "greet").click()
    await type_value(page, "greeting", "hello there, world")
    await expect(page.locator(".editor-page")).to_have_attribute("data-dirty", "true")
    port = cell(page, "greet").locator("[port='in:greeting']")
    await expect(port).to_have_attribute("fill", VALUED)
    await expect(port.locator("title")).to_have_text("hello there, world")  # its tooltip
    await expect(cell(page, "greet")).to_contain_text('greeting = "hello')
    await dashboard.screenshot("inline-value")

    await page.keyboard.press("Control+s")
    await expect(page.locator(".editor-page")).to_have_attribute("data-dirty", "false")
    stored = await cluster.get(f"/api/v1/graphs/{graph_id}")
    assert stored["nodes"][0]["values"] == {"greeting": "hello there, world"}
    await page.get_by_role("button", name="Validate").click()
    await expect(page.get_by_test_id("editor-message")).to_have_text("The graph is valid.")

    await page.reload()
    await expect(page.locator(f"{CANVAS}[data-ready=true]")).to_have_count(1)
    await expect(cell(page, "greet")).to_contain_text('greeting = "hello')
    await cell(page, "greet").click()
    field = page.locator(".inline-value[data-value='greeting'] textarea")
    await expect(field).to_have_value("hello there, world")

    await cluster.wait_workers(1)
    await page.get_by_role("button", name="Run", exact=True).click()
    await expect(page).to_have_url(re.compile(r"/runs/[0-9a-f]+$"))
    await expect(page.locator(".run-page")).to_have_attribute(
        "data-status", "success", timeout=30_000
    )
    await page.locator("[data-cell-id='greet']").click()
    panel = page.locator(".node-panel[data-node='greet']")
    await expect(panel.locator("dd[data-value='greeting']")).to_have_text("hello there, world")
    output = panel.locator(".output[data-output='out']")
    await output.get_by_role("button", name="Preview").click()
    await expect(output.locator(".preview")).to_contain_text("said: hello there, world")
    await dashboard.screenshot("inline-value-run")


async def test_a_json_value_that_does_not_parse_is_flagged_while_typing_and_by_the_server(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    load = await create_operation(
        cluster,
        kind="bash_jinja2",
        title="Load",
        inputs=[{"name": "config", "type": "json"}],
        outputs=[{"name": "out", "type": "text"}],
        code="cat {{ inputs.config }} > {{ outputs.out }}",
    )
    graph_id = await one_node_graph(cluster, load, values={"config": "{bad"})
    page = await open_editor(dashboard, graph_id)
    await page.get_by_role("button", name="Validate").click()  # the server's word
    port = cell(page, "greet").locator("[port='in:config']")
    await expect(port).to_have_attribute("fill", "#d93025")
    await expect(page.get_by_test_id("problems")).to_contain_text("greet.config")
    await page.get_by_test_id("problems").get_by_role("button", name="greet.config").first.click()
    value = page.locator(".inline-value[data-value='config']")
    await expect(value.get_by_role("alert")).to_contain_text("JSON")

    field = value.locator("textarea")
    await field.fill('{"a": [1, 2]}')  # typing, not committed yet: checked as it goes
    await expect(value.get_by_role("alert")).to_have_count(0)
    await field.press("End")
    await field.type(",")
    await expect(value.get_by_role("alert")).to_contain_text("not valid JSON")
    await field.press("Backspace")
    await field.press("Tab")
    await expect(value.get_by_role("alert")).to_have_count(0)
    await page.get_by_role("button", name="Validate").click()
    await expect(page.get_by_test_id("editor-message")).to_have_text("The graph is valid.")
    await expect(port).to_have_attribute("fill", VALUED)


async def test_value_changes_are_undone_and_redone_and_an_edge_replaces_a_value(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    greet = await greet_operation(cluster)
    graph_id = await new_graph(
        cluster,
        nodes=[
            {
                "id": "a",
                "operation": greet,
                "position": {"x": 0, "y": 0},
                "values": {"greeting": "hi"},
            },
            {"id": "greet", "operation": greet, "position": {"x": 420, "y": 60}},
        ],
    )
    page = await open_editor(dashboard, graph_id)
    await cell(page, "greet").click()
    field = page.locator(".inline-value[data-value='greeting'] textarea")
    await type_value(page, "greeting", "first")
    await type_value(page, "greeting", "second")
    await expect(cell(page, "greet")).to_contain_text('greeting = "second"')
    await page.locator(".node-form h2").click()  # out of the field: Ctrl+Z is the editor's
    await page.keyboard.press("Control+z")
    await expect(field).to_have_value("first")
    await expect(cell(page, "greet")).to_contain_text('greeting = "first"')
    await page.keyboard.press("Control+z")
    await expect(field).to_have_value("")
    await expect(cell(page, "greet")).to_contain_text("greeting: text")
    await expect(cell(page, "greet").locator("[port='in:greeting']")).to_have_attribute(
        "fill", "#ffffff"
    )
    await page.keyboard.press("Control+Shift+z")
    await expect(field).to_have_value("first")

    # clearing removes the value
    await type_value(page, "greeting", "")
    await expect(cell(page, "greet")).to_contain_text("greeting: text")
    await page.keyboard.press("Control+s")
    await expect(page.locator(".editor-page")).to_have_attribute("data-dirty", "false")
    stored = await cluster.get(f"/api/v1/graphs/{graph_id}")
    assert "greeting" not in stored["nodes"][1].get("values", {})

    # an edge drawn to an input with a value replaces it, in one undoable step
    await type_value(page, "greeting", "typed")
    await connect(page, ("a", "out"), ("greet", "greeting"))
    await expect(page.locator(f"{CANVAS} .x6-edge")).to_have_count(1)
    await expect(page.get_by_test_id("editor-message")).to_contain_text(
        "replaced the value of greet.greeting"
    )
    await expect(cell(page, "greet")).to_contain_text("greeting: text")
    await expect(page.locator(".inline-value[data-value='greeting']")).to_have_count(0)
    await page.keyboard.press("Control+z")
    await expect(page.locator(f"{CANVAS} .x6-edge")).to_have_count(0)
    await expect(cell(page, "greet")).to_contain_text('greeting = "typed"')
    await page.keyboard.press("Control+Shift+z")
    await expect(page.locator(f"{CANVAS} .x6-edge")).to_have_count(1)
    await expect(cell(page, "greet")).to_contain_text("greeting: text")
    await page.keyboard.press("Control+s")
    await expect(page.locator(".editor-page")).to_have_attribute("data-dirty", "false")
    stored = await cluster.get(f"/api/v1/graphs/{graph_id}")
    assert stored["nodes"][1].get("values", {}) == {}
    assert len(stored["edges"]) == 1


async def test_a_value_with_markup_is_shown_as_text(cluster: Cluster, dashboard: Dashboard) -> None:
    greet = await greet_operation(cluster)
    cluster.start_worker()
    graph_id = await one_node_graph(cluster, greet)
    page = await open_editor(dashboard, graph_id)
    await cell(page, "greet").click()
    await page.locator(".inline-value[data-value='greeting'] textarea").fill(XSS)
    await page.keyboard.press("Control+s")  # still in the field: saves what is on screen
    await expect(cell(page, "greet")).to_contain_text('greeting = "<img')
    await expect(page.locator(".editor-page")).to_have_attribute("data-dirty", "false")
    stored = await cluster.get(f"/api/v1/graphs/{graph_id}")
    assert stored["nodes"][0]["values"] == {"greeting": XSS}
    await page.reload()
    await expect(cell(page, "greet")).to_contain_text('greeting = "<img')
    assert await page.locator("img").count() == 0

    await cluster.wait_workers(1)
    await page.get_by_role("button", name="Run", exact=True).click()
    await expect(page.locator(".run-page")).to_have_attribute(
        "data-status", "success", timeout=30_000
    )
    await page.locator("[data-cell-id='greet']").click()
    panel = page.locator(".node-panel[data-node='greet']")
    await expect(panel.locator("dd[data-value='greeting']")).to_have_text(XSS)
    output = panel.locator(".output[data-output='out']")
    await output.get_by_role("button", name="Preview").click()
    await expect(output.locator(".preview")).to_contain_text(f"said: {XSS}")
    await dashboard.screenshot("inline-value-xss")
    assert await page.locator("img[src='x']").count() == 0
    await page.wait_for_timeout(300)  # an injected onerror would have fired by now


async def test_a_value_on_an_input_that_also_has_an_edge_can_be_removed(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    greet = await greet_operation(cluster)
    graph_id = await new_graph(
        cluster,
        nodes=[
            {
                "id": "a",
                "operation": greet,
                "position": {"x": 0, "y": 0},
                "values": {"greeting": "x"},
            },
            {
                "id": "greet",
                "operation": greet,
                "position": {"x": 420, "y": 60},
                "values": {"greeting": "left over"},
            },
        ],
        edges=[{"src_node": "a", "src_port": "out", "dst_node": "greet", "dst_port": "greeting"}],
    )
    page = await open_editor(dashboard, graph_id)
    await page.get_by_role("button", name="Validate").click()
    await expect(page.get_by_test_id("problems")).to_contain_text("both an edge and a value")
    await page.get_by_test_id("problems").get_by_role("button", name="greet.greeting").click()
    stray = page.locator(".inline-value.stray[data-value='greeting']")
    await expect(stray).to_contain_text("left over")
    await expect(stray.get_by_role("alert")).to_contain_text("both an edge and a value")
    await stray.get_by_role("button", name="Remove the value").click()
    await expect(stray).to_have_count(0)
    await page.get_by_role("button", name="Validate").click()
    await expect(page.get_by_test_id("editor-message")).to_have_text("The graph is valid.")


async def test_the_editors_value_rules_are_the_servers(dashboard: Dashboard) -> None:
    from plynx.model import ResourceType
    from plynx.model.operation import Input
    from plynx.model.values import MAX_VALUE_BYTES, value_problem

    await dashboard.open("/graphs")
    texts = [
        "",
        "hello",
        "{bad",
        '{"a": 1}',
        "[1, 2",
        "é" * (MAX_VALUE_BYTES // 2 + 1),
        "x" * MAX_VALUE_BYTES,
    ]
    inputs = [
        {"name": "x", "type": t.value, "is_array": is_array}
        for t in ResourceType
        for is_array in (False, True)
    ]
    answers = await dashboard.page.evaluate(
        """async ([inputs, texts]) => {
          const { takesValue, valueProblem } = await import("/app/editor/inline_values.js");
          const ok = (i, t) => takesValue(i) && valueProblem(i.type, t) === null;
          return inputs.map((i) => texts.map((t) => ok(i, t)));
        }""",
        [inputs, texts],
    )
    for inp, row in zip(inputs, answers, strict=True):
        model = Input.model_validate(inp)
        for text, ok in zip(texts, row, strict=True):
            assert ok == (value_problem(model, text) is None), (inp, text[:20])
