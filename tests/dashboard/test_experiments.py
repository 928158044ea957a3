"""Experiments in the dashboard: a sweep launched from the graph editor and watched on its page
(sorted by a metric, charted against a parameter, compared), metric columns in the runs list,
live metric charts in the node panel, and a reproduction that flags an unseeded node."""

from __future__ import annotations

from typing import Any

import pytest
from e2e.conftest import Cluster, bash
from e2e.test_reproduce import GRAPH as UNSEEDED
from playwright.async_api import expect

from plynx.model import parse_graph_document

from .conftest import Dashboard
from .test_live import assert_not_reloaded, mark_page, started

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def sweep_graph() -> dict[str, Any]:
    """A graph parameter ``lr`` feeding node ``train`` (which has its own ``depth``); the
    node reports ``score = lr * depth``."""
    doc = {
        "title": "train",
        "parameters": {"lr": {"type": "float", "default": 0.1}},
        "operations": {
            "data": bash("seq 1 10 > {{ outputs.out }}"),
            "train": bash(
                "echo {{ params.lr }} {{ params.depth }} > {{ outputs.out }}\n"
                "score=$(awk 'BEGIN { print {{ params.lr }} * {{ params.depth }} }')\n"
                'echo "{\\"name\\": \\"score\\", \\"value\\": $score}" >> "$PLYNX_METRICS"\n',
                parameters={"lr": 0.1, "depth": 1},
            ),
        },
        "nodes": {
            "data": {"operation": "data"},
            "train": {"operation": "train", "params": {"lr": {"ref": "lr"}}},
        },
        "edges": ["data.out -> train.in"],
    }
    graph, _ = parse_graph_document(doc)
    return graph.model_dump(mode="json", exclude={"id"})


async def column(dashboard: Dashboard, selector: str) -> list[str]:
    return await dashboard.page.locator(selector).all_text_contents()


