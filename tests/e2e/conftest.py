"""End to end: the real app on a real port, real worker processes, real bash and python.

Every test that uses ``cluster`` runs once per store backend of the e2e cluster
(``test_x[sqlite]``, ``test_x[postgres]``, ``test_x[mongo]``), each on a fresh database from
``tests/store/conftest.py::BACKENDS``; a server restarted mid-test reopens the same database.
Which backends:

* ``PLYNX_TEST_E2E_STORES=sqlite,postgres,mongo`` (comma-separated) chooses explicitly;
* otherwise, under CI (``CI=true``), all three;
* otherwise only ``sqlite``, to keep local runs fast.

A backend that is not in ``BACKENDS`` (its store module has not landed) is skipped with the
reason; one whose server is unreachable skips locally and fails under CI, as the store suite
does.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from store.conftest import BACKENDS  # tests/store, importable as pytest puts tests/ on the path

from plynx.server.app import create_app
from plynx.settings import Settings, load_settings

TOKEN = "e2e-worker-secret"
#: What clients of the local-mode server show (the dashboard gets it as a cookie).
LOCAL_TOKEN = "e2e-local-secret"
ALL_STORES = ("sqlite", "postgres", "mongo")


def e2e_stores() -> list[str]:
    """The store backends the e2e cluster runs on (see the module docstring)."""
    chosen = os.environ.get("PLYNX_TEST_E2E_STORES", "")
    if not chosen.strip():
        return list(ALL_STORES) if os.environ.get("CI") == "true" else ["sqlite"]
    names = [name.strip() for name in chosen.split(",") if name.strip()]
    unknown = [name for name in names if name not in ALL_STORES]
    if unknown:  # a typo must not quietly test nothing
        raise pytest.UsageError(
            f"PLYNX_TEST_E2E_STORES: unknown store {unknown}; choose from {', '.join(ALL_STORES)}"
        )
    return names


def _store_params() -> list[Any]:
    params = []
    for name in e2e_stores():
        marks = []
        if name not in BACKENDS:
            reason = (
                f"store backend {name!r} is not in tests/store/conftest.py BACKENDS "
                f"(there: {', '.join(BACKENDS)})"
            )
            marks.append(pytest.mark.skip(reason=reason))
        params.append(pytest.param(name, id=name, marks=marks))
    return params


@dataclass
class Cluster:
    """A running server with worker processes, and an HTTP session to talk to it."""

    settings: Settings
    port: int
    tmp: Path
    server: TestServer | None = None
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)
    http: aiohttp.ClientSession | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start_server(self) -> None:
        app: web.Application = create_app(self.settings)
        self.server = TestServer(app, host="127.0.0.1", port=self.port)
        await self.server.start_server()

    async def stop_server(self) -> None:
        assert self.server is not None
        await self.server.close()
        self.server = None

    def start_worker(self, slots: int = 2, work: Path | None = None) -> subprocess.Popen[bytes]:
        """A worker process (with a work directory of its own unless ``work`` is given)."""
        work = work or self.tmp / f"worker-{len(self.workers)}"
        with open(self.tmp / f"worker-{len(self.workers)}.log", "wb") as log:
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "plynx",
                    "worker",
                    "--server",
                    self.url,
                    "--token",
                    TOKEN,
                    "--slots",
                    str(slots),
                    "--work-dir",
                    str(work),
                ],
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        self.workers.append(proc)
        return proc

    async def wait_workers(self, count: int, timeout: float = 20) -> list[dict[str, Any]]:
        async with asyncio.timeout(timeout):
            while True:
                workers = await self.get("/api/v1/workers")
                if len(workers) >= count:
                    return list(workers)
                await asyncio.sleep(0.05)

    async def request(self, method: str, path: str, **kwargs: Any) -> tuple[int, Any]:
        assert self.http is not None
        async with self.http.request(method, self.url + path, **kwargs) as resp:
            if resp.content_type == "application/json":
                return resp.status, await resp.json()
            return resp.status, await resp.text()

    async def get(self, path: str) -> Any:
        status, body = await self.request("GET", path)
        assert status == 200, body
        return body

    async def submit(self, doc: dict[str, Any]) -> str:
        from plynx.model import parse_graph_document

        graph, _ = parse_graph_document(doc)
        status, body = await self.request(
            "POST", "/api/v1/runs", json={"graph": graph.model_dump(mode="json")}
        )
        assert status == 201, body
        return str(body["run"]["id"])

    async def wait_run(self, run_id: str, timeout: float = 60) -> dict[str, Any]:
        async with asyncio.timeout(timeout):
            while True:
                detail = await self.get(f"/api/v1/runs/{run_id}")
                if detail["run"]["status"] in ("success", "failed", "canceled"):
                    return dict(detail)
                await asyncio.sleep(0.05)

    async def wait_node(
        self, run_id: str, node_id: str, status: str, timeout: float = 30
    ) -> dict[str, Any]:
        async with asyncio.timeout(timeout):
            while True:
                detail = await self.get(f"/api/v1/runs/{run_id}")
                node = next(n for n in detail["node_runs"] if n["node_id"] == node_id)
                if node["status"] == status:
                    return dict(node)
                await asyncio.sleep(0.05)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(params=_store_params())
async def cluster(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Cluster]:
    """A server on a fresh database of one store backend (no workers yet)."""
    async with (
        BACKENDS[request.param].database(tmp_path / "store") as store_url,
        running_cluster(store_url, tmp_path) as c,
    ):
        yield c


@asynccontextmanager
async def running_cluster(store_url: str | None, tmp_path: Path) -> AsyncIterator[Cluster]:
    """A local-mode server on a free port (``store_url``, or SQLite in ``tmp_path``); workers are
    started with ``cluster.start_worker()`` and stopped on exit."""
    settings = load_settings(
        environ={},
        data_dir=tmp_path / "data",
        store=store_url,
        local_mode=True,
        worker_token=TOKEN,
        local_token=LOCAL_TOKEN,
        lease_timeout=3.0,
        heartbeat_interval=0.5,
    )
    c = Cluster(settings=settings, port=free_port(), tmp=tmp_path)
    await c.start_server()
    c.http = aiohttp.ClientSession(headers={"Authorization": f"Bearer {LOCAL_TOKEN}"})
    try:
        yield c
    finally:
        for proc in c.workers:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in c.workers:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        await c.http.close()
        if c.server is not None:
            await c.stop_server()


def bash(code: str, **extra: Any) -> dict[str, Any]:
    """A bash_jinja2 operation with one text output ``out`` and an optional array input."""
    return {
        "kind": "bash_jinja2",
        "code": code,
        "outputs": {"out": "text"},
        "inputs": {"in": {"type": "text", "is_array": True, "min_count": 0}},
        **extra,
    }


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
