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


async def test_an_incompatible_connection_is_refused_with_a_message_naming_both_types(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    make, _ = await make_and_sort(cluster)
    show = await create_operation(
        cluster,
        kind="bash_jinja2",
        title="Show image",
        inputs=[{"name": "img", "type": "image"}],
        code="true",
    )
    graph_id = await new_graph(
        cluster,
        nodes=[
            {"id": "make", "operation": make, "position": {"x": 0, "y": 0}},
            {"id": "show", "operation": show, "position": {"x": 400, "y": 100}},
        ],
    )
    page = await open_editor(dashboard, graph_id)
    await connect(page, ("make", "out"), ("show", "img"))
    message = page.get_by_test_id("editor-message")
    await expect(message).to_contain_text("a text output cannot feed a image input")
    await expect(page.locator(f"{CANVAS} .x6-edge")).to_have_count(0)
    await expect(page.locator(".editor-page")).to_have_attribute("data-dirty", "false")
    await dashboard.screenshot("editor-refused")


async def test_validation_problems_appear_on_the_node_and_its_port(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    make, sort = await make_and_sort(cluster)
    make_id = make["id"]
    graph_id = await new_graph(
        cluster, nodes=[{"id": "sort", "operation": sort, "position": {"x": 300, "y": 60}}]
    )
    page = await open_editor(dashboard, graph_id)
    await expect(page.get_by_role("button", name="↶ Undo")).to_be_disabled()
    await page.get_by_role("button", name="Validate").click()
    await expect(cell(page, "sort")).to_contain_text("1 problem")
    port = cell(page, "sort").locator("[port='in:lines']")
    await expect(port).to_have_attribute("fill", "#d93025")
    await expect(page.locator(".editor-page")).to_have_attribute("data-dirty", "false")
    problems = page.get_by_test_id("problems")
    await expect(problems).to_contain_text("sort.lines")
    await dashboard.screenshot("editor-validation")
    await problems.get_by_role("button", name="sort.lines").click()
    await expect(page.locator(".node-form")).to_have_attribute("data-node", "sort")
    await expect(page.locator(".editor-page")).to_have_attribute("data-dirty", "false")

    dashboard.allow("400")  # the refused run
    await page.get_by_role("button", name="Run", exact=True).click()
    await expect(page.locator(".toast-error")).to_contain_text("required input has no edge")
    await expect(page).to_have_url(re.compile(f"/graphs/{graph_id}/edit$"))

    # fixing the problem clears the node's marks at once; the list says to validate again
    await page.keyboard.press("Escape")
    await drop_operation(page, make_id, 60, 260)
    await connect(page, ("make_lines_1", "out"), ("sort", "lines"))
    await expect(cell(page, "sort")).not_to_contain_text("problem")
    await expect(port).not_to_have_attribute("fill", "#d93025")
    await page.locator(f"{CANVAS} .x6-graph-svg").click(position={"x": 600, "y": 400})
    await expect(page.get_by_test_id("stale-problems")).to_be_visible()
    await page.get_by_role("button", name="Validate").click()
    await expect(page.get_by_test_id("valid")).to_be_visible()


async def test_undo_and_redo_an_added_node(cluster: Cluster, dashboard: Dashboard) -> None:
    make, _ = await make_and_sort(cluster)
    graph_id = await new_graph(cluster)
    page = await open_editor(dashboard, graph_id)
    await drop_operation(page, make["id"], 200, 200)
    node = cell(page, "make_lines_1")
    await expect(node).to_have_count(1)
    await page.keyboard.press("Control+z")
    await expect(node).to_have_count(0)
    await page.keyboard.press("Control+Shift+z")
    await expect(node).to_have_count(1)
    await page.keyboard.press("Control+z")
    await expect(node).to_have_count(0)
    await page.keyboard.press("Control+y")
    await expect(node).to_have_count(1)
    # copy, paste, delete
    await node.click()
    await page.keyboard.press("Control+c")
    await page.keyboard.press("Control+v")
    await expect(cell(page, "make_lines_2")).to_have_count(1)
    await page.keyboard.press("Delete")
    await expect(cell(page, "make_lines_2")).to_have_count(0)
    await expect(node).to_have_count(1)
    # the shortcuts are listed
    await page.get_by_role("button", name="?").click()
    await expect(page.get_by_role("dialog", name="Keyboard shortcuts")).to_contain_text(
        "Ctrl+Shift+Z"
    )


async def test_an_edge_is_selected_by_a_click_and_deleted(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    make, sort = await make_and_sort(cluster)
    graph_id = await new_graph(
        cluster,
        nodes=[
            {"id": "make", "operation": make, "position": {"x": 0, "y": 0}},
            {"id": "sort", "operation": sort, "position": {"x": 400, "y": 0}},
        ],
        edges=[{"src_node": "make", "src_port": "out", "dst_node": "sort", "dst_port": "lines"}],
    )
    page = await open_editor(dashboard, graph_id)
    edge = page.locator(f"{CANVAS} .x6-edge")
    await expect(edge).to_have_count(1)
    middle = await page.evaluate(
        f"""() => {{
          const path = document.querySelector("{CANVAS} .x6-edge path");
          const p = path.getPointAtLength(path.getTotalLength() / 2);
          const m = path.getScreenCTM();
          return {{ x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f }};
        }}"""
    )
    await page.mouse.click(middle["x"], middle["y"])
    await page.keyboard.press("Backspace")
    await expect(edge).to_have_count(0)
    await page.keyboard.press("Control+z")
    await expect(edge).to_have_count(1)


async def test_a_file_dropped_on_the_canvas_is_uploaded_into_a_file_node(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    graph_id = await new_graph(cluster)
    page = await open_editor(dashboard, graph_id)
    await page.evaluate(
        """() => {
          const dt = new DataTransfer();
          dt.items.add(new File(["a,b\\n1,2\\n"], "data.csv", { type: "text/csv" }));
          const wrap = document.querySelector(".editor-canvas-wrap");
          const r = wrap.getBoundingClientRect();
          wrap.dispatchEvent(new DragEvent("drop", {
            dataTransfer: dt, clientX: r.x + 200, clientY: r.y + 200, bubbles: true,
            cancelable: true,
          }));
        }"""
    )
    node = cell(page, "data_csv_1")
    await expect(node).to_contain_text("file · data.csv")
    await expect(node).to_contain_text("out: csv")
    await dashboard.screenshot("editor-file-drop")
    await page.keyboard.press("Control+s")
    await expect(page.locator(".editor-page")).to_have_attribute("data-dirty", "false")
    stored = await cluster.get(f"/api/v1/graphs/{graph_id}")
    sha = stored["nodes"][0]["params"]["artifact"]
    status, body = await cluster.request("GET", f"/api/v1/artifacts/{sha}")
    assert status == 200 and body == "a,b\n1,2\n"
    result = await cluster.request(
        "POST", "/api/v1/graphs/validate", json={"nodes": stored["nodes"], "edges": []}
    )
    assert result == (200, {"ok": True, "problems": []})

    # the palette's button picks files too
    await page.locator(".editor-page input[type=file]").set_input_files(
        files=[{"name": "notes.txt", "mimeType": "text/plain", "buffer": b"hello\n"}]
    )
    await expect(cell(page, "notes_txt_1")).to_contain_text("out: text")


async def test_an_operation_title_with_markup_is_shown_as_text(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    evil = "<img src=x onerror=alert(1)>"
    op = await create_operation(
        cluster,
        kind="bash_jinja2",
        title=evil,
        outputs=[{"name": "out", "type": "text"}],
        code="echo hi > {{ outputs.out }}",
    )
    graph_id = await new_graph(cluster)
    page = await open_editor(dashboard, graph_id)
    item = page.locator(f".palette-item[data-operation='{op['id']}']")
    await expect(item).to_contain_text(evil)
    await drop_operation(page, op["id"], 200, 200)
    node = cell(page, "img_src_x_onerror_alert_1_1")
    await expect(node).to_contain_text("<img src=x")
    await expect(page.locator(".node-form h2")).to_have_text(evil)
    assert await page.locator("img").count() == 0
    await page.wait_for_timeout(300)  # an injected onerror would have fired by now


PAN = """async () => {
  const el = document.querySelector("[data-testid=editor-canvas]");
  const r = el.getBoundingClientRect();
  const frame = () => new Promise((done) => requestAnimationFrame(done));
  await frame();
  const times = [];
  let last = performance.now();
  const start = last;
  for (let i = 0; i < 60; i++) {
    const dx = i < 30 ? 25 : -25;
    el.dispatchEvent(new WheelEvent("wheel", {
      deltaX: dx, deltaY: dx / 2, clientX: r.x + r.width / 2, clientY: r.y + r.height / 2,
      bubbles: true, cancelable: true,
    }));
    await frame();
    const now = performance.now();
    times.push(now - last);
    last = now;
  }
  times.sort((a, b) => a - b);
  return { total: last - start, median: times[30], worst: times[59] };
}"""


FRAME = "new Promise((done) => requestAnimationFrame(() => done()))"


async def measure(page: Page, graph_id: str) -> dict[str, float]:
    """Open the editor on a graph (the app already loaded) and time what a user does."""
    started = await page.evaluate("performance.now()")
    await page.evaluate(f"history.pushState(null, '', '/graphs/{graph_id}/edit')")
    await page.evaluate("dispatchEvent(new PopStateEvent('popstate'))")
    ready = page.locator("[data-testid=editor-canvas][data-ready=true]")
    await expect(ready).to_have_count(1, timeout=60_000)
    figures = {"opened": await page.evaluate("performance.now()") - started}
    figures["render"] = float(await ready.get_attribute("data-render-ms") or "0")
    figures.update(await page.evaluate(PAN))
    await page.get_by_role("button", name="+", exact=True).click()
    await page.wait_for_timeout(500)  # nodes coming into view are drawn in idle time
    node = page.locator(f"{CANVAS} .x6-node").first
    before = await node.get_attribute("transform")
    box = await node.bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + 8
    drag_started = await page.evaluate("performance.now()")
    await page.mouse.move(x, y)
    await page.mouse.down()
    await page.mouse.move(x + 150, y + 90, steps=30)
    await page.mouse.up()
    await page.evaluate(FRAME)
    figures["drag"] = await page.evaluate("performance.now()") - drag_started
    assert await node.get_attribute("transform") != before  # the node moved
    layout_started = await page.evaluate("performance.now()")
    await page.get_by_role("button", name="Layout").click()
    await page.evaluate(FRAME)
    figures["layout"] = await page.evaluate("performance.now()") - layout_started
    return figures


def tree(operation: dict[str, Any], size: int) -> dict[str, Any]:
    """A binary tree of ``size`` nodes (no positions: the editor lays it out)."""
    nodes = [
        {"id": f"n{i}", "operation": operation, "params": {"flags": "-n"}} for i in range(size)
    ]
    edges = [
        {
            "src_node": f"n{(i - 1) // 2}",
            "src_port": "out",
            "dst_node": f"n{i}",
            "dst_port": "lines",
        }
        for i in range(1, size)
    ]
    return {"nodes": nodes, "edges": edges}


@pytest.mark.slow
async def test_a_300_node_graph_opens_and_pans_smoothly(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    _, sort = await make_and_sort(cluster)
    small = await new_graph(cluster, title="small", **tree(sort, 3))
    big = await new_graph(cluster, title="big", **tree(sort, 300))
    await dashboard.open("/graphs")
    reference = await measure(dashboard.page, small)  # the same steps on 3 nodes
    figures = await measure(dashboard.page, big)
    await dashboard.screenshot("editor-300-nodes")
    for name, f in (("3-node reference", reference), ("300-node editor", figures)):
        print(
            f"\n{name}: opened in {f['opened']:.0f} ms (canvas load + first frame"
            f" {f['render']:.0f} ms); 60 wheel-pan frames in {f['total']:.0f} ms (median"
            f" {f['median']:.1f} ms, worst {f['worst']:.1f} ms); a node dragged in 30 steps in"
            f" {f['drag']:.0f} ms; auto-layout {f['layout']:.0f} ms"
        )
    assert figures["opened"] < 30_000 and figures["median"] < 500
    assert await dashboard.page.locator(f"{CANVAS} .x6-node").count() > 0


async def test_parameters_are_edited_in_the_side_panel_and_leaving_unsaved_work_asks_first(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    _, sort = await make_and_sort(cluster)
    graph_id = await new_graph(
        cluster, nodes=[{"id": "sort", "operation": sort, "position": {"x": 0, "y": 0}}]
    )
    page = await open_editor(dashboard, graph_id)
    await cell(page, "sort").click()
    flags = page.get_by_label("flags")
    await expect(flags).to_have_attribute("placeholder", "default: -r")
    await flags.fill("-n")
    await flags.press("Tab")
    await expect(page.locator(".editor-page")).to_have_attribute("data-dirty", "true")

    await page.get_by_role("link", name="Graphs").click()  # asks, and stays when refused
    await expect(page).to_have_url(re.compile(f"/graphs/{graph_id}/edit$"))
    assert len(dashboard.dialogs) == 1 and "unsaved changes" in dashboard.dialogs[0]
    dashboard.dialogs.clear()

    await page.keyboard.press("Control+z")
    await expect(flags).to_have_value("")
    await page.keyboard.press("Control+y")
    await expect(flags).to_have_value("-n")
    title = page.get_by_label("Title on the canvas")
    await title.fill("Numeric sort")
    await title.press("Tab")
    await expect(cell(page, "sort")).to_contain_text("Numeric sort")
    await page.locator(".node-form h2").click()  # out of the fields: Ctrl+Z is the editor's
    await page.keyboard.press("Control+z")
    await expect(cell(page, "sort")).not_to_contain_text("Numeric sort")
    await expect(title).to_have_value("")
    await page.keyboard.press("Control+Shift+z")
    await expect(cell(page, "sort")).to_contain_text("Numeric sort")
    await cell(page, "sort").click()
    await flags.fill("-g")  # still in the field: Ctrl+S saves what is on screen
    await page.keyboard.press("Control+s")
    await expect(page.locator(".editor-page")).to_have_attribute("data-dirty", "false")
    stored = await cluster.get(f"/api/v1/graphs/{graph_id}")
    assert stored["nodes"][0]["params"] == {"flags": "-g"}
    assert stored["nodes"][0]["title"] == "Numeric sort"
    await page.get_by_role("link", name="Graphs").click()  # saved: no question
    await expect(page).to_have_url(re.compile("/graphs$"))


async def test_an_array_input_takes_edges_up_to_its_max_count(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    make, _ = await make_and_sort(cluster)
    join = await create_operation(
        cluster,
        kind="bash_jinja2",
        title="Join",
        inputs=[{"name": "parts", "type": "file", "is_array": True, "max_count": 2}],
        outputs=[{"name": "out", "type": "text"}],
        code="cat {{ inputs.parts }} > {{ outputs.out }}",
    )
    nodes = [
        {"id": f"m{i}", "operation": make, "position": {"x": 0, "y": 120 * i}} for i in range(3)
    ]
    nodes.append({"id": "join", "operation": join, "position": {"x": 420, "y": 120}})
    graph_id = await new_graph(cluster, nodes=nodes)
    page = await open_editor(dashboard, graph_id)
    for i in range(3):
        await connect(page, (f"m{i}", "out"), ("join", "parts"))
    await expect(page.get_by_test_id("editor-message")).to_contain_text("at most 2 edges")
    edges = page.locator(f"{CANVAS} .x6-edge")
    await expect(edges).to_have_count(2)
    await page.keyboard.press("Control+z")  # one step undoes one connection
    await expect(edges).to_have_count(1)
    await page.keyboard.press("Control+Shift+z")
    await expect(edges).to_have_count(2)


async def test_a_composite_node_opens_to_show_its_inside(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    make, sort = await make_and_sort(cluster)
    composite = {
        "kind": "composite",
        "title": "Sorted lines",
        "outputs": [{"name": "out", "type": "text"}],
        "output_bindings": {"out": "y.out"},
        "body": {
            "nodes": [{"id": "x", "operation": make}, {"id": "y", "operation": sort}],
            "edges": [{"src_node": "x", "src_port": "out", "dst_node": "y", "dst_port": "lines"}],
        },
    }
    graph_id = await new_graph(
        cluster, nodes=[{"id": "c", "operation": composite, "position": {"x": 0, "y": 0}}]
    )
    page = await open_editor(dashboard, graph_id)
    await cell(page, "c").dblclick()
    inside = page.get_by_role("dialog", name="Inside Sorted lines")
    await expect(inside.locator("[data-cell-id='y']")).to_contain_text("Sort lines")
    await expect(inside.locator("[data-cell-id='x']")).to_contain_text("Make lines")
    await dashboard.screenshot("editor-composite")
    await page.keyboard.press("Escape")
    await expect(inside).to_have_count(0)


async def test_the_editors_type_rules_are_the_servers(dashboard: Dashboard) -> None:
    from plynx.model import ResourceType
    from plynx.model.resources import connect_problem

    await dashboard.open("/graphs")
    # the built-in types, then those of the installed plugins, which the editor learns from
    # the server as its pages do
    answers = await dashboard.page.evaluate(
        """async () => {
          const { api } = await import("/app/api.js");
          const { connectProblem, registerResourceTypes, RESOURCE_TYPES } =
            await import("/app/editor/resources.js");
          const served = await api.get("/resource-types");
          registerResourceTypes(served);
          const types = served.filter((t) => !t.error).map((t) => t.name);
          const pairs = {};
          for (const s of types) for (const d of types) pairs[`${s}>${d}`] = connectProblem(s, d);
          return { pairs, known: RESOURCE_TYPES, types };
        }"""
    )
    types = answers["types"]
    assert types[:9] == [
        "file",
        "directory",
        "text",
        "csv",
        "tsv",
        "json",
        "image",
        "pdf",
        "executable",
    ]
    assert answers["known"] == types
    for s in types:
        for d in types:
            expected = connect_problem(ResourceType(s), ResourceType(d))
            assert answers["pairs"][f"{s}>{d}"] == expected, (s, d)


async def test_an_unknown_graph_or_operation_says_so(dashboard: Dashboard) -> None:
    dashboard.allow("404")
    await dashboard.open("/graphs/nope/edit")
    await expect(dashboard.page.locator("h1")).to_have_text("Graph not found")
    await dashboard.open("/operations/nope")
    await expect(dashboard.page.locator("h1")).to_have_text("Operation not found")
