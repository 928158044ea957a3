"""``/health``: whether the server is up (never needs a token)."""

from __future__ import annotations

from aiohttp import web

from plynx import __version__
from plynx.server.access import PUBLIC
from plynx.server.api.base import Route, json_response
from plynx.server.looplag import LOOP_LAG
from plynx.server.schemas import Health, LoopLag

__all__ = ["ROUTES"]


async def health(request: web.Request) -> web.Response:
    """The server is up; its version and how late its event loop wakes up."""
    monitor = request.app.get(LOOP_LAG)
    loop = LoopLag.model_validate(monitor.snapshot()) if monitor is not None else None
    return json_response(Health(version=__version__, loop=loop))


ROUTES = [
    Route(
        "GET",
        "/health",
        health,
        "Whether the server is up and how responsive it is (no token needed)",
        "server",
        response=Health,
        errors=(),
        access=PUBLIC,
    ),
]
