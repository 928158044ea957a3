"""The zygote: a warm Python interpreter that forks one child per Python node.

Started once per worker by :class:`plynx.worker.forkserver.ForkServer` as
``python zygote.py FD [MODULE ...]`` where ``FD`` is its end of a unix socket pair and
``MODULE`` are modules to import up front (children then find them loaded). It uses the
standard library only, and does not import ``plynx``: the smaller it is, the cheaper a fork.

Requests (worker → zygote) are frames: a 4-byte big-endian length and a JSON object
``{"id", "code", "globals", "cwd", "env"}``; the write ends of the child's stdout, stderr and
status pipes travel with the frame as ``SCM_RIGHTS``. Replies (zygote → worker) are JSON lines:
``{"id", "pid"}`` when a child took the request, ``{"id", "exit"}`` once it is reaped (negative:
killed by a signal), ``{"id", "error"}`` if no child could be forked.

To keep ``fork()`` off the critical path, the zygote always holds one *spare* child, forked in
advance, that waits on a socket of its own. A request is forwarded to the spare, and a new
spare is forked while the request runs. The child runs the code with ``globals`` in ``cwd``
(its own session: its pid is its process group), writes its exit status to the status pipe and
closes its output before exiting: 0, the ``SystemExit`` code, or 1 with the traceback on stderr
for any other exception. The worker does not have to wait for the process teardown. When the
child is reaped, whatever it left in its process group is killed. The zygote exits when the
worker closes its end of the socket.
"""

from __future__ import annotations

import builtins
import contextlib
import gc
import importlib
import json
import linecache
import os
import selectors
import signal
import socket
import sys
import traceback
from collections import deque
from types import CodeType
from typing import Any

__all__ = ["CODE_FILENAME", "main"]

#: The file name Python code of a node is compiled under (it shows in tracebacks).
CODE_FILENAME = "<node code>"
_MAX_CACHED_CODE = 64
_FDS_PER_REQUEST = 3  # stdout, stderr, status
_MAX_FD = 1 << 16

#: Compiled code by source. Filled by the zygote before it forks a spare, so children inherit it.
_code_cache: dict[str, CodeType | SyntaxError] = {}


def _compile(source: str) -> CodeType | SyntaxError:
    """``source`` compiled (many nodes run the same code), or its syntax error."""
    code = _code_cache.get(source)
    if code is None:
        try:
            code = compile(source, CODE_FILENAME, "exec")
        except SyntaxError as exc:
            code = exc
        if len(_code_cache) >= _MAX_CACHED_CODE:
            _code_cache.pop(next(iter(_code_cache)))
        _code_cache[source] = code
    return code


def _exit_code(value: object) -> int:
    """The process exit status for ``SystemExit(value)``, as the interpreter computes it."""
    if value is None:
        return 0
    if isinstance(value, int):
        return value & 0xFF
    print(value, file=sys.stderr)
    return 1


def _execute(source: str, bindings: dict[str, Any]) -> int:
    """Run ``source`` as ``__main__`` with ``bindings`` as globals; return the exit status."""
    linecache.cache[CODE_FILENAME] = (
        len(source),
        None,
        source.splitlines(keepends=True),
        CODE_FILENAME,
    )
    code = _compile(source)
    if isinstance(code, SyntaxError):
        traceback.print_exception(code)
        return 1
    namespace: dict[str, Any] = dict(bindings)
    namespace.update(__name__="__main__", __builtins__=builtins, __file__=CODE_FILENAME)
    try:
        exec(code, namespace)
    except SystemExit as exc:
        return _exit_code(exc.code)
    except BaseException as exc:
        # drop this frame: the user's code starts the traceback
        traceback.print_exception(type(exc), exc, exc.__traceback__ and exc.__traceback__.tb_next)
        return 1
    return 0


def _receive_request(sock: socket.socket) -> tuple[dict[str, Any], list[int]] | None:
    """Read one request frame (and its fds) from ``sock``; ``None`` at EOF."""
    buffer = bytearray()
    fds: list[int] = []
    while len(buffer) < 4 or len(buffer) < 4 + int.from_bytes(buffer[:4], "big"):
        data, received, _flags, _addr = socket.recv_fds(
            sock, 1 << 20, _FDS_PER_REQUEST, socket.MSG_CMSG_CLOEXEC
        )
        fds += received
        if not data:
            return None
        buffer += data
    return json.loads(bytes(buffer[4:])), fds


def _spare(sock: socket.socket) -> None:
    """In a spare child: wait for one request, run it, exit. Never returns."""
    status = 1
    try:
        os.setsid()
        # nothing of the zygote's (its socket, other children's pipes) may stay open here
        os.closerange(3, sock.fileno())
        os.closerange(sock.fileno() + 1, _MAX_FD)
        got = _receive_request(sock)
        if got is None:
            os._exit(0)
        request, (out_fd, err_fd, status_fd) = got
        sock.close()
        os.dup2(out_fd, 1)
        os.dup2(err_fd, 2)
        os.close(out_fd)
        os.close(err_fd)
        try:
            os.chdir(request["cwd"])
            if request.get("env") is not None:
                os.environ.clear()
                os.environ.update(request["env"])
            status = _execute(request["code"], request["globals"])
        except BaseException:
            with contextlib.suppress(BaseException):
                traceback.print_exc()
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(BaseException):
                stream.flush()
        # report and close the output now: the worker need not wait for the teardown
        with contextlib.suppress(OSError):
            os.write(status_fd, b"%d\n" % status)
        for fd in (1, 2, status_fd):
            with contextlib.suppress(OSError):
                os.close(fd)
    finally:
        os._exit(status)


