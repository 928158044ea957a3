"""Keeping the garbage collector from stalling the loop while large runs are active.

CPython's collector now and then walks every object that survived earlier collections. An
active run of 10,000 nodes holds around a million objects (its graph's models, node runs, the
engine's indexes), so each of those walks stopped the loop for one to two seconds in the load
benchmark. Those objects form no reference cycles: they are freed by reference counting when
the run is forgotten, and the collector has nothing to find in them. So once a large run is
registered they are *frozen* (:func:`gc.freeze`: moved where the collector does not look).
While a large run executes, it keeps creating objects that live as long as it does (outputs,
cache entries, dispatches: a full collection of them took 0.4 s mid-run), so what survived is
frozen again every few seconds. The heap is unfrozen once the engine holds no large run any
more, active or just finished (it keeps the last runs for the clients that waited for them):
then walking the remaining heap is cheap again (unfrozen as soon as the run ended, the first
full collection walked the finished run: 0.6 to 1.1 s). Cyclic garbage that happens to be
frozen meanwhile waits until then.

While such a run is being read and registered, before it can be frozen, its objects pile up
fast and each full collection walks more of them (six collections of half a second while one
10,000-node graph was submitted): :func:`plynx.collector.paused` keeps the collector off
meanwhile.

Any other request that reads a large document (a large graph saved, validated or read back, a
large run read from the store) keeps the collector off until it is answered
(:func:`heap_middleware`, :mod:`plynx.collector`): reading and sending back one stored graph of
10,000 nodes started three full collections of 0.3 to 0.4 s each.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import AsyncIterator, Awaitable, Callable

from aiohttp import web

from plynx import collector
from plynx.server import keys

__all__ = ["HEAP", "LARGE", "HeapGuard", "heap_ctx", "heap_middleware"]

logger = logging.getLogger(__name__)

#: Active node runs from which the heap is frozen.
LARGE = 2000
_CHECK_INTERVAL = 5.0


class HeapGuard:
    """Freezes the heap while many node runs are active, unfreezes it afterwards."""

    def __init__(self, large: int = LARGE) -> None:
        self.large = large
        self.frozen = False

    def update(self, active_node_runs: int, held_node_runs: int | None = None) -> None:
        """Freeze or unfreeze for this many active node runs (call it after a submission), of
        ``held_node_runs`` in the engine's memory (finished runs included; as many if not
        given)."""
        held = active_node_runs if held_node_runs is None else held_node_runs
        if active_node_runs >= self.large:
            # no collection first: after a paused() submission it would walk the whole new run
            gc.freeze()
            if not self.frozen:
                logger.info("%d active node runs: heap frozen", active_node_runs)
            self.frozen = True
        elif self.frozen and held < self.large:
            gc.unfreeze()
            self.frozen = False
            logger.info("%d node runs held: heap unfrozen", held)

    async def watch(self, app: web.Application) -> None:
        """Freeze what a large run keeps creating; unfreeze once the engine holds no large run
        (a background task)."""
        engine = app[keys.ENGINE]
        while True:
            await asyncio.sleep(_CHECK_INTERVAL)
            if self.frozen:
                self.update(engine.active_node_runs(), engine.held_node_runs())


HEAP = web.AppKey("heap", HeapGuard)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def heap_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Each request is a :func:`plynx.collector.request_scope`, but a websocket's: it lasts
    as long as its connection."""
    if request.headers.get("Upgrade", "").lower() == "websocket":
        return await handler(request)
    with collector.request_scope():
        return await handler(request)


async def heap_ctx(app: web.Application) -> AsyncIterator[None]:
    """``cleanup_ctx`` (after the engine's): the guard of ``app[HEAP]``, runs reloaded at start
    included."""
    guard = HeapGuard()
    app[HEAP] = guard
    guard.update(app[keys.ENGINE].active_node_runs())
    task = asyncio.create_task(guard.watch(app), name="heap guard")
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        if guard.frozen:
            gc.unfreeze()
