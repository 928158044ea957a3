"""Keeping CPython's garbage collector off while a large document is built and used.

Reading a stored graph of 10,000 nodes builds a quarter of a million objects. The collector,
counting them, walks every object of the process again and again meanwhile: three full
collections of 0.3 to 0.4 s each while one such graph was read and sent, each stopping the
event loop whichever thread started it. Those objects form no reference cycles: once the answer
is written, reference counting frees them and the collector's counts fall back to where they
were. So the collector stays off while a request builds and uses a large document; it runs as
usual afterwards.

- :func:`paused` keeps it off inside (pauses nest and overlap: it runs again when the last
  one ends).
- :func:`request_scope` marks what one request does (its task); :func:`hold` (called where a
  large document turns up: a store's read, a large body) keeps the collector off until that
  scope ends. Outside a scope it does nothing: the caller cannot know how long to hold.
- :class:`FullCollections` counts the full collections made meanwhile (tests, benchmarks).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any, Self

__all__ = ["FullCollections", "hold", "paused", "request_scope"]


class _Pauses:
    """How many pauses are on, and whether the first one turned the collector off (one that
    found it off, turned off by someone else, leaves it so)."""

    count = 0
    disabled = False


_OLDEST = 2  # the generation a full collection collects
_SCOPE: ContextVar[contextlib.ExitStack | None] = ContextVar("collector_scope", default=None)


@contextlib.contextmanager
def paused(when: bool = True) -> Iterator[None]:
    """No automatic collection inside (if ``when``)."""
    if not when:
        yield
        return
    if _Pauses.count == 0 and gc.isenabled():
        gc.disable()
        _Pauses.disabled = True
    _Pauses.count += 1
    try:
        yield
    finally:
        _Pauses.count -= 1
        if _Pauses.count == 0 and _Pauses.disabled:
            gc.enable()
            _Pauses.disabled = False


@contextlib.contextmanager
def request_scope() -> Iterator[None]:
    """The scope of one request: a :func:`hold` inside lasts until it ends."""
    with contextlib.ExitStack() as stack:
        token = _SCOPE.set(stack)
        try:
            yield
        finally:
            _SCOPE.reset(token)


def hold() -> None:
    """Keep the collector off until the current :func:`request_scope` ends (once per scope is
    enough; more are harmless). Call it from the event loop's thread."""
    stack = _SCOPE.get()
    if stack is not None:
        stack.enter_context(paused())


class FullCollections:
    """Inside ``with``: counts the collector's full collections (each walks every object of the
    process, holding the interpreter meanwhile: the event loop stops, whichever thread started
    it)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start" and info["generation"] == _OLDEST:
            self.count += 1

    def __enter__(self) -> Self:
        gc.callbacks.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self)
