"""``plynx server`` without local mode, with tokens from ``plynx token create``."""

from __future__ import annotations

import json
import subprocess

import pytest

from .conftest import Plynx, bash, free_port, http_json, stop, wait_until

pytestmark = pytest.mark.slow


def test_tokens_from_the_cli_work_against_a_server_with_authentication(
    plynx: Plynx, background: list[subprocess.Popen[str]]
) -> None:
    data = ["--data-dir", str(plynx.data_dir)]
    api = plynx("token", "create", "--user", "alice", "--name", "laptop", *data)
    assert api.returncode == 0, api.stderr
    api_token = api.stdout.strip()
    assert api_token.startswith("plx_") and "\n" not in api_token
    worker = plynx("token", "create", "--kind", "worker", "--user", "ops", *data)
    worker_token = worker.stdout.strip()

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = plynx.start("server", "--port", str(port), *data)
    background.append(server)
    wait_until(lambda: http_json(url + "/api/v1/health")[0] == 200, what="the server")
    assert http_json(url + "/api/v1/runs")[0] == 401
    assert http_json(url + "/api/v1/runs", api_token)[0] == 200

    background.append(
        plynx.start(
            "worker",
            "--server",
            url,
            "--token",
            worker_token,
            "--slots",
            "2",
            "--work-dir",
            str(plynx.cwd / "work"),
        )
    )
    wait_until(lambda: http_json(url + "/api/v1/workers", api_token)[1], what="the worker")

    graph = plynx.write_graph(
        "hello.yaml",
        {
            "operations": {"hi": bash("echo hi > {{ outputs.out }}")},
            "nodes": {"hi": {"operation": "hi"}},
        },
    )
    denied = plynx("run", str(graph), "--server", url)
    assert denied.returncode == 1
    assert "token" in denied.stderr

    ok = plynx("run", str(graph), "--server", url, "--token", api_token, "--json")
    assert ok.returncode == 0, ok.stderr
    detail = json.loads(ok.stdout)
    assert detail["run"]["status"] == "success"
    assert detail["run"]["author"] == "alice"

    # the server, not the CLI, finds the problems of a graph sent to it
    invalid = plynx.write_graph(
        "invalid.yaml",
        {
            "operations": {"hi": bash("true")},
            "nodes": {
                "hi": {"operation": "hi", "params": {"nope": 1}},
                "other": {"operation": {"kind": "no_such_kind"}},
            },
        },
    )
    refused = plynx("run", str(invalid), "--server", url, "--token", api_token)
    assert refused.returncode == 2
    assert "hi.nope" in refused.stderr and "no_such_kind" in refused.stderr

    listed = plynx("token", "list", *data)
    assert "alice" in listed.stdout and "laptop" in listed.stdout and api_token not in listed.stdout

    out, err = stop(server)
    assert api_token not in out + err and worker_token not in out + err
