"""``/cache``: the results PLynx reuses instead of running a node again."""

from __future__ import annotations

import logging

from aiohttp import web

from plynx.model import CacheEntry, Page
from plynx.server import keys
from plynx.server.access import ADMIN, VIEWER
from plynx.server.api.base import (
    PAGING,
    Route,
    identity,
    json_response,
    page_query,
    settled,
)
from plynx.server.schemas import Deleted

__all__ = ["ROUTES"]

logger = logging.getLogger(__name__)


async def list_cache(request: web.Request) -> web.Response:
    """Cache entries, newest first."""
    offset, limit = page_query(request)
    await settled(request)  # the entries of a run that just finished are listed
    page = await request.app[keys.STORE].list_cache_entries(offset=offset, limit=limit)
    return json_response(page)


async def clear_cache(request: web.Request) -> web.Response:
    """Forget every cache entry: later runs execute every node again. Artifacts stay."""
    await settled(request)  # an entry on its way to the store is forgotten too
    deleted = await request.app[keys.STORE].delete_cache_entries()
    logger.info("cache cleared by %s: %d entries", identity(request).user or "local", deleted)
    return json_response(Deleted(deleted=deleted))


ROUTES = [
    Route(
        "GET",
        "/cache",
        list_cache,
        "Cache entries, newest first",
        "cache",
        response=Page[CacheEntry],
        query=PAGING,
        access=VIEWER,
    ),
    Route(
        "DELETE",
        "/cache",
        clear_cache,
        "Delete every cache entry",
        "cache",
        response=Deleted,
        errors=(),
        access=ADMIN,
    ),
]
