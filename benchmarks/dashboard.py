"""How the dashboard copes with large graphs, in headless Chromium (``/usr/bin/chromium``).

    python benchmarks/dashboard.py [--nodes 1000] [--huge 5000] [--runs 10000]

An embedded server (SQLite in a fresh temporary directory, no workers) holds a graph of
``--nodes`` nodes — a binary tree of one bash operation with an input, an output and a
parameter — and a run of it (its nodes stay pending: the drawing is what is measured). For the
graph editor and for the run view it prints:

* first render: from navigating to the page until its graph is drawn (the first frame after
  the canvas is ready), and all drawn: until X6 has drawn, in the background, every cell the
  first frame left out (the container's ``data-drawn``);
* pan: 60 steps, one per frame — wheel steps in the editor, a drag in the run view (its wheel
  scrolls the page): median and p95 frame time;
* zoom: 30 Ctrl+wheel steps (out, then in), one per frame: median and p95 frame time,
  with the graph fitted to the screen first (the "whole graph" view), and "settling": the
  longest frame in the 0.6 s after the last step, when the graph is drawn anew at the scale
  reached (during the gesture only the picture already drawn moves: ``static/app/viewport.js``);

and the same steps on a 10-node graph as a reference measured a moment before in the same
browser (the machine is shared: compare against it, not against the clock). Then a graph of
``--huge`` nodes is opened in both views, to show it stays usable.

Last, ``--runs`` finished runs (of a 20-node graph each) are written into the store through
the store API directly, and the runs page is opened, unfiltered and filtered by a status: from
navigating to it until its first rows are drawn (best of three), against the same page over the
10 runs of a fresh store.

Targets (issue 10): 1,000 nodes first render <= 1 s, pan and zoom frame p95 <= 33 ms; a
store with 10,000 runs opens its runs page in <= 1 s.
This is not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from playwright.async_api import Page, async_playwright

from plynx.cli.embedded import local_token, login_url, serving
from plynx.client import PlynxClient
from plynx.model import Edge, Graph, Node, NodeRun, NodeRunStatus, Operation, Run, RunStatus
from plynx.settings import Settings, load_settings
from plynx.store import open_store

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]

FRAMES = """async ([selector, steps, zoom]) => {
  const el = document.querySelector(selector);
  const r = el.getBoundingClientRect();
  const frame = () => new Promise((done) => requestAnimationFrame(done));
  await frame();
  await frame();
  const times = [];
  let last = performance.now();
  for (let i = 0; i < steps; i++) {
    const d = i < steps / 2 ? 40 : -40;
    el.dispatchEvent(new WheelEvent("wheel", {
      deltaX: zoom ? 0 : d, deltaY: zoom ? d : d / 2, ctrlKey: zoom,
      clientX: r.x + r.width / 2, clientY: r.y + r.height / 2, bubbles: true, cancelable: true,
    }));
    await frame();
    const now = performance.now();
    times.push(now - last);
    last = now;
  }
  // the frames after the gesture: the view drawn anew at the scale reached
  let settle = 0;
  const end = last + 600;
  while (last < end) {
    await frame();
    const now = performance.now();
    settle = Math.max(settle, now - last);
    last = now;
  }
  return { times, settle };
}"""

# a drag on the blank canvas (the run view pans by dragging: its wheel scrolls the page)
DRAG = """async ([selector, steps]) => {
  const el = document.querySelector(selector);
  const svg = el.querySelector("svg");
  const r = el.getBoundingClientRect();
  const frame = () => new Promise((done) => requestAnimationFrame(done));
  let x = r.x + r.width / 2;
  let y = r.y + r.height / 2;
  const mouse = (target, type) => target.dispatchEvent(new MouseEvent(type, {
    clientX: x, clientY: y, button: 0, buttons: type === "mouseup" ? 0 : 1,
    bubbles: true, cancelable: true, view: window,
  }));
  await frame();
  mouse(svg, "mousedown");
  await frame();
  const times = [];
  let last = performance.now();
  for (let i = 0; i < steps; i++) {
    const d = i < steps / 2 ? 12 : -12;
    x += d;
    y += d / 2;
    mouse(document.body, "mousemove");
    await frame();
    const now = performance.now();
    times.push(now - last);
    last = now;
  }
  mouse(document.body, "mouseup");
  return { times, settle: 0 };
}"""


def operation() -> dict[str, Any]:
    return {
        "kind": "bash_jinja2",
        "title": "Sort lines",
        "inputs": [{"name": "lines", "type": "text", "min_count": 0}],
        "outputs": [{"name": "out", "type": "text"}],
        "parameters": [{"name": "flags", "type": "str", "default": "-r"}],
        "code": "sort {{ params['flags'] }} {{ inputs.lines }} > {{ outputs.out }}",
    }


def tree(op: dict[str, Any], size: int, placed: bool = False) -> dict[str, Any]:
    """A binary tree of ``size`` nodes: without positions (the dashboard lays it out when it
    opens) or, ``placed``, with positions as a graph saved from the editor has them."""
    nodes = [{"id": f"n{i}", "operation": op, "params": {"flags": "-n"}} for i in range(size)]
    if placed:
        for i, node in enumerate(nodes):
            depth = (i + 1).bit_length() - 1
            node["position"] = {"x": depth * 300, "y": (i + 1 - 2**depth) * 110}
    edges = [
        {
            "src_node": f"n{(i - 1) // 2}",
            "src_port": "out",
            "dst_node": f"n{i}",
            "dst_port": "lines",
        }
        for i in range(1, size)
    ]
    return {"title": f"{size} nodes", "nodes": nodes, "edges": edges}


async def fill_runs(settings: Settings, count: int, nodes: int = 20) -> float:
    """Write ``count`` finished runs of a ``nodes``-node chain into the store, as the engine
    leaves them (every node run successful); seconds taken."""
    started = time.monotonic()
    op = Operation.model_validate({"id": uuid.uuid4().hex, **operation()})
    graph = Graph(
        id=uuid.uuid4().hex,
        title="chain",
        nodes=[Node(id=f"n{i}", operation=op, params={"flags": "-n"}) for i in range(nodes)],
        edges=[
            Edge(src_node=f"n{i - 1}", src_port="out", dst_node=f"n{i}", dst_port="lines")
            for i in range(1, nodes)
        ],
    )
    base = datetime.now(UTC) - timedelta(days=30)
    async with open_store(settings.store_url) as store:
        for i in range(count):
            at = base + timedelta(minutes=4 * i)
            run = Run(
                id=uuid.uuid4().hex,
                graph_id=graph.id,
                title=f"chain #{i}",
                graph=graph,
                status=RunStatus.SUCCESS if i % 7 else RunStatus.FAILED,
                created_at=at,
                started_at=at,
                finished_at=at + timedelta(seconds=90),
            )
            node_runs = [
                NodeRun(
                    id=uuid.uuid4().hex,
                    run_id=run.id,
                    node_id=n.id,
                    kind=op.kind,
                    status=NodeRunStatus.SUCCESS,
                )
                for n in graph.nodes
            ]
            await store.create_run(run, node_runs)
    return time.monotonic() - started


async def runs_page(url: str, context: Any, path: str) -> float:
    """Best of three: ms from navigating to ``path`` until its first rows are drawn."""
    page = await context.new_page()
    await page.goto(url + "/graphs")
    await page.wait_for_selector("header.topbar")
    times = []
    for _ in range(3):
        await goto(page, "/graphs", "header.topbar")
        times.append(await goto(page, path, "table.runs tr[data-run]"))
    await page.close()
    return min(times)


async def measure_runs_page(args: argparse.Namespace, browser: Any) -> None:
    """The runs page over a fresh store of 10 runs, then over one of ``args.runs`` runs."""
    figures: dict[tuple[int, str], float] = {}
    paths = ("/runs", "/runs?status=failed")
    for count in (10, args.runs):
        with tempfile.TemporaryDirectory(prefix="plynx-dash-runs-") as tmp:
            settings = replace(load_settings(environ={}, data_dir=Path(tmp)), local_mode=True)
            filled = await fill_runs(settings, count)
            print(f"{count} runs written into the store in {filled:.1f} s")
            async with serving(settings, port=0) as url:
                context = await browser.new_context(viewport={"width": 1400, "height": 900})
                token = local_token(settings.data_dir) or ""
                await (await context.new_page()).goto(login_url(url, token))
                for path in paths:
                    figures[count, path] = await runs_page(url, context, path)
                await context.close()
    for path in paths:
        print(
            f"runs page {path}: {figures[10, path]:.0f} ms over 10 runs (reference),"
            f" {figures[args.runs, path]:.0f} ms over {args.runs} runs"
        )


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


async def goto(page: Page, path: str, ready: str) -> float:
    """Route the loaded app to ``path``; ms until ``ready`` is drawn (one frame after)."""
    started = await page.evaluate("performance.now()")
    await page.evaluate(f"history.pushState(null, '', '{path}')")
    await page.evaluate("dispatchEvent(new PopStateEvent('popstate'))")
    await page.wait_for_selector(ready, timeout=120_000)
    await page.evaluate("new Promise((done) => requestAnimationFrame(() => done()))")
    return float(await page.evaluate("performance.now()")) - float(started)


async def measure(
    page: Page, path: str, ready: str, box: str, fit: str | None, drag: bool
) -> dict[str, Any]:
    figures: dict[str, Any] = {"render": await goto(page, path, ready)}
    # the editor says how long its canvas took, from the graph's arrival to the first frame
    drawn = await page.locator(box).first.get_attribute("data-render-ms")
    figures["canvas"] = float(drawn) if drawn else None
    # X6 draws what the first frame left out in the background: until all is drawn
    started = float(await page.evaluate("performance.now()")) - figures["render"]
    await page.wait_for_selector(f"{box}[data-drawn=true]", timeout=120_000)
    figures["drawn"] = float(await page.evaluate("performance.now()")) - started
    pan = await page.evaluate(DRAG if drag else FRAMES, [box, 60, False])
    figures["pan"] = pan["times"]
    if fit:
        await page.get_by_role("button", name=fit).click()
    zoom = await page.evaluate(FRAMES, [box, 30, True])
    figures["zoom"], figures["settle"] = zoom["times"], zoom["settle"]
    figures["nodes"] = await page.locator(f"{box} .x6-node").count()
    figures["low_detail"] = await page.locator(f"{box}.lod-low, {box} .lod-low").count() > 0
    return figures


def show(name: str, f: dict[str, Any]) -> None:
    pan, zoom = f["pan"], f["zoom"]
    canvas = f" (canvas {f['canvas']:.0f})" if f["canvas"] is not None else ""
    print(
        f"  {name:<22} first render {f['render']:6.0f} ms{canvas}, all drawn {f['drawn']:6.0f} ms"
        f" | pan frame median {statistics.median(pan):5.1f} p95 {p95(pan):5.1f} ms"
        f" | zoom frame median {statistics.median(zoom):5.1f} p95 {p95(zoom):5.1f} ms,"
        f" settling {f['settle']:4.0f} ms | nodes drawn {f['nodes']}"
        f"{' | low detail' if f['low_detail'] else ''}"
    )


async def main_async(args: argparse.Namespace) -> None:
    if args.only_runs:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            await measure_runs_page(args, browser)
            await browser.close()
        return
    with tempfile.TemporaryDirectory(prefix="plynx-dash-bench-") as tmp:
        settings = replace(load_settings(environ={}, data_dir=Path(tmp)), local_mode=True)
        async with (
            serving(settings, port=0) as url,
            PlynxClient(url, local_token(settings.data_dir)) as client,
        ):
            ids: dict[int, tuple[str, str]] = {}
            placed = await client.request(
                "POST", "/graphs", json=tree(operation(), args.nodes, placed=True)
            )
            for size in (10, args.nodes, args.huge) if args.huge else (10, args.nodes):
                started = time.monotonic()
                graph = await client.request("POST", "/graphs", json=tree(operation(), size))
                run = await client.request("POST", "/runs", json={"graph_id": graph["id"]})
                ids[size] = (graph["id"], run["run"]["id"])
                print(f"{size}-node graph and run stored in {time.monotonic() - started:.1f} s")
            async with async_playwright() as p:
                browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                page = await browser.new_page(viewport={"width": 1400, "height": 900})
                await page.goto(login_url(url, local_token(settings.data_dir) or ""))
                await page.goto(url + "/graphs")
                await page.wait_for_selector("header.topbar")
                editor = "[data-testid=editor-canvas][data-ready=true]"
                run_view = "[data-testid=run-graph] .x6-node"
                canvas, run_box = "[data-testid=editor-canvas]", "[data-testid=run-graph] .x6-graph"
                edit = {"ready": editor, "box": canvas, "fit": "Fit", "drag": False}
                view = {"ready": run_view, "box": run_box, "fit": None, "drag": True}
                for size in (10, args.nodes):
                    graph_id, run_id = ids[size]
                    print(f"{size} nodes:")
                    show("graph editor", await measure(page, f"/graphs/{graph_id}/edit", **edit))
                    show("run view", await measure(page, f"/runs/{run_id}", **view))
                if args.runs:
                    await measure_runs_page(args, browser)
                print(f"{args.nodes} nodes with saved positions (no layout on opening):")
                path = f"/graphs/{placed['id']}/edit"
                show("graph editor", await measure(page, path, **edit))
                if not args.huge:
                    await browser.close()
                    return
                graph_id, run_id = ids[args.huge]
                print(f"{args.huge} nodes:")
                show("graph editor", await measure(page, f"/graphs/{graph_id}/edit", **edit))
                show("run view", await measure(page, f"/runs/{run_id}", **view))
                await browser.close()
    print(
        "targets: 1,000 nodes first render <= 1000 ms, pan and zoom frame p95 <= 33 ms;"
        " runs page over 10,000 runs <= 1000 ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nodes", type=int, default=1000)
    parser.add_argument("--huge", type=int, default=5000, help="0: skip the huge graph")
    parser.add_argument("--runs", type=int, default=10000, help="0: skip the runs page")
    parser.add_argument("--only-runs", action="store_true", help="measure the runs page only")
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
