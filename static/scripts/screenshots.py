"""Screenshots of the dashboard's main pages, in the light and the dark theme, for the README.

    python static/scripts/screenshots.py [--out docs/screenshots]

Starts an embedded PLynx (SQLite in a temporary directory, one local worker), loads the shipped
examples, runs one of them and a graph that fails, then opens each main page in headless
Chromium (``/usr/bin/chromium``) twice — ``prefers-color-scheme: light`` and ``dark`` — and
saves ``<page>-<theme>.png`` into ``--out``. Nothing else is written.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from pathlib import Path
from typing import Any

from playwright.async_api import Browser, Page, async_playwright

from plynx.cli.embedded import embedded_plynx, local_token, login_url
from plynx.cli.seed import load_examples
from plynx.client import PlynxClient
from plynx.model.graphfile import parse_graph_document
from plynx.settings import load_settings

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
FAILING = {
    "title": "Load the iris table",
    "operations": {
        "load": {
            "kind": "bash_jinja2",
            "title": "Load table",
            "outputs": {"table": "csv"},
            "code": "echo 'reading iris.csv'\necho 'ERROR: column \"petal\" not found' >&2\nexit 3",
        },
        "plot": {
            "kind": "bash_jinja2",
            "title": "Plot",
            "inputs": {"table": "csv"},
            "outputs": {"img": "image"},
            "code": "cp {{ inputs.table }} {{ outputs.img }}",
        },
    },
    "nodes": {"load": {"operation": "load"}, "plot": {"operation": "plot"}},
    "edges": ["load.table -> plot.table"],
}


async def prepare(client: PlynxClient) -> dict[str, str]:
    """The examples, a successful run of "Hello, PLynx" and a failed run; their ids."""
    await load_examples(client)
    async with asyncio.timeout(60):
        await client.wait_workers(1)
    graphs = await client.list_graphs(q="Hello")
    hello = next(g for g in graphs if g["title"].startswith("Hello"))
    ok = await client.request("POST", "/runs", json={"graph_id": hello["id"]})
    failed = (await client.submit(parse_graph_document(FAILING)[0])).run.id
    for run_id in (ok["run"]["id"], failed):
        async with asyncio.timeout(120):
            await client.wait_run(run_id)
    ops = await client.request("GET", "/operations", params={"kind": "bash_jinja2", "limit": 1})
    op = ops["items"][0]
    logreg = next(g for g in await client.list_graphs(q="Logistic") if g["title"].startswith("Log"))
    axes = {"lr": [1, 0.1, 0.01], "train.epochs": [5, 50]}
    sweep = await client.request(
        "POST", "/sweeps", json={"graph_id": logreg["id"], "parameters": axes}
    )
    for row in sweep["runs"]:
        async with asyncio.timeout(120):
            await client.wait_run(row["run_id"])
    return {
        "graph": hello["id"],
        "run": ok["run"]["id"],
        "failed": failed,
        "operation": op["id"],
        "sweep": sweep["sweep"]["id"],
        "trained": sweep["runs"][-1]["run_id"],
    }


def pages(ids: dict[str, str]) -> list[tuple[str, str, str]]:
    """(name, path, selector to wait for) of each page shown."""
    return [
        ("home", "/", "[data-testid=start-graphs]"),
        ("graphs", "/graphs", "tr[data-graph]"),
        (
            "graph-editor",
            f"/graphs/{ids['graph']}/edit",
            "[data-testid=editor-canvas][data-ready=true]",
        ),
        ("run", f"/runs/{ids['run']}", "[data-testid=run-graph] .x6-node"),
        ("run-failed", f"/runs/{ids['failed']}?node=load", "[data-testid=failure-summary]"),
        ("runs", "/runs", "tr[data-run]"),
        ("operations", "/operations", "tr[data-operation]"),
        (
            "operation-editor",
            f"/operations/{ids['operation']}",
            "[data-testid=code-editor] .cm-line",
        ),
        ("workers", "/workers", "h1"),
        ("sweep", f"/sweeps/{ids['sweep']}?chart=train.accuracy", "[data-testid=sweep-chart]"),
        ("run-metrics", f"/runs/{ids['trained']}?node=train", "[data-testid=metric-chart]"),
    ]


async def shoot(
    browser: Browser, url: str, token: str, ids: dict[str, str], out: Path
) -> list[Path]:
    saved = []
    for theme in ("light", "dark"):
        context = await browser.new_context(
            color_scheme=theme, viewport={"width": 1400, "height": 860}
        )
        page: Page = await context.new_page()
        await page.goto(login_url(url, token))  # the local server's cookie for this context
        for name, path, ready in pages(ids):
            await page.goto(url + path)
            await page.wait_for_selector(ready, timeout=60_000)
            await page.locator(ready).first.scroll_into_view_if_needed()
            await page.wait_for_timeout(400)  # fonts, layout, the last frame
            target = out / f"{name}-{theme}.png"
            await page.screenshot(path=str(target))
            saved.append(target)
        await context.close()
    return saved


async def main_async(out: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="plynx-shots-") as tmp:
        settings = load_settings(environ={}, data_dir=Path(tmp))
        async with (
            embedded_plynx(settings, workers=1, slots=2) as url,
            PlynxClient(url, local_token(settings.data_dir)) as client,
        ):
            ids = await prepare(client)
            async with async_playwright() as p:
                browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                try:
                    saved = await shoot(
                        browser, url, local_token(settings.data_dir) or "", ids, out
                    )
                finally:
                    await browser.close()
    for path in saved:
        print(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args: Any = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    asyncio.run(main_async(args.out))


if __name__ == "__main__":
    main()
