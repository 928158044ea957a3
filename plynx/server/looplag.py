"""The loop-lag monitor: how late the server's event loop wakes up.

Everything in the server shares one event loop, so any callback that runs long (parsing a huge
body, encoding a whole run, an O(n²) walk) delays every request and websocket message behind
it. The monitor sleeps for a short :data:`INTERVAL` and measures how much later than asked it
woke up: that delay is the *lag*, the time the loop was busy with something else. A lag above
:data:`STALL` is a *stall*: it is logged (a WARNING naming its length) and counted. The figures
are exposed in ``GET /api/v1/health`` (``loop``) so that load tests and operators can see them.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
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

    def record(self, lag: float) -> None:
        """Count one sample of ``lag`` seconds (logs a stall)."""
        lag = max(lag, 0.0)
        self.last = lag
        self.samples += 1
        self._recent.append(lag)
        self.max = max(self.max, lag)
        if lag > self.stall:
            self.stalls += 1
            logger.warning("the event loop stalled for %.0fms", lag * 1000)

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
        while True:
            start = loop.time()
            await asyncio.sleep(self.interval)
            self.record(loop.time() - start - self.interval)


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
