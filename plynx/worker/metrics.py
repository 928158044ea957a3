"""Metric streaming of one attempt: the worker tails the file named by ``$PLYNX_METRICS``.

A node appends JSON lines to that file (``plynx.log_metric`` does it for Python nodes). While
the node runs, :class:`MetricsTail` reads what was appended every ``interval`` seconds (in a
thread: the file is the node's and may be large), parses complete lines and hands the points to
``send`` in batches; :meth:`MetricsTail.stop` reads the rest once the node has returned, so
every point is sent before the attempt's result. A line that is not a valid metric is reported
on the node's stderr log with its line number, never dropped silently.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Callable
from pathlib import Path

from plynx.model.metrics import MetricPoint, parse_metric_line

__all__ = ["MetricsTail"]

#: Longest metrics line read; a longer one is reported and skipped.
MAX_LINE = 64 * 1024
_READ = 1024 * 1024  # bytes read per poll at most
#: Invalid lines reported on stderr per attempt at most (a broken writer must not flood logs).
_MAX_REPORTED = 20


class MetricsTail:
    """Follows one attempt's metrics file. ``send(points)`` receives each batch of valid points;
    ``note(text)`` receives a sentence per invalid line (for the node's stderr log)."""

    def __init__(
        self,
        path: Path,
        send: Callable[[list[MetricPoint]], None],
        note: Callable[[str], None],
        *,
        interval: float = 0.25,
    ) -> None:
        self.path = path
        self._send = send
        self._note = note
        self._interval = interval
        self._offset = 0
        self._partial = b""
        self._line = 0
        self._reported = 0
        self._skipping = False
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Start polling the file."""
        self._task = asyncio.ensure_future(self._poll())

    async def stop(self) -> None:
        """Stop polling and send what the node appended since the last poll (a last line
        without a newline counts)."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        while await self._read_once():
            pass
        if self._partial.strip():
            self._line += 1
            self._take(self._partial)
        self._partial = b""

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(self._interval)
            while await self._read_once():
                pass

    def _read(self) -> bytes:
        try:
            with open(self.path, "rb") as file:
                file.seek(self._offset)
                return file.read(_READ)
        except FileNotFoundError:  # the node removed it: nothing more will come
            return b""

    async def _read_once(self) -> bool:
        """Read and handle one chunk; whether there may be more right away."""
        try:
            if os.stat(self.path).st_size <= self._offset:
                return False
        except OSError:
            return False
        data = await asyncio.to_thread(self._read)
        if not data:
            return False
        self._offset += len(data)
        more = len(data) >= _READ
        if self._skipping:  # the rest of an overlong line
            end = data.find(b"\n")
            if end < 0:
                return more
            data, self._skipping = data[end + 1 :], False
        *lines, self._partial = (self._partial + data).split(b"\n")
        if len(self._partial) > MAX_LINE:
            self._line += 1
            self._report(f"line {self._line} is longer than {MAX_LINE} bytes")
            self._partial, self._skipping = b"", True
        points: list[MetricPoint] = []
        for raw in lines:
            self._line += 1
            point = self._parse(raw)
            if point is not None:
                points.append(point)
        if points:
            self._send(points)
        return more

    def _take(self, raw: bytes) -> None:
        point = self._parse(raw)
        if point is not None:
            self._send([point])

    def _parse(self, raw: bytes) -> MetricPoint | None:
        if not raw.strip():
            return None
        if len(raw) > MAX_LINE:
            self._report(f"line {self._line} is longer than {MAX_LINE} bytes")
            return None
        parsed = parse_metric_line(raw.decode("utf-8", "replace"))
        if isinstance(parsed, str):
            self._report(f"line {self._line}: {parsed}")
            return None
        return parsed

    def _report(self, text: str) -> None:
        self._reported += 1
        if self._reported <= _MAX_REPORTED:
            self._note(f"plynx: metrics file ${{PLYNX_METRICS}} {text}; line ignored")
        elif self._reported == _MAX_REPORTED + 1:
            self._note("plynx: more invalid metrics lines ignored without notice")
