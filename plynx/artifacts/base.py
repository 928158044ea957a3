"""The :class:`ArtifactStore` ABC: immutable bytes addressed by their sha256.

Nothing loads a whole artifact into memory: writes take an async iterator of chunks and
verify the hash before the artifact becomes visible; reads yield chunks. No path is ever built
from anything but a validated hex digest (:func:`check_sha256`).
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator
from pathlib import Path

from plynx.errors import ArtifactError

__all__ = ["CHUNK_SIZE", "ArtifactStore", "check_sha256"]

CHUNK_SIZE = 256 * 1024
_SHA256_RE = re.compile(r"^[0-9a-f]{64}$")


def check_sha256(value: str) -> str:
    """``value`` if it is a lowercase hex sha256, else :class:`ArtifactError`."""
    if not _SHA256_RE.match(value):
        raise ArtifactError(f"{value[:80]!r} is not a sha256 (64 lowercase hex digits)")
    return value


class ArtifactStore(ABC):
    """Content-addressed blob storage (local directory, or any fsspec URL)."""

    async def open(self) -> None:
        """Prepare the storage (create directories, connect)."""

    async def close(self) -> None:
        """Release resources."""

    @abstractmethod
    async def exists(self, sha256: str) -> bool:
        """Whether the artifact is stored."""

    @abstractmethod
    async def size(self, sha256: str) -> int:
        """Size in bytes; :class:`ArtifactError` if missing."""

    @abstractmethod
    async def put(
        self, chunks: AsyncIterator[bytes], expected_sha256: str | None = None
    ) -> tuple[str, int]:
        """Store the bytes from ``chunks``; return ``(sha256, size)``. With ``expected_sha256``
        the content must hash to it, else :class:`ArtifactError` and nothing is stored.
        Storing an artifact that exists is cheap and harmless."""

    @abstractmethod
    async def delete(self, sha256: str) -> bool:
        """Remove the artifact; ``False`` if it was not stored."""

    @abstractmethod
    def read(self, sha256: str, offset: int = 0, length: int | None = None) -> AsyncIterator[bytes]:
        """Yield the artifact's bytes (from ``offset``, at most ``length``) in chunks."""

    def local_path(self, sha256: str) -> Path | None:
        """A path on this machine holding the artifact, when the backend has one (lets the server
        use sendfile). ``None`` otherwise."""
        return None

    async def put_file(self, path: Path, expected_sha256: str | None = None) -> tuple[str, int]:
        """Store a local file (streamed)."""
        import aiofiles

        async def chunks() -> AsyncIterator[bytes]:
            async with aiofiles.open(path, "rb") as handle:
                while chunk := await handle.read(CHUNK_SIZE):
                    yield chunk

        return await self.put(chunks(), expected_sha256)

    async def read_head(self, sha256: str, limit: int) -> bytes:
        """At most the first ``limit`` bytes (for previews)."""
        parts: list[bytes] = []
        async for chunk in self.read(sha256, 0, limit):
            parts.append(chunk)
        return b"".join(parts)
