"""Child processes of a node: each in a process group of its own, output streamed to a log.

Every process a node starts runs in a new session (``setsid``), so its process group holds the
process and everything it starts. Cancelling or timing out kills the whole group: ``SIGTERM``,
then ``SIGKILL`` after a grace period. When the main process exits, whatever it left running
in its group is killed too: a node's processes never outlive it, and a background child that
still holds the output pipes cannot keep the node "running".

The event loop watches the pipes and the exit directly (``add_reader`` on the pipes and on a
pidfd), without a thread per child.

A new session is also a new *autogroup* on Linux (``/proc/sys/kernel/sched_autogroup_enabled``):
the scheduler shares the CPUs between autogroups first and applies nice values only within one.
A node in its own session would therefore escape the worker's nice value and weigh as much as
the whole server; :func:`carry_priority` gives its autogroup the worker's nice value, right
after the start (a moment during which the node runs at its group's default: a hook in the child
would cost ``vfork`` and is unsafe with threads).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import shutil
import signal
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from plynx.worker.config import NodeUser
from plynx.worker.logs import LogSink, Stream
from plynx.worker.warden import kill_group

__all__ = ["Process", "carry_priority", "kill_group", "spawn"]

logger = logging.getLogger(__name__)
_READ_SIZE = 64 * 1024
#: How long to wait for the pipes to close after the main process exited (a child that escaped
#: its process group may hold them open forever).
_DRAIN_TIMEOUT = 2.0


class _PipeReader:
    """Reads one pipe in the event loop until EOF, feeding a log sink."""

    def __init__(self, fd: int, stream: Stream, sink: LogSink) -> None:
        self._fd = fd
        self._stream = stream
        self._sink = sink
        self._loop = asyncio.get_running_loop()
        self.done: asyncio.Future[None] = self._loop.create_future()
        os.set_blocking(fd, False)
        self._loop.add_reader(fd, self._read)

    def _read(self) -> None:
        try:
            data = os.read(self._fd, _READ_SIZE)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if data:
            self._sink.feed(self._stream, data)
        else:
            self.close()

    def close(self) -> None:
        """Stop reading and close the pipe."""
        if self._fd < 0:
            return
        self._loop.remove_reader(self._fd)
        os.close(self._fd)
        self._fd = -1
        if not self.done.done():
            self.done.set_result(None)


class Process:
    """A running child whose process group is its pid and whose stdout and stderr pipes stream
    to ``sink``. ``exited`` resolves to the exit code (negative: killed by that signal) and is
    set by whoever can observe the exit: :func:`spawn` for our own children, the fork server for
    Python children."""

    def __init__(
        self,
        pid: int,
        stdout_fd: int,
        stderr_fd: int,
        sink: LogSink,
        exited: asyncio.Future[int],
    ) -> None:
        self.pid = pid
        self.exited = exited
        self._readers = (
            _PipeReader(stdout_fd, "stdout", sink),
            _PipeReader(stderr_fd, "stderr", sink),
        )

    @property
    def returncode(self) -> int | None:
        """The exit code once the process has exited."""
        if self.exited.done() and not self.exited.cancelled():
            return self.exited.result()
        return None

    def signal(self, sig: int) -> None:
        """Send ``sig`` to the process group, unless the process has already exited."""
        if not self.exited.done():
            kill_group(self.pid, sig)

    async def wait(self) -> int:
        """Wait for the exit and for the pipes to be drained; return the exit code."""
        code = await asyncio.shield(self.exited)
        pending = [r.done for r in self._readers if not r.done.done()]
        if pending:
            _, still_open = await asyncio.wait(pending, timeout=_DRAIN_TIMEOUT)
            if still_open:
                logger.warning(
                    "process %d exited but a child outside its group holds its output open; "
                    "the rest of its output is dropped",
                    self.pid,
                )
        for reader in self._readers:
            reader.close()
        return code

    async def terminate(self, grace: float) -> int:
        """``SIGTERM`` the group, ``SIGKILL`` it after ``grace`` seconds; return the exit code."""
        self.signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(asyncio.shield(self.exited), grace)
        except TimeoutError:
            self.signal(signal.SIGKILL)
        return await self.wait()


def _watch_exit(popen: subprocess.Popen[bytes], exited: asyncio.Future[int]) -> None:
    """Resolve ``exited`` when ``popen`` exits, killing what it left in its group first."""
    loop = asyncio.get_running_loop()

    def reap() -> None:
        # the leader is a zombie now, so its pgid cannot have been reused: kill the stragglers
        kill_group(popen.pid, signal.SIGKILL)
        code = popen.wait()
        if not exited.done():
            exited.set_result(code)

    try:
        pidfd = os.pidfd_open(popen.pid)
    except (AttributeError, OSError):  # no pidfd (old kernel, not Linux): a waiting thread
        task = loop.run_in_executor(None, popen.wait)
        task.add_done_callback(lambda _: reap())
        return

    def on_ready() -> None:
        loop.remove_reader(pidfd)
        os.close(pidfd)
        reap()

    loop.add_reader(pidfd, on_ready)


@functools.lru_cache(maxsize=64)
def _resolve(program: str, path: str | None) -> str:
    """``program`` looked up in ``path`` once: otherwise the child tries ``execve`` in every
    directory of ``PATH`` before the right one, at every start."""
    if os.sep in program:
        return program
    return shutil.which(program, path=path) or program


def carry_priority(pid: int = 0) -> None:
    """Give the autogroup of ``pid`` (0: this process), which a new session starts, this
    process's nice value, so that a nicer worker's nodes stay as nice under autogrouping (see
    the module's docstring). Nothing to do at nice 0, without autogroups, or once ``pid`` has
    exited."""
    nice = os.getpriority(os.PRIO_PROCESS, 0)
    if nice <= 0:
        return
    try:
        with open(f"/proc/{pid or 'self'}/autogroup", "w") as handle:
            handle.write(str(nice))
    except OSError:
        pass


def spawn(
    argv: Sequence[str],
    *,
    cwd: Path,
    env: Mapping[str, str],
    sink: LogSink,
    user: NodeUser | None = None,
) -> Process:
    """Start ``argv`` in ``cwd`` in a new session with stdin from ``/dev/null`` (as ``user``
    if given); its stdout and stderr stream to ``sink``. Raises ``OSError`` if it cannot be
    started."""
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    try:
        popen = subprocess.Popen(
            [_resolve(argv[0], env.get("PATH")), *argv[1:]],
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out_w,
            stderr=err_w,
            start_new_session=True,
            user=user.uid if user else None,
            group=user.gid if user else None,
            extra_groups=[] if user else None,
        )
    except BaseException:
        os.close(out_r)
        os.close(err_r)
        raise
    finally:
        os.close(out_w)
        os.close(err_w)
    carry_priority(popen.pid)  # what it starts from now on shares its autogroup
    exited: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    _watch_exit(popen, exited)
    return Process(popen.pid, out_r, err_r, sink, exited)
