"""The zygote: a warm Python interpreter that forks one child per Python node.

Started once per worker by :class:`plynx.worker.forkserver.ForkServer` as
``python zygote.py FD [MODULE ...]`` where ``FD`` is its end of a unix socket pair and
``MODULE`` are modules to import up front (children then find them loaded). It uses the
standard library only, and does not import ``plynx``: the smaller it is, the cheaper a fork.

The worker asks for *spare* children (``{"spares": n}`` lines; ``{"code": source}`` lines
have the zygote compile code that later spares then inherit compiled). A spare is forked in
advance and waits on a socket of its own, whose other end the zygote hands to the worker
(``{"spare": pid}`` with the socket as ``SCM_RIGHTS``). The worker sends a request straight to a
spare: a 4-byte big-endian length and a JSON object ``{"code", "globals", "cwd", "env"}``, with
the write ends of the child's stdout, stderr and status pipes attached. So neither ``fork()``
nor the zygote is on the way from a request to a running child.

The child runs the code with ``globals`` in ``cwd``, in a session of its own (its pid is its
process group), writes its exit status to the status pipe and closes its output before
exiting: 0, the ``SystemExit`` code, or 1 with the traceback on stderr for any other exception.
The worker need not wait for the process teardown. When a child exits, the zygote kills
whatever it left in its process group, reaps it and reports ``{"pid", "exit"}`` (negative:
killed by a signal). The zygote exits when the worker closes its end of the socket.
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


def _carry_priority() -> None:
    """Give the autogroup this new session started the process's nice value (as
    ``plynx.worker.process.carry_priority`` does; the zygote imports nothing of plynx)."""
    nice = os.getpriority(os.PRIO_PROCESS, 0)
    if nice > 0:
        with contextlib.suppress(OSError), open("/proc/self/autogroup", "w") as handle:
            handle.write(str(nice))


def _spare(sock: socket.socket) -> None:
    """In a spare child: wait for one request, run it, exit. Never returns."""
    status = 1
    try:
        os.setsid()
        _carry_priority()
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
        # close the output and report now: the worker need not wait for the teardown (and
        # once it reads the status, the output pipes are already at their end)
        for fd in (1, 2):
            with contextlib.suppress(OSError):
                os.close(fd)
        with contextlib.suppress(OSError):
            os.write(status_fd, b"%d\n" % status)
    finally:
        os._exit(status)


class Zygote:
    """The zygote's loop: fork spare children for the worker, report their exit codes."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buffer = bytearray()
        self.selector = selectors.DefaultSelector()

    def send(self, message: dict[str, Any], fds: list[int] | None = None) -> None:
        """Send one line to the worker, with ``fds`` attached."""
        data = json.dumps(message).encode() + b"\n"
        sent = socket.send_fds(self.sock, [data], fds) if fds else 0
        if sent < len(data):
            self.sock.sendall(data[sent:])

    def fork_spare(self) -> None:
        """Fork a child that waits for a request on a socket of its own, and hand the other
        end of that socket to the worker."""
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            pid = os.fork()
        except OSError as exc:
            ours.close()
            theirs.close()
            self.send({"error": f"cannot fork a python process: {exc}"})
            return
        if pid == 0:
            ours.close()
            _spare(theirs)
        theirs.close()
        self.selector.register(os.pidfd_open(pid), selectors.EVENT_READ, pid)
        with ours:
            self.send({"spare": pid}, [ours.fileno()])

    def reap(self, pid: int) -> None:
        """Report the exit of ``pid`` (which has exited)."""
        # still a zombie, so its group id is not reused yet: kill what it left behind
        with contextlib.suppress(OSError):
            os.killpg(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        self.send({"pid": pid, "exit": os.waitstatus_to_exitcode(status)})

    def receive(self) -> bool:
        """Read requests from the worker; ``False`` once it has gone."""
        data = self.sock.recv(1 << 20)
        if not data:
            return False
        self.buffer += data
        while (end := self.buffer.find(b"\n")) >= 0:
            request = json.loads(bytes(self.buffer[:end]))
            del self.buffer[: end + 1]
            if "code" in request:  # spares forked from now on inherit it compiled
                _compile(request["code"])
            for _ in range(request.get("spares", 0)):
                self.fork_spare()
        return True

    def serve(self) -> None:
        """Run until the worker closes its end of the socket."""
        selector = self.selector
        selector.register(self.sock, selectors.EVENT_READ)
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
