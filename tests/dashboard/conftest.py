"""The dashboard in real headless Chromium, against the real server and real worker processes.

Tests skip when ``/usr/bin/chromium`` is missing (and fail under ``CI=true``). Every page
records console errors, uncaught exceptions and dialogs; a test fails if any occurred that it
did not announce with :meth:`Dashboard.allow`. Screenshots go to ``test-artifacts/dashboard/``
(git-ignored).
"""

from __future__ import annotations

import os
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from e2e.conftest import (  # tests/ is on the path (rootdir conftest)
    LOCAL_TOKEN,
    Cluster,
    running_cluster,
)
from playwright.async_api import Browser, Dialog, Page, async_playwright

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "dashboard"


@pytest.fixture
async def cluster(tmp_path: Path) -> AsyncIterator[Cluster]:
    """A local-mode server on a free port with an embedded SQLite store (no workers yet; start
    them with ``cluster.start_worker()``)."""
    async with running_cluster(None, tmp_path) as c:
        yield c


@pytest.fixture
def chromium_path() -> Path:
    """Where Chromium is; skips the test (fails it under CI) when it is missing."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: the dashboard tests need Chromium there"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return CHROMIUM


@pytest.fixture
async def browser(chromium_path: Path) -> AsyncIterator[Browser]:
    """Headless Chromium."""
    async with async_playwright() as p:
        chromium = await p.chromium.launch(executable_path=str(chromium_path), args=ARGS)
        try:
            yield chromium
        finally:
            await chromium.close()


@dataclass
class Dashboard:
    """A browser page on the cluster's dashboard that remembers what went wrong in it."""

    page: Page
    base: str
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    allowed: list[re.Pattern[str]] = field(default_factory=list)

    async def open(self, path: str) -> None:
        """Load ``path`` (e.g. ``/runs/<id>``) and wait for the app's shell."""
        await self.page.goto(self.base + path)
        await self.page.wait_for_selector("header.topbar")

    def allow(self, pattern: str) -> None:
        """Console errors matching ``pattern`` are expected in this test."""
        self.allowed.append(re.compile(pattern))

    def unexpected(self) -> list[str]:
        """Console errors nobody announced."""
        return [e for e in self.errors if not any(p.search(e) for p in self.allowed)]

    async def screenshot(self, name: str) -> None:
        """Save the page as ``test-artifacts/dashboard/<name>.png``."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        await self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


@pytest.fixture
async def dashboard(cluster: Cluster, browser: Browser) -> AsyncIterator[Dashboard]:
    """A page of the dashboard; the test fails on console errors or dialogs."""
    context = await browser.new_context(viewport={"width": 1400, "height": 900})
    page = await context.new_page()
    page.set_default_timeout(20_000)
    board = Dashboard(page=page, base=cluster.url)

    async def on_dialog(dialog: Dialog) -> None:
        board.dialogs.append(f"{dialog.type}: {dialog.message}")
        await dialog.dismiss()

    page.on("console", lambda m: m.type == "error" and board.errors.append(m.text))
    page.on("pageerror", lambda exc: board.errors.append(f"uncaught: {exc}"))
    page.on("dialog", on_dialog)
    # the link `plynx local` opens leaves the local token in an HttpOnly cookie (fetched
    # through the context's own cookie jar, so that no page is open before the test's)
    login = await context.request.get(
        f"{cluster.url}/local-login?token={LOCAL_TOKEN}", max_redirects=0
    )
    assert login.status == 303, await login.text()
    try:
        yield board
    finally:
        await context.close()
    assert not board.dialogs, f"dialogs were opened: {board.dialogs}"
    assert not board.unexpected(), f"console errors: {board.unexpected()}"
