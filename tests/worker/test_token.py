"""A node cannot obtain its worker's token: not from /proc of any ancestor, nor inherited."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from plynx.protocol import Result

from .conftest import StartProcess, WorkerProcess, dispatch
from .fake_server import TOKEN, FakeServer
from .helpers import until

#: Walks the parent chain up to init, looking for the token (read from a file: a literal in
#: the script would put it in the node's own command line) in each environ and cmdline.
BASH = """needle=$(cat {{ params.needle }})
if env | grep -qF -- "$needle"; then echo "token in the node's environment" >&2; exit 3; fi
p=$PPID
seen=""
while [ "$p" -gt 1 ]; do
  for f in environ cmdline; do
    if tr '\\0' '\\n' < /proc/$p/$f 2>/dev/null | grep -qF -- "$needle"; then
      echo "token in /proc/$p/$f" >&2; exit 3
    fi
  done
  seen="$seen $p"
  p=$(sed 's/.*) //' /proc/$p/stat | cut -d' ' -f2)
done
echo $seen > {{ params.seen }}
"""
PYTHON = """import os
needle = open(params['needle']).read().strip().encode()
if any(needle in f'{k}={v}'.encode() for k, v in os.environ.items()):
    raise SystemExit("token in the node's environment")
pid, seen = os.getpid(), []
while pid > 1:
    for name in ('environ', 'cmdline'):
        try:
            with open(f'/proc/{pid}/{name}', 'rb') as f:
                data = f.read()
        except OSError:
            continue
        if needle in data:
            raise SystemExit(f'token in /proc/{pid}/{name}')
    seen.append(pid)
    with open(f'/proc/{pid}/stat') as f:
        pid = int(f.read().rsplit(')', 1)[1].split()[1])
with open(params['seen'], 'w') as f:
    f.write(' '.join(map(str, seen)) + '\\n')
"""


@pytest.fixture
def scratch() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="plynx-token-"))
    path.chmod(0o755)
    (path / "needle").write_text(TOKEN)
    (path / "needle").chmod(0o644)
    yield path
    for child in path.iterdir():
        child.unlink()
    path.rmdir()


async def assert_no_node_finds_the_token(
    fake: FakeServer, worker: WorkerProcess, scratch: Path
) -> None:
    await until(fake.connected.is_set, 20)
    assert fake.hellos[-1].token == TOKEN  # the worker did get its token
    for kind, code in (("bash_jinja2", BASH), ("python", PYTHON)):
        seen = scratch / f"seen-{kind}"
        params = {"needle": str(scratch / "needle"), "seen": str(seen)}
        await fake.send(dispatch(code, kind=kind, params=params))
        result = await fake.next(Result)
        assert (result.status, result.error) == ("success", None), worker.log.read_text()
        ancestors = [int(p) for p in seen.read_text().split()]
        assert worker.pid in ancestors  # the walk went through the worker itself


async def test_token_from_the_environment_is_out_of_reach(
    fake: FakeServer, worker_process: StartProcess, scratch: Path
) -> None:
    worker = worker_process(env={"PLYNX_TOKEN": TOKEN, "PLYNX_WORKER_TOKEN": TOKEN})
    await assert_no_node_finds_the_token(fake, worker, scratch)


async def test_token_on_the_command_line_works_with_a_warning_and_is_out_of_reach(
    fake: FakeServer, worker_process: StartProcess, scratch: Path
) -> None:
    worker = worker_process("--token", TOKEN, env={})
    await assert_no_node_finds_the_token(fake, worker, scratch)
    assert "--token on the command line is visible to every user" in worker.log.read_text()


async def test_token_from_a_private_file_or_stdin_is_out_of_reach(
    fake: FakeServer, worker_process: StartProcess, scratch: Path
) -> None:
    token_file = scratch / "token"
    token_file.write_text(TOKEN + "\n")
    token_file.chmod(0o600)
    worker = worker_process("--token-file", str(token_file), env={})
    await assert_no_node_finds_the_token(fake, worker, scratch)
    worker.proc.terminate()
    worker.proc.wait(10)

    worker = worker_process("--token-file", "-", env={}, stdin=subprocess.PIPE)
    assert worker.proc.stdin is not None
    worker.proc.stdin.write(TOKEN.encode() + b"\n")
    worker.proc.stdin.close()
    await until(lambda: len(fake.hellos) == 2, 20)
    await assert_no_node_finds_the_token(fake, worker, scratch)


def test_a_token_file_others_can_read_is_refused(scratch: Path) -> None:
    token_file = scratch / "token"
    token_file.write_text(TOKEN)
    token_file.chmod(0o644)
    argv = [sys.executable, "-m", "plynx", "worker", "--server", "http://127.0.0.1:9"]
    done = subprocess.run(
        [*argv, "--token-file", str(token_file)],
        check=False,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2
    assert f"token file {token_file} is readable by others (mode 644)" in done.stderr
    assert f"chmod 600 {token_file}" in done.stderr


def python_for_nobody() -> tuple[str, dict[str, str]] | None:
    """An interpreter of this Python version that user ``nobody`` may run (ours may sit in a
    private home), with the ``PYTHONPATH`` that finds plynx and its dependencies."""
    candidate = Path(f"/usr/bin/python{sys.version_info.major}.{sys.version_info.minor}")
    if os.geteuid() != 0 or not candidate.exists():
        return None
    import plynx

    paths = [
        str(Path(plynx.__file__).parent.parent),
        *(p for p in sys.path if "site-packages" in p),
    ]
    env = {"PYTHONPATH": ":".join(paths), "PLYNX_TOKEN": TOKEN}
    probe = subprocess.run(
        [str(candidate), "-c", "import plynx.worker.daemon"], env=env, user="nobody", check=False
    )
    return (str(candidate), env) if probe.returncode == 0 else None


async def test_a_node_of_the_same_user_cannot_read_the_workers_memory_or_environ(
    fake: FakeServer, worker_process: StartProcess
) -> None:
    found = python_for_nobody()
    if found is None:
        pytest.skip("needs root and a python that user nobody can run")
    python, env = found
    # unprivileged, as a worker usually runs: its nodes run as the same user
    worker = worker_process(env=env, user="nobody", python=python)
    await until(fake.connected.is_set, 20)
    code = f"""import sys
for name in ('environ', 'mem'):
    try:
        open('/proc/{worker.pid}/' + name, 'rb').close()
    except PermissionError:
        continue
    sys.exit('/proc/{worker.pid}/' + name + ' can be opened')
"""
    await fake.send(dispatch(code, kind="python"))
    result = await fake.next(Result)
    assert (result.status, result.error) == ("success", None), worker.log.read_text()
