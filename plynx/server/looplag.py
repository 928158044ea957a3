"""The loop-lag monitor: how late the server's event loop wakes up.

Everything in the server shares one event loop, so any callback that runs long (parsing a huge
body, encoding a whole run, an O(n²) walk) delays every request and websocket message behind
it. The monitor sleeps for a short :data:`INTERVAL` and measures how much later than asked it
woke up: that delay is the *lag*, the time the loop was busy with something else. A lag above
:data:`STALL` is a *stall*: it is logged (a WARNING naming its length) and counted. The figures
are exposed in ``GET /api/v1/health`` (``loop``) so that load tests and operators can see them.

To say *what* stalled the loop, a watcher thread looks at the loop's thread while it is late
and keeps the innermost frames of the code it is running; the stall's log line names them. It
looks often only for a while after a stall (the first stall of a burst may go unnamed).
(The watcher runs when the interpreter lets it: during a long call into C it can only look
once the call has returned, and then names whatever runs next.)
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import AsyncIterator

from aiohttp import web

__all__ = ["INTERVAL", "LOOP_LAG", "STALL", "LoopLagMonitor", "loop_lag_ctx"]

logger = logging.getLogger(__name__)

#: Seconds between two samples.
INTERVAL = 0.05
#: A lag above this many seconds is a stall: logged and counted.
STALL = 0.1
#: Samples kept for the recent percentiles (a minute at :data:`INTERVAL`).
_WINDOW = 1200
_FRAMES_SHOWN = 6
_WATCH_IDLE = 1.0  # seconds between two looks of the watcher while the loop is healthy
_WATCH_FAST_FOR = 30.0  # seconds after a stall during which it looks every STALL / 2


class LoopLagMonitor:
    """Samples the running loop's lag; :meth:`run` is its background task."""

    def __init__(self, interval: float = INTERVAL, stall: float = STALL) -> None:
        self.interval = interval
        self.stall = stall
        #: The lag of the last sample (seconds).
        self.last = 0.0
        #: The longest lag since the monitor started (seconds).
        self.max = 0.0
        #: How many samples were stalls.
        self.stalls = 0
        self.samples = 0
        self._recent: deque[float] = deque(maxlen=_WINDOW)
        self._due = 0.0  # when the running sample should end (time.monotonic())
        self._culprit: str | None = None  # where the loop was, seen by the watcher
        self._last_stall = -_WATCH_FAST_FOR  # time.monotonic() of the last stall

    def record(self, lag: float) -> None:
        """Count one sample of ``lag`` seconds (logs a stall)."""
        lag = max(lag, 0.0)
        self.last = lag
        self.samples += 1
        self._recent.append(lag)
        self.max = max(self.max, lag)
        culprit, self._culprit = self._culprit, None
        if lag > self.stall:
            self.stalls += 1
            self._last_stall = time.monotonic()
            logger.warning(
                "the event loop stalled for %.0fms%s",
                lag * 1000,
                f"; it was running:\n{culprit}" if culprit else "",
            )

    def _watch_interval(self) -> float:
        """Look often only while the loop has been stalling (stalls come in bursts): each look
        takes the interpreter from the loop for a moment."""
        recent = time.monotonic() - self._last_stall < _WATCH_FAST_FOR
        return self.stall / 2 if recent else _WATCH_IDLE

    def _watch(self, loop_thread: int, stop: threading.Event) -> None:
        """The watcher thread: note what the loop's thread runs once it is late."""
        while not stop.wait(self._watch_interval()):
            due = self._due
            if not due or time.monotonic() - due < self.stall or self._culprit is not None:
                continue
            frame = sys._current_frames().get(loop_thread)
            if frame is not None:
                stack = traceback.format_stack(frame)[-_FRAMES_SHOWN:]
                self._culprit = "".join(stack).rstrip()

    def recent_percentile(self, q: float) -> float:
        """The ``q`` quantile (0..1) of the lags of the last minute, nearest rank."""
        if not self._recent:
            return 0.0
        ordered = sorted(self._recent)
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]

    def snapshot(self) -> dict[str, float | int]:
        """The figures, in milliseconds, for the health document."""
        return {
            "lag_ms": round(self.last * 1000, 1),
            "p99_ms": round(self.recent_percentile(0.99) * 1000, 1),
            "max_ms": round(self.max * 1000, 1),
            "stalls": self.stalls,
            "stall_threshold_ms": round(self.stall * 1000, 1),
            "samples": self.samples,
        }

    async def run(self) -> None:
        """Sample forever (a background task; cancel it to stop)."""
        loop = asyncio.get_running_loop()
        stop = threading.Event()
        watcher = threading.Thread(
            target=self._watch, args=(threading.get_ident(), stop), name="loop-lag watcher"
        )
        watcher.daemon = True
        watcher.start()
        try:
            while True:
                start = loop.time()
                self._due = time.monotonic() + self.interval
                await asyncio.sleep(self.interval)
                self._due = 0.0
                self.record(loop.time() - start - self.interval)
        finally:
            stop.set()


LOOP_LAG = web.AppKey("loop_lag", LoopLagMonitor)


async def loop_lag_ctx(app: web.Application) -> AsyncIterator[None]:
    """``cleanup_ctx``: run a monitor for as long as the app runs (``app[LOOP_LAG]``)."""
    monitor = LoopLagMonitor()
    app[LOOP_LAG] = monitor
    task = asyncio.create_task(monitor.run(), name="loop-lag monitor")
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
