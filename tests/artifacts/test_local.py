"""The local directory store: layout, temporary files, and streaming of large artifacts."""

from __future__ import annotations

import tracemalloc
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from plynx.artifacts import CHUNK_SIZE, open_artifact_store
from plynx.artifacts.local import LocalArtifactStore
from plynx.artifacts.remote import FsspecArtifactStore
from plynx.errors import ArtifactError

from .conftest import chunks_of, sha


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


async def test_layout_is_two_hex_digits_then_the_digest(tmp_path: Path) -> None:
    store = LocalArtifactStore(tmp_path / "a")
    digest, _ = await store.put(chunks_of([b"hello"]))
    assert _files(tmp_path / "a") == [f"{digest[:2]}/{digest}"]
    assert store.local_path(digest) == tmp_path / "a" / digest[:2] / digest
    assert store.local_path(sha(b"other")) is None


async def test_a_mismatch_leaves_no_file_behind(tmp_path: Path) -> None:
    store = LocalArtifactStore(tmp_path)
    with pytest.raises(ArtifactError, match="not stored"):
        await store.put(chunks_of([b"abc"] * 1000), expected_sha256=sha(b"abd"))
    assert _files(tmp_path) == []


async def test_a_failed_source_leaves_no_temporary_file(tmp_path: Path) -> None:
    store = LocalArtifactStore(tmp_path)

    async def broken() -> AsyncIterator[bytes]:
        yield b"x" * CHUNK_SIZE
        raise RuntimeError("the client disconnected")

    with pytest.raises(RuntimeError, match="disconnected"):
        await store.put(broken())
    assert _files(tmp_path) == []


async def test_a_directory_that_cannot_be_written_is_an_artifact_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("in the way")
    store = LocalArtifactStore(tmp_path / "file" / "artifacts")
    with pytest.raises(ArtifactError, match="cannot receive an artifact"):
        await store.put(chunks_of([b"x"]))


async def test_a_large_artifact_streams_in_bounded_memory(tmp_path: Path) -> None:
    total = 50 * 1024 * 1024
    count = total // CHUNK_SIZE

    def chunk(i: int) -> bytes:
        return i.to_bytes(4, "big") * (CHUNK_SIZE // 4)

    async def generated() -> AsyncIterator[bytes]:
        for i in range(count):
            yield chunk(i)

    import hashlib

    expected = hashlib.sha256()
    for i in range(count):
        expected.update(chunk(i))

    store = LocalArtifactStore(tmp_path, fsync=False)
    tracemalloc.start()
    try:
        digest, size = await store.put(generated(), expected_sha256=expected.hexdigest())
        _, put_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        check = hashlib.sha256()
        received = 0
        async for part in store.read(digest):
            check.update(part)
            received += len(part)
        _, read_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (digest, size, received) == (expected.hexdigest(), total, total)
    assert check.hexdigest() == digest
    # A few chunks at most are alive at once, not the 50 MB.
    assert put_peak < 8 * CHUNK_SIZE, put_peak
    assert read_peak < 8 * CHUNK_SIZE, read_peak


def test_urls_choose_the_store(tmp_path: Path) -> None:
    assert isinstance(open_artifact_store(str(tmp_path)), LocalArtifactStore)
    local = open_artifact_store(f"file://{tmp_path}")
    assert isinstance(local, LocalArtifactStore) and local.directory == tmp_path
    assert isinstance(open_artifact_store("memory://bucket/x"), FsspecArtifactStore)
