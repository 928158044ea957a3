"""The local artifact cache: verified downloads, shared fetches, tampering, uploads."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from plynx.errors import ArtifactError
from plynx.model.run import ArtifactRef
from plynx.worker.artifact_cache import ArtifactCache
from plynx.worker.artifact_client import ArtifactClient

from .fake_server import TOKEN, FakeServer


@pytest.fixture
async def cache(server_url: str, tmp_path: Path) -> AsyncIterator[ArtifactCache]:
    async with aiohttp.ClientSession() as session:
        yield ArtifactCache(tmp_path / "cache", ArtifactClient(session, server_url, TOKEN))


async def test_concurrent_gets_share_one_verified_download(
    fake: FakeServer, cache: ArtifactCache
) -> None:
    sha = fake.add_artifact(b"x" * 3_000_000)
    paths = await asyncio.gather(*(cache.get(sha) for _ in range(5)))
    assert len(set(paths)) == 1 and paths[0].read_bytes() == b"x" * 3_000_000
    assert fake.downloads == [sha]
    assert not paths[0].stat().st_mode & 0o222, "cached artifacts are read-only"
    await cache.get(sha)
    assert fake.downloads == [sha]


async def test_a_corrupted_download_is_refused(fake: FakeServer, cache: ArtifactCache) -> None:
    sha = hashlib.sha256(b"expected").hexdigest()
    fake.artifacts[sha] = b"something else"
    with pytest.raises(ArtifactError, match="arrived corrupted"):
        await cache.get(sha)
    assert not cache.path(sha).exists()
    with pytest.raises(ArtifactError, match="404"):
        await cache.get(hashlib.sha256(b"missing").hexdigest())


async def test_a_modified_cache_file_is_fetched_again(
    fake: FakeServer, cache: ArtifactCache
) -> None:
    sha = fake.add_artifact(b"original\n")
    path = await cache.get(sha)
    path.chmod(0o644)
    with path.open("a") as handle:  # what `echo >> input` by a root node would do
        handle.write("tampered\n")
    again = await cache.get(sha)
    assert again.read_bytes() == b"original\n"
    assert fake.downloads == [sha, sha]


async def test_publish_uploads_once_and_skips_what_the_server_has(
    fake: FakeServer, cache: ArtifactCache, tmp_path: Path
) -> None:
    produced = tmp_path / "out"
    produced.write_bytes(b"result\n")
    sha = hashlib.sha256(b"result\n").hexdigest()
    cache.add(produced, sha)
    ref = ArtifactRef(sha256=sha, size=7, name="out")
    await asyncio.gather(cache.publish(ref), cache.publish(ref))
    await cache.publish(ref)
    assert fake.uploads == [sha] and fake.artifacts[sha] == b"result\n"

    big = tmp_path / "big"
    big.write_bytes(b"y" * 2_000_000)
    big_sha = fake.add_artifact(b"y" * 2_000_000)
    cache.add(big, big_sha)
    await cache.publish(ArtifactRef(sha256=big_sha, size=2_000_000, name="big"))
    assert fake.uploads == [sha], "a large artifact the server has is not sent (HEAD first)"


async def test_a_restarting_server_is_retried(
    fake: FakeServer, cache: ArtifactCache, tmp_path: Path
) -> None:
    sha = fake.add_artifact(b"input\n")
    fake.unavailable = 2
    assert (await cache.get(sha)).read_bytes() == b"input\n"
    produced = tmp_path / "out"
    produced.write_bytes(b"output\n")
    out_sha = hashlib.sha256(b"output\n").hexdigest()
    cache.add(produced, out_sha)
    fake.unavailable = 2
    await cache.publish(ArtifactRef(sha256=out_sha, size=7, name="out"))
    assert fake.artifacts[out_sha] == b"output\n"
