"""What the dashboard shows while runs go on: statuses, logs, reconnecting."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from e2e.conftest import Cluster, bash
from playwright.async_api import expect

from .conftest import Dashboard

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def chain(first_code: str, title: str = "live chain") -> dict[str, object]:
    """``a -> b``: ``a`` runs ``first_code``, ``b`` copies its output."""
    return {
        "title": title,
        "operations": {
            "first": bash(first_code + "\necho done > {{ outputs.out }}", title="First step"),
            "second": bash(
                "cat {{ inputs['in'] | join(' ') }} > {{ outputs.out }}", title="Second"
            ),
        },
        "nodes": {"a": {"operation": "first"}, "b": {"operation": "second"}},
        "edges": ["a.out -> b.in"],
    }


def wait_for(gate: Path) -> str:
    """Bash that waits until the test creates ``gate`` (the node stays running until then)."""
    return f"while [ ! -e '{gate}' ]; do sleep 0.05; done"


async def started(cluster: Cluster) -> None:
    cluster.start_worker()
    await cluster.wait_workers(1)


async def mark_page(board: Dashboard) -> None:
    """Leave a mark in the page: if it is still there later, the page was not reloaded."""
    await board.page.evaluate("window.__notReloaded = true")


async def assert_not_reloaded(board: Dashboard) -> None:
    assert await board.page.evaluate("window.__notReloaded === true")


async def test_node_statuses_change_live_in_the_run_view_and_the_list(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    gate = cluster.tmp / "gate"
    await started(cluster)
    await dashboard.open("/runs")
    await mark_page(dashboard)
    run_id = await cluster.submit(chain(wait_for(gate)))
    row = dashboard.page.locator(f"tr[data-run='{run_id}']")
    await expect(row).to_contain_text("0/2")  # appeared without a reload

    await dashboard.page.click(f"tr[data-run='{run_id}'] a")
    page = dashboard.page
    node_a, node_b = page.locator("[data-cell-id='a']"), page.locator("[data-cell-id='b']")
    await expect(node_a).to_contain_text("running")
    await expect(node_b).to_contain_text("pending")
    await dashboard.screenshot("run-view-running")
    gate.touch()
    await expect(node_b).to_contain_text("success", timeout=30_000)
    await expect(node_a).to_contain_text("success")
    await expect(page.locator(".run-page")).to_have_attribute("data-status", "success")
    await expect(page.locator(".run-head .badge").first).to_contain_text("success")
    # a node's event carries what changed: its start, known before, still gives a duration
    duration = page.locator(".node-list tr[data-node='a'] td.num")
    await expect(duration).to_have_text(re.compile(r"\d"))
    await dashboard.screenshot("run-view-done")

    await page.go_back()
    await expect(row.locator(".badge")).to_contain_text("success")
    await assert_not_reloaded(dashboard)


async def test_a_running_nodes_log_lines_arrive_as_they_are_written(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    gate = cluster.tmp / "gate"
    code = (
        f"echo line-1; echo line-2; {wait_for(gate)}; for i in 3 4 5 6 7 8; do echo line-$i; done"
    )
    await started(cluster)
    run_id = await cluster.submit(chain(code))
    await dashboard.open(f"/runs/{run_id}?node=a")
    panel = dashboard.page.locator(".node-panel[data-node='a']")
    log = panel.locator(".log pre")
    await expect(log).to_contain_text("line-2")
    await expect(panel.locator("h2 .badge")).to_contain_text("running")
    await dashboard.page.get_by_role("tab", name="stderr").click()
    await expect(log).to_have_text("(no output yet)")
    await dashboard.page.get_by_role("tab", name="stdout").click()
    await expect(log).to_contain_text("line-2")
    gate.touch()  # the rest arrives while the page is open
    await expect(log).to_contain_text("line-8", timeout=30_000)
    await expect(panel.locator("h2 .badge")).to_contain_text("success")
    lines = (await log.inner_text()).split()
    assert lines == [f"line-{i}" for i in range(1, 9)]  # each line once, in order
    await dashboard.screenshot("run-view-log")


async def test_a_long_log_follows_the_end_until_the_user_scrolls_up(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    code = "seq 1 400; for i in $(seq 401 412); do echo $i; sleep 0.3; done"
    await started(cluster)
    run_id = await cluster.submit(chain(code))
    await dashboard.open(f"/runs/{run_id}?node=a")
    log = dashboard.page.locator(".node-panel .log pre")
    await expect(log).to_contain_text("401")
    at_end = (
        "() => { const el = document.querySelector('.node-panel .log pre');"
        " return el.scrollHeight > el.clientHeight"
        " && el.scrollHeight - el.scrollTop - el.clientHeight < 8; }"
    )
    await dashboard.page.wait_for_function(at_end)

    await log.evaluate("(el) => { el.scrollTop = 0; }")
    await expect(dashboard.page.locator(".log .follow")).to_be_visible()
    await expect(log).to_contain_text("405")
    assert await log.evaluate("(el) => el.scrollTop") == 0  # it stays where the user is

    await dashboard.page.click(".log .follow")
    await expect(log).to_contain_text("412", timeout=30_000)
    await dashboard.page.wait_for_function(at_end)


async def test_after_a_server_restart_the_banner_shows_then_the_run_catches_up(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    # the browser reports each failed connection attempt while the server is down
    dashboard.allow(r"WebSocket connection to .* failed")
    dashboard.allow(r"Failed to load resource")
    gate = cluster.tmp / "gate"
    await started(cluster)
    run_id = await cluster.submit(chain(wait_for(gate)))
    await dashboard.open(f"/runs/{run_id}")
    await mark_page(dashboard)
    page = dashboard.page
    banner = page.locator(".banner")
    await expect(page.locator("[data-cell-id='a']")).to_contain_text("running")
    await expect(banner).to_be_hidden()

    await cluster.stop_server()
    await expect(banner).to_contain_text("Connection lost — reconnecting")
    await dashboard.screenshot("reconnecting")
    await cluster.start_server()
    await expect(banner).to_be_hidden(timeout=20_000)
    gate.touch()
    await expect(page.locator("[data-cell-id='b']")).to_contain_text("success", timeout=40_000)
    await expect(page.locator(".run-page")).to_have_attribute("data-status", "success")
    await assert_not_reloaded(dashboard)


async def test_cancel_and_rerun_from_the_run_view(cluster: Cluster, dashboard: Dashboard) -> None:
    await started(cluster)
    run_id = await cluster.submit(chain(wait_for(cluster.tmp / "never")))
    await dashboard.open(f"/runs/{run_id}")
    page = dashboard.page
    await expect(page.locator("[data-cell-id='a']")).to_contain_text("running")
    await page.get_by_role("button", name="Cancel").click()
    await expect(page.locator(".run-page")).to_have_attribute("data-status", "canceled")
    await expect(page.locator("[data-cell-id='a']")).to_contain_text("canceled")
    await expect(page.get_by_role("button", name="Cancel")).to_have_count(0)

    await page.get_by_role("button", name="Re-run").click()
    await expect(page).not_to_have_url(re.compile(f"/runs/{run_id}$"))
    rerun = page.url.rsplit("/", 1)[-1]
    assert (await cluster.get(f"/api/v1/runs/{rerun}"))["run"]["rerun_of"] == run_id
    await expect(page.locator(".run-meta")).to_contain_text(f"re-run of {run_id[:8]}")
    await page.get_by_role("button", name="Cancel").click()
    await expect(page.locator(".run-page")).to_have_attribute("data-status", "canceled")

    await page.get_by_role("button", name="Clone to graph").click()
    await expect(page).to_have_url(re.compile(r"/graphs/[0-9a-f]+/edit$"))
    graph = await cluster.get(f"/api/v1/graphs/{page.url.split('/')[-2]}")
    assert [n["id"] for n in graph["nodes"]] == ["a", "b"]
    assert graph["title"] == f"live chain (from run {rerun[:8]})"


async def test_runs_and_graphs_deleted_elsewhere_leave_the_open_lists(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    from plynx.model import parse_graph_document

    graph, _ = parse_graph_document(chain("true", title="doomed graph"))
    status, body = await cluster.request(
        "POST", "/api/v1/graphs", json=graph.model_dump(mode="json")
    )
    assert status == 201, body
    graph_id = body["id"]
    await dashboard.open("/runs")
    await mark_page(dashboard)
    page = dashboard.page
    run_id = await cluster.submit(chain("true", title="doomed run"))  # no worker: it waits
    row = page.locator(f"tr[data-run='{run_id}']")
    await expect(row).to_contain_text("doomed run")  # the list follows the runs live
    status, body = await cluster.request("POST", f"/api/v1/runs/{run_id}/cancel")
    assert status == 200, body
    await expect(row.locator(".badge")).to_contain_text("canceled")

    status, body = await cluster.request("DELETE", f"/api/v1/runs/{run_id}")  # someone else
    assert status == 204, body
    await expect(row).to_have_count(0)

    await page.get_by_role("link", name="Graphs", exact=True).click()
    graph_row = page.locator(f"tr[data-graph='{graph_id}']")
    await expect(graph_row).to_contain_text("doomed graph")
    status, body = await cluster.request("DELETE", f"/api/v1/graphs/{graph_id}")
    assert status == 204, body
    await expect(graph_row).to_have_count(0)
    await assert_not_reloaded(dashboard)
