"""The worker's local artifact cache.

Artifacts are immutable and named by their sha256, so a worker keeps every artifact it has
downloaded or produced under ``<root>/<sha[:2]>/<sha>`` (read-only) and hands inputs to nodes as
hard links to those files. Each artifact is downloaded at most once, even when several
attempts want it at the same time, and its hash is verified while it streams in. Outputs a
node produced are linked into the cache too, so a downstream node on the same worker never
downloads them.

A cached file is trusted while its size and mtime are what they were when it was verified; a
node that modified its input in place (possible as root, despite the read-only mode) makes
the cache verify it again.

Uploads are skipped when the server is known to have the artifact already (it was
downloaded from or uploaded to it recently); large files are checked with ``HEAD`` first.
The HTTP side is :class:`~plynx.worker.artifact_client.ArtifactClient`.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

from plynx.artifacts.base import CHUNK_SIZE, check_sha256
from plynx.errors import ArtifactError
from plynx.model.run import ArtifactRef
from plynx.worker.artifact_client import SMALL_FILE, ArtifactClient

__all__ = ["ArtifactCache", "hash_file"]

logger = logging.getLogger(__name__)
T = TypeVar("T")
#: How long the server is assumed to still have an artifact it was seen with.
_KNOWN_TTL = 600.0
_KNOWN_MAX = 100_000


def _hash_path(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK_SIZE):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _is_small(path: Path) -> bool:
    return path.stat().st_size <= SMALL_FILE


async def hash_file(path: Path) -> tuple[str, int]:
    """``(sha256, size)`` of a file; large files are hashed in a thread."""
    if _is_small(path):
        return _hash_path(path)
    return await asyncio.to_thread(_hash_path, path)


class ArtifactCache:
    """Artifacts on this machine, by sha256, shared by all attempts of a worker."""

    def __init__(self, root: Path, client: ArtifactClient | None) -> None:
        self.root = root
        self.client = client
        self._tmp = root / "tmp"
        self._tmp.mkdir(parents=True, exist_ok=True)
        self._verified: dict[str, tuple[int, int]] = {}  # sha -> (size, mtime_ns)
        self._fetching: dict[str, asyncio.Task[Path]] = {}
        self._uploading: dict[str, asyncio.Task[None]] = {}
        self._remote: dict[str, float] = {}  # sha -> when the server was seen with it
        self._counter = 0

    def path(self, sha256: str) -> Path:
        """Where the artifact lives in the cache (it may not be there)."""
        check_sha256(sha256)
        return self.root / sha256[:2] / sha256

    def _trusted(self, sha256: str, path: Path) -> bool:
        expected = self._verified.get(sha256)
        if expected is None:
            return False
        try:
            st = path.stat()
        except FileNotFoundError:
            return False
        return (st.st_size, st.st_mtime_ns) == expected

    def _record(self, sha256: str, path: Path) -> None:
        path.chmod(0o444)
        st = path.stat()
        self._verified[sha256] = (st.st_size, st.st_mtime_ns)

    def _temp_path(self) -> Path:
        self._counter += 1
        return self._tmp / f"{os.getpid()}-{self._counter}"

    async def get(self, sha256: str) -> Path:
        """The local path of a verified copy of the artifact (downloaded if needed)."""
        path = self.path(sha256)
        if self._trusted(sha256, path):
            return path
        return await self._shared(self._fetching, sha256, lambda: self._fetch(sha256, path))

    async def _shared(
        self, tasks: dict[str, asyncio.Task[T]], key: str, make: Callable[[], Awaitable[T]]
    ) -> T:
        """Run ``make()`` once for every concurrent caller with the same ``key``."""
        task = tasks.get(key)
        if task is None:

            async def run() -> T:
                try:
                    return await make()
                finally:
                    tasks.pop(key, None)

            task = asyncio.ensure_future(run())
            tasks[key] = task
        return await asyncio.shield(task)

    async def _fetch(self, sha256: str, path: Path) -> Path:
        if path.is_file():  # noqa: ASYNC240 - left by an earlier run: verify it first
            actual, _ = await hash_file(path)
            if actual == sha256:
                self._record(sha256, path)
                return path
            logger.warning("cached artifact %s was modified; downloading it again", sha256)
            os.unlink(path)
        if self.client is None:
            raise ArtifactError(f"artifact {sha256} is not in the local cache")
        started = time.monotonic()
        tmp = self._temp_path()
        try:
            size = await self.client.download(sha256, tmp)
            path.parent.mkdir(exist_ok=True)
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        self._record(sha256, path)
        self._seen_remote(sha256)
        logger.debug(
            "artifact %s downloaded (%d bytes in %.3fs)", sha256, size, time.monotonic() - started
        )
        return path

    def add(self, source: Path, sha256: str) -> Path:
        """Keep a file a node produced (hard-linked when possible, else copied); return its
        path in the cache. ``source`` must hash to ``sha256``."""
        path = self.path(sha256)
        if self._trusted(sha256, path):
            return path
        path.parent.mkdir(exist_ok=True)
        tmp = self._temp_path()
        try:
            os.link(source, tmp)
        except OSError:  # another file system
            import shutil

            shutil.copyfile(source, tmp)
        os.replace(tmp, path)
        self._record(sha256, path)
        return path

    def _seen_remote(self, sha256: str) -> None:
        if len(self._remote) >= _KNOWN_MAX:
            self._remote.clear()
        self._remote[sha256] = time.monotonic()

    def _known_remote(self, sha256: str) -> bool:
        seen = self._remote.get(sha256)
        return seen is not None and time.monotonic() - seen < _KNOWN_TTL

    async def publish(self, ref: ArtifactRef) -> None:
        """Make sure the server has the cached artifact ``ref``."""
        if self._known_remote(ref.sha256):
            return
        await self._shared(self._uploading, ref.sha256, lambda: self._upload(ref))

    async def _upload(self, ref: ArtifactRef) -> None:
        if self.client is None:
            return
        if ref.size > SMALL_FILE and await self.client.exists(ref.sha256):
            self._seen_remote(ref.sha256)
            return
        await self.client.upload(self.path(ref.sha256), ref)
        self._seen_remote(ref.sha256)
