"""Artifacts in a local directory: ``<directory>/<sha[:2]>/<sha>``.

A write streams into ``<directory>/tmp/`` while hashing, is verified, synced, and only then
renamed into place (``os.replace`` is atomic), so a reader sees a whole, verified artifact or
nothing. Paths are built only from digests that passed :func:`check_sha256`.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiofiles
import aiofiles.os

from plynx.artifacts.base import CHUNK_SIZE, ArtifactStore, check_sha256
from plynx.errors import ArtifactError

__all__ = ["LocalArtifactStore"]


def _check_range(offset: int, length: int | None) -> None:
    if offset < 0 or (length is not None and length < 0):
        raise ArtifactError(f"offset ({offset}) and length ({length}) must not be negative")


class LocalArtifactStore(ArtifactStore):
    """Content-addressed files under ``directory``. ``fsync`` makes a stored artifact survive a
    power loss (turn it off only for throwaway stores)."""

    def __init__(self, directory: Path | str, *, fsync: bool = True) -> None:
        self.directory = Path(directory)
        self.fsync = fsync
        self._tmp = self.directory / "tmp"

    def __repr__(self) -> str:
        return f"LocalArtifactStore({str(self.directory)!r})"

    def path(self, sha256: str) -> Path:
        """Where the artifact ``sha256`` lives (whether or not it is stored)."""
        check_sha256(sha256)
        return self.directory / sha256[:2] / sha256

    async def open(self) -> None:
        """Create the directory (and its ``tmp/``)."""
        await aiofiles.os.makedirs(self._tmp, exist_ok=True)

    async def exists(self, sha256: str) -> bool:
        """Whether the artifact is stored."""
        return bool(await aiofiles.os.path.isfile(self.path(sha256)))

    async def size(self, sha256: str) -> int:
        """Size in bytes; :class:`ArtifactError` if missing."""
        path = self.path(sha256)
        try:
            return (await aiofiles.os.stat(path)).st_size
        except FileNotFoundError as exc:
            raise ArtifactError(f"artifact {sha256} is not stored") from exc

    async def delete(self, sha256: str) -> bool:
        """Remove the artifact's file; ``False`` if it was not stored."""
        try:
            await aiofiles.os.remove(self.path(sha256))
        except FileNotFoundError:
            return False
        return True

    def local_path(self, sha256: str) -> Path | None:
        """The file holding the artifact, or ``None`` if it is not stored."""
        path = self.path(sha256)
        return path if path.is_file() else None

    async def put(
        self, chunks: AsyncIterator[bytes], expected_sha256: str | None = None
    ) -> tuple[str, int]:
        """Stream ``chunks`` to a temporary file, verify, then move it into place."""
        if expected_sha256 is not None:
            check_sha256(expected_sha256)
        tmp = self._tmp / f"{uuid.uuid4().hex}.part"
        hasher = hashlib.sha256()
        size = 0
        try:
            with self._failing("receive an artifact"):
                await self.open()
                handle = await aiofiles.open(tmp, "wb")
            try:
                # Errors of the source (a client going away) pass through untranslated.
                async for chunk in chunks:
                    hasher.update(chunk)
                    size += len(chunk)
                    with self._failing("receive an artifact"):
                        await handle.write(chunk)
                with self._failing("receive an artifact"):
                    await handle.flush()
                    if self.fsync:
                        await asyncio.to_thread(os.fsync, handle.fileno())
            finally:
                await handle.close()
            sha256 = hasher.hexdigest()
            if expected_sha256 is not None and sha256 != expected_sha256:
                raise ArtifactError(
                    f"the uploaded content hashes to {sha256}, not to the expected "
                    f"{expected_sha256}: it was not stored"
                )
            final = self.path(sha256)
            with self._failing(f"store artifact {sha256}"):
                if not await aiofiles.os.path.isfile(final):
                    await aiofiles.os.makedirs(final.parent, exist_ok=True)
                    await aiofiles.os.replace(tmp, final)
            # Otherwise it is stored already: content-addressed, so the same bytes.
            return sha256, size
        finally:
            await _remove_quietly(tmp)

    @contextlib.contextmanager
    def _failing(self, doing: str) -> Iterator[None]:
        """Translate ``OSError`` into :class:`ArtifactError`."""
        try:
            yield
        except OSError as exc:
            raise ArtifactError(f"cannot {doing} in {self.directory}: {exc}") from exc

    async def read(
        self, sha256: str, offset: int = 0, length: int | None = None
    ) -> AsyncIterator[bytes]:
        """Yield the artifact's bytes from ``offset`` (at most ``length``) in chunks of at most
        :data:`CHUNK_SIZE`."""
        path = self.path(sha256)
        _check_range(offset, length)
        remaining = length
        try:
            async with aiofiles.open(path, "rb") as handle:
                if offset:
                    await handle.seek(offset)
                while remaining is None or remaining > 0:
                    want = CHUNK_SIZE if remaining is None else min(CHUNK_SIZE, remaining)
                    chunk = await handle.read(want)
                    if not chunk:
                        return
                    if remaining is not None:
                        remaining -= len(chunk)
                    yield chunk
        except FileNotFoundError as exc:
            raise ArtifactError(f"artifact {sha256} is not stored") from exc


async def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):  # gone already, or never created
        await aiofiles.os.remove(path)