async def test_a_3x2_sweep_from_the_editor_is_watched_sorted_charted_and_compared(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    status, graph = await cluster.request("POST", "/api/v1/graphs", json=sweep_graph())
    assert status == 201, graph
    page = dashboard.page
    await dashboard.open(f"/graphs/{graph['id']}/edit")
    await expect(page.locator("[data-testid=editor-canvas][data-ready=true]")).to_have_count(1)

    await page.get_by_role("button", name="Sweep…").click()
    dialog = page.get_by_role("dialog", name="Sweep")
    await expect(dialog.get_by_label("values 1")).to_be_focused()
    await page.keyboard.press("Escape")
    await expect(dialog).to_have_count(0)
    await page.get_by_role("button", name="Sweep…").click()
    count = dialog.get_by_test_id("sweep-count")
    await expect(dialog.get_by_label("sweep parameter 1")).to_have_value("lr")
    await dialog.get_by_label("values 1").fill("0.1, 0.01, x")
    await expect(dialog).to_contain_text("x is not a number")
    await expect(dialog.get_by_role("button", name="Start sweep")).to_be_disabled()
    await dialog.get_by_label("values 1").fill("0.1, 0.01, 0.001")
    await expect(count).to_have_text("3 runs")
    await dialog.get_by_role("button", name="+ parameter").click()
    await dialog.get_by_label("sweep parameter 2").select_option("train.depth")
    await dialog.get_by_label("values 2").fill("3, 5")
    await expect(count).to_have_text("6 runs")
    await dialog.get_by_label("zip").check()
    await expect(count).to_contain_text("zip needs as many values")
    await dialog.get_by_label("grid").check()
    await expect(count).to_have_text("6 runs")
    # the server's refusal is shown in the dialog, which stays open
    await dialog.get_by_label("values 1").fill(", ".join(str(i / 100) for i in range(1, 41)))
    await dialog.get_by_label("values 2").fill(", ".join(str(i) for i in range(1, 31)))
    await expect(count).to_have_text("1200 runs")
    dashboard.allow("status of 400")
    await dialog.get_by_role("button", name="Start sweep").click()
    await expect(dialog.get_by_role("alert")).to_contain_text("at most 1000 are allowed")
    assert (await cluster.get("/api/v1/sweeps"))["total"] == 0
    await dialog.get_by_label("values 1").fill("0.1, 0.01, 0.001")
    await dialog.get_by_label("values 2").fill("3, 5")
    await expect(count).to_have_text("6 runs")
    await dialog.get_by_label("Sweep title").fill("lr by depth")
    await dialog.get_by_role("button", name="Start sweep").click()

    # no worker yet: the page shows the six queued runs, then follows them live
    await page.wait_for_url("**/sweeps/*")
    sweep_id = page.url.rsplit("/", 1)[1]
    rows = page.locator("table.sweep-runs tbody tr")
    await expect(rows).to_have_count(6)
    await expect(page.locator(".sweep-page")).to_have_attribute("data-status", "running")
    lrs = ["0.1", "0.1", "0.01", "0.01", "0.001", "0.001"]
    assert await column(dashboard, "td[data-param=lr]") == lrs
    assert await column(dashboard, "td[data-param='train.depth']") == ["3", "5"] * 3
    await mark_page(dashboard)
    await started(cluster)
    sweep_page = page.locator(".sweep-page")
    await expect(sweep_page).to_have_attribute("data-status", "success", timeout=60_000)
    await expect(page.get_by_test_id("sweep-counts")).to_contain_text("6 success")
    await expect(page.locator("td[data-metric='train.score']").nth(5)).not_to_have_text("—")
    await assert_not_reloaded(dashboard)
    detail = await cluster.get(f"/api/v1/sweeps/{sweep_id}")
    assert detail["sweep"]["title"] == "lr by depth" and detail["sweep"]["mode"] == "grid"

    # sort by the metric, both ways
    score = page.locator("th[data-sort='metric:train.score']")
    await score.get_by_role("button").click()
    await expect(score).to_have_attribute("aria-sort", "ascending")
    ascending = ["0.003", "0.005", "0.03", "0.05", "0.3", "0.5"]
    assert await column(dashboard, "td[data-metric='train.score']") == ascending
    await score.get_by_role("button").click()
    await expect(score).to_have_attribute("aria-sort", "descending")
    assert await column(dashboard, "td[data-metric='train.score']") == ascending[::-1]

    # the chart: the score against lr, one line per depth
    await page.get_by_role("button", name="Chart").click()
    chart = page.get_by_test_id("sweep-chart")
    await expect(chart).to_have_attribute("data-points", "6")
    await expect(chart).to_have_attribute("data-series", "2")
    await expect(chart.locator(".uplot canvas")).to_have_count(1)
    await expect(chart.locator(".u-legend")).to_contain_text("train.depth=3")
    await page.get_by_label("Chart parameter").select_option("train.depth")
    await expect(chart).to_have_attribute("data-series", "3")
    await dashboard.screenshot("sweep-page")

    # compare three selected runs side by side
    for i in range(3):
        await rows.nth(i).get_by_role("checkbox").check()
    await page.get_by_role("button", name="Compare selected (3)").click()
    await page.wait_for_url("**/runs/compare?ids=*")
    table = page.get_by_test_id("compare-many")
    await expect(table.locator("thead th[data-run]")).to_have_count(3)
    metric_row = table.locator("tr[data-row='metrics:train.score'] td")
    assert await metric_row.all_text_contents() == ascending[::-1][:3]
    await expect(table.locator("tr[data-row='metrics:train.score'] td.highest")).to_have_text("0.5")
    await expect(table.locator("tr[data-row='node parameters:train.depth']")).to_have_count(1)

    # a run of the sweep links back to it; the runs list shows the metric as a column
    first = detail["runs"][0]["run_id"]
    await dashboard.open(f"/runs/{first}")
    await page.get_by_test_id("sweep-link").click()
    await page.wait_for_url(f"**/sweeps/{sweep_id}")
    await dashboard.open("/runs")
    await page.get_by_role("button", name="Metric columns…").click()
    await page.get_by_test_id("metric-columns").get_by_label("train.score").check()
    header = page.locator("th[data-sort='train.score']")
    await header.get_by_role("button").click()
    await expect(header).to_have_attribute("aria-sort", "descending")
    assert await column(dashboard, "td[data-metric='train.score']") == ascending[::-1]
    assert "metrics=train.score" in page.url
    await dashboard.open("/sweeps")
    await expect(page.locator(f"tr[data-sweep='{sweep_id}']")).to_contain_text("lr by depth")


STEPS = {
    "operations": {
        "fit": bash(
            "for step in 1 2 3 4 5; do\n"
            '  echo "{\\"name\\": \\"loss\\", \\"value\\": 0.$((6 - step)), \\"step\\": $step}"'
            ' >> "$PLYNX_METRICS"\n'
            "  sleep {{ params.pause }}\n"
            "done\n"
            "echo done > {{ outputs.out }}\n",
            parameters={"pause": 0.8},
        ),
    },
    "nodes": {"fit": {"operation": "fit"}},
}


async def test_the_node_panel_charts_each_metric_live_while_the_node_runs(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    await started(cluster)
    run_id = await cluster.submit(STEPS)
    await dashboard.open(f"/runs/{run_id}?node=fit")
    page = dashboard.page
    panel = page.locator(".node-panel[data-node=fit]")
    chart = panel.get_by_test_id("metric-chart")
    await expect(chart).to_have_attribute("data-title", "loss")
    # drawn while the node still runs (two points or more), and growing without a reload
    await expect(chart).to_have_attribute("data-points", "2")
    node = (await cluster.get(f"/api/v1/runs/{run_id}"))["node_runs"][0]
    assert node["status"] == "running", node
    await expect(chart.locator(".uplot canvas")).to_have_count(1)
    await expect(chart).to_have_attribute("data-points", "5", timeout=20_000)
    await expect(panel.locator("tr[data-metric=loss] td")).to_have_text("0.1")
    await expect(panel.locator(".badge")).to_contain_text("success")
    await dashboard.screenshot("run-node-metrics")


async def test_reproduce_flags_the_unseeded_node_and_shows_its_differing_output(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    await started(cluster)
    original = await cluster.submit(UNSEEDED)
    await cluster.wait_run(original)
    await dashboard.open(f"/runs/{original}")
    page = dashboard.page
    await expect(page.get_by_test_id("reproduction")).to_have_count(0)
    await page.get_by_role("button", name="Reproduce").click()
    await page.wait_for_url(lambda url: original not in url)
    report = page.get_by_test_id("reproduction")
    await expect(report).to_have_attribute("data-reproduced", "false", timeout=30_000)
    await expect(report).to_contain_text("1 node(s) did not reproduce")
    await expect(report.get_by_role("link")).to_have_attribute("href", f"/runs/{original}")
    rand = report.locator("tr[data-node=rand]")
    await expect(rand).to_have_attribute("data-reproduced", "false")
    await expect(rand.locator(".nondeterministic")).to_have_text("✗ non-deterministic")
    node_runs = (await cluster.get(f"/api/v1/runs/{original}"))["node_runs"]
    (rand_run,) = [nr for nr in node_runs if nr["node_id"] == "rand"]
    sha = rand_run["outputs"]["out"][0]["sha256"]
    differs = rand.locator(".differs[data-output=out] code")
    await expect(differs.first).to_have_attribute("title", sha)
    for node in ("det", "sum"):
        await expect(report.locator(f"tr[data-node={node}]")).to_have_attribute(
            "data-reproduced", "true"
        )
        await expect(report.locator(f"tr[data-node={node}] .differs")).to_have_count(0)
    await dashboard.screenshot("run-reproduction")


async def test_a_sweep_is_canceled_from_its_page_and_listed_with_its_runs(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    body = {"graph": sweep_graph(), "parameters": {"lr": [1, 2]}, "mode": "zip"}
    status, created = await cluster.request("POST", "/api/v1/sweeps", json=body)
    assert status == 201, created
    sweep_id = created["sweep"]["id"]
    page = dashboard.page
    await dashboard.open(f"/sweeps/{sweep_id}")
    sweep_page = page.locator(".sweep-page")
    await expect(page.locator("table.sweep-runs tbody tr")).to_have_count(2)
    await expect(sweep_page).to_have_attribute("data-status", "running")  # no worker: queued
    await page.get_by_role("button", name="Cancel sweep").click()
    await expect(sweep_page).to_have_attribute("data-status", "canceled")
    await expect(page.get_by_test_id("sweep-counts")).to_contain_text("2 canceled")
    await expect(page.get_by_role("button", name="Cancel sweep")).to_have_count(0)
    await page.get_by_role("button", name="Chart").click()
    await expect(page.locator(".sweep-page")).to_contain_text("No run has reported a metric yet")
    await expect(page.get_by_test_id("sweep-chart")).to_have_count(0)
    detail = await cluster.get(f"/api/v1/sweeps/{sweep_id}")
    assert detail["counts"] == {"canceled": 2}

    # a run deleted elsewhere stays on the open page, marked deleted, no longer a link
    gone = created["runs"][0]["run_id"]
    status, deleted = await cluster.request("DELETE", f"/api/v1/runs/{gone}")
    assert status == 204, deleted
    row = page.locator(f"table.sweep-runs tr[data-run='{gone}']")
    await expect(row).to_have_attribute("data-deleted", "true")
    await expect(row).to_contain_text("(deleted)")
    await expect(row.locator("a")).to_have_count(0)
    await expect(page.get_by_test_id("sweep-counts")).to_contain_text("2 canceled")

    await dashboard.open("/runs")
    links = page.locator("a.sweep-link")
    await expect(links).to_have_count(1)  # the deleted run left the runs list
    await links.first.click()
    await page.wait_for_url(f"**/sweeps/{sweep_id}")
    await page.get_by_role("link", name="all sweeps").click()
    row = page.locator(f"tr[data-sweep='{sweep_id}']")
    await expect(row).to_contain_text("lr ∈ {1, 2}")
    await expect(row.locator("td.num")).to_have_text("2")
    await expect(row).to_contain_text("inline")


async def test_the_sweep_page_shows_metrics_of_runs_still_running(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    await started(cluster)
    graph, _ = parse_graph_document(STEPS)
    body = {"graph": graph.model_dump(mode="json"), "parameters": {"fit.pause": [0.8]}}
    status, created = await cluster.request("POST", "/api/v1/sweeps", json=body)
    assert status == 201, created
    sweep_id = created["sweep"]["id"]
    await dashboard.open(f"/sweeps/{sweep_id}")
    page = dashboard.page
    cell = page.locator("td[data-metric='fit.loss']")
    await expect(cell).to_have_text("0.4")  # the second step's loss, reported while it runs
    detail = await cluster.get(f"/api/v1/sweeps/{sweep_id}")
    assert detail["runs"][0]["status"] == "running", detail
    await expect(page.locator(".sweep-page")).to_have_attribute(
        "data-status", "success", timeout=20_000
    )
    await expect(cell).to_have_text("0.1")


async def test_metric_columns_of_the_runs_list_fill_in_when_a_listed_run_finishes(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    await started(cluster)
    await dashboard.open("/runs?metrics=fit.loss")
    page = dashboard.page
    await expect(page.locator("p.empty")).to_have_count(1)
    fast = {**STEPS, "nodes": {"fit": {"operation": "fit", "params": {"pause": 0.2}}}}
    run_id = await cluster.submit(fast)
    row = page.locator(f"tr[data-run='{run_id}']")  # added live by the "runs" topic
    await expect(row.locator(".badge")).to_contain_text("success", timeout=20_000)
    await expect(row.locator("td[data-metric='fit.loss']")).to_have_text("0.1")


async def test_a_cached_node_charts_the_metrics_of_the_run_that_made_its_outputs(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    await started(cluster)
    quick = {**STEPS, "nodes": {"fit": {"operation": "fit", "params": {"pause": 0}}}}
    first = await cluster.submit(quick)
    await cluster.wait_run(first)
    second = await cluster.submit(quick)
    detail = await cluster.wait_run(second)
    assert detail["node_runs"][0]["cached_from_run"] == first
    await dashboard.open(f"/runs/{second}?node=fit")
    chart = dashboard.page.locator(".node-panel[data-node=fit]").get_by_test_id("metric-chart")
    await expect(chart).to_have_attribute("data-points", "5")
