"""``/artifacts``: upload (raw or multipart, streamed, verified), download and previews.

Nothing is read into memory whole: uploads stream from the socket into the artifact store,
downloads stream out of it (with sendfile when the store is a local directory). Downloads
never run in the page's origin: they carry ``nosniff``, a sandboxing CSP, and a content type
that no browser renders as a page.
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import PurePosixPath
from urllib.parse import quote, unquote

from aiohttp import BodyPartReader, web
from aiohttp.http_exceptions import HttpProcessingError

from plynx.artifacts import CHUNK_SIZE, check_sha256
from plynx.artifacts.preview import preview, sniff_image
from plynx.errors import InvalidInput, NotFound
from plynx.model import ArtifactMeta, ArtifactRef, ResourceType, TokenKind
from plynx.server import keys
from plynx.server.access import ARTIFACT_READ, ARTIFACT_WRITE
from plynx.server.api.base import PATH_PATTERNS, Query, Route, identity, json_response
from plynx.server.schemas import Preview

__all__ = ["ROUTES"]

logger = logging.getLogger(__name__)
_R = ResourceType
_TEXT_TYPES = {
    _R.TEXT: "text/plain",
    _R.CSV: "text/csv",
    _R.TSV: "text/tab-separated-values",
    _R.JSON: "application/json",
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _resource_type(raw: str | None) -> ResourceType:
    if raw is None:
        return ResourceType.FILE
    try:
        return ResourceType(raw)
    except ValueError:
        allowed = ", ".join(t.value for t in ResourceType)
        raise InvalidInput(f"'type' must be one of {allowed}, got {raw!r}") from None


def _clean_name(raw: str) -> str:
    """A file name to show: no directories, no control characters, not too long."""
    return _CONTROL.sub("", PurePosixPath(raw.replace("\\", "/")).name)[:255]


async def _limited(chunks: AsyncIterator[bytes], limit: int) -> AsyncIterator[bytes]:
    total = 0
    async for chunk in chunks:
        total += len(chunk)
        if total > limit:
            raise web.HTTPRequestEntityTooLarge(max_size=limit, actual_size=total)
        yield chunk


async def _part_chunks(part: BodyPartReader) -> AsyncIterator[bytes]:
    while chunk := await part.read_chunk(CHUNK_SIZE):
        yield chunk


def check_worker_access(request: web.Request, sha256: str | None) -> None:
    """A worker token transfers only the artifacts of attempts its worker holds (leased on its
    live connection): it downloads their inputs (``sha256``), and while it holds one it may
    upload (``None``) and ask whether an artifact exists (``HEAD``, which spares uploading a
    big output twice). Anything else is 403. Other callers are not restricted here."""
    who = identity(request)
    if who.kind != TokenKind.WORKER:
        return
    if request.method == "HEAD":
        sha256 = None
    if request.app[keys.ENGINE].worker_may_transfer(who.token_id, sha256):
        return
    if sha256 is None:
        what = "upload: no worker connected with this token holds an attempt"
    else:
        what = (
            f"read artifact {sha256}: it is no input of an attempt that a worker connected "
            "with this token holds"
        )
    raise web.HTTPForbidden(text=f"a worker token may not {what}")


async def _multipart_file(request: web.Request, fields: dict[str, str]) -> AsyncIterator[bytes]:
    """The chunks of the multipart field ``file``; the text fields before it fill ``fields``."""
    try:
        reader = await request.multipart()
        while True:
            part = await reader.next()
            if part is None:
                raise InvalidInput("a multipart upload needs a field named 'file'")
            if not isinstance(part, BodyPartReader):
                raise InvalidInput("a multipart upload may not nest multipart bodies")
            if part.name == "file":
                # some clients (aiohttp among them) percent-encode the file name
                fields["name"] = fields["name"] or unquote(part.filename or "")
                return _part_chunks(part)
            if part.name in fields and not fields[part.name]:
                fields[part.name] = (await part.text())[:1024].strip()
            else:
                await part.release()
    except (ValueError, LookupError, HttpProcessingError) as exc:
        # no boundary, a malformed part header, an unknown charset or bytes that are not text
        raise InvalidInput(f"the multipart body cannot be read: {exc}") from None


async def upload_artifact(request: web.Request) -> web.Response:
    """Store the body (raw, or the multipart field ``file``); with ``sha256=`` it must hash to
    that, else 400 and nothing is stored."""
    check_worker_access(request, None)
    fields = {k: request.query.get(k, "") for k in ("sha256", "name", "type")}
    if request.query.get("type") == "":
        _resource_type("")  # a clear 400, before the body is read
    chunks: AsyncIterator[bytes]
    if request.content_type.startswith("multipart/"):
        chunks = await _multipart_file(request, fields)
    else:
        chunks = request.content.iter_chunked(CHUNK_SIZE)
    given = fields["sha256"] or "sha256" in request.query
    expected = check_sha256(fields["sha256"]) if given else None
    kind = _resource_type(fields["type"] or None)
    name = _clean_name(fields["name"])
    limit = request.app[keys.SETTINGS].max_upload_bytes
    sha256, size = await request.app[keys.ARTIFACTS].put(_limited(chunks, limit), expected)
    await request.app[keys.STORE].put_artifact_meta(
        ArtifactMeta(sha256=sha256, size=size, type=kind, name=name, created_at=datetime.now(UTC))
    )
    logger.info("artifact %s stored (%d bytes)", sha256, size)
    return json_response(ArtifactRef(sha256=sha256, size=size, type=kind, name=name), 201)


async def _meta(request: web.Request, sha256: str) -> ArtifactMeta | None:
    if not await request.app[keys.ARTIFACTS].exists(sha256):
        raise NotFound("artifact", sha256)
    try:
        return await request.app[keys.STORE].get_artifact_meta(sha256)
    except NotFound:  # stored bytes without metadata (e.g. written by another tool)
        return None


def _disposition(name: str, inline: bool) -> str:
    mode = "inline" if inline else "attachment"
    if not name:
        return mode
    fallback = re.sub(r"[^A-Za-z0-9._ -]", "_", name)
    return f"{mode}; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}"


def _as_referenced(request: web.Request, meta: ArtifactMeta | None) -> tuple[ResourceType, str]:
    """The type and name to serve the artifact as: the reference's (``type=``, ``name=``), for
    they belong to each output or upload, not to the bytes; else the first upload's."""
    raw_type = request.query.get("type")
    if raw_type is not None:
        kind = _resource_type(raw_type)
    else:
        kind = meta.type if meta else ResourceType.FILE
    raw_name = request.query.get("name")
    name = _clean_name(raw_name) if raw_name is not None else (meta.name if meta else "")
    return kind, name


