"""The MongoDB :class:`~tests.store.conftest.Backend`: a fresh, uniquely named database per test,
dropped afterwards, on the server at ``PLYNX_TEST_MONGO_URI`` or else on one ``nx-27017`` server
(a MongoDB wire-protocol server backed by SQLite) started for the whole test session.

:func:`mongo_server` starts such a server on its own (other suites can use it); :func:`server_uri`
shares one per process. Without either, the tests skip, saying why; under CI (``CI=true``) they
fail.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from pymongo import AsyncMongoClient, MongoClient
from pymongo.errors import PyMongoError

__all__ = [
    "NoServer",
    "mongo_database",
    "mongo_server",
    "mongo_set_schema_version",
    "server_uri",
    "with_database",
]

URI_VARIABLE = "PLYNX_TEST_MONGO_URI"
_START_TIMEOUT = 20.0
_PR_SET_PDEATHSIG = 1


class NoServer(RuntimeError):
    """No MongoDB server could be had (``nx-27017`` missing or failing to start)."""


def _nx_27017() -> str | None:
    """The ``nx-27017`` executable beside this Python, or on the PATH."""
    beside = Path(sys.executable).parent / "nx-27017"
    return str(beside) if beside.exists() else shutil.which("nx-27017")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _die_with_parent() -> None:
    """In the child: get SIGTERM when the test process dies, so no server outlives it."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _answers(uri: str) -> bool:
    client: MongoClient[dict[str, object]]
    try:
        with MongoClient(uri, serverSelectionTimeoutMS=250, connectTimeoutMS=250) as client:
            client.admin.command("ping")
    except PyMongoError:
        return False
    return True


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def mongo_server(attempts: int = 3) -> Iterator[str]:
    """Start an ``nx-27017`` server on a free port of 127.0.0.1 with a temporary data directory,
    wait until it answers, yield its URI (``mongodb://127.0.0.1:PORT``), stop it on exit.
    Raises :class:`NoServer` when the server is not installed or does not start."""
    program = _nx_27017()
    if program is None:
        raise NoServer("nx-27017 is not installed (pip install 'plynx[test]')")
    with tempfile.TemporaryDirectory(prefix="plynx-nx27017-") as tmp:
        log = Path(tmp) / "server.log"
        for _ in range(attempts):
            port = _free_port()
            uri = f"mongodb://127.0.0.1:{port}"
            command = [
                program,
                "--host=127.0.0.1",
                f"--port={port}",
                f"--data-dir={Path(tmp) / 'data'}",
                f"--log-file={log}",
                f"--pid-file={Path(tmp) / f'{port}.pid'}",
            ]
            with log.open("ab") as output:
                process = subprocess.Popen(
                    command,
                    stdin=subprocess.DEVNULL,
                    stdout=output,
                    stderr=subprocess.STDOUT,
                    preexec_fn=_die_with_parent if sys.platform == "linux" else None,  # noqa: PLW1509
                )
            try:
                deadline = time.monotonic() + _START_TIMEOUT
                while process.poll() is None and time.monotonic() < deadline:
                    if _answers(uri):
                        break
                    time.sleep(0.1)
                else:
                    continue  # it exited (the port was taken meanwhile?) or never answered
                yield uri
                return
            finally:
                _stop(process)
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        raise NoServer(f"nx-27017 did not start after {attempts} attempts; its log ends:\n{tail}")


class _SharedServer:
    """One server per process, started on first use and stopped when the process exits."""

    def __init__(self) -> None:
        self.uri: str | None = None
        self.error: str | None = None

    def get(self) -> str | None:
        if self.uri is None and self.error is None:
            stack = contextlib.ExitStack()
            try:
                self.uri = stack.enter_context(mongo_server())
            except NoServer as exc:
                self.error = str(exc)
            else:
                atexit.register(stack.close)
        return self.uri


_shared = _SharedServer()


def server_uri() -> str:
    """The URI of the server tests use: ``PLYNX_TEST_MONGO_URI`` if set, else one
    ``nx-27017`` started on first use and stopped when the process exits. Skips the test (fails
    it under CI) when there is none."""
    configured = os.environ.get(URI_VARIABLE)
    if configured:
        return configured
    uri = _shared.get()
    if uri is None:
        reason = f"no MongoDB server for the tests: {_shared.error}; or set {URI_VARIABLE}"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return uri


def with_database(uri: str, name: str) -> str:
    """``uri`` pointing at the database ``name`` instead (its options kept)."""
    return urlunsplit(urlsplit(uri)._replace(path=f"/{name}"))


@asynccontextmanager
async def mongo_database(tmp_path: Path | None = None) -> AsyncIterator[str]:
    """The URL of a new, empty database, dropped on exit."""
    uri = server_uri()
    name = f"plynx_test_{uuid.uuid4().hex[:16]}"
    try:
        yield with_database(uri, name)
    finally:
        client: AsyncMongoClient[dict[str, object]] = AsyncMongoClient(
            uri, serverSelectionTimeoutMS=5000
        )
        try:
            await client.drop_database(name)
        finally:
            await client.close()


async def mongo_set_schema_version(url: str, version: int) -> None:
    """Overwrite the schema version recorded in the database at ``url``."""
    client: AsyncMongoClient[dict[str, object]] = AsyncMongoClient(
        url, serverSelectionTimeoutMS=5000
    )
    try:
        meta = client.get_default_database()["meta"]
        await meta.update_one({"_id": "schema_version"}, {"$set": {"value": version}})
    finally:
        await client.close()
