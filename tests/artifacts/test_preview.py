"""Previews of each resource type, from the head of the artifact only."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from plynx.artifacts import ArtifactStore
from plynx.artifacts.archive import pack_directory
from plynx.artifacts.local import LocalArtifactStore
from plynx.artifacts.preview import preview, sniff_image
from plynx.errors import ArtifactError
from plynx.model import ResourceType as T

from .conftest import chunks_of, sha


async def put(store: ArtifactStore, data: bytes) -> str:
    digest, _ = await store.put(chunks_of([data]))
    return digest


async def show(store: ArtifactStore, data: bytes, type: T, **kw: Any) -> dict[str, Any]:
    return await preview(store, await put(store, data), type, **kw)


async def test_csv_table(store: ArtifactStore) -> None:
    data = b'name,count\nalpha,1\n"b, quoted",2\n'
    assert await show(store, data, T.CSV) == {
        "kind": "table",
        "columns": ["name", "count"],
        "rows": [["alpha", "1"], ["b, quoted", "2"]],
        "truncated": False,
    }


async def test_tsv_table_with_a_bom(store: ArtifactStore) -> None:
    result = await show(store, "\ufeffa\tb\n1\t2\n".encode(), T.TSV)
    assert result["columns"] == ["a", "b"] and result["rows"] == [["1", "2"]]


async def test_a_long_table_shows_the_first_rows(store: ArtifactStore) -> None:
    data = b"i,sq\n" + b"".join(f"{i},{i * i}\n".encode() for i in range(100))
    result = await show(store, data, T.CSV, max_rows=10)
    assert result["rows"] == [[str(i), str(i * i)] for i in range(10)]
    assert result["truncated"] is True


async def test_a_huge_table_is_read_only_from_its_head(store: ArtifactStore) -> None:
    data = b"i,text\n" + b"".join(f"{i},{'x' * 50}\n".encode() for i in range(100_000))
    result = await show(store, data, T.CSV, max_bytes=1000, max_rows=1000)
    assert result["truncated"] is True
    assert 0 < len(result["rows"]) < 20
    assert all(row == [str(i), "x" * 50] for i, row in enumerate(result["rows"]))  # no cut row


async def test_json_value(store: ArtifactStore) -> None:
    value = {"a": [1, 2], "b": {"c": None}}
    assert await show(store, json.dumps(value).encode(), T.JSON) == {
        "kind": "json",
        "value": value,
        "truncated": False,
    }


async def test_truncated_json_is_shown_as_text(store: ArtifactStore) -> None:
    data = json.dumps({"items": list(range(10_000))}).encode()
    result = await show(store, data, T.JSON, max_bytes=100)
    assert result == {"kind": "text", "text": data[:100].decode(), "truncated": True}


async def test_invalid_json_is_shown_as_text(store: ArtifactStore) -> None:
    assert await show(store, b"{not json", T.JSON) == {
        "kind": "text",
        "text": "{not json",
        "truncated": False,
    }


async def test_text_head_does_not_split_a_character(store: ArtifactStore) -> None:
    result = await show(store, ("é" * 100).encode(), T.TEXT, max_bytes=51)
    assert result == {"kind": "text", "text": "é" * 25, "truncated": True}


async def test_text(store: ArtifactStore) -> None:
    assert await show(store, b"hello\n", T.TEXT) == {
        "kind": "text",
        "text": "hello\n",
        "truncated": False,
    }
    assert (await show(store, b"plain file", T.FILE))["text"] == "plain file"


async def test_a_binary_file_is_not_shown_as_text(store: ArtifactStore) -> None:
    data = bytes(range(256)) * 10
    assert await show(store, data, T.FILE) == {"kind": "binary", "size": 2560}


@pytest.mark.parametrize("type", [T.PDF, T.EXECUTABLE])
async def test_binary_types(store: ArtifactStore, type: T) -> None:
    assert await show(store, b"%PDF-1.4 ...", type) == {"kind": "binary", "size": 12}


IMAGES = {
    "image/png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 40,
    "image/jpeg": b"\xff\xd8\xff\xe0" + b"\x00" * 40,
    "image/gif": b"GIF89a" + b"\x00" * 40,
    "image/webp": b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 40,
    "image/svg+xml": b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
}


@pytest.mark.parametrize("mime", list(IMAGES))
async def test_images(store: ArtifactStore, mime: str) -> None:
    digest = await put(store, IMAGES[mime])
    assert await preview(store, digest, T.IMAGE) == {
        "kind": "image",
        "url": f"/api/v1/artifacts/{digest}",
        "mime": mime,
    }


def test_sniffing_a_bare_svg() -> None:
    assert sniff_image(b"  <svg viewBox='0 0 1 1'></svg>") == "image/svg+xml"
    assert sniff_image(b"<html><svg/></html>") is None


async def test_an_image_that_is_not_one_is_binary(store: ArtifactStore) -> None:
    assert await show(store, b"MZ\x90\x00 not an image", T.IMAGE) == {"kind": "binary", "size": 17}


async def test_directory_listing(store: ArtifactStore, tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text("aaa")
    (src / "sub" / "b.txt").write_text("bb")
    pack_directory(src, tmp_path / "src.tar")
    result = await show(store, (tmp_path / "src.tar").read_bytes(), T.DIRECTORY)
    assert result == {
        "kind": "directory",
        "entries": [
            {"path": "a.txt", "size": 3, "is_dir": False},
            {"path": "sub", "size": 0, "is_dir": True},
            {"path": "sub/b.txt", "size": 2, "is_dir": False},
        ],
        "truncated": False,
    }


async def test_a_large_directory_lists_the_first_entries(
    store: ArtifactStore, tmp_path: Path
) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for i in range(80):
        (src / f"f{i:03d}").write_bytes(b"x" * 5000)
    pack_directory(src, tmp_path / "src.tar")
    result = await show(store, (tmp_path / "src.tar").read_bytes(), T.DIRECTORY, max_rows=10)
    assert [e["path"] for e in result["entries"]] == [f"f{i:03d}" for i in range(10)]
    assert result["truncated"] is True


class CountingStore(LocalArtifactStore):
    """Counts the bytes read, to show previews never read the whole artifact."""

    bytes_read = 0

    async def read(
        self, sha256: str, offset: int = 0, length: int | None = None
    ) -> AsyncIterator[bytes]:
        async for chunk in super().read(sha256, offset, length):
            self.bytes_read += len(chunk)
            yield chunk


@pytest.mark.parametrize("type", [T.CSV, T.TSV, T.JSON, T.TEXT, T.FILE, T.IMAGE, T.DIRECTORY])
async def test_previews_read_only_the_head(tmp_path: Path, type: T) -> None:
    counting = CountingStore(tmp_path / "store", fsync=False)
    digest = await put(counting, b"0123456789abcdef\n" * 200_000)  # 3.4 MB
    counting.bytes_read = 0
    try:
        await preview(counting, digest, type, max_bytes=64 * 1024)
    except ArtifactError:
        assert type == T.DIRECTORY  # not a tar: a clear error, not a crash
    assert counting.bytes_read <= 64 * 1024


async def test_previewing_a_missing_artifact_is_an_artifact_error(store: ArtifactStore) -> None:
    with pytest.raises(ArtifactError, match="not stored"):
        await preview(store, sha(b"nothing"), T.TEXT)


async def test_deep_or_unrepresentable_json_is_shown_as_text(store: ArtifactStore) -> None:
    deep = b"[" * 5000 + b"]" * 5000
    result = await show(store, deep, T.JSON)
    assert result["kind"] == "text" and result["text"].startswith("[[[")
    assert (await show(store, b"[NaN, 1]", T.JSON))["kind"] == "text"
    assert (await show(store, b"[[[1]]]", T.JSON))["value"] == [[[1]]]


async def test_a_compressed_directory_preview_stops_at_its_budget(
    store: ArtifactStore, tmp_path: Path
) -> None:
    import io
    import tarfile

    with tarfile.open(tmp_path / "d.tar.gz", "w:gz", compresslevel=1) as tar:
        for name, size in (("first", 10), ("big", 4 * 1024**2), ("after", 5)):
            info = tarfile.TarInfo(name)
            info.size = size
            tar.addfile(info, io.BytesIO(bytes(size)))
    data = (tmp_path / "d.tar.gz").read_bytes()
    result = await show(store, data, T.DIRECTORY, max_bytes=64 * 1024)
    assert [e["path"] for e in result["entries"]] == ["first", "big"]
    assert result["truncated"] is True
