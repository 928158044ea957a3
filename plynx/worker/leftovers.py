"""Node processes that outlive their worker, and how they are stopped.

A node's processes run in a session of their own, so that cancelling can kill the whole group.
The price: nothing ties them to the worker. Every process a worker starts carries
:data:`MARKER` (the worker's work directory) in its environment, and two things kill what a
worker leaves running:

* the **warden** (:mod:`plynx.worker.warden`), a small process the worker starts first
  (:class:`Warden`), which kills the worker's node processes as soon as the worker is gone,
  even if it was ``SIGKILL``-ed;
* the next worker that takes the same work directory, before it starts anything
  (:func:`kill_leftovers`): for whatever escaped the warden (the warden killed too).

Only Linux (``/proc``) is supported; elsewhere nothing is found.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import subprocess
import sys
from pathlib import Path

from plynx.worker.warden import MARKER, kill_marked

__all__ = ["MARKER", "Warden", "kill_leftovers"]

logger = logging.getLogger(__name__)
_WARDEN_SCRIPT = str(Path(__file__).with_name("warden.py"))
_CLOSE_TIMEOUT = 5.0


def kill_leftovers(work_dir: Path) -> int:
    """Kill the process groups started by an earlier worker on ``work_dir``; return how many."""
    groups = kill_marked(str(work_dir), {os.getpgrp()})
    if groups:
        logger.warning(
            "killed %d process group(s) left running by an earlier worker on %s",
            len(groups),
            work_dir,
        )
    return len(groups)


class Warden:
    """The warden of a worker on ``work_dir``: started by the constructor, it kills the node
    processes of this worker once :meth:`close` is called or this process dies."""

    def __init__(self, work_dir: Path, env: dict[str, str]) -> None:
        read, self._write = os.pipe()
        try:
            self._popen = subprocess.Popen(
                [sys.executable, _WARDEN_SCRIPT, str(read), str(work_dir), str(os.getpgrp())],
                pass_fds=(read,),
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                # a signal to the worker's process group (Ctrl-C, kill -- -PGID) must not stop it
                start_new_session=True,
            )
        except BaseException:
            os.close(self._write)
            raise
        finally:
            os.close(read)

    @property
    def pid(self) -> int:
        """The warden's pid."""
        return self._popen.pid

    async def close(self) -> None:
        """Let the warden kill what is left of the nodes, and wait for it to exit."""
        if self._write < 0:
            return
        with contextlib.suppress(OSError):
            os.write(self._write, b"stop")
        os.close(self._write)
        self._write = -1
        try:
            await asyncio.wait_for(asyncio.to_thread(self._popen.wait), _CLOSE_TIMEOUT)
        except TimeoutError:
            logger.warning("the warden (pid %d) did not exit in time", self._popen.pid)
