"""The fsspec store, on fsspec's in-memory file system."""

from __future__ import annotations

import fsspec
import pytest

from plynx.artifacts.remote import FsspecArtifactStore
from plynx.errors import ArtifactError

from .conftest import chunks_of, sha


async def test_layout_and_no_leftovers(memory_url: str) -> None:
    store = FsspecArtifactStore(memory_url)
    digest, _ = await store.put(chunks_of([b"hello ", b"world"]))
    with pytest.raises(ArtifactError):
        await store.put(chunks_of([b"bad"]), expected_sha256=sha(b"good"))
    fs = fsspec.filesystem("memory")
    keys = sorted(fs.find(store.root))
    assert keys == [f"{store.root}/{digest[:2]}/{digest}"]
    assert fs.cat(keys[0]) == b"hello world"


async def test_an_existing_artifact_is_not_written_again(memory_url: str) -> None:
    store = FsspecArtifactStore(memory_url)
    digest, _ = await store.put(chunks_of([b"once"]))
    modified = fsspec.filesystem("memory").info(store.key(digest))
    await store.put(chunks_of([b"once"]))
    assert fsspec.filesystem("memory").info(store.key(digest)) == modified


def test_an_unknown_protocol_says_what_to_install() -> None:
    with pytest.raises(ArtifactError, match="s3fs"):
        FsspecArtifactStore("nosuchproto://bucket/x")
