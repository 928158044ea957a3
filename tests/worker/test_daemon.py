"""The worker daemon against a fake server: the protocol, artifacts, failures, reconnects."""

from __future__ import annotations

import asyncio
import hashlib
import io
import logging
import os
import tarfile
import time
from pathlib import Path

import pytest

from plynx.errors import InvalidInput
from plynx.model.run import ArtifactRef
from plynx.protocol import (
    PROTOCOL_VERSION,
    Ack,
    Cancel,
    Hello,
    Log,
    Result,
    RunningRef,
    Started,
)
from plynx.worker import WorkerConfig, run_worker
from plynx.worker.workspace import WorkDir

from .conftest import StartWorker, dispatch
from .fake_server import TOKEN, FakeServer
from .helpers import pid_alive, read_line_file, until


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


async def next_hello(fake: FakeServer, count: int, within: float = 10) -> Hello:
    await until(lambda: len(fake.hellos) >= count and fake.connected.is_set(), within)
    return fake.hellos[count - 1]


async def test_hello_dispatch_started_log_result_ack(
    fake: FakeServer, start_worker: StartWorker
) -> None:
    fake.auto_ack = False
    worker, _ = start_worker(slots=3)
    hello = await next_hello(fake, 1)
    assert hello.protocol == PROTOCOL_VERSION and hello.token == TOKEN and hello.slots == 3
    assert {"bash_jinja2", "python"} <= set(hello.kinds) and "file" not in hello.kinds
    assert hello.running == []

    d = dispatch("echo hello\nsleep 0.2\necho data > {{ outputs.out }}")
    await fake.send(d)
    started = await fake.next(Started)
    assert (started.node_run_id, started.attempt) == (d.node_run_id, 1)
    log = await fake.next(Log)
    assert (log.stream, log.data) == ("stdout", "hello\n")
    result = await fake.next(Result)
    assert result.status == "success" and result.exit_code == 0 and result.duration > 0.2
    (ref,) = result.outputs["out"]
    assert ref == ArtifactRef(sha256=sha(b"data\n"), size=5, type="file", name="out")
    assert fake.artifacts[ref.sha256] == b"data\n"
    assert not worker.outbox.idle
    await fake.send(Ack(node_run_id=d.node_run_id, attempt=1))
    await until(lambda: worker.outbox.idle)


async def test_a_quick_node_goes_straight_to_its_result(
    fake: FakeServer, start_worker: StartWorker
) -> None:
    start_worker()
    await next_hello(fake, 1)
    d = dispatch("true", outputs={})
    await fake.send(d)
    result = await fake.next(Result)
    assert result.status == "success" and result.outputs == {}
    assert fake.messages.empty(), "no started (nor log) for a node that took no time"


async def test_inputs_download_once_and_outputs_upload_once(
    fake: FakeServer, start_worker: StartWorker
) -> None:
    start_worker()
    await next_hello(fake, 1)
    data = b"1\n2\n3\n"
    ref = ArtifactRef(sha256=fake.add_artifact(data), size=len(data), name="../../etc/passwd")
    code = "cat {{ inputs.data }} > {{ outputs.out }}\necho {{ inputs.data }}"
    first, second = dispatch(code, inputs={"data": [ref]}), dispatch(code, inputs={"data": [ref]})
    await fake.send(first)
    await fake.send(second)
    results = [await fake.next(Result), await fake.next(Result)]
    assert [r.status for r in results] == ["success", "success"]
    assert {r.outputs["out"][0].sha256 for r in results} == {ref.sha256}
    assert fake.downloads == [ref.sha256], "downloaded once for both attempts"
    assert fake.uploads == [], "the server already had that content"
    logs = [m for m in fake.received if isinstance(m, Log)]
    path = logs[0].data.strip()
    assert path.endswith("/inputs/data.0.passwd") and ".." not in path


async def test_directory_outputs_travel_as_tar_and_unpack_as_inputs(
    fake: FakeServer, start_worker: StartWorker
) -> None:
    start_worker()
    await next_hello(fake, 1)
    make = dispatch(
        "mkdir -p sub\necho a > sub/a.txt\ncp -r . {{ outputs.dir }}", outputs={"dir": "directory"}
    )
    await fake.send(make)
    result = await fake.next(Result)
    assert result.status == "success", result
    (ref,) = result.outputs["dir"]
    assert ref.type == "directory"
    with tarfile.open(fileobj=io.BytesIO(fake.artifacts[ref.sha256])) as tar:
        assert "sub/a.txt" in tar.getnames()
    use = dispatch("cat {{ inputs.d }}/sub/a.txt > {{ outputs.out }}", inputs={"d": [ref]})
    await fake.send(use)
    result = await fake.next(Result)
    assert result.status == "success", result
    assert fake.artifacts[result.outputs["out"][0].sha256] == b"a\n"


