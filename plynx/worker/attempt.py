"""One attempt of a node run on this worker: from a ``dispatch`` to its ``result``.

:class:`Executor` holds what all attempts share (the kinds, the artifact cache, the Python
fork server, the environment); :meth:`Executor.start` runs a dispatch as an :class:`Attempt`,
a task that prepares the workspace, runs the node, collects the outputs and returns the
:class:`~plynx.protocol.Result`; :meth:`Attempt.release` then gives the workspace back.
Messages produced on the way (``started``, ``log``, ``metrics``) go to the ``send`` callback;
every log batch and metric point is sent before the result is returned.

``started`` is sent only once the node has run for ``started_delay`` seconds: a node that
finishes sooner goes straight from queued to its result, which spares the server a transition.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from plynx.errors import PlynxError
from plynx.model.metrics import METRICS_ENV, MetricPoint
from plynx.model.run import ArtifactRef
from plynx.nodes.base import BaseNode
from plynx.nodes.registry import load_registry
from plynx.protocol import Dispatch, Log, Message, Metrics, Result, Started
from plynx.worker.artifact_cache import ArtifactCache
from plynx.worker.config import NodeUser
from plynx.worker.context import WorkerContext
from plynx.worker.forkserver import ForkServer
from plynx.worker.logs import LogSink, Stream
from plynx.worker.metrics import MetricsTail
from plynx.worker.workspace import Workspace, WorkspacePool

__all__ = ["Attempt", "Executor", "describe_exit", "failure_summary", "load_kinds"]

logger = logging.getLogger(__name__)
Send = Callable[[Message], None]


def describe_exit(code: int) -> str:
    """A sentence for a non-zero exit code (negative: killed by that signal)."""
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"killed by {name}"
    return f"exit code {code}"


def failure_summary(reason: str, sink: LogSink) -> str:
    """What a failed node's ``error`` says: ``reason`` (``exit code 3``, ``timed out after
    5s``) followed by the last lines of its stderr, which usually say what went wrong."""
    tail = sink.last_lines("stderr")
    return f"{reason}; stderr ends with:\n{tail}" if tail else reason


def load_kinds(names: Sequence[str] | None) -> dict[str, BaseNode]:
    """An instance of each node kind called ``names`` (default: every installed kind that
    executes); :class:`PlynxError` naming those that are not installed."""
    registry = load_registry()
    available = registry.executable()
    unknown = sorted(set(names or ()) - set(available))
    if unknown:
        raise PlynxError(
            f"kinds {', '.join(unknown)} are not installed here (installed: "
            f"{', '.join(available)}); install their plugins or leave them out of --kinds"
        )
    kinds: dict[str, BaseNode] = {}
    for name in available if names is None else names:
        kind = registry.get(name)
        if kind is not None:
            kinds[name] = kind()
    return kinds


@dataclass
class Executor:
    """What every attempt of a worker shares."""

    kinds: Mapping[str, BaseNode]
    cache: ArtifactCache
    workspaces: WorkspacePool
    env: Mapping[str, str]
    forkserver: ForkServer | None = None
    kill_grace: float = 3.0
    log_head: int = 1024 * 1024
    log_tail: int = 1024 * 1024
    started_delay: float = 0.02
    #: Limits how many attempts run their node at once (inputs are fetched meanwhile).
    slots: asyncio.Semaphore | None = None
    #: Who nodes run as (``None``: the worker's user).
    user: NodeUser | None = None

    def start(self, dispatch: Dispatch, send: Send) -> Attempt:
        """Start running ``dispatch``; the attempt's task returns its result."""
        return Attempt(self, dispatch, send)


