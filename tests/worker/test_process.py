"""Child processes: exit codes, output streaming, process group kills, bounded logs."""

from __future__ import annotations

import asyncio
import os
import resource
import time
from pathlib import Path

from plynx.worker.context import WorkerContext
from plynx.worker.logs import LogSink
from plynx.worker.process import spawn

from .helpers import Collect, pid_alive, read_line_file, until


async def test_exit_code_and_both_streams(tmp_path: Path) -> None:
    out = Collect()
    proc = spawn(
        ["bash", "-c", "echo out; echo err >&2; exit 5"], cwd=tmp_path, env={}, sink=out.sink
    )
    assert await proc.wait() == 5
    out.sink.close()
    assert out.text() == "out\n" and out.text("stderr") == "err\n"


async def test_output_streams_while_the_process_runs(tmp_path: Path) -> None:
    out = Collect()
    proc = spawn(["bash", "-c", "echo first; sleep 5"], cwd=tmp_path, env={}, sink=out.sink)
    await until(lambda: out.text() == "first\n", 3)
    await proc.terminate(1.0)


async def test_terminate_kills_the_whole_process_group(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    script = f"sleep 1000 & echo $! > {pids}.1\n(sleep 1000; true) & echo $! >> {pids}.1\n"
    script += f"mv {pids}.1 {pids}\nwait\n"
    out = Collect()
    proc = spawn(["bash", "-c", script], cwd=tmp_path, env={}, sink=out.sink)
    children = [int(p) for p in (await read_line_file(pids)).split()]
    assert all(pid_alive(p) for p in [proc.pid, *children])
    started = time.monotonic()
    code = await proc.terminate(grace=2.0)
    assert code < 0
    assert time.monotonic() - started < 2, "SIGTERM was enough"
    await until(lambda: not any(pid_alive(p) for p in children), 2)


async def test_sigterm_ignored_means_sigkill_after_grace(tmp_path: Path) -> None:
    ready = tmp_path / "ready"
    out = Collect()
    proc = spawn(
        ["bash", "-c", f"trap '' TERM; echo > {ready}; sleep 1000 & wait"],
        cwd=tmp_path,
        env={},
        sink=out.sink,
    )
    await read_line_file(ready)
    started = time.monotonic()
    assert await proc.terminate(grace=0.3) == -9
    assert 0.25 < time.monotonic() - started < 3


async def test_background_children_do_not_outlive_the_node(tmp_path: Path) -> None:
    pidfile = tmp_path / "bg"
    out = Collect()
    proc = spawn(
        ["bash", "-c", f"sleep 1000 & echo $! > {pidfile}; echo done"],
        cwd=tmp_path,
        env={},
        sink=out.sink,
    )
    async with asyncio.timeout(5):
        assert await proc.wait() == 0, "the leftover holding stdout does not block the end"
    bg = int(pidfile.read_text())
    await until(lambda: not pid_alive(bg), 2)


def bare_context(workdir: Path, timeout: float | None) -> WorkerContext:
    """A context for running processes only."""
    return WorkerContext(
        node_run_id="n",
        attempt=1,
        code="",
        params={},
        inputs={},
        input_arrays=frozenset(),
        outputs={},
        workdir=workdir,
        timeout=timeout,
        sink=LogSink(lambda s, t: None),
        env={"PATH": os.environ["PATH"]},
        kill_grace=1.0,
    )


async def test_timeout_and_cancel_through_the_context(tmp_path: Path) -> None:
    ctx = bare_context(tmp_path, timeout=0.3)
    started = time.monotonic()
    code = await ctx.run_process(["sleep", "30"])
    assert code == -15 and ctx.timed_out and ctx.cancel_reason == "timed out after 0.3s"
    assert time.monotonic() - started < 2
    ctx.close()

    ctx = bare_context(tmp_path, timeout=None)
    asyncio.get_running_loop().call_later(0.2, ctx.cancel, "run canceled")
    assert await ctx.run_process(["sleep", "30"]) == -15
    assert ctx.stopped and not ctx.timed_out and ctx.cancel_reason == "run canceled"
    ctx.close()


async def test_a_100_mb_log_is_bounded_everywhere(tmp_path: Path) -> None:
    sent: list[int] = []
    sink = LogSink(lambda s, t: sent.append(len(t.encode())), head=64 * 1024, tail=64 * 1024)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    proc = spawn(
        ["bash", "-c", "yes 'a fairly long line of output' | head -c 100000000"],
        cwd=tmp_path,
        env={"PATH": os.environ["PATH"]},
        sink=sink,
    )
    assert await proc.wait() == 0
    sink.close()
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert sum(sent) < 64 * 1024 * 2 + 200
    assert grown_mb < 20, f"the worker grew by {grown_mb:.0f} MB"
