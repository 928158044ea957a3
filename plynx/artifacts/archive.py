"""Directories travel as tar archives.

:func:`pack_directory` is deterministic: the same files give the same bytes, hence the same
sha256 (so a directory output can hit the cache). Entries are sorted, times are 0, owners are
0 without names, and modes are normalised to ``0o755`` (directories, executables) or ``0o644``.
Links inside the directory stay links; a link to a file outside is stored as that file's
content; any other special file is refused.

:func:`unpack_archive` refuses what could write outside its destination: absolute names,
``..``, links pointing outside, devices and fifos; and an archive that would unpack to more
than its :class:`UnpackLimits` (bytes, entries, or bytes per archived byte: a small compressed
archive that unpacks to gigabytes). Every entry is checked before anything is written, and the
check stops reading at the first entry past a limit; extraction then goes through
``tarfile``'s ``data`` filter where the Python has it (3.12, and 3.11.4 on), or checks each
entry again right before writing it otherwise.

:func:`list_archive` reads headers only when it can seek in an uncompressed archive; in a
compressed one it decompresses no more than its ``budget``, and says when it stopped early.

These functions are synchronous and meant to run in a thread (``asyncio.to_thread``).
"""

from __future__ import annotations

import bz2
import contextlib
import copy
import gzip
import io
import lzma
import os
import posixpath
import stat
import tarfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from plynx.errors import ArtifactError

__all__ = [
    "ArchiveEntry",
    "ArchiveListing",
    "UnpackLimits",
    "list_archive",
    "pack_directory",
    "unpack_archive",
]

_GIB = 1024**3


@dataclass(frozen=True)
class UnpackLimits:
    """How much one directory archive may unpack to. ``max_ratio`` bounds the unpacked bytes
    per archived byte (a megabyte of gzip that would become a gigabyte is refused), with 1 MiB
    of slack for tiny archives."""

    max_bytes: int = 4 * _GIB
    max_entries: int = 100_000
    max_ratio: int = 200

    def check(self, entries: int, unpacked: int, archive_size: int, name: str) -> None:
        """Raise :class:`ArtifactError` if ``entries`` entries of ``unpacked`` bytes, from an
        archive of ``archive_size`` bytes, are past a limit; ``name`` is the last entry."""
        if entries > self.max_entries:
            raise ArtifactError(
                f"the archive has more than {self.max_entries} entries (at {name!r}): "
                "raise the limit (max_unpack_entries) or pack fewer files"
            )
        if unpacked > self.max_bytes:
            raise ArtifactError(
                f"the archive unpacks to more than {self.max_bytes} bytes (at {name!r}): "
                "raise the limit (max_unpack_bytes) or make the directory smaller"
            )
        if unpacked > self.max_ratio * archive_size + 1024**2:
            raise ArtifactError(
                f"the archive of {archive_size} bytes unpacks to more than {self.max_ratio} "
                f"times its size (at {name!r}): refused as a decompression bomb"
            )


@dataclass(frozen=True)
class ArchiveEntry:
    """One entry of an archive, as shown in a directory preview."""

    path: str
    size: int
    is_dir: bool


def _walk(root: Path, current: Path) -> Iterator[Path]:
    with os.scandir(current) as scan:
        entries = sorted(scan, key=lambda e: e.name)
    for entry in entries:
        path = Path(entry.path)
        yield path
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(root, path)


def _inside(root: Path, target: Path) -> bool:
    return target == root or root in target.parents


def _normalised(info: tarfile.TarInfo, executable: bool) -> tarfile.TarInfo:
    info.mtime = 0
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mode = 0o755 if info.isdir() or executable else 0o644
    return info


def pack_directory(src: Path, dest_file: Path) -> None:
    """Write the contents of ``src`` as a tar archive to ``dest_file`` (deterministically)."""
    root = src.resolve()
    if not root.is_dir():
        raise ArtifactError(f"{src} is not a directory")
    try:
        with tarfile.open(dest_file, "w", format=tarfile.PAX_FORMAT) as tar:
            for path in _walk(root, root):
                _add(tar, root, path)
    except OSError as exc:
        raise ArtifactError(f"cannot pack {src}: {exc}") from exc