class Attempt:
    """A dispatch being executed. :attr:`task` returns the :class:`Result`."""

    def __init__(self, executor: Executor, dispatch: Dispatch, send: Send) -> None:
        self.executor = executor
        self.dispatch = dispatch
        self._send = send
        self.ctx: WorkerContext | None = None
        self.cancel_reason: str | None = None
        self._node_running = False
        self._workspace: Workspace | None = None
        self.task: asyncio.Task[Result] = asyncio.ensure_future(self._run())

    @property
    def key(self) -> tuple[str, int]:
        """``(node_run_id, attempt)``."""
        return self.dispatch.node_run_id, self.dispatch.attempt

    def release(self) -> None:
        """Give the workspace back once the result is on its way: emptying the directory is
        not on the path from one node to the next."""
        workspace, self._workspace = self._workspace, None
        if workspace is not None:
            self.executor.workspaces.release_soon(workspace)

    def cancel(self, reason: str) -> None:
        """Stop the attempt; its result will say ``canceled``."""
        if self.cancel_reason is not None or self.task.done():
            return
        self.cancel_reason = reason
        if self._node_running and self.ctx is not None:
            self.ctx.cancel(reason)  # kills its processes; the node then returns
        else:  # fetching inputs or uploading outputs: stop that right away
            self.task.cancel()

    def _emit(self, stream: Stream, text: str) -> None:
        d = self.dispatch
        self._send(Log(node_run_id=d.node_run_id, attempt=d.attempt, stream=stream, data=text))

    def _emit_metrics(self, points: list[MetricPoint]) -> None:
        d = self.dispatch
        self._send(Metrics(node_run_id=d.node_run_id, attempt=d.attempt, points=points))

    def _result(
        self,
        status: Literal["success", "failed", "canceled"],
        started: float,
        *,
        exit_code: int | None = None,
        error: str | None = None,
        outputs: dict[str, list[ArtifactRef]] | None = None,
    ) -> Result:
        d = self.dispatch
        return Result(
            node_run_id=d.node_run_id,
            attempt=d.attempt,
            status=status,
            exit_code=exit_code,
            error=error,
            outputs=outputs or {},
            duration=time.monotonic() - started,
        )

    async def _run(self) -> Result:
        d = self.dispatch
        ex = self.executor
        started = time.monotonic()
        node = ex.kinds.get(d.kind)
        if node is None:
            error = (
                f"this worker does not run {d.kind!r} nodes (it runs: "
                f"{', '.join(sorted(ex.kinds)) or 'nothing'}); install the plugin on the worker"
            )
            return self._result("failed", started, error=error)
        sink = LogSink(self._emit, head=ex.log_head, tail=ex.log_tail)
        try:
            workspace = self._workspace = ex.workspaces.acquire()
            inputs = await workspace.inputs(d.inputs, ex.cache)
            outputs = workspace.outputs(d.outputs)
            async with ex.slots or contextlib.nullcontext():
                ctx, code = await self._execute(node, workspace, inputs, outputs, sink)
            if ctx.timed_out:
                reason = ctx.cancel_reason or "timed out"
                error = failure_summary(reason, sink)
                sink.write(f"plynx: {reason}; the process group was killed")
                return self._result("failed", started, exit_code=code, error=error)
            if ctx.stopped:
                return self._result("canceled", started, exit_code=code, error=ctx.cancel_reason)
            if code != 0:
                error = failure_summary(describe_exit(code), sink)
                return self._result("failed", started, exit_code=code, error=error)
            refs = await workspace.collect(d.outputs, outputs, ex.cache)
            return self._result("success", started, exit_code=0, outputs=refs)
        except asyncio.CancelledError:
            if self.cancel_reason is None:
                raise  # the worker itself is being torn down
            task = asyncio.current_task()
            if task is not None:
                task.uncancel()
            return self._result("canceled", started, error=self.cancel_reason)
        except PlynxError as exc:
            sink.write(f"plynx: {exc.message}")
            return self._result("failed", started, error=exc.message)
        except Exception as exc:
            logger.exception("attempt %d of %s failed in the worker", d.attempt, d.node_run_id)
            sink.write(f"plynx: the worker failed to run this node: {exc!r}")
            return self._result("failed", started, error=f"the worker failed: {exc!r}")
        finally:
            sink.close()

    async def _execute(
        self,
        node: BaseNode,
        workspace: Workspace,
        inputs: dict[str, list[Path]],
        outputs: dict[str, Path],
        sink: LogSink,
    ) -> tuple[WorkerContext, int]:
        """Run the node in a fresh context; return the context and the exit code."""
        d = self.dispatch
        ex = self.executor
        metrics = MetricsTail(workspace.metrics_file(), self._emit_metrics, sink.write)
        ctx = self.ctx = WorkerContext(
            node_run_id=d.node_run_id,
            attempt=d.attempt,
            code=d.code,
            params=d.params,
            inputs=inputs,
            input_arrays=frozenset(d.input_arrays),
            outputs=outputs,
            workdir=workspace.work,
            timeout=d.timeout,
            sink=sink,
            # git must never walk up from the attempt into a repository around the work
            # directory (a `git reset --hard` outside its clone would reset that one)
            env={
                **ex.env,
                "GIT_CEILING_DIRECTORIES": str(workspace.path),
                METRICS_ENV: str(metrics.path),
            },
            forkserver=ex.forkserver,
            kill_grace=ex.kill_grace,
            user=ex.user,
        )
        if self.cancel_reason is not None:
            ctx.cancel(self.cancel_reason)
            return ctx, -int(signal.SIGTERM)
        loop = asyncio.get_running_loop()
        announce = loop.call_later(
            ex.started_delay,
            self._send,
            Started(node_run_id=d.node_run_id, attempt=d.attempt),
        )
        self._node_running = True
        metrics.start()
        try:
            return ctx, await node.run(ctx)
        except asyncio.CancelledError:
            if not ctx.abandoned:
                raise
            task = asyncio.current_task()
            if task is not None:
                task.uncancel()
            sink.write(f"plynx: the node did not stop within {ex.kill_grace + 1:g}s")
            return ctx, -int(signal.SIGKILL)
        finally:
            self._node_running = False
            announce.cancel()
            ctx.close()
            await metrics.stop()
