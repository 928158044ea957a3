"""Nodes with the same cache key executing at once run once: the others wait for its result.

A sweep submits many runs of one graph together; nodes upstream of the swept parameters have the
same cache key in every run. Without this, each run would miss the cache (nothing is stored yet)
and execute them again. The engine asks :meth:`InFlight.wait` before queueing a node that missed
the cache: if a node run with the same key is already queued or running (the *leader*), the node
stays pending and is resolved again when the leader finishes (:meth:`InFlight.finished`). Then it
is restored from the cache entry the leader left, or, if the leader failed or was canceled, one
of the waiters becomes the next leader and runs.

Only across runs: two identical nodes of one run still both execute, as they always did (a
graph may repeat a node on purpose, e.g. to sample twice). Only the engine's memory holds this:
after a restart, waiting nodes simply resolve again.
"""

from __future__ import annotations

from typing import Generic, TypeVar

__all__ = ["InFlight"]

T = TypeVar("T")


class InFlight(Generic[T]):
    """Which cache keys are executing, by which node run, and who waits for each."""

    def __init__(self) -> None:
        self._leaders: dict[str, tuple[str, str]] = {}  # key -> (node run id, run id) executing
        self._keys: dict[str, str] = {}  # node run id -> its key, for leaders
        self._waiters: dict[str, list[T]] = {}

    def wait(self, key: str, run_id: str, waiter: T) -> bool:
        """Whether ``waiter`` (a node of run ``run_id``) must wait for a node run of another run
        executing ``key`` (it is then returned by :meth:`finished` of that node run)."""
        leader = self._leaders.get(key)
        if leader is None or leader[1] == run_id:
            return False
        self._waiters.setdefault(key, []).append(waiter)
        return True

    def lead(self, key: str, node_run_id: str, run_id: str) -> None:
        """``node_run_id`` (of run ``run_id``) was queued to execute ``key``."""
        if key not in self._leaders:
            self._leaders[key] = (node_run_id, run_id)
            self._keys[node_run_id] = key

    def finished(self, node_run_id: str) -> list[T]:
        """``node_run_id`` finished: the waiters of its key, to resolve again."""
        key = self._keys.pop(node_run_id, None)
        if key is None:
            return []
        del self._leaders[key]
        return self._waiters.pop(key, [])
