"""Artifacts behind any fsspec URL (``s3://bucket/prefix``, ``gs://…``, ``memory://…``).

fsspec file systems are synchronous, so each blocking call runs in a thread. A write streams
chunk by chunk into ``<root>/tmp/<random>.part`` while hashing, and is moved to
``<root>/<sha[:2]>/<sha>`` only once its hash is verified: readers never see a partial or
wrong artifact. Keys are built only from digests that passed :func:`check_sha256`.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import uuid
from collections.abc import AsyncIterator
from typing import Any

import fsspec

from plynx.artifacts.base import CHUNK_SIZE, ArtifactStore, check_sha256
from plynx.errors import ArtifactError

__all__ = ["FsspecArtifactStore"]


class FsspecArtifactStore(ArtifactStore):
    """Content-addressed objects under an fsspec URL. ``storage_options`` go to the file system
    (credentials, endpoints); they are never shown in ``repr``."""

    def __init__(self, url: str, **storage_options: Any) -> None:
        self.url = url
        try:
            self.fs, root = fsspec.core.url_to_fs(url, **storage_options)
        except (ImportError, ValueError) as exc:
            raise ArtifactError(
                f"cannot use the artifact store {url!r}: {exc} (an s3:// store needs s3fs, "
                "gs:// needs gcsfs)"
            ) from exc
        self.root = str(root).rstrip("/")

    def __repr__(self) -> str:
        return f"FsspecArtifactStore({self.url!r})"

    def key(self, sha256: str) -> str:
        """The object key of the artifact ``sha256``."""
        check_sha256(sha256)
        return f"{self.root}/{sha256[:2]}/{sha256}"

    async def _call(self, doing: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return await asyncio.to_thread(fn, *args, **kwargs)
        except FileNotFoundError:
            raise
        except OSError as exc:
            raise ArtifactError(f"cannot {doing} in {self.url}: {exc}") from exc

    async def exists(self, sha256: str) -> bool:
        """Whether the artifact is stored."""
        key = self.key(sha256)
        self.fs.invalidate_cache(key)  # another process may have stored it meanwhile
        return bool(await self._call("look up an artifact", self.fs.exists, key))

    async def size(self, sha256: str) -> int:
        """Size in bytes; :class:`ArtifactError` if missing."""
        key = self.key(sha256)
        try:
            return int(await self._call("read an artifact's size", self.fs.size, key))
        except FileNotFoundError as exc:
            raise ArtifactError(f"artifact {sha256} is not stored") from exc

    async def put(
        self, chunks: AsyncIterator[bytes], expected_sha256: str | None = None
    ) -> tuple[str, int]:
        """Stream ``chunks`` to a temporary object, verify, then move it into place."""
        if expected_sha256 is not None:
            check_sha256(expected_sha256)
        tmp = f"{self.root}/tmp/{uuid.uuid4().hex}.part"
        hasher = hashlib.sha256()
        size = 0
        written = False
        try:
            await self._call("create a directory", self.fs.makedirs, f"{self.root}/tmp", True)
            handle = await self._call("start an upload", self.fs.open, tmp, "wb")
            written = True
            try:
                async for chunk in chunks:
                    hasher.update(chunk)
                    size += len(chunk)
                    await self._call("upload", handle.write, chunk)
            finally:
                await self._call("finish an upload", handle.close)
            sha256 = hasher.hexdigest()
            if expected_sha256 is not None and sha256 != expected_sha256:
                raise ArtifactError(
                    f"the uploaded content hashes to {sha256}, not to the expected "
                    f"{expected_sha256}: it was not stored"
                )
            if await self.exists(sha256):
                return sha256, size
            final = self.key(sha256)
            await self._call("create a directory", self.fs.makedirs, final.rsplit("/", 1)[0], True)
            await self._call("store an artifact", self.fs.mv, tmp, final)
            written = False
            return sha256, size
        finally:
            if written:
                await self._remove_quietly(tmp)

    async def delete(self, sha256: str) -> bool:
        """Remove the artifact's object; ``False`` if it was not stored."""
        key = self.key(sha256)
        try:
            await self._call("delete an artifact", self.fs.rm, key)
        except FileNotFoundError:
            return False
        return True

    async def _remove_quietly(self, key: str) -> None:
        with contextlib.suppress(OSError, ValueError):  # a leftover is harmless
            await asyncio.to_thread(self.fs.rm, key)

    async def read(
        self, sha256: str, offset: int = 0, length: int | None = None
    ) -> AsyncIterator[bytes]:
        """Yield the artifact's bytes from ``offset`` (at most ``length``) in chunks."""
        key = self.key(sha256)
        if offset < 0 or (length is not None and length < 0):
            raise ArtifactError(f"offset ({offset}) and length ({length}) must not be negative")
        try:
            handle = await self._call("open an artifact", self.fs.open, key, "rb")
        except FileNotFoundError as exc:
            raise ArtifactError(f"artifact {sha256} is not stored") from exc
        try:
            if offset:
                await self._call("read an artifact", handle.seek, offset)
            remaining = length
            while remaining is None or remaining > 0:
                want = CHUNK_SIZE if remaining is None else min(CHUNK_SIZE, remaining)
                chunk = await self._call("read an artifact", handle.read, want)
                if not chunk:
                    return
                if remaining is not None:
                    remaining -= len(chunk)
                yield chunk
        finally:
            await self._call("close an artifact", handle.close)
