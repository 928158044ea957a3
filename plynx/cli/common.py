"""What the CLI commands share: settings from the file/environment/flags, default worker sizes,
running a coroutine with clean signal handling, and printing errors."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, Literal, NoReturn, TypeVar

import click
from rich.console import Console
from rich.markup import escape

from plynx.errors import InvalidInput, PlynxError
from plynx.settings import Settings, load_settings

__all__ = [
    "EXIT_FAILED",
    "EXIT_INVALID",
    "EXIT_OK",
    "cpu_count",
    "default_pool",
    "fail",
    "report_error",
    "run_until_signal",
    "settings_from",
    "stderr",
]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INVALID = 2

#: Human output that must not mix with machine output on stdout (``--json``).
stderr = Console(stderr=True, highlight=False)
T = TypeVar("T")


def settings_from(ctx: click.Context, **overrides: Any) -> Settings:
    """Settings from the configuration file (``--config``), ``PLYNX_*`` variables and the
    flags given (``None`` means "not given")."""
    config: Path | None = (ctx.find_root().obj or {}).get("config")
    try:
        return load_settings(config, **overrides)
    except InvalidInput as exc:
        fail(exc.message)


def report_error(message: str, problems: list[str] | None = None) -> None:
    """Print ``error: message`` and each problem on stderr."""
    stderr.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    for problem in problems or []:
        stderr.print(f"  - {problem}", markup=False, highlight=False, soft_wrap=True)


def fail(message: str, code: int = EXIT_INVALID, problems: list[str] | None = None) -> NoReturn:
    """Print ``error: message`` (and each problem) on stderr and exit with ``code``. Not for
    coroutines: they return their exit code after :func:`report_error`."""
    report_error(message, problems)
    raise SystemExit(code)


def cpu_count() -> int:
    """CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def default_pool(workers: int | None, slots: int | None) -> tuple[int, int]:
    """``(workers, slots)`` for local workers: two processes when there are at least two CPUs,
    and slots so that every CPU has one node at a time."""
    cpus = cpu_count()
    count = workers if workers is not None else (2 if cpus >= 2 else 1)
    if count < 1:
        fail("--workers must be at least 1")
    per = slots if slots is not None else max(1, cpus // count)
    if per < 1:
        fail("--slots must be at least 1")
    return count, per


class _Stop(asyncio.Event):
    """An event that knows whether anyone waits for it yet."""

    waiting = 0

    async def wait(self) -> Literal[True]:
        self.waiting += 1
        try:
            return await super().wait()
        finally:
            self.waiting -= 1


def run_until_signal(
    main: Callable[[asyncio.Event], Coroutine[Any, Any, T]],
    signals: tuple[signal.Signals, ...] = (signal.SIGINT, signal.SIGTERM),
    *,
    interrupt_startup: bool = False,
) -> T:
    """Run ``main(stop)`` in a new event loop; the first of ``signals`` sets ``stop``, a
    second one cancels ``main`` outright. With ``interrupt_startup``, the first one also
    cancels ``main`` while nothing waits for ``stop`` yet (a server still starting, e.g.
    retrying its database). PLynx errors become one line and exit 2."""

    async def runner() -> T:
        loop = asyncio.get_running_loop()
        stop = _Stop()
        task = asyncio.current_task()

        def on_signal() -> None:
            starting = interrupt_startup and not stop.waiting
            if (stop.is_set() or starting) and task is not None:
                task.cancel()
            stop.set()

        for sig in signals:
            loop.add_signal_handler(sig, on_signal)
        try:
            return await main(stop)
        finally:
            for sig in signals:
                loop.remove_signal_handler(sig)

    try:
        return asyncio.run(runner())
    except asyncio.CancelledError:
        raise SystemExit(130) from None
    except PlynxError as exc:
        problems = [str(p) for p in getattr(exc, "problems", [])]
        fail(exc.message, EXIT_INVALID, problems)
