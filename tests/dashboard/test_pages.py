"""The dashboard's pages and its vendored modules, in Chromium."""

from __future__ import annotations

import json

import pytest
from e2e.conftest import Cluster, bash
from playwright.async_api import Locator, expect

from .conftest import Dashboard

pytestmark = [pytest.mark.browser, pytest.mark.slow]

XSS = "<img src=x onerror=alert(1)>"


async def test_every_vendored_module_loads_and_the_editor_stack_works(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    await dashboard.open("/runs")
    page = dashboard.page
    imports = json.loads(await page.locator("script[type=importmap]").text_content() or "{}")
    specifiers = sorted(imports["imports"])
    exported = await page.evaluate(
        "async (specs) => Promise.all(specs.map(async (s) => Object.keys(await import(s)).length))",
        specifiers,
    )
    assert all(n > 0 for n in exported), dict(zip(specifiers, exported, strict=True))
    drawn = await page.evaluate(
        """async () => {
          const { Graph } = await import('@antv/x6');
          const { Selection } = await import('@antv/x6-plugin-selection');
          const { Keyboard } = await import('@antv/x6-plugin-keyboard');
          const { History } = await import('@antv/x6-plugin-history');
          const dagre = (await import('@dagrejs/dagre')).default;
          const { EditorView, basicSetup } = await import('codemirror');
          const { python } = await import('@codemirror/lang-python');
          const { StreamLanguage } = await import('@codemirror/language');
          const { shell } = await import('@codemirror/legacy-modes/mode/shell');
          const box = document.createElement('div');
          box.style.cssText = 'width:400px;height:300px';
          document.body.append(box);
          const graph = new Graph({ container: box });
          graph.use(new Selection({ enabled: true }));
          graph.use(new Keyboard({ enabled: true }));
          graph.use(new History({ enabled: true }));
          graph.addNode({ id: 'n', x: 10, y: 10, width: 80, height: 30, label: 'hi' });
          graph.undo();
          const g = new dagre.graphlib.Graph();
          g.setGraph({}); g.setDefaultEdgeLabel(() => ({}));
          g.setNode('a', { width: 10, height: 10 }); g.setNode('b', { width: 10, height: 10 });
          g.setEdge('a', 'b'); dagre.layout(g);
          const py = new EditorView({
            doc: 'x = 1', extensions: [basicSetup, python()], parent: box });
          const sh = new EditorView({
            doc: 'echo $HOME', extensions: [basicSetup, StreamLanguage.define(shell)],
            parent: box });
          return { cells: graph.getCells().length, below: g.node('b').y > g.node('a').y,
                   editors: document.querySelectorAll('.cm-editor').length,
                   code: py.state.doc.toString() + '|' + sh.state.doc.toString() };
        }"""
    )
    assert drawn == {"cells": 0, "below": True, "editors": 2, "code": "x = 1|echo $HOME"}


async def test_the_workers_page_lists_workers_as_they_connect(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    cluster.start_worker(slots=3)
    await cluster.wait_workers(1)
    await dashboard.open("/workers")
    rows = dashboard.page.locator("tr[data-worker]")
    await expect(rows).to_have_count(1)
    await expect(rows.first).to_contain_text("bash_jinja2")
    await expect(rows.first).to_contain_text("0 / 3")
    await expect(rows.first).to_contain_text("idle")
    cluster.start_worker(slots=1)
    await expect(rows).to_have_count(2)  # live, without a reload

    # what a worker runs: the node, linked to its run
    gate = cluster.tmp / "gate"
    doc = {
        "operations": {"wait": bash(f"while [ ! -e {gate} ]; do sleep 0.05; done")},
        "nodes": {"waiting": {"operation": "wait"}},
    }
    run_id = await cluster.submit(doc)
    await cluster.wait_node(run_id, "waiting", "running")
    holder = dashboard.page.locator("[data-node-run]")
    await expect(holder).to_contain_text("waiting", timeout=15000)  # the 10 s refresh at most
    await dashboard.screenshot("workers")
    await holder.get_by_role("link", name="waiting").click()
    await expect(dashboard.page).to_have_url(f"{cluster.url}/runs/{run_id}?node=waiting")
    gate.write_text("go")
    assert (await cluster.wait_run(run_id))["run"]["status"] == "success"


async def test_a_csv_output_previews_as_a_table(cluster: Cluster, dashboard: Dashboard) -> None:
    cluster.start_worker()
    await cluster.wait_workers(1)
    doc = {
        "title": "table maker",
        "operations": {
            "table": {
                "kind": "bash_jinja2",
                "title": "Make a table",
                "outputs": {"out": "csv"},
                "code": "printf 'name,value\\nalpha,1\\nbeta,2\\n' > {{ outputs.out }}",
            }
        },
        "nodes": {"t": {"operation": "table"}},
    }
    run = await cluster.wait_run(await cluster.submit(doc))
    assert run["run"]["status"] == "success"
    await dashboard.open(f"/runs/{run['run']['id']}?node=t")
    output = dashboard.page.locator(".output[data-output='out']")
    await output.get_by_role("button", name="Preview").click()
    table = output.locator(".preview[data-kind='table'] table")
    await expect(table.locator("th")).to_have_text(["name", "value"])
    await expect(table.locator("tbody tr")).to_have_count(2)
    await expect(table.locator("tbody tr").first.locator("td")).to_have_text(["alpha", "1"])
    await dashboard.screenshot("csv-preview")

    async with dashboard.page.expect_download() as download_info:
        await output.get_by_role("button", name="Download").click()
    download = await download_info.value
    saved = await download.path()
    assert saved.read_text() == "name,value\nalpha,1\nbeta,2\n"


async def test_user_text_is_shown_as_text_never_as_html(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    cluster.start_worker()
    await cluster.wait_workers(1)
    status, graph = await cluster.request("POST", "/api/v1/graphs", json={"title": XSS})
    assert status == 201, graph
    operation = {"kind": "bash_jinja2", "title": XSS, "description": XSS, "code": "true"}
    status, body = await cluster.request("POST", "/api/v1/operations", json=operation)
    assert status == 201, body
    doc = {
        "title": XSS,
        "operations": {"evil": bash(f"echo '{XSS}'", title=XSS)},
        "nodes": {"a": {"operation": "evil"}},
    }
    run = await cluster.wait_run(await cluster.submit(doc))
    assert run["run"]["status"] == "success"
    page = dashboard.page

    await dashboard.open("/graphs")
    await expect(page.locator(f"tr[data-graph='{graph['id']}']")).to_contain_text(XSS)
    await dashboard.open("/operations")
    await expect(page.locator(f"tr[data-operation='{body['id']}']")).to_contain_text(XSS)
    await dashboard.open("/runs")
    await expect(page.locator(f"tr[data-run='{run['run']['id']}']")).to_contain_text(XSS)
    await dashboard.open(f"/runs/{run['run']['id']}?node=a")
    await expect(page.locator(".run-head h1")).to_have_text(XSS)
    await expect(page.locator(".node-panel h2")).to_contain_text(XSS)
    await expect(page.locator(".node-panel .log pre")).to_have_text(XSS + "\n")
    await expect(page.locator("[data-cell-id='a']")).to_contain_text("<img src=x")
    await dashboard.screenshot("xss-as-text")
    assert await page.locator("img[src='x']").count() == 0
    assert not dashboard.dialogs


# a 1x1 red PNG
PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0g"
    "AAAABJRU5ErkJggg=="
)


async def test_image_json_and_directory_outputs_preview(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    cluster.start_worker()
    await cluster.wait_workers(1)
    code = (
        "import base64, json, os\n"
        f"open(outputs['img'], 'wb').write(base64.b64decode('{PNG}'))\n"
        "json.dump({'scores': [1, 2], 'name': '<b>x</b>'}, open(outputs['doc'], 'w'))\n"
        "os.makedirs(os.path.join(outputs['tree'], 'sub'), exist_ok=True)\n"
        "open(os.path.join(outputs['tree'], 'sub', 'a.txt'), 'w').write('hi')\n"
    )
    doc = {
        "title": "outputs",
        "operations": {
            "make": {
                "kind": "python",
                "outputs": {"img": "image", "doc": "json", "tree": "directory"},
                "code": code,
            }
        },
        "nodes": {"m": {"operation": "make"}},
    }
    run = await cluster.wait_run(await cluster.submit(doc))
    assert run["run"]["status"] == "success", run
    page = dashboard.page
    await dashboard.open(f"/runs/{run['run']['id']}?node=m")

    async def preview(port: str, kind: str) -> Locator:
        output = page.locator(f".output[data-output='{port}']")
        await output.get_by_role("button", name="Preview").click()
        shown = output.locator(f".preview[data-kind='{kind}']")
        await expect(shown).to_be_visible()
        return shown

    image = (await preview("img", "image")).locator("img")
    await expect(image).to_have_js_property("naturalWidth", 1)
    tree = await preview("doc", "json")
    await expect(tree).to_contain_text('"name": "<b>x</b>"')
    await expect(tree).to_contain_text("2 items")
    listing = await preview("tree", "directory")
    await expect(listing).to_contain_text("sub/a.txt")
    await dashboard.screenshot("previews")
