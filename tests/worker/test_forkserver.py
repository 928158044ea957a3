"""The Python fork server: exit codes, tracebacks, process groups, a dying zygote."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from plynx.worker.forkserver import ForkServer

from .helpers import Collect, pid_alive, read_line_file, until


@pytest.fixture
async def forkserver() -> AsyncIterator[ForkServer]:
    server = ForkServer()
    await server.start()
    yield server
    await server.close()


async def test_exit_codes_bindings_and_cwd(forkserver: ForkServer, tmp_path: Path) -> None:
    out = Collect()
    code = "import os, sys\nprint(greeting, os.getcwd())\nsys.exit(code)\n"
    proc = await forkserver.spawn(code, {"greeting": "hi", "code": 4}, cwd=tmp_path, sink=out.sink)
    assert await proc.wait() == 4
    out.sink.close()
    assert out.text() == f"hi {tmp_path}\n"


async def test_exception_exits_1_with_the_traceback(forkserver: ForkServer, tmp_path: Path) -> None:
    out = Collect()
    code = "def inner():\n    return 1 / 0\n\ninner()\n"
    proc = await forkserver.spawn(code, {}, cwd=tmp_path, sink=out.sink)
    assert await proc.wait() == 1
    out.sink.close()
    err = out.text("stderr")
    assert err.startswith("Traceback (most recent call last):\n")
    assert "line 4, in <module>" in err and "return 1 / 0" in err
    assert err.endswith("ZeroDivisionError: division by zero\n")
    assert "zygote" not in err, "the fork server's own frames are not shown"


async def test_children_run_concurrently_in_their_own_groups(
    forkserver: ForkServer, tmp_path: Path
) -> None:
    code = (
        "import os, time\n"
        "time.sleep(0.5)\n"
        "print(os.getpid() == os.getpgid(0), os.getsid(0) == os.getpid())\n"
    )
    outs = [Collect() for _ in range(4)]
    started = time.monotonic()
    procs = [await forkserver.spawn(code, {}, cwd=tmp_path, sink=o.sink) for o in outs]
    assert [await p.wait() for p in procs] == [0, 0, 0, 0]
    assert time.monotonic() - started < 1.5
    for out in outs:
        out.sink.close()
        assert out.text() == "True True\n"


async def test_cancel_kills_the_child_and_what_it_started(
    forkserver: ForkServer, tmp_path: Path
) -> None:
    pidfile = tmp_path / "pid"
    code = (
        "import subprocess, time\n"
        "p = subprocess.Popen(['sleep', '1000'])\n"
        f"open({str(pidfile)!r}, 'w').write(f'{{p.pid}}\\n')\n"
        "time.sleep(1000)\n"
    )
    out = Collect()
    proc = await forkserver.spawn(code, {}, cwd=tmp_path, sink=out.sink)
    sleeper = int(await read_line_file(pidfile))
    assert await proc.terminate(grace=2.0) == -signal.SIGTERM
    await until(lambda: not pid_alive(sleeper) and not pid_alive(proc.pid), 3)


async def test_a_dead_zygote_fails_its_children_and_is_replaced(
    forkserver: ForkServer, tmp_path: Path
) -> None:
    out = Collect()
    proc = await forkserver.spawn(
        "import time\ntime.sleep(1000)\n", {}, cwd=tmp_path, sink=out.sink
    )
    zygote = forkserver.pid
    assert zygote is not None
    os.kill(zygote, signal.SIGKILL)
    async with asyncio.timeout(5):
        assert await proc.wait() == -signal.SIGKILL
    await until(lambda: not pid_alive(proc.pid), 3)
    again = Collect()
    proc = await forkserver.spawn("print('back')", {}, cwd=tmp_path, sink=again.sink)
    assert await proc.wait() == 0
    again.sink.close()
    assert again.text() == "back\n" and forkserver.pid not in (None, zygote)


async def test_starts_on_demand_and_again_after_close(tmp_path: Path) -> None:
    server = ForkServer()
    pids = set()
    for _ in range(2):
        out = Collect()
        proc = await server.spawn("print('ok')", {}, cwd=tmp_path, sink=out.sink)
        assert await proc.wait() == 0
        out.sink.close()
        assert out.text() == "ok\n"
        pids.add(server.pid)
        await server.close()
    assert len(pids) == 2 and server.pid is None
