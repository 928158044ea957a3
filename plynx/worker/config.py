"""How a worker daemon is configured: one frozen dataclass, filled by the CLI."""

from __future__ import annotations

import os
import pwd
import re
import socket
import stat
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from plynx.artifacts.archive import UnpackLimits
from plynx.errors import InvalidInput

__all__ = ["NodeUser", "WorkerConfig", "default_work_dir"]

# rendered bash scripts use the worker's paths unquoted: keep them free of shell syntax
_SAFE_PATH = re.compile(r"^[A-Za-z0-9._/-]+$")


@dataclass(frozen=True)
class NodeUser:
    """The unprivileged OS user nodes run as (``--node-user``), resolved once."""

    name: str
    uid: int
    gid: int
    home: str

    @classmethod
    def lookup(cls, name: str) -> NodeUser:
        """The user called ``name``; :class:`InvalidInput` if there is none, or if this process
        cannot start processes as another user (it must run as root)."""
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            raise InvalidInput(f"--node-user: there is no user {name!r} on this machine") from None
        if entry.pw_uid == 0:
            raise InvalidInput("--node-user must name an unprivileged user, not root")
        if os.geteuid() != 0:
            raise InvalidInput(
                "--node-user needs a worker running as root (to start nodes as another user)"
            )
        return cls(name, entry.pw_uid, entry.pw_gid, entry.pw_dir)

    def environment(self) -> dict[str, str]:
        """The variables that name the user, for the nodes' environment."""
        return {"HOME": self.home, "USER": self.name, "LOGNAME": self.name}


def default_work_dir(name: str = "worker", *, shared: bool = False) -> Path:
    """``<system temporary directory>/plynx-<uid>/<name>``: where a worker works unless told
    otherwise. Nodes run in attempt directories under it, away from any repository or project
    the user's data directory may sit in. ``plynx-<uid>`` is created private (0700; ``shared``,
    for a worker with ``--node-user``, opens it to traversal: 0711) and must be this user's
    own, writable by no one else: :class:`InvalidInput` if it is not (someone else could plant
    files there).
    """
    root = Path(tempfile.gettempdir()) / f"plynx-{os.getuid()}"
    try:
        root.mkdir(mode=0o700, exist_ok=True)
        info = root.lstat()
    except OSError as exc:
        raise InvalidInput(f"cannot create {root}: {exc.strerror}; choose --work-dir") from None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        raise InvalidInput(
            f"{root} is not a directory of this user's own; remove it or choose --work-dir"
        )
    mode = 0o711 if shared else 0o700
    if stat.S_IMODE(info.st_mode) != mode:
        root.chmod(mode)
    return root / name


@dataclass(frozen=True)
class WorkerConfig:
    """Settings of one worker daemon.

    ``server`` is the server's base URL (``http://host:8765``); the worker connects to
    ``/ws/worker`` there and uses ``/api/v1/artifacts`` with ``token``. ``kinds`` limits the
    node kinds it announces (default: every installed kind that executes). ``work_dir`` holds
    the artifact cache and the attempts' directories (default: :func:`default_work_dir`, under
    the system temporary directory); one worker per work directory.
    """

    server: str
    token: str = field(default="", repr=False)
    slots: int = 1
    kinds: tuple[str, ...] | None = None
    work_dir: Path = field(default_factory=default_work_dir)
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
    #: Run nodes as this unprivileged user (the worker must run as root); ``None``: as the
    #: worker's own user.
    node_user: NodeUser | None = None
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
