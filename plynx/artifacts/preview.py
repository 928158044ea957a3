"""Small JSON previews of artifacts for the dashboard, by resource type.

Only the head of an artifact is ever read (``max_bytes``); the shapes are those of
``GET /api/v1/artifacts/{sha256}/preview``::

    {"kind": "table", "columns": [...], "rows": [[...]], "truncated": bool}     csv, tsv
    {"kind": "json", "value": ..., "truncated": false}       json (nested at most 200 deep)
    {"kind": "text", "text": str, "truncated": bool}        text, file; other json
    {"kind": "image", "url": "/api/v1/artifacts/<sha>", "mime": "image/png"}    image
    {"kind": "directory", "entries": [{"path", "size", "is_dir"}], "truncated": bool}
    {"kind": "binary", "size": n}             pdf, executable, and anything that is not text

A plugin's resource type may preview itself (``custom``): it gets the head of the artifact in a
thread and returns structured data (``text``, ``table``, ``json``, ``image`` with inline data,
or a ``list`` of those), validated by the caller; never HTML.
"""

from __future__ import annotations

import asyncio
import codecs
import csv
import io
import logging
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

import pydantic_core

from plynx.artifacts.archive import list_archive
from plynx.artifacts.base import ArtifactStore, check_sha256
from plynx.model import ResourceType

__all__ = ["ARTIFACT_URL", "CustomPreview", "preview", "sniff_image"]

logger = logging.getLogger(__name__)

#: A plugin's preview: ``(head, size, truncated) -> JSON-ready dict or None`` (then the
#: generic preview is used), and how many bytes of the head it wants.
CustomPreview = tuple[Callable[[bytes, int, bool], dict[str, Any] | None], int]

#: Where the dashboard fetches an artifact's bytes.
ARTIFACT_URL = "/api/v1/artifacts/{sha256}"
_KIB = 1024

_MAGIC: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
]


def sniff_image(head: bytes) -> str | None:
    """The MIME type of an image from its first bytes (png, jpeg, gif, webp, svg), or
    ``None``."""
    for magic, mime in _MAGIC:
        if head.startswith(magic):
            return mime
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    start = head[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"<svg") or (start.startswith(b"<?xml") and b"<svg" in start):
        return "image/svg+xml"
    return None


def _decode_head(head: bytes, cut: bool) -> str:
    """Text of ``head``; when the artifact goes on (``cut``), a character split at the end is
    dropped rather than shown as garbage."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="replace")
    return decoder.decode(head, final=not cut)


def _looks_binary(head: bytes, cut: bool) -> bool:
    if b"\x00" in head:
        return True
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=not cut)
    except UnicodeDecodeError:
        return True
    return False


def _text(head: bytes, cut: bool) -> dict[str, Any]:
    return {"kind": "text", "text": _decode_head(head, cut), "truncated": cut}


def _table(head: bytes, cut: bool, delimiter: str, max_rows: int) -> dict[str, Any]:
    text = _decode_head(head, cut)
    if cut:  # the last line is probably incomplete
        text = text[: text.rfind("\n") + 1] if "\n" in text else ""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        columns = next(reader, [])
        rows: list[list[str]] = []
        more = False
        for row in reader:
            if len(rows) == max_rows:
                more = True
                break
            rows.append(row)
    except csv.Error:
        return _text(head, cut)
    return {"kind": "table", "columns": columns, "rows": rows, "truncated": cut or more}


def _json(head: bytes, cut: bool) -> dict[str, Any]:
    if not cut:
        try:
            # the parser refuses what cannot be shown again as JSON: nesting past 200 levels,
            # NaN and Infinity
            value = pydantic_core.from_json(
                _decode_head(head, cut=False), allow_inf_nan=False, cache_strings=False
            )
        except ValueError:
            pass
        else:
            return {"kind": "json", "value": value, "truncated": False}
    return _text(head, cut)


async def _directory(
    store: ArtifactStore, sha256: str, max_bytes: int, max_rows: int
) -> dict[str, Any]:
    path = store.local_path(sha256)
    if path is not None:  # seekable: only the headers are read, unless it is compressed
        listing = await asyncio.to_thread(list_archive, path, max_rows + 1, budget=max_bytes)
        cut = False
    else:
        head = await store.read_head(sha256, max_bytes)
        cut = len(head) >= max_bytes
        listing = await asyncio.to_thread(
            list_archive, io.BytesIO(head), max_rows + 1, budget=max_bytes
        )
    entries = listing.entries
    return {
        "kind": "directory",
        "entries": [asdict(entry) for entry in entries[:max_rows]],
        "truncated": cut or not listing.complete or len(entries) > max_rows,
    }


async def preview(
    store: ArtifactStore,
    sha256: str,
    type: ResourceType,
    *,
    max_bytes: int = 256 * _KIB,
    max_rows: int = 50,
    custom: CustomPreview | None = None,
) -> dict[str, Any]:
    """A JSON-ready preview of the artifact ``sha256`` shown as ``type`` (shapes above), or
    by the type's own ``custom`` preview.
    :class:`~plynx.errors.ArtifactError` if it is not stored."""
    check_sha256(sha256)
    size = await store.size(sha256)
    if custom is not None:
        render, wanted = custom
        head = await store.read_head(sha256, wanted)
        shown = await asyncio.to_thread(render, head, size, size > len(head))
        if shown is not None:
            return shown
    if type in (ResourceType.PDF, ResourceType.EXECUTABLE):
        return {"kind": "binary", "size": size}
    if type == ResourceType.DIRECTORY:
        return await _directory(store, sha256, max_bytes, max_rows)
    if type == ResourceType.IMAGE:
        mime = sniff_image(await store.read_head(sha256, 1024))
        if mime is None:
            return {"kind": "binary", "size": size}
        return {"kind": "image", "url": ARTIFACT_URL.format(sha256=sha256), "mime": mime}

    head = await store.read_head(sha256, max_bytes)
    cut = size > len(head)
    if type == ResourceType.CSV:
        return _table(head, cut, ",", max_rows)
    if type == ResourceType.TSV:
        return _table(head, cut, "\t", max_rows)
    if type == ResourceType.JSON:
        return _json(head, cut)
    if type == ResourceType.FILE and _looks_binary(head, cut):
        return {"kind": "binary", "size": size}
    return _text(head, cut)
