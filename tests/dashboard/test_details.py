"""Smaller things a user notices: downloads keep a useful name and extension, the parameter
type dropdown shows its whole word, deprecation offers a picker, a dark theme follows the
system, and keyboard focus is visible."""

from __future__ import annotations

import pytest
from e2e.conftest import Cluster
from playwright.async_api import Browser, expect

from .conftest import Dashboard

pytestmark = [pytest.mark.browser]

PNG = (  # a 1x1 PNG, base64
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAA"
    "BJRU5ErkJggg=="
)


@pytest.mark.slow
async def test_a_downloaded_output_is_named_from_node_output_and_type(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    cluster.start_worker()
    await cluster.wait_workers(1)
    doc = {
        "title": "plotter",
        "operations": {
            "plot": {
                "kind": "bash_jinja2",
                "title": "Plot",
                "outputs": {"img": "image", "table": "csv"},
                "code": f"echo {PNG} | base64 -d > {{{{ outputs.img }}}}\n"
                "printf 'a,b\\n1,2\\n' > {{ outputs.table }}",
            }
        },
        "nodes": {"chart": {"operation": "plot"}},
    }
    run = await cluster.wait_run(await cluster.submit(doc))
    assert run["run"]["status"] == "success"
    await dashboard.open(f"/runs/{run['run']['id']}?node=chart")
    page = dashboard.page
    for port, name in (("img", "chart-img.png"), ("table", "chart-table.csv")):
        async with page.expect_download() as info:
            await (
                page.locator(f".output[data-output='{port}']")
                .get_by_role("button", name="Download")
                .click()
            )
        assert (await info.value).suggested_filename == name


async def test_the_parameter_type_dropdown_is_not_clipped(dashboard: Dashboard) -> None:
    await dashboard.open("/operations/new")
    page = dashboard.page
    await page.get_by_role("button", name="+ parameter").click()
    kind = page.get_by_label("parameter 1 type")
    await kind.select_option("float")
    # the select is wide enough for its longest choice (no "floa")
    fits = await kind.evaluate(
        """(el) => {
          const probe = document.createElement("span");
          probe.style.font = getComputedStyle(el).font;
          probe.style.position = "absolute";
          document.body.append(probe);
          let widest = 0;
          for (const o of el.options) {
            probe.textContent = o.text;
            widest = Math.max(widest, probe.offsetWidth);
          }
          probe.remove();
          return el.clientWidth - 24 >= widest;  /* room left for the arrow */
        }"""
    )
    assert fits


async def background(board: Dashboard, selector: str) -> str:
    return str(
        await board.page.locator(selector).first.evaluate(
            "(el) => getComputedStyle(el).backgroundColor"
        )
    )


async def test_a_dark_theme_follows_the_system(
    cluster: Cluster, dashboard: Dashboard, browser: Browser
) -> None:
    await dashboard.open("/")
    assert await background(dashboard, "body") == "rgb(255, 255, 255)"
    context = await browser.new_context(
        color_scheme="dark", viewport={"width": 1400, "height": 900}
    )
    try:
        dark = Dashboard(page=await context.new_page(), base=cluster.url)
        await dark.open("/")
        assert await background(dark, "body") == "rgb(13, 17, 23)"
        color = await dark.page.locator("h1").evaluate("(el) => getComputedStyle(el).color")
        assert color == "rgb(230, 237, 243)"
    finally:
        await context.close()


async def test_keyboard_focus_is_visible(dashboard: Dashboard) -> None:
    await dashboard.open("/operations")
    page = dashboard.page
    await page.keyboard.press("Tab")  # the first link of the top bar
    focused = page.locator(":focus")
    await expect(focused).to_have_text("PLynx")
    outline = await focused.evaluate("(el) => getComputedStyle(el).outlineStyle")
    assert outline == "solid"
