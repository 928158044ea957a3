"""Small helpers shared by the worker tests."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from pathlib import Path

from plynx.worker.logs import LogSink


def pid_alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie counts as dead)."""
    try:
        os.kill(pid, 0)
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(")")[-1].split()[0] != "Z"
    except (ProcessLookupError, FileNotFoundError):
        return False


async def until(predicate: Callable[[], bool], within: float = 5.0) -> None:
    """Wait until ``predicate()`` holds; ``TimeoutError`` after ``within`` seconds."""
    async with asyncio.timeout(within):
        while not predicate():
            await asyncio.sleep(0.01)


def _read_if_complete(path: Path) -> str | None:
    try:
        text = path.read_text()
    except FileNotFoundError:
        return None
    return text if text.endswith("\n") else None


async def read_line_file(path: Path, within: float = 5.0) -> str:
    """The content of ``path`` once a script has written a whole line to it."""
    seen: list[str] = []

    def complete() -> bool:
        text = _read_if_complete(path)
        if text is not None:
            seen.append(text)
        return bool(seen)

    await until(complete, within)
    return seen[0]


class Collect:
    """A log sink that keeps every batch."""

    def __init__(self) -> None:
        self.batches: list[tuple[str, str]] = []
        self.sink = LogSink(lambda s, t: self.batches.append((s, t)))

    def text(self, stream: str = "stdout") -> str:
        return "".join(t for s, t in self.batches if s == stream)
