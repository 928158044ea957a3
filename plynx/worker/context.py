"""The worker's :class:`~plynx.nodes.base.RunContext`: what a running node sees.

The context owns the processes a node starts. It enforces the timeout (one timer per attempt)
and cancellation: both kill every process group of the attempt (``SIGTERM``, then ``SIGKILL``
after the grace period). A kind that runs no process and ignores cancellation has its
coroutine cancelled once the grace period is over.
"""

from __future__ import annotations

import asyncio
import signal
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from plynx.nodes.base import RunContext
from plynx.worker.config import NodeUser
from plynx.worker.forkserver import ForkServer
from plynx.worker.logs import LogSink
from plynx.worker.process import Process, spawn

__all__ = ["WorkerContext"]


class WorkerContext(RunContext):
    """A :class:`RunContext` backed by real processes.

    ``env`` is the environment processes start with (``run_process``'s ``env`` is added to it);
    ``kill_grace`` is the time between ``SIGTERM`` and ``SIGKILL``; ``user`` is who processes
    run as (``None``: the worker's user; the fork server already runs as that user). The
    timeout clock starts when the context is created, so create it right before running the
    node.
    """

    def __init__(
        self,
        *,
        node_run_id: str,
        attempt: int,
        code: str,
        params: Mapping[str, Any],
        inputs: Mapping[str, Sequence[Path]],
        input_arrays: frozenset[str],
        outputs: Mapping[str, Path],
        workdir: Path,
        timeout: float | None,
        sink: LogSink,
        env: Mapping[str, str],
        forkserver: ForkServer | None = None,
        kill_grace: float = 3.0,
        user: NodeUser | None = None,
    ) -> None:
        self.node_run_id = node_run_id
        self.attempt = attempt
        self.code = code
        self.params = params
        self.inputs = inputs
        self.input_arrays = input_arrays
        self.outputs = outputs
        self.workdir = workdir
        self.timeout = timeout
        self.sink = sink
        self.env = env
        self.forkserver = forkserver
        self.kill_grace = kill_grace
        self.user = user
        #: Why the attempt was stopped (``None`` while it was not).
        self.cancel_reason: str | None = None
        #: Whether the timeout stopped the attempt.
        self.timed_out = False
        #: Whether the node's coroutine had to be cancelled (it ignored the stop).
        self.abandoned = False
        self.started = time.monotonic()
        self._processes: set[Process] = set()
        self._kills: set[asyncio.Task[int]] = set()
        self._task = asyncio.current_task()
        loop = asyncio.get_running_loop()
        self._timer = loop.call_later(timeout, self._on_timeout) if timeout else None
        self._hard_stop: asyncio.TimerHandle | None = None

    @property
    def stopped(self) -> bool:
        """Whether the attempt was cancelled or timed out."""
        return self.cancel_reason is not None

    def log(self, text: str, stream: Literal["stdout", "stderr"] = "stderr") -> None:
        self.sink.write(text, stream)

    async def run_process(
        self, argv: Sequence[str], *, env: Mapping[str, str] | None = None
    ) -> int:
        full_env = {**self.env, **env} if env else self.env
        process = spawn(argv, cwd=self.workdir, env=full_env, sink=self.sink, user=self.user)
        return await self._supervise(process)

    async def run_python(self, code: str, bindings: Mapping[str, Any]) -> int:
        if self.forkserver is None:
            raise RuntimeError("this worker runs no python fork server")
        process = await self.forkserver.spawn(
            code, bindings, cwd=self.workdir, sink=self.sink, env=self.env
        )
        return await self._supervise(process)

    async def _supervise(self, process: Process) -> int:
        self._processes.add(process)
        try:
            if self.stopped:  # stopped while the process was starting
                self._kill(process)
            return await process.wait()
        finally:
            self._processes.discard(process)

    def _kill(self, process: Process) -> None:
        task = asyncio.ensure_future(process.terminate(self.kill_grace))
        self._kills.add(task)
        task.add_done_callback(self._kills.discard)

    def _stop(self, reason: str) -> None:
        if self.stopped:
            return
        self.cancel_reason = reason
        for process in list(self._processes):
            self._kill(process)
        if self._task is not None:
            loop = asyncio.get_running_loop()
            self._hard_stop = loop.call_later(self.kill_grace + 1.0, self._abandon)

    def _abandon(self) -> None:
        if self._task is not None and not self._task.done():
            self.abandoned = True
            self._task.cancel()

    def _on_timeout(self) -> None:
        self.timed_out = True
        self._stop(f"timed out after {self.timeout:g}s")

    def cancel(self, reason: str) -> None:
        """Stop the attempt: kill its processes (the node's ``run`` then returns)."""
        self._stop(reason)

    def close(self) -> None:
        """The node returned: stop the timers and kill any process it left running."""
        for handle in (self._timer, self._hard_stop):
            if handle is not None:
                handle.cancel()
        for process in list(self._processes):
            process.signal(signal.SIGKILL)
