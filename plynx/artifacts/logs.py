"""Node logs on the server: one append-only file per node run and stream.

Logs arrive in many small batches while a node runs, so appends keep their files open: an LRU
of at most ``max_open`` handles, opened unbuffered so that every append is on disk (visible to
readers) as soon as it returns. Offsets are byte offsets into the UTF-8 file; :meth:`LogStore.read`
never splits a character, so the offset it returns is always a safe place to continue from.

Paths are built only from a validated node run id (``uuid4().hex``) and a known stream name.
"""

from __future__ import annotations

import asyncio
import codecs
import re
from collections import OrderedDict
from pathlib import Path
from typing import Final

import aiofiles
import aiofiles.os
from aiofiles.threadpool.binary import AsyncFileIO

from plynx.errors import ArtifactError

__all__ = ["STREAMS", "LogStore"]

#: The streams a node run has.
STREAMS: Final = ("stdout", "stderr")
_NODE_RUN_ID_RE = re.compile(r"^[0-9a-f]{32}$")


def _decode(data: bytes) -> tuple[str, int]:
    """``data`` decoded, without an incomplete character at its end; and how many bytes that
    used."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    text = decoder.decode(data, final=False)
    pending = len(decoder.getstate()[0])
    return text, len(data) - pending


class LogStore:
    """stdout and stderr of every node run, as files under ``directory``:
    ``<directory>/<id[:2]>/<id>.<stream>.log``."""

    def __init__(self, directory: Path | str, max_open: int = 64) -> None:
        self.directory = Path(directory)
        self.max_open = max_open
        self._handles: OrderedDict[Path, AsyncFileIO] = OrderedDict()
        # One append at a time: keeps the order of appends to a file, and no handle is evicted
        # while it is being written to.
        self._lock = asyncio.Lock()

    def __repr__(self) -> str:
        return f"LogStore({str(self.directory)!r})"

    def path(self, node_run_id: str, stream: str) -> Path:
        """The file of one stream of a node run; :class:`ArtifactError` for a malformed id or an
        unknown stream."""
        if not isinstance(node_run_id, str) or not _NODE_RUN_ID_RE.match(node_run_id):
            raise ArtifactError(
                f"{str(node_run_id)[:80]!r} is not a node run id (32 lowercase hex digits)"
            )
        if stream not in STREAMS:
            raise ArtifactError(f"{stream[:80]!r} is not a log stream: use stdout or stderr")
        return self.directory / node_run_id[:2] / f"{node_run_id}.{stream}.log"

    async def append(self, node_run_id: str, stream: str, text: str) -> None:
        """Add ``text`` at the end of the stream's file."""
        path = self.path(node_run_id, stream)
        data = memoryview(text.encode())
        if not data:
            return
        try:
            async with self._lock:
                handle = await self._handle(path)
                while data:  # an unbuffered write may be partial
                    written = await handle.write(data)
                    data = data[written or 0 :]
        except OSError as exc:
            raise ArtifactError(f"cannot append to the log {path}: {exc}") from exc

    async def _handle(self, path: Path) -> AsyncFileIO:
        handle = self._handles.get(path)
        if handle is not None:
            self._handles.move_to_end(path)
            return handle
        await aiofiles.os.makedirs(path.parent, exist_ok=True)
        handle = await aiofiles.open(path, "ab", buffering=0)
        self._handles[path] = handle
        while len(self._handles) > self.max_open:
            _, oldest = self._handles.popitem(last=False)
            await oldest.close()
        return handle

    async def read(
        self, node_run_id: str, stream: str, offset: int = 0, limit: int | None = None
    ) -> tuple[str, int]:
        """The text from byte ``offset`` (at most ``limit`` bytes) and the offset to continue
        from. A log that does not exist (yet) reads as empty."""
        path = self.path(node_run_id, stream)
        if offset < 0 or (limit is not None and limit < 0):
            raise ArtifactError(f"offset ({offset}) and limit ({limit}) must not be negative")
        if limit == 0:
            return "", offset
        try:
            async with aiofiles.open(path, "rb") as handle:
                await handle.seek(offset)
                # 3 bytes more: room to finish a character that the limit cuts.
                data = await handle.read(-1 if limit is None else limit + 3)
        except FileNotFoundError:
            return "", offset
        except OSError as exc:
            raise ArtifactError(f"cannot read the log {path}: {exc}") from exc
        text, used = _decode(data if limit is None else data[:limit])
        if used == 0 and limit is not None:
            # The limit is smaller than the first character: return that one character.
            for end in range(limit + 1, len(data) + 1):
                text, used = _decode(data[:end])
                if used:
                    break
        return text, offset + used

    async def size(self, node_run_id: str, stream: str) -> int:
        """The size of the stream's file in bytes (0 if there is none)."""
        path = self.path(node_run_id, stream)
        try:
            return int(await aiofiles.os.path.getsize(path))
        except FileNotFoundError:
            return 0
        except OSError as exc:
            raise ArtifactError(f"cannot stat the log {path}: {exc}") from exc

    async def close(self) -> None:
        """Close every open file (appending again reopens them)."""
        async with self._lock:
            handles, self._handles = list(self._handles.values()), OrderedDict()
            for handle in handles:
                await handle.close()
