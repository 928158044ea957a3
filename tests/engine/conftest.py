"""An engine on a real SQLite store, driven by scripted in-process workers."""

from __future__ import annotations

import asyncio
import hashlib
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from plynx.artifacts.local import LocalArtifactStore
from plynx.artifacts.logs import LogStore
from plynx.engine import Engine, EventBus, WorkerSession
from plynx.model import ArtifactRef, Graph, NodeRun, Run, parse_graph_document
from plynx.nodes import load_registry
from plynx.protocol import (
    Ack,
    Cancel,
    Dispatch,
    Heartbeat,
    Hello,
    Log,
    Result,
    RunningRef,
    Started,
    Welcome,
)
from plynx.settings import Settings, load_settings
from plynx.store import Store, open_store

Behaviour = Callable[["FakeWorker", Dispatch], Awaitable[Result | None]]


def fake_ref(text: str) -> ArtifactRef:
    """An artifact reference for ``text`` (the engine never reads artifact bytes)."""
    return ArtifactRef(sha256=hashlib.sha256(text.encode()).hexdigest(), size=len(text))


async def succeed(worker: FakeWorker, d: Dispatch) -> Result:
    """Produce each output as a function of what produced it (as a real, deterministic node
    would): code, parameters and inputs."""
    inputs = sorted((k, [r.sha256 for r in v]) for k, v in d.inputs.items())
    seed = f"{d.code}|{sorted(d.params.items())}|{inputs}"
    return Result(
        node_run_id=d.node_run_id,
        attempt=d.attempt,
        status="success",
        outputs={o.name: [fake_ref(seed + o.name)] for o in d.outputs},
        exit_code=0,
    )


@dataclass
class FakeWorker:
    """A scripted worker speaking the protocol through the engine's worker API."""

    engine: Engine
    behaviour: Behaviour = succeed
    slots: int = 2
    kinds: tuple[str, ...] = ("bash_jinja2", "python")
    worker_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    dispatched: list[Dispatch] = field(default_factory=list)
    canceled: list[Cancel] = field(default_factory=list)
    acked: list[Ack] = field(default_factory=list)
    welcome: Welcome | None = None
    session: WorkerSession | None = None
    running: dict[str, asyncio.Task[None]] = field(default_factory=dict)
    attempts: dict[str, int] = field(default_factory=dict)  # node_run_id -> last attempt given
    silent: bool = False

    async def connect(self, running: list[RunningRef] | None = None) -> None:
        hello = Hello(
            protocol=1,
            worker_id=self.worker_id,
            host="test",
            kinds=list(self.kinds),
            slots=self.slots,
            running=running or [],
        )
        self.session = await self.engine.attach_worker(hello)
        self._reader = asyncio.create_task(self._read(self.session))
        self._beater = asyncio.create_task(self._heartbeat(self.session))

    async def _heartbeat(self, session: WorkerSession) -> None:
        """Prove life every heartbeat interval, as a real worker does (unless frozen)."""
        while session.connected:
            await asyncio.sleep(self.engine.settings.heartbeat_interval)
            if not self.silent:
                await self.engine.on_worker_message(session, Heartbeat(running=self.holding()))

    def holding(self) -> list[RunningRef]:
        """The attempts this worker runs, as its heartbeats and hello list them."""
        return [
            RunningRef(node_run_id=node_run_id, attempt=self.attempts[node_run_id])
            for node_run_id in self.running
        ]

    async def disconnect(self) -> None:
        assert self.session is not None
        self._reader.cancel()
        self._beater.cancel()
        await self.engine.detach_worker(self.session)

    async def send(self, message: Started | Log | Result) -> None:
        assert self.session is not None
        if not self.silent:
            await self.engine.on_worker_message(self.session, message)

    async def _read(self, session: WorkerSession) -> None:
        while True:
            message = await session.outbox.get()
            if message is None:
                return
            if isinstance(message, Welcome):
                self.welcome = message
            elif isinstance(message, Dispatch):
                self.dispatched.append(message)
                self.attempts[message.node_run_id] = message.attempt
                self.running[message.node_run_id] = asyncio.create_task(self._execute(message))
            elif isinstance(message, Cancel):
                self.canceled.append(message)
                task = self.running.pop(message.node_run_id, None)
                if task is not None:
                    task.cancel()
                    await self.send(
                        Result(
                            node_run_id=message.node_run_id,
                            attempt=message.attempt,
                            status="canceled",
                        )
                    )
            elif isinstance(message, Ack):
                self.acked.append(message)

    async def _execute(self, d: Dispatch) -> None:
        await self.send(Started(node_run_id=d.node_run_id, attempt=d.attempt))
        result = await self.behaviour(self, d)
        self.running.pop(d.node_run_id, None)
        if result is not None:
            await self.send(result)


def graph_from(doc: dict[str, object]) -> Graph:
    graph, _ = parse_graph_document(doc)
    return graph


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(environ={}, data_dir=tmp_path, lease_timeout=0.6, heartbeat_interval=0.1)


async def make_engine(settings: Settings) -> tuple[Engine, Store]:
    store = open_store(settings.store_url)
    await store.open()
    artifacts = LocalArtifactStore(settings.artifacts_url)
    await artifacts.open()
    logs = LogStore(settings.data_dir / "logs")
    engine = Engine(settings, store, artifacts, logs, load_registry(), EventBus())
    await engine.start()
    return engine, store


@pytest.fixture
async def engine(settings: Settings) -> AsyncIterator[Engine]:
    engine, store = await make_engine(settings)
    yield engine
    await engine.stop()
    await engine.logs.close()
    await store.close()


async def wait_finished(
    engine: Engine, run: Run, timeout: float = 10
) -> tuple[Run, dict[str, NodeRun]]:
    """Poll until the run has finished; return it and its node runs by node id."""
    async with asyncio.timeout(timeout):
        while True:
            current, node_runs = await engine.get_run(run.id)
            if current.status.finished:
                await engine.flush()
                current, node_runs = await engine.get_run(run.id)
                return current, {nr.node_id: nr for nr in node_runs}
            await asyncio.sleep(0.01)
