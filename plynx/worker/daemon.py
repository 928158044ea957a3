"""The worker daemon: one websocket to the server, many attempts at once.

:class:`Worker` connects to ``/ws/worker``, says ``hello`` (with the attempts it still runs or
holds unacked results of) and waits for ``welcome``. A refused hello (bad token, protocol
mismatch) is permanent: the reason is logged and :meth:`Worker.run` returns 2. Any other
failure is retried with exponential backoff (0.1 s doubling to ``max_backoff``, with jitter);
attempts keep running across reconnects, and unacked results are sent again.

Messages from the server: ``dispatch`` starts an attempt (a duplicate of a known attempt is
ignored: delivery is at least once), ``cancel`` kills one, ``ack`` forgets a result.

Fencing: an attempt's lease is lost once the server has not heard from the worker for
``lease`` seconds; the server then runs it again elsewhere. So when the connection has been
down longer than that, the worker kills the attempt and drops its result. Results of attempts
that had already finished are kept and sent when the connection is back: the server ignores
them if it has moved on, and takes them if it had simply been down.

``stop()`` (SIGTERM, SIGINT) stops taking work, cancels the running attempts, sends their
results (``canceled``: the server runs them again) and closes the connection.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import signal
import time

import aiohttp

from plynx.errors import PlynxError, ProtocolError
from plynx.protocol import (
    CLOSE_REFUSED,
    PROTOCOL_VERSION,
    Ack,
    Cancel,
    Dispatch,
    Heartbeat,
    Hello,
    Result,
    RunningRef,
    Welcome,
    decode_frame,
    encode,
)
from plynx.worker.artifact_cache import ArtifactCache
from plynx.worker.artifact_client import ArtifactClient
from plynx.worker.attempt import Attempt, Executor, load_kinds
from plynx.worker.config import WorkerConfig
from plynx.worker.credentials import node_environment
from plynx.worker.forkserver import ForkServer, ForkServerError
from plynx.worker.leftovers import MARKER, Warden, kill_leftovers
from plynx.worker.outbox import Key, Outbox
from plynx.worker.workspace import WorkDir, WorkspacePool

__all__ = ["Refused", "Worker", "run_worker"]

logger = logging.getLogger(__name__)
_MAX_MESSAGE = 64 * 1024 * 1024
_WELCOME_TIMEOUT = 30.0
_STOP_DRAIN = 5.0
#: Websocket pings notice a server that vanished without closing the connection (no pong
#: within half of this closes it).
_PING_INTERVAL = 10.0


class Refused(PlynxError):
    """The server refused the worker's hello; retrying would not help."""


def _environment() -> dict[str, str]:
    """What nodes' processes inherit: the worker's environment without its secrets."""
    return node_environment(os.environ)


