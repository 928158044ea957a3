"""A server in this process plus supervised local worker processes: what ``plynx local`` and
``plynx run`` (without ``--server``) start, and what tests and the benchmark use::

    async with embedded_plynx(settings, workers=1, slots=2) as url:
        async with PlynxClient(url) as client:
            ...

One server per data directory: a server holds ``<data_dir>/server.lock`` (an ``flock``) for as
long as it runs and writes its URL in it, so a second ``plynx run`` on the same directory can
find it (:func:`running_server`) instead of opening the same database and taking over its
runs. A local-mode server keeps its local token in ``<data_dir>/local-token``, readable by
its owner only (:func:`local_token`): whoever can read the data directory may use the server,
nobody else. The token is made once and kept, so open dashboards and a ``plynx run`` that
follows a run survive a restart.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import fcntl
import hashlib
import json
import logging
import os
import secrets
import signal
import socket
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import IO
from urllib.parse import quote

from aiohttp import web

from plynx.errors import Conflict, InvalidInput
from plynx.server.access_log import AccessLogger
from plynx.server.app import create_app
from plynx.server.auth import LOCAL_TOKEN_FILE
from plynx.settings import Settings
from plynx.worker.config import default_work_dir
from plynx.worker.credentials import node_environment
from plynx.worker.process import carry_priority

__all__ = [
    "DataDirLock",
    "WorkerPool",
    "embedded_plynx",
    "local_token",
    "login_url",
    "running_server",
    "serving",
]

logger = logging.getLogger(__name__)

_LOCK_NAME = "server.lock"
#: Restart delays of a local worker that keeps dying (seconds); reset after a long life.
_RESTART_BACKOFF = (0.5, 1.0, 2.0, 5.0, 10.0, 30.0)
_HEALTHY_AFTER = 60.0
_STOP_GRACE = 10.0
_PR_SET_PDEATHSIG = 1
#: How much nicer than the server local workers and their nodes run: nodes that keep every
#: CPU busy (a 10,000-node run on 8 workers x 4 slots) must not make the server, which every
#: dashboard and worker waits on, wait for a CPU.
LOCAL_WORKER_NICE = 10


class DataDirLock:
    """The lock a server holds on its data directory, with its URL inside."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / _LOCK_NAME
        self._file: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock; :class:`Conflict` naming the other server if it is held."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.path.open("a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            other = running_server(self.path.parent)
            raise Conflict(
                f"another PLynx server ({other or 'starting'}) uses the data directory "
                f"{self.path.parent}; stop it, choose another --data-dir, or send work to it "
                "with --server"
            ) from None
        self._file = handle

    def publish(self, url: str) -> None:
        """Write the URL the server listens on into the lock file."""
        if self._file is None:
            raise RuntimeError("the lock is not held")
        self._file.seek(0)
        self._file.truncate()
        self._file.write(json.dumps({"url": url, "pid": os.getpid()}))
        self._file.flush()

    def release(self) -> None:
        """Release the lock (the file stays; an unlocked file means no server)."""
        if self._file is not None:
            self._file.truncate(0)
            self._file.close()
            self._file = None


def running_server(data_dir: Path, wait: float = 2.0) -> str | None:
    """The URL of the server that holds ``data_dir``'s lock, or ``None`` if no server does."""
    path = data_dir / _LOCK_NAME
    if not path.exists():
        return None
    deadline = time.monotonic() + wait
    with path.open("r") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            pass
        else:
            return None  # nobody holds it
        while True:  # held: the holder writes its URL once it listens
            handle.seek(0)
            try:
                url = json.loads(handle.read() or "{}").get("url")
            except json.JSONDecodeError:
                url = None
            if url or time.monotonic() > deadline:
                return str(url) if url else None
            time.sleep(0.05)


def local_token(data_dir: Path) -> str | None:
    """The local token of the local-mode server of ``data_dir`` (``None`` if it has none)."""
    try:
        return (data_dir / LOCAL_TOKEN_FILE).read_text().strip() or None
    except OSError:
        return None


