"""The ``plynx`` command run as a user runs it: ``python -m plynx ...`` in a subprocess, with
a clean environment and its data in a temporary directory."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml


@dataclass
class Plynx:
    """Runs ``plynx`` commands in ``cwd`` with the data directory ``data_dir``."""

    cwd: Path
    data_dir: Path
    env: dict[str, str]

    def __call__(
        self, *args: str, timeout: float = 90, input: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        """Run ``plynx ARGS`` to completion (with ``input`` on its stdin)."""
        return subprocess.run(
            [sys.executable, "-m", "plynx", *args],
            cwd=self.cwd,
            env=self.env,
            input=input,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def run(
        self, graph: str | Path, *args: str, timeout: float = 90
    ) -> subprocess.CompletedProcess[str]:
        """``plynx run GRAPH --data-dir DATA --workers 1 ARGS``."""
        return self(
            "run",
            str(graph),
            "--data-dir",
            str(self.data_dir),
            "--workers",
            "1",
            *args,
            timeout=timeout,
        )

    def start(self, *args: str) -> subprocess.Popen[str]:
        """Start ``plynx ARGS`` in the background."""
        return subprocess.Popen(
            [sys.executable, "-m", "plynx", *args],
            cwd=self.cwd,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def write_graph(self, name: str, doc: dict[str, Any]) -> Path:
        """Write a graph file into ``cwd``."""
        path = self.cwd / name
        path.write_text(yaml.safe_dump(doc, sort_keys=False))
        return path


@pytest.fixture
def plynx(tmp_path: Path) -> Plynx:
    """The ``plynx`` command with a fresh data directory and no PLYNX_* variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLYNX_")}
    env["PYTHONUNBUFFERED"] = "1"
    work = tmp_path / "cwd"
    work.mkdir()
    return Plynx(cwd=work, data_dir=tmp_path / "data", env=env)


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def http_json(url: str, token: str | None = None, method: str = "GET") -> tuple[int, Any]:
    """``(status, decoded JSON body)`` of a request."""
    request = urllib.request.Request(url, method=method)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as resp:
            return resp.status, json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")


def wait_until(predicate: Any, timeout: float = 30, what: str = "condition") -> Any:
    """Poll ``predicate`` until it returns something true."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except OSError:
            value = None
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def stop(proc: subprocess.Popen[str], timeout: float = 15) -> tuple[str, str]:
    """Terminate a background command and return its output."""
    if proc.poll() is None:
        proc.terminate()
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    return out, err


@pytest.fixture
def background(plynx: Plynx) -> Iterator[list[subprocess.Popen[str]]]:
    """Background commands, terminated at the end of the test."""
    procs: list[subprocess.Popen[str]] = []
    yield procs
    for proc in reversed(procs):
        stop(proc)


def bash(code: str, **extra: Any) -> dict[str, Any]:
    """A bash_jinja2 operation with a text output ``out`` and an optional array input ``in``."""
    return {
        "kind": "bash_jinja2",
        "code": code,
        "outputs": {"out": "text"},
        "inputs": {"in": {"type": "text", "is_array": True, "min_count": 0}},
        **extra,
    }
