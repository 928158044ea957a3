"""Directories as tar archives: deterministic packing, safe unpacking, listing."""

from __future__ import annotations

import hashlib
import io
import os
import tarfile
from pathlib import Path
from typing import Any

import pytest

from plynx.artifacts.archive import (
    ArchiveEntry,
    UnpackLimits,
    list_archive,
    pack_directory,
    unpack_archive,
)
from plynx.errors import ArtifactError


def make_tree(root: Path) -> None:
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "empty").mkdir()
    (root / "b.txt").write_text("bee")
    (root / "a.csv").write_text("x,y\n1,2\n")
    (root / "sub" / "run.sh").write_text("#!/bin/sh\necho hi\n")
    (root / "sub" / "run.sh").chmod(0o700)
    (root / "sub" / "deeper" / "data.bin").write_bytes(bytes(range(256)) * 40)
    (root / "sub" / "link").symlink_to("run.sh")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_same_content_gives_the_same_archive(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    make_tree(one)
    os.umask(old := os.umask(0o077))  # a different umask and later times for the second tree
    try:
        make_tree(two)
    finally:
        os.umask(old)
    os.utime(two / "b.txt", (1_000_000, 1_000_000))
    pack_directory(one, tmp_path / "one.tar")
    pack_directory(two, tmp_path / "two.tar")
    assert digest(tmp_path / "one.tar") == digest(tmp_path / "two.tar")
    (two / "b.txt").write_text("changed")
    pack_directory(two, tmp_path / "two.tar")
    assert digest(tmp_path / "one.tar") != digest(tmp_path / "two.tar")


def test_entries_are_sorted_and_anonymous(tmp_path: Path) -> None:
    make_tree(tmp_path / "src")
    pack_directory(tmp_path / "src", tmp_path / "out.tar")
    with tarfile.open(tmp_path / "out.tar") as tar:
        members = tar.getmembers()
    names = [m.name for m in members]
    assert names == [
        "a.csv",
        "b.txt",
        "empty",
        "sub",
        "sub/deeper",
        "sub/deeper/data.bin",
        "sub/link",
        "sub/run.sh",
    ]
    assert {(m.mtime, m.uid, m.gid, m.uname, m.gname) for m in members} == {(0, 0, 0, "", "")}
    modes = {m.name: m.mode for m in members}
    assert modes["sub/run.sh"] == 0o755 and modes["a.csv"] == 0o644 and modes["sub"] == 0o755


def test_round_trip(tmp_path: Path) -> None:
    make_tree(tmp_path / "src")
    pack_directory(tmp_path / "src", tmp_path / "out.tar")
    unpack_archive(tmp_path / "out.tar", tmp_path / "dest")
    dest = tmp_path / "dest"
    assert (dest / "b.txt").read_text() == "bee"
    assert (dest / "sub" / "deeper" / "data.bin").read_bytes() == bytes(range(256)) * 40
    assert (dest / "empty").is_dir()
    assert os.readlink(dest / "sub" / "link") == "run.sh"
    assert os.access(dest / "sub" / "run.sh", os.X_OK)


def test_a_link_to_a_file_outside_is_stored_as_the_file(tmp_path: Path) -> None:
    (tmp_path / "outside.txt").write_text("input data")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "copy").symlink_to(tmp_path / "outside.txt")
    pack_directory(tmp_path / "src", tmp_path / "out.tar")
    unpack_archive(tmp_path / "out.tar", tmp_path / "dest")
    assert not (tmp_path / "dest" / "copy").is_symlink()
    assert (tmp_path / "dest" / "copy").read_text() == "input data"


def test_a_link_to_a_directory_outside_is_refused(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "etc").symlink_to("/etc")
    with pytest.raises(ArtifactError, match="etc"):
        pack_directory(tmp_path / "src", tmp_path / "out.tar")


def test_packing_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    with pytest.raises(ArtifactError, match="not a directory"):
        pack_directory(tmp_path / "f", tmp_path / "out.tar")


def _archive(path: Path, *members: tuple[tarfile.TarInfo, bytes]) -> Path:
    with tarfile.open(path, "w") as tar:
        for info, data in members:
            info.size = len(data) if info.isfile() else 0
            tar.addfile(info, io.BytesIO(data) if info.isfile() else None)
    return path


