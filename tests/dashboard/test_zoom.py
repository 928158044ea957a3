"""Zooming and panning big graphs (static/app/viewport.js): during a wheel or drag gesture the
picture already drawn moves as one layer and the graph is drawn anew once, when the gesture
settles, around the pointer, with the level of detail of the scale reached. A press right
after a gesture acts on what the user sees. The speed itself is measured by
``benchmarks/dashboard.py``."""

from __future__ import annotations

import re
from typing import Any

import pytest
from e2e.conftest import Cluster, bash
from playwright.async_api import Page, expect

from .conftest import Dashboard
from .test_editor import CANVAS, create_operation, new_graph, tree

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SIZE = 300
RUN_BOX = "[data-testid=run-graph] .x6-graph"

# Ctrl+wheel (or plain wheel) steps at (x, y), one per frame; counts how often X6's viewport
# transform was rewritten while they came, and after they stopped
GESTURE = """async ([selector, x, y, steps, dx, dy, ctrl]) => {
  const box = document.querySelector(selector);
  const viewport = box.querySelector(".x6-graph-svg-viewport");
  const writes = { during: 0, after: 0 };
  let phase = "during";
  const watch = new MutationObserver((changes) => { writes[phase] += changes.length; });
  watch.observe(viewport, { attributes: true, attributeFilter: ["transform"] });
  const frame = () => new Promise((done) => requestAnimationFrame(done));
  await frame();
  for (let i = 0; i < steps; i++) {
    box.dispatchEvent(new WheelEvent("wheel", {
      deltaX: dx, deltaY: dy, ctrlKey: ctrl, clientX: x, clientY: y,
      bubbles: true, cancelable: true,
    }));
    await frame();
  }
  await new Promise((done) => setTimeout(done, 0));
  const pending = writes.during;
  phase = "after";
  await new Promise((done) => setTimeout(done, 600));
  await frame();
  watch.disconnect();
  return { during: pending, after: writes.after };
}"""


async def centre(page: Page, selector: str) -> dict[str, float]:
    """Where a node's box is on the screen (its texts and ports left out: they come and go
    with the level of detail)."""
    box = await page.locator(f"{selector} rect").first.bounding_box()
    assert box is not None, selector
    return {
        "x": box["x"] + box["width"] / 2,
        "y": box["y"] + box["height"] / 2,
        "w": box["width"],
    }


def stayed(before: dict[str, float], after: dict[str, float]) -> bool:
    """Whether a zoom with the pointer at ``before`` (whole pixels: a wheel event's) kept the
    point under the pointer where it was."""
    k = after["w"] / before["w"]
    x, y = int(before["x"]), int(before["y"])
    return (
        abs(x + (before["x"] - x) * k - after["x"]) < 2
        and abs(y + (before["y"] - y) * k - after["y"]) < 2
    )


async def big_run(cluster: Cluster, dashboard: Dashboard) -> Page:
    nodes = {f"n{i}": {"operation": "noop"} for i in range(SIZE)}
    edges = [f"n{(i - 1) // 2}.out -> n{i}.in" for i in range(1, SIZE)]
    run_id = await cluster.submit(
        {"title": "big", "operations": {"noop": bash("true")}, "nodes": nodes, "edges": edges}
    )
    await dashboard.open(f"/runs/{run_id}")
    page = dashboard.page
    await expect(page.locator(f"{RUN_BOX}[data-drawn=true]")).to_have_count(1, timeout=60_000)
    await expect(page.locator(RUN_BOX)).to_have_class(re.compile(r"\blod-low\b"))
    return page


async def gesture(page: Page, selector: str, at: dict[str, float], **kw: Any) -> dict[str, int]:
    args = [selector, at["x"], at["y"], kw["steps"], kw.get("dx", 0), kw["dy"], kw["ctrl"]]
    writes: dict[str, int] = await page.evaluate(GESTURE, args)
    return writes