class Worker:
    """A worker daemon. ``await run()`` until :meth:`stop` (or a refused hello)."""

    def __init__(self, config: WorkerConfig) -> None:
        self.config = config
        self.outbox = Outbox()
        self.attempts: dict[Key, Attempt] = {}
        self._fenced: set[Key] = set()
        self._stop = asyncio.Event()
        self._connected = asyncio.Event()
        self._disconnected_at: float | None = None
        self._heartbeat_interval = 2.0
        self._executor: Executor | None = None
        self._background: set[asyncio.Task[bool]] = set()

    # -- life cycle --------------------------------------------------------------------------
    def stop(self) -> None:
        """Stop taking work, cancel running attempts, and make :meth:`run` return."""
        if self._stop.is_set():
            return
        logger.info(
            "worker %s stopping (%d attempts running)", self.config.worker_id, len(self.attempts)
        )
        self._stop.set()
        for attempt in self.attempts.values():
            attempt.cancel("the worker is shutting down")

    async def run(self) -> int:
        """Serve until stopped (0) or refused by the server (2)."""
        config = self.config
        kinds = load_kinds(config.kinds)
        user = config.node_user
        work_dir = WorkDir(config.work_dir, shared=user is not None)
        kill_leftovers(config.work_dir)  # the work directory is ours now: so is what ran in it
        # from now on, whatever this worker starts dies with it
        warden = Warden(config.work_dir, _environment())
        env = {**_environment(), **(user.environment() if user else {})}
        env[MARKER] = str(config.work_dir)
        forkserver = ForkServer(env=env, preload=config.python_preload, user=user)
        timeout = aiohttp.ClientTimeout(total=None, sock_connect=10)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            client = ArtifactClient(session, config.server, config.token)
            self._executor = Executor(
                kinds=kinds,
                cache=ArtifactCache(work_dir.cache, client),
                workspaces=WorkspacePool(
                    work_dir.attempts,
                    keep=2 * config.slots,
                    owner=user,
                    unpack_limits=config.unpack_limits,
                ),
                env=env,
                forkserver=forkserver,
                kill_grace=config.kill_grace,
                log_head=config.log_head,
                log_tail=config.log_tail,
                slots=asyncio.Semaphore(config.slots),
                user=user,
            )
            if "python" in kinds:
                try:
                    await forkserver.start()
                except ForkServerError as exc:
                    logger.warning("this worker runs no python nodes: %s", exc.message)
                    del kinds["python"]
            fence = asyncio.ensure_future(self._fence())
            connection = asyncio.ensure_future(self._connect_forever(session))
            try:
                stopped = asyncio.ensure_future(self._stop.wait())
                await asyncio.wait({connection, stopped}, return_when=asyncio.FIRST_COMPLETED)
                stopped.cancel()
                if connection.done():
                    return connection.result()
                await self._drain()
                return 0
            finally:
                for task in (fence, connection):
                    task.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await task
                await self._abandon_attempts()
                await forkserver.close()
                await warden.close()
                self._executor.workspaces.clear()
                work_dir.close()

    async def _drain(self) -> None:
        """After stop(): let cancelled attempts report, and the server ack, for a while."""
        deadline = time.monotonic() + self.config.kill_grace + _STOP_DRAIN
        while (self.attempts or not self.outbox.idle) and time.monotonic() < deadline:
            if not self._connected.is_set() and not self.attempts:
                break  # nobody to tell
            await asyncio.sleep(0.02)

    async def _abandon_attempts(self) -> None:
        for attempt in list(self.attempts.values()):
            attempt.cancel("the worker is shutting down")
        tasks = [a.task for a in self.attempts.values()]
        if tasks:
            await asyncio.wait(tasks, timeout=self.config.kill_grace + 2)
        for task in tasks:
            task.cancel()

    # -- connection --------------------------------------------------------------------------
    async def _connect_forever(self, session: aiohttp.ClientSession) -> int:
        """Connect, serve, reconnect with backoff; return 2 when refused."""
        delay = 0.1
        url = self.config.server.rstrip("/") + "/ws/worker"
        failures = 0
        while not self._stop.is_set():
            try:
                async with session.ws_connect(
                    url, heartbeat=_PING_INTERVAL, compress=0, max_msg_size=_MAX_MESSAGE
                ) as ws:
                    welcomed = await self._serve(ws)
            except Refused as exc:
                logger.error("the server refused this worker: %s", exc.message)
                return 2
            except (aiohttp.ClientError, OSError, TimeoutError, ProtocolError) as exc:
                if isinstance(exc, aiohttp.WSServerHandshakeError) and exc.status in (401, 403):
                    logger.error("the server refused this worker: %s %s", exc.status, exc.message)
                    return 2
                welcomed = False
                failures += 1
                log = logger.warning if failures == 1 else logger.debug
                log("cannot reach the server at %s: %s; retrying", url, exc)
            if welcomed:
                delay, failures = 0.1, 0
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), delay * random.uniform(0.5, 1.5))
            delay = min(delay * 2, self.config.max_backoff)
        return 0

    def _holding(self) -> list[RunningRef]:
        """Attempts the server should keep leased to this worker: those running (unless
        fenced) and those whose result is not acked yet."""
        keys = [k for k in self.attempts if k not in self._fenced] + self.outbox.unacked()
        return [RunningRef(node_run_id=n, attempt=a) for n, a in dict.fromkeys(keys)]

    def _hello(self) -> Hello:
        config = self.config
        return Hello(
            protocol=PROTOCOL_VERSION,
            token=config.token,
            worker_id=config.worker_id,
            host=config.host,
            kinds=sorted(self._executor.kinds) if self._executor else [],
            slots=config.slots,
            running=self._holding(),
        )

    async def _serve(self, ws: aiohttp.ClientWebSocketResponse) -> bool:
        """Hello, welcome, then messages until the socket closes. Returns whether the server
        welcomed the worker; raises :class:`Refused`."""
        await ws.send_str(encode(self._hello()))
        msg = await ws.receive(timeout=_WELCOME_TIMEOUT)
        if msg.type in (
            aiohttp.WSMsgType.CLOSE,
            aiohttp.WSMsgType.CLOSING,
            aiohttp.WSMsgType.CLOSED,
        ):
            if ws.close_code == CLOSE_REFUSED:
                raise Refused(str(msg.extra or "no reason given"))
            logger.warning("the server closed the connection before welcoming (%s)", ws.close_code)
            return False
        first = decode_frame(msg.data) if msg.type == aiohttp.WSMsgType.TEXT else []
        if not first or not isinstance(first[0], Welcome):
            raise ProtocolError("the server's first message is not a welcome", raw=msg.data)
        self._welcomed(first[0])
        for message in first[1:]:  # sent in the same frame as the welcome
            self._on_message(message)
        pump = asyncio.ensure_future(self.outbox.pump(ws))
        pump.add_done_callback(lambda task: self._pump_stopped(task, ws))
        beat = asyncio.ensure_future(self._heartbeat())
        try:
            async for msg in ws:
                if msg.type != aiohttp.WSMsgType.TEXT:
                    continue
                try:
                    for message in decode_frame(msg.data):
                        self._on_message(message)
                except ProtocolError as exc:
                    logger.warning("ignored a message from the server: %s", exc.message)
        finally:
            self._connected.clear()
            self._disconnected_at = time.monotonic()
            for task in (pump, beat):
                task.cancel()
            if not self._stop.is_set():
                logger.warning("disconnected from the server (%s); reconnecting", ws.close_code)
        return True

    def _pump_stopped(self, pump: asyncio.Task[None], ws: aiohttp.ClientWebSocketResponse) -> None:
        """A socket the worker cannot write to is as good as closed: end its reader too."""
        if not pump.cancelled():
            task = asyncio.ensure_future(ws.close())
            self._background.add(task)
            task.add_done_callback(self._background.discard)

    def _welcomed(self, welcome: Welcome) -> None:
        self._heartbeat_interval = welcome.heartbeat_interval
        self._disconnected_at = None
        self._connected.set()
        for ref in welcome.cancel:
            key = (ref.node_run_id, ref.attempt)
            self.outbox.drop(key)
            if key in self.attempts:
                self._fenced.add(key)
                self.attempts[key].cancel("the server no longer wants this attempt")
        self.outbox.resend_unacked()
        logger.info(
            "worker %s connected to %s (server %s, %d slots, kinds %s, %d attempts running)",
            self.config.worker_id,
            self.config.server,
            welcome.server_version,
            self.config.slots,
            ",".join(self._executor.kinds if self._executor else []),
            len(self.attempts),
        )

    async def _heartbeat(self) -> None:
        while True:
            await asyncio.sleep(self._heartbeat_interval)
            self.outbox.urgent(Heartbeat(running=self._holding()))

    # -- messages ----------------------------------------------------------------------------
    def _on_message(self, message: object) -> None:
        if isinstance(message, Dispatch):
            self._on_dispatch(message)
        elif isinstance(message, Cancel):
            attempt = self.attempts.get((message.node_run_id, message.attempt))
            if attempt is not None:
                logger.info(
                    "attempt %d of %s: cancel (%s)",
                    message.attempt,
                    message.node_run_id,
                    message.reason,
                )
                attempt.cancel(message.reason)
        elif isinstance(message, Ack):
            self.outbox.ack((message.node_run_id, message.attempt))
        else:
            logger.warning("ignored an unexpected %s message", getattr(message, "type", "?"))

    def _on_dispatch(self, dispatch: Dispatch) -> None:
        key = (dispatch.node_run_id, dispatch.attempt)
        if key in self.attempts or key in self.outbox:
            logger.info(
                "attempt %d of %s was dispatched again; ignored",
                dispatch.attempt,
                dispatch.node_run_id,
            )
            return
        if self._stop.is_set() or self._executor is None:
            self.outbox.send(
                Result(
                    node_run_id=dispatch.node_run_id,
                    attempt=dispatch.attempt,
                    status="canceled",
                    error="the worker is shutting down",
                )
            )
            return
        attempt = self._executor.start(dispatch, self.outbox.send)
        self.attempts[key] = attempt
        attempt.task.add_done_callback(lambda _: self._finished(attempt))

    def _finished(self, attempt: Attempt) -> None:
        key = attempt.key
        self.attempts.pop(key, None)
        # after the result has been sent: the pump was woken first
        asyncio.get_running_loop().call_soon(attempt.release)
        d = attempt.dispatch
        if attempt.task.cancelled():
            return
        if key in self._fenced:
            self._fenced.discard(key)
            logger.info("attempt %d of %s stopped; its result is dropped", d.attempt, d.node_run_id)
            return
        exc = attempt.task.exception()
        if exc is not None:
            logger.error("attempt %d of %s crashed", d.attempt, d.node_run_id, exc_info=exc)
            result = Result(
                node_run_id=d.node_run_id,
                attempt=d.attempt,
                status="failed",
                error=f"the worker failed: {exc!r}",
            )
        else:
            result = attempt.task.result()
        self.outbox.send(result)
        logger.info(
            "attempt %d of %s (%s): %s in %.3fs%s",
            d.attempt,
            d.node_run_id,
            d.kind,
            result.status,
            result.duration,
            f" ({result.error})" if result.error else "",
        )

    async def _fence(self) -> None:
        """Kill attempts whose lease the server has surely given up while we were away."""
        while True:
            await asyncio.sleep(0.2)
            if self._disconnected_at is None:
                continue
            down = time.monotonic() - self._disconnected_at
            for key, attempt in list(self.attempts.items()):
                if key not in self._fenced and down > attempt.dispatch.lease:
                    self._fenced.add(key)
                    logger.warning(
                        "attempt %d of %s: no contact with the server for %.1fs "
                        "(lease %gs); killing it",
                        key[1],
                        key[0],
                        down,
                        attempt.dispatch.lease,
                    )
                    attempt.cancel(f"lost the server for {down:.1f}s")


async def run_worker(config: WorkerConfig, *, handle_signals: bool = True) -> int:
    """Run a worker until SIGTERM/SIGINT (0) or until the server refuses it (2). With
    ``handle_signals=False`` the caller stops it some other way (e.g. cancels the task)."""
    worker = Worker(config)
    loop = asyncio.get_running_loop()
    signals = (signal.SIGTERM, signal.SIGINT) if handle_signals else ()
    for sig in signals:
        loop.add_signal_handler(sig, worker.stop)
    try:
        return await worker.run()
    except PlynxError as exc:
        logger.error("%s", exc.message)
        return 2
    finally:
        for sig in signals:
            loop.remove_signal_handler(sig)
