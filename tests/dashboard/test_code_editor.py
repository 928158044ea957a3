"""The operation editor's code editor under fast typing: it must never freeze the tab, and the
text must be exactly what was typed (key auto-repeat, a fast typist, select-all then Delete)."""

from __future__ import annotations

import asyncio
import time

import pytest
from playwright.async_api import expect

from .conftest import Dashboard

pytestmark = [pytest.mark.browser]

# 500 characters with newlines, quotes and Jinja2 braces (what a bash script is made of)
LINE = "echo {{ params['n'] }} \"$HOME\" > {{ outputs.out }}  # done\n"
TEXT = LINE * (500 // len(LINE)) + "#" * (500 % len(LINE))


async def answers_within(dashboard: Dashboard, seconds: float) -> float:
    """How long the page took to run a trivial script (fails if it does not answer in time)."""
    started = time.monotonic()
    await asyncio.wait_for(dashboard.page.evaluate("1 + 1"), seconds)
    return time.monotonic() - started


@pytest.mark.parametrize("kind", ["bash_jinja2", "python"])
async def test_typing_fast_in_the_code_editor_never_freezes_the_page(
    dashboard: Dashboard, kind: str
) -> None:
    await dashboard.open(f"/operations/new?kind={kind}")
    page = dashboard.page
    await expect(page.get_by_label("Kind")).to_have_value(kind)
    # a parameter and an output, so that the bash preview substitutes while we type
    await page.get_by_role("button", name="+ parameter").click()
    await page.get_by_label("parameter 1 name").fill("n")
    await page.get_by_role("button", name="+ output").click()
    await page.get_by_label("outputs 1 name").fill("out")
    code = page.locator(".cm-content")
    await code.click()

    # no delay between keys (on a frozen page this never returns)
    await asyncio.wait_for(page.keyboard.type(TEXT), 30)
    assert await answers_within(dashboard, 1.0) < 1.0
    # the editor's lines (all in view: the text is short)
    doc = "() => [...document.querySelectorAll('.cm-line')].map((l) => l.textContent).join('\\n')"
    typed = await page.evaluate(doc)
    assert typed == TEXT

    # hold Delete for 2 s at the start of the text (key auto-repeat: one key every ~10 ms)
    await page.keyboard.press("Control+Home")
    deadline = time.monotonic() + 2.0
    presses = 0
    while time.monotonic() < deadline:
        await page.keyboard.press("Delete")
        presses += 1
    assert await answers_within(dashboard, 1.0) < 1.0
    remaining = await page.evaluate(doc)
    assert remaining == typed[presses:] if presses < len(typed) else remaining == ""

    # select all, Delete, then type again: the editor holds exactly the new text
    await page.keyboard.press("Control+a")
    await page.keyboard.press("Delete")
    await page.keyboard.type("echo ok")
    assert await answers_within(dashboard, 1.0) < 1.0
    await expect(code).to_have_text("echo ok")
    assert await page.evaluate(doc) == "echo ok"
    # and the operation itself holds it: a save sends what the editor shows
    if kind == "bash_jinja2":
        await expect(page.get_by_test_id("script-preview")).to_have_text("echo ok")
