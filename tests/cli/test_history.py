"""History from the terminal: ``plynx runs``, ``plynx show`` and ``plynx logs`` on the runs
``plynx run`` left in the data directory."""

from __future__ import annotations

import json

import pytest

from plynx.cli.embedded import local_token

from .conftest import Plynx, bash, free_port, http_json, wait_until

pytestmark = pytest.mark.slow


def test_runs_show_and_logs_describe_past_runs(plynx: Plynx) -> None:
    graph = plynx.write_graph(
        "g.yaml",
        {
            "title": "history",
            "parameters": {"lr": {"type": "float", "default": 0.1}},
            "operations": {
                "train": bash(
                    "echo training at {{ params.lr }}\n"
                    "echo warned >&2\n"
                    "echo ok > {{ outputs.out }}\n"
                    'echo \'{"name": "acc", "value": 0.875}\' >> "$PLYNX_METRICS"\n',
                    parameters={"lr": 0.5},
                )
            },
            "nodes": {"train": {"operation": "train", "params": {"lr": {"ref": "lr"}}}},
        },
    )
    first = plynx.run(graph, "--json")
    second = plynx.run(graph, "--json", "-p", "lr=0.01")
    assert first.returncode == second.returncode == 0, second.stderr
    run_id = json.loads(second.stdout)["run"]["id"]
    data = ("--data-dir", str(plynx.data_dir))

    listed = plynx("runs", *data)
    assert listed.returncode == 0, listed.stderr
    rows = [line for line in listed.stdout.splitlines() if "history" in line]
    assert len(rows) == 2
    assert run_id in rows[0] and "lr=0.01" in rows[0] and "acc=0.875" in rows[0]
    assert "lr=" not in rows[1]  # the first run used the default
    assert "success" in rows[0] and "success" in rows[1]

    shown = plynx("show", run_id, *data)
    assert shown.returncode == 0, shown.stderr
    assert "graph parameters: lr=0.01" in shown.stdout and "acc=0.875" in shown.stdout

    logs = plynx("logs", run_id, "train", *data)
    assert logs.returncode == 0, logs.stderr
    assert logs.stdout == "training at 0.01\n" and "warned" in logs.stderr
    every = plynx("logs", run_id, *data)
    assert "train | training at 0.01" in every.stdout
    wrong = plynx("logs", run_id, "nope", *data)
    assert wrong.returncode == 2 and "has no node 'nope'" in wrong.stderr
    missing = plynx("show", "nope", *data)
    assert missing.returncode == 2 and "not found" in missing.stderr


def test_logs_follow_prints_lines_as_a_running_node_writes_them(plynx: Plynx) -> None:
    port = free_port()
    local = plynx.start(
        "local", "--port", str(port), "--data-dir", str(plynx.data_dir), "--no-browser"
    )
    follower = None
    try:
        wait_until((plynx.data_dir / "server.lock").read_text, what="the server")
        graph = plynx.write_graph(
            "slow.yaml",
            {
                "title": "slow",
                "operations": {
                    "tick": bash(
                        "for i in 1 2 3; do echo tick $i; sleep 1; done\n"
                        "echo done > {{ outputs.out }}\n"
                    )
                },
                "nodes": {"tick": {"operation": "tick"}},
            },
        )
        runner = plynx.start("run", str(graph), "--data-dir", str(plynx.data_dir))
        url = f"http://127.0.0.1:{port}"

        def running_id() -> str | None:
            _, page = http_json(url + "/api/v1/runs?status=running", local_token(plynx.data_dir))
            return page["items"][0]["id"] if page["items"] else None

        run_id = wait_until(running_id, what="the run to start")
        follower = plynx.start(
            "logs", run_id, "tick", "--follow", "--data-dir", str(plynx.data_dir)
        )
        out, err = follower.communicate(timeout=60)
        assert follower.returncode == 0, err
        assert out == "tick 1\ntick 2\ntick 3\n"  # everything, once, until the run ended
        runner.communicate(timeout=30)
    finally:
        local.terminate()
        local.communicate(timeout=30)
