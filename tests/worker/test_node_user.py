"""``--node-user``: nodes run as another, unprivileged user (tested where the tests run as root)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from plynx.errors import InvalidInput
from plynx.protocol import Result
from plynx.worker.config import NodeUser
from plynx.worker.workspace import WorkDir

from .conftest import StartProcess, StartWorker, dispatch
from .fake_server import FakeServer
from .helpers import until
from .test_token import python_for_nobody

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="only root starts nodes as another user")


@pytest.fixture
def secret() -> Iterator[Path]:
    """A file only root may read."""
    fd, name = tempfile.mkstemp(prefix="plynx-secret-")
    os.write(fd, b"root's secret\n")
    os.close(fd)
    os.chmod(name, 0o600)
    yield Path(name)
    os.unlink(name)


async def test_bash_nodes_run_as_the_node_user_and_reach_nothing_of_roots(
    fake: FakeServer, start_worker: StartWorker, secret: Path
) -> None:
    start_worker(node_user=NodeUser.lookup("nobody"))
    await until(fake.connected.is_set, 10)
    await fake.send(dispatch("id -un > {{ outputs.out }}\necho made by $USER in $HOME"))
    result = await fake.next(Result)
    assert result.status == "success", result.error
    assert fake.artifacts[result.outputs["out"][0].sha256] == b"nobody\n"

    # neither through a link in a directory output nor by replacing a file output
    code = f"ln -s {secret} {{{{ outputs.dir }}}}/stolen"
    await fake.send(dispatch(code, outputs={"dir": "directory"}))
    result = await fake.next(Result)
    assert result.status == "failed" and "Permission denied" in (result.error or "")
    await fake.send(dispatch(f"rm -f {{{{ outputs.out }}}}\nln -s {secret} {{{{ outputs.out }}}}"))
    result = await fake.next(Result)
    assert result.status == "failed" and "Permission denied" in (result.error or "")
    assert not any(b"root's secret" in data for data in fake.artifacts.values())


async def test_python_nodes_run_as_the_node_user_and_cannot_read_the_worker(
    fake: FakeServer, worker_process: StartProcess
) -> None:
    found = python_for_nobody()
    if found is None:
        pytest.skip("needs a python that user nobody can run")
    python, env = found
    worker = worker_process("--node-user", "nobody", env=env, python=python)
    await until(fake.connected.is_set, 20)
    code = f"""import os, sys
assert os.getuid() == 65534, os.getuid()
for name in ('environ', 'mem'):
    try:
        open('/proc/{worker.pid}/' + name, 'rb').close()
    except PermissionError:
        continue
    sys.exit('/proc/{worker.pid}/' + name + ' can be opened')
with open(outputs['out'], 'w') as f:
    f.write(os.environ['USER'])
"""
    await fake.send(dispatch(code, kind="python"))
    result = await fake.next(Result)
    assert (result.status, result.error) == ("success", None), worker.log.read_text()
    assert fake.artifacts[result.outputs["out"][0].sha256] == b"nobody"


def test_a_work_directory_the_node_user_cannot_reach_is_refused() -> None:
    closed = Path(tempfile.mkdtemp(prefix="plynx-closed-"))  # 0700
    try:
        with pytest.raises(InvalidInput, match=f"{closed} is closed to other users"):
            WorkDir(closed / "work", shared=True)
    finally:
        shutil.rmtree(closed)
