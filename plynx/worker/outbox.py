"""What a worker has to tell the server: a send queue, and results kept until acked.

Messages are sent in order, one connection at a time, by :meth:`Outbox.pump`. While the
worker is disconnected they wait in the queue. A result stays in the outbox until the server
acks it: after a reconnect, every unacked result that is not already waiting in the queue is
queued again (the server ignores duplicates). Heartbeats jump the queue.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import deque

from aiohttp import ClientError, ClientWebSocketResponse

from plynx.protocol import Message, Result, encode_frame

__all__ = ["Key", "Outbox"]

#: ``(node_run_id, attempt)``
Key = tuple[str, int]
_BATCH = 32  # messages per frame at most (log batches can be large)


class Outbox:
    """The worker's outgoing messages."""

    def __init__(self) -> None:
        self._queue: deque[Message] = deque()
        self._results: dict[Key, Result] = {}
        self._queued: set[Key] = set()  # results waiting in _queue
        self._wake = asyncio.Event()

    def __len__(self) -> int:
        return len(self._queue)

    def send(self, message: Message) -> None:
        """Queue a message; a result is also kept until :meth:`ack`."""
        if isinstance(message, Result):
            key = (message.node_run_id, message.attempt)
            self._results[key] = message
            self._queued.add(key)
        self._queue.append(message)
        self._wake.set()

    def urgent(self, message: Message) -> None:
        """Queue a message ahead of everything else (heartbeats)."""
        self._queue.appendleft(message)
        self._wake.set()

    def ack(self, key: Key) -> None:
        """The server stored the result of ``key``."""
        self._results.pop(key, None)

    def drop(self, key: Key) -> None:
        """Forget the attempt ``key`` without an ack (the server does not want it): its result,
        and whatever about it still waits to be sent (the server would only reject it). Called
        on a welcome, before the pump of the new connection starts."""
        self._results.pop(key, None)
        self._queued.discard(key)
        self._queue = deque(m for m in self._queue if _key(m) != key)

    def __contains__(self, key: object) -> bool:
        return key in self._results

    def unacked(self) -> list[Key]:
        """Attempts whose result has not been acked."""
        return list(self._results)

    @property
    def idle(self) -> bool:
        """Nothing to send and nothing waiting for an ack."""
        return not self._queue and not self._results

    def resend_unacked(self) -> None:
        """After a reconnect: queue again every unacked result not already queued."""
        for key, result in self._results.items():
            if key not in self._queued:
                self._queued.add(key)
                self._queue.append(result)
        self._wake.set()

    async def pump(self, ws: ClientWebSocketResponse) -> None:
        """Send queued messages to ``ws``, several per frame when several wait, until it fails
        (the messages that failed stay)."""
        while True:
            while self._queue:
                batch = list(itertools.islice(self._queue, _BATCH))
                try:
                    await ws.send_str(encode_frame(batch))
                except (ConnectionError, ClientError, RuntimeError):
                    return
                for message in batch:
                    # a heartbeat may have jumped the queue meanwhile: remove these messages
                    self._queue.remove(message)
                    if isinstance(message, Result):
                        self._queued.discard((message.node_run_id, message.attempt))
            self._wake.clear()
            await self._wake.wait()


def _key(message: Message) -> Key | None:
    """The attempt a message is about (``None``: a heartbeat)."""
    node_run_id = getattr(message, "node_run_id", None)
    attempt = getattr(message, "attempt", None)
    return None if node_run_id is None or attempt is None else (node_run_id, attempt)