def _add(tar: tarfile.TarFile, root: Path, path: Path) -> None:
    name = path.relative_to(root).as_posix()
    st = path.lstat()
    if stat.S_ISLNK(st.st_mode):
        target = path.resolve()
        if _inside(root, target) and target.exists():
            info = tarfile.TarInfo(name)
            info.type = tarfile.SYMTYPE
            info.linkname = os.path.relpath(target, path.parent).replace(os.sep, "/")
            tar.addfile(_normalised(info, executable=False))
            return
        if not target.is_file():
            raise ArtifactError(
                f"{name} is a link to {os.readlink(path)}, which is neither inside the "
                "directory nor a file: replace it with what it points to"
            )
        st = target.stat()  # a file outside: store its content
        path = target
    if stat.S_ISDIR(st.st_mode):
        info = tarfile.TarInfo(name)
        info.type = tarfile.DIRTYPE
        tar.addfile(_normalised(info, executable=False))
    elif stat.S_ISREG(st.st_mode):
        info = tarfile.TarInfo(name)
        info.size = st.st_size
        with path.open("rb") as handle:
            tar.addfile(_normalised(info, executable=bool(st.st_mode & 0o111)), handle)
    else:
        raise ArtifactError(f"{name} is not a file, a directory or a link: it cannot be packed")


def _check_member(member: tarfile.TarInfo, dest: Path) -> None:
    """Refuse a member that could write outside ``dest`` (for Pythons without the data
    filter)."""
    name = member.name
    if name.startswith("/") or os.path.isabs(name) or ".." in name.split("/"):
        raise ArtifactError(f"the archive entry {name!r} would be written outside the directory")
    if not (member.isfile() or member.isdir() or member.issym() or member.islnk()):
        raise ArtifactError(f"the archive entry {name!r} is a device or a fifo: refused")
    if member.issym() or member.islnk():
        link = member.linkname
        base = posixpath.dirname(name) if member.issym() else ""
        target = posixpath.normpath(posixpath.join(base, link))
        if posixpath.isabs(link) or target == ".." or target.startswith("../"):
            raise ArtifactError(f"the archive entry {name!r} links outside the directory")
    resolved = (dest / name).resolve()
    if not _inside(dest, resolved):
        raise ArtifactError(f"the archive entry {name!r} would be written outside the directory")


def _safe_copy(member: tarfile.TarInfo) -> tarfile.TarInfo:
    # What the data filter does: files belong to whoever unpacks them; no setuid, setgid or
    # sticky bit, no write permission for group and others.
    safe = copy.copy(member)
    safe.uid, safe.gid, safe.uname, safe.gname = os.getuid(), os.getgid(), "", ""
    safe.mode = member.mode & 0o755
    return safe


# Our own checks ran: tell Pythons that have filters not to warn about extracting unfiltered.
_TRUSTED: dict[str, Any] = (
    {"filter": "fully_trusted"} if hasattr(tarfile, "fully_trusted_filter") else {}
)


def _checked_members(
    tar: tarfile.TarFile, root: Path, limits: UnpackLimits, size: int
) -> list[tarfile.TarInfo]:
    """Every member, each checked as soon as its header is read: past a limit nothing more is
    read (nor, with a compressed archive, decompressed)."""
    members: list[tarfile.TarInfo] = []
    unpacked = 0
    while (member := tar.next()) is not None:
        _check_member(member, root)
        members.append(member)
        unpacked += member.size if member.isfile() else 0
        limits.check(len(members), unpacked, size, member.name)
    return members


