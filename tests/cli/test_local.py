"""``plynx local``: server, workers and the example library in one command."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest

from plynx.cli.embedded import LOCAL_WORKER_NICE, local_token
from plynx.cli.files import list_examples

from .conftest import Plynx, free_port, http_json, wait_until

pytestmark = pytest.mark.slow


def _start(plynx: Plynx, port: int) -> subprocess.Popen[str]:
    return plynx.start(
        "local",
        "--port",
        str(port),
        "--data-dir",
        str(plynx.data_dir),
        "--workers",
        "2",
        "--slots",
        "1",
        "--no-browser",
    )


def _key(plynx: Plynx) -> str | None:
    """The local token ``plynx local`` keeps in its data directory (what commands show)."""
    return local_token(plynx.data_dir)


def _graph_titles(plynx: Plynx, url: str) -> list[str]:
    status, page = http_json(url + "/api/v1/graphs?limit=100", _key(plynx))
    assert status == 200
    return sorted(g["title"] for g in page["items"])


def test_local_serves_with_workers_and_loads_the_examples_once(plynx: Plynx) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = _start(plynx, port)
    try:
        wait_until(
            lambda: len(http_json(url + "/api/v1/workers", _key(plynx))[1] or []) == 2,
            what="workers",
        )
        examples = len(list_examples())
        titles = wait_until(
            lambda: (t := _graph_titles(plynx, url)) and len(t) == examples and t,
            what="the examples",
        )
        assert "Git checkout and split" in titles and "CSV statistics pipeline" in titles
        _status, ops = http_json(url + "/api/v1/operations?q=checkout", _key(plynx))
        assert any(op["title"] == "Git - checkout directory" for op in ops["items"])
        # nobody without the local token is served; only its owner can read it
        assert http_json(url + "/api/v1/graphs")[0] == 401
        assert (plynx.data_dir / "local-token").stat().st_mode & 0o777 == 0o600
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=30)
        assert proc.returncode == 0, err
        assert f"{url}/local-login?token={_key(plynx)}" in err  # the link that logs in
        # the kinds on offer, plugins' included (tests install the first-party ones)
        kinds = next(line for line in err.splitlines() if line.startswith("kinds: "))
        assert {"bash_jinja2", "python", "file", "composite"} <= set(kinds[7:].split(", "))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    with pytest.raises(OSError):
        http_json(url + "/api/v1/health")

    again = _start(plynx, port)  # a second start loads nothing twice
    try:
        wait_until(lambda: http_json(url + "/api/v1/health")[0] == 200, what="the server")
        wait_until(
            lambda: len(http_json(url + "/api/v1/workers", _key(plynx))[1] or []) == 2,
            what="workers",
        )
        assert _graph_titles(plynx, url) == titles
    finally:
        again.send_signal(signal.SIGTERM)
        again.communicate(timeout=30)
    assert again.returncode == 0


def test_run_sends_work_to_a_local_server_on_the_same_data_directory(plynx: Plynx) -> None:
    port = free_port()
    proc = _start(plynx, port)
    try:
        wait_until((plynx.data_dir / "server.lock").read_text, what="the server")
        result = plynx.run("example:hello")
        assert result.returncode == 0, result.stderr
        assert f"http://127.0.0.1:{port}" in result.stdout
    finally:
        proc.terminate()
        proc.communicate(timeout=30)


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_worker_that_dies_is_restarted_and_none_outlive_local(plynx: Plynx) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = _start(plynx, port)
    try:
        wait_until(
            lambda: len(http_json(url + "/api/v1/workers", _key(plynx))[1] or []) == 2,
            what="workers",
        )
        before = {w["id"] for w in http_json(url + "/api/v1/workers", _key(plynx))[1]}
        workers = _children(proc.pid)
        assert len(workers) == 2
        os.kill(workers[0], signal.SIGKILL)
        wait_until(
            lambda: (
                len(ids := {w["id"] for w in http_json(url + "/api/v1/workers", _key(plynx))[1]})
                == 2
                and ids != before
            ),
            what="a new worker",
        )
        survivors = _children(proc.pid)
        assert workers[1] in survivors and workers[0] not in survivors
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=30)
        assert proc.returncode == 0
        for pid in survivors:
            wait_until(lambda pid=pid: not _alive(pid), timeout=10, what=f"worker {pid} to exit")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


def test_workers_stop_when_local_is_killed(plynx: Plynx) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = _start(plynx, port)
    try:
        wait_until(
            lambda: len(http_json(url + "/api/v1/workers", _key(plynx))[1] or []) == 2,
            what="workers",
        )
        workers = _children(proc.pid)
        proc.kill()
        proc.communicate()
        for pid in workers:
            wait_until(lambda pid=pid: not _alive(pid), timeout=20, what=f"worker {pid} to exit")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


def test_local_workers_run_nicer_than_the_server(plynx: Plynx) -> None:
    # nodes (which inherit it) that keep every CPU busy must not keep the server (which every
    # dashboard and worker waits on) waiting for one
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = _start(plynx, port)
    try:
        wait_until(
            lambda: len(http_json(url + "/api/v1/workers", _key(plynx))[1] or []) == 2,
            what="workers",
        )
        server = os.getpriority(os.PRIO_PROCESS, proc.pid)
        workers = _children(proc.pid)
        assert len(workers) == 2
        expected = min(server + LOCAL_WORKER_NICE, 19)
        assert [os.getpriority(os.PRIO_PROCESS, pid) for pid in workers] == [expected] * 2
        if _AUTOGROUPS:  # each worker is a session, so an autogroup: it must be as nice
            assert [_autogroup_nice(pid) for pid in workers] == [expected] * 2
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=30)


_AUTOGROUPS = (
    Path("/proc/self/autogroup").exists()
    and Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip() == "1"
)


def _autogroup_nice(pid: int | str) -> int:
    """The nice value of the autogroup of ``pid`` (``/autogroup-N nice K``)."""
    return int(Path(f"/proc/{pid}/autogroup").read_text().split()[-1])


def _autogroup_name(shown: str) -> str:
    """The autogroup a ``/proc/<pid>/autogroup`` text names; the kernel shows nothing for the
    default group (a process none of whose ancestors started a session since boot, as in many
    containers), named ``/`` here."""
    return shown.split(maxsplit=1)[0] if shown.strip() else "/"


@pytest.mark.skipif(not _AUTOGROUPS, reason="the kernel does not group sessions (autogroup off)")
def test_nodes_of_local_workers_stay_nicer_than_the_server_in_their_own_sessions(
    plynx: Plynx, tmp_path: Path
) -> None:
    # a node runs in a session of its own, which Linux schedules as an autogroup of its own:
    # with that group at nice 0, 32 busy nodes weighed 32 times the server (whose loop then
    # waited for a CPU three times as long as it ran), whatever the nodes' own nice value.
    # (A bash node's group is made nicer by its worker right after the start: the node waits
    # a moment; a python node's own child does it before running the code.)
    graph = tmp_path / "graph.yaml"
    graph.write_text(
        f"""
operations:
  sh: {{kind: bash_jinja2, code: "sleep 0.5; cat /proc/self/autogroup > {tmp_path}/bash.txt"}}
  py:
    kind: python
    code: |
      with open("/proc/self/autogroup") as src, open("{tmp_path}/python.txt", "w") as dst:
          dst.write(src.read())
nodes: {{sh: {{operation: sh}}, py: {{operation: py}}}}
"""
    )
    port = free_port()
    proc = _start(plynx, port)
    try:
        wait_until((plynx.data_dir / "server.lock").read_text, what="the server")
        result = plynx.run(graph)
        assert result.returncode == 0, result.stderr
        expected = min(os.getpriority(os.PRIO_PROCESS, proc.pid) + LOCAL_WORKER_NICE, 19)
        for kind in ("bash", "python"):
            seen = (tmp_path / f"{kind}.txt").read_text()
            assert seen.split()[-1] == str(expected), f"{kind} node: {seen}"
            ours = _autogroup_name(Path("/proc/self/autogroup").read_text())
            assert _autogroup_name(seen) != ours, f"{kind} node: {seen}"
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=30)
