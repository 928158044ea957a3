"""Real PLynx processes to be hurt: ``plynx server`` and separate ``plynx worker`` processes,
started as an operator starts them (an API and a worker token made as ``plynx token create``
makes them, the worker token in ``PLYNX_TOKEN``), with a client holding the API token. Used by
``benchmarks/chaos.py`` and by ``tests/e2e/test_chaos.py``.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from plynx.client import PlynxClient
from plynx.model import TokenKind
from plynx.server.auth import create_token
from plynx.settings import load_settings
from plynx.store import open_store


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def ancestors(pid: int) -> Iterator[int]:
    """``pid`` and its parent, grandparent… (Linux ``/proc``)."""
    while pid > 1:
        yield pid
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            return
        pid = int(stat.rsplit(")", 1)[1].split()[1])


def alive(pid: int) -> bool:
    """Whether process ``pid`` exists and is not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


class Cluster:
    """A ``plynx server`` on a fixed port (restartable on the same store) and its workers.

    Leases are short (``lease`` seconds, heartbeats every ``heartbeat``) so that lost workers
    are noticed quickly. Use as an async context manager; everything started is stopped."""

    def __init__(
        self,
        tmp: Path,
        store: str | None = None,
        *,
        lease: float = 2.0,
        heartbeat: float = 0.5,
    ) -> None:
        self.tmp = tmp
        self.data_dir = tmp / "data"
        self.store = store
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("PLYNX_")}
        self.env |= {
            "PYTHONUNBUFFERED": "1",
            "PLYNX_LEASE_TIMEOUT": str(lease),
            "PLYNX_HEARTBEAT_INTERVAL": str(heartbeat),
        }
        self.lease = lease
        self.server: subprocess.Popen[bytes] | None = None
        self.workers: list[subprocess.Popen[bytes]] = []
        self.api_token = ""
        self.worker_token = ""
        self._client: PlynxClient | None = None
        self._logs = tmp / "logs"

    @property
    def client(self) -> PlynxClient:
        """A client of the server with the API token."""
        assert self._client is not None, "enter the cluster first"
        return self._client

    def _store_args(self) -> list[str]:
        store = ["--store", self.store] if self.store else []
        return ["--data-dir", str(self.data_dir), *store]

    async def __aenter__(self) -> Cluster:
        self._logs.mkdir(parents=True, exist_ok=True)
        # what `plynx token create` does, without two more interpreters starting
        self.data_dir.mkdir(parents=True, exist_ok=True)
        settings = load_settings(environ={}, data_dir=self.data_dir, store=self.store)
        async with open_store(settings.store_url) as store:
            self.api_token = await create_token(store, TokenKind.API, "chaos", "chaos")
            self.worker_token = await create_token(store, TokenKind.WORKER, "ops", "chaos")
        self._client = await PlynxClient(self.url, self.api_token).__aenter__()
        await self.start_server()
        return self

    async def __aexit__(self, *exc: object) -> None:
        procs = [*self.workers, *([self.server] if self.server is not None else [])]
        for proc in procs:
            if proc.poll() is None:
                with_signal(proc, signal.SIGCONT)  # a stopped process would not stop
                proc.terminate()
        for proc in procs:
            try:
                await asyncio.to_thread(proc.wait, 15)
            except subprocess.TimeoutExpired:
                proc.kill()
                await asyncio.to_thread(proc.wait)
        await self.client.close()

    def _spawn(self, name: str, args: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
        with open(self._logs / f"{name}.log", "ab") as log:
            return subprocess.Popen(
                [sys.executable, "-m", "plynx", *args],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=log,
                start_new_session=True,  # a signal to the harness must not reach it
            )

    async def start_server(self, within: float = 60) -> None:
        """Start the server (again) and wait until it answers."""
        args = ["server", "--port", str(self.port), *self._store_args()]
        self.server = self._spawn("server", args, self.env)
        async with asyncio.timeout(within):
            await self.client.wait_ready()

    def kill_server(self) -> None:
        """SIGKILL the server."""
        assert self.server is not None
        self.server.kill()
        self.server.wait()
        self.server = None

    def start_worker(self, slots: int = 1) -> subprocess.Popen[bytes]:
        """Start a worker process with a work directory of its own."""
        n = len(self.workers)
        args = ["worker", "--server", self.url, "--slots", str(slots)]
        args += ["--work-dir", str(self.tmp / f"worker-{n}")]
        proc = self._spawn(f"worker-{n}", args, {**self.env, "PLYNX_TOKEN": self.worker_token})
        self.workers.append(proc)
        return proc

    def live_workers(self) -> list[subprocess.Popen[bytes]]:
        """Worker processes still running."""
        return [proc for proc in self.workers if proc.poll() is None]

    def worker_of(self, pid: int) -> subprocess.Popen[bytes] | None:
        """The worker process that (indirectly) started process ``pid``."""
        by_pid = {proc.pid: proc for proc in self.live_workers()}
        return next((by_pid[p] for p in ancestors(pid) if p in by_pid), None)

    async def wait_workers(self, count: int, within: float = 60) -> None:
        """Wait until ``count`` workers are connected."""
        async with asyncio.timeout(within):
            while True:
                if len(await self.client.workers()) >= count:
                    return
                await asyncio.sleep(0.1)

    async def counters(self) -> dict[str, int | None]:
        """The server's counts of rejected late and forged worker messages
        (``GET /api/v1/workers/fencing``); ``None`` when it does not answer."""
        try:
            fencing = await self.client.request("GET", "/workers/fencing")
        except Exception:  # a figure, not a verdict: the server may not answer
            return {"late": None, "forged": None}
        return {"late": int(fencing["late"]), "forged": int(fencing["forged"])}


def with_signal(proc: subprocess.Popen[bytes], sig: signal.Signals) -> None:
    """Send ``sig`` to ``proc`` if it still runs."""
    if proc.poll() is None:
        proc.send_signal(sig)
