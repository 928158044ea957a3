"""A node that no connected worker can run says so in its status: in the run document, in the
``/ws/events`` node updates and in what ``plynx run`` prints while it waits (issue 14)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from plynx.client import frame_messages

from .conftest import Plynx, bash, free_port, http_json, stop, wait_until

pytestmark = pytest.mark.slow

WAITING = "waiting for a worker with kind `python`"


def _worker(plynx: Plynx, url: str, token: str, name: str, *kinds: str) -> subprocess.Popen[str]:
    """A ``plynx worker`` of its own work directory, with only ``kinds`` if given."""
    args = ["--kinds", ",".join(kinds)] if kinds else []
    work = ["--work-dir", str(plynx.cwd.parent / name)]
    return subprocess.Popen(
        [sys.executable, "-m", "plynx", "worker", "--server", url, "--slots", "1", *work, *args],
        cwd=plynx.cwd,
        env={**plynx.env, "PLYNX_TOKEN": token},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )


async def _updates_until_dispatched(
    url: str, token: str, run_id: str, ready: asyncio.Event
) -> list[Any]:
    """The ``py`` node as each update on ``/ws/events`` leaves it (an update carries what
    changed: merged into the node run of the snapshot), until it leaves the queue; sets
    ``ready`` once subscribed."""
    headers = {"Authorization": f"Bearer {token}"}
    seen: list[Any] = []
    py: dict[str, Any] = {}
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(url + "/ws/events", headers=headers) as ws,
    ):
        await ws.send_json({"type": "subscribe", "topic": "run", "run_id": run_id})
        async for message in ws:
            for item in frame_messages(message.json()):
                if item.get("type") == "snapshot":
                    py = next(nr for nr in item["node_runs"] if nr["node_id"] == "py")
                    ready.set()
                    continue
                change = item.get("node_run") or {}
                if change.get("node_id") == "py":
                    py = {**py, **change}
                    seen.append(py)
                    if py["status"] != "queued":
                        return seen
    return seen


def test_a_node_no_worker_can_run_says_which_kind_it_waits_for(
    plynx: Plynx, background: list[subprocess.Popen[str]], tmp_path: Path
) -> None:
    data = ["--data-dir", str(plynx.data_dir)]
    api_token = plynx("token", "create", "--user", "alice", *data).stdout.strip()
    worker_token = plynx("token", "create", "--kind", "worker", "--user", "ops", *data)
    url = f"http://127.0.0.1:{free_port()}"
    background.append(plynx.start("server", "--port", url.rsplit(":", 1)[1], *data))
    wait_until(lambda: http_json(url + "/api/v1/health")[0] == 200, what="the server")
    background.append(_worker(plynx, url, worker_token.stdout.strip(), "bash-only", "bash_jinja2"))
    wait_until(lambda: http_json(url + "/api/v1/workers", api_token)[1], what="the worker")

    graph = plynx.write_graph(
        "mixed.yaml",
        {
            "operations": {
                "sh": bash("echo from-bash > {{ outputs.out }}"),
                "py": {
                    "kind": "python",
                    "outputs": {"out": "text"},
                    "code": "def main(out):\n    open(out, 'w').write('from-python')\n",
                },
            },
            "nodes": {"sh": {"operation": "sh"}, "py": {"operation": "py"}},
        },
    )
    log = tmp_path / "run.log"
    with log.open("w") as out:
        run = subprocess.Popen(
            [sys.executable, "-m", "plynx", "run", str(graph), "--server", url],
            cwd=plynx.cwd,
            env={**plynx.env, "PLYNX_TOKEN": api_token, "COLUMNS": "200"},
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
        )
    background.append(run)

    def waiting_node() -> dict[str, Any] | None:
        status, page = http_json(url + "/api/v1/runs", api_token)
        if status != 200 or not page["items"]:
            return None
        _, detail = http_json(url + f"/api/v1/runs/{page['items'][0]['id']}", api_token)
        nodes = {nr["node_id"]: nr for nr in detail["node_runs"]}
        if nodes["sh"]["status"] == "success" and nodes["py"]["status_detail"]:
            return {"run_id": detail["run"]["id"], **nodes["py"]}
        return None

    py = wait_until(waiting_node, what="the python node to say what it waits for")
    assert py["status"] == "queued"
    assert py["status_detail"] == WAITING
    wait_until(lambda: WAITING in log.read_text(), what="plynx run to print it")
    assert f"py: {WAITING}" in log.read_text()
    assert "sh: waiting" not in log.read_text()  # the bash node ran: nothing to explain

    # a worker that has the kind comes: the node update clears the detail and the run ends
    async def follow_and_start_worker() -> list[Any]:
        ready = asyncio.Event()
        watching = asyncio.create_task(
            _updates_until_dispatched(url, api_token, py["run_id"], ready)
        )
        await asyncio.wait_for(ready.wait(), 30)
        background.append(_worker(plynx, url, worker_token.stdout.strip(), "all-kinds"))
        return await asyncio.wait_for(watching, 60)

    updates = asyncio.run(follow_and_start_worker())
    # (started, or done already: the changes of one flush round come as one update)
    assert updates[-1]["status"] in ("running", "success")
    assert updates[-1]["status_detail"] is None
    assert run.wait(timeout=60) == 0, log.read_text()
    _, detail = http_json(url + f"/api/v1/runs/{py['run_id']}", api_token)
    assert [nr["status_detail"] for nr in detail["node_runs"]] == [None, None]
    stop(run)