async def _headers(request: web.Request, sha256: str, meta: ArtifactMeta | None) -> dict[str, str]:
    kind, name = _as_referenced(request, meta)
    mime = "application/octet-stream"
    if kind in _TEXT_TYPES:
        mime = f"{_TEXT_TYPES[kind]}; charset=utf-8"
    elif kind == ResourceType.PDF:
        mime = "application/pdf"
    elif kind == ResourceType.DIRECTORY:
        mime = "application/x-tar"
    elif kind == ResourceType.IMAGE:
        # what the bytes are, not what a name claims; an SVG stays inert under the CSP below
        head = await request.app[keys.ARTIFACTS].read_head(sha256, 1024)
        mime = sniff_image(head) or mime
    inline = mime != "application/octet-stream" and kind != ResourceType.DIRECTORY
    return {
        "Content-Type": mime,
        "Content-Disposition": _disposition(name, inline),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox; default-src 'none'",
        "Cache-Control": "private, max-age=31536000, immutable",
    }


async def download_artifact(request: web.Request) -> web.StreamResponse:
    """The artifact's bytes."""
    sha256 = check_sha256(request.match_info["sha256"])
    check_worker_access(request, sha256)
    meta = await _meta(request, sha256)
    headers = await _headers(request, sha256, meta)
    artifacts = request.app[keys.ARTIFACTS]
    path = artifacts.local_path(sha256)
    if path is not None:
        return web.FileResponse(path, chunk_size=CHUNK_SIZE, headers=headers)
    response = web.StreamResponse(headers=headers)
    response.content_length = await artifacts.size(sha256)
    await response.prepare(request)
    if request.method == "HEAD":
        return response
    try:
        async for chunk in artifacts.read(sha256):
            await response.write(chunk)
    except Exception:
        # Headers are gone already: all that is left is to cut the connection short.
        logger.exception("artifact %s: reading failed while sending it", sha256)
        if request.transport is not None:
            request.transport.close()
        return response
    await response.write_eof()
    return response


async def preview_artifact(request: web.Request) -> web.Response:
    """A small JSON preview of an artifact, by type (``type=`` overrides the stored one)."""
    sha256 = check_sha256(request.match_info["sha256"])
    check_worker_access(request, sha256)
    meta = await _meta(request, sha256)
    kind, _ = _as_referenced(request, meta)
    spec = request.app[keys.REGISTRY].resource_type(kind)
    custom = (spec.safe_preview, spec.preview_max_bytes) if spec and spec.has_preview() else None
    return json_response(await preview(request.app[keys.ARTIFACTS], sha256, kind, custom=custom))


_TAG = "artifacts"
ROUTES = [
    Route(
        "POST",
        "/artifacts",
        upload_artifact,
        "Upload an artifact: the raw body, or the multipart field 'file'",
        _TAG,
        response=ArtifactRef,
        status=201,
        query=(
            Query(
                "sha256",
                "the expected sha256; a mismatch is refused (400)",
                pattern=PATH_PATTERNS["sha256"],
            ),
            Query("name", "a file name to remember"),
            Query("type", "the resource type", enum=[t.value for t in ResourceType]),
        ),
        request_content=("application/octet-stream", "multipart/form-data"),
        errors=(400, 403, 413),
        access=ARTIFACT_WRITE,
    ),
    Route(
        "GET",
        "/artifacts/{sha256}",
        download_artifact,
        "Download an artifact, served as the type and name of the reference that points at it",
        _TAG,
        query=(
            Query("type", "serve as this type", enum=[t.value for t in ResourceType]),
            Query("name", "the file name to save it as"),
        ),
        content="*/*",
        errors=(400, 403, 404),
        access=ARTIFACT_READ,
    ),
    Route(
        "GET",
        "/artifacts/{sha256}/preview",
        preview_artifact,
        "A JSON preview of an artifact (table, json, text, image, directory or binary)",
        _TAG,
        response=Preview,
        query=(Query("type", "preview as this type", enum=[t.value for t in ResourceType]),),
        errors=(400, 403, 404),
        access=ARTIFACT_READ,
    ),
]
