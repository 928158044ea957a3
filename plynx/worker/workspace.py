"""The directory of one attempt, from its inputs to its uploaded outputs.

::

    <work root>/attempts/a1b2c3/     one directory per attempt, emptied and reused afterwards
        work/                       the node's current directory, empty at the start
        inputs/<name>.<i>.<file>    input i of <name>: a hard link into the artifact cache,
                                    or a directory unpacked from its archive
        outputs/<name>              an empty file (or directory) the node fills
        script.sh, <name>.tar       what the worker itself writes

The layout is flat on purpose: on a disk file system creating and removing a directory costs
as much as running a trivial node, so an attempt creates files only, and its directory is
reused by a later attempt once those files are unlinked.

Only names the server validated (port names) and sanitised artifact file names go into these
paths, under a random directory name; all of them consist of letters, digits, ``.``, ``_``,
``-`` and ``/`` (templates render them unquoted).

After a successful run every output is hashed (a directory is packed into a deterministic
tar first), linked into the local cache, uploaded unless the server has it, and described by
an :class:`~plynx.model.run.ArtifactRef`.

With a node user (``--node-user``, the worker runs as root) the node owns ``work/`` and its
outputs only: the attempt directory, ``inputs/`` and ``outputs/`` stay the worker's (0711), so
the node can neither replace an output by a link to a file it may not read nor plant one
where the worker writes. A file output is handed back to the worker before it is hashed; a
directory output is packed with the node user's file-system identity (``setfsuid``), so that
a link inside it reaches nothing the node user could not read itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import fcntl
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from plynx.errors import ArtifactError, InvalidInput
from plynx.model import ResourceType
from plynx.model.operation import Output
from plynx.model.parameters import NAME_PATTERN
from plynx.model.run import ArtifactRef
from plynx.worker.artifact_cache import ArtifactCache, hash_file
from plynx.worker.config import NodeUser

if TYPE_CHECKING:
    from plynx.artifacts.archive import UnpackLimits

__all__ = ["WorkDir", "Workspace", "WorkspacePool", "safe_filename"]

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_NAME_RE = re.compile(NAME_PATTERN)


def safe_filename(name: str, fallback: str) -> str:
    """A file name made of safe characters only, from an artifact's (untrusted) name."""
    cleaned = _UNSAFE.sub("_", name.rsplit("/", 1)[-1]).lstrip(".")[:100]
    return cleaned or fallback


def _port(name: str) -> str:
    if not _NAME_RE.match(name):
        raise InvalidInput(f"{name!r} is not a valid port name")
    return name


def _check_output(output: Output, path: Path) -> bool:
    """Whether ``path`` is a directory output; :class:`ArtifactError` if it is not what the
    output declares any more (deleted, or a file where a directory was expected)."""
    is_dir = output.type == ResourceType.DIRECTORY
    if not (path.is_dir() if is_dir else path.is_file()):
        expected = "a directory" if is_dir else "a file"
        raise ArtifactError(f"output {output.name!r} is not {expected} any more at {path}")
    return is_dir


def _as_user(owner: NodeUser, function: Callable[[], None]) -> None:
    """Run ``function`` in this thread with ``owner``'s file-system identity (Linux
    ``setfsuid``: it applies to the calling thread only)."""
    libc = ctypes.CDLL(None, use_errno=True)
    uid, gid = os.geteuid(), os.getegid()
    libc.setfsgid(owner.gid)
    libc.setfsuid(owner.uid)
    try:
        function()
    finally:
        libc.setfsuid(uid)
        libc.setfsgid(gid)