class Zygote:
    """The zygote's loop: forward requests to spare children, report pids and exit codes."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buffer = bytearray()
        self.fds: deque[int] = deque()
        self.children: dict[int, int] = {}  # pid -> request id
        self.selector = selectors.DefaultSelector()
        self.spare: tuple[int, socket.socket] | None = None

    def send(self, message: dict[str, Any]) -> None:
        """Send one reply line to the worker."""
        self.sock.sendall(json.dumps(message).encode() + b"\n")

    def fork_spare(self) -> tuple[int, socket.socket]:
        """Fork a child that waits for a request on a socket of its own."""
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        pid = os.fork()
        if pid == 0:
            ours.close()
            _spare(theirs)
        theirs.close()
        self.selector.register(os.pidfd_open(pid), selectors.EVENT_READ, pid)
        return pid, ours

    def spawn(self, frame: bytes, request: dict[str, Any], fds: list[int]) -> None:
        """Hand ``request`` to the spare child and fork the next spare."""
        request_id = request["id"]
        _compile(request["code"])  # later spares inherit the compiled code
        try:
            pid = self.forward(frame, fds)
        except OSError as exc:
            self.send({"id": request_id, "error": f"cannot fork a python process: {exc}"})
            return
        finally:
            for fd in fds:
                os.close(fd)
        self.children[pid] = request_id
        self.send({"id": request_id, "pid": pid})
        with contextlib.suppress(OSError):
            self.spare = self.fork_spare()

    def forward(self, frame: bytes, fds: list[int]) -> int:
        """Send a request to the spare (forking one if needed); return the spare's pid."""
        for attempt in range(2):
            if self.spare is None:
                self.spare = self.fork_spare()
            pid, channel = self.spare
            self.spare = None
            with channel:
                try:
                    sent = socket.send_fds(channel, [frame], fds)
                except OSError:
                    if attempt:
                        raise
                    continue  # the spare died idle: fork another one
                # the spare owns the request now (it may already have closed its end)
                if sent < len(frame):
                    with contextlib.suppress(OSError):
                        channel.sendall(frame[sent:])
            return pid
        raise AssertionError("unreachable")

    def reap(self, pid: int) -> None:
        """Report the exit of ``pid`` (which has exited)."""
        # still a zombie, so its group id is not reused yet: kill what it left behind
        with contextlib.suppress(OSError):
            os.killpg(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        request_id = self.children.pop(pid, None)
        if request_id is not None:
            self.send({"id": request_id, "exit": os.waitstatus_to_exitcode(status)})
        elif self.spare is not None and self.spare[0] == pid:  # the spare died idle
            self.spare[1].close()
            self.spare = None

    def receive(self) -> bool:
        """Read from the worker and serve complete requests; ``False`` once it has gone."""
        data, fds, _flags, _addr = socket.recv_fds(self.sock, 1 << 20, 64, socket.MSG_CMSG_CLOEXEC)
        self.fds.extend(fds)
        if not data:
            return False
        self.buffer += data
        while len(self.buffer) >= 4:
            size = int.from_bytes(self.buffer[:4], "big")
            if len(self.buffer) < 4 + size:
                break
            frame = bytes(self.buffer[: 4 + size])
            del self.buffer[: 4 + size]
            request = json.loads(frame[4:])
            self.spawn(frame, request, [self.fds.popleft() for _ in range(_FDS_PER_REQUEST)])
        return True

    def serve(self) -> None:
        """Run until the worker closes its end of the socket."""
        selector = self.selector
        selector.register(self.sock, selectors.EVENT_READ)
        with contextlib.suppress(OSError):
            self.spare = self.fork_spare()
        while True:
            for key, _ in selector.select():
                if key.data is not None:  # a child's pidfd
                    selector.unregister(key.fd)
                    os.close(key.fd)
                    self.reap(key.data)
                elif not self.receive():
                    return


def main(argv: list[str]) -> int:
    """Entry point: ``argv`` is ``[prog, FD, MODULE...]``."""
    # sys.path[0] is this file's directory: do not let user code import its neighbours
    if sys.path:
        del sys.path[0]
    # Ctrl-C in a terminal reaches the whole foreground group; the worker decides what stops
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in argv[2:]:
        try:
            importlib.import_module(name)
        except Exception as exc:
            print(f"plynx zygote: cannot preload {name!r}: {exc}", file=sys.stderr)
    # set once here what every child needs: no leftovers of the zygote's own output, live
    # (line-buffered) output, and no garbage collection of the zygote's objects in children
    # (it would touch, and so copy, every page they share)
    sys.stdout.flush()
    sys.stderr.flush()
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    gc.freeze()
    sock = socket.socket(fileno=int(argv[1]))
    sock.setblocking(True)
    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
        Zygote(sock).serve()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
