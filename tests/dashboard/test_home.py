"""The first five minutes: the landing page offers the example graphs to open and run, the
recent runs and the workers; every empty page says what to do."""

from __future__ import annotations

import re

import pytest
from e2e.conftest import LOCAL_TOKEN, Cluster
from playwright.async_api import expect

from plynx.cli.seed import load_examples
from plynx.client import PlynxClient

from .conftest import Dashboard

pytestmark = [pytest.mark.browser]


async def test_every_empty_page_says_what_to_do(cluster: Cluster, dashboard: Dashboard) -> None:
    await dashboard.open("/")
    page = dashboard.page
    await expect(page.locator("h1")).to_have_text("Welcome to PLynx")
    await expect(page.get_by_test_id("no-graphs")).to_contain_text("Create a graph")
    await expect(page.get_by_test_id("no-runs")).to_contain_text("press Run")
    await expect(page.get_by_test_id("no-workers")).to_contain_text("plynx worker")
    await dashboard.screenshot("home-empty")

    await page.get_by_role("navigation").get_by_role("link", name="Graphs").click()
    await expect(page.locator(".empty")).to_contain_text("Press New graph")
    await page.get_by_role("navigation").get_by_role("link", name="Runs").click()
    await expect(page.locator(".empty")).to_contain_text("No runs yet. Open a graph")
    await page.get_by_role("navigation").get_by_role("link", name="Operations").click()
    await expect(page.locator(".empty")).to_contain_text("New operation to write one")
    await page.get_by_role("navigation").get_by_role("link", name="Workers").click()
    await expect(page.locator(".empty")).to_contain_text("No worker is connected")

    status, graph = await cluster.request("POST", "/api/v1/graphs", json={"title": "empty"})
    assert status == 201
    op = {"kind": "bash_jinja2", "title": "Say hi", "code": "echo hi"}
    status, created = await cluster.request("POST", "/api/v1/operations", json=op)
    assert status == 201
    status, _ = await cluster.request("POST", f"/api/v1/operations/{created['id']}/publish")
    assert status == 200
    await dashboard.open(f"/graphs/{graph['id']}/edit")
    hint = page.get_by_test_id("canvas-empty")
    await expect(hint).to_contain_text("Drag an operation here")
    await page.locator(".palette-item", has_text="Say hi").dblclick()  # adds it to the canvas
    await expect(hint).to_have_count(0)


async def test_a_first_time_user_opens_and_runs_an_example_from_home(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    async with PlynxClient(cluster.url, LOCAL_TOKEN) as client:
        assert await load_examples(client) > 0
    await dashboard.open("/")
    page = dashboard.page
    cards = page.get_by_test_id("start-graphs")
    card = cards.locator(".card", has_text="Hello, PLynx")
    await expect(card).to_contain_text("a python function turns it into upper case")
    await expect(card.get_by_role("link", name="Open")).to_have_attribute(
        "href", re.compile(r"^/graphs/[0-9a-f]+/edit$")
    )
    await expect(page.get_by_test_id("no-workers")).to_be_visible()
    cluster.start_worker()
    await expect(page.get_by_test_id("workers-glance")).to_contain_text("1 worker connected")
    await dashboard.screenshot("home")

    await card.get_by_role("button", name="Run").click()
    await expect(page).to_have_url(re.compile(r"/runs/[0-9a-f]+$"))
    run_id = page.url.rsplit("/", 1)[1]
    run_page = page.locator(".run-page")
    await expect(run_page).to_have_attribute("data-status", "success", timeout=60_000)

    await page.locator("a.brand").click()
    row = page.get_by_test_id("recent-runs").locator(f"tr[data-run='{run_id}']")
    await expect(row.locator(".badge")).to_contain_text("success")
    await row.get_by_role("link").click()
    await expect(page).to_have_url(re.compile(f"/runs/{run_id}$"))
