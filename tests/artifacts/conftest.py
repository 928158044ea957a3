"""Artifact store fixtures: the same tests run against the local directory store and the fsspec
store (on fsspec's in-memory file system)."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import AsyncIterator, Iterable
from pathlib import Path

import fsspec
import pytest

from plynx.artifacts import ArtifactStore
from plynx.artifacts.local import LocalArtifactStore
from plynx.artifacts.remote import FsspecArtifactStore


def sha(data: bytes) -> str:
    """The sha256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


async def chunks_of(parts: Iterable[bytes]) -> AsyncIterator[bytes]:
    """``parts`` as the async iterator of chunks that :meth:`ArtifactStore.put` takes."""
    for part in parts:
        yield part


async def read_all(
    store: ArtifactStore, sha256: str, offset: int = 0, length: int | None = None
) -> bytes:
    """Everything :meth:`ArtifactStore.read` yields, joined."""
    return b"".join([chunk async for chunk in store.read(sha256, offset, length)])


@pytest.fixture
def memory_url() -> Iterable[str]:
    """A fresh ``memory://`` location, wiped afterwards."""
    root = f"plynx-test-{uuid.uuid4().hex}"
    yield f"memory://{root}/artifacts"
    fs = fsspec.filesystem("memory")
    if fs.exists(f"/{root}"):
        fs.rm(f"/{root}", recursive=True)


@pytest.fixture(params=["local", "memory"])
async def store(
    request: pytest.FixtureRequest, tmp_path: Path, memory_url: str
) -> AsyncIterator[ArtifactStore]:
    """An open artifact store of each kind."""
    opened: ArtifactStore
    if request.param == "local":
        opened = LocalArtifactStore(tmp_path / "artifacts")
    else:
        opened = FsspecArtifactStore(memory_url)
    await opened.open()
    yield opened
    await opened.close()
