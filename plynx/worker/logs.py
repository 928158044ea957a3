"""Log streaming of one attempt: bounded per stream, batched in time and size.

A node may print gigabytes. Nothing on the worker holds more than ``head + tail`` bytes of a
stream: the first ``head`` bytes are forwarded as they come (live), later bytes go through a
ring buffer that keeps the last ``tail`` bytes. When the stream ends, a line saying how many
bytes were cut is emitted, followed by the kept tail.

Forwarded text is batched: a batch is sent ``flush_interval`` seconds after its first byte, or
as soon as it reaches ``batch_bytes``, whichever comes first.

The last few KiB of each stream of the processes (not PLynx's own lines) are also kept
apart, so that a failed node's summary can quote the end of its stderr
(:meth:`LogSink.last_lines`).
"""

from __future__ import annotations

import asyncio
import codecs
from collections import deque
from collections.abc import Callable
from typing import Literal

__all__ = ["LogSink", "Stream", "StreamLimiter"]

#: Bytes of each stream kept for :meth:`LogSink.last_lines`.
_RECENT = 4096

Stream = Literal["stdout", "stderr"]
#: ``emit(stream, text)`` receives every batch of log text.
Emit = Callable[[Stream, str], None]


class StreamLimiter:
    """Keeps the first ``head`` and the last ``tail`` bytes of a byte stream.

    :meth:`feed` returns what may be forwarded right away (a part of the head);
    :meth:`finish` returns the cut notice and the tail, once, at the end.
    """

    def __init__(self, head: int, tail: int) -> None:
        self.head = head
        self.tail = tail
        self.total = 0
        self._chunks: deque[bytes] = deque()
        self._kept = 0  # bytes in _chunks

    def feed(self, data: bytes) -> bytes:
        """Account for ``data``; return the part of it that belongs to the head."""
        start = self.total
        self.total += len(data)
        if self.total <= self.head:
            return data
        forward = data[: max(self.head - start, 0)]
        rest = data[len(forward) :]
        if self.tail <= 0 or not rest:
            return forward
        if len(rest) >= self.tail:
            self._chunks.clear()
            self._chunks.append(rest[-self.tail :])
            self._kept = self.tail
            return forward
        self._chunks.append(rest)
        self._kept += len(rest)
        # drop whole chunks that fall out of the window; the first one is trimmed in finish()
        while self._kept - len(self._chunks[0]) >= self.tail:
            self._kept -= len(self._chunks.popleft())
        return forward

    @property
    def cut(self) -> int:
        """How many bytes are (so far) neither in the head nor in the tail."""
        return max(self.total - self.head - min(self._kept, self.tail), 0)

    def finish(self) -> tuple[int, bytes]:
        """``(bytes cut, kept tail)``; the limiter is empty afterwards."""
        kept = b"".join(self._chunks)
        if len(kept) > self.tail:
            kept = kept[len(kept) - self.tail :]
        cut = max(self.total - self.head - len(kept), 0)
        self._chunks.clear()
        self._kept = 0
        return cut, kept


class _StreamState:
    def __init__(self, head: int, tail: int) -> None:
        self.limiter = StreamLimiter(head, tail)
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.pending: list[str] = []
        self.pending_bytes = 0
        self.ends_with_newline = True
        self.recent = bytearray()  # the end of the processes' output, for last_lines()


class LogSink:
    """Collects the stdout and stderr of one attempt and hands bounded batches to ``emit``.

    ``feed`` takes raw bytes from a pipe, ``write`` takes text (PLynx's own lines). Call
    :meth:`close` once the processes are done: it forwards the cut notice and the tails and
    flushes everything still pending.
    """

    def __init__(
        self,
        emit: Emit,
        *,
        head: int = 1024 * 1024,
        tail: int = 1024 * 1024,
        flush_interval: float = 0.05,
        batch_bytes: int = 64 * 1024,
    ) -> None:
        self._emit = emit
        self._streams: dict[Stream, _StreamState] = {
            "stdout": _StreamState(head, tail),
            "stderr": _StreamState(head, tail),
        }
        self._flush_interval = flush_interval
        self._batch_bytes = batch_bytes
        self._timer: asyncio.TimerHandle | None = None
        self._closed = False
        #: Bytes forwarded so far per stream (after decoding, as UTF-8).
        self.forwarded: dict[Stream, int] = {"stdout": 0, "stderr": 0}

    def feed(self, stream: Stream, data: bytes) -> None:
        """Raw output of a process."""
        if self._closed or not data:
            return
        recent = self._streams[stream].recent
        recent += data[-_RECENT:]
        if len(recent) > _RECENT:
            del recent[:-_RECENT]
        self._feed(stream, data)

    def _feed(self, stream: Stream, data: bytes) -> None:
        if self._closed or not data:
            return
        state = self._streams[stream]
        head = state.limiter.feed(data)
        if head:
            self._queue(stream, state, state.decoder.decode(head))

    def write(self, text: str, stream: Stream = "stderr") -> None:
        """A line of PLynx's own (a newline is added when missing). It counts against the same
        limit as the process output."""
        if not text.endswith("\n"):
            text += "\n"
        state = self._streams[stream]
        if not state.ends_with_newline:
            text = "\n" + text
        self._feed(stream, text.encode())

    def last_lines(self, stream: Stream = "stderr", count: int = 5, limit: int = 1000) -> str:
        """The last ``count`` non-blank lines the processes wrote to ``stream`` (at most
        ``limit`` characters, cut at the start), for a failure's summary; ``""`` if none."""
        recent = self._streams[stream].recent
        text = recent.decode("utf-8", "replace")
        lines = [line.rstrip() for line in text.splitlines() if line.strip()]
        if len(recent) >= _RECENT and lines:
            del lines[0]  # most likely the end of a line whose start was cut
        tail = "\n".join(lines[-count:])
        return tail if len(tail) <= limit else "…" + tail[-(limit - 1) :]

    def _queue(self, stream: Stream, state: _StreamState, text: str) -> None:
        if not text:
            return
        state.pending.append(text)
        state.pending_bytes += len(text)
        state.ends_with_newline = text.endswith("\n")
        if state.pending_bytes >= self._batch_bytes:
            self._flush_stream(stream, state)
        elif self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(self._flush_interval, self.flush)

    def _flush_stream(self, stream: Stream, state: _StreamState) -> None:
        if not state.pending:
            return
        text = "".join(state.pending)
        state.pending.clear()
        state.pending_bytes = 0
        self.forwarded[stream] += len(text.encode())
        self._emit(stream, text)

    def flush(self) -> None:
        """Send whatever is pending now."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        for stream, state in self._streams.items():
            self._flush_stream(stream, state)

    def close(self) -> None:
        """End of output: forward the cut notice and the tails, flush everything."""
        if self._closed:
            return
        for stream, state in self._streams.items():
            cut, tail = state.limiter.finish()
            if not cut:  # the tail follows the head directly
                text = state.decoder.decode(tail, final=True)
            else:
                text = state.decoder.decode(b"", final=True)
                prefix = "" if state.ends_with_newline and not text else "\n"
                text += f"{prefix}[plynx: {cut} bytes of {stream} were cut here]\n"
                text += codecs.decode(tail, "utf-8", "replace")
            if text:
                state.pending.append(text)
                state.pending_bytes += len(text)
        self._closed = True
        self.flush()
