"""Directories travel as tar archives.

:func:`pack_directory` is deterministic: the same files give the same bytes, hence the same
sha256 (so a directory output can hit the cache). Entries are sorted, times are 0, owners are
0 without names, and modes are normalised to ``0o755`` (directories, executables) or ``0o644``.
Links inside the directory stay links; a link to a file outside is stored as that file's
content; any other special file is refused.

:func:`unpack_archive` refuses what could write outside its destination: absolute names,
``..``, links pointing outside, devices and fifos. Every entry is checked before anything is
written; extraction then goes through ``tarfile``'s ``data`` filter where the Python has it
(3.12, and 3.11.4 on), or checks each entry again right before writing it otherwise.

These functions are synchronous and meant to run in a thread (``asyncio.to_thread``).
"""

from __future__ import annotations

import copy
import os
import posixpath
import stat
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from plynx.errors import ArtifactError

__all__ = ["ArchiveEntry", "list_archive", "pack_directory", "unpack_archive"]


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


def unpack_archive(archive: Path, dest: Path, *, use_data_filter: bool | None = None) -> None:
    """Extract ``archive`` into ``dest`` (created if missing), refusing unsafe entries with
    :class:`ArtifactError`. ``use_data_filter`` forces one implementation (tests)."""
    dest.mkdir(parents=True, exist_ok=True)
    root = dest.resolve()
    if use_data_filter is None:
        use_data_filter = hasattr(tarfile, "data_filter")
    try:
        with tarfile.open(archive, "r:*") as tar:
            members = tar.getmembers()
            for member in members:  # refuse the whole archive before writing anything
                _check_member(member, root)
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
    except (tarfile.TarError, OSError) as exc:
        raise ArtifactError(f"cannot unpack {archive.name}: {exc}") from exc


def list_archive(source: Path | IO[bytes], limit: int) -> list[ArchiveEntry]:
    """The first ``limit`` entries of an archive (a path or a readable binary file). Only the
    headers are read when the file can seek; a cut-off archive lists what it holds."""
    entries: list[ArchiveEntry] = []
    try:
        named = source if isinstance(source, Path) else None
        fileobj = None if isinstance(source, Path) else source
        with tarfile.open(named, "r:*", fileobj=fileobj) as tar:
            while len(entries) < limit:
                member = tar.next()
                if member is None:
                    break
                entries.append(ArchiveEntry(member.name, member.size, member.isdir()))
    except tarfile.ReadError as exc:
        if not entries and "empty file" not in str(exc):
            raise ArtifactError(f"not a tar archive: {exc}") from exc
    except (tarfile.TarError, EOFError, OSError) as exc:
        if not entries:
            raise ArtifactError(f"cannot read the archive: {exc}") from exc
    return entries
