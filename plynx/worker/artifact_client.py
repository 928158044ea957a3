"""The worker's HTTP access to the server's artifacts (``/api/v1/artifacts``).

Downloads stream to a file and are verified against their sha256; uploads are verified by the
server. A server that is restarting (connection refused or reset, 502/503/504) is retried with
backoff for a while, so that a short outage does not fail the node whose outputs are being
uploaded; any other answer is an :class:`~plynx.errors.ArtifactError` right away.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

import aiohttp

from plynx.artifacts.base import CHUNK_SIZE
from plynx.errors import ArtifactError
from plynx.model.run import ArtifactRef

__all__ = ["SMALL_FILE", "ArtifactClient"]

logger = logging.getLogger(__name__)
T = TypeVar("T")
#: Files up to this size are read into memory (and hashed) in the event loop.
SMALL_FILE = 1024 * 1024
_TRANSIENT_STATUS = frozenset({502, 503, 504})
_TRANSIENT_ERRORS = (aiohttp.ClientConnectionError, aiohttp.ClientPayloadError, TimeoutError)
_TRIES = 8  # about 20 s with the backoff below
_FIRST_DELAY = 0.2
_MAX_DELAY = 5.0


class _Transient(Exception):
    """An answer worth trying again (the server is restarting)."""


class ArtifactClient:
    """The server's artifact endpoints, with the worker token as Bearer."""

    def __init__(self, session: aiohttp.ClientSession, server: str, token: str) -> None:
        self._session = session
        self._base = server.rstrip("/") + "/api/v1/artifacts"
        self._headers = {"Authorization": f"Bearer {token}"} if token else {}

    async def _retrying(self, what: str, operation: Callable[[], Awaitable[T]]) -> T:
        delay = _FIRST_DELAY
        for attempt in range(1, _TRIES + 1):
            try:
                return await operation()
            except (_Transient, *_TRANSIENT_ERRORS) as exc:
                if attempt == _TRIES:
                    raise ArtifactError(f"cannot {what}: {exc or type(exc).__name__}") from exc
                logger.info("cannot %s (%s); trying again in %.1fs", what, exc, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, _MAX_DELAY)
            except aiohttp.ClientError as exc:
                raise ArtifactError(f"cannot {what}: {exc}") from exc
        raise AssertionError("unreachable")

    @staticmethod
    async def _check(resp: aiohttp.ClientResponse, ok: tuple[int, ...], what: str) -> None:
        if resp.status in ok:
            return
        message = f"the server answered {resp.status} {(await resp.text())[:200]}"
        if resp.status in _TRANSIENT_STATUS:
            raise _Transient(message)
        raise ArtifactError(f"cannot {what}: {message}")

    async def download(self, sha256: str, dest: Path) -> int:
        """Stream the artifact into ``dest``, verifying its hash; return its size."""
        what = f"download artifact {sha256}"

        async def attempt() -> tuple[str, int]:
            digest = hashlib.sha256()
            size = 0
            async with self._session.get(f"{self._base}/{sha256}", headers=self._headers) as resp:
                await self._check(resp, (200,), what)
                with dest.open("wb") as handle:
                    async for chunk in resp.content.iter_chunked(CHUNK_SIZE):
                        digest.update(chunk)
                        size += len(chunk)
                        handle.write(chunk)
            return digest.hexdigest(), size

        actual, size = await self._retrying(what, attempt)
        if actual != sha256:
            raise ArtifactError(
                f"artifact {sha256} arrived corrupted (its content hashes to {actual}); try again"
            )
        return size

    async def exists(self, sha256: str) -> bool:
        """Whether the server has the artifact (``False`` when it cannot tell)."""
        try:
            async with self._session.head(f"{self._base}/{sha256}", headers=self._headers) as resp:
                return resp.status == 200
        except aiohttp.ClientError:
            return False

    async def upload(self, path: Path, ref: ArtifactRef) -> None:
        """Upload a file; the server verifies it against ``ref.sha256``."""
        what = f"upload output {ref.name!r}"
        query = {"sha256": ref.sha256, "name": ref.name, "type": ref.type.value}
        headers = {**self._headers, "Content-Type": "application/octet-stream"}

        async def attempt() -> None:
            if ref.size <= SMALL_FILE:
                body = path.read_bytes()  # noqa: ASYNC240 - small: cheaper than a thread hop
                async with self._session.post(
                    self._base, params=query, data=body, headers=headers
                ) as resp:
                    await self._check(resp, (200, 201), what)
                return
            with path.open("rb") as handle:
                async with self._session.post(
                    self._base, params=query, data=handle, headers=headers
                ) as resp:
                    await self._check(resp, (200, 201), what)

        await self._retrying(what, attempt)