def _keep_local_token(data_dir: Path, token: str) -> str:
    """The data directory's local token (``token``, else the one kept there, else a new one),
    kept in a file only its owner can read."""
    path = data_dir / LOCAL_TOKEN_FILE
    with contextlib.suppress(OSError):
        if not token and path.stat().st_mode & 0o077 == 0:  # others may have read a wider one
            token = local_token(data_dir) or ""
    token = token or secrets.token_urlsafe(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
    with os.fdopen(fd, "w") as handle:
        os.fchmod(fd, 0o600)  # a file that already existed keeps its mode otherwise
        handle.write(token + "\n")
    return token


def login_url(url: str, token: str) -> str:
    """The link that logs a browser in to the local server at ``url`` (see
    :mod:`plynx.server.local_login`)."""
    return f"{url}/local-login?token={quote(token, safe='')}"


def _listening_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise InvalidInput(
            f"cannot listen on {host}:{port} ({exc.strerror}); choose another --port"
        ) from None
    sock.listen(128)
    sock.setblocking(False)
    return sock


def _url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


@contextlib.asynccontextmanager
async def serving(settings: Settings, *, port: int | None = None) -> AsyncIterator[str]:
    """Run the PLynx server app on ``settings.host`` and ``port`` (``settings.port`` when
    ``None``; 0 picks a free port) in this event loop, holding the data directory's lock;
    yield its URL. In local mode its local token is in the data directory
    (:func:`local_token`)."""
    lock = DataDirLock(settings.data_dir)
    lock.acquire()
    try:
        if settings.local_mode:
            token = _keep_local_token(settings.data_dir, settings.local_token)
            settings = replace(settings, local_token=token)
        sock = _listening_socket(settings.host, settings.port if port is None else port)
        bound = int(sock.getsockname()[1])
        settings = replace(settings, port=bound)
        runner = web.AppRunner(
            create_app(settings), access_log_class=AccessLogger, handle_signals=False
        )
        await runner.setup()
        try:
            await web.SockSite(runner, sock).start()
            url = _url(settings.host, bound)
            lock.publish(url)
            logger.info("listening on %s (data directory %s)", url, settings.data_dir)
            yield url
        finally:
            await runner.cleanup()
            sock.close()
    finally:
        lock.release()


def _digest(path: Path) -> str:
    return hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:12]


def _local_worker_setup() -> None:  # pragma: no cover - runs in the child before exec
    """Lower the local worker's CPU priority by :data:`LOCAL_WORKER_NICE` (its nodes inherit
    it) and, on Linux, ask to be SIGTERMed when the parent dies, so that local workers never
    outlive a ``plynx local`` that was killed."""
    with contextlib.suppress(OSError):
        os.nice(LOCAL_WORKER_NICE)
    carry_priority()  # its new session is an autogroup of its own: else the nice is void
    if sys.platform == "linux":
        with contextlib.suppress(Exception):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


