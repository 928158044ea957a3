"""Keeping the worker's token out of its nodes' reach.

Nodes run as the worker's OS user unless told otherwise, and on Linux such a process can read
``/proc/<pid>/environ`` and ``/proc/<pid>/cmdline`` of every process of that user. Those show
the *initial* environment and command line: removing a variable from ``os.environ`` does not
change them. So a worker whose token arrived in ``PLYNX_TOKEN`` or ``--token`` replaces itself
(:func:`reexec_without_token`: ``execve`` of the same command line, without the token and
without any ``PLYNX_*TOKEN*`` variable) and reads the token back from an inherited pipe
(``--token-fd``). Its helper processes (fork server, warden) and its nodes start from
:func:`node_environment`, which carries no ``PLYNX_*TOKEN*`` variable either.

Then :func:`forbid_inspection` marks the worker non-dumpable (``prctl(PR_SET_DUMPABLE, 0)``):
``/proc/<pid>/environ``, ``mem`` and ``ptrace`` of the worker are refused to processes of the
same user that are not privileged. Root (and ``CAP_SYS_PTRACE``) still reads anything; so run
nodes as another, unprivileged user (``--node-user``) where that matters.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import stat
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NoReturn

from plynx.errors import InvalidInput

__all__ = [
    "exposed",
    "forbid_inspection",
    "is_secret_variable",
    "node_environment",
    "read_token_fd",
    "read_token_file",
    "reexec_without_token",
]

_PR_SET_DUMPABLE = 4
#: Options whose values carry (or point to) the token: dropped when the worker re-executes.
_TOKEN_OPTIONS = ("--token", "--token-file", "--token-fd")


def is_secret_variable(name: str) -> bool:
    """Whether an environment variable holds a PLynx credential (``PLYNX_*TOKEN*``)."""
    return name.startswith("PLYNX_") and "TOKEN" in name


def node_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """``environ`` without PLynx credentials: what nodes and helper processes start with."""
    return {k: v for k, v in environ.items() if not is_secret_variable(k)}


def _read_proc(name: str) -> bytes | None:
    try:
        with open(f"/proc/self/{name}", "rb") as handle:
            return handle.read()
    except OSError:
        return None


def exposed(token: str) -> bool:
    """Whether this process's initial environment holds a credential, or its command line
    holds ``token``: what other processes of the user can read."""
    environ, cmdline = _read_proc("environ"), _read_proc("cmdline")
    if environ is None or cmdline is None:  # no /proc: judge by what Python saw at start
        names: Sequence[str] = list(os.environ)
        return any(map(is_secret_variable, names)) or any(token in a for a in sys.orig_argv)
    variables = (e.partition(b"=")[0].decode(errors="replace") for e in environ.split(b"\0"))
    return any(map(is_secret_variable, variables)) or (bool(token) and token.encode() in cmdline)


def _without_token_options(argv: Sequence[str]) -> list[str]:
    kept: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in _TOKEN_OPTIONS:
            skip = True
        elif not arg.startswith(tuple(f"{option}=" for option in _TOKEN_OPTIONS)):
            kept.append(arg)
    return kept


def reexec_without_token(token: str) -> NoReturn:
    """Replace this process by the same command without the token in its command line or
    environment; the token travels in a pipe (``--token-fd``). Never returns."""
    read, write = os.pipe()
    os.write(write, token.encode())  # far below a pipe's capacity: never blocks
    os.close(write)
    os.set_inheritable(read, True)
    argv = [sys.executable, *_without_token_options(sys.orig_argv[1:]), "--token-fd", str(read)]
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os.execve(sys.executable, argv, node_environment(os.environ))


def read_token_fd(fd: int) -> str:
    """The token written to ``fd`` (a pipe inherited from the process that started this one);
    the descriptor is closed."""
    chunks = []
    try:
        while chunk := os.read(fd, 4096):
            chunks.append(chunk)
    except OSError as exc:
        raise InvalidInput(f"cannot read the token from file descriptor {fd}: {exc}") from None
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)
    return b"".join(chunks).decode().strip()


def read_token_file(path: str) -> str:
    """The token in ``path`` (``-``: standard input). The file must be readable by its owner
    only (``chmod 600``): :class:`InvalidInput` otherwise."""
    if path == "-":
        return sys.stdin.readline().strip()
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise InvalidInput(f"token file {path} is not a regular file")
        if info.st_mode & 0o077:
            raise InvalidInput(
                f"token file {path} is readable by others (mode {stat.S_IMODE(info.st_mode):o}); "
                f"make it private with: chmod 600 {path}"
            )
        return Path(path).read_text().strip()
    except OSError as exc:
        raise InvalidInput(f"cannot read token file {path}: {exc.strerror}") from None


def forbid_inspection() -> bool:
    """Make this process non-dumpable (Linux): processes of the same user that are not
    privileged can then neither read its ``/proc/<pid>/environ`` and ``mem`` nor ptrace it.
    Returns whether that worked."""
    if sys.platform != "linux":
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False
