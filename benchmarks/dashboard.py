"""How the dashboard copes with large graphs, in headless Chromium (``/usr/bin/chromium``).

    python benchmarks/dashboard.py [--nodes 1000] [--huge 5000]

An embedded server (SQLite in a fresh temporary directory, no workers) holds a graph of
``--nodes`` nodes — a binary tree of one bash operation with an input, an output and a
parameter — and a run of it (its nodes stay pending: the drawing is what is measured). For the
graph editor and for the run view it prints:

* first render: from navigating to the page until its graph is drawn (the first frame after
  the canvas is ready);
* pan: 60 wheel events, one per frame: median and p95 frame time;
* zoom: 30 Ctrl+wheel steps (out, then in), one per frame: median and p95 frame time,
  with the graph fitted to the screen first (the "whole graph" view);

and the same steps on a 10-node graph as a reference measured a moment before in the same
browser (the machine is shared: compare against it, not against the clock). Then a graph of
``--huge`` nodes is opened in the editor and panned, to show it stays usable.

Targets (issue 10): 1,000 nodes first render <= 1 s, pan and zoom frame p95 <= 33 ms.
This is not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from playwright.async_api import Page, async_playwright

from plynx.cli.embedded import local_token, login_url, serving
from plynx.client import PlynxClient
from plynx.settings import load_settings

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
  return times;
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


async def measure(page: Page, path: str, ready: str, box: str, fit: str | None) -> dict[str, Any]:
    figures: dict[str, Any] = {"render": await goto(page, path, ready)}
    figures["pan"] = await page.evaluate(FRAMES, [box, 60, False])
    if fit:
        await page.get_by_role("button", name=fit).click()
    figures["zoom"] = await page.evaluate(FRAMES, [box, 30, True])
    figures["drawn"] = await page.locator(f"{box} .x6-node").count()
    figures["low_detail"] = await page.locator(f"{box}.lod-low, {box} .lod-low").count() > 0
    return figures


def show(name: str, f: dict[str, Any]) -> None:
    pan, zoom = f["pan"], f["zoom"]
    print(
        f"  {name:<22} first render {f['render']:6.0f} ms | pan frame median"
        f" {statistics.median(pan):5.1f} p95 {p95(pan):5.1f} ms | zoom frame median"
        f" {statistics.median(zoom):5.1f} p95 {p95(zoom):5.1f} ms | nodes drawn {f['drawn']}"
        f"{' | low detail' if f['low_detail'] else ''}"
    )


async def main_async(args: argparse.Namespace) -> None:
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
                for size in (10, args.nodes):
                    graph_id, run_id = ids[size]
                    print(f"{size} nodes:")
                    show(
                        "graph editor",
                        await measure(page, f"/graphs/{graph_id}/edit", editor, canvas, "Fit"),
                    )
                    show(
                        "run view", await measure(page, f"/runs/{run_id}", run_view, run_box, None)
                    )
                print(f"{args.nodes} nodes with saved positions (no layout on opening):")
                path = f"/graphs/{placed['id']}/edit"
                show("graph editor", await measure(page, path, editor, canvas, "Fit"))
                if not args.huge:
                    await browser.close()
                    return
                graph_id, run_id = ids[args.huge]
                print(f"{args.huge} nodes:")
                show(
                    "graph editor",
                    await measure(page, f"/graphs/{graph_id}/edit", editor, canvas, "Fit"),
                )
                show("run view", await measure(page, f"/runs/{run_id}", run_view, run_box, None))
                await browser.close()
    print("targets: 1,000 nodes first render <= 1000 ms, pan and zoom frame p95 <= 33 ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nodes", type=int, default=1000)
    parser.add_argument("--huge", type=int, default=5000, help="0: skip the huge graph")
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
