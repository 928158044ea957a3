"""Plugins in the dashboard: kinds show their icons in the palette, and a plugin that failed
to load is shown there with why, not only written to a log."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from e2e.conftest import Cluster, bash
from playwright.async_api import expect

from .conftest import Dashboard

Install = Callable[[str, str], str]  # the ``install`` fixture (tests/conftest.py)


@pytest.fixture
def plugins(install: Install) -> str:
    """A working plugin kind with an icon, and a broken one; installed before the server
    starts (the registry is read at start-up). Returns the broken plugin's name."""
    install(
        "[plynx.nodes]\nstamp = {module}:Stamp\n",
        """
        from plynx.api import BaseNode

        class Stamp(BaseNode):
            plynx_api = ">=1.0,<2"
            title = "Stamp"
            icon = "✶"
            color = "#c2255c"

            async def run(self, ctx):
                return 0
        """,
    )
    return install("[plynx.nodes]\nbroken_kind = {module}:Kind\n", "raise RuntimeError('boom')\n")


@pytest.mark.browser
async def test_the_palette_shows_plugin_icons_and_plugins_that_failed(
    plugins: str, cluster: Cluster, dashboard: Dashboard
) -> None:
    status, graph = await cluster.request("POST", "/api/v1/graphs", json={"title": "g"})
    assert status == 201
    await dashboard.open(f"/graphs/{graph['id']}/edit")
    page = dashboard.page
    broken = page.locator(".palette-broken")
    await expect(broken).to_contain_text("1 plugin kind failed to load")
    await expect(broken.locator("li[data-kind='broken_kind']")).to_contain_text(
        f"({plugins}): plugin {plugins} (kind 'broken_kind'"
    )
    await expect(broken).to_contain_text("RuntimeError: boom")
    await page.get_by_text("Kinds (").click()
    stamp = page.locator(".palette-kinds li", has_text="Stamp")
    await expect(stamp.locator(".kind-icon")).to_have_text("✶")
    await expect(stamp.locator(".kind-icon")).to_have_css("color", "rgb(194, 37, 92)")
    # the broken kind is not offered anywhere
    await expect(page.locator(".palette-kinds li", has_text="broken_kind")).to_have_count(0)
    await expect(page.get_by_label("Kind").locator("option[value='broken_kind']")).to_have_count(0)


@pytest.mark.browser
@pytest.mark.slow
async def test_a_queued_node_says_no_worker_has_its_kind_until_one_connects(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    doc = {
        "title": "waits",
        "operations": {"hello": bash("echo hi > {{ outputs.out }}", title="Hello")},
        "nodes": {"a": {"operation": "hello"}},
        "edges": [],
    }
    run_id = await cluster.submit(doc)  # no worker is connected
    await dashboard.open(f"/runs/{run_id}?node=a")
    panel = dashboard.page.locator(".node-panel[data-node='a']")
    await expect(panel.locator("h2 .badge")).to_contain_text("queued")
    await expect(panel.locator(".waiting-for")).to_have_text(
        "waiting for a worker with kind bash_jinja2"
    )
    cluster.start_worker()
    await expect(panel.locator("h2 .badge")).to_contain_text("success", timeout=30_000)
    await expect(panel.locator(".waiting-for")).to_have_count(0)


@pytest.mark.browser
@pytest.mark.slow
async def test_a_notebook_output_previews_as_cells_without_its_html(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    pytest.importorskip("plynx_notebook", reason="plugins/plynx-notebook is not installed")
    code = (
        "print('hello from the kernel')\n"
        "# %%\n"
        "from IPython.display import HTML, display\n"
        "display(HTML('<b id=\"injected\">bold</b>'))\n"
    )
    doc = {
        "title": "notebook",
        "operations": {
            "nb": {"kind": "notebook", "code": code, "outputs": {"notebook": "notebook"}}
        },
        "nodes": {"a": {"operation": "nb"}},
        "edges": [],
    }
    cluster.start_worker()
    run_id = await cluster.submit(doc)
    assert (await cluster.wait_run(run_id))["run"]["status"] == "success"
    await dashboard.open(f"/runs/{run_id}?node=a")
    output = dashboard.page.locator(".output[data-output='notebook']")
    await output.get_by_role("button", name="Preview").click()
    preview = output.locator(".preview[data-kind='list']")
    await expect(preview.locator(".preview-item").first).to_contain_text("# Parameters")
    await expect(preview).to_contain_text("hello from the kernel")
    await expect(preview).to_contain_text("<IPython.core.display.HTML object>")
    await expect(dashboard.page.locator("#injected")).to_have_count(0)
