"""The unit of work: what is written, in which order, and when a flush is over."""

from __future__ import annotations

import asyncio
from typing import Any

from plynx.engine import EventBus
from plynx.engine.unit_of_work import UnitOfWork
from plynx.model import NodeRun
from plynx.store import Batch


class _SlowStore:
    """A store whose writes finish only when the test says so."""

    def __init__(self) -> None:
        self.writing = asyncio.Event()
        self.release = asyncio.Event()
        self.batches: list[Batch] = []

    async def apply(self, batch: Batch) -> None:
        self.writing.set()
        await self.release.wait()
        self.batches.append(batch)


async def test_waiting_for_idle_waits_for_the_write_in_flight() -> None:
    """A flush that has taken the changes but not stored them yet is not idle: a caller of
    ``wait_idle`` (the engine's ``flush``) used to return at once, before the write."""
    store, bus = _SlowStore(), EventBus()
    uow = UnitOfWork(store, bus)  # type: ignore[arg-type]
    flusher = asyncio.create_task(uow.run())
    done: list[str] = []
    uow.node_changed(NodeRun(id="n", run_id="r", node_id="a", kind="bash_jinja2"))
    uow.after(lambda: done.append("stored"))
    await asyncio.wait_for(store.writing.wait(), 5)
    assert not uow.pending()  # the round holds the changes now
    waiter = asyncio.create_task(uow.wait_idle())
    await asyncio.sleep(0.05)
    assert not waiter.done(), "wait_idle returned while the write was in flight"
    store.release.set()
    await asyncio.wait_for(waiter, 5)
    assert done == ["stored"]
    flusher.cancel()
    await asyncio.gather(flusher, return_exceptions=True)


def _node_event(node_run_id: str, seq: int, **change: Any) -> dict[str, Any]:
    return {
        "type": "event",
        "topic": "run",
        "run_id": "r",
        "seq": seq,
        "kind": "node_run",
        "node_run": {"id": node_run_id, "node_id": node_run_id, "seq": seq, **change},
    }


class _RecordingBus(EventBus):
    def __init__(self) -> None:
        super().__init__()
        self.published: list[list[dict[str, Any]]] = []

    def publish_many(self, topic: str, events: list[dict[str, Any]]) -> None:
        self.published.append(list(events))
        super().publish_many(topic, events)


async def test_a_node_runs_changes_in_a_round_are_one_event_with_all_they_changed() -> None:
    """A short node queued, started and finished within one round is one event for every
    follower, its last, holding every field any of them changed (a field set then cleared
    within the round included: a follower may have read it in between); the other events
    keep their order."""
    store, bus = _SlowStore(), _RecordingBus()
    store.release.set()
    uow = UnitOfWork(store, bus)  # type: ignore[arg-type]
    run_event = {"type": "event", "topic": "run", "run_id": "r", "seq": 4, "kind": "run"}
    for event in (
        _node_event("a", 1, status="queued", status_detail="waiting for a worker"),
        _node_event("b", 2, status="queued"),
        _node_event("a", 3, status="running", status_detail=None, worker_id="w"),
        run_event,
        _node_event("a", 5, status="success", exit_code=0),
    ):
        uow.announce("run:r", event)
    flusher = asyncio.create_task(uow.run())
    await uow.wait_idle()
    merged_a = _node_event("a", 5, status="success", status_detail=None, worker_id="w", exit_code=0)
    assert bus.published == [[_node_event("b", 2, status="queued"), run_event, merged_a]]
    flusher.cancel()
    await asyncio.gather(flusher, return_exceptions=True)


async def test_changes_made_during_the_interval_go_in_one_round() -> None:
    """Under steady load a round waits for the interval since the previous one started: the
    changes of that time are one write and one announcement (with a fast store, every few
    changes used to be a round of their own: a frame to every follower each)."""
    store, bus = _SlowStore(), _RecordingBus()
    store.release.set()
    uow = UnitOfWork(store, bus, interval=0.2)  # type: ignore[arg-type]
    flusher = asyncio.create_task(uow.run())
    bus.subscribe().add("run:r")
    uow.announce("run:r", _node_event("a", 1, status="queued"))  # the first round: at once
    await uow.wait_idle()
    assert len(store.batches) == 0 and len(bus.published) == 1
    for seq, status in enumerate(("queued", "running", "success"), start=2):
        uow.node_changed(NodeRun(id="b", run_id="r", node_id="b", kind="bash_jinja2"))
        uow.announce("run:r", _node_event("b", seq, status=status))
        await asyncio.sleep(0.03)  # a node run changing every 30 ms
    await uow.wait_idle()
    assert len(store.batches) == 1, "the three changes were stored in one write"
    assert [[e["node_run"]["status"] for e in p] for p in bus.published] == [
        ["queued"],
        ["success"],
    ]
    flusher.cancel()
    await asyncio.gather(flusher, return_exceptions=True)
