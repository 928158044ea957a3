"""What every :class:`~plynx.artifacts.ArtifactStore` does, local or remote."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from plynx.artifacts import CHUNK_SIZE, ArtifactStore
from plynx.errors import ArtifactError

from .conftest import chunks_of, read_all, sha

DATA = b"".join(bytes([i % 251]) * 1000 for i in range(700))  # 700 kB, several chunks


async def test_put_then_read_back(store: ArtifactStore) -> None:
    digest, size = await store.put(chunks_of([DATA[:1], DATA[1:300_000], DATA[300_000:]]))
    assert (digest, size) == (sha(DATA), len(DATA))
    assert await store.exists(digest)
    assert await store.size(digest) == len(DATA)
    assert await read_all(store, digest) == DATA
    assert all(len(c) <= CHUNK_SIZE for c in [c async for c in store.read(digest)])


async def test_the_expected_hash_is_checked(store: ArtifactStore) -> None:
    assert await store.put(chunks_of([DATA]), expected_sha256=sha(DATA)) == (sha(DATA), len(DATA))
    wrong = sha(b"something else")
    with pytest.raises(ArtifactError, match=r"not to the expected .*: it was not stored"):
        await store.put(chunks_of([b"tampered"]), expected_sha256=wrong)
    assert not await store.exists(wrong)
    assert not await store.exists(sha(b"tampered"))


async def test_storing_twice_is_harmless(store: ArtifactStore) -> None:
    first = await store.put(chunks_of([b"same bytes"]))
    second = await store.put(chunks_of([b"same ", b"bytes"]))
    concurrent = await asyncio.gather(*(store.put(chunks_of([b"same bytes"])) for _ in range(5)))
    assert {first, second, *concurrent} == {(sha(b"same bytes"), 10)}
    assert await read_all(store, first[0]) == b"same bytes"


async def test_a_deleted_artifact_is_gone_and_can_come_back(store: ArtifactStore) -> None:
    digest, _ = await store.put(chunks_of([b"short-lived"]))
    assert await store.delete(digest)
    assert not await store.exists(digest)
    assert not await store.delete(digest)
    with pytest.raises(ArtifactError):
        await read_all(store, digest)
    assert await store.put(chunks_of([b"short-lived"])) == (digest, 11)
    assert await read_all(store, digest) == b"short-lived"


async def test_empty_artifact(store: ArtifactStore) -> None:
    digest, size = await store.put(chunks_of([]))
    assert (digest, size) == (sha(b""), 0)
    assert await read_all(store, digest) == b""


@pytest.mark.parametrize(
    "offset, length",
    [
        (0, None),
        (10, None),
        (0, 5),
        (CHUNK_SIZE - 3, 10),
        (300_000, 400_000),
        (699_990, 100),
        (len(DATA), None),
        (len(DATA) + 5, 10),
        (5, 0),
    ],
)
async def test_ranges(store: ArtifactStore, offset: int, length: int | None) -> None:
    digest, _ = await store.put(chunks_of([DATA]))
    end = None if length is None else offset + length
    assert await read_all(store, digest, offset, length) == DATA[offset:end]


async def test_read_head(store: ArtifactStore) -> None:
    digest, _ = await store.put(chunks_of([DATA]))
    assert await store.read_head(digest, 100) == DATA[:100]


async def test_put_file(store: ArtifactStore, tmp_path: Path) -> None:
    path = tmp_path / "input.bin"
    path.write_bytes(DATA)
    assert await store.put_file(path) == (sha(DATA), len(DATA))


async def test_missing_artifacts_are_artifact_errors(store: ArtifactStore) -> None:
    missing = sha(b"never stored")
    assert not await store.exists(missing)
    with pytest.raises(ArtifactError, match="not stored"):
        await store.size(missing)
    with pytest.raises(ArtifactError, match="not stored"):
        await read_all(store, missing)


@pytest.mark.parametrize(
    "bad", ["../../etc/passwd", "A" * 64, "0" * 63, "0" * 64 + "/x", "", "/" + "0" * 63]
)
async def test_only_hex_digests_name_artifacts(store: ArtifactStore, bad: str) -> None:
    with pytest.raises(ArtifactError, match="not a sha256"):
        await store.exists(bad)
    with pytest.raises(ArtifactError, match="not a sha256"):
        await read_all(store, bad)
    with pytest.raises(ArtifactError, match="not a sha256"):
        await store.put(chunks_of([b"x"]), expected_sha256=bad)


async def test_a_failing_upload_stores_nothing(store: ArtifactStore) -> None:
    async def broken() -> AsyncIterator[bytes]:
        yield b"first part"
        raise ConnectionResetError("client went away")

    with pytest.raises(ConnectionResetError):
        await store.put(broken())
    assert not await store.exists(sha(b"first part"))


async def test_an_artifact_is_invisible_until_verified(store: ArtifactStore) -> None:
    release = asyncio.Event()
    halfway = asyncio.Event()

    async def slow() -> AsyncIterator[bytes]:
        yield DATA[:1000]
        halfway.set()
        await release.wait()
        yield DATA[1000:]

    upload = asyncio.create_task(store.put(slow(), expected_sha256=sha(DATA)))
    await halfway.wait()
    assert not await store.exists(sha(DATA))
    release.set()
    assert await upload == (sha(DATA), len(DATA))
    assert await store.exists(sha(DATA))


async def test_negative_ranges_are_refused(store: ArtifactStore) -> None:
    digest, _ = await store.put(chunks_of([b"abc"]))
    with pytest.raises(ArtifactError):
        await read_all(store, digest, -1)
    with pytest.raises(ArtifactError):
        await read_all(store, digest, 0, -1)