class WorkerPool:
    """``count`` local worker daemons (``python -m plynx worker``) with ``slots`` each.

    Each is supervised: restarted with backoff when it dies (unless the server refused it:
    exit code 2), stopped with SIGTERM then SIGKILL by :meth:`stop`. They run at a lower CPU
    priority than the server (:data:`LOCAL_WORKER_NICE`), and so do their nodes. Workers run
    in their own process group, so a Ctrl-C in the terminal reaches only the CLI, which stops
    them in order. ``log_dir`` receives each worker's log (``worker-<i>.log``); without it they
    share this process's stderr."""

    def __init__(
        self,
        url: str,
        token: str,
        *,
        count: int,
        slots: int,
        work_root: Path,
        log_dir: Path | None = None,
        verbose: int = 0,
    ) -> None:
        self.url = url
        self._token = token
        self.count = count
        self.slots = slots
        self._work_root = work_root
        self._log_dir = log_dir
        self._verbose = verbose
        self._tasks: list[asyncio.Task[None]] = []
        self._procs: dict[int, asyncio.subprocess.Process] = {}
        self._stopping = False

    def start(self) -> None:
        """Start every worker, each under a supervising task. :class:`InvalidInput` if their
        configuration cannot work (e.g. a work directory a worker refuses)."""
        from plynx.worker.config import WorkerConfig

        try:
            for index in range(self.count):
                WorkerConfig(server=self.url, slots=self.slots, work_dir=self._work_dir(index))
        except InvalidInput:
            raise InvalidInput(
                f"local workers cannot work in {self._work_root}: its path may only contain "
                "letters, digits, '.', '_', '-' and '/' (scripts use it unquoted); choose "
                "another --data-dir"
            ) from None
        self._tasks = [
            asyncio.create_task(self._supervise(i), name=f"plynx-worker-{i}")
            for i in range(self.count)
        ]

    def _work_dir(self, index: int) -> Path:
        return self._work_root / f"worker-{index}"

    def log_path(self, index: int) -> Path | None:
        """Where worker ``index`` writes its log, if not to stderr."""
        return self._log_dir / f"worker-{index}.log" if self._log_dir else None

    async def _spawn(self, index: int, restart: bool) -> asyncio.subprocess.Process:
        argv = [sys.executable, "-m", "plynx"]
        argv += ["-v"] * self._verbose
        argv += ["worker", "--server", self.url, "--slots", str(self.slots)]
        argv += ["--work-dir", str(self._work_dir(index))]
        # the token travels in a pipe: nodes can read the worker's command line and, as the
        # same user, its initial environment
        token_read, token_write = os.pipe()
        os.write(token_write, self._token.encode())
        os.close(token_write)
        argv += ["--token-fd", str(token_read)]
        env = node_environment(os.environ)
        log = self.log_path(index)
        stderr: int | IO[bytes] | None = None
        if log is not None:
            log.parent.mkdir(parents=True, exist_ok=True)
            stderr = log.open("ab" if restart else "wb")  # a restart's log follows the last
        try:
            return await asyncio.create_subprocess_exec(
                *argv,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.DEVNULL,
                stderr=stderr,
                env=env,
                start_new_session=True,
                preexec_fn=_local_worker_setup,
                pass_fds=(token_read,),
            )
        finally:
            os.close(token_read)
            if stderr is not None and not isinstance(stderr, int):
                stderr.close()

    async def _supervise(self, index: int) -> None:
        failures = spawned = 0
        while not self._stopping:
            started = time.monotonic()
            proc = await self._spawn(index, restart=spawned > 0)
            spawned += 1
            self._procs[index] = proc
            code = await proc.wait()
            if self._stopping:
                return
            if code == 2:
                logger.error(
                    "local worker %d gave up (exit code 2: refused by the server, or "
                    "misconfigured); not restarting it%s",
                    index,
                    f", see {self.log_path(index)}" if self._log_dir else "",
                )
                return
            if time.monotonic() - started > _HEALTHY_AFTER:
                failures = 0
            delay = _RESTART_BACKOFF[min(failures, len(_RESTART_BACKOFF) - 1)]
            failures += 1
            logger.warning(
                "local worker %d exited with code %s; restarting it in %gs", index, code, delay
            )
            await asyncio.sleep(delay)

    async def stop(self) -> None:
        """Stop every worker (SIGTERM, then SIGKILL after a grace period) and wait for them."""
        self._stopping = True
        procs = [p for p in self._procs.values() if p.returncode is None]
        for proc in procs:
            with contextlib.suppress(ProcessLookupError):
                proc.terminate()
        for proc in procs:
            try:
                await asyncio.wait_for(proc.wait(), timeout=_STOP_GRACE)
            except TimeoutError:
                logger.warning("local worker %d did not stop in time; killing it", proc.pid)
                with contextlib.suppress(ProcessLookupError):
                    proc.kill()
                await proc.wait()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks.clear()


@contextlib.asynccontextmanager
async def embedded_plynx(
    settings: Settings,
    *,
    workers: int = 1,
    slots: int = 2,
    port: int | None = 0,
    log_dir: Path | None = None,
    verbose: int = 0,
) -> AsyncIterator[str]:
    """Run a local-mode server on a loopback address (``port`` 0: a free one; ``None``:
    ``settings.port``) and ``workers`` worker processes with ``slots`` each; yield the
    server's URL. On exit the workers are stopped first (their last results still reach the
    server), then the server."""
    settings = replace(
        settings,
        local_mode=True,
        worker_token=settings.worker_token or secrets.token_urlsafe(32),
    )
    async with serving(settings, port=port) as url:
        pool = WorkerPool(
            url,
            settings.worker_token,
            count=workers,
            slots=slots,
            # nodes run under the system temporary directory, not in the data directory (which
            # may sit inside a repository); one root per data directory
            work_root=default_work_dir(f"local-{_digest(settings.data_dir)}"),
            log_dir=log_dir,
            verbose=verbose,
        )
        pool.start()
        try:
            yield url
        finally:
            await pool.stop()
