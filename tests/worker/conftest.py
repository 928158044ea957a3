"""A real worker against the fake server of :mod:`tests.worker.fake_server`."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pytest_aiohttp import AiohttpServer

from plynx.model.operation import Output
from plynx.model.run import ArtifactRef
from plynx.protocol import Dispatch
from plynx.worker.config import WorkerConfig
from plynx.worker.daemon import Worker

from .fake_server import TOKEN, FakeServer

StartWorker = Callable[..., tuple[Worker, "asyncio.Task[int]"]]


@pytest.fixture
def fake() -> FakeServer:
    return FakeServer()


@pytest.fixture
async def server_url(aiohttp_server: AiohttpServer, fake: FakeServer) -> str:
    server = await aiohttp_server(fake.app())
    return str(server.make_url("/")).rstrip("/")


@pytest.fixture
async def start_worker(server_url: str) -> AsyncIterator[StartWorker]:
    started: list[tuple[Worker, asyncio.Task[int]]] = []
    dirs: list[Path] = []

    def start(**overrides: Any) -> tuple[Worker, asyncio.Task[int]]:
        dirs.append(Path(tempfile.mkdtemp(prefix="plynx-worker-")))
        options: dict[str, Any] = {
            "server": server_url,
            "token": TOKEN,
            "slots": 2,
            "work_dir": dirs[-1],
            "kill_grace": 1.0,
        }
        options.update(overrides)
        worker = Worker(WorkerConfig(**options))
        task = asyncio.ensure_future(worker.run())
        started.append((worker, task))
        return worker, task

    yield start
    for worker, task in started:
        worker.stop()
        async with asyncio.timeout(15):
            await task
    for path in dirs:
        shutil.rmtree(path, ignore_errors=True)


def dispatch(
    code: str,
    *,
    kind: str = "bash_jinja2",
    attempt: int = 1,
    inputs: dict[str, list[ArtifactRef]] | None = None,
    arrays: tuple[str, ...] = (),
    outputs: dict[str, str] | None = None,
    params: dict[str, Any] | None = None,
    timeout: float | None = None,
    lease: float = 5.0,
) -> Dispatch:
    """A dispatch of a fresh node run (outputs default to one file ``out``)."""
    outs = {"out": "file"} if outputs is None else outputs
    return Dispatch(
        node_run_id=uuid.uuid4().hex,
        run_id="run",
        node_id="node",
        attempt=attempt,
        lease=lease,
        kind=kind,
        code=code,
        params=params or {},
        inputs=inputs or {},
        input_arrays=list(arrays),
        outputs=[Output(name=n, type=t) for n, t in outs.items()],  # type: ignore[arg-type]
        timeout=timeout,
    )


@dataclass
class WorkerProcess:
    """A ``plynx worker`` process and the file its stderr goes to."""

    proc: subprocess.Popen[bytes]
    log: Path

    @property
    def pid(self) -> int:
        return self.proc.pid


StartProcess = Callable[..., WorkerProcess]


@pytest.fixture
def worker_process(server_url: str) -> Iterator[StartProcess]:
    """Start ``plynx worker`` processes against the fake server (stopped at the end).
    ``start(*args, env=..., stdin=..., user=...)``: extra CLI arguments; the token is passed in
    ``PLYNX_TOKEN`` unless ``env`` is given; ``user`` runs the worker as that user (root only)
    with the interpreter ``python``."""
    procs: list[subprocess.Popen[bytes]] = []
    dirs: list[Path] = []

    def start(
        *args: str,
        env: dict[str, str] | None = None,
        stdin: int | None = subprocess.DEVNULL,
        user: str | None = None,
        python: str = sys.executable,
    ) -> WorkerProcess:
        dirs.append(Path(tempfile.mkdtemp(prefix="plynx-worker-")))
        dirs[-1].chmod(0o711)  # a node user must reach the work directory inside
        if user is not None:
            shutil.chown(dirs[-1], user)
        argv = [python, "-m", "plynx", "worker", "--server", server_url, "--slots", "2"]
        argv += ["--work-dir", str(dirs[-1] / "work"), *args]
        base = {k: v for k, v in os.environ.items() if not k.startswith("PLYNX_")}
        log = dirs[-1] / "worker.log"
        with log.open("wb") as stderr:
            proc = subprocess.Popen(
                argv,
                env={**base, "PLYNX_TOKEN": TOKEN} if env is None else {**base, **env},
                stdin=stdin,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                user=user,
            )
        procs.append(proc)
        return WorkerProcess(proc, log)

    yield start
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    for path in dirs:
        shutil.rmtree(path, ignore_errors=True)
