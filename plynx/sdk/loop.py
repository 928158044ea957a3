"""The background event loop behind the SDK's synchronous API.

Scripts and notebooks call ``g.run()``, ``run.wait()``…; each of those runs the matching
coroutine on one event loop that lives in a daemon thread of its own, so that a notebook's
running loop is never re-entered and a server started by the SDK (``plynx.local``) keeps
serving between calls. Async code never comes here: it awaits the coroutines directly.
"""

from __future__ import annotations

import asyncio
import atexit
import concurrent.futures.thread  # noqa: F401 - its exit hook must come before ours
import threading
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

__all__ = ["at_exit", "run_sync"]

T = TypeVar("T")

_lock = threading.Lock()
_loop: asyncio.AbstractEventLoop | None = None
_thread: threading.Thread | None = None
_closers: list[Callable[[], Awaitable[None]]] = []


def _background() -> asyncio.AbstractEventLoop:
    global _loop, _thread
    with _lock:
        if _loop is None:
            loop = asyncio.new_event_loop()
            thread = threading.Thread(target=loop.run_forever, name="plynx-sdk", daemon=True)
            thread.start()
            _loop, _thread = loop, thread
            # stop before the interpreter's thread pools refuse work (asyncio.to_thread, file
            # closing…), which happens before plain atexit callbacks: registered after
            # concurrent.futures.thread's own hook (imported above), ours runs before it
            register = getattr(threading, "_register_atexit", atexit.register)
            register(_shutdown)
        return _loop


def run_sync(coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` on the background loop and return its result (or raise its error).

    Calling it from the background loop itself would deadlock, so that is refused."""
    loop = _background()
    if threading.current_thread() is _thread:
        coro.close()
        raise RuntimeError("the synchronous PLynx API cannot be used from its own event loop")
    future = asyncio.run_coroutine_threadsafe(coro, loop)
    try:
        return future.result()
    except KeyboardInterrupt:
        future.cancel()
        raise


def at_exit(closer: Callable[[], Awaitable[None]]) -> None:
    """Await ``closer()`` on the background loop when the interpreter exits (servers the SDK
    started stop their workers cleanly rather than leaving them to die with the process)."""
    _closers.append(closer)


def _shutdown() -> None:
    loop = _loop
    if loop is None or not loop.is_running():
        return

    async def close_all() -> None:
        while _closers:
            await _closers.pop()()

    asyncio.run_coroutine_threadsafe(close_all(), loop).result(timeout=60)
    loop.call_soon_threadsafe(loop.stop)
