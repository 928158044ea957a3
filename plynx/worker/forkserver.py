"""The worker's side of the Python fork server (see :mod:`plynx.worker.zygote`).

Starting a Python interpreter costs tens of milliseconds; forking a warm one costs well under
one. :class:`ForkServer` keeps one zygote per worker, sends it the code, bindings and pipe ends
of each Python node, and turns its replies into :class:`~plynx.worker.process.Process` objects
like any other child. If the zygote dies, the children it had forked are killed and reported
as failed, and the next request starts a new zygote.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plynx.worker.logs import LogSink
from plynx.worker.process import Process, kill_group

__all__ = ["ForkServer", "ForkServerError"]

logger = logging.getLogger(__name__)
#: Exit code reported for children lost with their zygote (as if killed by SIGKILL).
_LOST = -int(signal.SIGKILL)
#: Run as a script, not with ``-m``: importing the ``plynx`` package would make every fork
#: slower (a bigger interpreter to copy) for nothing.
_ZYGOTE_SCRIPT = str(Path(__file__).with_name("zygote.py"))


class ForkServerError(RuntimeError):
    """The zygote could not fork a child (or died before it did)."""


@dataclass
class _Child:
    forked: asyncio.Future[int]
    exited: asyncio.Future[int]
    pid: int | None = None


@dataclass
class _Zygote:
    popen: subprocess.Popen[bytes]
    sock: socket.socket
    buffer: bytearray = field(default_factory=bytearray)
    children: dict[int, _Child] = field(default_factory=dict)


def _watch_status(fd: int, exited: asyncio.Future[int]) -> None:
    """Resolve ``exited`` with the status the child writes to ``fd`` before it exits. A child
    that dies without writing one (killed) is reported by the zygote when it is reaped."""
    loop = asyncio.get_running_loop()
    os.set_blocking(fd, False)

    def on_ready() -> None:
        try:
            data = os.read(fd, 64)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        loop.remove_reader(fd)
        os.close(fd)
        if data.strip() and not exited.done():
            exited.set_result(int(data))

    loop.add_reader(fd, on_ready)


class ForkServer:
    """Runs Python code in children forked from a warm interpreter.

    ``env`` is the environment of the zygote (and so of its children); ``preload`` names
    modules the zygote imports once, up front."""

    def __init__(
        self, *, env: Mapping[str, str] | None = None, preload: Sequence[str] = ()
    ) -> None:
        self._env = dict(os.environ if env is None else env)
        self._preload = list(preload)
        self._zygote: _Zygote | None = None
        self._next_id = 0
        self._lock = asyncio.Lock()

    @property
    def pid(self) -> int | None:
        """The zygote's pid, while one runs."""
        return self._zygote.popen.pid if self._zygote is not None else None

    async def start(self) -> None:
        """Start the zygote now (otherwise the first :meth:`spawn` does)."""
        self._ensure()

    def _ensure(self) -> _Zygote:
        if self._zygote is None:
            self._zygote = self._start()
        return self._zygote

    def _start(self) -> _Zygote:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            popen = subprocess.Popen(
                [sys.executable, _ZYGOTE_SCRIPT, str(theirs.fileno()), *self._preload],
                pass_fds=(theirs.fileno(),),
                env=self._env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
            )
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()
        ours.setblocking(False)
        zygote = _Zygote(popen, ours)
        asyncio.get_running_loop().add_reader(ours.fileno(), self._on_readable, zygote)
        logger.debug("python fork server started (pid %d)", popen.pid)
        return zygote

    def _on_readable(self, zygote: _Zygote) -> None:
        try:
            data = zygote.sock.recv(65536)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            self._lost(zygote)
            return
        zygote.buffer += data
        while (end := zygote.buffer.find(b"\n")) >= 0:
            message = json.loads(bytes(zygote.buffer[:end]))
            del zygote.buffer[: end + 1]
            self._on_message(zygote, message)

    def _on_message(self, zygote: _Zygote, message: dict[str, Any]) -> None:
        child = zygote.children.get(message["id"])
        if child is None:
            return
        if "pid" in message:
            child.pid = message["pid"]
            child.forked.set_result(message["pid"])
        elif "exit" in message:
            del zygote.children[message["id"]]
            if not child.exited.done():
                child.exited.set_result(message["exit"])
        elif "error" in message:
            del zygote.children[message["id"]]
            child.forked.set_exception(ForkServerError(message["error"]))

    def _lost(self, zygote: _Zygote) -> None:
        """The zygote is gone: fail its children, start afresh on the next request."""
        if self._zygote is zygote:
            self._zygote = None
        if zygote.children:
            logger.error(
                "the python fork server (pid %d) died; %d python nodes are lost",
                zygote.popen.pid,
                len(zygote.children),
            )
        self._detach(zygote)
        asyncio.get_running_loop().run_in_executor(None, zygote.popen.wait)

    @staticmethod
    def _detach(zygote: _Zygote) -> None:
        """Stop listening to ``zygote``; kill and fail the children it still reports on."""
        with contextlib.suppress(OSError, ValueError):
            asyncio.get_running_loop().remove_reader(zygote.sock.fileno())
        zygote.sock.close()
        for child in zygote.children.values():
            if child.pid is not None:
                kill_group(child.pid, signal.SIGKILL)
            if not child.forked.done():
                child.forked.set_exception(ForkServerError("the python fork server died"))
            if not child.exited.done():
                child.exited.set_result(_LOST)
        zygote.children.clear()

    async def _send(self, zygote: _Zygote, frame: bytes, fds: list[int]) -> None:
        loop = asyncio.get_running_loop()
        async with self._lock:  # frames must not interleave
            while True:
                try:
                    sent = socket.send_fds(zygote.sock, [frame], fds)
                    break
                except BlockingIOError:
                    writable = loop.create_future()
                    loop.add_writer(zygote.sock.fileno(), writable.set_result, None)
                    try:
                        await writable
                    finally:
                        loop.remove_writer(zygote.sock.fileno())
            if sent < len(frame):
                await loop.sock_sendall(zygote.sock, frame[sent:])

    async def spawn(
        self,
        code: str,
        bindings: Mapping[str, Any],
        *,
        cwd: Path,
        sink: LogSink,
        env: Mapping[str, str] | None = None,
    ) -> Process:
        """Fork a child that runs ``code`` with ``bindings`` (JSON values) as globals in
        ``cwd``; its output streams to ``sink``. Raises :class:`ForkServerError` if it could
        not be forked."""
        zygote = self._ensure()
        loop = asyncio.get_running_loop()
        self._next_id += 1
        request_id = self._next_id
        payload = json.dumps(
            {
                "id": request_id,
                "code": code,
                "globals": dict(bindings),
                "cwd": str(cwd),
                "env": dict(env) if env is not None else None,
            }
        ).encode()
        child = _Child(loop.create_future(), loop.create_future())
        zygote.children[request_id] = child
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        status_r, status_w = os.pipe()
        try:
            try:
                frame = len(payload).to_bytes(4, "big") + payload
                await self._send(zygote, frame, [out_w, err_w, status_w])
            except OSError as exc:
                zygote.children.pop(request_id, None)
                raise ForkServerError(f"the python fork server is not reachable: {exc}") from exc
            finally:
                os.close(out_w)
                os.close(err_w)
                os.close(status_w)
            _watch_status(status_r, child.exited)
            pid = await child.forked
        except BaseException:
            os.close(out_r)
            os.close(err_r)
            raise
        return Process(pid, out_r, err_r, sink, child.exited)

    async def close(self) -> None:
        """Stop the zygote; children still running are killed."""
        zygote, self._zygote = self._zygote, None
        if zygote is None:
            return
        self._detach(zygote)
        loop = asyncio.get_running_loop()
        try:
            await asyncio.wait_for(loop.run_in_executor(None, zygote.popen.wait), 2.0)
        except TimeoutError:
            zygote.popen.kill()
            await loop.run_in_executor(None, zygote.popen.wait)
