"""A server that goes silent (stopped, frozen) without closing the socket: the dashboard says
the connection is lost within 3 s, stops its live timers, and recovers when the server answers."""

from __future__ import annotations

import asyncio

import pytest
from e2e.conftest import Cluster
from playwright.async_api import expect

from .conftest import Dashboard
from .proxy import SilentProxy
from .test_live import chain, mark_page, started, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.slow]


async def test_a_silent_server_shows_connection_lost_and_freezes_the_timers(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    gate = cluster.tmp / "gate"
    await started(cluster)
    run_id = await cluster.submit(chain(wait_for(gate)))
    async with SilentProxy(cluster.port).running() as proxy:
        dashboard.base = proxy.url
        await dashboard.open(f"/runs/{run_id}")
        await mark_page(dashboard)
        page = dashboard.page
        banner = page.locator(".banner")
        duration = page.locator(".run-duration")
        await expect(page.locator("[data-cell-id='a']")).to_contain_text("running")
        await expect(banner).to_be_hidden()
        await asyncio.sleep(2.5)  # several pings: a quiet but live server is not "lost"
        await expect(banner).to_be_hidden()

        proxy.pause()
        await expect(banner).to_contain_text("Connection lost — reconnecting", timeout=3_000)
        await dashboard.screenshot("connection-lost")
        frozen = await duration.text_content()
        await expect(page.locator("body")).to_have_class("offline")
        assert await duration.evaluate("(el) => getComputedStyle(el).opacity") == "0.45"
        await asyncio.sleep(2.2)  # the timer no longer counts
        assert await duration.text_content() == frozen
        await expect(banner).to_be_visible()

        proxy.resume()
        await expect(banner).to_be_hidden(timeout=10_000)
        await expect(duration).not_to_have_text(frozen or "")  # counting again
        gate.touch()
        await expect(page.locator("[data-cell-id='b']")).to_contain_text("success", timeout=30_000)
        await expect(page.locator(".run-page")).to_have_attribute("data-status", "success")
        assert await page.evaluate("window.__notReloaded === true")