async def test_python_split_node_end_to_end(fake: FakeServer, start_worker: StartWorker) -> None:
    start_worker()
    await next_hello(fake, 1)
    lines = "".join(f"{n}\n" for n in range(100)).encode()
    ref = ArtifactRef(sha256=fake.add_artifact(lines), size=len(lines), type="text", name="l")
    code = (
        "import random\n"
        "def split(inputs, output_a, output_b, sample_rate, seed):\n"
        "    rnd = random.Random(seed)\n"
        "    with open(output_a, 'w') as a, open(output_b, 'w') as b:\n"
        "        for path in inputs:\n"
        "            for line in open(path):\n"
        "                (a if rnd.random() < sample_rate else b).write(line)\n"
    )
    d = dispatch(
        code,
        kind="python",
        inputs={"inputs": [ref]},
        arrays=("inputs",),
        outputs={"output_a": "text", "output_b": "text"},
        params={"sample_rate": 0.3, "seed": 7},
    )
    await fake.send(d)
    result = await fake.next(Result)
    assert result.status == "success", result
    a = fake.artifacts[result.outputs["output_a"][0].sha256].split()
    b = fake.artifacts[result.outputs["output_b"][0].sha256].split()
    assert len(a) + len(b) == 100 and 10 < len(a) < 50


async def test_failures_unknown_kind_and_timeout(
    fake: FakeServer, start_worker: StartWorker
) -> None:
    start_worker()
    await next_hello(fake, 1)
    script = "for i in $(seq 20); do echo \"noise $i\" >&2; done\necho 'about to fail' >&2\nexit 7"
    await fake.send(dispatch(script))
    result = await fake.next(Result)
    assert (result.status, result.exit_code) == ("failed", 7)
    # the summary quotes the end of stderr: what a user needs to see why it failed
    assert result.error == (
        "exit code 7; stderr ends with:\nnoise 17\nnoise 18\nnoise 19\nnoise 20\nabout to fail"
    )

    await fake.send(dispatch("x = 1\nprint('nearly')\n1 / 0", kind="python"))
    result = await fake.next(Result)
    assert (result.status, result.exit_code) == ("failed", 1)
    assert result.error is not None and result.error.startswith("exit code 1; stderr ends with:")
    assert result.error.endswith("ZeroDivisionError: division by zero")

    await fake.send(dispatch("", kind="nope"))
    result = await fake.next(Result)
    assert result.status == "failed" and "does not run 'nope' nodes" in (result.error or "")

    await fake.send(dispatch("echo {{ outputs.missing }}"))
    result = await fake.next(Result)
    assert result.status == "failed" and "outputs has no 'missing'" in (result.error or "")

    started = time.monotonic()
    await fake.send(dispatch("echo 'waiting for the lock' >&2\nsleep 30", timeout=0.5))
    result = await fake.next(Result)
    assert result.status == "failed"
    assert result.error == "timed out after 0.5s; stderr ends with:\nwaiting for the lock"
    assert time.monotonic() - started < 3

    code = "import sys, time\nprint('stuck', file=sys.stderr, flush=True)\ntime.sleep(30)"
    await fake.send(dispatch(code, kind="python", timeout=0.5))
    result = await fake.next(Result)
    assert result.status == "failed"
    assert result.error == "timed out after 0.5s; stderr ends with:\nstuck"


async def test_cancel_kills_the_process_group(
    fake: FakeServer, start_worker: StartWorker, tmp_path: Path
) -> None:
    start_worker()
    await next_hello(fake, 1)
    pidfile = tmp_path / "pids"
    d = dispatch(f"sleep 1000 &\necho $$ $! > {pidfile}\nwait")
    await fake.send(d)
    await fake.next(Started)
    pids = [int(p) for p in (await read_line_file(pidfile)).split()]
    await fake.send(Cancel(node_run_id=d.node_run_id, attempt=1, reason="run canceled"))
    result = await fake.next(Result)
    assert (result.status, result.error) == ("canceled", "run canceled")
    await until(lambda: not any(pid_alive(p) for p in pids), 3)


async def test_a_duplicate_dispatch_is_ignored(
    fake: FakeServer, start_worker: StartWorker, tmp_path: Path
) -> None:
    start_worker()
    await next_hello(fake, 1)
    marker = tmp_path / "runs"
    d = dispatch(f"echo run >> {marker}\nsleep 0.3")
    await fake.send(d)
    await fake.send(d)
    await fake.next(Result)
    with pytest.raises(TimeoutError):
        await fake.next(Result, within=0.5)
    assert marker.read_text() == "run\n"


async def test_reconnect_resends_unacked_results_and_keeps_running_attempts(
    fake: FakeServer, start_worker: StartWorker
) -> None:
    fake.auto_ack = False
    worker, _ = start_worker()
    await next_hello(fake, 1)
    quick = dispatch("echo quick > {{ outputs.out }}")
    slow = dispatch("sleep 1\necho slow > {{ outputs.out }}")
    await fake.send(quick)
    await fake.send(slow)
    first = await fake.next(Result)
    assert first.node_run_id == quick.node_run_id
    await fake.drop()  # the result was never acked

    hello = await next_hello(fake, 2)
    assert {(r.node_run_id, r.attempt) for r in hello.running} == {
        (quick.node_run_id, 1),
        (slow.node_run_id, 1),
    }
    results = {(await fake.next(Result)).node_run_id for _ in range(2)}
    assert results == {quick.node_run_id, slow.node_run_id}
    for d in (quick, slow):
        await fake.send(Ack(node_run_id=d.node_run_id, attempt=1))
    await until(lambda: worker.outbox.idle)


