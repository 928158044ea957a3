"""Graphs and run comparison in the dashboard, and signing in with a token to a server with
accounts."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest
from e2e.conftest import Cluster, bash
from playwright.async_api import expect

from plynx.model import TokenKind, parse_graph_document
from plynx.server import keys
from plynx.server.auth import create_token

from .conftest import Dashboard

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def two_steps(name: str) -> dict[str, Any]:
    """A stored graph ``a -> b`` whose ``b`` writes its parameter ``name``."""
    doc = {
        "title": "two steps",
        "operations": {
            "make": bash("echo made > {{ outputs.out }}"),
            "name": bash("echo '{{ params.name }}' > {{ outputs.out }}", parameters={"name": "x"}),
        },
        "nodes": {"a": {"operation": "make"}, "b": {"operation": "name", "params": {"name": name}}},
        "edges": ["a.out -> b.in"],
    }
    graph, _ = parse_graph_document(doc)
    return graph.model_dump(mode="json")


async def test_graphs_are_searched_created_and_cloned(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    for title in ("weather model", "protein folding"):
        status, _ = await cluster.request("POST", "/api/v1/graphs", json={"title": title})
        assert status == 201
    page = dashboard.page
    await dashboard.open("/graphs")
    rows = page.locator("tr[data-graph]")
    await expect(rows).to_have_count(2)
    await page.get_by_placeholder("Search title").fill("weather")
    await expect(rows).to_have_count(1)
    await expect(rows.first).to_contain_text("weather model")
    await expect(rows.first.locator("td.num")).to_have_text("0")  # node_count of the summary

    await rows.first.get_by_role("button", name="Clone").click()
    await expect(page.locator(".toast")).to_contain_text("weather model (copy)")
    await expect(rows).to_have_count(2)
    await expect(rows.first.locator("td.num")).to_have_text("0")  # the clone, as a summary
    await dashboard.screenshot("graphs")

    # "New graph" stores nothing until the first save: trying it twice leaves no litter
    before = (await cluster.get("/api/v1/graphs"))["total"]
    for _ in range(2):
        await page.get_by_role("button", name="New graph").click()
        await expect(page).to_have_url(re.compile(r"/graphs/new/edit$"))
        await expect(page.get_by_test_id("canvas-empty")).to_be_visible()
        await page.go_back()
        await expect(rows).to_have_count(2)
    assert (await cluster.get("/api/v1/graphs"))["total"] == before
    await page.get_by_role("button", name="New graph").click()
    await expect(page.locator("[data-testid=editor-canvas][data-ready=true]")).to_have_count(1)
    await page.keyboard.press("Control+s")
    await expect(page).to_have_url(re.compile(r"/graphs/[0-9a-f]{32}/edit$"))
    new_id = page.url.split("/")[-2]
    assert (await cluster.get(f"/api/v1/graphs/{new_id}"))["title"] == "Untitled graph"
    assert (await cluster.get("/api/v1/graphs"))["total"] == before + 1


async def test_two_runs_of_a_graph_are_compared_node_by_node(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    cluster.start_worker()
    await cluster.wait_workers(1)
    status, graph = await cluster.request("POST", "/api/v1/graphs", json=two_steps("first"))
    assert status == 201, graph
    status, first = await cluster.request("POST", "/api/v1/runs", json={"graph_id": graph["id"]})
    assert status == 201, first
    await cluster.wait_run(first["run"]["id"])
    status, _ = await cluster.request(
        "PUT", f"/api/v1/graphs/{graph['id']}", json=two_steps("second")
    )
    assert status == 200
    status, second = await cluster.request("POST", "/api/v1/runs", json={"graph_id": graph["id"]})
    assert status == 201, second
    done = await cluster.wait_run(second["run"]["id"])
    assert {n["node_id"]: n["status"] for n in done["node_runs"]} == {
        "a": "cached",
        "b": "success",
    }

    page = dashboard.page
    await dashboard.open(f"/runs/{second['run']['id']}?node=a")
    await expect(page.locator(".node-panel a.cached-from")).to_have_attribute(
        "href", f"/runs/{first['run']['id']}"
    )
    await expect(page.locator("[data-cell-id='a']")).to_contain_text(
        f"cached · from {first['run']['id'][:8]}"
    )
    await page.get_by_role("button", name="Compare…").click()
    await page.get_by_label("Compare with").select_option(first["run"]["id"])
    await expect(page).to_have_url(re.compile(f"/compare/{first['run']['id']}$"))
    rows = page.locator("table.diff tbody tr")
    await expect(rows).to_have_count(1)  # only what differs: node b
    await expect(rows.first).to_have_attribute("data-node", "b")
    await expect(rows.first.locator(".params-diff")).to_contain_text("name: second → first")
    await expect(rows.first.locator(".outputs-diff")).to_contain_text("differ")
    await page.get_by_label("only differences").uncheck()
    await expect(rows).to_have_count(2)
    await dashboard.screenshot("compare")

    # a cached node opens the run that produced it
    await page.go_back()
    await page.locator("[data-cell-id='a']").dblclick()
    await expect(page).to_have_url(re.compile(f"/runs/{first['run']['id']}$"))
    await expect(page.locator("[data-cell-id='a']")).to_contain_text("success")


async def test_a_server_with_accounts_asks_to_sign_in_and_a_token_works_live_as_a_fallback(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    await cluster.stop_server()
    cluster.settings = dataclasses.replace(cluster.settings, local_mode=False)
    await cluster.start_server()
    assert cluster.server is not None
    # alice has no password (made by `plynx token create --user alice`): a token lets her in
    token = await create_token(cluster.server.app[keys.STORE], TokenKind.API, "alice")
    # the first requests, before the token is given
    dashboard.allow(r"401 \(Unauthorized\)")
    dashboard.allow(r"/ws/events' failed: HTTP Authentication failed")

    page = dashboard.page
    await dashboard.open("/runs?status=failed")
    await expect(page).to_have_url(re.compile(r"/signin\?next="))
    await page.get_by_text("Use an API token instead").click()
    await page.get_by_label("API token").fill("plx_wrong_token")
    await page.get_by_role("button", name="Use this token").click()
    await expect(page.locator(".token-fallback .error-text")).to_contain_text("not valid")
    await page.get_by_label("API token").fill(token)
    await page.get_by_role("button", name="Use this token").click()
    await expect(page).to_have_url(re.compile(r"/runs\?status=failed$"))
    await expect(page.get_by_test_id("whoami")).to_contain_text("alice")
    await page.get_by_label("Status").select_option("")
    await expect(page.locator(".empty")).to_contain_text("No runs yet")

    # the events socket carries the token too: a run submitted now appears without a reload
    http = cluster.http
    assert http is not None
    async with http.post(
        f"{cluster.url}/api/v1/runs",
        json={"graph": two_steps("x")},
        headers={"Authorization": f"Bearer {token}"},
    ) as resp:
        assert resp.status == 201, await resp.text()
        run_id = (await resp.json())["run"]["id"]
    row = page.locator(f"tr[data-run='{run_id}']")
    await expect(row).to_contain_text("alice")

    # signing out forgets the token
    await page.get_by_role("button", name="Sign out").click()
    await expect(page).to_have_url(re.compile(r"/signin$"))
    assert await page.evaluate("localStorage.length") == 0


async def test_running_an_invalid_graph_shows_every_problem_and_runs_filter_by_graph(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    broken = {"title": "broken", "nodes": [{"id": "a", "operation": {"kind": "nope"}}]}
    status, graph = await cluster.request("POST", "/api/v1/graphs", json=broken)
    assert status == 201, graph
    dashboard.allow(r"400 \(Bad Request\)")
    page = dashboard.page
    await dashboard.open("/graphs")
    await page.locator(f"tr[data-graph='{graph['id']}']").get_by_role("button", name="Run").click()
    toast = page.locator(".toast-error")
    await expect(toast).to_contain_text("the graph has 1 problem")
    await expect(toast).to_contain_text("unknown node kind 'nope'")

    cluster.start_worker()
    await cluster.wait_workers(1)
    for name in ("x", "y"):
        await cluster.request("POST", "/api/v1/runs", json={"graph": two_steps(name)})
    status, stored = await cluster.request("POST", "/api/v1/graphs", json=two_steps("z"))
    assert status == 201
    status, _ = await cluster.request("POST", "/api/v1/runs", json={"graph_id": stored["id"]})
    assert status == 201
    await dashboard.open("/runs")
    rows = page.locator("tr[data-run]")
    await expect(rows).to_have_count(3)
    await rows.locator(f"a[href='/runs?graph_id={stored['id']}']").click()
    await expect(rows).to_have_count(1)
    await expect(page.get_by_label("Graph id")).to_have_value(stored["id"])
    await page.go_back()
    await expect(rows).to_have_count(3)


async def test_the_operation_library_is_searched_and_filtered(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    made = {}
    for title, kind, description in (
        ("Alpha counter", "bash_jinja2", "counts words"),
        ("Beta splitter", "python", "splits a table"),
        ("Gamma counter", "python", "counts rows"),
    ):
        operation = {"kind": kind, "title": title, "description": description, "code": "pass"}
        status, body = await cluster.request("POST", "/api/v1/operations", json=operation)
        assert status == 201, body
        made[title] = body["id"]
    status, body = await cluster.request(
        "POST", f"/api/v1/operations/{made['Gamma counter']}/publish"
    )
    assert status == 200, body

    page = dashboard.page
    await dashboard.open("/operations")
    rows = page.locator("tr[data-operation]")
    await expect(rows).to_have_count(3)
    await page.get_by_placeholder("Search title").fill("counts")
    await expect(rows).to_have_count(2)
    await page.get_by_label("Kind", exact=True).select_option("python")
    await expect(rows).to_have_count(1)
    await expect(rows.first).to_contain_text("Gamma counter")
    await expect(rows.first.locator(".badge")).to_contain_text("ready")
    await page.get_by_label("Status", exact=True).select_option("draft")
    await expect(page.locator(".empty")).to_contain_text("No operation matches")
    await page.get_by_label("Kind", exact=True).select_option("")
    await expect(rows).to_have_count(1)
    await expect(rows.first).to_contain_text("Alpha counter")
    await expect(page).to_have_url(re.compile(r"/operations\?q=counts&status=draft$"))
    await dashboard.screenshot("operations")

    await rows.first.locator("a").click()
    await expect(page).to_have_url(re.compile(f"/operations/{made['Alpha counter']}$"))
