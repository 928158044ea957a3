"""A page on another origin, open in the same browser as a logged-in dashboard, cannot make
PLynx run code: neither with a no-cors ``fetch`` of ``text/plain`` JSON nor with a plain HTML
form, nor listen to ``/ws/events``. The attacker is served from ``127.0.0.1`` on another port:
the same *site*, so even the ``SameSite=Strict`` cookie travels with its requests, and only
the Origin check stops them."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from e2e.conftest import Cluster, bash

from plynx.model import parse_graph_document

from .conftest import Dashboard

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ATTACK = """<!doctype html>
<html><body>
<iframe name="sink"></iframe>
<form id="form" method="POST" action="{target}" enctype="text/plain" target="sink">
  <input type="hidden" name='{form_name}' value='{form_value}'>
</form>
<script>
  window.attack = async () => {{
    await fetch({target_js}, {{
      method: "POST", mode: "no-cors", credentials: "include",
      headers: {{"Content-Type": "text/plain"}}, body: {body_js},
    }});
    document.getElementById("form").submit();
  }};
  window.listen = () => new Promise((resolve) => {{
    const ws = new WebSocket({events_js});
    ws.onopen = () => resolve("open");
    ws.onerror = () => resolve("refused");
  }});
</script>
</body></html>
"""


def _run_body(marker: Path) -> str:
    graph, _ = parse_graph_document(
        {
            "title": "pwned",
            "operations": {"evil": bash(f"touch '{marker}'\necho x > {{{{ outputs.out }}}}")},
            "nodes": {"evil": {"operation": "evil"}},
        }
    )
    return json.dumps({"graph": graph.model_dump(mode="json")})


async def _attacker(page_html: str) -> TestServer:
    async def index(request: web.Request) -> web.Response:
        return web.Response(text=page_html, content_type="text/html")

    app = web.Application()
    app.router.add_get("/", index)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    return server


async def test_a_page_on_another_origin_cannot_start_a_run(
    cluster: Cluster, dashboard: Dashboard, tmp_path: Path
) -> None:
    cluster.start_worker()
    await cluster.wait_workers(1)
    marker = tmp_path / "pwned"
    body = _run_body(marker)
    # a text/plain form sends "name=value": split the JSON so that it reads as JSON again
    cut = body.rindex('"title"')
    form_name, form_value = body[:cut] + '"x', '":1,' + body[cut:]
    target = f"{cluster.url}/api/v1/runs"
    html = ATTACK.format(
        target=target,
        target_js=json.dumps(target),
        events_js=json.dumps(cluster.url.replace("http://", "ws://") + "/ws/events"),
        body_js=json.dumps(body),
        form_name=form_name.replace("'", "&#39;"),
        form_value=form_value.replace("'", "&#39;"),
    )
    attacker = await _attacker(html)
    try:
        statuses: list[int] = []
        page = await dashboard.page.context.new_page()
        page.on(
            "response", lambda r: r.url == target and statuses.append(r.status)
        )  # seen by the test, not by the attacker's script
        await page.goto(str(attacker.make_url("/")))
        # its websocket would have carried the run's events (the cookie travels: same site)
        assert await page.evaluate("window.listen()") == "refused"
        await page.evaluate("window.attack()")
        async with asyncio.timeout(10):
            while len(statuses) < 2:
                await asyncio.sleep(0.05)
        await page.close()
    finally:
        await attacker.close()
    assert statuses == [403, 403]
    await asyncio.sleep(1)  # a run that had started would have touched the marker by now
    assert not marker.exists()
    assert (await cluster.get("/api/v1/runs"))["total"] == 0

    # the dashboard's own page, with the same cookie, may start it
    await dashboard.open("/runs")
    status = await dashboard.page.evaluate(
        """async (body) => (await fetch("/api/v1/runs", {
            method: "POST", headers: {"Content-Type": "application/json"}, body,
        })).status""",
        body,
    )
    assert status == 201
    run_id = (await cluster.get("/api/v1/runs"))["items"][0]["id"]
    assert (await cluster.wait_run(run_id))["run"]["status"] == "success"
    assert marker.exists()
