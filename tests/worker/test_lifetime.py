"""A worker's node processes die with it, however it dies."""

from __future__ import annotations

import os
import signal
import tempfile
from pathlib import Path

from plynx.protocol import Started

from .conftest import StartProcess, dispatch
from .fake_server import FakeServer
from .helpers import pid_alive, read_line_file, until

BASH = "sleep 1000 &\necho $$ $! > {{ params.pidfile }}\nwait\n"
PYTHON = (
    "import os, subprocess\n"
    "child = subprocess.Popen(['sleep', '1000'])\n"
    "with open(params['pidfile'], 'w') as f:\n"
    "    f.write(f'{os.getpid()} {child.pid} {os.getppid()}\\n')\n"
    "child.wait()\n"
)


async def test_sigkilled_worker_takes_its_bash_and_python_nodes_along(
    fake: FakeServer, worker_process: StartProcess
) -> None:
    worker = worker_process()
    await until(fake.connected.is_set, 20)
    scratch = Path(tempfile.mkdtemp(prefix="plynx-pids-"))
    await fake.send(dispatch(BASH, params={"pidfile": str(scratch / "bash")}))
    await fake.send(dispatch(PYTHON, kind="python", params={"pidfile": str(scratch / "py")}))
    await fake.next(Started)
    bash = [int(p) for p in (await read_line_file(scratch / "bash", 10)).split()]
    python = [int(p) for p in (await read_line_file(scratch / "py", 10)).split()]
    zygote = python.pop()
    assert zygote != worker.pid  # python nodes are forked by the fork server
    nodes = bash + python
    assert all(pid_alive(p) for p in nodes)
    for pid in nodes:  # each node runs in a session of its own, apart from the worker
        assert os.getsid(pid) != os.getsid(worker.pid)

    worker.proc.send_signal(signal.SIGKILL)
    worker.proc.wait()
    await until(lambda: not any(pid_alive(p) for p in [*nodes, zygote]), 5)
