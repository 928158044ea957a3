"""``plynx run``: exit codes, what it prints, the cache across runs, and Ctrl-C."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import Plynx, bash, free_port, http_json, wait_until

pytestmark = pytest.mark.slow

SHA256 = re.compile(r"^[0-9a-f]{64}$")


def diamond(name: str = "x") -> dict[str, object]:
    step = bash(
        "cat {{ inputs['in'] | join(' ') }} /dev/null > {{ outputs.out }}\n"
        "echo '{{ params.name }}' >> {{ outputs.out }}",
        parameters={"name": name},
    )
    return {
        "title": "diamond",
        "operations": {"step": step},
        "nodes": {n: {"operation": "step", "params": {"name": f"{name}-{n}"}} for n in "abcd"},
        "edges": ["a.out -> b.in", "a.out -> c.in", "b.out -> d.in", "c.out -> d.in"],
    }


def test_success_prints_only_the_run_document_with_json(plynx: Plynx) -> None:
    graph = plynx.write_graph("diamond.yaml", diamond())
    result = plynx.run(graph, "--json")
    assert result.returncode == 0, result.stderr
    detail = json.loads(result.stdout)  # nothing but the document on stdout
    assert detail["run"]["status"] == "success"
    nodes = {nr["node_id"]: nr for nr in detail["node_runs"]}
    assert set(nodes) == set("abcd")
    for nr in nodes.values():
        assert nr["status"] == "success"
        assert nr["cached_from"] is None
        [out] = nr["outputs"]["out"]
        assert SHA256.match(out["sha256"]) and out["size"] > 0
    assert "success" in result.stderr  # the summary went to stderr


def test_second_run_of_an_unchanged_graph_is_entirely_cached(plynx: Plynx) -> None:
    graph = plynx.write_graph("diamond.yaml", diamond())
    first = json.loads(plynx.run(graph, "--json").stdout)
    second_run = plynx.run(graph, "--json")
    assert second_run.returncode == 0, second_run.stderr
    second = json.loads(second_run.stdout)
    assert {nr["status"] for nr in second["node_runs"]} == {"cached"}
    assert {nr["cached_from_run"] for nr in second["node_runs"]} == {first["run"]["id"]}
    outputs = {nr["node_id"]: nr["outputs"] for nr in first["node_runs"]}
    assert {nr["node_id"]: nr["outputs"] for nr in second["node_runs"]} == outputs

    changed = plynx.run(graph, "--json", "-p", "d.name=changed")
    statuses = {nr["node_id"]: nr["status"] for nr in json.loads(changed.stdout)["node_runs"]}
    assert statuses == {"a": "cached", "b": "cached", "c": "cached", "d": "success"}


def test_a_failed_node_exits_1_and_shows_the_end_of_its_log(plynx: Plynx) -> None:
    lines = "\n".join(f"echo 'line {i}' >&2" for i in range(40))
    graph = plynx.write_graph(
        "fails.yaml",
        {
            "operations": {
                "bad": bash(f"{lines}\necho 'about to fail' >&2\nexit 7"),
                "ok": bash("echo fine > {{ outputs.out }}"),
            },
            "nodes": {
                "bad": {"operation": "bad"},
                "after": {"operation": "ok"},
                "other": {"operation": "ok"},
            },
            "edges": ["bad.out -> after.in"],
        },
    )
    result = plynx.run(graph)
    assert result.returncode == 1, result.stderr
    assert "bad failed with exit code 7" in result.stdout
    assert "about to fail" in result.stdout
    assert "line 39" in result.stdout and "line 5\n" not in result.stdout  # only the tail
    summary = {m[0]: m[1] for m in re.findall(r"│ (\w+)\s+│ (\w+)", result.stdout)}
    assert summary == {"bad": "failed", "after": "skipped", "other": "success"}


def test_an_invalid_graph_exits_2_listing_every_problem(plynx: Plynx) -> None:
    graph = plynx.write_graph(
        "invalid.yaml",
        {
            "operations": {
                "step": bash("true", parameters={"n": 1}),
                "needs_csv": {
                    "kind": "bash_jinja2",
                    "code": "true",
                    "inputs": {"table": "csv"},
                    "outputs": {"out": "text"},
                },
                "needs_dir": {
                    "kind": "bash_jinja2",
                    "code": "true",
                    "inputs": {"tree": "directory"},
                    "outputs": {"out": "text"},
                },
                "wrap": {  # declares a parameter that nothing inside uses
                    "kind": "composite",
                    "parameters": {"size": 1},
                    "body": {
                        "operations": {"step": bash("true")},
                        "nodes": {"s": {"operation": "step"}},
                    },
                },
            },
            "nodes": {
                "a": {"operation": "step"},
                "b": {"operation": "step"},
                "weird": {"operation": {"kind": "no_such_kind", "outputs": {"out": "text"}}},
                "lonely": {"operation": "needs_csv"},
                "typed": {"operation": "needs_dir"},
                "extra": {"operation": "step", "params": {"nope": 3}},
                "dangling": {"operation": "step", "params": {"n": {"ref": "count"}}},
                "wrapped": {"operation": "wrap", "params": {"size": 2}},
            },
            "edges": ["a.out -> b.in", "b.out -> a.in", "extra.out -> typed.tree"],
        },
    )
    result = plynx.run(graph)
    assert result.returncode == 2, result.stderr
    err = result.stderr
    assert re.search(r"cycle", err, re.I) and "a" in err and "b" in err
    assert "weird" in err and "no_such_kind" in err
    assert "lonely.table" in err
    assert "typed.tree" in err and "directory" in err
    assert "extra.nope" in err
    assert "dangling.n: {ref: count} refers to no parameter" in err
    assert "wrapped.size: the composite declares parameter 'size'" in err
    assert result.stdout == ""


def test_a_malformed_graph_file_exits_2_listing_every_problem(plynx: Plynx) -> None:
    graph = plynx.write_graph(
        "malformed.yaml",
        {
            "operations": {"step": bash("true")},
            "nodes": {
                "a": {"operation": "missing"},
                "b": {"nothing": 1},
                "c": {"operation": "step"},
            },
            "edges": ["c.out => a.in"],
        },
    )
    result = plynx.run(graph)
    assert result.returncode == 2
    assert "'a'" in result.stderr and "missing" in result.stderr
    assert "'b'" in result.stderr
    assert "c.out => a.in" in result.stderr
    assert plynx.run(plynx.cwd / "nowhere.yaml").returncode == 2
    assert plynx.run(graph, "-p", "ghost.n=1").returncode == 2


@pytest.mark.parametrize(
    "name", ["git_split", "data_pipeline", "composite", "hello", "parameters", "sweep_logreg"]
)
def test_the_examples_run(plynx: Plynx, name: str) -> None:
    result = plynx.run(f"example:{name}", "--json")
    assert result.returncode == 0, result.stderr + result.stdout
    detail = json.loads(result.stdout)
    assert {nr["status"] for nr in detail["node_runs"]} == {"success"}


def test_the_git_split_example_checks_out_the_commit_and_splits_every_line(
    plynx: Plynx, tmp_path: Path
) -> None:
    out = tmp_path / "outputs"
    result = plynx.run("example:git_split", "--outputs", str(out))
    assert result.returncode == 0, result.stderr + result.stdout
    checkout = out / "checkout" / "dir" / "data"
    first = (checkout / "first.txt").read_text().splitlines()
    second = (checkout / "second.txt").read_text().splitlines()
    assert len(first) == 40 and "not a number" not in "".join(first)  # the first commit
    a = (out / "split" / "output_a").read_text().splitlines()
    b = (out / "split" / "output_b").read_text().splitlines()
    assert sorted(a + b) == sorted(first + second)
    assert 0 < len(a) < len(b)  # sample_rate 0.3


def test_outputs_are_saved_where_asked(plynx: Plynx, tmp_path: Path) -> None:
    result = plynx.run("example:hello", "--outputs", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "shout" / "loud").read_text() == "HELLO, PLYNX!\n"
    assert (tmp_path / "out" / "greet" / "greeting").read_text() == "Hello, PLynx!\n"


def test_p_sets_a_graph_parameter_that_a_composite_used_twice_passes_on(
    plynx: Plynx, tmp_path: Path
) -> None:
    """The example counts "apple" in one use of the composite and the graph parameter ``fruit``
    in the other; the basket holds 2 apples, 3 bananas and 1 cherry."""

    def counts(result: subprocess.CompletedProcess[str], out: Path) -> dict[str, str]:
        assert result.returncode == 0, result.stderr
        return {
            use: (out / use / "count" / "count").read_text().strip() for use in ("apples", "chosen")
        }

    first = plynx.run("example:parameters", "-p", "fruit=banana", "--outputs", str(tmp_path / "a"))
    assert counts(first, tmp_path / "a") == {"apples": "2", "chosen": "3"}
    assert "graph parameters: fruit='banana'" in first.stdout

    same = plynx.run("example:parameters", "--json")  # banana is the default: all cached
    assert same.returncode == 0, same.stderr
    detail = json.loads(same.stdout)
    assert detail["run"]["parameters"] == {"fruit": "banana"}
    assert {nr["status"] for nr in detail["node_runs"]} == {"cached"}

    other = plynx.run(
        "example:parameters", "-p", "fruit=cherry", "--json", "--outputs", str(tmp_path / "b")
    )
    assert counts(other, tmp_path / "b") == {"apples": "2", "chosen": "1"}
    statuses = {nr["node_id"]: nr["status"] for nr in json.loads(other.stdout)["node_runs"]}
    assert statuses == {"basket": "cached", "apples/count": "cached", "chosen/count": "success"}

    wrong = plynx.run("example:parameters", "-p", "fruti=cherry")
    assert wrong.returncode == 2
    assert "no parameter 'fruti' (graph parameters: fruit)" in wrong.stderr


def test_ctrl_c_cancels_the_run_and_exits_1(plynx: Plynx, tmp_path: Path) -> None:
    pidfile = tmp_path / "pid"
    graph = plynx.write_graph(
        "long.yaml",
        {
            "operations": {"long": bash(f"echo $$ > {pidfile}\nsleep 600\n")},
            "nodes": {"long": {"operation": "long"}},
        },
    )
    proc = plynx.start("run", str(graph), "--data-dir", str(plynx.data_dir), "--workers", "1")
    try:
        lock = plynx.data_dir / "server.lock"
        url = wait_until(lambda: json.loads(lock.read_text() or "{}").get("url"), what="server")
        wait_until(lambda: pidfile.exists() and pidfile.read_text().strip(), what="node start")
        pid = int(pidfile.read_text())
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 1, err
    assert "canceled" in out
    assert url.startswith("http://127.0.0.1:")
    wait_until(lambda: not _alive(pid), timeout=10, what="the node's process to die")
    # everything is down: the lock is free and nobody listens any more
    assert json.loads(lock.read_text() or "{}").get("url") is None
    with pytest.raises(OSError):
        http_json(url + "/api/v1/health")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


class _Server:
    """``plynx server`` with authentication on a fixed port, restartable, and one worker."""

    def __init__(self, plynx: Plynx, background: list[subprocess.Popen[str]]) -> None:
        self.plynx = plynx
        self.background = background
        data = ["--data-dir", str(plynx.data_dir)]
        self.api_token = plynx("token", "create", "--user", "alice", *data).stdout.strip()
        worker_token = plynx("token", "create", "--kind", "worker", "--user", "ops", *data)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = self.start()
        worker_env = {**plynx.env, "PLYNX_TOKEN": worker_token.stdout.strip()}
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "plynx",
                "worker",
                "--server",
                self.url,
                "--slots",
                "2",
                "--work-dir",
                str(plynx.cwd.parent / "work"),
            ],
            cwd=plynx.cwd,
            env=worker_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        background.append(worker)
        wait_until(
            lambda: http_json(self.url + "/api/v1/workers", self.api_token)[1], what="the worker"
        )

    def start(self) -> subprocess.Popen[str]:
        server = self.plynx.start(
            "server", "--port", str(self.port), "--data-dir", str(self.plynx.data_dir)
        )
        self.background.append(server)
        wait_until(lambda: http_json(self.url + "/api/v1/health")[0] == 200, what="the server")
        return server

    def kill(self) -> None:
        self.process.kill()
        self.process.communicate()


def _two_steps(plynx: Plynx, started: Path) -> Path:
    return plynx.write_graph(
        "two.yaml",
        {
            "operations": {
                "slow": bash(f"touch {started}\nsleep 2\necho slow-done > {{{{ outputs.out }}}}"),
                "after": bash(
                    "cat {{ inputs['in'] | join(' ') }} > {{ outputs.out }}\n"
                    "echo after >> {{ outputs.out }}"
                ),
            },
            "nodes": {"slow": {"operation": "slow"}, "after": {"operation": "after"}},
            "edges": ["slow.out -> after.in"],
        },
    )


def test_run_keeps_following_across_a_server_restart(
    plynx: Plynx, background: list[subprocess.Popen[str]], tmp_path: Path
) -> None:
    server = _Server(plynx, background)
    started = tmp_path / "started"
    graph = _two_steps(plynx, started)
    out_dir = tmp_path / "outputs"
    run = plynx.start(
        "run",
        str(graph),
        "--server",
        server.url,
        "--token",
        server.api_token,
        "--outputs",
        str(out_dir),
    )
    try:
        wait_until(started.exists, what="the slow node to start")
        server.kill()
        time.sleep(6)  # longer than the ~4 s the follower used to give up after
        assert run.poll() is None, "plynx run gave up while the server was down"
        server.process = server.start()
        out, err = run.communicate(timeout=60)
    finally:
        if run.poll() is None:
            run.kill()
            run.communicate()
    assert run.returncode == 0, out + err
    assert "reconnecting…" in out and "reconnected after" in out
    assert (out_dir / "after" / "out").read_text() == "slow-done\nafter\n"


def test_run_gives_up_after_the_reconnect_timeout_naming_the_run(
    plynx: Plynx, background: list[subprocess.Popen[str]], tmp_path: Path
) -> None:
    server = _Server(plynx, background)
    started = tmp_path / "started"
    graph = _two_steps(plynx, started)
    run = plynx.start(
        "run",
        str(graph),
        "--server",
        server.url,
        "--token",
        server.api_token,
        "--reconnect-timeout",
        "3",
    )
    try:
        wait_until(started.exists, what="the slow node to start")
        server.kill()
        lost = time.monotonic()
        out, err = run.communicate(timeout=30)
    finally:
        if run.poll() is None:
            run.kill()
            run.communicate()
    assert 3 <= time.monotonic() - lost < 15
    assert run.returncode == 3, out + err
    run_id = re.search(r"run (\S+) of ", out)
    assert run_id is not None, out
    assert "reconnecting…" in out
    assert f"run {run_id[1]}" in err and "may still be running" in err
    assert "Traceback" not in err