def unpack_archive(
    archive: Path,
    dest: Path,
    *,
    limits: UnpackLimits | None = None,
    use_data_filter: bool | None = None,
) -> None:
    """Extract ``archive`` into ``dest`` (created if missing), refusing unsafe entries and
    archives past ``limits`` with :class:`ArtifactError`. ``use_data_filter`` forces one
    implementation (tests)."""
    dest.mkdir(parents=True, exist_ok=True)
    root = dest.resolve()
    limits = limits or UnpackLimits()
    if use_data_filter is None:
        use_data_filter = hasattr(tarfile, "data_filter")
    try:
        size = archive.stat().st_size
        with tarfile.open(archive, "r:*") as tar:
            # refuse the whole archive before writing anything
            members = _checked_members(tar, root, limits, size)
            if use_data_filter:
                tar.extractall(root, members, filter="data")
                return
            for member in members:
                # Checked again right before writing: the path now resolves through the links
                # extracted so far.
                _check_member(member, root)
                tar.extract(_safe_copy(member), root, set_attrs=not member.issym(), **_TRUSTED)
    except tarfile.FilterError as exc:
        raise ArtifactError(f"unsafe archive entry refused: {exc}") from exc
    except (tarfile.TarError, OSError, EOFError, zlib.error, lzma.LZMAError) as exc:
        raise ArtifactError(f"cannot unpack {archive.name}: {exc}") from exc


@dataclass(frozen=True)
class ArchiveListing:
    """The first entries of an archive; ``complete`` is false when there may be more."""

    entries: list[ArchiveEntry]
    complete: bool


class _OverBudget(Exception):
    pass


class _Budgeted(io.RawIOBase):
    """A decompressed stream that refuses to give more than ``budget`` bytes."""

    def __init__(self, stream: IO[bytes], budget: int) -> None:
        self._stream = stream
        self._left = budget

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._left <= 0 and len(view):
            raise _OverBudget
        data = self._stream.read(min(len(view), self._left))
        view[: len(data)] = data
        self._left -= len(data)
        return len(data)


_DECOMPRESSORS: list[tuple[bytes, Any]] = [
    (b"\x1f\x8b", gzip.GzipFile),
    (b"BZh", bz2.BZ2File),
    (b"\xfd7zXZ\x00", lzma.LZMAFile),
]


def _decompressor(handle: IO[bytes]) -> Any:
    """The decompressor class for ``handle``'s content (``None``: not compressed)."""
    start = handle.tell()
    magic = handle.read(6)
    handle.seek(start)
    return next((cls for prefix, cls in _DECOMPRESSORS if magic.startswith(prefix)), None)


def _open_for_listing(raw: IO[bytes], cls: Any, budget: int) -> tarfile.TarFile:
    if cls is None:
        return tarfile.open(fileobj=raw, mode="r:")  # seeks over the data: headers only
    return tarfile.open(fileobj=io.BufferedReader(_Budgeted(cls(fileobj=raw), budget)), mode="r|")


def list_archive(source: Path | IO[bytes], limit: int, *, budget: int = 1024**2) -> ArchiveListing:
    """The first ``limit`` entries of an archive (a path or a readable, seekable binary file).
    An uncompressed archive has only its headers read; a compressed one is read as a stream of
    at most ``budget`` decompressed bytes. A cut-off archive lists what it holds."""
    entries: list[ArchiveEntry] = []
    complete = False
    with source.open("rb") if isinstance(source, Path) else contextlib.nullcontext(source) as raw:
        try:
            cls = _decompressor(raw)
            with _open_for_listing(raw, cls, budget) as tar:
                while len(entries) < limit:
                    member = tar.next()
                    if member is None:
                        # an uncompressed archive is read by seeking, even past the end of a cut
                        # one: whole, it ends with two zero blocks
                        end = tar.offset + 2 * tarfile.BLOCKSIZE
                        complete = cls is not None or end <= raw.seek(0, io.SEEK_END)
                        break
                    entries.append(ArchiveEntry(member.name, member.size, member.isdir()))
        except _OverBudget:
            pass
        except tarfile.ReadError as exc:
            if not entries and "empty file" not in str(exc):
                raise ArtifactError(f"not a tar archive: {exc}") from exc
            complete = not entries
        except (tarfile.TarError, EOFError, OSError, zlib.error, lzma.LZMAError) as exc:
            if not entries:
                raise ArtifactError(f"cannot read the archive: {exc}") from exc
    return ArchiveListing(entries, complete)