def _info(name: str, type: bytes = tarfile.REGTYPE, linkname: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = type
    info.linkname = linkname
    info.mode = 0o644
    return info


UNSAFE = {
    "absolute": [(_info("/tmp/plynx-evil"), b"x")],
    "dot-dot": [(_info("../evil"), b"x")],
    "nested dot-dot": [(_info("a/../../evil"), b"x")],
    "absolute symlink": [(_info("link", tarfile.SYMTYPE, "/etc/passwd"), b"")],
    "symlink outside": [(_info("link", tarfile.SYMTYPE, "../../outside"), b"")],
    "hard link outside": [(_info("link", tarfile.LNKTYPE, "../outside"), b"")],
    "through a link": [
        (_info("sub", tarfile.SYMTYPE, ".."), b""),
        (_info("sub/evil"), b"x"),
    ],
    "device": [(_info("dev", tarfile.CHRTYPE), b"")],
    "fifo": [(_info("fifo", tarfile.FIFOTYPE), b"")],
}


@pytest.mark.parametrize("use_data_filter", [True, False], ids=["data-filter", "own-check"])
@pytest.mark.parametrize("case", list(UNSAFE))
def test_unsafe_archives_are_refused(tmp_path: Path, case: str, use_data_filter: bool) -> None:
    if use_data_filter and not hasattr(tarfile, "data_filter"):
        pytest.skip("this Python has no tarfile data filter")
    archive = _archive(tmp_path / "evil.tar", *UNSAFE[case])
    dest = tmp_path / "a" / "b" / "dest"
    with pytest.raises(ArtifactError):
        unpack_archive(archive, dest, use_data_filter=use_data_filter)
    assert not (tmp_path / "a" / "b" / "evil").exists()
    assert not (tmp_path / "a" / "evil").exists()


@pytest.mark.parametrize("use_data_filter", [True, False], ids=["data-filter", "own-check"])
def test_safe_archives_unpack_with_either_check(tmp_path: Path, use_data_filter: bool) -> None:
    if use_data_filter and not hasattr(tarfile, "data_filter"):
        pytest.skip("this Python has no tarfile data filter")
    setuid = _info("tool")
    setuid.mode = 0o4777
    archive = _archive(
        tmp_path / "ok.tar",
        (_info("dir", tarfile.DIRTYPE), b""),
        (_info("dir/file"), b"data"),
        (_info("dir/link", tarfile.SYMTYPE, "file"), b""),
        (_info("dir/hard", tarfile.LNKTYPE, "dir/file"), b""),
        (setuid, b"#!/bin/sh\n"),
    )
    unpack_archive(archive, tmp_path / "dest", use_data_filter=use_data_filter)
    assert (tmp_path / "dest" / "dir" / "link").read_text() == "data"
    assert (tmp_path / "dest" / "dir" / "hard").read_text() == "data"
    mode = (tmp_path / "dest" / "tool").stat().st_mode
    assert not mode & 0o4000 and not mode & 0o022


def test_a_corrupt_archive_is_an_artifact_error(tmp_path: Path) -> None:
    (tmp_path / "bad.tar").write_bytes(b"not a tar at all" * 100)
    with pytest.raises(ArtifactError):
        unpack_archive(tmp_path / "bad.tar", tmp_path / "dest")
    with pytest.raises(ArtifactError):
        list_archive(tmp_path / "bad.tar", 10)


def test_listing_stops_at_the_limit(tmp_path: Path) -> None:
    make_tree(tmp_path / "src")
    pack_directory(tmp_path / "src", tmp_path / "out.tar")
    listing = list_archive(tmp_path / "out.tar", 3)
    assert not listing.complete
    assert listing.entries == [
        ArchiveEntry("a.csv", 8, False),
        ArchiveEntry("b.txt", 3, False),
        ArchiveEntry("empty", 0, True),
    ]
    listing = list_archive(tmp_path / "out.tar", 100)
    assert len(listing.entries) == 8 and listing.complete


def test_listing_a_cut_off_archive_lists_what_is_there(tmp_path: Path) -> None:
    make_tree(tmp_path / "src")
    pack_directory(tmp_path / "src", tmp_path / "out.tar")
    head = (tmp_path / "out.tar").read_bytes()[:3000]
    listing = list_archive(io.BytesIO(head), 100)
    assert not listing.complete
    names = [e.path for e in listing.entries]
    assert names[:2] == ["a.csv", "b.txt"] and len(names) < 8


def _gzip_tar(path: Path, files: list[tuple[str, int]]) -> Path:
    """A .tar.gz of files of zeros, written without holding them in memory."""
    with tarfile.open(path, "w:gz", compresslevel=9) as tar:
        for name, size in files:
            info = tarfile.TarInfo(name)
            info.size = size
            tar.addfile(info, _Zeros(size))
    return path


class _Zeros(io.RawIOBase):
    def __init__(self, size: int) -> None:
        self.left = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = min(len(buffer), self.left)
        buffer[:n] = bytes(n)
        self.left -= n
        return n


def test_a_decompression_bomb_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    bomb = _gzip_tar(tmp_path / "bomb.tar.gz", [("small", 10), ("zeros", 64 * 1024**2)])
    assert bomb.stat().st_size < 200 * 1024
    dest = tmp_path / "dest"
    with pytest.raises(ArtifactError, match=r"times its size .*'zeros'"):
        unpack_archive(bomb, dest)
    assert list(dest.iterdir()) == []
    # an honest archive of the same content is fine when the limits allow it
    unpack_archive(bomb, dest, limits=UnpackLimits(max_ratio=10_000))
    assert (dest / "zeros").stat().st_size == 64 * 1024**2


def test_unpack_limits_on_bytes_and_entries(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for i in range(12):
        (src / f"f{i:02d}").write_bytes(b"x" * 100)
    pack_directory(src, tmp_path / "out.tar")
    with pytest.raises(ArtifactError, match=r"more than 10 entries.*max_unpack_entries"):
        unpack_archive(tmp_path / "out.tar", tmp_path / "a", limits=UnpackLimits(max_entries=10))
    with pytest.raises(ArtifactError, match=r"more than 1000 bytes.*max_unpack_bytes"):
        unpack_archive(tmp_path / "out.tar", tmp_path / "b", limits=UnpackLimits(max_bytes=1000))
    assert list((tmp_path / "a").iterdir()) == list((tmp_path / "b").iterdir()) == []
    unpack_archive(
        tmp_path / "out.tar", tmp_path / "c", limits=UnpackLimits(max_bytes=1200, max_entries=12)
    )
    assert len(list((tmp_path / "c").iterdir())) == 12


def test_listing_a_compressed_archive_decompresses_no_more_than_its_budget(
    tmp_path: Path,
) -> None:
    archive = _gzip_tar(tmp_path / "big.tar.gz", [("a", 10), ("zeros", 8 * 1024**2), ("z", 1)])
    listing = list_archive(archive, 50, budget=1024**2)
    assert [e.path for e in listing.entries] == ["a", "zeros"]
    assert not listing.complete, "what lies past the budget is not claimed to be absent"
    listing = list_archive(archive, 50, budget=16 * 1024**2)
    assert [e.path for e in listing.entries] == ["a", "zeros", "z"] and listing.complete
