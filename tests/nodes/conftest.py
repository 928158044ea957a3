"""Run a node kind through the worker's real context (processes, fork server, log sink) on
local files, without a server."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from plynx.nodes.base import BaseNode
from plynx.worker.context import WorkerContext
from plynx.worker.forkserver import ForkServer
from plynx.worker.logs import LogSink


@dataclass
class Outcome:
    """What a node run left behind."""

    exit_code: int
    ctx: WorkerContext
    logs: list[tuple[str, str]]
    outputs: dict[str, Path]

    def log(self, stream: str = "stdout") -> str:
        return "".join(text for s, text in self.logs if s == stream)


RunNode = Callable[..., Awaitable[Outcome]]


@pytest.fixture
def safe_tmp() -> Iterator[Path]:
    """A temporary directory whose path needs no shell quoting (unlike some ``tmp_path``s)."""
    path = Path(tempfile.mkdtemp(prefix="plynx-test-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
async def forkserver() -> AsyncIterator[ForkServer]:
    server = ForkServer()
    await server.start()
    yield server
    await server.close()


@pytest.fixture
def run_node(safe_tmp: Path, forkserver: ForkServer) -> RunNode:
    async def run(
        node: BaseNode,
        code: str,
        *,
        inputs: Mapping[str, Sequence[Path]] | None = None,
        arrays: Sequence[str] = (),
        outputs: Mapping[str, str] | None = None,
        params: Mapping[str, Any] | None = None,
        time_limit: float | None = None,
    ) -> Outcome:
        attempt = Path(tempfile.mkdtemp(dir=safe_tmp, prefix="a"))
        work = attempt / "work"
        work.mkdir()
        (attempt / "outputs").mkdir()
        paths: dict[str, Path] = {}
        for name, kind in (outputs or {}).items():
            paths[name] = attempt / "outputs" / name
            if kind == "directory":
                paths[name].mkdir()
            else:
                paths[name].touch()
        logs: list[tuple[str, str]] = []
        sink = LogSink(lambda stream, text: logs.append((stream, text)))
        ctx = WorkerContext(
            node_run_id="nr",
            attempt=1,
            code=code,
            params=dict(params or {}),
            inputs={k: list(v) for k, v in (inputs or {}).items()},
            input_arrays=frozenset(arrays),
            outputs=paths,
            workdir=work,
            timeout=time_limit,
            sink=sink,
            env=dict(os.environ),
            forkserver=forkserver,
            kill_grace=1.0,
        )
        try:
            exit_code = await node.run(ctx)
        finally:
            ctx.close()
            sink.close()
        return Outcome(exit_code, ctx, logs, paths)

    return run