class Workspace:
    """One attempt's directory (get one from a :class:`WorkspacePool`); ``owner``: the node
    user, if nodes run as another user; ``unpack_limits``: how much a directory input may
    unpack to."""

    def __init__(
        self,
        path: Path,
        owner: NodeUser | None = None,
        unpack_limits: UnpackLimits | None = None,
    ) -> None:
        self.path = path
        self.owner = owner
        self.unpack_limits = unpack_limits
        self.work = path / "work"
        self._inputs = path / "inputs"
        self._outputs = path / "outputs"
        self._files: list[Path] = []  # what this attempt created in inputs/ and outputs/
        self._directories = False  # whether a directory input or output may hold a big tree

    @classmethod
    def create(
        cls,
        root: Path,
        owner: NodeUser | None = None,
        unpack_limits: UnpackLimits | None = None,
    ) -> Workspace:
        """A new, empty workspace under ``root``."""
        path = Path(tempfile.mkdtemp(prefix="a", dir=root))
        for sub in ("work", "inputs", "outputs"):
            os.mkdir(path / sub, 0o711)
        if owner is not None:
            path.chmod(0o711)
            os.chown(path / "work", owner.uid, owner.gid)
        return cls(path, owner, unpack_limits)

    async def inputs(
        self,
        inputs: Mapping[str, Sequence[ArtifactRef]],
        cache: ArtifactCache,
    ) -> dict[str, list[Path]]:
        """Materialise every input; return their paths by input name, in edge order."""
        paths: dict[str, list[Path]] = {}
        jobs = []
        for name, refs in inputs.items():
            paths[_port(name)] = []
            for index, ref in enumerate(refs):
                dest = self._inputs / f"{name}.{index}.{safe_filename(ref.name, name)}"
                paths[name].append(dest)
                jobs.append(self._materialise(ref, dest, cache))
        if len(jobs) == 1:
            await jobs[0]
        elif jobs:
            await asyncio.gather(*jobs)
        return paths

    async def _materialise(self, ref: ArtifactRef, dest: Path, cache: ArtifactCache) -> None:
        cached = await cache.get(ref.sha256)
        if ref.type == ResourceType.DIRECTORY:
            self._directories = True
            from plynx.artifacts.archive import unpack_archive

            await asyncio.to_thread(unpack_archive, cached, dest, limits=self.unpack_limits)
            return
        self._files.append(dest)
        try:
            os.link(cached, dest)
        except OSError:  # another file system
            await asyncio.to_thread(shutil.copyfile, cached, dest)

    def outputs(self, outputs: Sequence[Output]) -> dict[str, Path]:
        """Create an empty file (or directory) per output; return their paths."""
        paths: dict[str, Path] = {}
        for output in outputs:
            path = self._outputs / _port(output.name)
            if output.type == ResourceType.DIRECTORY:
                self._directories = True
                path.mkdir()
            else:
                self._files.append(path)
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
            if self.owner is not None:
                os.chown(path, self.owner.uid, self.owner.gid)
            paths[output.name] = path
        return paths

    def metrics_file(self) -> Path:
        """Create the empty file the node appends metric lines to (``$PLYNX_METRICS``),
        writable by the node user; it is outside ``work`` so it is never an output."""
        path = self.path / "metrics.jsonl"
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644))
        if self.owner is not None:
            os.chown(path, self.owner.uid, self.owner.gid)
        return path

    async def collect(
        self, outputs: Sequence[Output], paths: Mapping[str, Path], cache: ArtifactCache
    ) -> dict[str, list[ArtifactRef]]:
        """Hash, cache and upload every output; return their references by output name."""
        jobs = [self._collect(output, paths[output.name], cache) for output in outputs]
        refs = [await jobs[0]] if len(jobs) == 1 else list(await asyncio.gather(*jobs))
        return {output.name: [ref] for output, ref in zip(outputs, refs, strict=True)}

    async def _collect(self, output: Output, path: Path, cache: ArtifactCache) -> ArtifactRef:
        is_dir = _check_output(output, path)
        owner = self.owner
        if is_dir:
            from plynx.artifacts.archive import pack_directory

            packed = self.path / f"{output.name}.tar"
            if owner is None:
                await asyncio.to_thread(pack_directory, path, packed)
            else:  # read the node's tree as the node user; the worker's directory holds the tar
                fd = os.open(packed, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644)
                os.fchown(fd, owner.uid, owner.gid)
                os.close(fd)
                await asyncio.to_thread(_as_user, owner, lambda: pack_directory(path, packed))
                os.chown(packed, os.geteuid(), os.getegid())
            path = packed
        elif owner is not None:  # the worker's file from now on: the node may not change it
            os.chown(path, os.geteuid(), os.getegid())
        sha256, size = await hash_file(path)
        cache.add(path, sha256)
        ref = ArtifactRef(sha256=sha256, size=size, type=output.type, name=output.name)
        await cache.publish(ref)
        return ref

    async def remove(self) -> None:
        """Delete the directory (in a thread when it may hold a big tree)."""
        try:
            small = not self._directories and not os.listdir(self.work)
        except OSError:
            small = False
        if small:
            shutil.rmtree(self.path, ignore_errors=True)
        else:
            await asyncio.to_thread(shutil.rmtree, self.path, True)

    def reset(self) -> bool:
        """Empty the directory for another attempt, if that is cheap (the files the attempt
        created, nothing else in ``work``, ``inputs`` or ``outputs``); ``False`` if it must be
        removed instead."""
        if self._directories:
            return False
        try:
            if os.listdir(self.work):
                return False
            for path in self._files:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(path)
            self._files.clear()
            if os.listdir(self._inputs) or os.listdir(self._outputs):
                return False  # the node left something of its own there
            for entry in os.scandir(self.path):
                if entry.name not in ("work", "inputs", "outputs"):
                    if entry.is_dir(follow_symlinks=False):
                        return False
                    os.unlink(entry.path)
        except OSError:
            return False
        return True


