"""The worker's side of the Python fork server (see :mod:`plynx.worker.zygote`).

Starting a Python interpreter costs tens of milliseconds; forking a warm one costs well under
one. :class:`ForkServer` keeps one zygote per worker and a few *spare* children forked from it
in advance. A Python node goes straight to a spare (its code, bindings and pipe ends over the
spare's socket), and a new spare is asked for at the same time, so neither the fork nor the
zygote delays the node. The child is then a :class:`~plynx.worker.process.Process` like any
other: its status pipe says when it is done, the zygote reports how it died otherwise.

If the zygote dies, the children it had forked are killed and reported as failed, and the
next request starts a new zygote.
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
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plynx.errors import PlynxError
from plynx.worker.config import NodeUser
from plynx.worker.logs import LogSink
from plynx.worker.process import Process, kill_group

__all__ = ["ForkServer", "ForkServerError"]

logger = logging.getLogger(__name__)
#: Exit code reported for children lost with their zygote (as if killed by SIGKILL).
_LOST = -int(signal.SIGKILL)
#: Run as a script, not with ``-m``: importing the ``plynx`` package would make every fork
#: slower (a bigger interpreter to copy) for nothing.
_ZYGOTE_SCRIPT = str(Path(__file__).with_name("zygote.py"))
_MAX_HINTS = 256


class ForkServerError(PlynxError):
    """No child could be had: the zygote cannot run here, could not fork, or died."""


Spare = tuple[int, socket.socket]


@dataclass
class _Zygote:
    popen: subprocess.Popen[bytes]
    sock: socket.socket
    buffer: bytearray = field(default_factory=bytearray)
    fds: deque[int] = field(default_factory=deque)  # received with "spare" lines, in order
    spares: deque[Spare] = field(default_factory=deque)
    waiting: deque[asyncio.Future[Spare]] = field(default_factory=deque)
    children: dict[int, asyncio.Future[int]] = field(default_factory=dict)  # pid -> exited
    pending: bytearray = field(default_factory=bytearray)  # lines not yet written
    lost: bool = False


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
    modules the zygote imports once, up front; ``spares`` is how many children wait, forked
    in advance (as many as Python nodes may start at once is enough); ``user``: the zygote,
    and so every child, runs as that user."""

    def __init__(
        self,
        *,
        env: Mapping[str, str] | None = None,
        preload: Sequence[str] = (),
        spares: int = 2,
        user: NodeUser | None = None,
    ) -> None:
        self._env = dict(os.environ if env is None else env)
        self._user = user
        self._preload = list(preload)
        self._spares = max(spares, 1)
        self._zygote: _Zygote | None = None
        self._hinted: set[str] = set()

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
        if not hasattr(os, "pidfd_open"):
            raise ForkServerError(
                "python nodes need Linux 5.3 or later (pidfd); run them on a Linux worker"
            )
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            popen = subprocess.Popen(
                [sys.executable, _ZYGOTE_SCRIPT, str(theirs.fileno()), *self._preload],
                pass_fds=(theirs.fileno(),),
                env=self._env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                user=self._user.uid if self._user else None,
                group=self._user.gid if self._user else None,
                extra_groups=[] if self._user else None,
            )
        except OSError as exc:  # e.g. the node user may not run this interpreter
            ours.close()
            raise ForkServerError(f"cannot start the python fork server: {exc}") from exc
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()
        ours.setblocking(False)
        zygote = _Zygote(popen, ours)
        asyncio.get_running_loop().add_reader(ours.fileno(), self._on_readable, zygote)
        self._hinted.clear()
        self._ask(zygote, {"spares": self._spares})
        logger.debug("python fork server started (pid %d)", popen.pid)
        return zygote

    # -- talking to the zygote ---------------------------------------------------------------
    def _ask(self, zygote: _Zygote, request: dict[str, Any]) -> None:
        """Send a request line to the zygote without waiting."""
        zygote.pending += json.dumps(request).encode() + b"\n"
        self._flush(zygote)

    def _flush(self, zygote: _Zygote) -> None:
        loop = asyncio.get_running_loop()
        try:
            sent = zygote.sock.send(zygote.pending)
        except BlockingIOError:
            sent = 0
        except OSError:
            return  # the zygote is gone; the reader notices
        del zygote.pending[:sent]
        if zygote.pending:
            loop.add_writer(zygote.sock.fileno(), self._flush_later, zygote)

    def _flush_later(self, zygote: _Zygote) -> None:
        asyncio.get_running_loop().remove_writer(zygote.sock.fileno())
        self._flush(zygote)

    def _on_readable(self, zygote: _Zygote) -> None:
        try:
            data, fds, _flags, _addr = socket.recv_fds(
                zygote.sock, 65536, 64, socket.MSG_CMSG_CLOEXEC
            )
        except BlockingIOError:
            return
        except OSError:
            data, fds = b"", []
        zygote.fds.extend(fds)
        if not data:
            self._lost(zygote)
            return
        zygote.buffer += data
        while (end := zygote.buffer.find(b"\n")) >= 0:
            message = json.loads(bytes(zygote.buffer[:end]))
            del zygote.buffer[: end + 1]
            self._on_message(zygote, message)

    def _on_message(self, zygote: _Zygote, message: dict[str, Any]) -> None:
        if "spare" in message:
            channel = socket.socket(fileno=zygote.fds.popleft())
            spare = (message["spare"], channel)
            while zygote.waiting:
                waiter = zygote.waiting.popleft()
                if not waiter.done():
                    waiter.set_result(spare)
                    return
            zygote.spares.append(spare)
        elif "exit" in message:
            exited = zygote.children.pop(message["pid"], None)
            if exited is not None and not exited.done():
                exited.set_result(message["exit"])
        elif "error" in message:
            logger.error("python fork server: %s", message["error"])
            if zygote.waiting:
                zygote.waiting.popleft().set_exception(ForkServerError(message["error"]))

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
        zygote.lost = True
        loop = asyncio.get_running_loop()
        with contextlib.suppress(OSError, ValueError):
            loop.remove_reader(zygote.sock.fileno())
            loop.remove_writer(zygote.sock.fileno())
        zygote.sock.close()
        for pid, exited in zygote.children.items():
            kill_group(pid, signal.SIGKILL)
            if not exited.done():
                exited.set_result(_LOST)
        zygote.children.clear()
        for _pid, channel in zygote.spares:
            channel.close()  # the spare reads EOF and exits
        zygote.spares.clear()
        for fd in zygote.fds:
            os.close(fd)
        zygote.fds.clear()
        for waiter in zygote.waiting:
            if not waiter.done():
                waiter.set_exception(ForkServerError("the python fork server died"))
        zygote.waiting.clear()

    # -- running code ------------------------------------------------------------------------
    def _replace_spare(self, zygote: _Zygote) -> None:
        """Ask for a spare in place of one used. Called once the child is done, not while it
        runs: the fork then competes with the worker's own work, not with the node."""
        if not zygote.lost:
            self._ask(zygote, {"spares": 1})

    async def _take_spare(self, zygote: _Zygote) -> Spare:
        if zygote.spares:
            return zygote.spares.popleft()
        waiter: asyncio.Future[Spare] = asyncio.get_running_loop().create_future()
        zygote.waiting.append(waiter)
        return await waiter

    async def spawn(
        self,
        code: str,
        bindings: Mapping[str, Any],
        *,
        cwd: Path,
        sink: LogSink,
        env: Mapping[str, str] | None = None,
    ) -> Process:
        """Start a child that runs ``code`` with ``bindings`` (JSON values) as globals in
        ``cwd``; its output streams to ``sink``. Raises :class:`ForkServerError` if no child
        could be had."""
        zygote = self._ensure()
        loop = asyncio.get_running_loop()
        payload = json.dumps(
            {
                "code": code,
                "globals": dict(bindings),
                "cwd": str(cwd),
                "env": dict(env) if env is not None else None,
            }
        ).encode()
        frame = len(payload).to_bytes(4, "big") + payload
        if code not in self._hinted and len(self._hinted) < _MAX_HINTS:
            self._hinted.add(code)
            self._ask(zygote, {"code": code})
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        status_r, status_w = os.pipe()
        try:
            while True:
                pid, channel = await self._take_spare(zygote)
                with channel:
                    try:
                        channel.setblocking(False)
                        sent = socket.send_fds(channel, [frame], [out_w, err_w, status_w])
                        if sent < len(frame):
                            await loop.sock_sendall(channel, frame[sent:])
                        break
                    except (BlockingIOError, BrokenPipeError, ConnectionResetError):
                        continue  # that spare died idle (or is stuck): take another
        except BaseException:
            for fd in (out_r, err_r, status_r):
                os.close(fd)
            raise
        finally:
            for fd in (out_w, err_w, status_w):
                os.close(fd)
        exited: asyncio.Future[int] = loop.create_future()
        exited.add_done_callback(lambda _: self._replace_spare(zygote))
        if zygote.lost:  # died while the request was on its way: nobody would report the exit
            kill_group(pid, signal.SIGKILL)
            exited.set_result(_LOST)
        else:
            zygote.children[pid] = exited
        _watch_status(status_r, exited)
        return Process(pid, out_r, err_r, sink, exited)

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
