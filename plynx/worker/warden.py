"""The warden: kills a worker's node processes when the worker dies, however it dies.

A node's processes run in sessions of their own (so that cancelling can kill a whole process
group), so nothing ties them to the worker: a worker killed at once (``SIGKILL``, the OOM
killer, a crash) would leave them running alongside the attempt the server starts again.
Every process a worker starts carries :data:`MARKER` (the worker's work directory) in its
environment. The warden is a small process of its own session, started by the worker as
``python warden.py FD WORK_DIR SPARE_PGID`` with ``FD`` the read end of a pipe whose write
end only the worker holds. When that pipe reaches end of file (the worker exited, cleanly or
not) the warden kills every process group whose processes carry the worker's marker, except
``SPARE_PGID`` (the worker's own group, which may be its caller's), and exits. A worker
that stops cleanly writes a byte first: one scan then suffices.

It uses the standard library only and does not import ``plynx`` (it is run as a script); the
worker imports :func:`kill_group` and :func:`marked_groups` from here to kill what an earlier
worker left (:mod:`plynx.worker.leftovers`). Only Linux (``/proc``) is supported; elsewhere
nothing is found.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time

__all__ = ["MARKER", "kill_group", "kill_marked", "main", "marked_groups"]

#: The environment variable naming the work directory of the worker that started a process.
MARKER = "PLYNX_WORKER_DIR"
#: Scans after the worker died: a node being started then may show its marker a moment later.
_SCANS = 3
_SCAN_INTERVAL = 0.1


def kill_group(pgid: int, sig: int) -> None:
    """Send ``sig`` to the process group ``pgid``; nothing if it is gone."""
    try:
        os.killpg(pgid, sig)
    except ProcessLookupError:
        # the leader may not have called setsid() yet (a just-forked python child)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pgid, sig)
    except PermissionError:
        pass


def marked_groups(work_dir: str, spare: set[int]) -> set[int]:
    """The process groups of processes started by the worker on ``work_dir``, except ``spare``
    and this process's own group."""
    needle = b"\0" + f"{MARKER}={work_dir}".encode() + b"\0"
    me = os.getpid()
    groups: set[int] = set()
    try:
        entries = os.listdir("/proc")
    except OSError:
        return groups
    for name in entries:
        if not name.isdigit() or int(name) == me:
            continue
        try:
            with open(f"/proc/{name}/environ", "rb") as handle:
                environ = b"\0" + handle.read()
            if needle in environ:
                groups.add(os.getpgid(int(name)))
        except OSError:  # gone, or not ours to read
            continue
    return groups - spare - {os.getpgrp()}


def kill_marked(work_dir: str, spare: set[int]) -> set[int]:
    """``SIGKILL`` the groups :func:`marked_groups` finds; return them."""
    groups = marked_groups(work_dir, spare)
    for pgid in groups:
        kill_group(pgid, signal.SIGKILL)
    return groups


def main(argv: list[str]) -> int:
    """Entry point: ``argv`` is ``[prog, FD, WORK_DIR, SPARE_PGID]``."""
    # sys.path[0] is this file's directory: nothing here imports its neighbours anyway
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    fd, work_dir, spare = int(argv[1]), argv[2], {int(argv[3])}
    clean = False  # a worker that stops cleanly says so first: it has stopped its nodes itself
    with contextlib.suppress(OSError):
        while os.read(fd, 4096):
            clean = True
    killed: set[int] = set()
    for scan in range(1 if clean else _SCANS):
        if scan:
            time.sleep(_SCAN_INTERVAL)
        killed |= kill_marked(work_dir, spare)
    if killed:
        print(
            f"plynx warden: the worker on {work_dir} is gone; killed {len(killed)} process "
            "group(s) of its nodes",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
