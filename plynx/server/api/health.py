"""``/health``: whether the server is up (never needs a token)."""

from __future__ import annotations

from aiohttp import web

from plynx import __version__
from plynx.server.api.base import Route, json_response
from plynx.server.schemas import Health

__all__ = ["ROUTES"]


async def health(request: web.Request) -> web.Response:
    """The server is up; its version."""
    return json_response(Health(version=__version__))


ROUTES = [
    Route(
        "GET",
        "/health",
        health,
        "Whether the server is up (no token needed)",
        "server",
        response=Health,
        errors=(),
    ),
]