async def test_a_wheel_zoom_moves_the_picture_and_draws_the_graph_once_around_the_pointer(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    page = await big_run(cluster, dashboard)
    node = f"{RUN_BOX} [data-cell-id='n20']"
    before = await centre(page, node)
    # zoom in by 1.2^12 (about 9 times), the pointer on node n20
    writes = await gesture(page, RUN_BOX, before, steps=12, dy=-100, ctrl=True)
    # X6 redrew the whole graph on every step (24 writes: a translation and a scale each); now
    # the picture moves, and the graph is drawn anew when the gesture settles (and on the way,
    # when the picture has grown three times too big, or the steps paused: a slow machine)
    assert writes["during"] + writes["after"] <= 8, writes
    after = await centre(page, node)
    assert stayed(before, after), (before, after)  # the point under the pointer stays
    assert 8 < after["w"] / before["w"] < 10
    # readable now: texts instead of coloured boxes
    await expect(page.locator(RUN_BOX)).not_to_have_class(re.compile(r"\blod-low\b"))
    text = page.locator(node).locator("text").first
    assert await text.evaluate("(el) => getComputedStyle(el).display") != "none"
    await dashboard.screenshot("run-zoomed-in")

    # and back out, around another point: the picture shrinks and is drawn again once
    writes = await gesture(page, RUN_BOX, {"x": 300, "y": 400}, steps=12, dy=100, ctrl=True)
    assert writes["during"] <= 2 and 1 <= writes["after"] <= 2, writes
    await expect(page.locator(RUN_BOX)).to_have_class(re.compile(r"\blod-low\b"))


async def test_a_click_right_after_a_zoom_selects_the_node_seen_under_the_pointer(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    page = await big_run(cluster, dashboard)
    node = f"{RUN_BOX} [data-cell-id='n20']"
    at = await centre(page, node)
    await page.evaluate(
        """([selector, x, y]) => {
          const box = document.querySelector(selector);
          for (let i = 0; i < 8; i++) box.dispatchEvent(new WheelEvent("wheel", {
            deltaY: -100, ctrlKey: true, clientX: x, clientY: y, bubbles: true, cancelable: true,
          }));
        }""",
        [RUN_BOX, at["x"], at["y"]],
    )
    # at once, before the gesture settles: the click goes where the (moved) picture shows n20
    seen = await centre(page, node)
    await page.mouse.click(seen["x"], seen["y"])
    await expect(page).to_have_url(re.compile(r"[?&]node=n20\b"))


async def test_dragging_a_big_run_graph_pans_it_and_draws_it_once_released(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    page = await big_run(cluster, dashboard)
    node = f"{RUN_BOX} [data-cell-id='n0']"
    before = await centre(page, node)
    viewport = page.locator(f"{RUN_BOX} .x6-graph-svg-viewport")
    transform = await viewport.get_attribute("transform")
    box = await page.locator(RUN_BOX).bounding_box()
    assert box is not None
    x, y = box["x"] + 10, box["y"] + box["height"] - 10  # a blank corner
    await page.mouse.move(x, y)
    await page.mouse.down()
    await page.mouse.move(x + 120, y - 60, steps=12)
    moved = await centre(page, node)
    assert abs(moved["x"] - before["x"] - 120) < 3 and abs(moved["y"] - before["y"] + 60) < 3
    assert await viewport.get_attribute("transform") == transform  # not redrawn yet
    await page.mouse.up()
    await expect(viewport).not_to_have_attribute("transform", transform or "")
    after = await centre(page, node)
    assert abs(after["x"] - moved["x"]) < 3 and abs(after["y"] - moved["y"]) < 3
    # a click (no drag) still selects
    await page.mouse.click(after["x"], after["y"])
    await expect(page).to_have_url(re.compile(r"[?&]node=n0\b"))


async def test_the_editor_zooms_with_ctrl_wheel_and_pans_with_the_wheel_in_one_redraw_each(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    sort = await create_operation(
        cluster,
        kind="bash_jinja2",
        title="Sort lines",
        inputs=[{"name": "lines", "type": "text", "min_count": 0}],
        outputs=[{"name": "out", "type": "text"}],
        code="sort {{ inputs.lines }} > {{ outputs.out }}",
    )
    graph_id = await new_graph(cluster, title="big", **tree(sort, SIZE))
    await dashboard.open(f"/graphs/{graph_id}/edit")
    page = dashboard.page
    await expect(page.locator(f"{CANVAS}[data-drawn=true]")).to_have_count(1, timeout=60_000)
    node = f"{CANVAS} [data-cell-id='n3']"
    before = await centre(page, node)
    writes = await gesture(page, CANVAS, before, steps=10, dy=-100, ctrl=True)
    assert writes["during"] + writes["after"] <= 8, writes  # X6: 20
    after = await centre(page, node)
    assert stayed(before, after), (before, after)
    assert after["w"] > 5 * before["w"]
    # the plain wheel pans: 10 steps of 30 px right and 20 px down move the graph the other way
    writes = await gesture(page, CANVAS, after, steps=10, dx=30, dy=20, ctrl=False)
    assert 1 <= writes["during"] + writes["after"] <= 3, writes  # X6: 10
    panned = await centre(page, node)
    assert abs(after["x"] - panned["x"] - 300) < 3 and abs(after["y"] - panned["y"] - 200) < 3
    # Fit, right after a wheel gesture, wins over it
    await gesture(page, CANVAS, after, steps=3, dy=-100, ctrl=True)
    await page.get_by_role("button", name="Fit").click()
    await expect(page.locator(f"{CANVAS}.lod-low")).to_have_count(1)


async def test_a_one_finger_drag_pans_a_big_run_graph(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    page = await big_run(cluster, dashboard)
    node = f"{RUN_BOX} [data-cell-id='n0']"
    before = await centre(page, node)
    box = await page.locator(RUN_BOX).bounding_box()
    assert box is not None
    x, y = box["x"] + 10, box["y"] + box["height"] - 10  # a blank corner
    cdp = await page.context.new_cdp_session(page)

    async def touch(kind: str, at: tuple[float, float] | None) -> None:
        points = [{"x": at[0], "y": at[1]}] if at else []
        await cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    await touch("touchStart", (x, y))
    for i in range(1, 11):
        await touch("touchMove", (x + 10 * i, y - 5 * i))
    await touch("touchEnd", None)
    after = await centre(page, node)
    assert abs(after["x"] - before["x"] - 100) < 3 and abs(after["y"] - before["y"] + 50) < 3
