"""How a worker daemon is configured: one frozen dataclass, filled by the CLI."""

from __future__ import annotations

import re
import socket
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from plynx.artifacts.archive import UnpackLimits
from plynx.errors import InvalidInput

__all__ = ["WorkerConfig"]

# rendered bash scripts use the worker's paths unquoted: keep them free of shell syntax
_SAFE_PATH = re.compile(r"^[A-Za-z0-9._/-]+$")


@dataclass(frozen=True)
class WorkerConfig:
    """Settings of one worker daemon.

    ``server`` is the server's base URL (``http://host:8765``); the worker connects to
    ``/ws/worker`` there and uses ``/api/v1/artifacts`` with ``token``. ``kinds`` limits the
    node kinds it announces (default: every installed kind that executes). ``work_dir`` holds
    the artifact cache and the attempts' directories; one worker per work directory.
    """

    server: str
    token: str = field(default="", repr=False)
    slots: int = 1
    kinds: tuple[str, ...] | None = None
    work_dir: Path = field(default_factory=lambda: Path("~/.plynx/worker").expanduser())
    #: Stable across reconnects of this process; default ``<host>-<random>``.
    worker_id: str = ""
    #: The host name shown in the dashboard; default ``socket.gethostname()``.
    host: str = ""
    #: Seconds between SIGTERM and SIGKILL when a node is cancelled or times out.
    kill_grace: float = 3.0
    #: Bytes kept of the start and of the end of each log stream of a node.
    log_head: int = 1024 * 1024
    log_tail: int = 1024 * 1024
    #: Modules the Python fork server imports once (e.g. ``("numpy", "pandas")``).
    python_preload: tuple[str, ...] = ()
    #: Longest wait between two connection attempts, seconds.
    max_backoff: float = 5.0
    #: How much one directory input may unpack to.
    unpack_limits: UnpackLimits = field(default_factory=UnpackLimits)

    def __post_init__(self) -> None:
        if not self.server.startswith(("http://", "https://")):
            raise InvalidInput(f"server {self.server!r} must be an http:// or https:// URL")
        if self.slots < 1:
            raise InvalidInput(f"slots must be at least 1, not {self.slots}")
        work_dir = self.work_dir.expanduser().resolve()
        if not _SAFE_PATH.match(str(work_dir)):
            raise InvalidInput(
                f"work directory {str(work_dir)!r} may only contain letters, digits, '.', '_', "
                "'-' and '/' (scripts use its paths unquoted); choose another one with --work-dir"
            )
        host = self.host or socket.gethostname()
        object.__setattr__(self, "work_dir", work_dir)
        object.__setattr__(self, "host", host)
        if not self.worker_id:
            object.__setattr__(self, "worker_id", f"{host}-{uuid.uuid4().hex[:8]}")
