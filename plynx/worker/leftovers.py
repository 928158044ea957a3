"""Processes a previous worker left running.

A node's processes run in a session of their own, so that cancelling can kill the whole group.
The price: when the worker itself dies at once (``SIGKILL``, the OOM killer, a crash), they
live on, and the server runs the node again elsewhere. So every process a worker starts carries
:data:`MARKER` (the worker's work directory) in its environment, and the next worker that takes
the same work directory kills the process groups it finds with that marker, before it starts
anything. Only Linux (``/proc``) is supported; elsewhere nothing is found.
"""

from __future__ import annotations

import logging
import os
import signal
from pathlib import Path

from plynx.worker.process import kill_group

__all__ = ["MARKER", "kill_leftovers"]

logger = logging.getLogger(__name__)

#: The environment variable naming the work directory of the worker that started a process.
MARKER = "PLYNX_WORKER_DIR"


def _marked_groups(needle: bytes) -> set[int]:
    me, my_group = os.getpid(), os.getpgrp()
    groups: set[int] = set()
    try:
        entries = list(os.scandir("/proc"))
    except OSError:
        return groups
    for entry in entries:
        if not entry.name.isdigit() or int(entry.name) == me:
            continue
        try:
            with open(f"/proc/{entry.name}/environ", "rb") as handle:
                environ = b"\0" + handle.read()
            if needle in environ:
                groups.add(os.getpgid(int(entry.name)))
        except OSError:  # gone, or not ours to read
            continue
    groups.discard(my_group)
    return groups


def kill_leftovers(work_dir: Path) -> int:
    """Kill the process groups started by an earlier worker on ``work_dir``; return how many."""
    groups = _marked_groups(b"\0" + f"{MARKER}={work_dir}".encode() + b"\0")
    for pgid in groups:
        kill_group(pgid, signal.SIGKILL)
    if groups:
        logger.warning(
            "killed %d process group(s) left running by an earlier worker on %s",
            len(groups),
            work_dir,
        )
    return len(groups)