async def test_refused_hello_exits_with_the_reason(
    fake: FakeServer, start_worker: StartWorker, caplog: pytest.LogCaptureFixture
) -> None:
    fake.refuse = "bad worker token: create one with `plynx token create --kind worker`"
    with caplog.at_level(logging.ERROR, logger="plynx.worker"):
        _, task = start_worker()
        async with asyncio.timeout(10):
            assert await task == 2
    assert len(fake.hellos) == 1, "a refused hello is not retried"
    assert "bad worker token: create one with" in caplog.text


async def test_lost_lease_kills_the_attempt_and_drops_its_result(
    fake: FakeServer, start_worker: StartWorker, tmp_path: Path
) -> None:
    start_worker()
    await next_hello(fake, 1)
    pidfile = tmp_path / "pid"
    d = dispatch(f"echo $$ > {pidfile}\nsleep 1000", lease=0.5)
    await fake.send(d)
    pid = int(await read_line_file(pidfile))
    fake.unreachable = True
    await fake.drop()
    await until(lambda: not pid_alive(pid))
    fake.unreachable = False
    hello = await next_hello(fake, 2, within=15)
    assert hello.running == []
    with pytest.raises(TimeoutError):
        await fake.next(Result, within=0.5)


async def test_welcome_cancels_attempts_the_server_gave_up(
    fake: FakeServer, start_worker: StartWorker, tmp_path: Path
) -> None:
    start_worker()
    await next_hello(fake, 1)
    pidfile = tmp_path / "pid"
    d = dispatch(f"echo $$ > {pidfile}\nsleep 1000")
    await fake.send(d)
    pid = int(await read_line_file(pidfile))
    fake.cancel_on_welcome = [(d.node_run_id, 1)]
    await fake.drop()
    hello = await next_hello(fake, 2)
    assert hello.running == [RunningRef(node_run_id=d.node_run_id, attempt=1)]
    await until(lambda: not pid_alive(pid), 3)
    with pytest.raises(TimeoutError):
        await fake.next(Result, within=0.5)


async def test_what_an_attempt_said_while_disconnected_is_not_sent_once_the_welcome_refuses_it(
    fake: FakeServer, start_worker: StartWorker
) -> None:
    """A worker stopped past its lease finishes the attempt while its socket is closed: the
    server, which ran it elsewhere meanwhile, refuses it in the welcome; its result and logs
    must not be sent after all."""
    worker, _ = start_worker()
    await next_hello(fake, 1)
    d = dispatch("sleep 0.5\necho a late line\necho late > {{ outputs.out }}")
    await fake.send(d)
    await fake.next(Started)
    fake.unreachable = True
    await fake.drop()
    before = len(fake.received)
    await until(lambda: (d.node_run_id, 1) in worker.outbox)  # finished while away
    fake.cancel_on_welcome = [(d.node_run_id, 1)]
    fake.unreachable = False
    hello = await next_hello(fake, 2)
    assert hello.running == [RunningRef(node_run_id=d.node_run_id, attempt=1)]
    with pytest.raises(TimeoutError):
        await fake.next(Result, within=0.5)
    about = [m for m in fake.received[before:] if getattr(m, "node_run_id", None) == d.node_run_id]
    assert about == []
    await until(lambda: worker.outbox.idle)


async def test_stop_cancels_running_attempts_and_reports_them(
    fake: FakeServer, start_worker: StartWorker
) -> None:
    worker, task = start_worker()
    await next_hello(fake, 1)
    d = dispatch("sleep 1000")
    await fake.send(d)
    await fake.next(Started)

    started = time.monotonic()
    worker.stop()
    async with asyncio.timeout(10):
        assert await task == 0
    assert time.monotonic() - started < 3, "it did not wait for more than the ack"
    result = await fake.next(Result)
    assert (result.status, result.error) == ("canceled", "the worker is shutting down")
    assert not os.listdir(worker.config.work_dir / "attempts")


async def test_bad_setups_are_refused_with_a_clear_message(
    server_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    work = tmp_path / "w"
    with caplog.at_level(logging.ERROR, logger="plynx.worker"):
        config = WorkerConfig(
            server=server_url, token=TOKEN, kinds=("bash_jinja2", "nope"), work_dir=work
        )
        assert await run_worker(config, handle_signals=False) == 2
        assert "kinds nope are not installed here" in caplog.text

        first = WorkDir(work)
        try:
            config = WorkerConfig(server=server_url, token=TOKEN, work_dir=work)
            assert await run_worker(config, handle_signals=False) == 2
        finally:
            first.close()
        assert "another worker uses" in caplog.text

    with pytest.raises(InvalidInput, match="may only contain letters"):
        WorkerConfig(server=server_url, work_dir=tmp_path / "my work")