class WorkDir:
    """A worker's work directory: ``cache/`` and ``attempts/``, locked so that no other worker
    uses it (attempt directories a crashed worker left are removed). ``shared``: nodes run as
    another user, who must be able to reach ``attempts/`` (:class:`InvalidInput` if a parent
    directory stops them)."""

    def __init__(self, path: Path, *, shared: bool = False) -> None:
        path.mkdir(parents=True, exist_ok=True)
        if shared:
            path.chmod(0o711)
            for parent in path.parents:
                if not parent.stat().st_mode & stat.S_IXOTH:
                    raise InvalidInput(
                        f"nodes running as another user cannot reach {path}: {parent} is closed "
                        "to other users; choose a --work-dir they can reach"
                    )
        self.cache = path / "cache"
        self.attempts = path / "attempts"
        self._lock = (path / ".lock").open("wb")
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            raise InvalidInput(
                f"another worker uses {path}; give each worker its own --work-dir"
            ) from None
        shutil.rmtree(self.attempts, ignore_errors=True)
        self.attempts.mkdir(0o711 if shared else 0o777)

    def close(self) -> None:
        """Release the lock."""
        self._lock.close()


class WorkspacePool:
    """Attempt directories under ``root``. A directory left clean by its attempt is reused:
    creating and removing directories costs more than running a trivial node."""

    def __init__(
        self,
        root: Path,
        keep: int = 16,
        owner: NodeUser | None = None,
        unpack_limits: UnpackLimits | None = None,
    ) -> None:
        self.root = root
        self.keep = keep
        self.owner = owner
        self.unpack_limits = unpack_limits
        self._free: list[Path] = []
        self._removing: set[asyncio.Task[None]] = set()

    def acquire(self) -> Workspace:
        """A workspace with an empty ``work`` directory."""
        if self._free:
            return Workspace(self._free.pop(), self.owner, self.unpack_limits)
        return Workspace.create(self.root, self.owner, self.unpack_limits)

    def clear(self) -> None:
        """Remove the directories kept for reuse."""
        while self._free:
            shutil.rmtree(self._free.pop(), ignore_errors=True)

    async def release(self, workspace: Workspace) -> None:
        """Give the directory back after the attempt (emptied, or removed)."""
        if len(self._free) < self.keep and workspace.reset():
            self._free.append(workspace.path)
        else:
            await workspace.remove()

    def release_soon(self, workspace: Workspace) -> None:
        """:meth:`release` without waiting for a removal."""
        task = asyncio.ensure_future(self.release(workspace))
        if not task.done():
            self._removing.add(task)
            task.add_done_callback(self._removing.discard)
